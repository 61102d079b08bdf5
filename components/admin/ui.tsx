import type { ReactNode } from "react";

/** Small shared pieces of the admin forms and tables. Names are rendered as text, never as HTML. */

export const inputClass = "rounded-md border border-panel-edge bg-canvas px-2 py-1 text-ink";
export const buttonClass =
  "rounded-md bg-ink px-3 py-1 font-semibold text-canvas transition-opacity disabled:opacity-50";
export const quietButtonClass =
  "rounded-md border border-panel-edge px-3 py-1 font-semibold text-ink-dim hover:bg-panel-edge hover:text-ink disabled:opacity-50";

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-semibold text-ink-dim">{label}</span>
      {children}
    </label>
  );
}

export function ErrorNote({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" data-testid="admin-error" className="text-sm font-semibold text-alert">
      {error}
    </p>
  ) : null;
}

export function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} className="flex flex-col gap-3 rounded-xl border-2 border-panel-edge bg-panel p-4">
      <h2 className="text-lg font-bold">{title}</h2>
      {children}
    </section>
  );
}

/** A secret shown once, with the warning that it will not be shown again. */
export function OnceSecret({ label, value, note, testId }: { label: string; value: string; note: string; testId: string }) {
  return (
    <div className="flex flex-col gap-1 rounded-md border-2 border-warn p-3 text-sm">
      <span className="font-semibold">{label}</span>
      <code data-testid={testId} className="select-all break-all rounded bg-canvas px-2 py-1 text-ink">
        {value}
      </code>
      <span className="text-ink-dim">{note}</span>
    </div>
  );
}

/** The admin lists' table: a header row of column labels, then the rows the section renders. */
export function DataTable({ columns, children, small }: { columns: ReactNode[]; children: ReactNode; small?: boolean }) {
  return (
    <table className={`w-full text-left${small ? " text-sm" : ""}`}>
      <thead className={`${small ? "" : "text-sm "}uppercase text-ink-dim`}>
        <tr>
          {columns.map((c, i) => (
            <th key={i} className={i < columns.length - 1 ? "pr-3" : undefined}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
