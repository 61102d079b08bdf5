"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { DataTable, ErrorNote, Panel, quietButtonClass } from "../../admin/ui";
import { useAdminRequest } from "../../admin/use-admin-request";

/** What the list shows of a schedule (dates as ISO strings: the list is a client component). */
export interface ScheduleRowView {
  id: string;
  name: string;
  preset: string;
  frequency: { kind: "daily"; time: string } | { kind: "weekly"; time: string; weekday: number };
  destination: string;
  enabled: boolean;
  lastRunAt: string | null;
  lastStatus: "running" | "ok" | "error" | null;
  lastError: string | null;
}

function Row({ s }: { s: ScheduleRowView }) {
  const t = useTranslations("Schedules");
  const format = useFormatter();
  const { send, error, pending } = useAdminRequest();
  const [ran, setRan] = useState<string | null>(null);
  const f = s.frequency;
  const when = f.kind === "weekly" ? t("table.weeklyAt", { weekday: t(`weekdays.${f.weekday}` as "weekdays.1"), time: f.time }) : t("table.dailyAt", { time: f.time });
  const runNow = async () => {
    const res = await send<{ status: string; target: string | null; error: string | null }>("POST", `/api/reports/schedules/${encodeURIComponent(s.id)}/run`);
    if (res) setRan(res.status === "ok" ? (res.target ?? "") : t("form.failed", { error: res.error ?? "" }));
  };
  return (
    <tr data-testid="schedule-row" data-name={s.name} data-status={s.lastStatus ?? ""} className="border-t border-panel-edge align-top">
      <td className="py-2 pr-3 font-semibold">
        {s.name}
        <span className="block text-xs font-normal text-ink-dim">{t(`presets.${s.preset}` as "presets.today")}</span>
      </td>
      <td className="pr-3">
        {when}
        {!s.enabled && <span className="block text-xs text-warn">{t("table.disabled")}</span>}
      </td>
      <td className="pr-3 break-all">
        <code>{s.destination}</code>
      </td>
      <td className="pr-3">
        {s.lastRunAt ? format.dateTime(new Date(s.lastRunAt), { dateStyle: "short", timeStyle: "short" }) : t("table.never")}
        {s.lastStatus && (
          <span data-testid="schedule-status" className={`block text-xs font-semibold ${s.lastStatus === "error" ? "text-alert" : s.lastStatus === "ok" ? "text-ok" : "text-ink-dim"}`}>
            {t(`table.status.${s.lastStatus}`)}
          </span>
        )}
        {s.lastError && <span className="block text-xs text-alert">{s.lastError}</span>}
      </td>
      <td className="flex flex-wrap gap-2 py-2">
        <button type="button" disabled={pending} onClick={runNow} data-testid="schedule-run" className={quietButtonClass}>
          {t("table.runNow")}
        </button>
        <button type="button" disabled={pending} onClick={() => send("DELETE", `/api/reports/schedules/${encodeURIComponent(s.id)}`)} className={quietButtonClass}>
          {t("table.delete")}
        </button>
        {ran !== null && (
          <p role="status" data-testid="schedule-ran" className="w-full text-xs break-all text-ink-dim">
            {ran}
          </p>
        )}
        <ErrorNote error={error} />
      </td>
    </tr>
  );
}

export function ScheduleList({ schedules }: { schedules: ScheduleRowView[] }) {
  const t = useTranslations("Schedules");
  return (
    <Panel title={t("title")} testId="schedule-list">
      {schedules.length === 0 ? (
        <p className="text-ink-dim">{t("empty")}</p>
      ) : (
        <DataTable small columns={[t("table.name"), t("table.when"), t("table.destination"), t("table.last"), t("table.actions")]}>
          {schedules.map((s) => (
            <Row key={s.id} s={s} />
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
