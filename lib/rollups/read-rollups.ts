import type { Query } from "../../db/client";
import { AGGREGATE_FIELDS, aggregateWriter, emptyAggregate, type Aggregate, type AggregateField } from "../metrics/aggregate";
import type { Restriction } from "../metrics/batch";
import type { EngineConfig } from "../metrics/engine";
import { AGENT_TIME_FIELDS, columnOf, FACT_FIELDS, QUARTER_MS } from "../metrics/rollup/fields";
import type { Bucket } from "../reports/calendar";
import type { GroupBy } from "../reports/report-query";
import { readPacked } from "./packed-rows";
import { isWholeMonth, outside, ranges, slotFinder, type Grain } from "./slot-ranges";
import { builtDays, readStrips, type Strip } from "./strips";
import { SumsPool, type SumsLease } from "./sums-pool";

/** Sums per (slot, group) read from the rollups, only for the fields asked for. */
export interface RollupCells {
  fields: readonly AggregateField[];
  /** Group keys with data, sorted (`[null]` without grouping). */
  keys: (string | null)[];
  /**
   * The aggregate of slot `i` for `keys[k]` (zeros where nothing was stored).
   * The same object is refilled on every call: read it before the next one.
   */
  aggregate(slot: number, k: number): Aggregate;
  /** Whether nothing at all was stored for slot `i` and `keys[k]`. */
  isEmpty(slot: number, k: number): boolean;
  /**
   * Gives the sums back for the next report, once every cell needed is read: neither method may be called
   * after. Without it they return when these cells are garbage, which may be several reports later.
   */
  release(): void;
}

/** Room for two reports of 90 days by queue at 15 minutes with the page's default metrics. */
const pool = new SumsPool(128 * 2 ** 20);
const TRACKED_STATES = ["available", "busy", "wrap-up", "paused"];
const TIME_POS: Record<string, number> = { available: 0, busy: 1, "wrap-up": 2, paused: 3 };

/**
 * Reads what a report needs from the rollups: each slot from the coarsest
 * stored period that matches it exactly (quarter-hours, local days, local
 * months), fact sums per group, agent time and distinct staffed agents, and
 * the contacts still waiting under their threshold at `now`. A slot made of
 * several stored periods (30 min, hour, week, a month cut by the range) or
 * still open (an agent's current state runs through it) counts distinct agents
 * from the per-agent rows. `tooMany(n)` is called before the sums of an n-th
 * group are allocated, and may throw to stop a report too large to answer.
 */
export async function readRollups(...args: ReadArgs): Promise<RollupCells> {
  const lease = pool.lease();
  // A report refused half-way (`tooMany`) or failed gives back the sums it has taken.
  try {
    return await readWith(lease, ...args);
  } catch (e) {
    lease.release();
    throw e;
  }
}

type ReadArgs = [
  q: Query,
  slots: readonly Bucket[],
  granularity: string,
  groupBy: GroupBy,
  need: ReadonlySet<AggregateField>,
  config: EngineConfig,
  only: Restriction,
  now: number,
  tooMany?: (groups: number) => void,
];

