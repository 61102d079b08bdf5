import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ARTICLES, CATALOGUE, NOT_COMPUTED, SEED_TERMS, catalogueEntry, normaliseTerm, whereShown } from "./catalogue";
import type { ArticleId } from "./kpi-types";

const DIR = path.join(import.meta.dirname, "../../docs/kpi-sources");
const IDS = Object.keys(ARTICLES) as ArticleId[];
const TEXT = Object.fromEntries(IDS.map((a) => [a, readFileSync(path.join(DIR, ARTICLES[a].file), "utf8")])) as Record<ArticleId, string>;
const lines = (a: ArticleId) => TEXT[a].split(/\r?\n/).map((l) => l.trim());

/** The lines strictly between the first line equal to `from` and the first one after it starting with `to`. */
function section(a: ArticleId, from: string, to: string): string[] {
  const all = lines(a);
  const start = all.indexOf(from);
  const end = all.findIndex((l, i) => i > start && l.startsWith(to));
  expect(start, `${a}: "${from}"`).toBeGreaterThanOrEqual(0);
  expect(end, `${a}: "${to}"`).toBeGreaterThan(start);
  return all.slice(start + 1, end);
}

const matching = (all: string[], re: RegExp) => all.flatMap((l) => re.exec(l)?.[1]?.trim() ?? []);

/**
 * The KPI names of each article, found by the article's own layout, not by
 * the list we are checking. Whatever the layout catches that is not a KPI is
 * excluded by name below, with the reason.
 */
const EXTRACT: Record<ArticleId, () => string[]> = {
  // "7. Taux de Conversion : Mesure…": the numbered items (the "Formule :" lines are not numbered).
  "000": () => matching(lines("000"), /^\d+\.\s+(.+?)\s+:\s/),
  // "Taux d'abandon: Pourcentage…": one KPI a line. Bounded by the section heading and "Conclusion",
  // which leaves out the title, "Introduction" and the two prose paragraphs.
  "001": () => matching(section("001", "Indicateurs de la Relation Client à Distance", "Conclusion"), /^([^:]+):\s/),
  // Glossary: a heading is a short line with no formula ("="), not a sentence (".") nor a lead-in (":"),
  // followed by its definition.
  "002": () => {
    const body = lines("002").filter((l) => l !== "");
    return body.filter((l, i) => i + 1 < body.length && l.length <= 100 && !l.includes("=") && !/[.:]$/.test(l));
  },
  // "😊 Taux de Satisfaction Client | …" (summary table) and "😊 Le Taux de Satisfaction Client (CSAT)" (headings):
  // the lines opening with an emoji, without it, without the table's description, without the article "Le".
  "003": () =>
    matching(lines("003"), /^[\p{Extended_Pictographic}\uFE0F]+\s*(.+)$/u).map((l) => l.split("|")[0]!.trim().replace(/^(Le|La|L’) /, "")),
  // "- Panier moyen : correspond…", in the six numbered categories; the bullets after the closing
  // paragraph ("Ces 60 KPI constituent…") advertise the publisher's services.
  "004": () => matching(section("004", lines("004").find((l) => l.startsWith("1. "))!, "Ces 60 KPI constituent"), /^- (.+?) : /),
};

/** Caught by the layouts above, and not KPIs. */
const NOT_KPI: Partial<Record<ArticleId, readonly string[]>> = {
  "002": [
    // The article's title.
    "Glossaire des indicateurs clés (KPI) d’amélioration de la relation client",
    // The web page's footer, after the glossary.
    "Sujets en lien avec cette page",
    "Trouvez la solution qui vous convient pour nous contacter",
  ],
};

const raw = IDS.flatMap((article) => EXTRACT[article]().map((name) => ({ article, name })));
const extracted = raw.filter((r) => !NOT_KPI[r.article]?.includes(r.name));

const ENTRY_IDS = new Set(CATALOGUE.map((k) => k.id));
const NOT_COMPUTED_IDS = new Set(NOT_COMPUTED.map((k) => k.id));
const known = (id: string) => ENTRY_IDS.has(id) || NOT_COMPUTED_IDS.has(id);

