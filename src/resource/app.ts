/**
 * The resource server: every `/api/{user_id}/…` route, behind Bearer JWT
 * verification and the path-user check. Knows nothing of how tokens are issued.
 */
import { Hono } from "hono";
import type { Db } from "../db/client.ts";
import { pathUser } from "./path-user.ts";
import { requireUser, type AuthEnv } from "./require-user.ts";
import { taskRoutes } from "./routes/tasks.ts";
import type { TokenVerifier } from "./verify-jwt.ts";

export interface ResourceDeps {
  db: Db;
  verify: TokenVerifier;
  onTasksChanged?: (userId: string) => void;
}

export function resourceRoutes({ db, verify, onTasksChanged }: ResourceDeps) {
  const app = new Hono<AuthEnv>();
  const gate = [requireUser({ verify }), pathUser] as const;
  app.use("/api/:user_id/tasks", ...gate);
  app.use("/api/:user_id/tasks/*", ...gate);
  app.route("/api/:user_id/tasks", taskRoutes({ db, onChange: onTasksChanged }));
  return app;
}