/** `readRollups`, its sums taken from `lease` (released by the caller if this throws). */
async function readWith(
  lease: SumsLease,
  ...[q, slots, granularity, groupBy, need, config, only, now, tooMany = () => {}]: ReadArgs
): Promise<RollupCells> {
  const fields = AGGREGATE_FIELDS.filter((f) => need.has(f));
  const pos = new Map(fields.map((f, i) => [f, i]));
  const nf = fields.length;
  const ns = slots.length;
  const cells = new Map<string | null, Float64Array>();
  /**
   * The sums of `key`, field after field (`ns` slots each: field `p` of slot `i` at `p * ns + i`, so that a
   * strip's day is written to consecutive memory); `tooMany` may refuse one more group before it is allocated.
   */
  const sumsOf = (key: string | null): Float64Array => {
    let arr = cells.get(key);
    if (!arr) {
      tooMany(cells.size + 1);
      cells.set(key, (arr = lease.take(ns * nf)));
    }
    return arr;
  };
  const slotOf = slotFinder(slots);
  /** Where each quarter-hour of a strip's UTC day goes: its slot if `accept`ed, else -1 (computed once per day). */
  const stripTargets = (accept: (slot: number) => boolean) => {
    const target = new Int32Array(96);
    let day = Number.NaN;
    return (d: number): Int32Array => {
      if (d !== day) {
        day = d;
        for (let j = 0; j < 96; j++) {
          const slot = slotOf(d + j * QUARTER_MS);
          target[j] = slot >= 0 && accept(slot) ? slot : -1;
        }
      }
      return target;
    };
  };
  /**
   * Adds a strip's values into `key`'s sums at `offset` (-1: none, the group only). The group is made by a
   * value in the report's slots, not by the strip (a UTC day overhangs a range of local days).
   */
  const addStrip = (strip: Strip, target: Int32Array, key: string | null, offset: number) => {
    const { quarters, values, count } = strip;
    let arr: Float64Array | undefined;
    for (let i = 0; i < count; i++) {
      const slot = target[quarters[i]!]!;
      if (slot < 0) continue;
      arr ??= sumsOf(key);
      if (offset >= 0) arr[offset + slot]! += values[i]!;
    }
  };
  const byAgent = groupBy === "agent" || only.agentId != null;
  const queueSet = only.queues == null ? null : new Set(only.queues);
  const grainOf = (s: Bucket): Grain => {
    if (granularity === "15m" || granularity === "30m" || granularity === "hour") return "q";
    if (granularity === "month" && isWholeMonth(s, config.timeZone)) return "m";
    return "d";
  };
  const exact = (s: Bucket, g: Grain) => g === "m" || (g === "q" ? granularity === "15m" : granularity === "day");
  const slotGrains = slots.map(grainOf);
  const keyOf = (queue: string, channel: string, agent: string): string | null | undefined =>
    groupBy === "none" ? null : (groupBy === "queue" ? queue : groupBy === "channel" ? channel : agent) || undefined;

  // Fact sums: per agent alone (level 2) when neither queue nor channel matters, without the agent (level 1)
  // when the agent does not, else everything (level 0).
  const factLevel = queueSet === null && (groupBy === "agent" || (groupBy === "none" && only.agentId != null)) ? 2 : byAgent ? 0 : 1;
  const factFields = FACT_FIELDS.filter((f) => need.has(f));
  if (factFields.length > 0) {
    const cols = factFields.map(columnOf);
    const at = factFields.map((f) => pos.get(f)!);
    const offsets = at.map((p) => p * ns);
    const readQuarters = (grain: Grain, from: number, to: number) => {
      const params: unknown[] = [grain, factLevel, new Date(from), new Date(to)];
      let where = `grain = $1 and level = $2 and bucket >= $3 and bucket < $4`;
      if (queueSet) where += ` and queue = any($${params.push([...queueSet])}::text[])`;
      if (only.agentId != null) where += ` and agent = $${params.push(only.agentId)}`;
      return readPacked(q, { table: "rollups", groupBy: ["queue", "channel", "agent"], values: cols, where, params }, (g, b, v) => {
        const slot = slotOf(b);
        if (slot < 0 || slotGrains[slot] !== grain) return;
        const key = keyOf(g.queue, g.channel, g.agent);
        if (key === undefined) return;
        // As in the strips, which hold only non-zero values: a group whose asked-for sums are all zero has no row.
        let nonZero = false;
        for (let i = 0; i < at.length; i++) if (v[i] !== 0) nonZero = true;
        if (!nonZero) return;
        const arr = sumsOf(key);
        for (let i = 0; i < offsets.length; i++) arr[offsets[i]! + slot]! += v[i]!;
      });
    };
    for (const range of ranges(slots, slotGrains)) {
      if (range.grain !== "q" || factLevel !== 1) {
        await readQuarters(range.grain, range.from, range.to);
        continue;
      }
      // Finished days from their strips; the others (today, days changed since) from the quarter-hours.
      const days = await builtDays(q, range.from, range.to);
      const targets = stripTargets((slot) => slotGrains[slot] === "q");
      await readStrips(q, days, factFields, queueSet && [...queueSet], (strip) => {
        const key = keyOf(strip.queue, strip.channel, "");
        if (key !== undefined) addStrip(strip, targets(strip.day), key, offsets[strip.field]!);
      });
      for (const rest of outside(range, days)) await readQuarters("q", rest.from, rest.to);
    }
  }

  // Agent time and staffed agents (none for channels).
  const timeFields = [...AGENT_TIME_FIELDS, "staffedAgents" as const].filter((f) => need.has(f));
  if (timeFields.length > 0 && groupBy !== "channel") {
    const tails = (
      await q<{ agent_id: string; at: number; state: string; queues: string }>(
        `select agent_id, (extract(epoch from at) * 1000)::float8 as at, state, queues from agent_tails where state = any($1::text[])`,
        [TRACKED_STATES],
      )
    ).filter((t) => allowed(t.agent_id, t.queues, only, queueSet));
    const openFrom = tails.reduce((m, t) => Math.min(m, Number(t.at)), Infinity);
    // A slot reaching `now` may hold stored time dated after it: read it per agent, cut at `now`.
    const fast = slots.map((s, i) => !byAgent && queueSet === null && exact(s, slotGrains[i]!) && s.end <= now && !(s.end > openFrom && s.start < now));
    const add = (key: string | null, slot: number, times: readonly number[]) => {
      const arr = sumsOf(key);
      AGENT_TIME_FIELDS.forEach((f, i) => {
        const p = pos.get(f);
        if (p !== undefined) arr[p * ns + slot]! += times[i]!;
      });
    };
    const staffedPos = pos.get("staffedAgents");

    // Exact, closed slots without restriction: per-queue sums with their distinct counts.
    const readLevel1 = (grain: Grain, from: number, to: number) => {
      const where = `grain = $1 and level = 1 and bucket >= $2 and bucket < $3 and ${groupBy === "none" ? "queues = '*'" : "queues <> '*'"}`;
      const values = ["available_ms", "busy_ms", "wrap_up_ms", "paused_ms", "staffed"];
      return readPacked(q, { table: "agent_time", groupBy: ["queues"], values, where, params: [grain, new Date(from), new Date(to)] }, (g, b, v) => {
        const slot = slotOf(b);
        if (slot < 0 || !fast[slot] || slotGrains[slot] !== grain) return;
        const key = groupBy === "none" ? null : g.queues;
        add(key, slot, [v[0]!, v[1]!, v[2]!, v[3]!]);
        if (staffedPos !== undefined) sumsOf(key)[staffedPos * ns + slot]! += v[4]!;
      });
    };
    for (const range of ranges(slots, slotGrains, (i) => fast[i]!)) {
      if (range.grain !== "q") {
        await readLevel1(range.grain, range.from, range.to);
        continue;
      }
      // Finished days from their strips, as for the facts. The staffed strip is always read: every level 1
      // row counts at least one agent, so it names the same groups as the rows would.
      const days = await builtDays(q, range.from, range.to);
      const stripFields = [...AGENT_TIME_FIELDS.filter((f) => pos.has(f)), "staffedAgents" as const];
      const targets = stripTargets((slot) => fast[slot]! && slotGrains[slot] === "q");
      await readStrips(q, days, stripFields, null, (strip) => {
        if ((strip.queue === "*") !== (groupBy === "none")) return;
        // staffedAgents when not asked for is read for its groups only (offset -1: nothing added).
        const p = pos.get(stripFields[strip.field]!);
        addStrip(strip, targets(strip.day), groupBy === "none" ? null : strip.queue, p === undefined ? -1 : p * ns);
      });
      for (const rest of outside(range, days)) await readLevel1("q", rest.from, rest.to);
    }

    // Every other slot: from the per-agent rows and the open states, per agent, so that distinct agents
    // are counted and time after `now` (states dated a little ahead) is cut off as the live side does.
    const perAgent = new Map<string, Map<string, number[]>>();
    const agentTimes = (slot: number, key: string | null, agent: string): number[] => {
      const k = `${slot}\u0000${key ?? ""}`;
      let m = perAgent.get(k);
      if (!m) perAgent.set(k, (m = new Map()));
      let t = m.get(agent);
      if (!t) m.set(agent, (t = [0, 0, 0, 0]));
      return t;
    };
    const keysOf = (agent: string, queues: string): (string | null)[] => {
      if (groupBy === "none") return [null];
      if (groupBy === "agent") return [agent];
      return queues === "" ? [] : queues.split(",").filter((q) => queueSet === null || queueSet.has(q));
    };
    const slow = slots.map((_, i) => !fast[i]);
    // A slot that is one stored period reads that period's per-agent rows; a composite one, the finer ones.
    const detailGrains = slotGrains.map((g, i): Grain => (exact(slots[i]!, g) ? g : g === "q" ? "q" : "d"));
    for (const { grain, from, to } of ranges(slots, detailGrains, (i) => slow[i]!)) {
      const params: unknown[] = [grain, new Date(from), new Date(to)];
      let where = `grain = $1 and level = 0 and bucket >= $2 and bucket < $3`;
      if (only.agentId != null) where += ` and agent = $${params.push(only.agentId)}`;
      const values = ["available_ms", "busy_ms", "wrap_up_ms", "paused_ms"];
      await readPacked(q, { table: "agent_time", groupBy: ["agent", "queues"], values, where, params }, (g, b, v) => {
        const slot = slotOf(b);
        if (slot < 0 || !slow[slot] || !allowed(g.agent, g.queues, only, queueSet)) return;
        for (const key of keysOf(g.agent, g.queues)) {
          const t = agentTimes(slot, key, g.agent);
          t[0]! += v[0]!; t[1]! += v[1]!; t[2]! += v[2]!; t[3]! += v[3]!;
        }
      });
    }
    const spans = (agent: string, queues: string, state: string, from: number, to: number, sign: 1 | -1) => {
      const p = TIME_POS[state];
      if (p === undefined || !allowed(agent, queues, only, queueSet)) return;
      for (let slot = Math.max(0, slotOf(from)); slot < slots.length && slots[slot]!.start < to; slot++) {
        if (!slow[slot]) continue;
        const ms = Math.min(slots[slot]!.end, to) - Math.max(slots[slot]!.start, from);
        if (ms > 0) for (const key of keysOf(agent, queues)) agentTimes(slot, key, agent)[p]! += sign * ms;
      }
    };
    for (const t of tails) spans(t.agent_id, t.queues, t.state, Number(t.at), now, 1);
    for (const c of await closedAfter(q, now)) spans(c.agent, c.queues, c.state, c.from, c.to, -1);
    for (const [k, agents] of perAgent) {
      const [slot, rawKey] = k.split("\u0000") as [string, string];
      const key = groupBy === "none" ? null : rawKey;
      let present = 0;
      for (const t of agents.values()) {
        add(key, Number(slot), t);
        if (t.some((ms) => ms > 0)) present++;
      }
      if (staffedPos !== undefined) sumsOf(key)[staffedPos * ns + Number(slot)]! += present;
    }
  }

  // Contacts still waiting under their threshold (none per agent).
  if (need.has("waitingUnderSl") && groupBy !== "agent" && only.agentId == null) {
    const p = pos.get("waitingUnderSl")!;
    const rows = await q<{ queue: string; channel: string; o: number; s: number }>(
      `select queue, channel, (extract(epoch from offered_at) * 1000)::float8 as o, (extract(epoch from queued_at) * 1000)::float8 as s
       from waiting_contacts where offered_at >= $1 and offered_at < $2`,
      [new Date(slots[0]!.start), new Date(slots[slots.length - 1]!.end)],
    );
    for (const w of rows) {
      if (queueSet && !queueSet.has(w.queue)) continue;
      if (now - w.s >= 1000 * (config.slSecondsByQueue?.[w.queue] ?? config.slSeconds)) continue;
      const slot = slotOf(w.o);
      const key = keyOf(w.queue, w.channel, "");
      if (slot < 0 || key === undefined) continue;
      sumsOf(key)[p * ns + slot]! += 1;
    }
  }

  const shared = emptyAggregate();
  const write = aggregateWriter(fields);
  const zeros = new Float64Array(nf);
  const keys: (string | null)[] =
    groupBy === "none" ? [null] : [...cells.keys()].filter((k): k is string => k !== null).sort((a, b) => a.localeCompare(b));
  // Indexed by key position: a report of 90 days by queue asks for hundreds of thousands of cells.
  const sums = keys.map((k) => cells.get(k));
  const result: RollupCells = {
    fields,
    keys,
    isEmpty(slot, k) {
      const arr = sums[k];
      if (!arr) return true;
      for (let i = slot, end = ns * nf; i < end; i += ns) if (arr[i] !== 0) return false;
      return true;
    },
    aggregate(slot, k) {
      const arr = sums[k];
      if (arr) write(shared, arr, slot, ns);
      else write(shared, zeros, 0, 1);
      return shared;
    },
    release: () => lease.release(),
  };
  // Else the sums go back to the pool once nothing reads these cells any more.
  lease.own(result);
  return result;
}

