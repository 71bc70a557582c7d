/** `GET /api/config`, read once: which model answers, and is the ChatKit widget enabled on this server? */
import { PublicConfig } from "#contracts/chatkit.ts";

let cached: Promise<PublicConfig> | null = null;

export function loadServerConfig(): Promise<PublicConfig> {
  cached ??= fetch("/api/config", { headers: { accept: "application/json" } })
    .then(async (res) => {
      if (!res.ok) throw new Error(`GET /api/config: ${res.status}`);
      return PublicConfig.parse(await res.json());
    })
    .catch((err: unknown) => {
      cached = null;
      throw err;
    });
  return cached;
}
