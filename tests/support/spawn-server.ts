/**
 * Runs `src/server/main.ts` as a real child process and waits for its
 * "tickler listening" log line, for tests about processes (split mode, locks,
 * signals).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { RAISED_LIMITS } from "./limits.ts";

const MAIN = fileURLToPath(new URL("../../src/server/main.ts", import.meta.url));

export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export function runMain(env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", LOG_LEVEL: "info", ...RAISED_LIMITS, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  // Keep the tail only: a long-running child (benchmarks) logs a line per request.
  child.stdout!.on("data", (d) => (out = (out + d).slice(-256 * 1024)));
  child.stderr!.on("data", (d) => (out += d));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => out, exit };
}

export async function spawnServer(env: Record<string, string>, timeoutMs = 30_000): Promise<SpawnedServer> {
  const { child, output, exit } = runMain({ PORT: "0", HOST: "127.0.0.1", ...env });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output()}`)), timeoutMs);
    const onData = () => {
      const line = output().split("\n").find((l) => l.includes('"tickler listening"'));
      if (line) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    };
    child.stdout!.on("data", onData);
    void exit.then((code) => reject(new Error(`server exited with ${code}:\n${output()}`)));
  });
  return {
    url,
    child,
    output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exit;
    },
  };
}
