import type { SessionUser } from "../../lib/auth-client.ts";
import { AccountSection } from "./account-section.tsx";

export function ProfileSection({ user }: { user: SessionUser }) {
  return (
    <AccountSection id="profile" title="Profile">
      <dl className="profile-list">
        <div>
          <dt>Name</dt>
          <dd data-testid="profile-name">{user.name}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd data-testid="profile-email">{user.email}</dd>
        </div>
      </dl>
    </AccountSection>
  );
}
