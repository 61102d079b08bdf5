import type { Database } from "../../db/client";
import { engineQueueConfig, listQueueSettings } from "../admin/queue-settings";
import type { Env } from "../env";
import type { EngineConfig } from "../metrics/engine";

/** The same configuration the live engine runs with, read fresh for a report. */
export async function reportConfig(database: Database, env: Env): Promise<EngineConfig> {
  return {
    timeZone: env.VIGIE_TIMEZONE,
    slSeconds: env.VIGIE_SL_SECONDS,
    repeatDays: env.VIGIE_FCR_DAYS,
    ...engineQueueConfig(await listQueueSettings(database.db)),
  };
}
