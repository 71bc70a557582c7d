CREATE TABLE "task_completions" (
	"user_id" text NOT NULL,
	"task_id" integer NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "task_completions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"due_at" timestamp (3) with time zone,
	"previous_completed_at" timestamp (3) with time zone,
	"completed_at" timestamp (3) with time zone NOT NULL,
	"ended" boolean DEFAULT false NOT NULL,
	"reopened_subtask_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	CONSTRAINT "task_completions_user_id_task_id_seq_pk" PRIMARY KEY("user_id","task_id","seq")
);
--> statement-breakpoint
CREATE TABLE "user_settings" (
	"user_id" text PRIMARY KEY NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "recurrence_rule" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "recurrence_text" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "recurrence_from" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "completed_occurrences" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "last_completed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "task_completions" ADD CONSTRAINT "task_completions_task_fk" FOREIGN KEY ("user_id","task_id") REFERENCES "public"."tasks"("user_id","id") ON DELETE cascade ON UPDATE no action;