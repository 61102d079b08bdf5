"use client";

import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { parseCsv, type CsvRecord } from "@/lib/csv/parse";
import { guessMapping } from "@/lib/events/adapters/csv-calls/guess";
import { callMappingSchema, type CallField, type CallMappingInput } from "@/lib/events/adapters/csv-calls/mapping";
import { compileMapping } from "@/lib/events/adapters/csv-calls/row-to-events";
import { buttonClass, ErrorNote, Field, Panel, quietButtonClass } from "../admin/ui";
import { MappingForm } from "./mapping-form";
import { PreviewTable } from "./preview-table";
import { ProgressBar } from "./progress-bar";
import { RunSummary } from "./run-summary";
import { useImportRun } from "./use-import-run";

interface LoadedFile {
  name: string;
  delimiter: string;
  header: string[];
  rows: CsvRecord[];
  /** Tells apart two loads of files with the same name. */
  loadedAt: number;
}

const PREVIEW_ROWS = 5;
const GUESS_ROWS = 50;
const DELIMITER_NAMES: Record<string, string> = { "\t": "tab" };

/**
 * The import page's flow: a file read in the browser, a preview of its first
 * rows, the mapping proposed from its header, then a dry run or an import sent
 * chunk by chunk with a progress bar, and the summary with the rejected rows.
 */
export function ImportWizard({ defaultTimeZone }: { defaultTimeZone: string }) {
  const t = useTranslations("Imports");
  const locale = useLocale();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<CallMappingInput | null>(null);
  const run = useImportRun();
  const running = run.totals?.status === "running";

  const load = async (f: File | undefined) => {
    run.reset();
    setFile(null);
    setMapping(null);
    setFileError(null);
    if (!f) return;
    let text: string;
    try {
      text = await f.text();
    } catch {
      return setFileError(t("file.unreadable"));
    }
    const { delimiter, header, rows } = parseCsv(text);
    if (!header) return setFileError(t("file.empty"));
    if (rows.length === 0) setFileError(t("file.noRows"));
    const cells = header.cells.map((h) => h.trim());
    setFile({ name: f.name, delimiter, header: cells, rows, loadedAt: Date.now() });
    setMapping(guessMapping({ header: cells, sample: rows.slice(0, GUESS_ROWS).map((r) => r.cells), timeZone: defaultTimeZone, dayFirst: locale === "fr" }));
  };

  const parsed = useMemo(() => (mapping ? callMappingSchema.safeParse(mapping) : null), [mapping]);
  const compiled = useMemo(() => {
    if (!file || !parsed?.success) return null;
    const c = compileMapping(parsed.data, file.header);
    return c.ok ? c.compiled : null;
  }, [file, parsed]);
  const mappingError = useMemo(() => {
    if (!parsed || parsed.success) return null;
    const path = parsed.error.issues[0]?.path ?? [];
    const what = path[0] === "columns" ? t(`mapping.fields.${path[1] as CallField}`) : path[0] === "timeZone" ? t("mapping.timeZone") : String(path.join("."));
    return t("mapping.invalid", { reason: what });
  }, [parsed, t]);

  const start = (dryRun: boolean) => {
    if (!file || !parsed?.success) return;
    void run.start({ fileName: file.name, mapping: parsed.data, header: file.header, rows: file.rows, dryRun });
  };

  return (
    <Panel title={t("title")} testId="imports">
      <p className="max-w-4xl text-sm text-ink-dim">{t("intro")}</p>
      <Field label={t("file.label")}>
        <input type="file" accept=".csv,text/csv,text/plain" data-testid="import-file" disabled={running} onChange={(e) => void load(e.target.files?.[0])} className="text-sm" />
      </Field>
      <p className="text-sm text-ink-dim">{t("file.hint")}</p>
      <ErrorNote error={fileError} />
      {file && (
        <p className="text-sm" data-testid="import-file-summary">
          {t("file.summary", { name: file.name, rows: file.rows.length, columns: file.header.length, delimiter: DELIMITER_NAMES[file.delimiter] ?? file.delimiter })}
        </p>
      )}
      {file && file.rows.length > 0 && <PreviewTable header={file.header} rows={file.rows.slice(0, PREVIEW_ROWS)} compiled={compiled} />}
      {file && mapping && (
        <MappingForm key={`${file.name}:${file.loadedAt}`} header={file.header} value={mapping} onChange={setMapping} disabled={running} />
      )}
      <ErrorNote error={mappingError} />
      {file && file.rows.length > 0 && (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" data-testid="import-dry-run" disabled={running || !parsed?.success} onClick={() => start(true)} className={quietButtonClass}>
            {t("actions.dryRun")}
          </button>
          <button type="button" data-testid="import-submit" disabled={running || !parsed?.success} onClick={() => start(false)} className={buttonClass}>
            {t("actions.import")}
          </button>
          {running && (
            <button type="button" data-testid="import-cancel" disabled={run.stopping} onClick={run.stop} className={quietButtonClass}>
              {run.stopping ? t("actions.cancelling") : t("actions.cancel")}
            </button>
          )}
        </div>
      )}
      {run.totals && <ProgressBar done={run.totals.done} total={run.totals.total} />}
      {run.totals?.status === "failed" && <ErrorNote error={t("summary.failed", { reason: run.totals.error ?? "" })} />}
      {run.totals && run.totals.status !== "running" && file && (
        <RunSummary totals={run.totals} fileName={file.name} header={file.header} rows={file.rows} delimiter={file.delimiter} />
      )}
    </Panel>
  );
}
