/**
 * Account page: how reminders reach you. Browser notifications (asks for the
 * permission, then subscribes this browser to Web Push for when no tab is
 * open) and, when the server can send email, an email opt-in.
 */
import { useEffect, useState } from "react";
import type { ReminderSettingsView } from "#contracts/reminder.ts";
import { ApiError } from "../../lib/api-client.ts";
import { AccountSection } from "../account/account-section.tsx";
import { pushActive, subscribeToPush, unsubscribeFromPush } from "./push-subscribe.ts";
import { getReminderSettings, setEmailReminders } from "./reminders-api.ts";
import "../../styles/reminders.css";

type Permission = NotificationPermission | "unsupported";
const currentPermission = (): Permission =>
  typeof Notification === "undefined" ? "unsupported" : Notification.permission;

const PERMISSION_TEXT: Record<Permission, string> = {
  granted: "Notifications are on for this browser.",
  denied:
    "Notifications are blocked for this site. Allow them in the browser's site settings; until then reminders show inside Tickler.",
  default: "Reminders show inside Tickler while it is open. Turn on notifications to see them in your system too.",
  unsupported: "This browser has no notifications: reminders show inside Tickler while it is open.",
};

export function RemindersSection() {
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const [push, setPush] = useState<boolean | null>(null);
  const [settings, setSettings] = useState<ReminderSettingsView | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void pushActive().then(setPush, () => setPush(false));
    getReminderSettings().then(setSettings, () => setStatus("Could not load your reminder settings."));
  }, []);

  async function turnOn() {
    setBusy(true);
    setStatus("");
    try {
      const result = await Notification.requestPermission();
      setPermission(result);
      if (result !== "granted") return;
      const outcome = await subscribeToPush();
      setPush(outcome === "subscribed");
      setStatus(
        outcome === "subscribed"
          ? "Notifications are on, also when Tickler is closed."
          : "Notifications are on while Tickler is open (this browser cannot receive push messages here).",
      );
    } finally {
      setBusy(false);
    }
  }

  async function turnOffPush() {
    setBusy(true);
    await unsubscribeFromPush();
    setPush(false);
    setBusy(false);
    setStatus("This browser no longer gets reminders when Tickler is closed.");
  }

  async function toggleEmail(email: boolean) {
    try {
      setSettings(await setEmailReminders(email));
      setStatus(email ? "Reminders will be emailed to you too." : "Reminders will not be emailed.");
    } catch (err) {
      setStatus(err instanceof ApiError ? err.message : "Could not save. Try again.");
    }
  }

  return (
    <AccountSection id="reminders" title="Reminders" intro={PERMISSION_TEXT[permission]}>
      <div className="account-actions">
        {permission === "default" && (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => void turnOn()}
            data-testid="enable-notifications"
          >
            Turn on notifications
          </button>
        )}
        {permission === "granted" && push === false && (
          <button type="button" className="btn" disabled={busy} onClick={() => void turnOn()} data-testid="enable-push">
            Also when Tickler is closed
          </button>
        )}
        {permission === "granted" && push && (
          <button type="button" className="btn" disabled={busy} onClick={() => void turnOffPush()}>
            Stop notifications when Tickler is closed
          </button>
        )}
      </div>
      <label className="checkbox-row">
        <input
          type="checkbox"
          checked={settings?.email ?? false}
          disabled={!settings?.email_available}
          onChange={(e) => void toggleEmail(e.target.checked)}
          data-testid="email-reminders"
        />
        <span>
          Email me reminders
          {settings && !settings.email_available && <span className="muted"> (this server has no email set up)</span>}
        </span>
      </label>
      <p className="form-status" role="status" data-testid="reminders-status">
        {status}
      </p>
    </AccountSection>
  );
}
