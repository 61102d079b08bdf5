import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const schema = z.object({
  file: z.string({ error: "is required (the queue_log to follow, e.g. /var/log/asterisk/queue_log)" }).min(1),
  state: z.string().min(1),
  url: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }),
  key: z.string({ error: "must be set to an ingest key" }).min(16, "must be at least 16 characters"),
  pollMs: z.coerce.number().int().min(50).max(60_000),
  maxBytes: z.coerce.number().int().min(4096).max(4 * 1024 * 1024),
  rotateGraceMs: z.coerce.number().int().min(0).max(600_000),
  from: z.enum(["start", "end"], { error: "must be start or end" }),
  once: z.boolean(),
  timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Europe/Paris"),
});

/** How each setting is given, to name it in errors. */
const NAMES: Record<string, string> = {
  file: "--file", state: "--state", url: "--url (or VIGIE_URL)", key: "VIGIE_INGEST_KEY", pollMs: "--poll-ms", maxBytes: "--max-bytes",
  rotateGraceMs: "--rotate-grace-ms", from: "--from", once: "--once", timeZone: "--time-zone (or VIGIE_TIMEZONE)",
};
export type TailConfig = z.infer<typeof schema>;

export class TailConfigError extends Error {}

export const USAGE = `Usage: npm run tail:asterisk -- --file /var/log/asterisk/queue_log [options]
  --file <path>        the queue_log to follow (required)
  --state <path>       position file (default: $STATE_DIRECTORY or ., then <file name>.position.json)
  --url <url>          the Vigie server (default: $VIGIE_URL or http://127.0.0.1:3000)
  --from start|end     where to begin when there is no position file yet (default: start)
  --poll-ms <ms>       how often to look for new lines (default: 500)
  --max-bytes <n>      lines read per batch, in bytes (default: 65536)
  --rotate-grace-ms <ms>  wait for a partial last line of a rotated file (default: 2000)
  --time-zone <tz>     for logs that write dates, not epoch seconds (default: $VIGIE_TIMEZONE or Europe/Paris)
  --once               stop at the end of the file instead of following it
The ingest key is read from VIGIE_INGEST_KEY (not an argument: arguments show in ps).`;

/** The tailer's configuration from its arguments and environment; one clear line when wrong. */
export function loadTailConfig(argv: string[], env: Record<string, string | undefined>): TailConfig {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        file: { type: "string" }, state: { type: "string" }, url: { type: "string" }, from: { type: "string" },
        "poll-ms": { type: "string" }, "max-bytes": { type: "string" }, "rotate-grace-ms": { type: "string" },
        "time-zone": { type: "string" }, once: { type: "boolean" },
      },
      strict: true,
    }).values;
  } catch (e) {
    throw new TailConfigError((e as Error).message);
  }
  const file = typeof values.file === "string" ? path.resolve(values.file) : undefined;
  const stateDir = env.STATE_DIRECTORY?.split(":")[0] || ".";
  const parsed = schema.safeParse({
    file,
    state: path.resolve((values.state as string | undefined) ?? path.join(stateDir, `${path.basename(file ?? "queue_log")}.position.json`)),
    url: (values.url as string | undefined) ?? env.VIGIE_URL ?? "http://127.0.0.1:3000",
    key: env.VIGIE_INGEST_KEY || undefined,
    pollMs: values["poll-ms"] ?? 500,
    maxBytes: values["max-bytes"] ?? 65_536,
    rotateGraceMs: values["rotate-grace-ms"] ?? 2000,
    from: values.from ?? "start",
    once: values.once === true,
    timeZone: (values["time-zone"] as string | undefined) ?? env.VIGIE_TIMEZONE ?? "Europe/Paris",
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TailConfigError(`${NAMES[String(issue.path[0])] ?? String(issue.path[0])} ${issue.message}`);
  }
  return parsed.data;
}
