/**
 * `/api/{user_id}/export`: everything Tickler stores for the caller, as a JSON
 * download. The profile comes from the verified token's claims, so the
 * resource server needs no user table (split mode).
 */
import { Hono } from "hono";
import type { Db } from "../../db/client.ts";
import { ExportQuery } from "../../contracts/transfer.ts";
import { exportAccount } from "../../domain/account/export.ts";
import { exportTasksCsv } from "../../domain/account/export-csv.ts";
import { AccountExport } from "../../contracts/rest.ts";
import { docs } from "../../http/openapi.ts";
import type { AuthEnv } from "../require-user.ts";
import { queryParams } from "../validate.ts";

export function accountRoutes({ db }: { db: Db }) {
  const app = new Hono<AuthEnv>();
  app.get("/", docs("Account")({ summary: "Everything stored for you, as a JSON download (`format=csv`: your tasks as CSV)", query: ExportQuery, responses: { 200: { schema: AccountExport, also: { "text/csv": null } } } }), async (c) => {
    const { id, email, name } = c.var.user;
    if (queryParams(c, ExportQuery).format === "csv") {
      c.header("content-disposition", `attachment; filename="tickler-tasks-${new Date().toISOString().slice(0, 10)}.csv"`);
      c.header("cache-control", "no-store");
      c.header("content-type", "text/csv; charset=utf-8");
      return c.body(await exportTasksCsv(db, id));
    }
    const data = await exportAccount(db, { id, email: email ?? null, name: name ?? null });
    c.header("content-disposition", `attachment; filename="tickler-export-${data.exported_at.slice(0, 10)}.json"`);
    c.header("cache-control", "no-store");
    return c.json(data);
  });
  return app;
}
