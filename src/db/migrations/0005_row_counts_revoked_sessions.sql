CREATE TABLE "row_counts" (
	"user_id" text NOT NULL,
	"resource" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "row_counts_user_id_resource_pk" PRIMARY KEY("user_id","resource")
);
--> statement-breakpoint
CREATE TABLE "revoked_sessions" (
	"sid" text PRIMARY KEY NOT NULL,
	"revoked_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "revoked_sessions_revoked_at_idx" ON "revoked_sessions" USING btree ("revoked_at");--> statement-breakpoint
-- Hand-written (drizzle cannot express triggers): keep row_counts exact on every insert and delete.
-- Statement-level with transition tables, so a bulk delete of 100,000 rows updates each user's count once.
CREATE FUNCTION "row_counts_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "row_counts" ("user_id", "resource", "n")
    SELECT "user_id", TG_ARGV[0], count(*) FROM "changed_rows" GROUP BY "user_id"
    ON CONFLICT ("user_id", "resource") DO UPDATE SET "n" = "row_counts"."n" + excluded."n";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "row_counts_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "row_counts" r SET "n" = greatest(r."n" - d."c", 0)
    FROM (SELECT "user_id", count(*) AS "c" FROM "changed_rows" GROUP BY "user_id") d
    WHERE r."user_id" = d."user_id" AND r."resource" = TG_ARGV[0];
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "tasks_count_insert" AFTER INSERT ON "tasks" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "row_counts_add"('tasks');
--> statement-breakpoint
CREATE TRIGGER "tasks_count_delete" AFTER DELETE ON "tasks" REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "row_counts_remove"('tasks');
--> statement-breakpoint
CREATE TRIGGER "conversations_count_insert" AFTER INSERT ON "conversations" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "row_counts_add"('conversations');
--> statement-breakpoint
CREATE TRIGGER "conversations_count_delete" AFTER DELETE ON "conversations" REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "row_counts_remove"('conversations');
--> statement-breakpoint
CREATE TRIGGER "messages_count_insert" AFTER INSERT ON "messages" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "row_counts_add"('messages');
--> statement-breakpoint
CREATE TRIGGER "messages_count_delete" AFTER DELETE ON "messages" REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "row_counts_remove"('messages');
--> statement-breakpoint
-- Existing rows.
INSERT INTO "row_counts" ("user_id", "resource", "n")
  SELECT "user_id", 'tasks', count(*) FROM "tasks" GROUP BY "user_id"
  UNION ALL SELECT "user_id", 'conversations', count(*) FROM "conversations" GROUP BY "user_id"
  UNION ALL SELECT "user_id", 'messages', count(*) FROM "messages" GROUP BY "user_id";
--> statement-breakpoint
-- Hand-written (drizzle cannot express triggers): every way a session ends deletes its row — sign-out,
-- revoke one/others/all, password change, account deletion (cascade), expiry clean-up — so the trigger
-- catches them all, and NOTIFY (sent on commit, in commit order) tells every replica's verifier.
CREATE FUNCTION "revoke_session"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "revoked_sessions" ("sid") VALUES (OLD."id") ON CONFLICT ("sid") DO NOTHING;
  PERFORM pg_notify('tickler_revocations', 'r:' || OLD."id");
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "session_revoke" AFTER DELETE ON "session" FOR EACH ROW EXECUTE FUNCTION "revoke_session"();
