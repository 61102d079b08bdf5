import type { Metadata } from "next";
import { createTranslator } from "use-intl/core";
import { Wallboard } from "@/components/wallboard/wallboard";
import { getLocale, getMessages } from "@/lib/i18n/locale";
import { windowSchema } from "@/lib/metrics/scope";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const t = createTranslator({ locale, messages: getMessages(locale), namespace: "Wallboard" });
  return { title: t("title") };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `/wallboard?window=today|1h|15m` (default today): all queues, live. */
export default async function WallboardPage({ searchParams }: Props) {
  const parsed = windowSchema.safeParse((await searchParams).window);
  return <Wallboard initialWindow={parsed.success ? parsed.data : "today"} />;
}
