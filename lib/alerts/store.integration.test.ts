import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { backendName, openMigratedTestDatabase, type MigratedTestDatabase } from "../../db/testing";
import { listAudit } from "../auth/audit";
import { AlertRunner } from "../live/alert-runner";
import type { MetricValues } from "../metrics/registry";
import type { ActiveAlert } from "./active";
import { CLEAR_AFTER_MS } from "./evaluator";
import { insertAlertEvent, listAlertHistory } from "./history";
import type { LiveNumbers } from "./measure";
import { createRule, deleteRule, getRule, listEnabledRules, listRules, setRuleEnabled, updateRule } from "./rules-store";

/** Rules and history in the database, and the runner's bookkeeping, with numbers the test sets. */

const SYSTEM = { kind: "system" } as const;
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

let fresh: MigratedTestDatabase | undefined;
let database: Database;

beforeAll(async () => {
  fresh = await openMigratedTestDatabase();
  database = fresh.database;
});
afterAll(() => fresh?.close());

/** Numbers a test sets: `values[scope]` for every window. */
function fakeLive(values: Record<string, MetricValues>): LiveNumbers {
  return { metrics: (scope) => values[scope] ?? {}, agentStatesNow: () => [] };
}

describe(`alert rules and history in the database (${backendName()})`, () => {
  it("creates, changes, enables, deletes rules, each change audited", async () => {
    const db = database.db;
    const r = await createRule(db, { name: "SL", metric: "serviceLevel", scope: "queue:s1", comparator: "<", threshold: 0.7, forSeconds: 120 }, SYSTEM);
    expect(await getRule(db, r.id)).toMatchObject({ name: "SL", window: "today", severity: "warning", enabled: true, createdBy: null });
    const u = await updateRule(db, r.id, { name: "SL", metric: "serviceLevel", scope: "queue:s1", comparator: "<", threshold: 0.6, forSeconds: 60, severity: "critical" }, SYSTEM);
    expect(u).toMatchObject({ threshold: 0.6, forSeconds: 60, severity: "critical" });
    expect(await updateRule(db, "no-such-rule", { name: "x", metric: "waiting", scope: "all", comparator: ">", threshold: 1 }, SYSTEM)).toBeNull();
    await setRuleEnabled(db, r.id, false, SYSTEM);
    expect((await listEnabledRules(db)).map((x) => x.id)).not.toContain(r.id);
    expect((await listRules(db)).map((x) => x.id)).toContain(r.id);
    expect(await deleteRule(db, r.id, SYSTEM)).toBe(true);
    expect(await deleteRule(db, r.id, SYSTEM)).toBe(false);

    const audit = (await listAudit(db, { limit: 20 })).entries.filter((e) => e.target === r.id).reverse();
    expect(audit.map((e) => e.action)).toEqual(["alertRule.create", "alertRule.update", "alertRule.disable", "alertRule.delete"]);
    expect(audit[1]!.details).toEqual({ threshold: { from: 0.7, to: 0.6 }, forSeconds: { from: 120, to: 60 }, severity: { from: "warning", to: "critical" } });
  });

  it("lists the history newest first, filtered and paged, with what the reader may see", async () => {
    const db = database.db;
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(await insertAlertEvent(db, { ruleId: `h-${i % 2}`, ruleName: "H", scope: i % 3 === 0 ? "queue:secret" : "queue:open", subject: null, firedAt: new Date(T0 + i * 60_000), valueAtFire: i, peakValue: i, details: {} }));
    }
    const page = await listAlertHistory(db, { ruleId: "h-0", limit: 2 });
    expect(page.events.map((e) => e.valueAtFire)).toEqual([6, 4]);
    expect((await listAlertHistory(db, { ruleId: "h-0", limit: 2, before: page.nextBefore! })).events.map((e) => e.valueAtFire)).toEqual([2, 0]);
    const visible = await listAlertHistory(db, { visible: (e) => e.scope === "queue:open", from: new Date(T0), to: new Date(T0 + 6 * 60_000), limit: 3 });
    expect(visible.events.map((e) => e.valueAtFire)).toEqual([5, 4, 2]);
    expect(visible.nextBefore).toBe(ids[2]);
  });

  it("clears the alerts of a changed or disabled rule, and renames a running alert in place", async () => {
    const db = database.db;
    const values: Record<string, MetricValues> = { "queue:r1": { waiting: 4 } };
    const runner = new AlertRunner({ db, live: fakeLive(values), log: (l) => expect.fail(l) });
    const pushes: ActiveAlert[][] = [];
    runner.onChange((a) => pushes.push(a));
    const input = { name: "Busy", metric: "waiting", scope: "queue:r1", comparator: ">", threshold: 3, forSeconds: 2 } as const;
    const rule = await createRule(db, input, SYSTEM);
    await runner.load();
    for (let s = 0; s <= 2; s++) runner.evaluate(T0 + s * 1000);
    expect(runner.activeAlerts().map((a) => [a.ruleName, a.firedAt])).toEqual([["Busy", new Date(T0 + 2000).toISOString()]]);

    await updateRule(db, rule.id, { ...input, name: "Renamed", severity: "critical" }, SYSTEM);
    await runner.reload(T0 + 2500);
    expect(runner.activeAlerts()).toMatchObject([{ ruleName: "Renamed", severity: "critical", firedAt: new Date(T0 + 2000).toISOString() }]);

    values["queue:r1"] = { waiting: 5 };
    runner.evaluate(T0 + 3000);
    expect(runner.activeAlerts()[0]!.value).toBe(4); // values are refreshed every few seconds, not every pass
    runner.evaluate(T0 + 8000);
    expect(runner.activeAlerts()[0]).toMatchObject({ value: 5, peak: 5 });

    await updateRule(db, rule.id, { ...input, threshold: 10 }, SYSTEM);
    await runner.reload(T0 + 9000);
    expect(runner.activeAlerts()).toEqual([]);
    await runner.drain();
    const [row] = (await listAlertHistory(db, { ruleId: rule.id })).events;
    expect(row).toMatchObject({ ruleName: "Busy", firedAt: new Date(T0 + 2000), clearedAt: new Date(T0 + 9000), valueAtFire: 4, peakValue: 5 });
    expect(row!.details).toMatchObject({ clearedBy: "ruleChanged", since: new Date(T0).toISOString() });
    expect(pushes.length).toBe(4); // fired, renamed, value refresh, cleared
  });

  it("keeps an episode open through a flap shorter than the clear delay", async () => {
    const db = database.db;
    const values: Record<string, MetricValues> = { "queue:f1": { longestWait: 130 } };
    const runner = new AlertRunner({ db, live: fakeLive(values), log: (l) => expect.fail(l) });
    const rule = await createRule(db, { name: "Long wait", metric: "longestWait", scope: "queue:f1", comparator: ">", threshold: 120 }, SYSTEM);
    await runner.load();
    const at = (s: number, v: number | null) => {
      values["queue:f1"] = { longestWait: v };
      runner.evaluate(T0 + s * 1000);
    };
    at(0, 130);
    at(1, null);
    at(2, 125);
    for (let s = 3; s <= 3 + CLEAR_AFTER_MS / 1000; s++) at(s, null);
    await runner.drain();
    const rows = (await listAlertHistory(db, { ruleId: rule.id })).events;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ firedAt: new Date(T0), clearedAt: new Date(T0 + 3000 + CLEAR_AFTER_MS), peakValue: 130 });
  });
});
