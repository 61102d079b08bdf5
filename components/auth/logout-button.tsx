"use client";

import { useState } from "react";
import { useTranslations } from "use-intl";

/** Ends the session (better-auth's sign-out), then shows the login page. */
export function LogoutButton({ className = "" }: { className?: string }) {
  const t = useTranslations("Auth");
  const [pending, setPending] = useState(false);

  const signOut = async () => {
    setPending(true);
    try {
      await fetch("/api/auth/sign-out", {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: "{}",
      });
    } finally {
      location.assign("/login");
    }
  };

  return (
    <button
      type="button"
      data-testid="logout"
      disabled={pending}
      onClick={signOut}
      className={`rounded-md px-[0.6em] py-[0.2em] font-semibold text-ink-dim transition-colors hover:bg-panel-edge hover:text-ink disabled:opacity-60 ${className}`}
    >
      {t("signOut")}
    </button>
  );
}