describe("KPI catalogue", () => {
  it("quotes every source term verbatim from its article", () => {
    const sources = [...CATALOGUE, ...NOT_COMPUTED].flatMap((k) => k.sources.map((s) => ({ id: k.id, ...s })));
    const missing = [...sources, ...SEED_TERMS.map((s) => ({ id: s.ids.join(","), ...s }))].filter((s) => !TEXT[s.article].includes(s.term));
    expect(missing, "terms not found verbatim in their article").toEqual([]);
  });

  it("finds the KPI names of each article by its layout", () => {
    const count = (a: ArticleId) => extracted.filter((e) => e.article === a).length;
    expect(IDS.map((a) => [a, count(a)])).toEqual([["000", 11], ["001", 30], ["002", 28], ["003", 8], ["004", 27]]);
    // Every exclusion is still caught by its layout: none is left behind when an article changes.
    const stale = IDS.flatMap((a) => (NOT_KPI[a] ?? []).filter((name) => !raw.some((r) => r.article === a && r.name === name)));
    expect(stale).toEqual([]);
  });

  it("covers every KPI named in the articles (coverage)", () => {
    const seeds = new Set(SEED_TERMS.map((s) => `${s.article}|${normaliseTerm(s.term)}`));
    const unmatched = extracted.filter((e) => !seeds.has(`${e.article}|${normaliseTerm(e.name)}`));
    expect(unmatched, `names of the articles missing from SEED_TERMS:\n${unmatched.map((u) => `  ${u.article}: ${u.name}`).join("\n")}`).toEqual([]);
    // About sixty distinct KPIs: the articles repeat the main ones.
    expect(new Set(SEED_TERMS.flatMap((s) => s.ids)).size).toBeGreaterThanOrEqual(60);
  });

  it("maps every seed term to catalogue or NOT_COMPUTED entries that cite its article", () => {
    const bad = SEED_TERMS.filter((s) => s.ids.length === 0 || !s.ids.every(known));
    expect(bad, "targets missing").toEqual([]);
    const cites = (id: string, article: ArticleId) =>
      [...CATALOGUE, ...NOT_COMPUTED].find((k) => k.id === id)?.sources.some((src) => src.article === article) ?? false;
    const uncited = SEED_TERMS.filter((s) => !s.ids.some((id) => cites(id, s.article)));
    expect(uncited, "no target cites the term's article").toEqual([]);
  });

  it("reaches every cited KPI from a seed term of the same article", () => {
    const reached = (id: string, article: ArticleId, term: string) =>
      SEED_TERMS.some((s) => s.article === article && s.ids.includes(id) && normaliseTerm(s.term).includes(normaliseTerm(term)));
    const orphans = [...CATALOGUE, ...NOT_COMPUTED].flatMap((k) => k.sources.filter((s) => !reached(k.id, s.article, s.term)).map((s) => `${k.id} ← ${s.article}: ${s.term}`));
    expect(orphans).toEqual([]);
  });

  it("has unique ids across the catalogue and NOT_COMPUTED", () => {
    const ids = [...CATALOGUE, ...NOT_COMPUTED].map((k) => k.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("gives every entry its texts in French and English", () => {
    const texts = CATALOGUE.flatMap((k) => [k.name, k.short, k.description, k.formula, ...(k.notes ? [k.notes] : []), ...(k.variants ?? []).map((v) => v.formula)]);
    const more = NOT_COMPUTED.flatMap((k) => [k.name, k.reason]);
    const empty = [...texts, ...more].filter((l) => !l.fr?.trim() || !l.en?.trim());
    expect(empty).toEqual([]);
  });

  it("links variants and related KPIs to entries that exist", () => {
    const variants = CATALOGUE.flatMap((k) => (k.variants ?? []).flatMap((v) => (v.id === undefined || known(v.id) ? [] : [`${k.id} → ${v.id}`])));
    const related = NOT_COMPUTED.flatMap((k) => (k.related ?? []).filter((id) => !ENTRY_IDS.has(id)).map((id) => `${k.id} → ${id}`));
    expect([...variants, ...related]).toEqual([]);
  });

  it("carries no compute function, and tells where each KPI is shown", () => {
    for (const k of CATALOGUE) expect(Object.values(k).some((v) => typeof v === "function"), k.id).toBe(false);
    for (const k of CATALOGUE) expect(whereShown(k.id).length, k.id).toBeGreaterThan(0);
    expect(whereShown("aht").map((s) => s.href)).toEqual(["/wallboard", "/reports", "/api/reports", "/api/live"]);
    expect(whereShown("waiting").map((s) => s.place)).toEqual(["wallboard", "queueTable", "liveApi"]);
    expect(whereShown("fcr").map((s) => s.href)).toEqual(["/wallboard?view=kpis", "/reports", "/api/reports", "/api/live"]);
    expect(whereShown("cac").map((s) => s.href)).toEqual(["/figures", "/api/figures"]);
    expect(whereShown("nope")).toEqual([]);
    expect(catalogueEntry("aht")?.feeds).toContain("contact.wrapped");
    expect(catalogueEntry("cac")?.inputs).toContain("newCustomers");
  });
});
