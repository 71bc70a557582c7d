/**
 * Stand-in for `GET /api/{user_id}/tasks/occurrences` on the calendar branch:
 * the recurrence work owns the real route (same contract). Until both meet,
 * this validates the query and projects nothing, so the date views ask a
 * route that exists. At merge: delete this file and its line in ../app.ts.
 */
import { Hono } from "hono";
import { OccurrencePage, OccurrenceQuery } from "../../contracts/occurrences.ts";
import { docs } from "../../http/openapi.ts";
import type { AuthEnv } from "../require-user.ts";
import { queryParams } from "../validate.ts";

export function occurrencesStubRoutes() {
  const app = new Hono<AuthEnv>();
  app.get("/", docs("Tasks")({ summary: "Projected occurrences of recurring tasks in a window", query: OccurrenceQuery, responses: { 200: OccurrencePage } }), (c) => {
    queryParams(c, OccurrenceQuery);
    return c.json({ occurrences: [] } satisfies OccurrencePage);
  });
  return app;
}
