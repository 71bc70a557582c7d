/**
 * The offline model is stateless and must not read the host clock on its own
 * (tests and replays need a fixed "now"), so the server writes the current time
 * and the user's time zone into the system message and the model reads them back.
 */

export interface Clock {
  now: Date;
  timeZone: string;
}

/** One line for the system message, e.g. `Current time: 2026-11-28T10:00:00.000Z. User time zone: Europe/Paris.` */
export function formatClock(now: Date, timeZone: string): string {
  return `Current time: ${now.toISOString()}. User time zone: ${validTimeZone(timeZone) ?? "UTC"}.`;
}

const CLOCK_LINE =
  /Current time:\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))\.?(?:\s*User time zone:\s*([A-Za-z0-9_+\-/]+))?/;

/** Reads the clock line back; without one, falls back to the host clock and UTC. */
export function parseClock(system: string, fallbackNow: () => Date = () => new Date()): Clock {
  const m = CLOCK_LINE.exec(system);
  const parsed = m?.[1] ? new Date(m[1]) : undefined;
  const now = parsed && !Number.isNaN(parsed.getTime()) ? parsed : fallbackNow();
  const zone = m?.[2] ? validTimeZone(m[2].replace(/\.$/, "")) : undefined;
  return { now, timeZone: zone ?? "UTC" };
}

/** An IANA zone Intl accepts, or undefined (a bad zone must not crash the assistant). */
export function validTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
