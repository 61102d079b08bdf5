"use client";

import { useMemo } from "react";
import { useTranslations } from "use-intl";
import { DATE_FORMATS, REQUIRED_FIELDS, type CallField, type CallMappingInput, type DateFormat } from "@/lib/events/adapters/csv-calls/mapping";
import { Field, inputClass } from "../admin/ui";

const GROUPS: { id: "call" | "times" | "durations" | "status"; fields: CallField[] }[] = [
  { id: "call", fields: ["contactId", "queue", "agentId", "channel", "direction", "customerId"] },
  { id: "times", fields: ["offeredAt", "offeredTime", "answeredAt", "abandonedAt", "endedAt", "wrappedAt"] },
  { id: "durations", fields: ["waitSeconds", "talkSeconds", "holdSeconds", "acwSeconds"] },
  { id: "status", fields: ["outcome"] },
];
const FORMAT_KEY: Record<DateFormat, "iso" | "ymd" | "dmy" | "mdy" | "epochS" | "epochMs"> = {
  iso: "iso", ymd: "ymd", dmy: "dmy", mdy: "mdy", "epoch-s": "epochS", "epoch-ms": "epochMs",
};
const isRequired = (f: CallField) => (REQUIRED_FIELDS as readonly CallField[]).includes(f);
const list = (v: readonly string[] | undefined) => (v ?? []).join(", ");
const unlist = (s: string) => s.split(",").map((v) => v.trim()).filter((v) => v !== "");

interface Props {
  header: string[];
  value: CallMappingInput;
  onChange: (m: CallMappingInput) => void;
  disabled: boolean;
}

/** One select per Vigie field (the file's columns, or none), then the formats and the status values. */
export function MappingForm({ header, value, onChange, disabled }: Props) {
  const t = useTranslations("Imports.mapping");
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []), []);
  const columns = [...new Set(header.map((h) => h.trim()).filter((h) => h !== ""))];
  const setColumn = (f: CallField, column: string) => {
    const next = { ...value.columns };
    if (column === "") delete next[f];
    else next[f] = column;
    onChange({ ...value, columns: next });
  };
  return (
    <section aria-labelledby="import-mapping-title" className="flex flex-col gap-3" data-testid="import-mapping">
      <h3 id="import-mapping-title" className="font-semibold">
        {t("title")}
      </h3>
      <p className="max-w-4xl text-sm text-ink-dim">{t("hint")}</p>
      <fieldset disabled={disabled} className="flex flex-col gap-4">
        {GROUPS.map((g) => (
          <fieldset key={g.id} className="grid grid-cols-1 gap-3 md:grid-cols-3 xl:grid-cols-6">
            <legend className="mb-1 text-sm font-bold uppercase text-ink-dim">{t(`groups.${g.id}`)}</legend>
            {g.fields.map((f) => (
              <Field key={f} label={isRequired(f) ? t("required", { field: t(`fields.${f}`) }) : t(`fields.${f}`)}>
                <select
                  data-testid={`map-${f}`}
                  value={value.columns[f] ?? ""}
                  required={isRequired(f)}
                  onChange={(e) => setColumn(f, e.target.value)}
                  className={inputClass}
                >
                  <option value="">{t("none")}</option>
                  {columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </Field>
            ))}
          </fieldset>
        ))}
        <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
          <Field label={t("dateFormat")}>
            <select data-testid="map-date-format" value={value.dateFormat} onChange={(e) => onChange({ ...value, dateFormat: e.target.value as DateFormat })} className={inputClass}>
              {DATE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`formats.${FORMAT_KEY[f]}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("timeZone")}>
            <input data-testid="map-time-zone" list="import-time-zones" value={value.timeZone} onChange={(e) => onChange({ ...value, timeZone: e.target.value.trim() })} className={inputClass} spellCheck={false} />
            <datalist id="import-time-zones">
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </Field>
          <Field label={`${t("unknownAgent")} — ${t("unknownAgentHint")}`}>
            <input data-testid="map-unknown-agent" value={value.unknownAgent ?? ""} onChange={(e) => onChange({ ...value, unknownAgent: e.target.value || undefined })} className={inputClass} />
          </Field>
          <Field label={`${t("answeredValues")} — ${t("valuesHint")}`}>
            <input data-testid="map-answered-values" defaultValue={list(value.answeredValues)} onBlur={(e) => onChange({ ...value, answeredValues: unlist(e.target.value) })} className={inputClass} />
          </Field>
          <Field label={`${t("abandonedValues")} — ${t("valuesHint")}`}>
            <input data-testid="map-abandoned-values" defaultValue={list(value.abandonedValues)} onBlur={(e) => onChange({ ...value, abandonedValues: unlist(e.target.value) })} className={inputClass} />
          </Field>
        </div>
      </fieldset>
    </section>
  );
}
