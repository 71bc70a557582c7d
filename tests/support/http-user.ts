/** Signs a user up against a running server over real HTTP and returns a Bearer token. */
export async function signUpOverHttp(baseUrl: string, name: string): Promise<{ token: string; cookie: string; id: string }> {
  const headers = { "content-type": "application/json", origin: baseUrl };
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@example.com`;
  const up = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers,
    body: JSON.stringify({ name, email, password: "a long enough password" }),
  });
  if (up.status !== 200) throw new Error(`sign-up ${up.status}: ${await up.text()}`);
  const { user } = (await up.json()) as { user: { id: string } };
  const cookie = up.headers.get("set-cookie")!.split(";")[0]!;
  const res = await fetch(`${baseUrl}/api/auth/token`, { headers: { cookie, origin: baseUrl } });
  return { token: ((await res.json()) as { token: string }).token, cookie, id: user.id };
}
