/** `GET /api/config`, read once: which model answers, and is the ChatKit widget enabled on this server? */
import type { PublicConfig } from "#contracts/chatkit.ts";
import { urlOf } from "./api.ts";
import { endpoints } from "./endpoints.ts";

let cached: Promise<PublicConfig> | null = null;

export function loadServerConfig(): Promise<PublicConfig> {
  // Public: plain fetch, no token (it is read before anyone signs in).
  cached ??= fetch(urlOf(endpoints.config), { headers: { accept: "application/json" } })
    .then(async (res) => {
      if (!res.ok) throw new Error(`GET /api/config: ${res.status}`);
      return endpoints.config.response.parse(await res.json());
    })
    .catch((err: unknown) => {
      cached = null;
      throw err;
    });
  return cached;
}
