import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computePeriodKpis, FIGURE_IDS, FIGURES, PERIOD_KPIS, type FigureValues } from "./period-kpis";

const kpi = (id: string) => {
  const k = PERIOD_KPIS.find((x) => x.id === id);
  if (!k) throw new Error(`no period KPI ${id}`);
  return k;
};

// One hand-computed case per KPI: the figures, then the expected value.
const CASES: [string, FigureValues, number][] = [
  ["cac", { marketingCosts: 6000, salesCosts: 4000, newCustomers: 150 }, 10000 / 150],
  ["cpl", { leadSpend: 2500, leadsCollected: 500 }, 5],
  ["roi", { investmentGains: 15000, investmentCost: 10000 }, 0.5],
  ["clientRoi", { clientGains: 3000, clientCost: 1200 }, 1.5],
  ["clv", { averageSpend: 40, purchasesPerYear: 6, relationshipYears: 3 }, 720],
  ["retentionRate", { customersStart: 200, customersEnd: 210, newCustomers: 30 }, 0.9],
  ["churnRate", { customersLost: 20, customersStart: 200 }, 0.1],
  ["serviceRetention", { recurringCustomers: 300, totalCustomers: 1200 }, 0.25],
  ["recommendationRate", { recommendingCustomers: 60, totalCustomers: 1200 }, 0.05],
  ["costPerContact", { serviceCost: 45000, contacts: 9000 }, 5],
  ["errorRate", { errors: 12, transactions: 4800 }, 0.0025],
  ["socialEngagement", { socialInteractions: 450, socialImpressions: 18000 }, 0.025],
  ["agentRetention", { agentsStart: 40, agentsEnd: 36 }, 0.9],
  ["turnover", { departures: 3, averageHeadcount: 37.5 }, 0.08],
  ["absenteeism", { absenceHours: 280, theoreticalHours: 5600 }, 0.05],
  ["trainingRate", { trainingHours: 120, headcount: 40 }, 3],
  ["fileQuality", { recordsUsable: 8200, recordsSupplied: 10000 }, 0.82],
  ["openRate", { messagesOpened: 2200, messagesSent: 10000 }, 0.22],
  ["ctr", { clicks: 150, impressions: 6000 }, 0.025],
  ["bounceRate", { singlePageVisits: 420, visits: 1200 }, 0.35],
  ["cartAbandonment", { cartsAbandoned: 70, cartsCreated: 100 }, 0.7],
  ["averageBasket", { revenue: 12500, orders: 250 }, 50],
  ["expansionRevenue", { existingRevenueNow: 130000, existingRevenueInitial: 100000 }, 30000],
  ["marketingConversion", { actionsTaken: 45, messageRecipients: 1500 }, 0.03],
  ["transformationRate", { prospectsWon: 18, prospectContacts: 240 }, 0.075],
  ["productAdoption", { activeCustomers: 900, totalCustomers: 1200 }, 0.75],
  ["featureUsage", { featureUsers: 300, totalCustomers: 1200 }, 0.25],
  ["ttfv", { firstValueDays: 420, customersOnboarded: 30 }, 14],
  ["velocity", { qualificationDays: 96, leadsQualified: 48 }, 2],
];

