"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { PRESETS, type Preset } from "@/lib/reports/presets";
import { buttonClass, ErrorNote, Field, inputClass, OnceSecret } from "../../admin/ui";
import { useAdminRequest } from "../../admin/use-admin-request";

export interface ScheduleDraft {
  name: string;
  preset: Preset;
  granularity: string;
  groupBy: string;
  metrics: string;
  lang: "fr" | "en";
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * "Schedule this report": the report on screen (granularity, grouping,
 * metrics, language) with a relative period, saved as a schedule through
 * `POST /api/reports/schedules`. A webhook's signing secret is shown once.
 */
export function ScheduleForm({ draft }: { draft: ScheduleDraft }) {
  const t = useTranslations("Schedules");
  const { send, error, pending } = useAdminRequest();
  const [frequency, setFrequency] = useState<"daily" | "weekly">("daily");
  const [kind, setKind] = useState<"folder" | "webhook">("folder");
  const [saved, setSaved] = useState<{ secret: string; kind: string } | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const get = (k: string) => String(f.get(k) ?? "");
    setSaved(null);
    const time = get("time");
    const res = await send<{ secret: string }>("POST", "/api/reports/schedules", {
      name: get("name"),
      query: { preset: get("preset"), granularity: draft.granularity, groupBy: draft.groupBy, metrics: draft.metrics, lang: draft.lang },
      frequency: frequency === "weekly" ? { kind: "weekly", time, weekday: Number(get("weekday")) } : { kind: "daily", time },
      destination: kind === "webhook" ? { kind: "webhook", url: get("url") } : { kind: "folder", path: get("path") },
      enabled: true,
    });
    if (res) setSaved({ secret: res.secret, kind });
  };

  return (
    <details data-testid="schedule-this" className="rounded-xl border-2 border-panel-edge bg-panel p-3">
      <summary className="cursor-pointer font-semibold">{t("scheduleThis")}</summary>
      <form onSubmit={submit} data-testid="schedule-form" className="mt-3 flex flex-wrap items-end gap-3">
        <Field label={t("form.name")}>
          <input name="name" required maxLength={120} defaultValue={draft.name} className={inputClass} />
        </Field>
        <Field label={t("form.preset")}>
          <select name="preset" defaultValue={draft.preset} className={inputClass}>
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`presets.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("form.frequency")}>
          <select name="frequency" value={frequency} onChange={(e) => setFrequency(e.target.value as "daily" | "weekly")} className={inputClass}>
            <option value="daily">{t("form.daily")}</option>
            <option value="weekly">{t("form.weekly")}</option>
          </select>
        </Field>
        {frequency === "weekly" && (
          <Field label={t("form.weekday")}>
            <select name="weekday" defaultValue="1" className={inputClass}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {t(`weekdays.${d}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t("form.time")}>
          <input name="time" type="time" required defaultValue="07:00" className={inputClass} />
        </Field>
        <Field label={t("form.destination")}>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as "folder" | "webhook")} className={inputClass}>
            <option value="folder">{t("form.folder")}</option>
            <option value="webhook">{t("form.webhook")}</option>
          </select>
        </Field>
        {kind === "folder" ? (
          <Field label={t("form.folder")}>
            <input name="path" maxLength={200} placeholder="daily" className={inputClass} />
          </Field>
        ) : (
          <Field label={t("form.webhook")}>
            <input name="url" type="url" required placeholder="https://" className={inputClass} />
          </Field>
        )}
        <button type="submit" disabled={pending} data-testid="schedule-save" className={buttonClass}>
          {t("form.save")}
        </button>
      </form>
      <ErrorNote error={error} />
      {saved && (
        <div className="mt-3 flex flex-col gap-2 text-sm">
          <p role="status" data-testid="schedule-saved">
            {t("form.saved")}{" "}
            <a href="/reports/schedules" className="font-semibold underline">
              {t("openList")}
            </a>
          </p>
          {saved.kind === "webhook" && <OnceSecret label={t("form.webhook")} value={saved.secret} note={t("form.secret")} testId="schedule-secret" />}
        </div>
      )}
    </details>
  );
}
