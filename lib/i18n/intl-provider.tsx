"use client";

import type { ReactNode } from "react";
import { IntlProvider } from "use-intl";
import type { Locale } from "./config";
import type fr from "./messages/fr.json";

interface Props {
  locale: Locale;
  messages: typeof fr;
  timeZone: string;
  children: ReactNode;
}

/** use-intl's provider holds React context, so it must render on the client side of the RSC boundary. */
export function VigieIntlProvider({ locale, messages, timeZone, children }: Props) {
  return (
    <IntlProvider locale={locale} messages={messages} timeZone={timeZone}>
      {children}
    </IntlProvider>
  );
}
