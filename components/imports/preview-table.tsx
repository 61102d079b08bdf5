"use client";

import { useFormatter, useTranslations } from "use-intl";
import type { CsvRecord } from "@/lib/csv/parse";
import { rowToEvents, type CompiledMapping } from "@/lib/events/adapters/csv-calls/row-to-events";
import { DataTable } from "../admin/ui";

const KINDS = ["offered", "answered", "abandoned", "held", "resumed", "ended", "wrapped"] as const;
type Kind = (typeof KINDS)[number];
const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

/** The first rows as read, each with what the current mapping makes of it (or why it would be rejected). */
export function PreviewTable({ header, rows, compiled }: { header: string[]; rows: CsvRecord[]; compiled: CompiledMapping | null }) {
  const t = useTranslations("Imports");
  const format = useFormatter();
  const reading = (row: CsvRecord): string => {
    if (!compiled) return "—";
    const r = rowToEvents(row, compiled, Date.now());
    if (!r.ok) {
      const reason = t(`reasons.${r.error.code}`);
      return r.error.column ? t("preview.rejectedColumn", { column: r.error.column, reason }) : t("preview.rejected", { reason });
    }
    return r.events
      .map((e) => {
        const kind = e.type.slice("contact.".length);
        const time = format.dateTime(e.at, kind === "offered" ? { dateStyle: "short", timeStyle: "medium" } : { timeStyle: "medium" });
        return isKind(kind) ? t("preview.events", { kind: t(`kinds.${kind}`), time }) : kind;
      })
      .join(" · ");
  };
  return (
    <section aria-labelledby="import-preview-title" className="flex flex-col gap-2 overflow-x-auto" data-testid="import-preview">
      <h3 id="import-preview-title" className="font-semibold">
        {t("preview.title")}
      </h3>
      <DataTable columns={[t("preview.line"), t("preview.reading"), ...header]} small>
        {rows.map((row) => (
          <tr key={row.line} className="border-t border-panel-edge align-top">
            <td className="py-1 pr-3 text-ink-dim">{row.line}</td>
            <td className="min-w-96 pr-3 text-ink-dim" data-testid="import-preview-reading">
              {reading(row)}
            </td>
            {header.map((_, i) => (
              <td key={i} className="pr-3 whitespace-nowrap">
                {row.cells[i] ?? ""}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
