import { describe, expect, it } from "vitest";
import { canEditWallboards, canReadWallboard, canSaveWallboard, type Principal, type Role, type UserPrincipal } from "./permissions";

const user = (role: Role, extra: Partial<UserPrincipal> = {}): UserPrincipal => ({
  kind: "user", id: `u-${role}`, role, agentId: null, queues: [], disabled: false, ...extra,
});

const who: Record<string, Principal> = {
  admin: user("admin"),
  manager: user("manager"),
  managerSupport: user("manager", { queues: ["support"] }),
  supervisorSupport: user("supervisor", { queues: ["support"] }),
  agent: user("agent", { agentId: "a1" }),
  disabledAdmin: user("admin", { disabled: true }),
  keyManager: { kind: "apiKey", id: "k", role: "manager", queues: [] },
  kiosk: { kind: "kiosk", id: "k1", wallboardId: "board-1", queues: [] },
};

const ALL = { kind: "all", values: [] } as const;
const SUPPORT = { kind: "queues", values: ["support"] } as const;
const BOTH = { kind: "queues", values: ["support", "sales"] } as const;
const VOICE = { kind: "channels", values: ["voice"] } as const;

describe("saved wallboard permissions", () => {
  it("lets signed-in admins, managers and supervisors edit boards; not agents, keys, kiosks or disabled users", () => {
    const allowed = Object.entries(who).filter(([, p]) => canEditWallboards(p)).map(([k]) => k);
    expect(allowed).toEqual(["admin", "manager", "managerSupport", "supervisorSupport"]);
  });

  it("saves a board only over what its editor may see", () => {
    const table = Object.fromEntries(
      Object.entries(who).map(([k, p]) => [k, [ALL, SUPPORT, BOTH, VOICE].map((s) => canSaveWallboard(p, s))]),
    );
    expect(table).toEqual({
      admin: [true, true, true, true],
      manager: [true, true, true, true],
      managerSupport: [false, true, false, false],
      supervisorSupport: [false, true, false, false],
      agent: [false, false, false, false],
      disabledAdmin: [false, false, false, false],
      keyManager: [false, false, false, false],
      kiosk: [false, false, false, false],
    });
  });

  it("opens a board for whoever reads live; a kiosk only its own board", () => {
    expect(canReadWallboard(who.supervisorSupport, "any")).toBe(true);
    expect(canReadWallboard(who.agent, "any")).toBe(true);
    expect(canReadWallboard(who.keyManager, "any")).toBe(true);
    expect(canReadWallboard(who.disabledAdmin, "any")).toBe(false);
    expect(canReadWallboard(who.kiosk, "board-1")).toBe(true);
    expect(canReadWallboard(who.kiosk, "board-2")).toBe(false);
    expect(canReadWallboard(null, "board-1")).toBe(false);
  });
});
