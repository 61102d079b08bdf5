-- Strips now also hold agent time and staffed agents per queue (lib/rollups/strips.ts). Reports read a
-- built day's agent time from its strips: every day is made stale and its strips dropped, rebuilt by the
-- rollup runner in the background (reports read the quarter-hours of a day until then).
DELETE FROM "rollup_strips";--> statement-breakpoint
UPDATE "rollup_strip_days" SET "built" = false WHERE "built";
