import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { createTranslator } from "use-intl/core";
import { z } from "zod";
import { LogoutButton } from "@/components/auth/logout-button";
import { SignedInRotation } from "@/components/wallboards/signed-in";
import { requirePage } from "@/lib/admin/page-access";
import { canReadLive } from "@/lib/auth/permissions";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { serverContext } from "@/lib/server/context";
import { openWallboard, type OpenedWallboard } from "@/lib/wallboards/open";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Wallboards" });
  return { title: t("rotation") };
}

const query = z.object({
  ids: z
    .string()
    .catch("")
    .transform((s) => [...new Set(s.split(",").map((id) => id.trim()).filter(Boolean))].slice(0, 20)),
  every: z.coerce.number().int().min(5).max(3600).catch(30),
  tv: z.string().optional().transform((v) => v === "1"),
});

/**
 * `/wallboard/rotate?ids=a,b,c&every=30` (`&tv=1`): the boards in turn, each
 * `every` seconds, without reloading. Boards the reader may not open, or may
 * see nothing of, are left out.
 */
export default async function RotationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("/wallboard/rotate", canReadLive);
  const { ids, every, tv } = query.parse(await searchParams);
  const db = serverContext().database.db;
  const boards = (await Promise.all(ids.map((id) => openWallboard(db, id, principal)))).filter(
    (o): o is OpenedWallboard => o !== null && o.view.groups.length > 0,
  );
  if (boards.length === 0) notFound();
  return <SignedInRotation boards={boards} every={every} initialTv={tv} headerEnd={principal.kind === "user" ? <LogoutButton /> : null} />;
}
