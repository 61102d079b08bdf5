import { DataTable, Panel } from "@/components/admin/ui";
import { formatDuration, NO_VALUE } from "@/components/wallboard/format";
import type { Locale } from "@/lib/i18n/config";
import type { ContactTimeline } from "@/lib/reports/contact-timeline";
import { formatInstant } from "./format-field";
import type { DrillTexts } from "./texts";

interface Props {
  timeline: ContactTimeline;
  locale: Locale;
  timeZone: string;
  t: DrillTexts;
}

/** A contact as the indicators see it (derived state), then every stored event of it in time order. */
export function ContactView({ timeline, locale, timeZone, t }: Props) {
  const c = timeline.contact;
  const ms = (v: number | null) => (v === null ? NO_VALUE : formatDuration(v / 1000, locale));
  const facts: [string, string, string][] = [
    ["status", t("contact.status"), t(`contact.statuses.${c.status}`)],
    ["queue", t("contact.queue"), c.queue ?? NO_VALUE],
    ["channel", t("contact.channel"), c.channel ?? NO_VALUE],
    ["direction", t("contact.direction"), c.direction ?? NO_VALUE],
    ["customer", t("contact.customer"), c.customerId ?? NO_VALUE],
    ["case", t("contact.case"), c.caseId ?? NO_VALUE],
    ["agent", t("contact.agent"), c.agentId ?? NO_VALUE],
    ["wait", t("contact.wait"), ms(c.waitMs)],
    ["handle", t("contact.handle"), ms(c.handleMs)],
    ["outcomes", t("contact.outcomes"), c.outcomes.length ? c.outcomes.join(", ") : NO_VALUE],
    [
      "resolved",
      t("contact.resolved"),
      c.resolved ? `${t("contact.yes")}${c.firstContact ? ` (${t("contact.firstContact")})` : ""}` : t("contact.no"),
    ],
  ];
  return (
    <>
      <Panel title={t("contact.summary")} testId="contact-summary">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {facts.map(([key, label, value]) => (
            <div key={key} className="contents" data-testid={`contact-${key}`}>
              <dt className="text-ink-dim">{label}</dt>
              <dd className="font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
      </Panel>
      <Panel title={t("contact.events", { count: timeline.events.length })} testId="contact-timeline">
        <DataTable small columns={[t("contact.at"), t("contact.type"), t("contact.fields")]}>
          {timeline.events.map((e) => (
            <tr key={e.id} data-testid="timeline-event" data-type={e.type} className="border-t border-panel-edge align-top">
              <td className="py-1 pr-3 whitespace-nowrap tabular-nums">{formatInstant(e.at, locale, timeZone)}</td>
              <td className="pr-3 font-semibold">{e.type}</td>
              <td className="font-mono text-xs break-all text-ink-dim">
                {Object.entries(e.fields)
                  .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
                  .join(" · ")}
              </td>
            </tr>
          ))}
        </DataTable>
      </Panel>
    </>
  );
}
