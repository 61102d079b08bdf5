import type { MetricId } from "./registry";

/**
 * What the default wallboard shows, in order. The board draws from these lists
 * and the catalogue reads them to say where each KPI is shown.
 */
export const BOARD_HEADLINE = ["serviceLevel", "abandonRate", "waiting", "longestWait", "asa", "aht"] as const satisfies readonly MetricId[];
export const BOARD_FLOW = ["offered", "answered", "abandoned"] as const satisfies readonly MetricId[];
export const BOARD_AGENTS = ["agentsAvailable", "agentsBusy", "agentsWrapUp", "agentsPaused"] as const satisfies readonly MetricId[];
export const BOARD_TILES = [...BOARD_HEADLINE, ...BOARD_FLOW, ...BOARD_AGENTS] as const;
/** Columns of the per-queue table. */
export const BOARD_QUEUE_COLUMNS = ["offered", "answered", "abandoned", "serviceLevel", "asa", "waiting", "longestWait"] as const satisfies readonly MetricId[];
