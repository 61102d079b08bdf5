import type { Metadata } from "next";
import { createTranslator } from "use-intl/core";
import { KioskBoard, KioskInvalid } from "@/components/auth/kiosk-board";
import { getKioskLink } from "@/lib/auth/kiosk-links";
import { canViewAll, defaultScopes, liveReach, type KioskPrincipal } from "@/lib/auth/permissions";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { KIOSK_WALLBOARD } from "@/lib/admin/kiosk";
import { queuesScope, windowSchema, type Scope } from "@/lib/metrics/scope";
import { serverContext } from "@/lib/server/context";
import { openWallboard } from "@/lib/wallboards/open";

export const dynamic = "force-dynamic";

/**
 * `referrer: "no-referrer"` renders `<meta name="referrer" content="no-referrer">`:
 * nothing this page loads or links to learns the link's URL.
 */
export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Wallboard" });
  return { title: t("title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * `/kiosk/<linkId>#<token>`: the live board, or the saved board the link
 * names, for a screen, without sign-in, in TV mode. The token alone grants
 * access (checked by the socket handshake); the page only looks the link up to
 * pick the board and its scope, and says at once when the link is revoked or
 * expired.
 */
export default async function KioskPage({ params, searchParams }: Props) {
  const { id } = await params;
  const link = await getKioskLink(serverContext().database.db, id);
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt.getTime() <= Date.now())) return <KioskInvalid />;
  const principal: KioskPrincipal = { kind: "kiosk", id: link.id, wallboardId: link.wallboardId, queues: link.queues };
  const query = await searchParams;
  // A screen on a wall: TV mode unless asked otherwise (`?tv=0`).
  const initialTv = query.tv !== "0";
  if (link.wallboardId !== KIOSK_WALLBOARD) {
    // A saved board, over its queues ∩ the link's.
    const saved = await openWallboard(serverContext().database.db, link.wallboardId, principal);
    return saved ? <KioskBoard saved={saved} initialTv={initialTv} /> : <KioskInvalid />;
  }
  const reach = liveReach(principal);
  const scope = (canViewAll(principal) ? "all" : reach.kind === "queues" ? queuesScope(reach.queues) : (defaultScopes(principal)[0] ?? "all")) as Scope;
  const parsed = windowSchema.safeParse(query.window);
  return (
    <KioskBoard
      initialWindow={parsed.success ? parsed.data : "today"}
      initialTv={initialTv}
      scope={scope}
      queues={reach.kind === "queues" ? [...reach.queues] : null}
    />
  );
}
