/**
 * "Calendar feed": a secret URL that calendar apps (Google, Apple, Outlook)
 * subscribe to, showing due tasks as events. The server keeps only a hash, so
 * the URL is shown once, right after it is made; replacing or turning it off
 * stops the old URL at once.
 */
import { useEffect, useRef, useState } from "react";
import type { CalendarFeedStatus } from "#contracts/calendar-feed.ts";
import { ApiError } from "../../lib/api-client.ts";
import { api } from "../../lib/api.ts";
import { endpoints } from "../../lib/endpoints.ts";
import { AccountSection } from "../account/account-section.tsx";
import { formatDateTime } from "../account/format-date.ts";

type Note = { tone: "error" | "info"; text: string } | null;
const reason = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);

export function CalendarFeedSection() {
  const [status, setStatus] = useState<CalendarFeedStatus | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const urlRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    api(endpoints.calendarFeedStatus).then(setStatus, (err: unknown) =>
      setNote({ tone: "error", text: reason(err, "Couldn't load your calendar feed.") }),
    );
  }, []);

  async function make() {
    setBusy(true);
    setNote(null);
    try {
      const created = await api(endpoints.createCalendarFeed);
      setUrl(created.url);
      setStatus({ active: true, created_at: created.created_at });
      requestAnimationFrame(() => urlRef.current?.select());
    } catch (err) {
      setNote({ tone: "error", text: reason(err, "Couldn't make a feed URL. Try again.") });
    } finally {
      setBusy(false);
    }
  }

  async function revoke() {
    setBusy(true);
    setNote(null);
    try {
      await api(endpoints.revokeCalendarFeed);
      setUrl(null);
      setStatus({ active: false, created_at: null });
      setNote({ tone: "info", text: "The feed is off. Calendars subscribed to it stop updating." });
    } catch (err) {
      setNote({ tone: "error", text: reason(err, "Couldn't turn the feed off. Try again.") });
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setNote({ tone: "info", text: "Copied. Paste it into your calendar app's “subscribe by URL”." });
    } catch {
      urlRef.current?.select();
      setNote({ tone: "info", text: "Select the URL and copy it (Ctrl+C)." });
    }
  }

  return (
    <AccountSection
      id="calendar-feed"
      title="Calendar feed"
      intro="Subscribe from Google Calendar, Apple Calendar or Outlook to see your due tasks there."
    >
      {status?.active && !url && (
        <p className="muted" data-testid="feed-active">
          A feed URL is active{status.created_at ? ` (made ${formatDateTime(status.created_at)})` : ""}. For your safety
          it is shown only once; make a new one if you need it again.
        </p>
      )}
      {url && (
        <div className="feed-url" data-testid="feed-url-box">
          <label htmlFor="feed-url">Your secret feed URL (shown once; anyone with it can read your due tasks)</label>
          <div className="feed-url-row">
            <input
              id="feed-url"
              ref={urlRef}
              readOnly
              value={url}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="feed-url"
            />
            <button type="button" className="btn btn-primary" onClick={() => void copy()} data-testid="feed-copy">
              Copy
            </button>
          </div>
        </div>
      )}
      {note && (
        <p
          className={note.tone === "error" ? "form-error" : "muted"}
          role={note.tone === "error" ? "alert" : "status"}
          data-testid="feed-note"
        >
          {note.text}
        </p>
      )}
      <div className="calendar-feed-actions">
        <button
          type="button"
          className="btn"
          onClick={() => void make()}
          disabled={busy || !status}
          data-testid="feed-make"
        >
          {status?.active ? "Replace URL" : "Make a feed URL"}
        </button>
        {status?.active && (
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => void revoke()}
            disabled={busy}
            data-testid="feed-revoke"
          >
            Turn off
          </button>
        )}
      </div>
    </AccountSection>
  );
}
