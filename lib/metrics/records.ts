import { TZDate } from "@date-fns/tz";
import { before, scopesOf, type Fact, type Mark } from "./facts";

/**
 * An outbound record (fiche): one customer of one campaign, called one or more
 * times. It is reached when a call connects, and treated ("fiche traitée") once
 * reached or called at least 5 times at 5 different hours of the day. Called
 * and reached count at the first call; treated counts when it becomes so.
 */
export interface RecordCall extends Mark {
  /** The contact's queue and channel, for the record's scopes. */
  queue: string;
  channel: string;
  reached: boolean;
}

export const TREATED_CALLS = 5;

/** A record's key: its campaign and its customer (the contact itself when no customer is named). */
export function recordKey(campaign: string | undefined, customerId: string | undefined, contactId: string): string {
  return `${campaign ?? ""}\u0000${customerId ?? `contact:${contactId}`}`;
}

/** `key` (from `recordKey`) names the record in drill-downs. */
export function recordFacts(calls: readonly RecordCall[], timeZone: string, key?: string): Fact[] {
  if (calls.length === 0) return [];
  const sorted = [...calls].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const first = sorted[0]!;
  const scopes = scopesOf(first.queue, first.channel, undefined);
  const entity = key === undefined ? undefined : `record:${key}`;
  const reach = sorted.find((c) => c.reached);
  // Reached is placed with the first call, so that reached / called stays a share of the same records.
  const facts: Fact[] = [{ at: first.at, scopes, entity, agg: { recordsCalled: 1, recordsReached: reach ? 1 : 0 } }];

  let treatedAt = reach?.at;
  const hours = new Set<number>();
  for (let i = 0; i < sorted.length; i++) {
    const call = sorted[i]!;
    if (treatedAt !== undefined && call.at >= treatedAt) break;
    hours.add(new TZDate(call.at, timeZone).getHours());
    if (i + 1 >= TREATED_CALLS && hours.size >= TREATED_CALLS) {
      treatedAt = call.at;
      break;
    }
  }
  if (treatedAt !== undefined) facts.push({ at: treatedAt, scopes, entity, agg: { recordsTreated: 1 } });
  return facts;
}
