import type { Metadata } from "next";
import { createTranslator } from "use-intl/core";
import { KioskBoard, KioskInvalid } from "@/components/auth/kiosk-board";
import { getKioskLink } from "@/lib/auth/kiosk-links";
import { canViewAll, defaultScopes, liveReach, type KioskPrincipal } from "@/lib/auth/permissions";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { windowSchema, type Scope } from "@/lib/metrics/scope";
import { serverContext } from "@/lib/server/context";

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
 * `/kiosk/<linkId>#<token>`: the live board for a screen, without sign-in. The
 * token alone grants access (checked by the socket handshake); the page only
 * looks the link up to pick the board's scope, and says at once when the link
 * is revoked or expired.
 */
export default async function KioskPage({ params, searchParams }: Props) {
  const { id } = await params;
  const link = await getKioskLink(serverContext().database.db, id);
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt.getTime() <= Date.now())) return <KioskInvalid />;
  const principal: KioskPrincipal = { kind: "kiosk", id: link.id, wallboardId: link.wallboardId, queues: link.queues };
  const scope = (canViewAll(principal) ? "all" : (defaultScopes(principal)[0] ?? "all")) as Scope;
  const reach = liveReach(principal);
  const parsed = windowSchema.safeParse((await searchParams).window);
  return (
    <KioskBoard
      initialWindow={parsed.success ? parsed.data : "today"}
      scope={scope}
      queues={reach.kind === "queues" ? [...reach.queues] : null}
    />
  );
}
