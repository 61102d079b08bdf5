CREATE TABLE "report_schedules" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"frequency" text NOT NULL,
	"time" text NOT NULL,
	"weekday" text,
	"destination_kind" text NOT NULL,
	"destination" text NOT NULL,
	"secret" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_run_at" timestamp (3) with time zone,
	"last_status" text,
	"last_error" text,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_schedules_frequency_check" CHECK ("report_schedules"."frequency" in ('daily', 'weekly')),
	CONSTRAINT "report_schedules_destination_check" CHECK ("report_schedules"."destination_kind" in ('folder', 'webhook')),
	CONSTRAINT "report_schedules_status_check" CHECK ("report_schedules"."last_status" is null or "report_schedules"."last_status" in ('running', 'ok', 'error'))
);
--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_schedules_enabled_idx" ON "report_schedules" USING btree ("enabled");