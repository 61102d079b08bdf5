CREATE TABLE "wallboards" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "alert_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"rule_id" text NOT NULL,
	"rule_name" text NOT NULL,
	"scope" text NOT NULL,
	"subject" text,
	"fired_at" timestamp (3) with time zone NOT NULL,
	"cleared_at" timestamp (3) with time zone,
	"value_at_fire" double precision,
	"peak_value" double precision,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"metric" text NOT NULL,
	"scope" text NOT NULL,
	"window" text DEFAULT 'today' NOT NULL,
	"comparator" text NOT NULL,
	"threshold" double precision NOT NULL,
	"for_seconds" integer DEFAULT 0 NOT NULL,
	"severity" text DEFAULT 'warning' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_rules_comparator_check" CHECK ("alert_rules"."comparator" in ('<', '<=', '>', '>=')),
	CONSTRAINT "alert_rules_severity_check" CHECK ("alert_rules"."severity" in ('warning', 'critical')),
	CONSTRAINT "alert_rules_for_check" CHECK ("alert_rules"."for_seconds" between 0 and 86400)
);
--> statement-breakpoint
ALTER TABLE "wallboards" ADD CONSTRAINT "wallboards_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_events_fired_idx" ON "alert_events" USING btree ("fired_at");--> statement-breakpoint
CREATE INDEX "alert_events_open_idx" ON "alert_events" USING btree ("rule_id","cleared_at");