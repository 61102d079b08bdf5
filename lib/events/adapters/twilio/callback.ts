import { z } from "zod";
import type { FormParams } from "./signature";

/**
 * A TaskRouter event callback as posted to the Workspace's EventCallbackUrl
 * (application/x-www-form-urlencoded, every value a string). Only the
 * parameters Vigie maps are named; bounds keep ids and labels storable.
 * Reference: twilio.com/docs/taskrouter/api/event/reference.
 */

export function parseForm(body: string): Map<string, string[]> {
  const form = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(body)) {
    const values = form.get(name);
    if (values) values.push(value);
    else form.set(name, [value]);
  }
  return form;
}

const sid = z.string().trim().min(1).max(100, "must be at most 100 characters").optional();
const text = z.string().trim().min(1).max(200, "must be at most 200 characters").optional();

export const callbackSchema = z.object({
  EventType: z.string().trim().min(1, "is required").max(100),
  /** The event's own sid (EV…): Vigie's idempotency key. */
  Sid: sid,
  ResourceSid: sid,
  /** Epoch seconds; only a fallback for TimestampMs, so a form Vigie cannot read is no reason to refuse the callback. */
  Timestamp: z.string().regex(/^\d{1,11}$/).optional().catch(undefined),
  /** Epoch milliseconds; preferred when present. */
  TimestampMs: z.string().regex(/^\d{1,14}$/, "must be epoch milliseconds").optional(),
  TaskSid: text,
  TaskQueueName: text,
  TaskQueueSid: sid,
  /** A JSON object as a string: `from`, `direction`, `call_sid`, `channelType`… */
  TaskAttributes: z.string().optional(),
  TaskChannelUniqueName: text,
  TaskCanceledReason: text,
  WorkerSid: sid,
  WorkerName: text,
  WorkerActivityName: text,
  TransferType: text,
});

export type Callback = z.output<typeof callbackSchema>;

/** The first non-empty value of each parameter (TaskRouter sends each name once; an empty value is no value). */
export function firstValues(form: FormParams): Record<string, string> {
  const entries: [string, string][] = [];
  for (const [name, values] of form) {
    const value = values.find((v) => v.trim() !== "");
    if (value !== undefined) entries.push([name, value]);
  }
  // fromEntries defines own properties: a parameter named __proto__ stays a parameter.
  return Object.fromEntries(entries);
}

/** The event time in epoch ms, or undefined when the callback carries none. */
export function callbackTime(c: Callback): number | undefined {
  if (c.TimestampMs !== undefined) return Number(c.TimestampMs);
  if (c.Timestamp !== undefined) return Number(c.Timestamp) * 1000;
  return undefined;
}
