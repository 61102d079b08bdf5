import { EventWriter } from "../../ingest/event-writer";
import { runMain } from "../main";

/**
 * Test fixture: server.ts's own `runMain` without the Next app (ingest fast
 * path and socket.io, so no build needed), configured by the environment, with
 * the same start-up errors and signal handling. Prints `VIGIE_READY <port>` once listening and `VIGIE_STOPPING`
 * when a stop signal arrives.
 *
 * `--trace-writes` prints `VIGIE_WRITING <rows>` when a batch is handed to the
 * event writer and `VIGIE_WRITTEN <new rows>` once it is committed, so a test
 * can send a signal while a write is in flight. It observes, it changes nothing.
 *
 *   node --import tsx lib/server/testing/api-server.ts [--trace-writes]
 */

if (process.argv.includes("--trace-writes")) {
  const write = EventWriter.prototype.write;
  EventWriter.prototype.write = function (this: EventWriter, rows) {
    if (rows.length > 0) console.log(`VIGIE_WRITING ${rows.length}`);
    return write.call(this, rows).then((inserted) => {
      if (rows.length > 0) console.log(`VIGIE_WRITTEN ${inserted.size}`);
      return inserted;
    });
  };
}

await runMain({
  web: undefined,
  log: (l) => console.error(l),
  onReady: (server) => console.log(`VIGIE_READY ${server.port}`),
  onStopping: () => console.log("VIGIE_STOPPING"),
});
