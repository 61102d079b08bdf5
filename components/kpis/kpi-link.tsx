"use client";

import type { ReactNode } from "react";
import { useLocale } from "use-intl";
import { catalogueEntry, NOT_COMPUTED } from "@/lib/metrics/catalogue";

/** The catalogue anchor of a KPI: `/kpis#<id>`. */
export const kpiHref = (id: string) => `/kpis#${encodeURIComponent(id)}`;

interface Props {
  /** A catalogue (or not-computed) KPI id. */
  id: string;
  children: ReactNode;
  className?: string;
}

/**
 * A link to a KPI's definition in the catalogue, titled with its name in the
 * current language. A plain anchor, not a client-side navigation: a real
 * fragment navigation is what makes the entry `:target` (highlighted).
 */
export function KpiLink({ id, children, className = "" }: Props) {
  const locale = useLocale();
  const name = (catalogueEntry(id) ?? NOT_COMPUTED.find((k) => k.id === id))?.name[locale];
  return (
    <a href={kpiHref(id)} title={name} data-kpi-link={id} className={`decoration-dotted underline-offset-2 hover:underline focus-visible:underline ${className}`}>
      {children}
    </a>
  );
}
