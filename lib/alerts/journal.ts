import type { Drizzle } from "../../db/client";
import { closeAlertEvent, insertAlertEvent, type ClearReason } from "./history";
import type { AlertRule } from "./rule";

/** The history row of one episode, once its insert has run. */
export interface Episode {
  id: number | null;
}

/** A rule's condition as the history keeps it (the rule may change later). */
export const conditionOf = (r: AlertRule) => ({
  metric: r.metric,
  window: r.window,
  comparator: r.comparator,
  threshold: r.threshold,
  forSeconds: r.forSeconds,
  severity: r.severity,
});

/**
 * Writes fires and clears to the history in order, off the caller's path: the
 * push loop only queues them, so a slow database never holds it up. A failed
 * write is logged and the live alert goes on (a clear whose insert failed has
 * nothing to close).
 */
export class AlertJournal {
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Drizzle,
    private readonly log: (line: string) => void,
  ) {}

  fired(rule: AlertRule, subject: string | null, f: { at: number; since: number; value: number | null; peak: number | null }): Episode {
    const episode: Episode = { id: null };
    this.enqueue(async () => {
      episode.id = await insertAlertEvent(this.db, {
        ruleId: rule.id,
        ruleName: rule.name,
        scope: rule.scope,
        subject,
        firedAt: new Date(f.at),
        valueAtFire: f.value,
        peakValue: f.peak,
        details: { ...conditionOf(rule), since: new Date(f.since).toISOString() },
      });
    });
    return episode;
  }

  cleared(episode: Episode | null, at: number, peak: number | null, reason: ClearReason): void {
    if (!episode) return;
    this.enqueue(async () => {
      if (episode.id !== null) await closeAlertEvent(this.db, episode.id, new Date(at), peak, reason);
    });
  }

  private enqueue(op: () => Promise<void>): void {
    this.writes = this.writes.then(op).catch((e: unknown) => this.log(`Vigie: alert history write failed: ${(e as Error).message}`));
  }

  /** Resolves once every queued write has run. */
  async drain(): Promise<void> {
    let w: Promise<void>;
    do await (w = this.writes);
    while (w !== this.writes);
  }
}