describe("period KPI formulas", () => {
  it("the seed article's example: 10,000 € for 150 new customers is a CAC of 66.67 €", () => {
    const cac = kpi("cac").compute({ marketingCosts: 10000, salesCosts: 0, newCustomers: 150 });
    expect(cac!.toFixed(2)).toBe("66.67");
    expect(kpi("cac").compute({ marketingCosts: 6000, salesCosts: 4000, newCustomers: 150 })).toBeCloseTo(66.67, 2);
  });

  it.each(CASES)("%s on a hand-computed case", (id, figures, expected) => {
    expect(kpi(id).compute(figures)).toBeCloseTo(expected, 10);
  });

  it("has a case for every KPI", () => {
    expect(CASES.map(([id]) => id).sort()).toEqual(PERIOD_KPIS.map((k) => k.id).sort());
  });

  it.each(CASES)("%s is null when any input is missing", (id, figures) => {
    for (const missing of Object.keys(figures)) {
      const partial = { ...figures } as Record<string, number>;
      delete partial[missing];
      // Churn falls back to its second form without "customers lost".
      if (id === "churnRate" && missing === "customersLost") continue;
      expect(kpi(id).compute(partial), `${id} without ${missing}`).toBeNull();
    }
    expect(kpi(id).compute({})).toBeNull();
  });

  it.each(CASES)("%s is null, never NaN nor Infinity, when the denominator is zero", (id, figures) => {
    const zeroed = Object.fromEntries(Object.keys(figures).map((k) => [k, 0]));
    const got = kpi(id).compute(zeroed);
    if (id === "clv" || id === "expansionRevenue") expect(got).toBe(0); // products and differences: no denominator
    else expect(got).toBeNull();
  });

  it("churn: customers lost / start when given, else (start − end) / start", () => {
    const churn = kpi("churnRate");
    expect(churn.compute({ customersLost: 30, customersStart: 200, customersEnd: 190 })).toBeCloseTo(0.15);
    expect(churn.compute({ customersStart: 200, customersEnd: 190 })).toBeCloseTo(0.05);
    expect(churn.compute({ customersLost: 30, customersEnd: 190 })).toBeNull();
  });

  it("ROI and expansion revenue may be negative", () => {
    expect(kpi("roi").compute({ investmentGains: 5000, investmentCost: 10000 })).toBeCloseTo(-0.5);
    expect(kpi("expansionRevenue").compute({ existingRevenueNow: 90, existingRevenueInitial: 100 })).toBe(-10);
  });

  it("computes every KPI at once, null where figures are missing", () => {
    const all = computePeriodKpis({ marketingCosts: 6000, salesCosts: 4000, newCustomers: 150 });
    expect(Object.keys(all).sort()).toEqual(PERIOD_KPIS.map((k) => k.id).sort());
    expect(all.cac).toBeCloseTo(66.67, 2);
    expect(all.roi).toBeNull();
    for (const v of Object.values(all)) expect(v === null || Number.isFinite(v)).toBe(true);
  });
});

describe("period KPI definitions", () => {
  const dir = path.join(process.cwd(), "docs/kpi-sources");
  const articles = new Map(readdirSync(dir).map((name) => [name.slice(0, 3), readFileSync(path.join(dir, name), "utf8")]));

  it("ids are unique, for KPIs and for figures", () => {
    expect(new Set(PERIOD_KPIS.map((k) => k.id)).size).toBe(PERIOD_KPIS.length);
    expect(new Set(FIGURE_IDS).size).toBe(FIGURES.length);
  });

  it.each(PERIOD_KPIS.map((k) => [k.id, k] as const))("%s: each source term occurs verbatim in its article", (_, k) => {
    expect(k.sources.length).toBeGreaterThan(0);
    for (const s of k.sources) {
      const text = articles.get(s.article);
      expect(text, `article ${s.article}`).toBeDefined();
      expect(text!.includes(s.term), `"${s.term}" in article ${s.article}`).toBe(true);
    }
  });

  it.each(PERIOD_KPIS.map((k) => [k.id, k] as const))("%s: French and English texts, period availability, known inputs", (_, k) => {
    for (const text of [k.name, k.short, k.description, k.formula, ...(k.variants ?? []).map((v) => v.formula), ...(k.notes ? [k.notes] : [])]) {
      expect(text.fr.trim()).not.toBe("");
      expect(text.en.trim()).not.toBe("");
    }
    expect(k.availability).toBe("period");
    expect(k.inputs.length).toBeGreaterThan(0);
    for (const id of k.inputs) expect(FIGURE_IDS).toContain(id);
  });

  it("every figure has French and English names and feeds some KPI", () => {
    const used = new Set(PERIOD_KPIS.flatMap((k) => k.inputs));
    for (const f of FIGURES) {
      expect(f.name.fr.trim()).not.toBe("");
      expect(f.name.en.trim()).not.toBe("");
      expect(used.has(f.id), f.id).toBe(true);
    }
  });
});
