/**
 * `/account`: profile, password, signed-in devices, data export and account
 * deletion. Loaded on demand (it is not part of the first page load).
 */
import { useState } from "react";
import type { SessionUser } from "../../lib/auth-client.ts";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { CalendarFeedSection } from "../calendar/calendar-feed-section.tsx";
import { ChangePasswordSection } from "./change-password-section.tsx";
import { ConnectedAppsSection } from "./connected-apps-section.tsx";
import { DeleteAccountSection } from "./delete-account-section.tsx";
import { ExportSection } from "./export-section.tsx";
import { ImportSection } from "./import-section.tsx";
import { ProfileSection } from "./profile-section.tsx";
import { SessionsSection } from "./sessions-section.tsx";
import { RemindersSection } from "../reminders/reminders-section.tsx";
import { TimeZoneSection } from "./time-zone-section.tsx";
import "../../styles/account.css";

export interface AccountPageProps {
  user: SessionUser;
  currentSessionId: string | null;
  onSignOut: () => Promise<void>;
  /** The account is gone (its sessions with it): leave for the sign-in page. */
  onDeleted: () => void;
}

export default function AccountPage({ user, currentSessionId, onSignOut, onDeleted }: AccountPageProps) {
  useDocumentTitle("Account");
  const [passwordChanges, setPasswordChanges] = useState(0);
  return (
    <div className="account-page" data-testid="account-page">
      <header className="account-heading">
        <h1>Account</h1>
        <p className="muted">Your profile, time zone, password, reminders, devices, connected apps and data.</p>
      </header>
      <ProfileSection user={user} />
      <TimeZoneSection />
      <ChangePasswordSection user={user} onChanged={() => setPasswordChanges((n) => n + 1)} />
      <RemindersSection />
      <SessionsSection currentSessionId={currentSessionId} reloadKey={passwordChanges} onSignOut={onSignOut} />
      <ConnectedAppsSection />
      <CalendarFeedSection />
      <ImportSection />
      <ExportSection />
      <DeleteAccountSection onDeleted={onDeleted} />
    </div>
  );
}
