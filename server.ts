import { FolderLockedError } from "./db/lock";
import { EnvError, loadEnv } from "./lib/env";
import { startServer } from "./lib/server/boot";

/** The one Vigie process: `npm run dev` (development) or `npm start` (after `npm run build`). */
async function main() {
  const env = loadEnv();
  const server = await startServer({ env, web: { dev: env.NODE_ENV !== "production", dir: process.cwd() } });
  console.log(`Vigie listening on ${server.url} (${env.DATABASE_URL ? "PostgreSQL" : `embedded database in ${env.VIGIE_DATA_DIR}`})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Vigie: ${signal} received, finishing in-flight work…`);
    const force = setTimeout(() => {
      console.error("Vigie: shutdown took over 15 s, exiting");
      process.exit(1);
    }, 15_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (e) => {
        console.error(`Vigie: shutdown failed: ${(e as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((e: unknown) => {
  if (e instanceof EnvError || e instanceof FolderLockedError) console.error(e.message);
  else console.error(`Vigie failed to start: ${(e as Error)?.stack ?? e}`);
  process.exit(1);
});
