"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { ROLES, type Role } from "@/lib/auth/permissions";
import type { UserInfo } from "@/lib/auth/users";
import { buttonClass, ErrorNote, Field, inputClass, Panel, quietButtonClass, DataTable } from "./ui";
import { splitQueues, useAdminRequest } from "./use-admin-request";

function CreateUserForm() {
  const t = useTranslations("Admin.users");
  const tr = useTranslations("Roles");
  const { send, error, pending } = useAdminRequest();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const f = new FormData(formEl);
    const agentId = String(f.get("agentId") ?? "").trim();
    const created = await send("POST", "/api/admin/users", {
      email: String(f.get("email") ?? ""),
      name: String(f.get("name") ?? ""),
      password: String(f.get("password") ?? ""),
      role: String(f.get("role") ?? "agent"),
      queues: splitQueues(String(f.get("queues") ?? "")),
      agentId: agentId === "" ? null : agentId,
    });
    if (created) formEl.reset();
  };

  return (
    <form onSubmit={submit} data-testid="create-user" className="flex flex-wrap items-end gap-3">
      <Field label={t("email")}>
        <input name="email" type="email" required autoComplete="off" className={inputClass} />
      </Field>
      <Field label={t("name")}>
        <input name="name" required className={inputClass} />
      </Field>
      <Field label={t("password")}>
        <input name="password" type="password" required minLength={12} autoComplete="new-password" className={inputClass} />
      </Field>
      <Field label={t("role")}>
        <select name="role" defaultValue="agent" className={inputClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("queues")}>
        <input name="queues" placeholder={t("queuesHint")} className={inputClass} />
      </Field>
      <Field label={t("agentId")}>
        <input name="agentId" className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className={buttonClass}>
        {t("create")}
      </button>
      <div className="basis-full">
        <ErrorNote error={error} />
      </div>
    </form>
  );
}

function UserRow({ user, self }: { user: UserInfo; self: boolean }) {
  const t = useTranslations("Admin.users");
  const tr = useTranslations("Roles");
  const { send, error, pending } = useAdminRequest();
  const [role, setRole] = useState<Role>(user.role);
  const [queues, setQueues] = useState(user.queues.join(", "));
  const [agentId, setAgentId] = useState(user.agentId ?? "");
  const [password, setPassword] = useState("");
  const base = `/api/admin/users/${encodeURIComponent(user.id)}`;

  const save = () =>
    send("PATCH", base, { role, queues: splitQueues(queues), agentId: agentId.trim() === "" ? null : agentId.trim() });
  const toggle = () => send("PUT", `${base}/disabled`, { disabled: !user.disabled });
  const setPw = async () => {
    if ((await send("PUT", `${base}/password`, { password })) !== null) setPassword("");
  };

  return (
    <tr data-testid={`user-row-${user.email}`} data-disabled={user.disabled} className="border-t border-panel-edge align-top">
      <td className="py-2 pr-3">
        <div className="font-semibold">{user.name}</div>
        <div className="text-sm text-ink-dim">{user.email}</div>
        {user.disabled && <div className="text-sm font-semibold text-alert">{t("disabled")}</div>}
      </td>
      <td className="py-2 pr-3">
        <select aria-label={t("role")} value={role} disabled={self} onChange={(e) => setRole(e.target.value as Role)} className={inputClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
      </td>
      <td className="py-2 pr-3">
        <input aria-label={t("queues")} value={queues} placeholder={t("allQueues")} onChange={(e) => setQueues(e.target.value)} className={inputClass} />
      </td>
      <td className="py-2 pr-3">
        <input aria-label={t("agentId")} value={agentId} onChange={(e) => setAgentId(e.target.value)} className={`${inputClass} w-32`} />
      </td>
      <td className="py-2">
        <div className="flex flex-wrap gap-2">
          <button type="button" disabled={pending} onClick={save} className={buttonClass}>
            {t("save")}
          </button>
          {!self && (
            <button type="button" data-testid="toggle-disabled" disabled={pending} onClick={toggle} className={quietButtonClass}>
              {user.disabled ? t("enable") : t("disable")}
            </button>
          )}
          <input
            type="password"
            aria-label={t("newPassword")}
            placeholder={t("newPassword")}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={`${inputClass} w-40`}
          />
          <button type="button" disabled={pending || password.length === 0} onClick={setPw} className={quietButtonClass}>
            {t("setPassword")}
          </button>
        </div>
        <ErrorNote error={error} />
      </td>
    </tr>
  );
}

export function UsersSection({ users, selfId }: { users: UserInfo[]; selfId: string }) {
  const t = useTranslations("Admin.users");
  return (
    <Panel title={t("title")} testId="users-section">
      <CreateUserForm />
      <DataTable columns={[t("user"), t("role"), t("queues"), t("agentId"), t("actions")]}>
          {users.map((u) => (
            <UserRow key={`${u.id}:${u.updatedAt.valueOf()}`} user={u} self={u.id === selfId} />
          ))}
        </DataTable>
    </Panel>
  );
}
