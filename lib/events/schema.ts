import { z } from "zod";

/**
 * The wire format of CONTRACT §2, validated once at the ingest boundary.
 * Everything downstream (storage, engine, adapters) works on `VigieEvent`.
 */

export const CHANNELS = ["voice", "chat", "email", "social", "sms", "video"] as const;
export const AGENT_STATES = ["available", "busy", "wrap-up", "paused", "offline"] as const;
export const SURVEY_KINDS = ["csat", "nps", "ces", "enps"] as const;
export const OUTCOMES = ["no-answer", "busy", "invalid-number", "voicemail", "argued", "agreed", "refused", "sale"] as const;

export type Channel = (typeof CHANNELS)[number];
export type AgentState = (typeof AGENT_STATES)[number];
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** Default survey scales (CONTRACT §2). */
export const DEFAULT_SCALES: Record<SurveyKind, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
  enps: { min: 0, max: 10 },
};

/** Events dated further ahead than this are rejected: a skewed clock would corrupt "now" metrics. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

const MAX_ID = 200;
/** Identifiers: strings, or integers that integrators often send for numeric ids. */
const ident = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .pipe(z.string().trim().min(1, "must not be empty").max(MAX_ID, `must be at most ${MAX_ID} characters`));
const label = z.string().trim().min(1, "must not be empty").max(MAX_ID, `must be at most ${MAX_ID} characters`);

const isoWithOffset = z.iso.datetime({ offset: true, local: false, precision: undefined });
const eventTime = z
  .union([
    z.number().int().min(0, "epoch milliseconds must not be negative").max(8.64e15),
    z.string().refine((s) => isoWithOffset.safeParse(s).success, {
      message: "must be ISO-8601 with an offset (e.g. 2026-11-23T09:15:02+01:00 or …Z) or epoch milliseconds",
    }),
  ])
  .transform((v) => (typeof v === "number" ? v : Date.parse(v)));

const scaleInput = z
  .union([
    z.object({ min: z.number(), max: z.number() }),
    z.tuple([z.number(), z.number()]),
    z.string().regex(/^\s*-?\d+(\.\d+)?\s*(-|\.\.|–)\s*-?\d+(\.\d+)?\s*$/, 'must look like "1-5"'),
  ])
  .transform((v) => {
    if (Array.isArray(v)) return { min: v[0], max: v[1] };
    if (typeof v === "string") {
      const m = /^\s*(-?\d+(?:\.\d+)?)\s*(?:-|\.\.|–)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(v)!;
      return { min: Number(m[1]), max: Number(m[2]) };
    }
    return v;
  })
  .refine((s) => s.max > s.min, { message: "max must be greater than min" });

const base = { id: ident, at: eventTime };
const contact = { ...base, contactId: ident };

const variants = [
  z.looseObject({
    ...contact,
    type: z.literal("contact.offered"),
    queue: label,
    channel: z.enum(CHANNELS).default("voice"),
    direction: z.enum(["inbound", "outbound"]).default("inbound"),
    customerId: ident.optional(),
    caseId: ident.optional(),
    campaign: label.optional(),
  }),
  z.looseObject({ ...contact, type: z.literal("contact.answered"), agentId: ident }),
  z.looseObject({ ...contact, type: z.literal("contact.abandoned") }),
  z.looseObject({ ...contact, type: z.literal("contact.held") }),
  z.looseObject({ ...contact, type: z.literal("contact.resumed") }),
  z.looseObject({ ...contact, type: z.literal("contact.transferred"), toQueue: label.optional(), toAgentId: ident.optional() }),
  z.looseObject({ ...contact, type: z.literal("contact.escalated"), toQueue: label.optional(), from: z.enum(["bot", "agent"]).optional() }),
  z.looseObject({ ...contact, type: z.literal("contact.responded"), agentId: ident.optional() }),
  z.looseObject({ ...contact, type: z.literal("contact.ended") }),
  z.looseObject({ ...contact, type: z.literal("contact.wrapped") }),
  z.looseObject({ ...contact, type: z.literal("contact.resolved"), firstContact: z.boolean().optional() }),
  z.looseObject({ ...contact, type: z.literal("contact.selfserved") }),
  z.looseObject({
    ...contact,
    type: z.literal("contact.outcome"),
    outcome: z.enum(OUTCOMES),
    amount: z.number().finite().optional(),
    campaign: label.optional(),
  }),
  z.looseObject({ ...base, type: z.literal("case.opened"), caseId: ident, customerId: ident.optional() }),
  z.looseObject({ ...base, type: z.literal("case.closed"), caseId: ident, customerId: ident.optional() }),
  z.looseObject({
    ...base,
    type: z.literal("agent.state"),
    agentId: ident,
    state: z.enum(AGENT_STATES),
    reason: label.optional(),
    queues: z.array(label).max(500).optional(),
  }),
  z
    .looseObject({
      ...base,
      type: z.literal("survey.response"),
      kind: z.enum(SURVEY_KINDS),
      score: z.number().finite(),
      contactId: ident.optional(),
      agentId: ident.optional(),
      queue: label.optional(),
      scale: scaleInput.optional(),
      /** What the question was about when not the overall experience, e.g. "wait" (satisfaction with waiting time). */
      topic: label.optional(),
    })
    .transform((e) => ({ ...e, scale: e.scale ?? DEFAULT_SCALES[e.kind] }))
    .refine((e) => e.score >= e.scale.min && e.score <= e.scale.max, {
      message: "score is outside the survey's scale",
      path: ["score"],
    }),
] as const;

