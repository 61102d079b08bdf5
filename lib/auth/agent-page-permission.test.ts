import { describe, expect, it } from "vitest";
import { canViewAgentPage } from "./agent-page-permission";
import type { Principal, Role, UserPrincipal } from "./permissions";

const user = (role: Role, extra: Partial<UserPrincipal> = {}): UserPrincipal => ({
  kind: "user",
  id: `u-${role}`,
  role,
  agentId: null,
  queues: [],
  disabled: false,
  ...extra,
});
const ctx = { queuesOfAgent: (id: string) => (id === "a-sales" ? ["sales"] : id === "a-support" ? ["support"] : []) };

describe("canViewAgentPage", () => {
  it("an agent opens their own page and no other", () => {
    const agent = user("agent", { agentId: "a-sales" });
    expect(canViewAgentPage(agent, "a-sales", ctx)).toBe(true);
    expect(canViewAgentPage(agent, "a-support", ctx)).toBe(false);
    expect(canViewAgentPage(user("agent"), "a-sales", ctx)).toBe(false);
    expect(canViewAgentPage({ ...agent, disabled: true }, "a-sales", ctx)).toBe(false);
  });

  it("admins and unrestricted managers open any agent; restricted ones the agents serving their queues", () => {
    expect(canViewAgentPage(user("admin", { queues: ["support"] }), "a-sales", ctx)).toBe(true);
    expect(canViewAgentPage(user("manager"), "a-unknown", ctx)).toBe(true);
    const supervisor = user("supervisor", { queues: ["sales"] });
    expect(canViewAgentPage(supervisor, "a-sales", ctx)).toBe(true);
    expect(canViewAgentPage(supervisor, "a-support", ctx)).toBe(false);
    expect(canViewAgentPage(supervisor, "a-sales")).toBe(false);
  });

  it("keys read like their role; kiosk links, ingest keys, nobody and an empty id get nothing", () => {
    const key = (role: "ingest" | "manager"): Principal => ({ kind: "apiKey", id: "k", role, queues: [] });
    expect(canViewAgentPage(key("manager"), "a-sales", ctx)).toBe(true);
    expect(canViewAgentPage(key("ingest"), "a-sales", ctx)).toBe(false);
    expect(canViewAgentPage({ kind: "kiosk", id: "k", wallboardId: "w", queues: [] }, "a-sales", ctx)).toBe(false);
    expect(canViewAgentPage(null, "a-sales", ctx)).toBe(false);
    expect(canViewAgentPage(user("admin"), "", ctx)).toBe(false);
  });
});
