"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { configureLiveSocket } from "../live/use-live";
import { Wallboard } from "../wallboard/wallboard";
import { SavedBoard } from "../wallboards/saved-board";
import type { OpenedWallboard } from "@/lib/wallboards/open";
import type { Scope, WindowId } from "@/lib/metrics/scope";

export function KioskInvalid() {
  const t = useTranslations("Kiosk");
  return (
    <main className="flex h-dvh items-center justify-center p-8">
      <p data-testid="kiosk-invalid" role="alert" className="text-center text-[clamp(1.5rem,3vw,4rem)] font-bold text-ink-dim">
        {t("invalid")}
      </p>
    </main>
  );
}

type Props =
  | { initialTv: boolean; initialWindow: WindowId; scope: Scope; queues: readonly string[] | null; saved?: undefined }
  /** A saved board, as the link's principal sees it. */
  | { initialTv: boolean; saved: OpenedWallboard };

/**
 * A wallboard without sign-in: the kiosk token is read from the URL fragment
 * (never sent to a server in a request line or Referer) and given to the socket
 * handshake. The server refusing it (revoked, expired, unknown) ends the board.
 */
export function KioskBoard(props: Props) {
  const [state, setState] = useState<"starting" | "ready" | "invalid">("starting");

  useEffect(() => {
    const token = decodeURIComponent(location.hash.slice(1));
    if (!token) {
      setState("invalid");
      return;
    }
    configureLiveSocket({ auth: { kiosk: token }, onRefused: () => setState("invalid") });
    setState("ready");
  }, []);

  if (state === "invalid") return <KioskInvalid />;
  if (state === "starting") return null;
  if (props.saved) return <SavedBoard board={props.saved.board} view={props.saved.view} initialTv={props.initialTv} />;
  return <Wallboard initialWindow={props.initialWindow} initialTv={props.initialTv} scope={props.scope} queues={props.queues} />;
}
