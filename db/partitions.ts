import type { Database } from "./client";

/**
 * `events` is partitioned by range of `at`, one partition per UTC calendar
 * month, named `events_pYYYY_MM` (migration 0005). UTC rather than
 * VIGIE_TIMEZONE: bounds that never move if the configured zone changes. The
 * months are created on demand, for any date (backfills, imports of last
 * year): there is no default partition, which would make creating a month
 * fail once it holds rows of that month.
 */

const NAME = /^events_p(\d{4,})_(\d{2})(_bc)?$/;

/** The first instant (epoch ms) of the UTC month holding `ms`. */
export function monthOf(ms: number): number {
  const d = new Date(ms);
  return monthStart(d.getUTCFullYear(), d.getUTCMonth());
}

/** The month `n` months after (or before, n < 0) the month starting at `month`. */
export function addMonths(month: number, n: number): number {
  const d = new Date(month);
  return monthStart(d.getUTCFullYear(), d.getUTCMonth() + n);
}

// Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not.
function monthStart(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 1);
  return d.getTime();
}

/** `events_p2026_11`; a year before 1 (astronomical year ≤ 0) is written as PostgreSQL does, `…_bc`. */
export function partitionName(month: number): string {
  const d = new Date(month);
  const y = d.getUTCFullYear();
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return y >= 1 ? `events_p${String(y).padStart(4, "0")}_${mm}` : `events_p${String(1 - y).padStart(4, "0")}_${mm}_bc`;
}

/** The month a partition of ours holds, from its name; null for a table we did not name. */
export function partitionMonth(name: string): number | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return monthStart(m[3] ? 1 - Number(m[1]) : Number(m[1]), month - 1);
}

/** A timestamptz literal in UTC that PostgreSQL reads the same whatever the session's settings. */
function utcLiteral(ms: number): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const iso = d.toISOString(); // ±YYYYYY-… beyond 4 digits; the tail is what we need
  const rest = iso.slice(iso.indexOf("-", 1), iso.indexOf(".")).replace("T", " ");
  return y >= 1 ? `${String(y).padStart(4, "0")}${rest}+00` : `${String(1 - y).padStart(4, "0")}${rest}+00 BC`;
}

/** Codes of losing the race with another session creating the same month: that month exists now. */
const RACE = new Set(["42P07", "23505", "42P17"]);

/** Creates the partition of one month unless it exists (another instance may be creating it too). */
export async function createMonthPartition(database: Database, month: number): Promise<void> {
  const name = partitionName(month);
  try {
    await database.query(
      `create table if not exists "${name}" partition of events for values from ('${utcLiteral(month)}') to ('${utcLiteral(addMonths(month, 1))}')`,
    );
  } catch (e) {
    if (!RACE.has((e as { code?: string }).code ?? "")) throw e;
    const [row] = await database.query<{ ok: boolean }>(`select to_regclass($1) is not null as ok`, [name]);
    if (!row?.ok) throw e;
  }
}

/** The partitions of `events`, oldest first; `month` is null for a table attached under another name. */
export async function listEventPartitions(database: Database): Promise<{ name: string; month: number | null }[]> {
  const rows = await database.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
     where i.inhparent = to_regclass('events') order by c.relname`,
  );
  return rows
    .map((r) => ({ name: r.name, month: partitionMonth(r.name) }))
    .sort((a, b) => (a.month ?? -Infinity) - (b.month ?? -Infinity));
}

/**
 * The writer's view of which months exist: each month is created once per
 * process (a no-op when it already exists), then remembered. `forget` clears
 * the memory after an insert found no partition (a month dropped elsewhere).
 */
export class EventPartitions {
  private readonly known = new Map<number, Promise<void>>();

  constructor(private readonly database: Database) {}

  async ensure(ats: Iterable<number>): Promise<void> {
    const months = new Set<number>();
    for (const at of ats) months.add(monthOf(at));
    const waits: Promise<void>[] = [];
    for (const month of months) {
      let p = this.known.get(month);
      if (!p) {
        p = createMonthPartition(this.database, month);
        this.known.set(month, p);
        // A failed creation is retried by the next batch of that month.
        p.catch(() => this.known.delete(month));
      }
      waits.push(p);
    }
    await Promise.all(waits);
  }

  forget(): void {
    this.known.clear();
  }
}

/** PostgreSQL's answer to a row whose month has no partition. */
export function isMissingPartition(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | undefined;
  return err?.code === "23514" && /no partition/i.test(err.message ?? "");
}
