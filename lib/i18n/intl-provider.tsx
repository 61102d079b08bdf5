"use client";

import type { ReactNode } from "react";
import { IntlProvider } from "use-intl";
import type { Locale } from "./config";
import type { Messages } from "./messages";

interface Props {
  locale: Locale;
  messages: Messages;
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
