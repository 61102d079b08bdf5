import { describe, expect, it } from "vitest";
import {
  canAdminister,
  canCreateKiosk,
  canEditFigures,
  canImportEvents,
  canIngest,
  canEditAlertRule,
  canManageAlerts,
  canManageReportSchedules,
  canManageKiosks,
  canReadCatalogue,
  canReadLive,
  canReadReports,
  canRevokeKiosk,
  canViewAgent,
  canViewAll,
  canViewChannel,
  canViewFigures,
  canViewOwnStats,
  canViewQueue,
  canViewScope,
  defaultScopes,
  reportFilter,
  visibleCatalog,
  type Principal,
  type Role,
  type UserPrincipal,
} from "./permissions";

const user = (role: Role, extra: Partial<UserPrincipal> = {}): UserPrincipal => ({
  kind: "user",
  id: `u-${role}`,
  role,
  agentId: null,
  queues: [],
  disabled: false,
  ...extra,
});

// Agents a1 serves support, a2 serves sales, a3 serves both, a4 nothing known.
const served: Record<string, string[]> = { a1: ["support"], a2: ["sales"], a3: ["support", "sales"] };
const ctx = { queuesOfAgent: (a: string) => served[a] ?? [] };

const principals: Record<string, Principal> = {
  admin: user("admin"),
  adminWithQueues: user("admin", { queues: ["support"] }),
  manager: user("manager"),
  managerSupport: user("manager", { queues: ["support"] }),
  supervisor: user("supervisor"),
  supervisorSupport: user("supervisor", { queues: ["support"] }),
  supervisorSupportAgentA9: user("supervisor", { queues: ["support"], agentId: "a9" }),
  agentA1: user("agent", { agentId: "a1" }),
  agentUnlinked: user("agent"),
  disabledAdmin: user("admin", { disabled: true }),
  disabledAgentA1: user("agent", { agentId: "a1", disabled: true }),
  unknownRole: { ...user("admin"), role: "root" as Role },
  keyIngest: { kind: "apiKey", id: "k1", role: "ingest", queues: [] },
  keyManager: { kind: "apiKey", id: "k2", role: "manager", queues: [] },
  keySupervisorSales: { kind: "apiKey", id: "k3", role: "supervisor", queues: ["sales"] },
  kioskAll: { kind: "kiosk", id: "w1", wallboardId: "main", queues: [] },
  kioskSupport: { kind: "kiosk", id: "w2", wallboardId: "main", queues: ["support"] },
};

const scopes = [
  "all",
  "queue:support",
  "queue:sales",
  "agent:a1",
  "agent:a2",
  "agent:a3",
  "agent:a4",
  "agent:a9",
  "channel:voice",
  "queues:sales,support",
  // Malformed scopes are refused whoever asks.
  "",
  "queue:",
  "agent:",
  "everything",
  "queue",
  "ALL",
  "queues:",
  "queues:%E0%A4%A,support",
] as const;

// The expected matrix: the scopes each principal may view (with `ctx`).
const allowed: Record<string, string[]> = {
  admin: ["all", "queue:support", "queue:sales", "agent:a1", "agent:a2", "agent:a3", "agent:a4", "agent:a9", "channel:voice", "queues:sales,support"],
  adminWithQueues: ["all", "queue:support", "queue:sales", "agent:a1", "agent:a2", "agent:a3", "agent:a4", "agent:a9", "channel:voice", "queues:sales,support"],
  manager: ["all", "queue:support", "queue:sales", "agent:a1", "agent:a2", "agent:a3", "agent:a4", "agent:a9", "channel:voice", "queues:sales,support"],
  managerSupport: ["queue:support", "agent:a1", "agent:a3"],
  supervisor: ["all", "queue:support", "queue:sales", "agent:a1", "agent:a2", "agent:a3", "agent:a4", "agent:a9", "channel:voice", "queues:sales,support"],
  supervisorSupport: ["queue:support", "agent:a1", "agent:a3"],
  supervisorSupportAgentA9: ["queue:support", "agent:a1", "agent:a3", "agent:a9"],
  agentA1: ["agent:a1"],
  agentUnlinked: [],
  disabledAdmin: [],
  disabledAgentA1: [],
  unknownRole: [],
  keyIngest: [],
  keyManager: ["all", "queue:support", "queue:sales", "agent:a1", "agent:a2", "agent:a3", "agent:a4", "agent:a9", "channel:voice", "queues:sales,support"],
  keySupervisorSales: ["queue:sales", "agent:a2", "agent:a3"],
  kioskAll: ["all", "queue:support", "queue:sales", "agent:a1", "agent:a2", "agent:a3", "agent:a4", "agent:a9", "channel:voice", "queues:sales,support"],
  kioskSupport: ["queue:support", "agent:a1", "agent:a3"],
};

