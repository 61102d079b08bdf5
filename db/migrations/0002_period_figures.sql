CREATE TABLE "period_figures" (
	"kind" text NOT NULL,
	"period_start" date NOT NULL,
	"figure" text NOT NULL,
	"value" numeric NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "period_figures_pkey" PRIMARY KEY("kind","period_start","figure"),
	CONSTRAINT "period_figures_kind_check" CHECK ("period_figures"."kind" in ('day', 'week', 'month', 'quarter', 'year'))
);
