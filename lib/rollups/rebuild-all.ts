import type { Database } from "../../db/client";
import { readStoredEvent, type VigieEvent } from "../events/schema";
import { BatchFold, type WaitingContact } from "../metrics/batch";
import type { EngineConfig } from "../metrics/engine";
import { DEFAULT_REPEAT_DAYS } from "../metrics/engine";
import { AgentTimelines } from "../metrics/agent-time";
import { agentTimeRows, factRows } from "../metrics/rollup/rows";
import { loadReportEvents } from "../reports/load-events";
import { applyDelta } from "./apply-delta";
import { periodsOf } from "./periods";
import { contactSpans } from "./contact-spans";
import { buildStrips, staleFrom } from "./strips";

const WINDOW_DAYS = 7;

/**
 * Builds the rollups from scratch, a week of local days at a time, from every event
 * stored so far: for a database that has history but no rollups (an upgrade,
 * a bulk load such as `npm run seed:history`), or after a setting that
 * changes history (VIGIE_FCR_DAYS). The incremental path would get the same
 * numbers; this one reads each event a bounded number of times. Other writers
 * may keep storing events meanwhile: the rebuild stops at the `seq` it started
 * from, and the incremental path takes over from there.
 */
export async function rebuildAllRollups(database: Database, config: EngineConfig, log: (line: string) => void = () => {}): Promise<void> {
  const [{ m, lo, hi }] = (await database.query<{ m: string | number | null; lo: number | null; hi: number | null }>(
    `select max(seq) as m, (extract(epoch from min(at)) * 1000)::float8 as lo, (extract(epoch from max(at)) * 1000)::float8 as hi from events`,
  )) as [{ m: string | number | null; lo: number | null; hi: number | null }];
  const watermark = Number(m ?? 0);
  // Periods before the oldest event still kept (older months dropped by retention) keep their rows.
  const days = lo === null ? 0 : periodsOf([Number(lo)], "day", config.timeZone).starts[0]!;
  const month = lo === null ? 0 : periodsOf([Number(lo)], "month", config.timeZone).starts[0]!;
  await database.transaction(async (q) => {
    // -1: a rebuild is under way; the incremental path and the strips wait for it (catch-up.ts, strips.ts).
    // Written first: the row lock orders this transaction with theirs.
    await q(`insert into rollup_state (id, watermark, time_zone) values (1, -1, $1) on conflict (id) do update set watermark = -1, time_zone = $1`, [config.timeZone]);
    for (const t of ["rollups", "agent_time"]) {
      await q(`delete from ${t} where (grain in ('q', 'd') and bucket >= $1) or (grain = 'm' and bucket >= $2)`, [new Date(days), new Date(month)]);
    }
    for (const t of ["waiting_contacts", "agent_tails"]) await q(`delete from ${t}`);
    await staleFrom(q, days);
  });
  if (lo === null || hi === null) {
    await database.query(`update rollup_state set watermark = $1 where id = 1`, [watermark]);
    return;
  }
  const repeatDays = config.repeatDays ?? DEFAULT_REPEAT_DAYS;
  const waiting: WaitingContact[] = [];
  const agents = (await database.query<{ a: string }>(`select distinct agent_id as a from events where type = 'agent.state' and seq <= $1`, [watermark])).map((r) => r.a);
  const t0 = Date.now();
  const spans = await contactSpans(database, watermark);
  try {
    // A week at a time: each window reads its contacts' links (cases, records, repeats) once.
    const windows: { start: number; next: number }[] = [];
    for (let start = days; start <= Number(hi); ) {
      let next = start;
      for (let d = 0; d < WINDOW_DAYS; d++) next = periodsOf([next + 26 * 3_600_000], "day", config.timeZone).starts[0]!;
      windows.push({ start, next });
      start = next;
    }
    // The next window is read (PostgreSQL's work) while this one is folded and written (Node's).
    const read = ({ start, next }: { start: number; next: number }) => {
      const p = Promise.all([
        loadReportEvents(database, { from: start, to: next }, repeatDays, watermark, { agentStates: false, contactSpan: spans.span }),
        dayStates(database, agents, start, next, watermark),
      ]);
      p.catch(() => {}); // awaited below; a failure of a read ahead is not left unhandled if this window fails first
      return p;
    };
    let ahead = read(windows[0]!);
    for (let w = 0; w < windows.length; w++) {
      const { start, next } = windows[w]!;
      const [events, states] = await ahead;
      if (w + 1 < windows.length) ahead = read(windows[w + 1]!);
      const fold = new BatchFold(events, config);
      const facts = factRows(fold.everyFact().filter((f) => f.at >= start && f.at < next));
      for (const c of fold.waitingContacts()) if (c.at >= start && c.at < next) waiting.push(c);
      const timelines = new AgentTimelines();
      for (const e of states) timelines.apply(e);
      const clipped = [...timelines.closedSegments()]
        .map((s) => ({ ...s, from: Math.max(s.from, start), to: Math.min(s.to, next) }))
        .filter((s) => s.to > s.from);
      const delta = { facts: [...facts.values()], agentTime: [...agentTimeRows(clipped).values()], waitingTouched: [], waiting: [], tails: [] };
      await database.transaction((q) => applyDelta(q, delta, config.timeZone));
      const crossedMonth = periodsOf([start], "month", config.timeZone).starts[0] !== periodsOf([next], "month", config.timeZone).starts[0];
      if (crossedMonth) log(`rollups: rebuilt up to ${new Date(next).toISOString().slice(0, 10)} in ${Math.round((Date.now() - t0) / 1000)} s`);
    }
  } finally {
    await spans.close();
  }
  await database.transaction(async (q) => {
    // The contacts still waiting, written as the incremental path writes them (one entry per contact).
    const still = [...new Map(waiting.map((w) => [w.contactId, w])).values()];
    await applyDelta(q, { facts: [], agentTime: [], waitingTouched: still.map((w) => w.contactId), waiting: still, tails: [] }, config.timeZone);
    // Each agent's last state and the queues named last: two index probes per agent.
    await q(
      `insert into agent_tails (agent_id, at, state, queues)
       select a.agent_id, l.at, l.payload->>'state', coalesce(qs.queues, '')
       from unnest($2::text[]) as a(agent_id)
       cross join lateral (select at, payload from events where type = 'agent.state' and agent_id = a.agent_id and seq <= $1
         order by at desc, id desc limit 1) l
       left join lateral (select array_to_string(array(select jsonb_array_elements_text(payload->'queues') order by 1), ',') as queues
         from events where type = 'agent.state' and agent_id = a.agent_id and payload ? 'queues' and seq <= $1
         order by at desc, id desc limit 1) qs on true`,
      [watermark, agents],
    );
    await q(`update rollup_state set watermark = $1 where id = 1`, [watermark]);
  });
  log(`rollups: every week folded in ${Math.round((Date.now() - t0) / 1000)} s`);
  const t1 = Date.now();
  const stripDays = await buildStrips(database, Date.now(), Infinity);
  log(`rollups: strips of ${stripDays} days built in ${Math.round((Date.now() - t1) / 1000)} s`);
  const t2 = Date.now();
  // Rows in key order (a report reads ranges of one grain and level: on a year of history, the 1-year
  // report by agent went from 285 to 207 ms), then fresh statistics (PGlite has no autovacuum).
  for (const t of ["rollups", "agent_time", "rollup_strips"]) {
    await database.query(`cluster ${t} using ${t}_pk`);
    await database.query(`analyze ${t}`);
  }
  log(`rollups: tables clustered and analysed in ${Math.round((Date.now() - t2) / 1000)} s`);
}

