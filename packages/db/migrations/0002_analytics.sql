CREATE TABLE "customer_scores" (
	"tenant_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"p_alive" double precision,
	"p_alive_previous" double precision,
	"expected_visits_90" double precision,
	"expected_visits_365" double precision,
	"return_probability_90" double precision,
	"next_visit_from" date,
	"next_visit_to" date,
	"clv_1y" integer,
	"clv_1y_low" integer,
	"clv_1y_high" integer,
	"clv_3y" integer,
	"value_if_active" integer,
	"historical_revenue" integer NOT NULL,
	"historical_profit" integer NOT NULL,
	"visits" integer NOT NULL,
	"first_visit_on" date NOT NULL,
	"last_visit_on" date NOT NULL,
	"recency_score" smallint NOT NULL,
	"frequency_score" smallint NOT NULL,
	"segment" text NOT NULL,
	"at_risk_rank" integer,
	CONSTRAINT "customer_scores_tenant_id_run_id_customer_id_pk" PRIMARY KEY("tenant_id","run_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "model_runs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"status" text NOT NULL,
	"trigger" text NOT NULL,
	"requested_by" uuid,
	"nightly_date" date,
	"end_date" date,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error" text,
	"diagnostics" jsonb,
	"results" jsonb,
	CONSTRAINT "model_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "customer_scores" ADD CONSTRAINT "customer_scores_run_fk" FOREIGN KEY ("tenant_id","run_id") REFERENCES "public"."model_runs"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_scores" ADD CONSTRAINT "customer_scores_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_runs" ADD CONSTRAINT "model_runs_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_scores_at_risk_idx" ON "customer_scores" USING btree ("tenant_id","run_id","at_risk_rank") WHERE at_risk_rank is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "model_runs_nightly_key" ON "model_runs" USING btree ("tenant_id","nightly_date") WHERE nightly_date is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "model_runs_active_key" ON "model_runs" USING btree ("tenant_id") WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "model_runs_tenant_created_idx" ON "model_runs" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "model_runs_queue_idx" ON "model_runs" USING btree ("status","created_at") WHERE status in ('queued', 'running');