import "server-only";
import { cookies, headers } from "next/headers";
import { serverContext } from "../server/context";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from "./config";
import { en, fr, type Messages } from "./messages";

export type { Messages };
const MESSAGES: Record<Locale, Messages> = { fr, en };

/** The request's locale: the `vigie-locale` cookie, else Accept-Language, else French. */
export async function getLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return pickFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

/** Times on screen follow the contact centre's zone, not the TV's. */
export function getTimeZone(): string {
  return serverContext().env.VIGIE_TIMEZONE;
}

export function getMessages(locale: Locale): Messages {
  return MESSAGES[locale];
}

/** Best supported locale of an Accept-Language header, honouring q-values; null when none fits. */
export function pickFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { primary: tag.trim().toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { primary } of ranked) if (isLocale(primary)) return primary;
  return null;
}
