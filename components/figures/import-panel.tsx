"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import type { ImportReport } from "@/lib/figures/import";
import { buttonClass, ErrorNote, Field, inputClass, Panel } from "../admin/ui";
import { ImportReportView } from "./import-report";

/** A CSV file (or pasted text) posted to /api/figures/import, a dry run by default. */
export function ImportPanel() {
  const t = useTranslations("Figures.import");
  const router = useRouter();
  const [text, setText] = useState("");
  const [dryRun, setDryRun] = useState(true);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, startTransition] = useTransition();

  const submit = async () => {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const res = await fetch(`/api/figures/import${dryRun ? "?dryRun=1" : ""}`, {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "text/csv; charset=utf-8" },
        body: text,
      });
      if (res.status === 401) return location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
      const json = (await res.json().catch(() => null)) as (ImportReport & { error?: string }) | null;
      if (!res.ok || !json) return setError(t("failed", { reason: json?.error ?? String(res.status) }));
      setReport(json);
      if (!json.dryRun) startTransition(() => router.refresh());
    } catch {
      setError(t("failed", { reason: "network" }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title={t("title")} testId="figures-import">
      <p className="text-sm text-ink-dim">{t("hint")}</p>
      <Field label={t("file")}>
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          data-testid="import-file"
          onChange={async (e) => setText((await e.target.files?.[0]?.text()) ?? "")}
          className="text-sm"
        />
      </Field>
      <Field label={t("text")}>
        <textarea data-testid="import-text" value={text} onChange={(e) => setText(e.target.value)} rows={6} spellCheck={false} className={`${inputClass} font-mono text-sm`} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" data-testid="import-dry-run" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
        {t("dryRun")}
      </label>
      <div>
        <button type="button" data-testid="import-submit" disabled={busy || text.trim() === ""} onClick={submit} className={buttonClass}>
          {dryRun ? t("check") : t("submit")}
        </button>
      </div>
      <ErrorNote error={error} />
      {report && <ImportReportView report={report} />}
    </Panel>
  );
}
