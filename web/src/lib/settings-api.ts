/** `/api/me/settings`: the time zone the server reads dates in when a request names none. */
import type { UserSettings } from "#contracts/settings.ts";
import { api } from "./api.ts";
import { endpoints } from "./endpoints.ts";

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function getSettings(signal?: AbortSignal): Promise<UserSettings> {
  return api(endpoints.settings, { signal });
}

export function setTimeZone(time_zone: string): Promise<UserSettings> {
  return api(endpoints.patchSettings, { body: { time_zone } });
}

/**
 * Once per page load: an account whose zone was never set (a new sign-up, or one
 * made before zones existed) takes the browser's, so reminders and recurring
 * tasks mean the user's "9am" even when no tab is open.
 */
let adopted: Promise<void> | null = null;
export function adoptBrowserTimeZone(): Promise<void> {
  adopted ??= getSettings()
    .then(async (s) => {
      if (!s.time_zone_set) await setTimeZone(browserTimeZone());
    })
    .catch(() => {
      adopted = null; // offline or signed out: try again next time
    });
  return adopted;
}
