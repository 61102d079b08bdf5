"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { useFormatter, useTranslations } from "use-intl";
import type { CsvRecord } from "@/lib/csv/parse";
import { rejectedRowsCsv } from "@/lib/events/adapters/csv-calls/rejected-csv";
import type { RowRejection } from "@/lib/events/adapters/csv-calls/row-to-events";
import { DataTable } from "../admin/ui";
import type { RunTotals } from "./use-import-run";

const SHOWN = 100;

interface Props {
  totals: RunTotals;
  fileName: string;
  header: string[];
  rows: CsvRecord[];
  delimiter: string;
}

/** The counts of a finished (or stopped) run, its first rejected rows, and all of them as a CSV to fix. */
export function RunSummary({ totals, fileName, header, rows, delimiter }: Props) {
  const t = useTranslations("Imports.summary");
  const tr = useTranslations("Imports.reasons");
  const format = useFormatter();
  const reasonOf = useMemo(() => (r: RowRejection) => (r.code === "invalidEvent" ? `${tr(r.code)} (${r.reason})` : tr(r.code)), [tr]);
  const reasonHeader = t("reasonColumn");
  const csv = useMemo(
    () =>
      totals.rejected.length === 0
        ? null
        : rejectedRowsCsv({ header, rows, rejected: totals.rejected, delimiter, reasonHeader, reasonOf: (r) => `${r.column ? `${r.column}: ` : ""}${reasonOf(r)}` }),
    [totals.rejected, header, rows, delimiter, reasonHeader, reasonOf],
  );
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    if (csv === null) return setHref(null);
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [csv]);

  const n = (v: number) => format.number(v);
  const title =
    totals.status === "cancelled" ? t("cancelled", { done: n(totals.done), total: n(totals.total) }) : totals.dryRun ? t("dryTitle") : t("title");
  const counts: [string, string, number][] = totals.dryRun
    ? [["rows", t("rows"), totals.done], ["would-accept", t("wouldAccept"), totals.wouldAccept], ["rejected", t("wouldReject"), totals.rejected.length]]
    : [["rows", t("rows"), totals.done], ["accepted", t("accepted"), totals.accepted], ["duplicates", t("duplicates"), totals.duplicates], ["rejected", t("rejected"), totals.rejected.length]];
  const shown = totals.rejected.slice(0, SHOWN);
  const base = fileName.replace(/\.[^.]*$/, "") || "import";

  return (
    <div data-testid="import-summary" data-dry-run={totals.dryRun} data-status={totals.status} className="flex flex-col gap-3 text-sm">
      <p role="status" className={`font-semibold ${totals.dryRun ? "text-warn" : ""}`}>
        {title}
      </p>
      <dl className="flex flex-wrap gap-6">
        {counts.map(([id, label, value]) => (
          <div key={id} className="flex flex-col">
            <dt className="text-ink-dim">{label}</dt>
            <dd data-testid={`summary-${id}`} className={`text-2xl font-bold ${id === "rejected" && value > 0 ? "text-alert" : ""}`}>
              {n(value)}
            </dd>
          </div>
        ))}
      </dl>
      {totals.dryRun && <p className="text-ink-dim">{t("dryNote")}</p>}
      {!totals.dryRun && totals.accepted > 0 && (
        <Link href="/wallboard" className="underline">
          {t("wallboard")}
        </Link>
      )}
      {shown.length > 0 && (
        <>
          <div className="flex flex-wrap items-center gap-4">
            <p className="font-semibold text-alert">
              {totals.rejected.length > SHOWN ? t("firstRejected", { count: SHOWN }) : t("allRejected", { count: totals.rejected.length })}
            </p>
            {href && (
              <a href={href} download={`${base}-rejected.csv`} data-testid="import-download-rejected" className="underline">
                {t("download")}
              </a>
            )}
          </div>
          <DataTable columns={[t("line"), t("column"), t("value"), t("reason")]} small>
            {shown.map((r) => (
              <tr key={r.line} data-testid="import-rejected" data-line={r.line} data-code={r.code} className="border-t border-panel-edge align-top">
                <td className="py-1 pr-3">{r.line}</td>
                <td className="pr-3 break-all">{r.column ?? "—"}</td>
                <td className="pr-3 break-all">{r.value ?? "—"}</td>
                <td title={r.reason}>{reasonOf(r)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </div>
  );
}
