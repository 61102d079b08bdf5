import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { VigieIntlProvider } from "@/lib/i18n/intl-provider";
import { getLocale, getMessages, getTimeZone } from "@/lib/i18n/locale";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Vigie", template: "%s · Vigie" },
};

export const viewport: Viewport = {
  themeColor: "#06080c",
  colorScheme: "dark",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <VigieIntlProvider locale={locale} messages={getMessages(locale)} timeZone={getTimeZone()}>
          {children}
        </VigieIntlProvider>
      </body>
    </html>
  );
}
