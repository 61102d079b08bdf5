"use client";

import { useId, useState } from "react";
import { searchText } from "@/lib/metrics/catalogue";

interface Props {
  label: string;
  placeholder: string;
  noResults: string;
  /** The `data-kpi-search` text of every entry of the page, to tell when nothing matches. */
  haystacks: readonly string[];
}

/** A CSS string literal's content. */
const cssString = (s: string) => s.replace(/[\\"]/g, "\\$&").replace(/[\n\r\f]/g, " ");

/**
 * Filters the server-rendered entries (`[data-kpi-search]`) by name or
 * abbreviation, with a style rule rather than by re-rendering them: the
 * catalogue stays plain HTML, and this component only holds the query.
 */
export function KpiSearch({ label, placeholder, noResults, haystacks }: Props) {
  const id = useId();
  const [query, setQuery] = useState("");
  const needle = searchText([query.trim()]);
  const match = `[data-kpi-search*="${cssString(needle)}"]`;
  const css = needle
    ? `[data-kpi-search]:not(${match}){display:none}[data-kpi-group]:not(:has(${match})){display:none}`
    : "";
  const none = needle !== "" && !haystacks.some((h) => h.includes(needle));
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold text-ink-dim">
        {label}
      </label>
      <input
        id={id}
        type="search"
        data-testid="kpi-search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={placeholder}
        autoComplete="off"
        className="w-full max-w-md rounded-md border border-panel-edge bg-panel px-3 py-1.5 text-ink placeholder:text-ink-faint"
      />
      <style>{css}</style>
      {none && (
        <p role="status" data-testid="kpi-search-empty" className="text-ink-dim">
          {noResults}
        </p>
      )}
    </div>
  );
}
