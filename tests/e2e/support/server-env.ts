/**
 * Server settings for browser tests: every test signs in from 127.0.0.1 and the
 * bench seeds thousands of tasks, so the per-IP auth and per-user write limits are
 * raised well above what these flows use (limits have their own API tests).
 */
export const E2E_SERVER_ENV: Record<string, string> = {
  RATE_LIMIT_WRITES_PER_MINUTE: "100000",
  RATE_LIMIT_AUTH_PER_IP: "10000",
  RATE_LIMIT_AUTH_PER_EMAIL: "10000",
  RATE_LIMIT_AUTH_OTHER_PER_MINUTE: "100000",
};
