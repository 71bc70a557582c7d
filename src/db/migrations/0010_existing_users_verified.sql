-- Custom SQL migration file, put your code below! --
-- ===== hand-written (decision 021): keep when regenerating =====
-- Sign-in now needs a verified address. Accounts made before verification existed
-- have been signing in all along: they count as verified rather than locked out.
UPDATE "user" SET "email_verified" = true WHERE "email_verified" = false;
