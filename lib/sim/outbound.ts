import type { Contact, Handling, Router, SimContext, WireEvent } from "./context";
import type { CampaignProfile, Duration } from "./profile";
import { chance, exponential } from "./rng";

/**
 * An outbound campaign: a predictive dialer working through a call list. Each
 * attempt is a `contact.offered` (direction outbound) that either ends at the
 * ringing with a not-connected outcome, or connects and waits a moment for an
 * agent of the campaign's queue (dropped, i.e. abandoned, when none is free),
 * then ends in `argued` and a final outcome, or in a refusal straight away.
 */

interface CallRecord {
  customerId: string;
  invalidNumber: boolean;
  attempts: number;
  /** Local hours already tried: a record is called again at another hour. */
  hours: number[];
  due: number;
}

type RingOutcome = "invalid-number" | keyof CampaignProfile["ring"];
type Outcome = NonNullable<WireEvent["outcome"]>;

const HOUR = 3_600_000;
/** How much one drop lowers the pacing ratio; each call taken raises it by step × target / (1 − target). */
const PACING_STEP = 0.1;

export function startDialer(ctx: SimContext, router: Router, c: CampaignProfile, from: number, rateScale = 1): void {
  const { rand, emit } = ctx;
  const queue = ctx.profile.queues.find((q) => q.name === c.queue)!;
  const peakPerMs = (c.attemptsPerHour * Math.max(...c.hours) * Math.max(...c.weekday) * rateScale) / HOUR;
  if (!(peakPerMs > 0)) return;
  let fresh: CallRecord[] = [];
  let listDay = -1;
  const retries: CallRecord[] = [];
  let ringing = 0;
  let ratio = 1;

  // Candidate attempts come at the dialer's top pace; calling hours and pacing thin them.
  function tick(after: number): void {
    const at = after + Math.max(1, Math.round(exponential(rand, 1 / peakPerMs)));
    ctx.schedule(at, () => {
      const { hour, weekday, day } = ctx.localTime(at);
      const pace = (c.attemptsPerHour * c.hours[Math.floor(hour)]! * c.weekday[weekday]! * rateScale) / HOUR;
      if (chance(rand, pace / peakPerMs) && ringing + router.waiting(c.queue) + 1 <= ratio * router.idleAgents(c.queue)) {
        if (day !== listDay) {
          listDay = day;
          fresh = Array.from({ length: c.list.recordsPerDay }, () => ({
            customerId: ctx.newId("cust"), invalidNumber: chance(rand, c.invalidNumber.share), attempts: 0, hours: [], due: at,
          }));
        }
        const record = nextRecord(at, Math.floor(hour));
        if (record) dial(record, at, Math.floor(hour));
      }
      tick(at);
    });
  }

  /** The retry due longest ago that was not yet tried at this hour, else a record not called yet. */
  function nextRecord(at: number, hour: number): CallRecord | undefined {
    let best = -1;
    for (let i = 0; i < retries.length; i++) {
      const r = retries[i]!;
      if (r.due <= at && !r.hours.includes(hour) && (best < 0 || r.due < retries[best]!.due)) best = i;
    }
    return best >= 0 ? retries.splice(best, 1)[0] : fresh.pop();
  }

  function retry(record: CallRecord, at: number, after: Duration | null): void {
    if (after === null || record.attempts >= c.list.maxAttempts) return;
    record.due = at + ctx.duration(after);
    retries.push(record);
  }

  function dial(record: CallRecord, at: number, hour: number): void {
    record.attempts++;
    record.hours.push(hour);
    const contactId = ctx.newId("c");
    const campaign = c.name;
    emit("contact.offered", at, {
      contactId, queue: c.queue, channel: queue.channel, direction: "outbound", customerId: record.customerId, campaign,
    });
    const result = ringResult(record);
    const ring = result === "connected" ? c.connect : result === "invalid-number" ? c.invalidNumber : c.ring[result];
    const doneAt = at + ctx.duration(ring.duration);
    ringing++;
    ctx.schedule(doneAt, () => {
      ringing--;
      if (result === "connected") {
        const contact: Contact = { id: contactId, queue: c.queue, offeredAt: at, status: "waiting", handling: conversation(record, contactId) };
        router.enqueue(contact, doneAt, doneAt + c.dropAfterSeconds * 1000);
        return;
      }
      emit("contact.outcome", doneAt, { contactId, outcome: result, campaign });
      emit("contact.ended", doneAt, { contactId });
      retry(record, doneAt, result === "invalid-number" ? null : c.ring[result].retryAfter);
    });
  }

  function ringResult(record: CallRecord): RingOutcome | "connected" {
    if (record.invalidNumber) return "invalid-number";
    let x = rand();
    for (const result of ["busy", "no-answer", "voicemail"] as const) {
      x -= c.ring[result].share;
      if (x < 0) return result;
    }
    return "connected";
  }

  function conversation(record: CallRecord, contactId: string): Handling {
    const { argueChance, refusalTalk, saleChance, agreeChance, amount } = c.conversation;
    let argued = false;
    let final: Outcome = "refused";
    return {
      talk() {
        const { dropTarget, maxRatio } = c.pacing;
        ratio = Math.min(maxRatio, ratio + (PACING_STEP * dropTarget) / (1 - dropTarget));
        argued = chance(rand, argueChance);
        if (!argued) return ctx.duration(refusalTalk);
        const x = rand();
        final = x < saleChance ? "sale" : x < saleChance + agreeChance ? "agreed" : "refused";
        return ctx.duration(queue.talk);
      },
      ending() {},
      wrapped(at) {
        if (argued) emit("contact.outcome", at, { contactId, outcome: "argued", campaign: c.name });
        emit("contact.outcome", at, {
          contactId, outcome: final, campaign: c.name, ...(final === "sale" ? { amount: ctx.amount(amount) } : {}),
        });
      },
      abandoned(at) {
        ratio = Math.max(1, ratio - PACING_STEP);
        retry(record, at, c.connect.retryAfterDrop);
      },
    };
  }

  tick(from);
}
