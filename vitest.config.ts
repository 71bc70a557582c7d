/**
 * Projects: every test on the embedded PGlite, and the database-backed
 * tests again on the PostgreSQL server when one answers on 127.0.0.1:5432
 * (each test file creates and drops its own database there); the web app's
 * unit tests (`*.test.ts` under `web/src`) in happy-dom; the browser tests.
 */
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { tcpReachable } from "./tests/support/reachable.ts";

const DB_TESTS = ["tests/api/**/*.test.ts", "tests/assistant/**/*.test.ts", "src/domain/**/*.test.ts"];

function postgresReachable(): Promise<boolean> {
  return process.env.TEST_POSTGRES === "off" ? Promise.resolve(false) : tcpReachable(5432);
}

export default defineConfig(async () => {
  const common = { testTimeout: 30_000, hookTimeout: 60_000, setupFiles: ["tests/support/setup.ts"] };
  const projects: TestProjectInlineConfiguration[] = [
    {
      test: {
        ...common,
        name: "pglite",
        include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
        // tests/process spawn the built server.
        globalSetup: ["tests/support/build-server.ts"],
        exclude: ["tests/e2e/**", "node_modules/**"],
        env: { TEST_DB: "pglite" },
      },
    },
  ];
  if (await postgresReachable()) {
    projects.push({ test: { ...common, name: "postgres", include: DB_TESTS, env: { TEST_DB: "postgres" } } });
  }
  // TZ=UTC: the web's unit tests read local-time labels ("Tomorrow 9:00") as a browser in UTC would.
  projects.push({ test: { name: "web", include: ["web/src/**/*.test.ts"], environment: "happy-dom", setupFiles: common.setupFiles, env: { TZ: "UTC" } } });
  projects.push({
    test: {
      ...common,
      name: "e2e",
      include: ["tests/e2e/**/*.test.ts"],
      fileParallelism: false,
      testTimeout: 90_000,
      // Starting a server (a fresh PGlite) took 47 s on a 2-core machine at load 20: failure bounds only.
      hookTimeout: 120_000,
      // `expect.poll` waits for a state like Playwright's waits do (10 s), not Vitest's 1 s: a bound for
      // failing, never a speed claim (speed is `npm run bench`'s job).
      expect: { poll: { timeout: 10_000 } },
    },
  });
  return { test: { projects } };
});
