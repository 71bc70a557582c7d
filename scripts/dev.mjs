// `npm run dev`: the API server with reload on change, and Vite with hot reload
// in front of it (open http://localhost:5173).
import { spawn } from "node:child_process";

const env = { ...process.env, NODE_ENV: "development", TRUSTED_ORIGINS: process.env.TRUSTED_ORIGINS ?? "http://localhost:5173" };
const children = [
  spawn(process.execPath, ["--import", "tsx", "--watch", "src/server/main.ts"], { stdio: "inherit", env }),
  spawn(process.execPath, ["node_modules/vite/bin/vite.js", "-c", "web/vite.config.ts"], { stdio: "inherit", env }),
];
const stop = () => children.forEach((c) => c.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
children.forEach((c) => c.on("exit", stop));
