-- Custom SQL migration file, put your code below! --
-- ===== hand-written (decision 027): keep when regenerating =====
-- What a task create needs under the user's locks, as one function, so that a create is one
-- statement (one round trip, no BEGIN/COMMIT) and the locks are held only while the server works,
-- never across round trips to the app. Takes the locks in the order every writer takes them
-- (the organiser row first, decision 008; then the task counter, then the row count), and reads the
-- siblings' last position after them: each statement of a plpgsql function sees what committed
-- before it ran, so a create that waited for another one's locks sees its row.
-- Returns the task's number, its list and its position (p_gap after the siblings' last); the caller inserts the row in the same
-- statement, so a failure anywhere rolls the counter back too (numbers are never skipped).
-- Refusals are errors with SQLSTATEs the app maps (src/domain/tasks/claim.ts):
--   TK001 the user has no Inbox yet (the app creates it, then retries in a transaction)
--   TK002 p_list is not one of the user's lists
--   TK003 the account has been deleted
--   TK004 the user's task cap (p_limit) is reached
CREATE FUNCTION "tickler_claim_task"(p_user text, p_list integer, p_section integer, p_parent integer, p_limit integer, p_gap bigint)
RETURNS TABLE ("new_id" integer, "new_list_id" integer, "new_position" bigint)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_n integer;
BEGIN
  INSERT INTO "list_counters" ("user_id") VALUES (p_user) ON CONFLICT DO NOTHING;
  PERFORM 1 FROM "list_counters" c WHERE c."user_id" = p_user FOR UPDATE;
  IF p_list IS NULL THEN
    SELECT l."id" INTO new_list_id FROM "lists" l WHERE l."user_id" = p_user AND l."is_inbox";
    IF NOT FOUND THEN RAISE EXCEPTION 'no Inbox yet' USING ERRCODE = 'TK001'; END IF;
  ELSE
    PERFORM 1 FROM "lists" l WHERE l."user_id" = p_user AND l."id" = p_list;
    IF NOT FOUND THEN RAISE EXCEPTION 'list not found' USING ERRCODE = 'TK002'; END IF;
    new_list_id := p_list;
  END IF;
  INSERT INTO "task_counters" AS c ("user_id", "last_id")
    SELECT p_user, 1 WHERE NOT EXISTS (SELECT 1 FROM "deleted_accounts" d WHERE d."user_id" = p_user)
    ON CONFLICT ("user_id") DO UPDATE SET "last_id" = c."last_id" + 1
    RETURNING c."last_id" INTO new_id;
  IF new_id IS NULL THEN RAISE EXCEPTION 'account deleted' USING ERRCODE = 'TK003'; END IF;
  INSERT INTO "row_counts" AS r ("user_id", "resource", "n") VALUES (p_user, 'tasks', 0)
    ON CONFLICT ("user_id", "resource") DO UPDATE SET "n" = r."n"
    RETURNING r."n" INTO v_n;
  IF v_n + 1 > p_limit THEN RAISE EXCEPTION 'task cap reached' USING ERRCODE = 'TK004'; END IF;
  -- The siblings' last position. Written per case so each uses an index and stops early (a max() over
  -- a filter, with the stale statistics of a table that is filling up, read every task of the list).
  IF p_parent IS NOT NULL THEN
    SELECT max(t."position") INTO new_position FROM "tasks" t
      WHERE t."user_id" = p_user AND t."parent_id" = p_parent AND t."list_id" = new_list_id
        AND t."section_id" IS NOT DISTINCT FROM p_section;
  ELSIF p_section IS NOT NULL THEN
    SELECT t."position" INTO new_position FROM "tasks" t
      WHERE t."user_id" = p_user AND t."list_id" = new_list_id AND t."section_id" = p_section AND t."parent_id" IS NULL
      ORDER BY t."position" DESC LIMIT 1;
  ELSE
    SELECT t."position" INTO new_position FROM "tasks" t
      WHERE t."user_id" = p_user AND t."list_id" = new_list_id AND t."section_id" IS NULL AND t."parent_id" IS NULL
      ORDER BY t."position" DESC LIMIT 1;
  END IF;
  new_position := coalesce(new_position, 0) + p_gap;
  RETURN NEXT;
END $$;
