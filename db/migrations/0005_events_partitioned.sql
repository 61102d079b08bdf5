-- Written by hand (drizzle-kit cannot express partitioning): `events` becomes
-- PARTITIONED BY RANGE (at), one partition per UTC month named events_pYYYY_MM
-- (db/partitions.ts creates the next ones on demand, lib/retention drops old
-- ones whole). A unique constraint must contain the partition key, so the
-- idempotency of ingest moves to `event_ids`. Rows, `seq` values (arrival
-- order) and the identity's position are carried over; works on an empty
-- database as on a populated one.
ALTER TABLE "events" RENAME TO "events_pre_0005";--> statement-breakpoint
ALTER TABLE "events_pre_0005" RENAME CONSTRAINT "events_pkey" TO "events_pre_0005_pkey";--> statement-breakpoint
ALTER INDEX "events_at_idx" RENAME TO "events_pre_0005_at_idx";--> statement-breakpoint
ALTER INDEX "events_contact_idx" RENAME TO "events_pre_0005_contact_idx";--> statement-breakpoint
ALTER INDEX "events_agent_at_idx" RENAME TO "events_pre_0005_agent_at_idx";--> statement-breakpoint
ALTER SEQUENCE "events_seq_seq" RENAME TO "events_pre_0005_seq_seq";--> statement-breakpoint
CREATE TABLE "events" (
	"id" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"contact_id" text,
	"agent_id" text,
	"queue" text,
	"channel" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL
) PARTITION BY RANGE ("at");--> statement-breakpoint
CREATE TABLE "event_ids" (
	"id" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL
);--> statement-breakpoint
-- One partition per month present, bounds written in UTC whatever the session's
-- time zone; the name follows db/partitions.ts, with a _bc suffix for the odd
-- event dated before year 1 that an earlier version accepted.
DO $$
DECLARE
  m timestamp;
BEGIN
  FOR m IN SELECT DISTINCT date_trunc('month', "at" AT TIME ZONE 'UTC') FROM "events_pre_0005" LOOP
    EXECUTE format(
      'CREATE TABLE %I PARTITION OF "events" FOR VALUES FROM (%L) TO (%L)',
      'events_p' || to_char(m, 'YYYY_MM') || CASE WHEN to_char(m, 'BC') = 'BC' THEN '_bc' ELSE '' END,
      to_char(m, 'YYYY-MM-DD HH24:MI:SS+00 BC'),
      to_char(m + interval '1 month', 'YYYY-MM-DD HH24:MI:SS+00 BC'));
  END LOOP;
END
$$;--> statement-breakpoint
INSERT INTO "events" ("id", "seq", "type", "at", "contact_id", "agent_id", "queue", "channel", "payload", "received_at")
OVERRIDING SYSTEM VALUE
SELECT "id", "seq", "type", "at", "contact_id", "agent_id", "queue", "channel", "payload", "received_at"
FROM "events_pre_0005" ORDER BY "seq";--> statement-breakpoint
INSERT INTO "event_ids" ("id", "at") SELECT "id", "at" FROM "events_pre_0005";--> statement-breakpoint
-- New events are numbered after the old ones, exactly where the old identity stood.
SELECT setval('"events_seq_seq"', "last_value", "is_called") FROM "events_pre_0005_seq_seq";--> statement-breakpoint
DROP TABLE "events_pre_0005";--> statement-breakpoint
-- Indexes after the copy: one build per index instead of row-by-row maintenance.
ALTER TABLE "event_ids" ADD CONSTRAINT "event_ids_pkey" PRIMARY KEY ("id");--> statement-breakpoint
CREATE INDEX "event_ids_at_idx" ON "event_ids" USING btree ("at");--> statement-breakpoint
CREATE INDEX "events_at_idx" ON "events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "events_contact_idx" ON "events" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "events_agent_at_idx" ON "events" USING btree ("agent_id","at");
