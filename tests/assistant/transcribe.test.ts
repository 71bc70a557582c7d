/**
 * Voice input through the real AI SDK transcription client against a local
 * fake OpenAI-compatible server: `POST /api/{user_id}/chat/transcribe` and
 * ChatKit's `input.transcribe` share one path (auth, the per-user chat budget,
 * type and size checks, the provider's failures); without a speech-to-text
 * model both answer 501 and /api/config says so.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRANSCRIBE_BYTES_MAX } from "../../src/contracts/transcription.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

const CHAT_LIMIT = 6;
let fake: FakeOpenAI;
let t: TestApp;
let off: TestApp;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  [t, off] = await Promise.all([
    createTestApp({
      AI_MODEL: "openai:gpt-fake",
      AI_BASE_URL: fake.baseUrl,
      AI_API_KEY: "sk-test-key",
      AI_TIMEOUT_SECONDS: "10",
      RATE_LIMIT_CHAT_PER_MINUTE: String(CHAT_LIMIT),
    }),
    createTestApp(),
  ]);
});
afterAll(async () => {
  await Promise.all([t?.close(), off?.close()]);
  await fake?.close();
});

/** A tiny but well-formed WAV (44-byte header, 0.01 s of silence at 8 kHz). */
function wav(): Uint8Array<ArrayBuffer> {
  const samples = 80;
  const b = Buffer.alloc(44 + samples * 2);
  b.write("RIFF", 0);
  b.writeUInt32LE(36 + samples * 2, 4);
  b.write("WAVEfmt ", 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write("data", 36);
  b.writeUInt32LE(samples * 2, 40);
  return new Uint8Array(b);
}
/** The start of a WebM file (EBML magic), as MediaRecorder writes it. */
const webm = () =>
  new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, ...Array.from({ length: 64 }, (_, i) => i)]);

const send = (
  app: TestApp,
  user: TestUser | null,
  body: Uint8Array<ArrayBuffer>,
  type: string,
  path = "/api/me/chat/transcribe",
) =>
  app.request(path, {
    method: "POST",
    headers: { ...(user ? { authorization: `Bearer ${user.token}` } : {}), "content-type": type },
    body,
  });

type ErrorJson = { error: { code: string; message: string } };

describe("POST /api/{user_id}/chat/transcribe", () => {
  let u: TestUser;
  let other: TestUser;
  beforeAll(async () => {
    [u, other] = await Promise.all([t.signUp("Speaker"), t.signUp("Someone Else")]);
  });

  it("uploads the recording as multipart with the model name and answers the transcript", async () => {
    fake.transcripts.push({ text: " buy milk tomorrow \n" });
    const audio = wav();
    const res = await send(t, u, audio, "audio/wav");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ text: "buy milk tomorrow" });
    expect(Number(res.headers.get("ratelimit-limit"))).toBe(CHAT_LIMIT);

    const upload = fake.uploads.at(-1)!;
    expect(upload.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.headers.authorization).toBe("Bearer sk-test-key");
    // An OpenAI-compatible server at AI_BASE_URL gets whisper-1 unless AI_TRANSCRIBE_MODEL names another.
    expect(upload.fields.model).toBe("whisper-1");
    expect(upload.file).toMatchObject({ name: "audio.wav", type: "audio/wav" });
    expect(Buffer.compare(upload.file!.bytes, Buffer.from(audio))).toBe(0);
  });

  it("takes MediaRecorder's type with its codecs parameter", async () => {
    fake.transcripts.push({ text: "call mom" });
    const res = await send(t, u, webm(), "audio/webm;codecs=opus");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ text: "call mom" });
    expect(fake.uploads.at(-1)!.file).toMatchObject({ name: "audio.webm", type: "audio/webm" });
  });

  it("needs a token, and the path's user must be the token's", async () => {
    const before = fake.uploads.length;
    expect((await send(t, null, wav(), "audio/wav")).status).toBe(401);
    const res = await send(t, other, wav(), "audio/wav", `/api/${u.id}/chat/transcribe`);
    expect(res.status).toBe(403);
    expect(fake.uploads.length).toBe(before);
  });

  it("refuses another media type (415), an empty body (422) and more than 10 MB (413) without calling the provider", async () => {
    const before = fake.uploads.length;
    const text = await send(t, other, new TextEncoder().encode("hello"), "text/plain");
    expect(text.status).toBe(415);
    expect(((await text.json()) as ErrorJson).error).toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringMatching(/audio\/webm/),
    });
    const empty = await send(t, other, new Uint8Array(0), "audio/webm");
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as ErrorJson).error.code).toBe("empty_audio");
    const big = await send(t, other, new Uint8Array(TRANSCRIBE_BYTES_MAX + 1), "audio/webm");
    expect(big.status).toBe(413);
    expect(((await big.json()) as ErrorJson).error).toMatchObject({
      code: "payload_too_large",
      message: "a recording must be at most 10 MB",
    });
    expect(fake.uploads.length).toBe(before);
  });

  it("turns the provider's failure into 502 without its internals", async () => {
    fake.transcripts.push({ status: 401 }); // not retried
    const res = await send(t, other, wav(), "audio/wav");
    expect(res.status).toBe(502);
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({
      error: { code: "model_auth_failed", message: "the speech-to-text provider refused our API key" },
    });
    expect(body).not.toMatch(/sk-|fake failure|internals/);
  });
});

