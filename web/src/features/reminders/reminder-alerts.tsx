/**
 * Shows fired reminders while Tickler is open: a system notification when the
 * user allowed them (through the service worker when there is one, so its
 * Snooze actions work), an in-page card with Snooze buttons otherwise. Also
 * carries out a snooze the service worker asks for (it has no token).
 */
import { useCallback, useEffect, useState } from "react";
import type { ReminderEvent } from "#contracts/reminder.ts";
import { ApiError } from "../../lib/api-client.ts";
import { onReminder } from "../../lib/reminder-events.ts";
import { snoozeReminder, type SnoozeChoice } from "./reminders-api.ts";
import "../../styles/reminders.css";

const CHOICES: { choice: SnoozeChoice; label: string }[] = [
  { choice: "10m", label: "10 min" },
  { choice: "1h", label: "1 hour" },
  { choice: "tomorrow", label: "Tomorrow" },
];
const SNOOZE_CHOICES = new Set<string>(CHOICES.map((c) => c.choice));

export const notificationsGranted = () => typeof Notification !== "undefined" && Notification.permission === "granted";

const bodyOf = (r: ReminderEvent) =>
  r.late
    ? "Reminder (late: Tickler was offline at its time)"
    : r.due_at
      ? `Due ${new Date(r.due_at).toLocaleString()}`
      : "Reminder";

async function showSystemNotification(r: ReminderEvent): Promise<void> {
  const options = {
    body: bodyOf(r),
    tag: `reminder-${r.id}`,
    icon: "/icons/icon-192.png",
    data: { reminder: r, url: `/?task=${r.task_id}` },
  };
  const registration =
    "serviceWorker" in navigator && navigator.serviceWorker.controller ? await navigator.serviceWorker.ready : null;
  if (registration) {
    const actions = [
      { action: "snooze-10m", title: "Snooze 10 min" },
      { action: "snooze-1h", title: "Snooze 1 hour" },
    ];
    await registration.showNotification(r.title, { ...options, actions } as NotificationOptions);
  } else {
    const n = new Notification(r.title, options);
    n.onclick = () => window.focus();
  }
}

export function ReminderAlerts() {
  const [shown, setShown] = useState<ReminderEvent[]>([]);
  const [status, setStatus] = useState("");
  const dismiss = useCallback((id: string) => setShown((xs) => xs.filter((x) => x.id !== id)), []);

  const snooze = useCallback(
    async (id: string, choice: SnoozeChoice) => {
      try {
        await snoozeReminder(id, choice);
        dismiss(id);
        setStatus(
          `Snoozed until ${choice === "tomorrow" ? "tomorrow" : `in ${CHOICES.find((c) => c.choice === choice)!.label}`}.`,
        );
      } catch (err) {
        setStatus(err instanceof ApiError ? err.message : "Snooze failed. Try again.");
      }
    },
    [dismiss],
  );

  useEffect(
    () =>
      onReminder((r) => {
        if (notificationsGranted()) {
          showSystemNotification(r).catch(() => setShown((xs) => [...xs.filter((x) => x.id !== r.id), r]));
        } else {
          setShown((xs) => [...xs.filter((x) => x.id !== r.id), r].slice(-4));
        }
      }),
    [],
  );

  // Snooze asked for by a notification's action: a message from the service worker, or the URL it opened.
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const d = e.data as { type?: string; id?: string; choice?: string } | null;
      if (d?.type === "reminder-snooze" && d.id && d.choice && SNOOZE_CHOICES.has(d.choice))
        void snooze(d.id, d.choice as SnoozeChoice);
    };
    navigator.serviceWorker?.addEventListener("message", onMessage);
    const params = new URLSearchParams(location.search);
    const id = params.get("snooze_reminder");
    const choice = params.get("snooze");
    if (id && choice && SNOOZE_CHOICES.has(choice)) {
      params.delete("snooze_reminder");
      params.delete("snooze");
      history.replaceState(history.state, "", `${location.pathname}${params.size ? `?${params}` : ""}`);
      // After this render: the snooze's status updates are the answer's, not the effect's.
      void Promise.resolve().then(() => snooze(id, choice as SnoozeChoice));
    }
    return () => navigator.serviceWorker?.removeEventListener("message", onMessage);
  }, [snooze]);

  return (
    <div className="reminder-alerts" aria-live="assertive" data-testid="reminder-alerts">
      {shown.map((r) => (
        <section
          key={r.id}
          className="reminder-card"
          role="alert"
          aria-label={`Reminder: ${r.title}`}
          data-testid="reminder-card"
        >
          <div className="reminder-card-head">
            <BellIcon />
            <strong className="reminder-card-title">{r.title}</strong>
            <button
              type="button"
              className="reminder-card-close"
              aria-label="Dismiss reminder"
              onClick={() => dismiss(r.id)}
            >
              ×
            </button>
          </div>
          <p className="reminder-card-body">{bodyOf(r)}</p>
          <div className="reminder-card-actions" role="group" aria-label="Snooze">
            <span className="reminder-card-snooze">Snooze:</span>
            {CHOICES.map((c) => (
              <button
                key={c.choice}
                type="button"
                className="btn btn-small"
                onClick={() => void snooze(r.id, c.choice)}
              >
                {c.label}
              </button>
            ))}
          </div>
        </section>
      ))}
      <p className="sr-only" role="status" data-testid="reminder-status">
        {status}
      </p>
    </div>
  );
}

/** An inline bell (no emoji: not every system has a font for it). */
function BellIcon() {
  return (
    <svg
      className="reminder-card-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
