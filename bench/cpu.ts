import fs from "node:fs";

/**
 * CPU time of processes, read from /proc (Linux): utime + stime of every thread
 * of a process, in clock ticks. `withReaped` adds the children it has waited
 * for (cutime + cstime): the postmaster's exited backends, or a finished `wrk`.
 */

const TICK = 100; // CLK_TCK on Linux

function statFields(pid: number): string[] | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return s.slice(s.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null; // exited
  }
}

/** Seconds of CPU used by `pid` so far (0 when gone). */
export function cpuSeconds(pid: number, withReaped = false): number {
  const f = statFields(pid);
  if (!f) return 0;
  // Fields after the command: state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17) → index − 3.
  let ticks = Number(f[11]) + Number(f[12]);
  if (withReaped) ticks += Number(f[13]) + Number(f[14]);
  return ticks / TICK;
}

/** Direct children of `ppid`. */
export function childrenOf(ppid: number): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    const f = statFields(Number(d));
    if (f && Number(f[1]) === ppid) out.push(Number(d));
  }
  return out;
}

/** A named set of processes whose CPU is measured over a window. */
export interface CpuGroup {
  name: string;
  /** Seconds of CPU of the group now. */
  read(): number;
}

export const processGroup = (name: string, pids: () => number[], withReaped = false): CpuGroup => ({
  name,
  read: () => pids().reduce((s, p) => s + cpuSeconds(p, withReaped), 0),
});

/** PostgreSQL: the postmaster with its exited children, plus its live backends and workers. */
export const postgresGroup = (postmasterPid: number): CpuGroup => ({
  name: "postgres",
  read: () => cpuSeconds(postmasterPid, true) + childrenOf(postmasterPid).reduce((s, p) => s + cpuSeconds(p), 0),
});

export interface CpuWindow {
  /** % of one core over the window, per group (200 % = both cores of a 2-core machine). */
  stop(): Record<string, number>;
}

export function startCpuWindow(groups: CpuGroup[]): CpuWindow {
  const t0 = performance.now();
  const before = groups.map((g) => g.read());
  return {
    stop() {
      const secs = (performance.now() - t0) / 1000;
      const out: Record<string, number> = {};
      groups.forEach((g, i) => (out[g.name] = (100 * (g.read() - before[i]!)) / secs));
      if ("machine" in out) {
        const ours = Object.entries(out).reduce((s, [k, v]) => (k === "machine" ? s : s + v), 0);
        out["other processes"] = Math.max(0, out.machine! - ours);
      }
      return out;
    },
  };
}

/** Busy CPU seconds of the whole machine (every core, every process, the kernel), from /proc/stat. */
export function machineBusySeconds(): number {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!;
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / TICK;
}

/** The whole machine; `startCpuWindow` then also reports "other processes" = machine − the other groups. */
export const machineGroup: CpuGroup = { name: "machine", read: machineBusySeconds };

/**
 * Waits (at most `maxMs`) until the machine is quiet: less than `thresholdPct`
 * % of one core busy over one second. Other work on a shared machine skews a
 * benchmark; this keeps it out when it can, and says so when it cannot.
 */
export async function waitForQuiet(maxMs: number, thresholdPct = 25): Promise<{ waitedMs: number; busyPct: number; quiet: boolean }> {
  const t0 = performance.now();
  for (;;) {
    const b0 = machineBusySeconds();
    await new Promise((r) => setTimeout(r, 1000));
    const busyPct = (machineBusySeconds() - b0) * 100;
    const waitedMs = performance.now() - t0;
    if (busyPct < thresholdPct) return { waitedMs, busyPct, quiet: true };
    if (waitedMs >= maxMs) return { waitedMs, busyPct, quiet: false };
  }
}
