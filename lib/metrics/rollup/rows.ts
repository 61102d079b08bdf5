import type { AgentState } from "../../events/schema";
import type { Aggregate } from "../aggregate";
import type { Fact } from "../facts";
import { AGENT_TIME_FIELDS, FACT_FIELDS, QUARTER_MS, quarterOf } from "./fields";

/** One stored rollup row: sums of facts placed in a quarter-hour, for one (queue, channel, agent); "" = none. */
export interface FactRow {
  bucket: number;
  queue: string;
  channel: string;
  agent: string;
  /** FACT_FIELDS order. */
  v: Float64Array;
}

/** One stored agent-time row: an agent's time per state in a quarter-hour, while serving `queues` (sorted, comma-joined). */
export interface AgentTimeRow {
  bucket: number;
  agent: string;
  queues: string;
  /** AGENT_TIME_FIELDS order. */
  v: Float64Array;
}

const FACT_POS = new Map(FACT_FIELDS.map((f, i) => [f, i]));

/** Facts summed into rows (only what facts carry; read-time fields never appear in facts). */
export function factRows(facts: Iterable<Fact>): Map<string, FactRow> {
  const rows = new Map<string, FactRow>();
  for (const f of facts) {
    let queue = "", channel = "", agent = "";
    for (const s of f.scopes) {
      if (s.startsWith("queue:")) queue = s.slice(6);
      else if (s.startsWith("channel:")) channel = s.slice(8);
      else if (s.startsWith("agent:")) agent = s.slice(6);
    }
    const bucket = quarterOf(f.at);
    const key = `${bucket}\u0000${queue}\u0000${channel}\u0000${agent}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { bucket, queue, channel, agent, v: new Float64Array(FACT_FIELDS.length) }));
    for (const k in f.agg) {
      const v = f.agg[k as keyof Aggregate];
      if (!v) continue;
      const i = FACT_POS.get(k as keyof Aggregate);
      if (i === undefined) throw new Error(`fact field ${k} is not stored in rollups`);
      row.v[i]! += v;
    }
  }
  return rows;
}

/** A closed stretch of one agent in one state (the next state event closes it). */
export interface Segment {
  agentId: string;
  from: number;
  to: number;
  state: AgentState;
  queues: readonly string[];
}

const TIME_POS: Partial<Record<AgentState, number>> = { available: 0, busy: 1, "wrap-up": 2, paused: 3 };

/** Closed segments cut at quarter-hours into agent-time rows. */
export function agentTimeRows(segments: Iterable<Segment>): Map<string, AgentTimeRow> {
  const rows = new Map<string, AgentTimeRow>();
  for (const s of segments) {
    const pos = TIME_POS[s.state];
    if (pos === undefined || s.to <= s.from) continue;
    const queues = [...s.queues].sort().join(",");
    for (let b = quarterOf(s.from); b < s.to; b += QUARTER_MS) {
      const ms = Math.min(s.to, b + QUARTER_MS) - Math.max(s.from, b);
      if (ms <= 0) continue;
      const key = `${b}\u0000${s.agentId}\u0000${queues}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { bucket: b, agent: s.agentId, queues, v: new Float64Array(AGENT_TIME_FIELDS.length) }));
      row.v[pos]! += ms;
    }
  }
  return rows;
}

/** `after − before`, keeping only the rows that changed. */
export function difference<R extends { v: Float64Array }>(after: Map<string, R>, before: Map<string, R>): R[] {
  const out: R[] = [];
  for (const [key, a] of after) {
    const b = before.get(key);
    const v = new Float64Array(a.v.length);
    let changed = false;
    for (let i = 0; i < v.length; i++) if ((v[i] = a.v[i]! - (b?.v[i] ?? 0)) !== 0) changed = true;
    if (changed) out.push({ ...a, v });
  }
  for (const [key, b] of before) {
    if (after.has(key)) continue;
    const v = b.v.map((x) => -x);
    if (v.some((x) => x !== 0)) out.push({ ...b, v });
  }
  return out;
}

