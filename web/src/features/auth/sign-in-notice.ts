/**
 * Messages the sign-in page shows after an account change ended the session
 * (`/sign-in?notice=<code>`). Only these fixed codes are read from the URL, so a
 * crafted link can't put its own words on the page.
 */
const NOTICES = {
  "password-reset": "Your password has been reset. Sign in with your new password.",
  "account-deleted": "Your account and all of its data have been deleted.",
  "signed-out": "You have signed out of this device.",
} as const;

export type SignInNotice = keyof typeof NOTICES;

export function signInHrefWith(notice: SignInNotice): string {
  return `/sign-in?notice=${notice}`;
}

export function noticeMessage(code: string | null): string | null {
  return code && Object.hasOwn(NOTICES, code) ? NOTICES[code as SignInNotice] : null;
}
