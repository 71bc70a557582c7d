CREATE TABLE "revoked_sessions" (
	"sid" text PRIMARY KEY NOT NULL,
	"revoked_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "revoked_sessions_revoked_at_idx" ON "revoked_sessions" USING btree ("revoked_at");--> statement-breakpoint
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
