/**
 * Due dates in the user's local time. A due time of 23:59 means "some time that
 * day" and is shown without a time (a date picked without a time gets 23:59).
 */
export const ALL_DAY = "23:59";

const pad = (n: number) => String(n).padStart(2, "0");

export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** Local midnight at the start of the next day (the exclusive end of `d`'s day). */
export function startOfNextDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);
}

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** ISO (UTC) → values for <input type="date"> and <input type="time">. */
export function toLocalInputs(iso: string | null): { date: string; time: string } {
  if (!iso) return { date: "", time: "" };
  const d = new Date(iso);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: time === ALL_DAY ? "" : time,
  };
}

/** <input type="date"> + optional time → ISO with zone, or null when no date. */
export function fromLocalInputs(date: string, time: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [h, min] = (time || ALL_DAY).split(":").map(Number);
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h ?? 23, min ?? 59);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export type DueTone = "overdue" | "today" | "soon" | "later";

const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short" });
const yearFmt = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });
const timeFmt = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const fullFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" });

/** Short label and urgency of a due date, e.g. "Today 14:00" / "Tomorrow" / "Mon, 3 Dec". */
export function describeDue(iso: string, completed: boolean, now = new Date()): { label: string; tone: DueTone; full: string } {
  const due = new Date(iso);
  const dayDiff = Math.round((startOfDay(due).getTime() - startOfDay(now).getTime()) / 86_400_000);
  const hasTime = !(due.getHours() === 23 && due.getMinutes() === 59);
  let day: string;
  if (dayDiff === 0) day = "Today";
  else if (dayDiff === 1) day = "Tomorrow";
  else if (dayDiff === -1) day = "Yesterday";
  else if (due.getFullYear() === now.getFullYear()) day = dayFmt.format(due);
  else day = yearFmt.format(due);
  const label = hasTime ? `${day} ${timeFmt.format(due)}` : day;
  let tone: DueTone = "later";
  if (!completed && due.getTime() < now.getTime()) tone = "overdue";
  else if (dayDiff === 0) tone = "today";
  else if (dayDiff > 0 && dayDiff <= 2) tone = "soon";
  return { label, tone, full: fullFmt.format(due) };
}
