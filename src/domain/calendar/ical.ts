/**
 * An RFC 5545 writer for the calendar feed: just the VEVENT subset Tickler
 * needs, written by hand because the generator libraries format zoned times
 * with the host's clock. Lines end in CRLF and fold at 75 octets without
 * splitting a UTF-8 character; TEXT values are escaped (\\ \; \, \n).
 */
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { wallAt, type Wall } from "../time.ts";

/** "Some time that day": a due time of 23:59 in the user's zone is an all-day event (as in the web app). */
const ALL_DAY = { hour: 23, minute: 59 };
/** Timed tasks become events this long, so calendars draw a block rather than a line. */
export const EVENT_MINUTES = 30;

export interface FeedTask {
  id: number;
  title: string;
  description: string | null;
  due_at: string;
  priority: "none" | "low" | "medium" | "high";
  tags: string[];
  updated_at: string;
  /** An RFC 5545 RRULE value (no "RRULE:" prefix), or null for a one-off task. */
  rrule: string | null;
}

export interface FeedOptions {
  /** Globally unique part of every UID (the user's id): UIDs must not collide across feeds. */
  uidDomain: string;
  /** IANA zone the user thinks in: decides all-day events and how recurring events expand. */
  timeZone: string;
  name: string;
  /** Link back to the app for each event, if the public URL is known. */
  taskUrl?: (id: number) => string;
  now?: Date;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const utcStamp = (d: Date) =>
  `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
const dateValue = (w: Pick<Wall, "year" | "month" | "day">) => `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}`;
const localValue = (w: Wall) => `${dateValue(w)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
const nextDay = (w: Wall) => {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** TEXT escaping (RFC 5545 §3.3.11); other control characters are dropped. */
export function escapeText(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ""); // eslint-disable-line no-control-regex
}

const encoder = new TextEncoder();

/** Folds one content line into ≤75-octet pieces joined by CRLF + space (§3.1). */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let piece = "";
  let size = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    if (size + n > (out.length === 0 ? 75 : 74)) {
      out.push(piece);
      piece = "";
      size = 0;
    }
    piece += ch;
    size += n;
  }
  out.push(piece);
  return out.join("\r\n ");
}

/** An RRULE value is written raw: accept only what its grammar can contain, so nothing injects a line. */
const RRULE_VALUE = /^[A-Z0-9=;,:+-]+$/i;

const PRIORITY: Record<FeedTask["priority"], number | null> = { none: null, low: 9, medium: 5, high: 1 };

/** `tzid`: the zone recurring events are written in (null: UTC times). */
function eventLines(t: FeedTask, o: FeedOptions, tzid: string | null, stamp: string): string[] {
  const due = new Date(t.due_at);
  const wall = wallAt(due, o.timeZone);
  const allDay = wall.hour === ALL_DAY.hour && wall.minute === ALL_DAY.minute;
  const rrule = t.rrule && RRULE_VALUE.test(t.rrule) ? t.rrule.replace(/^RRULE:/i, "") : null;
  const zoned = tzid !== null && rrule !== null;
  const lines = ["BEGIN:VEVENT", `UID:task-${t.id}-${o.uidDomain}@tickler`, `DTSTAMP:${stamp}`];
  if (allDay) {
    lines.push(`DTSTART;VALUE=DATE:${dateValue(wall)}`, `DTEND;VALUE=DATE:${dateValue(nextDay(wall))}`);
  } else if (zoned) {
    // A recurring event expands in the user's zone, so 9:00 stays 9:00 across DST changes.
    const end = wallAt(new Date(due.getTime() + EVENT_MINUTES * 60_000), o.timeZone);
    lines.push(`DTSTART;TZID=${tzid}:${localValue(wall)}`, `DTEND;TZID=${tzid}:${localValue(end)}`);
  } else {
    lines.push(`DTSTART:${utcStamp(due)}`, `DTEND:${utcStamp(new Date(due.getTime() + EVENT_MINUTES * 60_000))}`);
  }
  if (rrule) lines.push(`RRULE:${rrule}`);
  lines.push(`SUMMARY:${escapeText(t.title)}`);
  if (t.description) lines.push(`DESCRIPTION:${escapeText(t.description)}`);
  if (t.tags.length > 0) lines.push(`CATEGORIES:${t.tags.map(escapeText).join(",")}`);
  const priority = PRIORITY[t.priority];
  if (priority !== null) lines.push(`PRIORITY:${priority}`);
  if (o.taskUrl) lines.push(`URL:${o.taskUrl(t.id)}`);
  lines.push(`LAST-MODIFIED:${utcStamp(new Date(t.updated_at))}`, "TRANSP:TRANSPARENT", "END:VEVENT");
  return lines;
}

/** The whole VCALENDAR document, CRLF line endings. */
export function buildCalendar(tasks: FeedTask[], options: FeedOptions): string {
  const stamp = utcStamp(options.now ?? new Date());
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Tickler//Tickler tasks//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${options.timeZone}`,
    // Hints for how often subscribers refetch (Apple, Google and Outlook read one or the other).
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
  ];
  const needsZone = options.timeZone !== "UTC" && tasks.some((t) => t.rrule);
  const vtimezone = needsZone ? getVtimezoneComponent(options.timeZone) : null;
  if (vtimezone) lines.push(...vtimezone.split(/\r?\n/).filter((l) => l.length > 0));
  // Without a VTIMEZONE for the zone, recurring events fall back to UTC times rather than an undefined TZID.
  const tzid = vtimezone ? options.timeZone : null;
  for (const t of tasks) lines.push(...eventLines(t, options, tzid, stamp));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
