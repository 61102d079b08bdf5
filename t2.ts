import { openDatabase } from "./db/client";
import { migrate } from "./db/migrate";
for (const o of [{ dataDir: "memory://" }, { url: "postgres://postgres@127.0.0.1:54329/postgres" }, {dataDir: "/tmp/vigie-t2"}]) {
  const d = await openDatabase(o);
  await migrate(d); await migrate(d);
  console.log(d.kind, await d.query("select count(*)::int as n from events"));
  try { await openDatabase(o); console.log("second open ok (expected for memory/pg)"); } catch (e) { console.log("second open refused:", (e as Error).message); }
  await d.close();
}
