import { z } from "zod";
import { canViewScope, visibleCatalog, type PermissionContext } from "../auth/permissions";
import { scopeSchema, windowSchema } from "../metrics/scope";
import { describeIssues } from "../events/schema";
import type { LiveHub, LiveServer } from "./hub";
import type { SocketAuthData } from "../auth/socket-auth";

type LiveSocketData = Partial<SocketAuthData>;
import { roomOf, type Subscription } from "./socket-events";

const subscriptionSchema = z.object({ scope: scopeSchema, window: windowSchema });

/**
 * Thin socket handlers: validate, check the socket's principal may read the
 * scope (CONTRACT §6), join the room the server names, answer with a full
 * snapshot. A reconnecting client subscribes again and so gets a full snapshot
 * every time. The socket's identity was set at the handshake (`socketAuthMiddleware`).
 */
export function attachSocketHandlers(io: LiveServer, hub: LiveHub): void {
  const ctx: PermissionContext = { queuesOfAgent: (id) => hub.queuesOfAgent(id) };
  const catalogFor = (socket: { data: LiveSocketData }, catalog = hub.catalog()) =>
    visibleCatalog(socket.data.identity?.principal, catalog, ctx);
  hub.onCatalogChange((catalog) => {
    for (const socket of io.of("/").sockets.values()) socket.emit("catalog", catalogFor(socket, catalog));
  });

  const rooms = io.of("/").adapter;
  rooms.on("create-room", (room: string) => {
    const sub = parseRoom(room);
    if (sub) hub.trackRoom(sub, true);
  });
  rooms.on("delete-room", (room: string) => {
    const sub = parseRoom(room);
    if (sub) hub.trackRoom(sub, false);
  });

  io.on("connection", (socket) => {
    socket.emit("catalog", catalogFor(socket));

    socket.on("subscribe", (raw, ack) => {
      const reply = typeof ack === "function" ? ack : () => {};
      const parsed = subscriptionSchema.safeParse(raw);
      if (!parsed.success) return reply({ ok: false, error: describeIssues(parsed.error.issues, raw) });
      const sub: Subscription = parsed.data;
      if (!canViewScope(socket.data.identity?.principal, sub.scope, ctx)) return reply({ ok: false, error: "forbidden" });
      void socket.join(roomOf(sub));
      reply({ ok: true, snapshot: hub.snapshot(sub) });
      if (sub.window === "today") socket.emit("series", hub.series(sub.scope));
    });

    socket.on("unsubscribe", (raw) => {
      const parsed = subscriptionSchema.safeParse(raw);
      if (parsed.success) void socket.leave(roomOf(parsed.data));
    });
  });
}

function parseRoom(room: string): Subscription | null {
  const m = /^live\|(today|1h|15m)\|(.+)$/.exec(room);
  if (!m) return null;
  const parsed = subscriptionSchema.safeParse({ window: m[1], scope: m[2] });
  return parsed.success ? parsed.data : null;
}
