/**
 * The auth secret encrypts the issuer's private keys, so it must live as long as
 * the database. In development it is generated once and kept in DATA_DIR.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config/env.ts";
import type { Logger } from "../http/logger.ts";

export function resolveAuthSecret(config: Config, logger: Logger): string {
  if (config.BETTER_AUTH_SECRET) return config.BETTER_AUTH_SECRET;
  if (config.DATA_DIR.startsWith("memory://")) {
    logger.warn("no BETTER_AUTH_SECRET and an in-memory database: using a throwaway secret");
    return randomBytes(32).toString("base64url");
  }
  const file = join(config.DATA_DIR, "auth-secret");
  if (existsSync(file)) {
    logger.info("using the development auth secret stored in DATA_DIR", { file });
    return readFileSync(file, "utf8").trim();
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  logger.info("generated a development auth secret and stored it in DATA_DIR (set BETTER_AUTH_SECRET in production)", { file });
  return secret;
}
