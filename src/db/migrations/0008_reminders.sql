CREATE TABLE "push_subscriptions" (
	"endpoint" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_settings" (
	"user_id" text PRIMARY KEY NOT NULL,
	"email" boolean DEFAULT false NOT NULL,
	"email_address" text
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"task_id" integer NOT NULL,
	"at" timestamp (3) with time zone,
	"before_minutes" integer,
	"fire_at" timestamp (3) with time zone,
	"state" text DEFAULT 'pending' NOT NULL,
	"fired_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vapid_keys" (
	"id" smallint PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_task_fk" FOREIGN KEY ("user_id","task_id") REFERENCES "public"."tasks"("user_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "push_subscriptions_user_idx" ON "push_subscriptions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reminders_task_idx" ON "reminders" USING btree ("user_id","task_id");--> statement-breakpoint
CREATE INDEX "reminders_due_idx" ON "reminders" USING btree ("fire_at") WHERE state = 'pending' and fire_at is not null;--> statement-breakpoint
-- ===== Hand-written (keep when regenerating) =====
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_one_kind" CHECK (("at" IS NULL) <> ("before_minutes" IS NULL));--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_state" CHECK ("state" IN ('pending', 'sent', 'late', 'missed', 'skipped'));
