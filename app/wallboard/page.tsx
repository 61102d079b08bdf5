import type { Metadata } from "next";
import { createTranslator } from "use-intl/core";
import { LogoutButton } from "@/components/auth/logout-button";
import { SignedInBoard } from "@/components/auth/signed-in-board";
import { BoardNav } from "@/components/wallboard/board-nav";
import { requirePage } from "@/lib/admin/page-access";
import { canReadLive, canReadReports, canViewAll, canViewOwnStats, defaultScopes, liveReach } from "@/lib/auth/permissions";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { queuesScope, windowSchema, type Scope } from "@/lib/metrics/scope";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Wallboard" });
  return { title: t("title") };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * `/wallboard?window=today|1h|15m` (default today), live; `&tv=1` for TV mode. Signed-in readers of
 * live data only; a reader limited to queues gets their queues summed
 * (`queues:<q>,<q>`), one limited to their own agent that agent, instead of
 * the center-wide "all".
 */
export default async function WallboardPage({ searchParams }: Props) {
  const principal = await requirePage("/wallboard", canReadLive);
  const query = await searchParams;
  const parsed = windowSchema.safeParse(query.window);
  const reach = liveReach(principal);
  // A reader limited to queues gets their queues summed; limited to their own agent, that agent.
  const scope = (
    canViewAll(principal) ? "all" : reach.kind === "queues" && reach.queues.length > 0 ? queuesScope(reach.queues) : (defaultScopes(principal)[0] ?? "all")
  ) as Scope;
  const queues = reach.kind === "all" ? null : reach.kind === "queues" ? [...reach.queues] : [];
  return (
    <SignedInBoard
      initialWindow={parsed.success ? parsed.data : "today"}
      initialTv={query.tv === "1"}
      scope={scope}
      queues={queues}
      headerEnd={
        principal.kind === "user" ? (
          <>
            <BoardNav reports={canReadReports(principal)} me={canViewOwnStats(principal)} />
            <LogoutButton />
          </>
        ) : null
      }
    />
  );
}
