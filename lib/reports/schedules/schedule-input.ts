import { z } from "zod";
import { PRESETS, type Preset } from "../presets";
import { reportQuerySchema } from "../report-query";
import { checkWebhookUrl, checkSubPath } from "./destination";

/**
 * A schedule as the API takes it. The report query is `reportQuerySchema`'s,
 * with a relative period (`preset`: "yesterday", "lastWeek"…) instead of fixed
 * days: each run reads the preset from the day it is due.
 */

const reportShape = reportQuerySchema;
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time HH:MM");

export const scheduleQuery = z.object({
  preset: z.enum(PRESETS, { message: `must be one of ${PRESETS.join(", ")}` }),
  granularity: reportShape.shape.granularity,
  groupBy: reportShape.shape.groupBy,
  /** Comma-separated registry ids, as the API reads them. */
  metrics: z.string().optional(),
  lang: reportShape.shape.lang,
}).superRefine((q, ctx) => {
  const probe = reportQuerySchema.safeParse({ from: "2026-01-01", to: "2026-01-01", ...q, preset: undefined });
  if (!probe.success) for (const issue of probe.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});
export type ScheduleQuery = z.output<typeof scheduleQuery>;

export const frequency = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("daily"), time: hhmm }),
  z.object({ kind: z.literal("weekly"), time: hhmm, weekday: z.number().int().min(1, "must be 1 (Monday) to 7 (Sunday)").max(7, "must be 1 (Monday) to 7 (Sunday)") }),
]);
export type Frequency = z.output<typeof frequency>;

export const destination = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("folder"),
    path: z.string().max(200).default("").refine((p) => checkSubPath(p) === null, { error: (i) => checkSubPath(String(i.input)) ?? "invalid" }),
  }),
  z.object({
    kind: z.literal("webhook"),
    url: z.string().max(2000).refine((u) => checkWebhookUrl(u) === null, { error: (i) => checkWebhookUrl(String(i.input)) ?? "invalid" }),
  }),
]);
export type Destination = z.output<typeof destination>;

export const scheduleInput = z.object({
  name: z.string().trim().min(1, "must not be empty").max(120),
  query: scheduleQuery,
  frequency,
  destination,
  enabled: z.boolean().default(true),
});
export type ScheduleInput = z.output<typeof scheduleInput>;

export type { Preset };
