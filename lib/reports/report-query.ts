import { z } from "zod";
import { HISTORICAL_IDS, type MetricId } from "../metrics/registry";
import { GRANULARITIES } from "./calendar";
import { parseSort } from "./sort-rows";

export const GROUP_BY = ["none", "queue", "agent", "channel"] as const;
export type GroupBy = (typeof GROUP_BY)[number];

const day = z.iso.date({ message: "must be a calendar day YYYY-MM-DD" });
const MAX_DAYS = 366;

/**
 * CONTRACT §4, plus `metrics` (a comma-separated choice of registry ids),
 * `lang` (CSV header names) and `sort` (the rows' order).
 */
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
    /** The rows' order (lib/reports/sort-rows.ts): a column, `-` before it for descending. */
    sort: z.string().regex(/^-?[A-Za-z]+$/, "must be a column id, with - before it for descending").optional(),
  })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["from"] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_DAYS, {
    message: `the range must be at most ${MAX_DAYS} days`,
    path: ["to"],
  })
  .refine((q) => q.sort === undefined || isColumn(parseSort(q.sort).column, q.metrics), {
    message: "must name a column of the report: bucket, key or one of the chosen metrics",
    path: ["sort"],
  });

const isColumn = (column: string, metrics: readonly string[] | undefined) =>
  column === "bucket" || column === "key" || (metrics ?? HISTORICAL_IDS).includes(column);

export type ReportQuery = z.output<typeof reportQuerySchema>;
