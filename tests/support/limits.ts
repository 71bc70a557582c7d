/**
 * Rate limits are on in every environment. Test servers start with these
 * raised limits so suites that sign up many users or write in bulk are not
 * throttled; rate-limit tests pass their own (lower) values, which win.
 */
export const RAISED_LIMITS: Record<string, string> = {
  RATE_LIMIT_WRITES_PER_MINUTE: "1000000",
  RATE_LIMIT_CHAT_PER_MINUTE: "1000000",
  RATE_LIMIT_FEED_PER_MINUTE: "1000000",
  RATE_LIMIT_AUTH_PER_IP: "1000000",
  RATE_LIMIT_AUTH_PER_EMAIL: "1000000",
  RATE_LIMIT_AUTH_PER_EMAIL_IP: "1000000",
  RATE_LIMIT_AUTH_OTHER_PER_MINUTE: "1000000",
  RATE_LIMIT_OAUTH_REGISTER_PER_IP: "1000000",
};
