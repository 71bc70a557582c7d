/**
 * Voice input end to end: Chromium's fake microphone plays a WAV that espeak-ng
 * spoke ("buy milk tomorrow"), the page records it with MediaRecorder, the real
 * server transcribes it through the AI SDK against a fake OpenAI-compatible
 * `/audio/transcriptions`, and the text lands in the composer, unsent. Then
 * screenshots of the microphone while recording and after, light and dark,
 * desktop and phone (test-results/screenshots/voice-*.png).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.ts";
import { SignUpPage } from "../pages/auth-pages.ts";
import { ChatPanel } from "../pages/chat-panel.ts";
import { TasksPage } from "../pages/tasks-page.ts";
import { seriousA11yViolations } from "./support/axe.ts";
import { animationsFinished, openPage } from "./support/browser.ts";
import { SCREENSHOTS, useE2eApp } from "./support/e2e-app.ts";
import { E2E_SERVER_ENV } from "./support/server-env.ts";
import { uniqueEmail } from "./support/seed.ts";

const SPOKEN = "buy milk tomorrow";
const PASSWORD = "correct horse battery";
/** CI installs espeak-ng (.ci/run); elsewhere the file skips, saying why. */
const hasEspeak = spawnSync("espeak-ng", ["--version"]).status === 0;
/** The EBML magic every WebM file starts with. */
const WEBM_MAGIC = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

let dir: string;
let wav: string;
let fake: FakeOpenAI;

describe.skipIf(!hasEspeak)(
  hasEspeak ? "voice input" : "voice input (skipped: espeak-ng is not installed; apt-get install espeak-ng)",
  () => {
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "tickler-voice-"));
      wav = join(dir, "buy-milk.wav");
      execFileSync("espeak-ng", ["-w", wav, SPOKEN]);
      expect(statSync(wav).size).toBeGreaterThan(10_000);
      fake = await startFakeOpenAI();
    });
    afterAll(async () => {
      await fake?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const app = useE2eApp(
      () => ({ ...E2E_SERVER_ENV, AI_MODEL: "openai:gpt-fake", AI_BASE_URL: fake.baseUrl, AI_API_KEY: "sk-e2e" }),
      {
        // The fake UI grants the microphone; the fake device plays the WAV (in a loop) as its input.
        browserArgs: () => [
          "--use-fake-ui-for-media-stream",
          "--use-fake-device-for-media-stream",
          `--use-file-for-fake-audio-capture=${wav}`,
        ],
      },
    );
    let email: string;

    /** Records until the clock shows `seconds`, stops, and returns what the fake provider received. */
    async function dictate(chat: ChatPanel, seconds: number, beforeStop?: () => Promise<void>) {
      const mic = chat.root.getByTestId("chat-mic");
      fake.transcripts.push({ text: SPOKEN });
      await mic.click();
      await chat.root.locator('[data-testid="chat-mic"][aria-pressed="true"]').waitFor();
      await chat.root
        .getByTestId("chat-voice-clock")
        .filter({ hasText: `0:0${seconds}` })
        .waitFor();
      await beforeStop?.();
      const upload = fake.nextUpload();
      await mic.click();
      const received = await upload;
      await expect.poll(() => chat.input.inputValue()).toBe(SPOKEN);
      await chat.root.locator('[data-testid="chat-mic"][aria-pressed="false"]').waitFor();
      return received;
    }

    it("records from the microphone, transcribes on the server and puts the text in the composer for review", async () => {
      const { page, errors, context } = await openPage(app.browser, app.server.url);
      email = uniqueEmail("voice");
      await new SignUpPage(page).goto();
      await new SignUpPage(page).signUp({ name: "Vera Voice", email, password: PASSWORD });
      await new TasksPage(page).ready();
      const chat = new ChatPanel(page);
      await chat.open();

      const mic = chat.root.getByRole("button", { name: "Voice input" });
      await expect(mic.getAttribute("aria-pressed")).resolves.toBe("false");
      const upload = await dictate(chat, 2, async () => {
        await expect(chat.root.getByTestId("chat-voice-status").innerText()).resolves.toMatch(/Recording/);
      });

      // The server sent the browser's recording on, as multipart, with the transcription model's name.
      expect(upload.fields.model).toBe("whisper-1");
      expect(upload.headers.authorization).toBe("Bearer sk-e2e");
      expect(upload.file).toMatchObject({ name: "audio.webm", type: "audio/webm" });
      expect(upload.file!.bytes.subarray(0, 4).equals(WEBM_MAGIC)).toBe(true);
      // Two seconds of Opus from the espeak WAV: well over a header's worth of bytes.
      expect(upload.file!.bytes.length).toBeGreaterThan(2_000);

      // Nothing was sent: the person reads the text, then sends it themselves.
      expect(await chat.userMessages.count()).toBe(0);
      expect(await chat.input.evaluate((el) => el === document.activeElement)).toBe(true);
      await chat.input.press("Enter");
      await chat.userMessages.first().waitFor();
      await expect(chat.userMessages.first().innerText()).resolves.toContain(SPOKEN);
      expect(errors).toEqual([]);
      await context.close();
    });

    const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } } as const;
    describe.each(["light", "dark"] as const)("%s", (colorScheme) => {
      it.each(Object.keys(SIZES) as (keyof typeof SIZES)[])(
        "shows the microphone recording and the transcript at %s size, with no serious axe violations",
        async (size) => {
          const { page, context, errors } = await openPage(app.browser, app.server.url, {
            colorScheme,
            viewport: SIZES[size],
            isMobile: size === "phone",
            hasTouch: size === "phone",
            bypassCSP: true, // only so axe can be injected
          });
          await signIn(context, email);
          await page.goto("/");
          await new TasksPage(page).ready();
          const chat = new ChatPanel(page);
          await chat.open();
          const shot = async (name: string) => {
            await animationsFinished(page);
            await page.screenshot({ path: `${SCREENSHOTS}voice-${name}-${colorScheme}-${size}.png` });
          };
          await dictate(chat, 1, async () => {
            await shot("recording");
            expect(await seriousA11yViolations(page)).toEqual([]);
          });
          await shot("transcribed");
          expect(await seriousA11yViolations(page)).toEqual([]);
          // At phone width the microphone and Send sit beside the box, inside the screen.
          const box = (await chat.root.getByTestId("chat-mic").boundingBox())!;
          expect(box.x + box.width).toBeLessThanOrEqual(SIZES[size].width);
          expect(box.width).toBeGreaterThanOrEqual(40);
          expect(errors).toEqual([]);
          await context.close();
        },
      );
    });

    async function signIn(context: BrowserContext, address: string): Promise<void> {
      const res = await context.request.post(`${app.server.url}/api/auth/sign-in/email`, {
        data: { email: address, password: PASSWORD },
        headers: { Origin: app.server.url },
      });
      if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
    }
  },
);
