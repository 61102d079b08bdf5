import type { Reach } from "../auth/permissions";
import { wallboardDefinition, type WallboardDefinition } from "./definition";

/** What the editor starts a new board with: the headline KPIs, over everything the creator may see. */
export function starterDefinition(reach: Reach): WallboardDefinition {
  return wallboardDefinition.parse({
    tiles: [
      { metric: "serviceLevel", size: "xl" },
      { metric: "waiting", size: "md" },
      { metric: "longestWait", size: "md" },
      { metric: "abandonRate", size: "md" },
      { metric: "asa", size: "md" },
      { metric: "offered", size: "sm" },
      { metric: "answered", size: "sm" },
      { metric: "agentsAvailable", size: "sm" },
      { metric: "agentsBusy", size: "sm" },
    ],
    scope: reach.kind === "queues" ? { kind: "queues", values: [...reach.queues] } : { kind: "all", values: [] },
    layout: { columns: 4 },
    sections: { queueTable: { show: true } },
  });
}
