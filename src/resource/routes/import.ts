/**
 * `/api/{user_id}/import`: the file is the raw body (CSV or JSON, ≤ 2 MB).
 * `POST …/import/preview` tells what would be created and what cannot be
 * mapped, writing nothing; `POST …/import` writes it all or nothing. Each
 * counts as one write against the per-user limit, however many tasks it holds.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { IMPORT_BYTES_MAX, ImportQuery, ImportResult, ImportSummary } from "../../contracts/transfer.ts";
import type { Db } from "../../db/client.ts";
import type { RowLimits } from "../../domain/quotas.ts";
import { assertTimeZone } from "../../domain/time.ts";
import { previewImport, runImport, type ImportInput } from "../../domain/transfer/service.ts";
import { errorJson } from "../../http/errors.ts";
import { docs } from "../../http/openapi.ts";
import type { AuthEnv } from "../require-user.ts";
import { queryParams } from "../validate.ts";
import type { Context } from "hono";

export interface ImportRouteDeps {
  db: Db;
  rowLimits: RowLimits;
  onChange?: (userId: string) => void;
}

async function input(c: Context<AuthEnv>): Promise<ImportInput> {
  const { format, list, tz } = queryParams(c, ImportQuery);
  return { format, list, text: await c.req.text(), ctx: { now: new Date(), timeZone: assertTimeZone(tz ?? "UTC") } };
}

const doc = docs("Account");
const FILE = { query: ImportQuery, rawBody: ["text/csv", "application/json", "text/plain"], errors: [429] };

export function importRoutes({ db, rowLimits, onChange = () => {} }: ImportRouteDeps) {
  const app = new Hono<AuthEnv>();
  app.use(
    bodyLimit({
      maxSize: IMPORT_BYTES_MAX,
      onError: (c) => errorJson(c, 413, "payload_too_large", `an import file must be at most ${IMPORT_BYTES_MAX / 1024 / 1024} MB`),
    }),
  );
  app.post("/preview", doc({ summary: "What an import would create and what it cannot map (writes nothing)", ...FILE, responses: { 200: ImportSummary } }), async (c) => c.json(await previewImport(db, c.var.user.id, await input(c))));
  app.post("/", doc({ summary: "Import a file, all or nothing (≤ 2 MB; one write against the rate limit)", ...FILE, responses: { 201: ImportResult }, errors: [403, 429] }), async (c) => {
    const result = await runImport(db, c.var.user.id, await input(c), rowLimits);
    onChange(c.var.user.id);
    return c.json(result, 201);
  });
  return app;
}
