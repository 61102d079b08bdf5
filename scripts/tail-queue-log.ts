/**
 * Follows an Asterisk queue_log and sends its events to Vigie
 * (docs/integrations/asterisk.md). One JSON line per notable step on stdout.
 *
 *   VIGIE_INGEST_KEY=… npm run tail:asterisk -- --file /var/log/asterisk/queue_log --url https://vigie.example.com
 *
 * Exit codes: 0 stopped (SIGTERM/SIGINT, or --once at the end of the file);
 * 2 configuration refused (arguments, position file, key or URL refused by the server); 1 anything else.
 */
import { PositionFileError } from "../lib/ingest/tail/position";
import { runTailer } from "../lib/ingest/tail/run-tailer";
import { FatalSendError } from "../lib/ingest/tail/send-events";
import { loadTailConfig, TailConfigError, USAGE } from "../lib/ingest/tail/tail-config";

const stop = new AbortController();
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => stop.abort());

const log = (entry: object) => console.log(JSON.stringify({ at: new Date().toISOString(), ...entry }));

try {
  if (process.argv.includes("--help")) {
    console.log(USAGE);
    process.exit(0);
  }
  const cfg = loadTailConfig(process.argv.slice(2), process.env);
  log({ event: "start", file: cfg.file, state: cfg.state, url: cfg.url });
  await runTailer(cfg, { log: (e) => void (e.event !== "idle" && log(e)), stop: stop.signal });
  log({ event: "stopped" });
  process.exit(0);
} catch (e) {
  const known = e instanceof TailConfigError || e instanceof PositionFileError || e instanceof FatalSendError;
  console.error(`tail-queue-log: ${(e as Error).message}${e instanceof TailConfigError ? `\n${USAGE}` : ""}`);
  process.exit(known ? 2 : 1);
}
