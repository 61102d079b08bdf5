import { parseArgs } from "node:util";
import { startSimulator } from "../lib/sim/runner";

const USAGE = `usage: tsx scripts/simulate.ts --url http://127.0.0.1:3000 --key <ingest key>
  [--seed N] [--backfill-hours H] [--rate-scale X] [--tz Europe/Paris]

Posts realistic contact-center traffic to a Vigie server until interrupted.
--key defaults to $VIGIE_INGEST_KEY and --tz to $VIGIE_TIMEZONE (else Europe/Paris),
so that the simulated day follows the same clock as the server.`;

function fail(message: string): never {
  console.error(`simulate: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function number(name: string, raw: string | undefined, check: (n: number) => boolean): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || !check(n)) fail(`--${name}: invalid value "${raw}"`);
  return n;
}

let args;
try {
  args = parseArgs({
    options: {
      url: { type: "string", default: "http://127.0.0.1:3000" },
      key: { type: "string" },
      seed: { type: "string" },
      "backfill-hours": { type: "string" },
      "rate-scale": { type: "string" },
      tz: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  }).values;
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const key = args.key ?? process.env.VIGIE_INGEST_KEY;
if (!key) fail("--key is required (or set VIGIE_INGEST_KEY)");
const timeZone = args.tz ?? process.env.VIGIE_TIMEZONE ?? "Europe/Paris";
try {
  new Intl.DateTimeFormat("en", { timeZone });
} catch {
  fail(`--tz: unknown time zone "${timeZone}"`);
}
try {
  new URL(args.url);
} catch {
  fail(`--url: not a URL "${args.url}"`);
}
const seed = number("seed", args.seed, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32);
const backfillHours = number("backfill-hours", args["backfill-hours"], (n) => n >= 0 && n <= 24 * 366);
const rateScale = number("rate-scale", args["rate-scale"], (n) => n >= 0);

const simulator = startSimulator({
  baseUrl: args.url,
  ingestKey: key,
  seed,
  timeZone,
  rateScale,
  backfillFrom: backfillHours ? Date.now() - backfillHours * 3_600_000 : undefined,
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // A second signal means "now": do not wait for the last batches.
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`[simulate] ${signal}: sending the last events…`);
    simulator.stop().then(() => process.exit(0));
  });
}
