/** The account page's calendar feed: whether one exists, and the URL shown once when it is (re)made. */
import * as z from "zod";

export const CalendarFeedStatus = z.object({
  active: z.boolean(),
  created_at: z.string().nullable(),
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;

/** Answer to POST …/calendar-feed: the only time the secret URL is ever sent. */
export const CalendarFeedCreated = z.object({
  active: z.literal(true),
  created_at: z.string(),
  url: z.string(),
});
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;
