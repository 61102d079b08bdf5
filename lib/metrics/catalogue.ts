import type { EventType } from "../events/schema";
import type { ArticleId, Attribution, KpiMeta, Localized } from "./kpi-types";
import { PERIOD_KPIS, type FigureId } from "./period-kpis";
import { KPIS } from "./registry";
import { BOARD_QUEUE_COLUMNS, BOARD_TILES } from "./default-board";

/**
 * The KPI catalogue: every KPI Vigie computes (events and period figures), as
 * plain data for the catalogue page (`/kpis`) and the links to it, plus what
 * the seed articles (docs/kpi-sources) name and Vigie does not compute, and
 * the map from each term of the articles to its entries. Pure: no I/O.
 */

export { NOT_COMPUTED, type NotComputed } from "./catalogue/not-computed";
export { SEED_TERMS, type SeedTerm } from "./catalogue/seed-terms";

/** A catalogue entry: the KPI's definition without its compute function, so it can cross to the browser. */
export interface CatalogueEntry extends KpiMeta {
  /** Event KPIs: which instant places a contact in a window or report bucket. */
  attribution?: Attribution;
  /** Event KPIs: the event types it is computed from. */
  feeds?: readonly EventType[];
  /** Period KPIs: the figures it is computed from. */
  inputs?: readonly FigureId[];
}

function entry(k: CatalogueEntry): CatalogueEntry {
  const { id, name, short, description, formula, unit, direction, availability, category, sources } = k;
  const { thresholds, variants, notes, attribution, feeds, inputs } = k;
  const optional = { thresholds, variants, notes, attribution, feeds, inputs };
  const present = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
  return { id, name, short, description, formula, unit, direction, availability, category, sources, ...present };
}

export const CATALOGUE: readonly CatalogueEntry[] = [...KPIS, ...PERIOD_KPIS].map(entry);

const byId = new Map(CATALOGUE.map((k) => [k.id, k]));

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return byId.get(id);
}

/** The seed articles, by file prefix: their title, and the file under docs/kpi-sources. */
export const ARTICLES: Record<ArticleId, { title: string; file: string }> = {
  "000": { title: "Quels sont les indicateurs clés de performance client ?", file: "000_4e47afb0b8a2429d.txt" },
  "001": { title: "30 KPI pour votre service client", file: "001_f741299b64d06711.txt" },
  "002": { title: "Glossaire des indicateurs clés (KPI) d’amélioration de la relation client", file: "002_965d85a8a9d2dd2e.txt" },
  "003": { title: "Les 4 KPI principaux de la relation client", file: "003_76b0ab39fc6105a4.txt" },
  "004": { title: "60 KPI incontournables de l'expérience client", file: "004_31bd3d4919847211.txt" },
};

/**
 * The KPIs of the wallboard's main view: its tiles (headline, flow, agents) and
 * the columns of its queue table; every other event KPI is a tile of its "All
 * KPIs" view. Keep in step with components/wallboard/wallboard.tsx, kpi-panel.tsx
 * and queue-table.tsx (which could import these lists instead of their own).
 */
/** The default board's tiles and queue-table columns (`default-board.ts`). */
export const WALLBOARD_TILES = BOARD_TILES;
export const WALLBOARD_QUEUE_COLUMNS = BOARD_QUEUE_COLUMNS;

export type Place = "wallboard" | "wallboardKpis" | "queueTable" | "reports" | "reportsApi" | "liveApi" | "figures" | "figuresApi";

export interface Shown {
  place: Place;
  /** A page to open, or an API path (shown, not followed). */
  href: string;
  api: boolean;
}

const SHOWN: Record<Place, Shown> = {
  wallboard: { place: "wallboard", href: "/wallboard", api: false },
  wallboardKpis: { place: "wallboardKpis", href: "/wallboard?view=kpis", api: false },
  queueTable: { place: "queueTable", href: "/wallboard", api: false },
  reports: { place: "reports", href: "/reports", api: false },
  reportsApi: { place: "reportsApi", href: "/api/reports", api: true },
  liveApi: { place: "liveApi", href: "/api/live", api: true },
  figures: { place: "figures", href: "/figures", api: false },
  figuresApi: { place: "figuresApi", href: "/api/figures", api: true },
};

const has = (list: readonly string[], id: string) => list.includes(id);

/** Where a KPI appears in Vigie; empty for an unknown id. */
export function whereShown(id: string): Shown[] {
  const k = byId.get(id);
  if (!k) return [];
  if (k.availability === "period") return [SHOWN.figures, SHOWN.figuresApi];
  const places: Shown[] = [];
  places.push(has(WALLBOARD_TILES, id) ? SHOWN.wallboard : SHOWN.wallboardKpis);
  if (has(WALLBOARD_QUEUE_COLUMNS, id)) places.push(SHOWN.queueTable);
  if (k.availability === "live+historical") places.push(SHOWN.reports, SHOWN.reportsApi);
  places.push(SHOWN.liveApi);
  return places;
}

/** Lower case, one kind of apostrophe and of space: how terms of the articles are compared. Accents are kept. */
export function normaliseTerm(s: string): string {
  return s.normalize("NFC").replace(/[’‘`]/g, "'").replace(/\s+/g, " ").trim().toLocaleLowerCase("fr");
}

/** A name in both languages, for a search box: lower case, accents removed. */
export function searchText(parts: readonly (string | Localized)[]): string {
  return parts
    .flatMap((p) => (typeof p === "string" ? [p] : [p.fr, p.en]))
    .join(" ")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}
