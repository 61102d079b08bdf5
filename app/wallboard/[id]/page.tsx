import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { createTranslator } from "use-intl/core";
import { LogoutButton } from "@/components/auth/logout-button";
import { BoardNav } from "@/components/wallboard/board-nav";
import { SignedInSavedBoard } from "@/components/wallboards/signed-in";
import { requirePage } from "@/lib/admin/page-access";
import { canReadLive, canReadReports, canViewOwnStats } from "@/lib/auth/permissions";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { serverContext } from "@/lib/server/context";
import { openWallboard } from "@/lib/wallboards/open";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Wallboards" });
  return { title: t("title") };
}

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * `/wallboard/<id>` (`?tv=1`: TV mode): a saved board, live, with the numbers
 * of the reader's reach only (its queues ∩ theirs, computed here).
 */
export default async function SavedWallboardPage({ params, searchParams }: Props) {
  const { id } = await params;
  const principal = await requirePage(`/wallboard/${encodeURIComponent(id)}`, canReadLive);
  const opened = await openWallboard(serverContext().database.db, id, principal);
  if (!opened) notFound();
  return (
    <SignedInSavedBoard
      board={opened.board}
      view={opened.view}
      initialTv={(await searchParams).tv === "1"}
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
