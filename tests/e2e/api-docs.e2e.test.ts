/**
 * The API reference page (`/api/docs`): the bundled Scalar renders the server's own
 * OpenAPI document under the page's CSP, with every request to this server (no CDN,
 * no web fonts, no telemetry), and without costing the web app's first load.
 */
import { expect, it } from "vitest";
import { openPage } from "./support/browser.ts";
import { useE2eApp } from "./support/e2e-app.ts";


const app = useE2eApp();

it.each(["light", "dark"] as const)("renders the document with nothing from elsewhere (%s)", async (colorScheme) => {
  const { page, context, errors } = await openPage(app.browser, app.server.url, { colorScheme });
  const elsewhere: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(app.server.url)) elsewhere.push(r.url());
  });
  const res = await page.goto("/api/docs");
  expect(res?.headers()["content-security-policy"]).toMatch(/script-src 'self';/);
  // Operations from every tag are listed, read from /api/openapi.json.
  await page.getByText("Tickler API", { exact: true }).first().waitFor();
  await page.getByText("Lists and sections").first().waitFor();
  expect(elsewhere).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it("the web app itself never loads the reference's script", async () => {
  const { page, context } = await openPage(app.browser, app.server.url);
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
  });
  await page.goto("/sign-in");
  await page.getByTestId("sign-in-form").waitFor();
  expect(scripts.filter((s) => s.startsWith("/api-docs/"))).toEqual([]);
  await context.close();
});
