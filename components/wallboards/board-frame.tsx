"use client";

import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { LanguageSwitcher } from "@/lib/i18n/language-switcher";
import { useConnection } from "../live/use-live";
import { ConnectionBadge, StaleShade, UpdatedAgo, useStale } from "../wallboard/connection-badge";
import { enterTv, exitTv, TV_PALETTE, useIdle, useTvMode, useTvRootFont } from "./tv";

const IDLE_MS = 3000;
const QUIET = "rounded-md px-[0.6em] py-[0.15em] font-semibold text-ink-dim transition-colors hover:bg-panel-edge hover:text-ink";

interface Props {
  title: ReactNode;
  /** What the board covers, beside its name. */
  subtitle?: ReactNode;
  /** TV mode as the server read it from the URL (`?tv=1`). */
  initialTv: boolean;
  /** Outside TV mode: selectors (window, view), then links and sign-out at the end. */
  controls?: ReactNode;
  headerEnd?: ReactNode;
  children: ReactNode;
}

/**
 * The frame of every live board: header, freshness, TV mode. In TV mode the
 * header keeps only the name, the age of the data and the connection state;
 * two controls (full screen, leave) show while the pointer moves, and the
 * cursor hides after 3 s without activity.
 */
export function BoardFrame({ title, subtitle, initialTv, controls, headerEnd, children }: Props) {
  const t = useTranslations("Wallboards");
  const tv = useTvMode(initialTv);
  const idle = useIdle(IDLE_MS, tv);
  useTvRootFont(tv);
  return (
    <main
      data-testid="board-frame"
      data-tv={tv}
      data-idle={idle}
      style={tv ? TV_PALETTE : undefined}
      className={`flex h-dvh flex-col gap-[1vh] overflow-hidden bg-canvas p-[1vw] text-ink ${idle ? "cursor-none" : ""}`}
    >
      <header className={`flex flex-wrap items-center gap-x-[1.2vw] gap-y-[0.6vh] ${tv ? "text-[clamp(1.1rem,1.8vw,4.5rem)]" : "text-[clamp(1rem,1.3vw,2.2rem)]"}`}>
        <h1 data-testid="board-title" className="min-w-0 max-w-full truncate font-extrabold tracking-tight">
          {title}
        </h1>
        {subtitle}
        <div className="ml-auto flex flex-wrap items-center justify-end gap-[1.2vw]">
          {!tv && controls}
          <UpdatedAgo />
          <ConnectionBadge />
          {!tv && (
            <>
              <button type="button" data-testid="tv-enter" className={QUIET} onClick={enterTv}>
                {t("tv.enter")}
              </button>
              <LanguageSwitcher />
              {headerEnd}
            </>
          )}
        </div>
      </header>
      {tv && !idle && (
        // Over the board, not in the header: showing them does not move anything.
        <div className="fixed bottom-[1.5vh] right-[1.5vw] z-10 flex gap-[1vw] rounded-xl border-2 border-panel-edge bg-panel p-[0.6vw] text-[clamp(1rem,1.2vw,3rem)]">
          <button type="button" data-testid="tv-fullscreen" className={QUIET} onClick={enterTv}>
            {t("tv.fullscreen")}
          </button>
          <button type="button" data-testid="tv-exit" className={QUIET} onClick={exitTv}>
            {t("tv.exit")}
          </button>
        </div>
      )}
      <OfflineNote />
      <StaleShade>{children}</StaleShade>
    </main>
  );
}

/** Said plainly, not greyed with the numbers: the board is cut off and since when its numbers date. */
function OfflineNote() {
  const t = useTranslations("Wallboards");
  const format = useFormatter();
  const stale = useStale();
  const { lastHeard } = useConnection();
  if (!stale) return null;
  return (
    <p
      data-testid="offline-note"
      role="alert"
      className="rounded-lg bg-alert-strong px-[1vw] py-[0.6vh] text-center text-[clamp(1rem,2vw,5rem)] font-bold text-white"
    >
      {lastHeard === null ? t("offlineNever") : t("offline", { time: format.dateTime(new Date(lastHeard), { timeStyle: "medium" }) })}
    </p>
  );
}
