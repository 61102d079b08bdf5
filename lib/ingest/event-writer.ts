import { EVENTS_WRITE_LOCK } from "../../db/advisory-locks";
import type { Database } from "../../db/client";
import { EventPartitions, isMissingPartition } from "../../db/partitions";
import type { VigieEvent } from "../events/schema";
import { StorageUnavailableError } from "../http/errors";

/** What is stored of one validated event. */
export interface EventRow {
  event: VigieEvent;
  payload: string;
}

interface Pending {
  rows: EventRow[];
  resolve: (inserted: Set<string>) => void;
  reject: (e: unknown) => void;
}

/**
 * One statement, so one transaction: the ids go into `event_ids` first, and
 * only those that were new there (`fresh`) become rows of `events`. Two
 * batches carrying one id: the second waits on the first's uncommitted key
 * and then skips it, or takes it if the first rolled back — exactly one is
 * stored, whatever partition its `at` falls in. Ids are locked in one fixed
 * order (collate "C"), so overlapping batches wait on each other instead of
 * deadlocking; rows are numbered (`seq`) in arrival order.
 */
const insertStatement = (lock: string) => `
with ${lock}fresh as (
  insert into event_ids (id, at)
  select u.id, to_timestamp(u.ms / 1000.0) from unnest($1::text[], $3::float8[]) as u(id, ms)
  order by u.id collate "C"
  on conflict (id) do nothing
  returning id)
insert into events (id, type, at, contact_id, agent_id, queue, channel, payload)
select u.id, u.type, to_timestamp(u.ms / 1000.0), u.contact_id, u.agent_id, u.queue, u.channel, u.payload::jsonb
from unnest($1::text[], $2::text[], $3::float8[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
  with ordinality as u(id, type, ms, contact_id, agent_id, queue, channel, payload, n)
  join fresh using (id)${lock ? "\n  cross join write_lock" : ""}
order by u.n
returning id`;

/**
 * On PostgreSQL the statement also holds EVENTS_WRITE_LOCK shared until its
 * commit, taken before any \`seq\` is drawn, so that the rollup maintainer can
 * tell when every smaller \`seq\` is committed (db/advisory-locks.ts).
 */
const INSERT_POSTGRES = insertStatement(`write_lock as materialized (select pg_advisory_xact_lock_shared(${EVENTS_WRITE_LOCK})),\n`);
const INSERT_PGLITE = insertStatement("");

/**
 * Group commit: requests that arrive while a write is in flight share the next
 * statement (one transaction), so durability costs one commit per batch rather
 * than per request. `write` resolves once the rows are committed, with the ids
 * that were new; an id already stored is left alone (idempotency).
 */
export class EventWriter {
  private queue: Pending[] = [];
  private inflight = 0;
  private idle: (() => void)[] = [];
  private readonly partitions: EventPartitions;

  constructor(
    private readonly database: Database,
    private readonly opts: { concurrency: number; maxRows: number } = {
      concurrency: database.kind === "pglite" ? 1 : 3,
      maxRows: 5000,
    },
  ) {
    this.partitions = new EventPartitions(database);
  }

  write(rows: EventRow[]): Promise<Set<string>> {
    if (rows.length === 0) return Promise.resolve(new Set());
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.pump();
    });
  }

  /** Resolves when every write accepted so far has been committed or failed. */
  drain(): Promise<void> {
    if (this.inflight === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  private pump(): void {
    while (this.inflight < this.opts.concurrency && this.queue.length > 0) {
      const batch: Pending[] = [];
      let n = 0;
      while (this.queue.length > 0 && (batch.length === 0 || n + this.queue[0]!.rows.length <= this.opts.maxRows)) {
        const p = this.queue.shift()!;
        batch.push(p);
        n += p.rows.length;
      }
      this.inflight++;
      void this.commit(batch).finally(() => {
        this.inflight--;
        if (this.inflight === 0 && this.queue.length === 0) for (const r of this.idle.splice(0)) r();
        this.pump();
      });
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    try {
      const rows = batch.flatMap((p) => p.rows);
      // A pooled connection the database closed since its last use (restart, failover,
      // pg_terminate_backend) fails its next statement: one more try opens a fresh one.
      // Safe because the insert is idempotent (on conflict do nothing).
      const inserted = await this.insert(rows).catch((e: unknown) => {
        if (!isStaleConnection(e)) throw e;
        return this.insert(rows);
      });
      // An id sent by two requests of one batch is new for the first only.
      for (const p of batch) {
        const mine = new Set<string>();
        for (const r of p.rows) if (inserted.delete(r.event.id)) mine.add(r.event.id);
        p.resolve(mine);
      }
    } catch (e) {
      if (batch.length > 1 && !isConnectionError(e)) {
        // Keep one request's bad data from failing the others that shared its statement.
        for (const p of batch) await this.commit([p]);
        return;
      }
      const err = isConnectionError(e) ? new StorageUnavailableError(e) : e;
      for (const p of batch) p.reject(err);
    }
  }

  private async insert(rows: EventRow[]): Promise<Set<string>> {
    const cols: unknown[][] = [[], [], [], [], [], [], [], []];
    const seen = new Set<string>();
    for (const { event: e, payload } of rows) {
      if (seen.has(e.id)) continue; // a repeat inside the batch is a duplicate of the first
      seen.add(e.id);
      cols[0]!.push(e.id);
      cols[1]!.push(e.type);
      cols[2]!.push(e.at);
      cols[3]!.push("contactId" in e ? (e.contactId ?? null) : null);
      cols[4]!.push("agentId" in e ? (e.agentId ?? null) : null);
      cols[5]!.push("queue" in e ? (e.queue ?? null) : null);
      cols[6]!.push("channel" in e ? (e.channel ?? null) : null);
      cols[7]!.push(payload);
    }
    await this.partitions.ensure(cols[2] as number[]);
    let result: { id: string }[];
    try {
      result = await this.database.query<{ id: string }>(this.database.kind === "postgres" ? INSERT_POSTGRES : INSERT_PGLITE, cols);
    } catch (e) {
      if (!isMissingPartition(e)) throw e;
      // A month this process knew was dropped since (retention, elsewhere): create it again.
      this.partitions.forget();
      await this.partitions.ensure(cols[2] as number[]);
      result = await this.database.query<{ id: string }>(this.database.kind === "postgres" ? INSERT_POSTGRES : INSERT_PGLITE, cols);
    }
    return new Set(result.map((r) => r.id));
  }
}

/**
 * Errors of a connection that was open and is no more (the server ended it), as
 * opposed to one that cannot be opened: a fresh connection may well succeed.
 */
export function isStaleConnection(e: unknown): boolean {
  const code = (e as { code?: string } | undefined)?.code ?? "";
  return /^(57P01|57P02|CONNECTION_CLOSED|CONNECTION_ENDED|ECONNRESET|EPIPE)$/.test(code);
}

/** Errors that say the database could not be reached, as opposed to refusing the data. */
export function isConnectionError(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | undefined;
  const code = err?.code ?? "";
  if (/^(ECONN|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|CONNECTION_|CONNECT_TIMEOUT)/.test(code)) return true;
  // connection exception, admin shutdown, insufficient resources, database gone or closed to connections
  if (/^(08|57P|53|3D000$|55000$)/.test(code)) return true;
  return /closed|terminat|not connected|connection/i.test(err?.message ?? "");
}
