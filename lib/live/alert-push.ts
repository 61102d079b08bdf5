import { visibilityScope, type ActiveAlert } from "../alerts/active";
import { canViewScope, type PermissionContext } from "../auth/permissions";
import type { LiveServer } from "./hub";

/** The room of the sockets that asked for alerts (a wallboard); other sockets get none. */
export const ALERTS_ROOM = "alerts";

type AlertSocket = Parameters<Parameters<LiveServer["on"]>[1]>[0];

/**
 * Pushes the active alerts to the sockets that subscribed: each gets the
 * alerts it may see (`canViewScope` on the alert's scope, or on the agent for
 * an agent condition), in full on every `alerts:subscribe` (the client sends
 * it again after each reconnect: delivery is at-most-once), then whenever that
 * list changes. A socket whose list did not change is not sent anything.
 */
export function attachAlertSockets(io: LiveServer, alerts: { activeAlerts(): ActiveAlert[]; onChange(l: (a: ActiveAlert[]) => void): () => void }, ctx: PermissionContext): () => void {
  const lastSent = new WeakMap<AlertSocket, string>();

  const send = (socket: AlertSocket, all: ActiveAlert[], force: boolean) => {
    const principal = socket.data.identity?.principal;
    const visible = all.filter((a) => canViewScope(principal, visibilityScope(a), ctx));
    const signature = JSON.stringify(visible);
    if (!force && lastSent.get(socket) === signature) return;
    lastSent.set(socket, signature);
    socket.emit("alerts", { at: new Date().toISOString(), alerts: visible });
  };

  const stop = alerts.onChange((all) => {
    const nsp = io.of("/");
    for (const id of nsp.adapter.rooms.get(ALERTS_ROOM) ?? []) {
      const socket = nsp.sockets.get(id);
      if (socket) send(socket, all, false);
    }
  });

  io.on("connection", (socket) => {
    socket.on("alerts:subscribe", () => {
      void socket.join(ALERTS_ROOM);
      send(socket, alerts.activeAlerts(), true);
    });
    socket.on("alerts:unsubscribe", () => {
      lastSent.delete(socket);
      void socket.leave(ALERTS_ROOM);
    });
  });
  return stop;
}
