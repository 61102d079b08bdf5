import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { reportSchedules } from "../../../db/schema";
import type { Env } from "../../env";
import { csvChunks } from "../csv";
import { joinChunks } from "../export-chunks";
import { dayIn, presetRange } from "../presets";
import { reportConfig } from "../report-config";
import { reportQuerySchema } from "../report-query";
import { runReport } from "../run-report";
import { reportFileName, resolveUnder, signBody } from "./destination";
import { onlyOf, toInfo, type Row, type ScheduleInfo } from "./store";

/**
 * One run of a schedule: the report of its relative period seen from the day
 * it is due, as CSV (the same bytes as `GET /api/reports?format=csv`), written
 * to its folder (temp file + rename, so readers never see half a file) or
 * POSTed to its webhook (timeout, one retry). The outcome is recorded.
 */

export interface RunDeps {
  database: Database;
  env: Env;
  fetch?: typeof fetch;
  webhookTimeoutMs?: number;
  retryDelayMs?: number;
}

export interface RunOutcome {
  status: "ok" | "error";
  error: string | null;
  /** The file written or the URL posted to. */
  target: string | null;
}

/**
 * Takes the run due at `due` unless another run (this or another instance)
 * took it: one UPDATE whose condition is that the last run came before `due`.
 */
export async function claimRun(database: Database, id: string, due: number, now: number): Promise<Row | null> {
  const [row] = await database.db
    .update(reportSchedules)
    .set({ lastRunAt: new Date(now), lastStatus: "running", lastError: null })
    .where(
      and(
        eq(reportSchedules.id, id),
        eq(reportSchedules.enabled, true),
        sql`coalesce(${reportSchedules.lastRunAt}, ${reportSchedules.createdAt}) < ${new Date(due).toISOString()}::timestamptz`,
      ),
    )
    .returning();
  return row ?? null;
}

/** Marks a run started now ("run now" from the UI), whatever the calendar says. */
export async function startRunNow(database: Database, id: string, now: number): Promise<Row | null> {
  const [row] = await database.db
    .update(reportSchedules)
    .set({ lastRunAt: new Date(now), lastStatus: "running", lastError: null })
    .where(eq(reportSchedules.id, id))
    .returning();
  return row ?? null;
}

/** Computes and delivers the report of a claimed run, then records how it went. */
export async function executeRun(deps: RunDeps, row: Row, dueDay: string, now: number): Promise<RunOutcome> {
  const schedule = toInfo(row);
  let outcome: RunOutcome;
  try {
    const { csv, fileName } = await scheduleCsv(deps, schedule, onlyOf(row), dueDay, now);
    const target =
      schedule.destination.kind === "folder"
        ? await writeAtomically(deps.env.VIGIE_REPORTS_DIR, schedule.destination.path, fileName, csv)
        : await postWebhook(deps, schedule.destination.url, fileName, csv, row.secret, schedule.id);
    outcome = { status: "ok", error: null, target };
  } catch (e) {
    outcome = { status: "error", error: (e as Error).message.slice(0, 500), target: null };
  }
  await deps.database.db
    .update(reportSchedules)
    .set({ lastStatus: outcome.status, lastError: outcome.error })
    .where(eq(reportSchedules.id, row.id));
  return outcome;
}

/** The CSV of a schedule's report for the local day `day` (its period is relative to it). */
export async function scheduleCsv(
  deps: RunDeps,
  schedule: ScheduleInfo,
  only: { queues: readonly string[] | null },
  day: string,
  now: number,
): Promise<{ csv: string; fileName: string }> {
  const { preset, ...rest } = schedule.query;
  const range = presetRange(preset, day);
  const query = reportQuerySchema.parse({ ...range, ...rest, format: "csv" });
  const config = await reportConfig(deps.database, deps.env);
  const report = await runReport(deps.database, query, config, { queues: only.queues, agentId: null }, now);
  try {
    // Written in pieces, the server's other work running between them (a scheduled month by agent at 15 minutes
    // is hundreds of thousands of lines).
    return { csv: await joinChunks(csvChunks(report, query.lang)), fileName: reportFileName(schedule.name, range.from, range.to) };
  } finally {
    report.release();
  }
}

/** The local day a run started now belongs to. */
export const today = (now: number, tz: string) => dayIn(now, tz);

async function writeAtomically(root: string, sub: string, fileName: string, body: string): Promise<string> {
  const dir = resolveUnder(root, sub);
  await fs.mkdir(dir, { recursive: true });
  // A symbolic link inside the reports folder must not lead out of it.
  const [realRoot, realDir] = await Promise.all([fs.realpath(path.resolve(root)), fs.realpath(dir)]);
  if (realDir !== realRoot && !realDir.startsWith(realRoot + path.sep)) throw new Error("folder leaves the reports folder");
  const file = path.join(realDir, fileName);
  const temp = path.join(realDir, `.${fileName}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await fs.writeFile(temp, body, { flag: "wx" });
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  return file;
}

async function postWebhook(deps: RunDeps, url: string, fileName: string, body: string, secret: string, id: string): Promise<string> {
  const send = deps.fetch ?? fetch;
  const attempt = async () => {
    const res = await send(url, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(deps.webhookTimeoutMs ?? 10_000),
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "x-vigie-signature": signBody(body, secret),
        "x-vigie-schedule": id,
      },
    });
    await res.body?.cancel();
    if (res.status < 200 || res.status > 299) throw new Error(`webhook answered ${res.status}`);
  };
  try {
    await attempt();
  } catch {
    await new Promise((r) => setTimeout(r, deps.retryDelayMs ?? 2000));
    await attempt();
  }
  return url;
}
