import { followVerificationLink, mailboxFor } from "./mailbox.ts";

/**
 * Signs a user up against a running server over real HTTP, opens the emailed
 * verification link (which signs in) and returns a Bearer token. A server with
 * EMAIL_VERIFICATION=off signs in at sign-up.
 */
export async function signUpOverHttp(baseUrl: string, name: string): Promise<{ token: string; cookie: string; id: string }> {
  const headers = { "content-type": "application/json", origin: baseUrl };
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@example.com`;
  const up = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers,
    body: JSON.stringify({ name, email, password: "a long enough password" }),
  });
  if (up.status !== 200) throw new Error(`sign-up ${up.status}: ${await up.text()}`);
  const { token: sessionToken } = (await up.json()) as { token: string | null };
  const cookie = sessionToken ? up.headers.get("set-cookie")!.split(";")[0]! : await followVerificationLink(await mailboxFor(baseUrl).linkFor(email));
  const res = await fetch(`${baseUrl}/api/auth/token`, { headers: { cookie, origin: baseUrl } });
  const token = ((await res.json()) as { token: string }).token;
  const id = (JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { sub: string }).sub;
  return { token, cookie, id };
}
