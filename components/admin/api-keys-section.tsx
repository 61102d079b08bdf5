"use client";

import { useState, type FormEvent } from "react";
import { useFormatter, useTranslations } from "use-intl";
import type { ApiKeyInfo } from "@/lib/auth/api-keys";
import { API_KEY_ROLES } from "@/lib/auth/permissions";
import { buttonClass, ErrorNote, Field, inputClass, OnceSecret, Panel, quietButtonClass, DataTable } from "./ui";
import { splitQueues, useAdminRequest } from "./use-admin-request";

function KeyRow({ k }: { k: ApiKeyInfo }) {
  const t = useTranslations("Admin.keys");
  const tr = useTranslations("Roles");
  const format = useFormatter();
  const { send, error, pending } = useAdminRequest();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : "—");
  return (
    <tr data-testid={`key-row-${k.name}`} className="border-t border-panel-edge">
      <td className="py-2 pr-3 font-semibold">{k.name}</td>
      <td className="pr-3">
        <code>{k.prefix}…</code>
      </td>
      <td className="pr-3">{tr(k.role)}</td>
      <td className="pr-3">{k.queues.length ? k.queues.join(", ") : t("allQueues")}</td>
      <td className="pr-3">{when(k.createdAt)}</td>
      <td className="pr-3">{when(k.lastUsedAt)}</td>
      <td>
        {k.revokedAt ? (
          <span className="text-alert">{t("revokedAt", { at: when(k.revokedAt) })}</span>
        ) : (
          <button type="button" disabled={pending} onClick={() => send("DELETE", `/api/admin/api-keys/${encodeURIComponent(k.id)}`)} className={quietButtonClass}>
            {t("revoke")}
          </button>
        )}
        <ErrorNote error={error} />
      </td>
    </tr>
  );
}

export function ApiKeysSection({ keys }: { keys: ApiKeyInfo[] }) {
  const t = useTranslations("Admin.keys");
  const tr = useTranslations("Roles");
  const { send, error, pending } = useAdminRequest();
  const [created, setCreated] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const f = new FormData(formEl);
    setCreated(null);
    const res = await send<{ key: string }>("POST", "/api/admin/api-keys", {
      name: String(f.get("name") ?? ""),
      role: String(f.get("role") ?? ""),
      queues: splitQueues(String(f.get("queues") ?? "")),
    });
    if (res) {
      setCreated(res.key);
      formEl.reset();
    }
  };

  return (
    <Panel title={t("title")} testId="keys-section">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <Field label={t("name")}>
          <input name="name" required className={inputClass} />
        </Field>
        <Field label={t("role")}>
          <select name="role" defaultValue="supervisor" className={inputClass}>
            {API_KEY_ROLES.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("queues")}>
          <input name="queues" placeholder={t("allQueues")} className={inputClass} />
        </Field>
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("create")}
        </button>
      </form>
      <ErrorNote error={error} />
      {created && <OnceSecret label={t("newKey")} value={created} note={t("shownOnce")} testId="new-api-key" />}
      <DataTable columns={[t("name"), t("prefix"), t("role"), t("queues"), t("created"), t("lastUsed"), t("status")]}>
          {keys.map((k) => (
            <KeyRow key={k.id} k={k} />
          ))}
        </DataTable>
    </Panel>
  );
}