/**
 * Stored agent time dated after `now`: closed stretches that end after it
 * (states sent a little ahead of the clock), to be cut off.
 */
async function closedAfter(q: Query, now: number): Promise<{ agent: string; queues: string; state: string; from: number; to: number }[]> {
  const rows = await q<{ agent_id: string; at: number; id: string; state: string; queues: string[] | null }>(
    `with ahead as (select distinct agent_id from events where type = 'agent.state' and at > $1)
     select e.agent_id, (extract(epoch from e.at) * 1000)::float8 as at, e.id, e.payload->>'state' as state,
       case when e.payload ? 'queues' then array(select jsonb_array_elements_text(e.payload->'queues')) end as queues
     from ahead a cross join lateral (
       (select * from events where type = 'agent.state' and agent_id = a.agent_id and at > $1)
       union all
       (select * from events where type = 'agent.state' and agent_id = a.agent_id and at <= $1 order by at desc, id desc limit 1)
       union all
       (select * from events where type = 'agent.state' and agent_id = a.agent_id and at <= $1 and payload ? 'queues' order by at desc, id desc limit 1)
     ) e`,
    [new Date(now)],
  );
  const byAgent = new Map<string, typeof rows>();
  for (const r of rows) byAgent.set(r.agent_id, [...(byAgent.get(r.agent_id) ?? []), r]);
  const out: { agent: string; queues: string; state: string; from: number; to: number }[] = [];
  for (const [agent, list] of byAgent) {
    const steps = [...new Map(list.map((r) => [r.id, r])).values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let queues = "";
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]!;
      if (s.queues) queues = [...s.queues].sort().join(",");
      const next = steps[i + 1];
      if (!next || next.at <= now) continue;
      out.push({ agent, queues, state: s.state, from: Math.max(s.at, now), to: next.at });
    }
  }
  return out;
}

/** Whether a row of agent time counts for a reader limited to some queues and/or one agent. */
function allowed(agent: string, queues: string, only: Restriction, queueSet: ReadonlySet<string> | null): boolean {
  if (only.agentId != null && agent !== only.agentId) return false;
  return queueSet === null || (queues !== "" && queues.split(",").some((q) => queueSet.has(q)));
}
