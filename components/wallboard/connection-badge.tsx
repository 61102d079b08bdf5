import { useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { useConnection } from "../live/use-live";

/** After this long without the server, the numbers on screen are shown as stale. */
const STALE_AFTER_MS = 5000;

/** Green "Live" while the socket is up, red "Disconnected — reconnecting…" otherwise. */
export function ConnectionBadge() {
  const t = useTranslations("Connection");
  const { connected, lastHeard } = useConnection();
  const label = connected ? t("live") : lastHeard === null ? t("connecting") : t("disconnected");
  return (
    <div
      data-testid="connection-status"
      data-state={connected ? "connected" : "disconnected"}
      role="status"
      className={`flex items-center gap-[0.5em] rounded-full px-[0.8em] py-[0.2em] font-bold ${
        connected ? "bg-ok/15 text-ok" : "bg-alert-strong/30 text-alert"
      }`}
    >
      <span aria-hidden className={`inline-block size-[0.7em] rounded-full ${connected ? "bg-ok" : "bg-alert"}`} />
      {label}
    </div>
  );
}

/** "Updated N s ago", ticking every second from the last snapshot or heartbeat. */
export function UpdatedAgo() {
  const t = useTranslations("Connection");
  const { lastHeard } = useConnection();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  if (lastHeard === null) {
    return (
      <span data-testid="updated-ago" data-seconds="" className="text-ink-dim">
        {t("neverUpdated")}
      </span>
    );
  }
  const seconds = Math.max(0, Math.floor((Math.max(now, lastHeard) - lastHeard) / 1000));
  return (
    <span data-testid="updated-ago" data-seconds={seconds} className={seconds >= STALE_AFTER_MS / 1000 ? "text-alert" : "text-ink-dim"}>
      {seconds < 120 ? t("updatedSeconds", { seconds }) : t("updatedMinutes", { minutes: Math.floor(seconds / 60) })}
    </span>
  );
}

/** True once the socket has been down for more than 5 s, until it is back. */
export function useStale(): boolean {
  const { connected, since } = useConnection();
  // The `since` value whose 5 s timer has run out: stale only while that outage lasts.
  const [expired, setExpired] = useState<number | null>(null);
  useEffect(() => {
    if (connected || since === 0) return;
    const timer = setTimeout(() => setExpired(since), Math.max(0, since + STALE_AFTER_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [connected, since]);
  return !connected && expired === since;
}

/** Greys its children out once the socket has been down for more than 5 s. */
export function StaleShade({ children }: { children: ReactNode }) {
  const stale = useStale();
  return (
    <div data-testid="board" data-stale={stale} aria-busy={stale} className={`flex min-h-0 flex-1 flex-col gap-[1vh] transition-[filter,opacity] duration-500 ${stale ? "opacity-40 grayscale" : ""}`}>
      {children}
    </div>
  );
}
