"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";
import { ErrorNote, OnceSecret, quietButtonClass } from "../admin/ui";
import { useAdminRequest } from "../admin/use-admin-request";

interface Props {
  wallboardId: string;
  name: string;
  /** What the link shows of the board: the queues its creator sees of it (empty: all). */
  queues: readonly string[];
}

/** Creates a kiosk link to a board and shows it once, with a copy button (the token is never shown again). */
export function KioskLinkButton({ wallboardId, name, queues }: Props) {
  const t = useTranslations("Wallboards");
  const ta = useTranslations("Admin.kiosks");
  const { send, error, pending } = useAdminRequest();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const create = async () => {
    const res = await send<{ path: string }>("POST", "/api/admin/kiosks", { name: name.slice(0, 100), queues, wallboardId });
    if (res) setUrl(new URL(res.path, location.origin).href);
  };
  const copy = async () => {
    if (!url) return;
    await navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false));
  };

  if (url) {
    return (
      <div className="flex w-full flex-col gap-1">
        <OnceSecret label={ta("newLink")} value={url} note={ta("shownOnce")} testId="wallboard-kiosk-url" />
        <button type="button" data-testid="copy-kiosk-url" className={quietButtonClass} onClick={copy}>
          {copied ? t("kiosk.copied") : t("kiosk.copy")}
        </button>
      </div>
    );
  }
  return (
    <>
      <button type="button" data-testid="kiosk-link-wallboard" disabled={pending} className={quietButtonClass} onClick={create}>
        {t("kiosk.create")}
      </button>
      <ErrorNote error={error} />
    </>
  );
}
