CREATE TABLE "agent_tails" (
	"agent_id" text PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"state" text NOT NULL,
	"queues" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agent_time" (
	"grain" char(1) NOT NULL,
	"level" smallint NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"agent" text NOT NULL,
	"queues" text NOT NULL,
	"available_ms" bigint DEFAULT 0 NOT NULL,
	"busy_ms" bigint DEFAULT 0 NOT NULL,
	"wrap_up_ms" bigint DEFAULT 0 NOT NULL,
	"paused_ms" bigint DEFAULT 0 NOT NULL,
	"staffed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "agent_time_pk" PRIMARY KEY("grain","level","bucket","agent","queues")
);
--> statement-breakpoint
CREATE TABLE "rollup_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"watermark" bigint NOT NULL,
	"time_zone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollups" (
	"grain" char(1) NOT NULL,
	"level" smallint NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"queue" text NOT NULL,
	"channel" text NOT NULL,
	"agent" text NOT NULL,
	"offered" bigint DEFAULT 0 NOT NULL,
	"answered" bigint DEFAULT 0 NOT NULL,
	"abandoned" bigint DEFAULT 0 NOT NULL,
	"short_abandoned" bigint DEFAULT 0 NOT NULL,
	"wait_ms" bigint DEFAULT 0 NOT NULL,
	"answered_in_sl" bigint DEFAULT 0 NOT NULL,
	"agent_contacts" bigint DEFAULT 0 NOT NULL,
	"inbound" bigint DEFAULT 0 NOT NULL,
	"outbound" bigint DEFAULT 0 NOT NULL,
	"async_offered" bigint DEFAULT 0 NOT NULL,
	"responded" bigint DEFAULT 0 NOT NULL,
	"response_ms" bigint DEFAULT 0 NOT NULL,
	"transferred" bigint DEFAULT 0 NOT NULL,
	"escalated" bigint DEFAULT 0 NOT NULL,
	"bot_escalated" bigint DEFAULT 0 NOT NULL,
	"self_served" bigint DEFAULT 0 NOT NULL,
	"outbound_abandoned" bigint DEFAULT 0 NOT NULL,
	"connected" bigint DEFAULT 0 NOT NULL,
	"not_connected" bigint DEFAULT 0 NOT NULL,
	"argued" bigint DEFAULT 0 NOT NULL,
	"agreed" bigint DEFAULT 0 NOT NULL,
	"sales" bigint DEFAULT 0 NOT NULL,
	"sales_cents" bigint DEFAULT 0 NOT NULL,
	"fcr_eligible" bigint DEFAULT 0 NOT NULL,
	"repeated" bigint DEFAULT 0 NOT NULL,
	"handled" bigint DEFAULT 0 NOT NULL,
	"handle_ms" bigint DEFAULT 0 NOT NULL,
	"talk_ms" bigint DEFAULT 0 NOT NULL,
	"hold_ms" bigint DEFAULT 0 NOT NULL,
	"acw_ms" bigint DEFAULT 0 NOT NULL,
	"resolved" bigint DEFAULT 0 NOT NULL,
	"resolved_flagged" bigint DEFAULT 0 NOT NULL,
	"resolved_first" bigint DEFAULT 0 NOT NULL,
	"resolution_timed" bigint DEFAULT 0 NOT NULL,
	"resolution_ms" bigint DEFAULT 0 NOT NULL,
	"cases_opened" bigint DEFAULT 0 NOT NULL,
	"cases_closed" bigint DEFAULT 0 NOT NULL,
	"cases_timed" bigint DEFAULT 0 NOT NULL,
	"case_ms" bigint DEFAULT 0 NOT NULL,
	"records_called" bigint DEFAULT 0 NOT NULL,
	"records_reached" bigint DEFAULT 0 NOT NULL,
	"records_treated" bigint DEFAULT 0 NOT NULL,
	"csat_answers" bigint DEFAULT 0 NOT NULL,
	"csat_positive" bigint DEFAULT 0 NOT NULL,
	"nps_answers" bigint DEFAULT 0 NOT NULL,
	"nps_promoters" bigint DEFAULT 0 NOT NULL,
	"nps_detractors" bigint DEFAULT 0 NOT NULL,
	"ces_answers" bigint DEFAULT 0 NOT NULL,
	"ces_easy" bigint DEFAULT 0 NOT NULL,
	"ces_difficult" bigint DEFAULT 0 NOT NULL,
	"ces_milli" bigint DEFAULT 0 NOT NULL,
	"enps_answers" bigint DEFAULT 0 NOT NULL,
	"enps_promoters" bigint DEFAULT 0 NOT NULL,
	"enps_detractors" bigint DEFAULT 0 NOT NULL,
	"wait_csat_answers" bigint DEFAULT 0 NOT NULL,
	"wait_csat_positive" bigint DEFAULT 0 NOT NULL,
	"self_service_csat_answers" bigint DEFAULT 0 NOT NULL,
	"self_service_csat_positive" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "rollups_pk" PRIMARY KEY("grain","level","bucket","queue","channel","agent")
);
--> statement-breakpoint
CREATE TABLE "waiting_contacts" (
	"contact_id" text PRIMARY KEY NOT NULL,
	"queue" text NOT NULL,
	"channel" text NOT NULL,
	"offered_at" timestamp (3) with time zone NOT NULL,
	"queued_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
-- The rollup maintainer's lookups (lib/rollups/load-batch.ts): a customer's other contacts, a case's contacts.
CREATE INDEX IF NOT EXISTS "events_customer_idx" ON "events" ((payload->>'customerId')) WHERE type = 'contact.offered';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "events_case_idx" ON "events" ((payload->>'caseId')) WHERE payload ? 'caseId';
