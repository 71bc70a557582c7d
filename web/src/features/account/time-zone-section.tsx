import { useEffect, useId, useMemo, useState, type FormEvent } from "react";
import { TimeZone } from "#contracts/settings.ts";
import { ApiError } from "../../lib/api-client.ts";
import { browserTimeZone, getSettings, setTimeZone } from "../../lib/settings-api.ts";
import { AccountSection } from "./account-section.tsx";

/** Every zone Intl lists, plus the ones it may leave out (UTC, the browser's own). */
function zoneOptions(current: string): string[] {
  const listed = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", browserTimeZone(), current, ...listed])].filter(Boolean).sort();
}

/** The zone "tomorrow 9am" and recurring tasks are read in when no browser is asking (assistant, MCP, reminders). */
export function TimeZoneSection() {
  const [saved, setSaved] = useState<string | null>(null);
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const listId = useId();
  useEffect(() => {
    const ac = new AbortController();
    getSettings(ac.signal)
      .then((s) => (setSaved(s.time_zone), setValue(s.time_zone)))
      .catch(() => setStatus({ tone: "error", text: "Couldn't load your time zone." }));
    return () => ac.abort();
  }, []);
  const options = useMemo(() => zoneOptions(saved ?? ""), [saved]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = TimeZone.safeParse(value);
    if (!parsed.success)
      return setStatus({ tone: "error", text: parsed.error.issues[0]?.message ?? "Unknown time zone." });
    setBusy(true);
    try {
      const s = await setTimeZone(parsed.data);
      setSaved(s.time_zone);
      setValue(s.time_zone);
      setStatus({ tone: "info", text: `Saved: ${s.time_zone}.` });
    } catch (err) {
      setStatus({ tone: "error", text: err instanceof ApiError ? err.message : "Saving failed. Try again." });
    } finally {
      setBusy(false);
    }
  }

  const browser = browserTimeZone();
  return (
    <AccountSection
      id="time-zone"
      title="Time zone"
      intro="Dates like “tomorrow 9am” and recurring tasks use this zone when you use the assistant, an MCP client or reminders."
    >
      <form className="time-zone-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="field">
          <label htmlFor="time-zone-input">Time zone</label>
          <input
            id="time-zone-input"
            list={listId}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            disabled={saved === null}
            data-testid="time-zone-input"
          />
          <datalist id={listId}>
            {options.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
        <div className="account-actions">
          <button
            type="submit"
            className="btn"
            disabled={busy || saved === null || value === saved}
            data-testid="time-zone-save"
          >
            {busy ? "Saving…" : "Save time zone"}
          </button>
          {saved !== null && browser !== saved && (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => setValue(browser)}
              data-testid="time-zone-use-browser"
            >
              Use this device’s ({browser})
            </button>
          )}
        </div>
      </form>
      <p
        className={`form-status${status?.tone === "error" ? " form-status-error" : ""}`}
        role="status"
        data-testid="time-zone-status"
      >
        {status?.text ?? ""}
      </p>
    </AccountSection>
  );
}