describe("canViewScope: principal × scope matrix", () => {
  for (const [name, p] of Object.entries(principals)) {
    for (const scope of scopes) {
      const expected = allowed[name]!.includes(scope);
      it(`${name} ${expected ? "may" : "may not"} view "${scope}"`, () => {
        expect(canViewScope(p, scope, ctx)).toBe(expected);
      });
    }
  }

  it("covers every principal of the fixture", () => {
    expect(Object.keys(allowed).sort()).toEqual(Object.keys(principals).sort());
  });

  it("refuses agents of a restricted reader's queues when the agents' queues are unknown", () => {
    expect(canViewScope(principals.supervisorSupport, "agent:a1")).toBe(false);
    expect(canViewScope(principals.supervisorSupport, "agent:a1", { queuesOfAgent: () => [] })).toBe(false);
  });

  it("refuses everything to nobody", () => {
    for (const scope of scopes) expect(canViewScope(null, scope, ctx)).toBe(false);
    expect(canViewScope(undefined, "all")).toBe(false);
  });

  it("matches queue names exactly", () => {
    const p = principals.supervisorSupport;
    expect(canViewQueue(p, "Support")).toBe(false);
    expect(canViewQueue(p, "support ")).toBe(false);
    expect(canViewQueue(p, "support")).toBe(true);
  });
});

describe("named checks", () => {
  const table: [string, (p: Principal) => boolean, string[]][] = [
    ["canAdminister", canAdminister, ["admin", "adminWithQueues"]],
    ["canManageAlerts", canManageAlerts, ["admin", "adminWithQueues", "manager", "managerSupport", "supervisor", "supervisorSupport", "supervisorSupportAgentA9"]],
    ["canEditAlertRule(queue:support)", (p) => canEditAlertRule(p, "queue:support"), ["admin", "adminWithQueues", "manager", "managerSupport", "supervisor", "supervisorSupport", "supervisorSupportAgentA9"]],
    ["canEditAlertRule(all)", (p) => canEditAlertRule(p, "all"), ["admin", "adminWithQueues", "manager", "supervisor"]],
    ["canEditAlertRule(queue:sales)", (p) => canEditAlertRule(p, "queue:sales"), ["admin", "adminWithQueues", "manager", "supervisor"]],
    ["canEditAlertRule(agent:a2)", (p) => canEditAlertRule(p, "agent:a2", ctx), ["admin", "adminWithQueues", "manager", "supervisor"]],
    ["canEditAlertRule(agent:a3)", (p) => canEditAlertRule(p, "agent:a3", ctx), ["admin", "adminWithQueues", "manager", "managerSupport", "supervisor", "supervisorSupport", "supervisorSupportAgentA9"]],
    ["canManageReportSchedules", canManageReportSchedules, ["admin", "adminWithQueues", "manager", "managerSupport"]],
    ["canManageKiosks", canManageKiosks, ["admin", "adminWithQueues", "manager", "managerSupport", "supervisor", "supervisorSupport", "supervisorSupportAgentA9"]],
    ["canIngest", canIngest, ["keyIngest"]],
    ["canImportEvents", canImportEvents, ["admin", "adminWithQueues"]],
    ["canViewFigures", canViewFigures, ["admin", "adminWithQueues", "manager", "managerSupport"]],
    ["canEditFigures", canEditFigures, ["admin", "adminWithQueues", "manager", "managerSupport"]],
    ["canReadReports", canReadReports, ["admin", "adminWithQueues", "manager", "managerSupport", "supervisor", "supervisorSupport", "supervisorSupportAgentA9", "agentA1", "keyManager", "keySupervisorSales"]],
    ["canReadLive", canReadLive, ["admin", "adminWithQueues", "manager", "managerSupport", "supervisor", "supervisorSupport", "supervisorSupportAgentA9", "agentA1", "keyManager", "keySupervisorSales", "kioskAll", "kioskSupport"]],
    ["canViewAll", canViewAll, ["admin", "adminWithQueues", "manager", "supervisor", "keyManager", "kioskAll"]],
    ["canReadCatalogue", canReadCatalogue, ["admin", "adminWithQueues", "manager", "managerSupport", "supervisor", "supervisorSupport", "supervisorSupportAgentA9", "agentA1", "agentUnlinked"]],
    ["canViewOwnStats", canViewOwnStats, ["agentA1", "supervisorSupportAgentA9"]],
    ["canViewChannel(voice)", (p) => canViewChannel(p, "voice"), ["admin", "adminWithQueues", "manager", "supervisor", "keyManager", "kioskAll"]],
    ["canViewAgent(a1)", (p) => canViewAgent(p, "a1", ctx), ["admin", "adminWithQueues", "manager", "managerSupport", "supervisor", "supervisorSupport", "supervisorSupportAgentA9", "agentA1", "keyManager", "kioskAll", "kioskSupport"]],
  ];
  for (const [name, check, yes] of table) {
    it(`${name}: exactly ${yes.join(", ")}`, () => {
      const got = Object.entries(principals)
        .filter(([, p]) => check(p))
        .map(([n]) => n);
      expect(got.sort()).toEqual([...yes].sort());
    });
  }

  it("empty names are refused", () => {
    expect(canViewQueue(principals.admin, "")).toBe(false);
    expect(canViewAgent(principals.admin, "")).toBe(false);
    expect(canViewChannel(principals.admin, "")).toBe(false);
  });
});

