/**
 * Vite config for the Tickler SPA. Run from the repo root:
 *   npx vite -c web/vite.config.ts          (dev server, proxies the API to :3000)
 *   npx vite build -c web/vite.config.ts    (writes dist/web, served by the Hono server)
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const apiTarget = process.env.TICKLER_API_URL ?? "http://localhost:3000";

export default defineConfig({
  root,
  publicDir: "public",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/.well-known": { target: apiTarget },
      "/mcp": { target: apiTarget },
    },
  },
});
