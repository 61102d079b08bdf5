import { buttonClass, inputClass } from "@/components/admin/ui";
import type { DrillTexts } from "./texts";

/** A plain GET form to `/contacts?search=`: works without JavaScript, its state is the URL. */
export function ContactSearch({ t, value = "" }: { t: DrillTexts; value?: string }) {
  return (
    <form action="/contacts" method="get" role="search" data-testid="contact-search" className="flex flex-wrap items-end gap-2 text-sm">
      <label className="flex flex-col gap-1">
        <span className="font-semibold text-ink-dim">{t("search.label")}</span>
        <input name="search" defaultValue={value} required maxLength={200} placeholder={t("search.placeholder")} className={inputClass} />
      </label>
      <button type="submit" className={buttonClass}>
        {t("search.submit")}
      </button>
    </form>
  );
}