/**
 * Agent states that shape time inside [from, to), per agent: those in it, the
 * one in force at `from`, the last one before `from` naming queues, and the
 * first one from `to` on (which closes the day's last state).
 */
async function dayStates(database: Database, agents: readonly string[], from: number, to: number, maxSeq: number) {
  const rows = await database.query<{ payload: unknown }>(
    // The week's states by time (per agent on (agent_id, at) was slower: that index holds every event of the
    // agent, 31 s a week on the 10 M-contact year against 8–19 s), then the three states around it per agent.
    `select payload from events where type = 'agent.state' and at >= $1 and at < $2 and seq <= $3
     union all
     select e.payload from unnest($4::text[]) as a(agent_id) cross join lateral (
       (select payload from events where type = 'agent.state' and agent_id = a.agent_id and at >= $2 and seq <= $3 order by at, id limit 1)
       union all
       (select payload from events where type = 'agent.state' and agent_id = a.agent_id and at < $1 and seq <= $3 order by at desc, id desc limit 1)
       union all
       (select payload from events where type = 'agent.state' and agent_id = a.agent_id and at < $1 and seq <= $3 and payload ? 'queues'
         order by at desc, id desc limit 1)
     ) e`,
    [new Date(from), new Date(to), maxSeq, agents],
  );
  const out: Extract<VigieEvent, { type: "agent.state" }>[] = [];
  for (const r of rows) {
    const e = readStoredEvent(r.payload);
    if (e?.type === "agent.state") out.push(e);
  }
  return out;
}
