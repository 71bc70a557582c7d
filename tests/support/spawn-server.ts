/**
 * Runs the server as a real child process, exactly as `npm start` does (the built
 * dist/server with the start script's Node flags), and waits for its "tickler
 * listening" log line, for tests about processes (split mode, locks, signals).
 * The suite's global setup builds dist/server when it is older than src.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { RAISED_LIMITS } from "./limits.ts";
import { createMailbox, mailFromLogLine, registerMailbox, type Mailbox } from "./mailbox.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Node's arguments in package.json's `start` script ("exec node <args>"), the one place they are kept. */
export function startArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: { start: string } };
  const [exec, node, ...args] = scripts.start.trim().split(/\s+/);
  if (exec !== "exec" || node !== "node") throw new Error(`expected the start script to be "exec node …", got: ${scripts.start}`);
  return args;
}

export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  /** The mails the server wrote to its log (sign-up helpers follow its verification links). */
  mailbox: Mailbox;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface RunOptions {
  /** A command the server runs under, e.g. `["unshare", "--pid", "--fork"]` for its own PID namespace. */
  prefix?: string[];
  /** Node's arguments instead of the start script's (benchmarks comparing flags). */
  nodeArgs?: string[];
}

export function runMain(env: Record<string, string>, opts: RunOptions = {}): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const [command, ...args] = [...(opts.prefix ?? []), process.execPath, ...(opts.nodeArgs ?? startArgs())] as [string, ...string[]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", LOG_LEVEL: "info", ...RAISED_LIMITS, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  // Keep the tail only: a long-running child (benchmarks) logs a line per request.
  child.stdout.on("data", (d) => (out = (out + d).slice(-256 * 1024)));
  child.stderr.on("data", (d) => (out += d));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => out, exit };
}

export async function spawnServer(env: Record<string, string>, timeoutMs = 30_000, opts: RunOptions = {}): Promise<SpawnedServer> {
  const { child, output, exit } = runMain({ PORT: "0", HOST: "127.0.0.1", ...env }, opts);
  const mailbox = createMailbox();
  let partial = "";
  child.stdout!.on("data", (d: Buffer) => {
    const lines = (partial + d.toString()).split("\n");
    partial = lines.pop()!;
    for (const line of lines) mailFromLogLine(mailbox, line);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL"); // a server left starting would hold its data dir's lock
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
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
  const unregister = registerMailbox(url, mailbox);
  void exit.then(unregister);
  return {
    url,
    child,
    mailbox,
    output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exit;
    },
  };
}
