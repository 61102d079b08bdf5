import { FolderLockedError } from "../../db/lock";
import { EnvError, loadEnv } from "../env";
import { startServer, type BootOptions, type RunningServer } from "./boot";

export interface MainOptions {
  web: BootOptions["web"];
  onReady?: (server: RunningServer) => void;
  onStopping?: () => void;
  log?: (line: string) => void;
}

/**
 * The process around `startServer`: configuration from the environment, one
 * clear line and a non-zero exit when it cannot start, graceful stop on
 * SIGTERM/SIGINT (exit 0), a forced exit if that takes over 15 s.
 */
export async function runMain(opts: MainOptions): Promise<void> {
  try {
    const env = loadEnv();
    const server = await startServer({ env, web: opts.web, log: opts.log });
    opts.onReady?.(server);

    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      opts.onStopping?.();
      console.error(`Vigie: ${signal} received, finishing in-flight work…`);
      setTimeout(() => {
        console.error("Vigie: shutdown took over 15 s, exiting");
        process.exit(1);
      }, 15_000).unref();
      server.close().then(
        () => process.exit(0),
        (e: unknown) => {
          console.error(`Vigie: shutdown failed: ${(e as Error).message}`);
          process.exit(1);
        },
      );
    };
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.on("SIGINT", () => stop("SIGINT"));
  } catch (e) {
    if (e instanceof EnvError || e instanceof FolderLockedError) console.error(e.message);
    else console.error(`Vigie failed to start: ${(e as Error)?.stack ?? e}`);
    process.exit(1);
  }
}
