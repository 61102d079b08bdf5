CREATE TABLE "rollup_strip_days" (
	"day" date PRIMARY KEY NOT NULL,
	"built" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_strips" (
	"day" date NOT NULL,
	"field" text NOT NULL,
	"queue" text NOT NULL,
	"channel" text NOT NULL,
	"vals" text NOT NULL,
	CONSTRAINT "rollup_strips_pk" PRIMARY KEY("day","field","queue","channel")
);
--> statement-breakpoint
-- Every UTC day that already has level 1 quarter-hours: stale until the rollup runner builds its strips.
INSERT INTO "rollup_strip_days" ("day", "built")
SELECT DISTINCT ("bucket" AT TIME ZONE 'UTC')::date, false FROM "rollups" WHERE "grain" = 'q' AND "level" = 1;
