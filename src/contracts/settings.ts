/** The user's settings the server keeps (today: the time zone). */
import * as z from "zod";

/**
 * An IANA zone name Intl knows, kept as written (Intl would canonicalise
 * "Asia/Kolkata" to the legacy "Asia/Calcutta"); only the letter case of a
 * listed zone is fixed ("europe/berlin" → "Europe/Berlin").
 */
export const TimeZone = z
  .string()
  .trim()
  .min(1, "time zone must not be empty")
  .max(64, "time zone must be at most 64 characters")
  .transform((tz, ctx) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      const listed = [...Intl.supportedValuesOf("timeZone"), "UTC"].find((z) => z.toLowerCase() === tz.toLowerCase());
      return listed ?? tz;
    } catch {
      ctx.addIssue({ code: "custom", message: `unknown time zone: ${tz}` });
      return z.NEVER;
    }
  });

export const UserSettings = z.object({
  /** Used for "today", "tomorrow 9am" and recurrences whenever a request names no zone of its own. */
  time_zone: z.string(),
  /** False until the user (or the web app, from the browser) has set it: the zone is then the default, UTC. */
  time_zone_set: z.boolean(),
});
export type UserSettings = z.infer<typeof UserSettings>;

export const UserSettingsPatch = z.strictObject({ time_zone: TimeZone });
export type UserSettingsPatch = z.input<typeof UserSettingsPatch>;