describe("reportFilter", () => {
  it("gives each principal the rows it may read", () => {
    expect(reportFilter(principals.admin)).toEqual({ queues: null, agentId: null });
    expect(reportFilter(principals.adminWithQueues)).toEqual({ queues: null, agentId: null });
    expect(reportFilter(principals.managerSupport)).toEqual({ queues: ["support"], agentId: null });
    expect(reportFilter(principals.supervisor)).toEqual({ queues: null, agentId: null });
    expect(reportFilter(principals.agentA1)).toEqual({ queues: null, agentId: "a1" });
    expect(reportFilter(principals.keySupervisorSales)).toEqual({ queues: ["sales"], agentId: null });
    for (const n of ["agentUnlinked", "disabledAdmin", "disabledAgentA1", "unknownRole", "keyIngest", "kioskAll", "kioskSupport"]) {
      expect(reportFilter(principals[n]), n).toBeNull();
    }
    expect(reportFilter(null)).toBeNull();
  });
});

describe("defaultScopes", () => {
  it("lets the server choose the rooms", () => {
    expect(defaultScopes(principals.admin)).toEqual(["all"]);
    expect(defaultScopes(principals.managerSupport)).toEqual(["queue:support"]);
    expect(defaultScopes(user("supervisor", { queues: ["a", "b"] }))).toEqual(["queue:a", "queue:b"]);
    expect(defaultScopes(principals.agentA1)).toEqual(["agent:a1"]);
    expect(defaultScopes(principals.kioskSupport)).toEqual(["queue:support"]);
    expect(defaultScopes(principals.keyIngest)).toEqual([]);
    expect(defaultScopes(principals.disabledAgentA1)).toEqual([]);
    expect(defaultScopes(null)).toEqual([]);
  });

  it("only names scopes the principal may view", () => {
    for (const p of Object.values(principals)) {
      for (const s of defaultScopes(p)) expect(canViewScope(p, s, ctx)).toBe(true);
    }
  });
});

describe("visibleCatalog", () => {
  const catalog = { queues: ["sales", "support"], channels: ["chat", "voice"], agents: ["a1", "a2", "a3", "a4"] };
  it("hides what a restricted reader may not see", () => {
    expect(visibleCatalog(principals.supervisorSupport, catalog, ctx)).toEqual({
      queues: ["support"],
      channels: [],
      agents: ["a1", "a3"],
    });
    expect(visibleCatalog(principals.agentA1, catalog, ctx)).toEqual({ queues: [], channels: [], agents: ["a1"] });
    expect(visibleCatalog(principals.admin, catalog, ctx)).toEqual(catalog);
    expect(visibleCatalog(null, catalog, ctx)).toEqual({ queues: [], channels: [], agents: [] });
  });
});

describe("kiosk links", () => {
  it("may show no more than their creator sees", () => {
    expect(canCreateKiosk(principals.admin, [])).toBe(true);
    expect(canCreateKiosk(principals.supervisor, [])).toBe(true);
    expect(canCreateKiosk(principals.supervisor, ["sales"])).toBe(true);
    expect(canCreateKiosk(principals.supervisorSupport, ["support"])).toBe(true);
    expect(canCreateKiosk(principals.supervisorSupport, [])).toBe(false);
    expect(canCreateKiosk(principals.supervisorSupport, ["support", "sales"])).toBe(false);
    expect(canCreateKiosk(principals.managerSupport, ["sales"])).toBe(false);
    expect(canCreateKiosk(principals.agentA1, ["support"])).toBe(false);
    expect(canCreateKiosk(principals.keyManager, [])).toBe(false);
    expect(canCreateKiosk(principals.kioskAll, [])).toBe(false);
    expect(canCreateKiosk(user("supervisor", { disabled: true }), [])).toBe(false);
  });

  it("are revoked by admins, managers within their queues, and their creator", () => {
    const bySupervisor = { createdBy: "u-supervisor", queues: ["support"] };
    const allQueues = { createdBy: "someone", queues: [] };
    expect(canRevokeKiosk(principals.admin, allQueues)).toBe(true);
    expect(canRevokeKiosk(principals.manager, allQueues)).toBe(true);
    expect(canRevokeKiosk(principals.managerSupport, allQueues)).toBe(false);
    expect(canRevokeKiosk(principals.managerSupport, bySupervisor)).toBe(true);
    expect(canRevokeKiosk(principals.supervisor, bySupervisor)).toBe(true);
    expect(canRevokeKiosk(principals.supervisor, allQueues)).toBe(false);
    expect(canRevokeKiosk(principals.supervisorSupport, { createdBy: "other", queues: ["support"] })).toBe(false);
    expect(canRevokeKiosk(principals.agentA1, bySupervisor)).toBe(false);
    expect(canRevokeKiosk(principals.keyManager, allQueues)).toBe(false);
    expect(canRevokeKiosk(user("admin", { disabled: true }), allQueues)).toBe(false);
  });
});