export const EVENT_TYPES = [
  "contact.offered", "contact.answered", "contact.abandoned", "contact.held", "contact.resumed",
  "contact.transferred", "contact.escalated", "contact.responded", "contact.ended", "contact.wrapped",
  "contact.resolved", "contact.selfserved", "contact.outcome", "case.opened", "case.closed",
  "agent.state", "survey.response",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const eventSchema = z.union(variants);
export type VigieEvent = z.output<typeof eventSchema>;
export type EventOf<T extends EventType> = Extract<VigieEvent, { type: T }>;

const envelope = z.object({
  id: z.unknown().refine((v) => v !== undefined && v !== null, { message: "is required" }),
  type: z.enum(EVENT_TYPES, { message: `must be one of ${EVENT_TYPES.join(", ")}` }),
});

export type ParseResult = { ok: true; event: VigieEvent; payload: string } | { ok: false; error: string };

/** PostgreSQL cannot store NUL characters nor lone UTF-16 surrogates in text or jsonb. */
const UNSTORABLE = /(?:^|[^\\])(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i;

/**
 * Validates one decoded JSON value as an event. `now` bounds the future skew.
 * The error is one line naming the field and the reason.
 */
export function parseEvent(input: unknown, now: number): ParseResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, error: "an event must be a JSON object" };
  }
  if (nestedDeeperThan(input, MAX_DEPTH)) {
    return { ok: false, error: `event: nested deeper than ${MAX_DEPTH} levels` };
  }
  const head = envelope.safeParse(input);
  if (!head.success) return { ok: false, error: describeIssues(head.error.issues, input) };
  const variant = variants[EVENT_TYPES.indexOf(head.data.type)]!;
  const parsed = variant.safeParse(input);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error.issues, input) };
  const event = parsed.data as VigieEvent;
  if (event.at > now + MAX_FUTURE_SKEW_MS) {
    return { ok: false, error: "at: more than 5 minutes ahead of the server's clock" };
  }
  const payload = JSON.stringify(input);
  if (UNSTORABLE.test(payload)) {
    return { ok: false, error: "event: contains a NUL character or an unpaired surrogate, which cannot be stored" };
  }
  return { ok: true, event, payload };
}

/**
 * An event read back from the database (its jsonb payload, decoded or as
 * text): validated and normalised by the schema of its type as at ingest, so a
 * row stored by an earlier version reads with today's defaults; without what
 * only untrusted input needs (depth, clock skew, storable text, serialising it
 * again). Null for a row that no longer validates.
 */
export function readStoredEvent(payload: unknown): VigieEvent | null {
  const input: unknown = typeof payload === "string" ? JSON.parse(payload) : payload;
  if (typeof input !== "object" || input === null) return null;
  const at = EVENT_TYPES.indexOf((input as { type?: unknown }).type as EventType);
  if (at < 0) return null;
  const parsed = variants[at]!.safeParse(input);
  return parsed.success ? (parsed.data as VigieEvent) : null;
}

/** Events are shallow; a hostile depth would overflow JSON.stringify's stack. */
const MAX_DEPTH = 32;

/** Iterative on purpose: a recursive walk would overflow on the very input it guards against. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Turns zod issues into "field: reason; field: reason". */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string {
  return issues
    .slice(0, 5)
    .map((i) => {
      const path = i.path.length ? i.path.join(".") : "event";
      const missing = i.path.length > 0 && valueAt(input, i.path) === undefined;
      return `${path}: ${missing ? "is required" : i.message}`;
    })
    .join("; ");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}
