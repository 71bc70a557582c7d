CREATE TABLE "data_versions" (
	"user_id" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "search_title" text GENERATED ALWAYS AS (tickler_fold(title)) STORED;--> statement-breakpoint
-- Hand-written (drizzle cannot express triggers; keep when regenerating): every statement that changes
-- a user's tasks, lists or sections bumps that user's data_versions row once, whatever code path runs
-- it (cascades and account deletion included). ETags are derived from it (decision 023).
-- Statement-level with transition tables: a bulk edit of 500 tasks bumps the version once.
CREATE FUNCTION "data_versions_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "data_versions" ("user_id", "version")
    SELECT DISTINCT "user_id", 1 FROM "changed_rows"
    ON CONFLICT ("user_id") DO UPDATE SET "version" = "data_versions"."version" + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "tasks_version_insert" AFTER INSERT ON "tasks" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "tasks_version_update" AFTER UPDATE ON "tasks" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "tasks_version_delete" AFTER DELETE ON "tasks" REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "lists_version_insert" AFTER INSERT ON "lists" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "lists_version_update" AFTER UPDATE ON "lists" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "lists_version_delete" AFTER DELETE ON "lists" REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "sections_version_insert" AFTER INSERT ON "sections" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "sections_version_update" AFTER UPDATE ON "sections" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "sections_version_delete" AFTER DELETE ON "sections" REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
-- Reminders are part of a task's answer (their state and fire time), so they bump the version too.
CREATE TRIGGER "reminders_version_insert" AFTER INSERT ON "reminders" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "reminders_version_update" AFTER UPDATE ON "reminders" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
--> statement-breakpoint
CREATE TRIGGER "reminders_version_delete" AFTER DELETE ON "reminders" REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "data_versions_bump"();
