"use client";

import type { ReactNode } from "react";
import { useLocale } from "use-intl";
import { kpi } from "@/lib/metrics/registry";

/** The catalogue anchor of a KPI: `/kpis#<id>`. */
export const kpiHref = (id: string) => `/kpis#${encodeURIComponent(id)}`;

interface Props {
  /** A catalogue (or not-computed) KPI id. */
  id: string;
  children: ReactNode;
  className?: string;
  /** The link's title; defaults to the event KPI's name (pages of period KPIs pass theirs). */
  title?: string;
}

/**
 * A link to a KPI's definition in the catalogue, titled with its name in the
 * current language. A plain anchor, not a client-side navigation: a real
 * fragment navigation is what makes the entry `:target` (highlighted). It reads
 * only the event registry, which live boards load anyway: the catalogue's data
 * (period KPIs, seed terms) stays out of the wallboard's JavaScript.
 */
export function KpiLink({ id, children, className = "", title }: Props) {
  const locale = useLocale();
  return (
    <a
      href={kpiHref(id)}
      title={title ?? kpi(id)?.name[locale]}
      data-kpi-link={id}
      className={`decoration-dotted underline-offset-2 hover:underline focus-visible:underline ${className}`}
    >
      {children}
    </a>
  );
}
