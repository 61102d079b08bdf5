import { describe, expect, it } from "vitest";
import type { Reach } from "../auth/permissions";
import { wallboardDefinition } from "./definition";
import { boardView, definitionForReader, narrowSelection } from "./view";

const ALL: Reach = { kind: "all" };
const SUPPORT: Reach = { kind: "queues", queues: ["support", "vip"] };
const AGENT: Reach = { kind: "agent", agentId: "a1" };

describe("boardView: a board as one reader sees it", () => {
  it("shows everything to an unrestricted reader, their own queues summed to a restricted one", () => {
    expect(boardView({ kind: "all", values: [] }, ALL)).toEqual({ groups: [{ label: null, scope: "all" }], queues: null, hidden: 0 });
    expect(boardView({ kind: "all", values: [] }, SUPPORT)).toEqual({
      groups: [{ label: null, scope: "queues:support,vip" }],
      queues: ["support", "vip"],
      hidden: 0,
    });
  });

  it("intersects a board's queues with the reader's, on one scope (queue:<q> for one)", () => {
    const board = { kind: "queues" as const, values: ["sales", "support"] };
    expect(boardView(board, ALL).groups).toEqual([{ label: null, scope: "queues:sales,support" }]);
    expect(boardView(board, SUPPORT)).toEqual({ groups: [{ label: null, scope: "queue:support" }], queues: ["support"], hidden: 1 });
    expect(boardView({ kind: "queues", values: ["sales"] }, SUPPORT)).toEqual({ groups: [], queues: [], hidden: 1 });
  });

  it("encodes queue names in a multi-queue scope", () => {
    expect(boardView({ kind: "queues", values: ["a,b", "c d"] }, ALL).groups[0]!.scope).toBe("queues:a%2Cb,c%20d");
  });

  it("gives one group per channel, to unrestricted readers only", () => {
    const board = { kind: "channels" as const, values: ["voice", "chat"] };
    expect(boardView(board, ALL).groups).toEqual([
      { label: "voice", scope: "channel:voice" },
      { label: "chat", scope: "channel:chat" },
    ]);
    expect(boardView(board, SUPPORT)).toEqual({ groups: [], queues: [], hidden: 2 });
  });

  it("shows nothing to agents or to no one", () => {
    expect(boardView({ kind: "all", values: [] }, AGENT).groups).toEqual([]);
    expect(boardView({ kind: "queues", values: ["support"] }, { kind: "none" }).groups).toEqual([]);
  });
});

describe("narrowSelection: what a copy covers", () => {
  it("keeps the board for unrestricted readers and narrows it for restricted ones", () => {
    expect(narrowSelection({ kind: "channels", values: ["voice"] }, ALL)).toEqual({ kind: "channels", values: ["voice"] });
    expect(narrowSelection({ kind: "all", values: [] }, SUPPORT)).toEqual({ kind: "queues", values: ["support", "vip"] });
    expect(narrowSelection({ kind: "queues", values: ["sales", "vip"] }, SUPPORT)).toEqual({ kind: "queues", values: ["vip"] });
    expect(narrowSelection({ kind: "queues", values: ["sales"] }, SUPPORT)).toBeNull();
    expect(narrowSelection({ kind: "channels", values: ["voice"] }, SUPPORT)).toBeNull();
    expect(narrowSelection({ kind: "all", values: [] }, AGENT)).toBeNull();
  });
});

describe("definitionForReader: no other queue's name reaches a restricted reader", () => {
  it("narrows the coverage, keeping the rest", () => {
    const d = wallboardDefinition.parse({ tiles: [{ metric: "waiting" }], scope: { kind: "queues", values: ["sales", "vip"] } });
    expect(definitionForReader(d, ALL)).toBe(d);
    expect(definitionForReader(d, SUPPORT)).toEqual({ ...d, scope: { kind: "queues", values: ["vip"] } });
    expect(definitionForReader({ ...d, scope: { kind: "queues", values: ["sales"] } }, SUPPORT).scope).toEqual({ kind: "queues", values: [] });
  });
});
