import { z } from "zod";
import { HISTORICAL_IDS, type MetricId } from "../metrics/registry";
import { GRANULARITIES } from "./calendar";

export const GROUP_BY = ["none", "queue", "agent", "channel"] as const;
export type GroupBy = (typeof GROUP_BY)[number];

const day = z.iso.date({ message: "must be a calendar day YYYY-MM-DD" });
const MAX_DAYS = 366;

/** CONTRACT §4, plus `metrics` (a comma-separated choice of registry ids) and `lang` (CSV header names). */
export const reportQuerySchema = z
  .object({
    from: day,
    to: day,
    granularity: z.enum(GRANULARITIES, { message: `must be one of ${GRANULARITIES.join(", ")}` }).default("day"),
    groupBy: z.enum(GROUP_BY, { message: `must be one of ${GROUP_BY.join(", ")}` }).default("none"),
    format: z.enum(["json", "csv"], { message: "must be json or csv" }).default("json"),
    metrics: z
      .string()
      .transform((s) => s.split(",").map((m) => m.trim()).filter(Boolean))
      .pipe(
        z
          .array(z.enum(HISTORICAL_IDS as [MetricId, ...MetricId[]], { message: "names a metric that reports do not compute" }))
          .min(1, "must name at least one metric"),
      )
      .optional(),
    lang: z.enum(["fr", "en"]).optional(),
  })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["from"] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_DAYS, {
    message: `the range must be at most ${MAX_DAYS} days`,
    path: ["to"],
  });

export type ReportQuery = z.output<typeof reportQuerySchema>;
