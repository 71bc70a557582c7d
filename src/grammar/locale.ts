/** Which way round a locale writes numeric dates, read from Intl: "en-US" → mdy, "en-GB"/"de" → dmy. */
import type { DateOrder } from "./types.ts";

export function dateOrderFor(locale: string | undefined): DateOrder {
  try {
    const parts = new Intl.DateTimeFormat(locale, { day: "numeric", month: "numeric", year: "numeric", timeZone: "UTC" }).formatToParts(Date.UTC(2026, 11, 5));
    const month = parts.findIndex((p) => p.type === "month");
    const day = parts.findIndex((p) => p.type === "day");
    return day >= 0 && month >= 0 && day < month ? "dmy" : "mdy";
  } catch {
    return "mdy";
  }
}
