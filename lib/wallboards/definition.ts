import { z } from "zod";
import { queueName } from "../auth/validation";
import { CHANNELS } from "../events/schema";
import { kpi, type MetricId } from "../metrics/registry";
import { queuesScope, windowSchema } from "../metrics/scope";

/**
 * What a saved wallboard shows (the `definition` column): tiles in order, the
 * queues or channels it covers, the window, the layout, and optional sections.
 * `wallboardDefinition` validates what users send (a 400 naming the field);
 * `readDefinition` reads stored rows leniently, so rows written before a field
 * existed, or naming a KPI the registry dropped, still open.
 */

export const TILE_SIZES = ["xl", "md", "sm"] as const;
export type TileSize = (typeof TILE_SIZES)[number];
export const SELECTION_KINDS = ["all", "queues", "channels"] as const;
/** Sections under the tiles; other features fill theirs in components/wallboards/board-sections.tsx. */
export const SECTION_IDS = ["queueTable", "chart", "agentGrid", "queueDetail"] as const;
export type SectionId = (typeof SECTION_IDS)[number];
export const MAX_TILES = 48;
/** The longest scope a subscription accepts (lib/metrics/scope.ts). */
const MAX_SCOPE_LENGTH = 220;

const thresholdsSchema = z.object({ warn: z.number().finite(), alert: z.number().finite() }).strict();

const tileSchema = z
  .object({
    metric: z.string().refine((id) => kpi(id) !== undefined, "is not a KPI of the registry"),
    size: z.enum(TILE_SIZES).default("md"),
    thresholds: thresholdsSchema.optional(),
  })
  .superRefine((tile, ctx) => {
    const def = kpi(tile.metric);
    const t = tile.thresholds;
    if (!def || !t) return;
    const issue = (message: string) => ctx.addIssue({ code: "custom", path: ["thresholds"], message });
    if (def.direction === "neutral") return issue("this KPI is neither better higher nor lower: no thresholds");
    if (def.direction === "higher" && t.warn < t.alert) return issue("better when higher: warn must be at or above alert");
    if (def.direction === "lower" && t.warn > t.alert) return issue("better when lower: warn must be at or below alert");
    if (def.unit === "ratio" && [t.warn, t.alert].some((v) => v < 0 || v > 1)) issue("a ratio's thresholds are in 0..1 (0.8 = 80 %)");
  })
  .transform((tile) => ({ ...tile, metric: tile.metric as MetricId }));

const selectionSchema = z
  .object({
    kind: z.enum(SELECTION_KINDS),
    values: z
      .array(queueName)
      .max(100)
      .default([])
      .transform((vs) => [...new Set(vs)]),
  })
  .strict()
  .superRefine((s, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: "custom", path: ["values"], message });
    if (s.kind === "all") return void (s.values.length > 0 && issue("a board over everything names no queue or channel"));
    if (s.values.length === 0) return issue(`name at least one of the ${s.kind}`);
    if (s.kind === "channels") {
      const unknown = s.values.find((c) => !(CHANNELS as readonly string[]).includes(c));
      if (unknown) issue(`"${unknown}" is not a channel (${CHANNELS.join(", ")})`);
    } else if (queuesScope(s.values).length > MAX_SCOPE_LENGTH) issue("too many queues for one board");
  });

const layoutSchema = z.object({ columns: z.int().min(1).max(12).default(6) }).strict();

/** A section's settings; a feature extends its own with more fields (`.extend`), defaulted. */
const sectionSchema = z.object({ show: z.boolean().default(false) });
const sectionsSchema = z.object({
  queueTable: sectionSchema.default({ show: false }),
  chart: sectionSchema.default({ show: false }),
  agentGrid: sectionSchema.default({ show: false }),
  queueDetail: sectionSchema.default({ show: false }),
});

export const wallboardDefinition = z.object({
  tiles: z
    .array(tileSchema)
    .max(MAX_TILES)
    .default([])
    .refine((ts) => new Set(ts.map((t) => t.metric)).size === ts.length, "each KPI appears once on a board"),
  scope: selectionSchema.default({ kind: "all", values: [] }),
  window: windowSchema.default("today"),
  layout: layoutSchema.default({ columns: 6 }),
  sections: sectionsSchema.default({
    queueTable: { show: false },
    chart: { show: false },
    agentGrid: { show: false },
    queueDetail: { show: false },
  }),
});

export type WallboardDefinitionInput = z.input<typeof wallboardDefinition>;
export type WallboardDefinition = z.output<typeof wallboardDefinition>;
export type WallboardTile = WallboardDefinition["tiles"][number];
export type TileThresholds = z.output<typeof thresholdsSchema>;
export type BoardSelection = WallboardDefinition["scope"];

/** A stored row whose scope no longer parses shows nothing rather than widening to everything. */
const NOTHING: BoardSelection = { kind: "queues", values: [] };

const storedDefinition = z.object({
  tiles: z
    .array(z.unknown())
    .catch([])
    .transform((tiles) => {
      const kept = tiles.flatMap((t) => tileSchema.safeParse(t).data ?? []);
      return kept.filter((t, i) => kept.findIndex((k) => k.metric === t.metric) === i).slice(0, MAX_TILES);
    }),
  scope: selectionSchema.catch(NOTHING),
  window: windowSchema.catch("today"),
  layout: layoutSchema.catch({ columns: 6 }),
  sections: sectionsSchema.catch(wallboardDefinition.parse({}).sections),
});

/** A stored definition, each field falling back to its default when it no longer parses. */
export function readDefinition(json: unknown): WallboardDefinition {
  const strict = wallboardDefinition.safeParse(json);
  if (strict.success) return strict.data;
  return storedDefinition.parse(json !== null && typeof json === "object" ? json : {});
}

/** Thresholds a tile is coloured with: its own, else the registry's. */
export function tileThresholds(tile: Pick<WallboardTile, "metric" | "thresholds">): TileThresholds | undefined {
  return tile.thresholds ?? kpi(tile.metric)?.thresholds;
}
