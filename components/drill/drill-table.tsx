import { DataTable } from "@/components/admin/ui";
import type { Locale } from "@/lib/i18n/config";
import type { DrillDown } from "@/lib/reports/drill-down";
import { formatField, formatInstant } from "./format-field";
import type { DrillTexts } from "./texts";

interface Props {
  drill: DrillDown;
  locale: Locale;
  timeZone: string;
  t: DrillTexts;
}

/**
 * One row per entity of the page, one column per figure the metric reads, then
 * the totals of every entity (not only this page) and the cell's own sums: the
 * two lines are equal, which is what a drill-down promises.
 */
export function DrillTable({ drill, locale, timeZone, t }: Props) {
  const own = drill.fields.filter((f) => !drill.notFromEntities.includes(f));
  const figure = (f: string, v: number | undefined) => (v === undefined ? "" : formatField(f, v, locale));
  return (
    <DataTable
      columns={[t("columns.entity"), t("columns.at"), ...own.map((f) => <span key={f} data-field={f}>{f}</span>)]}
    >
      {drill.entities.map((e) => (
        <tr key={e.entity} data-testid="drill-entity" data-entity={e.entity} className="border-t border-panel-edge">
          <td className="py-1 pr-3">
            <span className="mr-2 text-xs text-ink-faint">{t(`kinds.${e.kind}`)}</span>
            {e.href ? (
              <a href={e.href} data-testid="drill-entity-link" className="font-semibold text-ink underline">
                {e.id}
              </a>
            ) : (
              <span className="font-semibold">{e.id.replaceAll("\u0000", " · ")}</span>
            )}
          </td>
          <td className="pr-3 whitespace-nowrap">{formatInstant(e.at, locale, timeZone)}</td>
          {own.map((f) => (
            <td key={f} data-field={f} data-value={e.fields[f]} className="px-2 text-right tabular-nums">
              {figure(f, e.fields[f])}
            </td>
          ))}
        </tr>
      ))}
      <tr data-testid="drill-totals" className="border-t-2 border-panel-edge font-semibold">
        <th scope="row" colSpan={2} className="py-1 pr-3 text-left">
          {t("columns.total")}
        </th>
        {own.map((f) => (
          <td key={f} data-field={f} data-value={drill.totals[f]} className="px-2 text-right tabular-nums">
            {figure(f, drill.totals[f])}
          </td>
        ))}
      </tr>
      <tr data-testid="drill-cell" className="text-ink-dim">
        <th scope="row" colSpan={2} className="py-1 pr-3 text-left">
          {t("columns.cell")}
        </th>
        {own.map((f) => (
          <td key={f} data-field={f} data-value={drill.cell[f]} className="px-2 text-right tabular-nums">
            {figure(f, drill.cell[f])}
          </td>
        ))}
      </tr>
    </DataTable>
  );
}