describe("ChatKit input.transcribe", () => {
  let u: TestUser;
  beforeAll(async () => {
    u = await t.signUp("Dictating");
  });
  const chatkit = (params: unknown) =>
    t.request("/api/chatkit", {
      method: "POST",
      headers: u.headers,
      body: JSON.stringify({ type: "input.transcribe", params }),
    });

  it("transcribes base64 audio through the same model and answers { text }", async () => {
    fake.transcripts.push({ text: "water the plants" });
    const audio = webm();
    const res = await chatkit({
      audio_base64: Buffer.from(audio).toString("base64"),
      mime_type: "audio/webm;codecs=opus",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ text: "water the plants" });
    expect(Number(res.headers.get("ratelimit-limit"))).toBe(CHAT_LIMIT);
    const upload = fake.uploads.at(-1)!;
    expect(upload.fields.model).toBe("whisper-1");
    expect(Buffer.compare(upload.file!.bytes, Buffer.from(audio))).toBe(0);
  });

  it("takes a recording larger than BODY_LIMIT_BYTES (the endpoint's limit grows with dictation on)", async () => {
    fake.transcripts.push({ text: "a longer note" });
    const audio = new Uint8Array(200 * 1024);
    audio.set(webm());
    const res = await chatkit({ audio_base64: Buffer.from(audio).toString("base64"), mime_type: "audio/webm" });
    expect(res.status).toBe(200);
    expect(fake.uploads.at(-1)!.file!.bytes.length).toBe(audio.length);
  });

  it("refuses what is not base64 (422) and a type it cannot transcribe (415)", async () => {
    expect((await chatkit({ audio_base64: "not base64!", mime_type: "audio/webm" })).status).toBe(422);
    const res = await chatkit({ audio_base64: "AAAA", mime_type: "video/avi" });
    expect(res.status).toBe(415);
    expect(((await res.json()) as ErrorJson).error.code).toBe("unsupported_media_type");
  });
});

describe("the per-user chat budget", () => {
  it("counts every transcription on both surfaces, shared with chat turns", async () => {
    const u = await t.signUp("Chatty");
    const other = await t.signUp("Quiet");
    for (let i = 0; i < CHAT_LIMIT - 1; i++)
      expect((await send(t, u, new Uint8Array([1]), "text/plain")).status).toBe(415);
    const kit = await t.request("/api/chatkit", {
      method: "POST",
      headers: u.headers,
      body: JSON.stringify({ type: "input.transcribe", params: { audio_base64: "AAAA", mime_type: "text/plain" } }),
    });
    expect(kit.status).toBe(415); // the last one of the budget
    const limited = await send(t, u, wav(), "audio/wav");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await t.api(u, "POST", "/api/me/chat", { message: "hello" })).status).toBe(429);
    // Another user's budget is their own.
    expect((await send(t, other, new Uint8Array([1]), "text/plain")).status).toBe(415);
  });
});

describe("without a speech-to-text model (the offline assistant)", () => {
  it("says so in /api/config, and both surfaces answer 501 transcription_unavailable", async () => {
    expect(await (await off.request("/api/config")).json()).toMatchObject({
      model: "tickler:offline",
      transcription: false,
    });
    expect(await (await t.request("/api/config")).json()).toMatchObject({ transcription: true });
    const u = await off.signUp("Offline");
    const res = await send(off, u, wav(), "audio/wav");
    expect(res.status).toBe(501);
    expect(((await res.json()) as ErrorJson).error).toMatchObject({ code: "transcription_unavailable" });
    const kit = await off.request("/api/chatkit", {
      method: "POST",
      headers: u.headers,
      body: JSON.stringify({ type: "input.transcribe", params: { audio_base64: "AAAA", mime_type: "audio/webm" } }),
    });
    expect(kit.status).toBe(501);
    // Without dictation the ChatKit endpoint keeps the general 64 KB body limit.
    const big = await off.request("/api/chatkit", {
      method: "POST",
      headers: u.headers,
      body: JSON.stringify({
        type: "input.transcribe",
        params: { audio_base64: "A".repeat(100_000), mime_type: "audio/webm" },
      }),
    });
    expect(big.status).toBe(413);
  });
});
