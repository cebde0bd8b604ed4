CREATE TABLE "journey_enrollments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"customer_id" uuid NOT NULL,
	"arm" text NOT NULL,
	"entry_key" text NOT NULL,
	"status" text NOT NULL,
	"step_id" text,
	"wake_at" timestamp with time zone,
	"entered_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"visited_step_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lease_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_enrollments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "journey_scan_cursors" (
	"tenant_id" uuid NOT NULL,
	"last_visit_created_at" timestamp with time zone,
	"last_visit_id" uuid,
	"last_daily_scan_on" date,
	"lease_until" timestamp with time zone,
	CONSTRAINT "journey_scan_cursors_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
CREATE TABLE "journey_segment_members" (
	"tenant_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	CONSTRAINT "journey_segment_members_tenant_id_journey_id_customer_id_pk" PRIMARY KEY("tenant_id","journey_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "journey_versions" (
	"tenant_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "journey_versions_tenant_id_journey_id_version_pk" PRIMARY KEY("tenant_id","journey_id","version")
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version" integer NOT NULL,
	"campaign_id" uuid NOT NULL,
	"preset_key" text,
	"segment_snapshot_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "journeys_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "staff_notifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"journey_id" uuid,
	"source_key" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "staff_notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "journey_enrollments" ADD CONSTRAINT "journey_enrollments_version_fk" FOREIGN KEY ("tenant_id","journey_id","version") REFERENCES "public"."journey_versions"("tenant_id","journey_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_enrollments" ADD CONSTRAINT "journey_enrollments_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_scan_cursors" ADD CONSTRAINT "journey_scan_cursors_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_segment_members" ADD CONSTRAINT "journey_segment_members_journey_fk" FOREIGN KEY ("tenant_id","journey_id") REFERENCES "public"."journeys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_segment_members" ADD CONSTRAINT "journey_segment_members_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_versions" ADD CONSTRAINT "journey_versions_journey_fk" FOREIGN KEY ("tenant_id","journey_id") REFERENCES "public"."journeys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_versions" ADD CONSTRAINT "journey_versions_created_by_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_campaign_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_created_by_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_updated_by_fk" FOREIGN KEY ("tenant_id","updated_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_journey_fk" FOREIGN KEY ("tenant_id","journey_id") REFERENCES "public"."journeys"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "journey_enrollments_entry_key" ON "journey_enrollments" USING btree ("tenant_id","journey_id","customer_id","entry_key");--> statement-breakpoint
CREATE INDEX "journey_enrollments_customer_idx" ON "journey_enrollments" USING btree ("tenant_id","journey_id","customer_id","entered_at");--> statement-breakpoint
CREATE INDEX "journey_enrollments_due_idx" ON "journey_enrollments" USING btree ("wake_at") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "journeys_status_idx" ON "journeys" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_notifications_source_key" ON "staff_notifications" USING btree ("tenant_id","source_key");--> statement-breakpoint
CREATE INDEX "staff_notifications_created_idx" ON "staff_notifications" USING btree ("tenant_id","created_at");