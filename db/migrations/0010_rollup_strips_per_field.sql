-- Strips become one row per (day, field), every (queue, channel) inside. They are a copy of the rollups:
-- the old rows are dropped and every day is marked stale, rebuilt by the rollup runner in the background
-- (reports read the quarter-hours of a day until then).
TRUNCATE "rollup_strips";--> statement-breakpoint
ALTER TABLE "rollup_strips" DROP CONSTRAINT "rollup_strips_pk";--> statement-breakpoint
ALTER TABLE "rollup_strips" DROP COLUMN "queue";--> statement-breakpoint
ALTER TABLE "rollup_strips" DROP COLUMN "channel";--> statement-breakpoint
ALTER TABLE "rollup_strips" ADD CONSTRAINT "rollup_strips_pk" PRIMARY KEY("day","field");--> statement-breakpoint
-- A day's field holds every queue (kilobytes): kept uncompressed, read without decompressing.
ALTER TABLE "rollup_strips" ALTER COLUMN "vals" SET STORAGE EXTERNAL;--> statement-breakpoint
UPDATE "rollup_strip_days" SET "built" = false WHERE "built";
