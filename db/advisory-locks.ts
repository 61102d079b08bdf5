/**
 * PostgreSQL advisory lock keys used by Vigie, in one place so they never
 * collide. (PGlite has one connection: there, statements never overlap.)
 */

/**
 * Held shared by every statement that inserts events (until its commit), and
 * briefly exclusive by the rollup maintainer to read the highest `seq`: once
 * it holds it, no insert is in flight, so every smaller `seq` is committed or
 * will never be (identity values are taken in order; a rolled-back or
 * conflicting insert leaves a gap that stays a gap).
 */
export const EVENTS_WRITE_LOCK = 0x76_69_67_02;
