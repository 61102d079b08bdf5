/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. from `BENCH_PROFILE=1 npm run bench`):
 * self time by function, and by where the code lives (project file, package, Node internals).
 *
 *   npx tsx bench/profile.ts /tmp/vigie-bench-prof/postgres/<file>.cpuprofile [top=25]
 */
import fs from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const file = process.argv[2];
if (!file) {
  console.error("usage: tsx bench/profile.ts <file.cpuprofile> [top]");
  process.exit(2);
}
const top = Number(process.argv[3] ?? 25);
const prof = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const self = new Map<number, number>();
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (url: string): string => {
  if (!url) return "(native / V8)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (url.startsWith("node:")) return "node internals";
  const local = /\/work\/[^/]+\/(.+)$/.exec(url.replace(/^file:\/\//, ""));
  return local ? local[1]! : url;
};

const fnKey = (n: Node) => `${n.callFrame.functionName || "(anonymous)"}  ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const agg = (key: (n: Node) => string) => {
  const m = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    m.set(key(n), (m.get(key(n)) ?? 0) + t);
  }
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
};

/** Inclusive time of project functions: a sample counts once for each distinct project frame on its stack. */
const inclusive = new Map<string, number>();
for (const [id, t] of self) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur)!;
    const w = where(n.callFrame.url);
    if (/^(lib|db)\//.test(w)) {
      const k = fnKey(n);
      if (!seen.has(k)) {
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + t);
      }
    }
  }
}

const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %`;
const wall = (prof.endTime - prof.startTime) / 1000;
console.log(`${file}\nwall ${wall.toFixed(0)} ms, sampled ${(total / 1000).toFixed(0)} ms (idle included)\n`);
console.log("Self time by location:");
for (const [k, t] of agg((n) => (n.callFrame.functionName === "(idle)" ? "(idle)" : n.callFrame.functionName === "(garbage collector)" ? "(garbage collector)" : where(n.callFrame.url))).slice(0, top)) {
  console.log(`${ms(t)}  ${k}`);
}
console.log("\nSelf time by function:");
for (const [k, t] of agg(fnKey).slice(0, top)) console.log(`${ms(t)}  ${k}`);
console.log("\nInclusive time of project functions:");
for (const [k, t] of [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(t)}  ${k}`);
