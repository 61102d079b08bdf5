"use client";

import Link from "next/link";
import { useTranslations } from "use-intl";
import { PERIOD_KINDS, type PeriodKind } from "@/lib/figures/period";
import { buttonClass, Field, inputClass, quietButtonClass } from "../admin/ui";

interface Props {
  kind: PeriodKind;
  label: string;
  previous: string;
  next: string;
  current: string;
  /** First and last day of the period, YYYY-MM-DD. */
  from: string;
  to: string;
}

const href = (kind: PeriodKind, period: string) => `/figures?kind=${kind}&period=${encodeURIComponent(period)}`;

/** Which period the page shows: a plain GET form (`?kind=&period=`), and links to the neighbours. */
export function PeriodPicker({ kind, label, previous, next, current, from, to }: Props) {
  const t = useTranslations("Figures");
  return (
    <form method="get" action="/figures" data-testid="period-picker" className="flex flex-wrap items-end gap-3">
      <Field label={t("picker.kind")}>
        <select name="kind" defaultValue={kind} className={inputClass}>
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("picker.period")}>
        <input name="period" defaultValue={label} placeholder={t("picker.hint")} title={t("picker.hint")} className={`${inputClass} w-36`} />
      </Field>
      <button type="submit" className={buttonClass}>
        {t("picker.show")}
      </button>
      <nav className="flex gap-2 text-sm">
        <Link href={href(kind, previous)} className={quietButtonClass}>
          {t("picker.previous")}
        </Link>
        <Link href={href(kind, current)} className={quietButtonClass}>
          {t("picker.current")}
        </Link>
        <Link href={href(kind, next)} className={quietButtonClass}>
          {t("picker.next")}
        </Link>
      </nav>
      <p className="text-sm text-ink-dim" data-testid="period-span">
        {label} · {t("picker.span", { from, to })}
      </p>
    </form>
  );
}
