import type { Socket } from "socket.io";
import { z } from "zod";
import type { SocketAuthData } from "../auth/socket-auth";
import { canViewScope, type PermissionContext } from "../auth/permissions";
import { describeIssues } from "../events/schema";
import { rowsInScope, type AgentGrid } from "../metrics/agent-grid";
import type { MinuteSeries } from "../metrics/minute-series";
import { memberScopes, scopeSchema, type Scope } from "../metrics/scope";
import { startOfLocalDay } from "../metrics/time";
import type { WaitingList } from "../metrics/waiting-list";
import type { LiveHub, LiveServer } from "./hub";
import type { LastWeekCache } from "./last-week";
import { ScopeFeed } from "./scope-feed";
import type { ClientToServerEvents, FeedAck, ServerToClientEvents } from "./socket-events";

const requestSchema = z.object({ scope: scopeSchema });

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, Partial<SocketAuthData>>;

/**
 * The per-scope feeds beside the snapshots: the agent grid and the waiting
 * list (pushed within a second of a change, at most once a second), and the
 * minute chart (every 5 s when it changed). Each is computed once per scope
 * for all its subscribers; "time in state" and waits are counted on screen
 * from the instants sent, so the clock alone causes no push. Subscribing
 * checks `canViewScope`: a reader limited to queues gets the agents serving
 * them and the contacts waiting in them, nothing of other queues. Also answers
 * `lastWeek:get` from `lastWeek` (PostgreSQL, cached per scope and day).
 */
export function attachLiveFeeds(io: LiveServer, hub: LiveHub, lastWeek: LastWeekCache | null, clock: () => number = Date.now): () => void {
  const engine = hub.engine;
  const ctx: PermissionContext = { queuesOfAgent: (id) => hub.queuesOfAgent(id) };
  const iso = (now: number) => new Date(now).toISOString();

  // Agent rows change with agent states and answered contacts, both of which mark `agent:<id>`.
  let seen: ReadonlySet<string> | null = null;
  let anyAgent = false;
  const agentTouched = (dirty: ReadonlySet<string>) => {
    if (dirty !== seen) {
      seen = dirty;
      anyAgent = false;
      for (const s of dirty) if (s.startsWith("agent:")) {
        anyAgent = true;
        break;
      }
    }
    return anyAgent;
  };

  // Every agent's row once per pass, whatever the number of rooms (and acks) that read it.
  let grid: { now: number; rows: ReturnType<typeof engine.agentGrid> } | null = null;
  const gridAt = (now: number) => (grid?.now === now ? grid.rows : (grid = { now, rows: engine.agentGrid(now) }).rows);

  const agents = new ScopeFeed<AgentGrid>({
    kind: "agents",
    minIntervalMs: 1000,
    refreshMs: 60_000, // a new day empties "handled today"
    touched: (_scope, dirty) => agentTouched(dirty),
    compute: (scopes, now) => {
      const rows = gridAt(now);
      const dayStart = startOfLocalDay(now, engine.timeZone);
      return new Map(scopes.map((scope) => [scope, { scope, at: iso(now), dayStart, agents: rowsInScope(rows, scope) }]));
    },
    signature: (g) => JSON.stringify([g.dayStart, g.agents]),
    emit: (room, data) => io.to(room).emit("agents", data),
  });

  const waiting = new ScopeFeed<WaitingList>({
    kind: "waiting",
    minIntervalMs: 1000,
    refreshMs: 60_000,
    touched: (scope, dirty) => memberScopes(scope).some((m) => dirty.has(m)),
    compute: (scopes, now) => new Map(scopes.map((scope) => [scope, { scope, at: iso(now), ...engine.waitingList(scope) }])),
    signature: (w) => JSON.stringify([w.total, w.contacts]),
    emit: (room, data) => io.to(room).emit("waiting", data),
  });

  const minutes = new ScopeFeed<MinuteSeries>({
    kind: "minutes",
    minIntervalMs: 5000,
    refreshMs: 5000,
    maxPerPass: 2, // ~5–10 ms a scope: 8 scopes a second, beyond that each refreshes less often
    touched: () => false,
    compute: (scopes, now) => new Map(scopes.map((scope) => [scope, { scope, at: iso(now), points: engine.minuteSeries(scope, now) }])),
    signature: (m) => JSON.stringify(m.points),
    emit: (room, data) => io.to(room).emit("minutes", data),
  });

  const feeds = [agents, waiting, minutes];
  const adapter = io.of("/").adapter;
  const created = (room: string) => feeds.forEach((f) => f.track(room, true));
  const deleted = (room: string) => feeds.forEach((f) => f.track(room, false));
  adapter.on("create-room", created);
  adapter.on("delete-room", deleted);
  const stopTicks = hub.onTick((now, _full, dirty) => feeds.forEach((f) => f.tick(now, dirty)));

  /** Validates, checks the scope, joins the room, acks the current value. */
  const parse = (socket: LiveSocket, raw: unknown): { scope: Scope } | { error: string } => {
    const parsed = requestSchema.safeParse(raw);
    if (!parsed.success) return { error: describeIssues(parsed.error.issues, raw) };
    if (!canViewScope(socket.data.identity?.principal, parsed.data.scope, ctx)) return { error: "forbidden" };
    return parsed.data;
  };
  function subscribe<T>(socket: LiveSocket, feed: ScopeFeed<T>, raw: unknown, ack: unknown) {
    const reply = typeof ack === "function" ? (ack as (res: FeedAck<T>) => void) : () => {};
    const req = parse(socket, raw);
    if ("error" in req) return reply({ ok: false, error: req.error });
    const room = feed.roomOf(req.scope);
    void socket.join(room);
    const data = feed.current(req.scope, clock());
    feed.acked(room, data);
    reply({ ok: true, data });
  }
  const unsubscribe = (socket: LiveSocket, feed: ScopeFeed<unknown>, raw: unknown) => {
    const parsed = requestSchema.safeParse(raw);
    if (parsed.success) void socket.leave(feed.roomOf(parsed.data.scope));
  };

  const onConnection = (socket: LiveSocket) => {
    socket.on("agents:subscribe", (raw, ack) => subscribe(socket, agents, raw, ack));
    socket.on("agents:unsubscribe", (raw) => unsubscribe(socket, agents, raw));
    socket.on("waiting:subscribe", (raw, ack) => subscribe(socket, waiting, raw, ack));
    socket.on("waiting:unsubscribe", (raw) => unsubscribe(socket, waiting, raw));
    socket.on("minutes:subscribe", (raw, ack) => subscribe(socket, minutes, raw, ack));
    socket.on("minutes:unsubscribe", (raw) => unsubscribe(socket, minutes, raw));
    socket.on("lastWeek:get", (raw, ack) => {
      const reply = typeof ack === "function" ? ack : () => {};
      const req = parse(socket, raw);
      if ("error" in req) return reply({ ok: false, error: req.error });
      if (!lastWeek) return reply({ ok: false, error: "unavailable" });
      lastWeek.get(req.scope, clock()).then(
        (data) => reply({ ok: true, data }),
        () => reply({ ok: false, error: "unavailable" }),
      );
    });
  };
  io.on("connection", onConnection);

  return () => {
    stopTicks();
    adapter.off("create-room", created);
    adapter.off("delete-room", deleted);
    io.off("connection", onConnection);
  };
}
