/**
 * Decision 005: the import graph of src/ and web/src obeys the dependency rule.
 * The second block feeds the checker wrong edges, so a checker that cannot
 * fail would fail here.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEPENDENCY_RULE } from "./dependency-rule.ts";
import { importGraph, ruleViolations, type Edge } from "./import-graph.ts";

const root = new URL("../../", import.meta.url).pathname;

describe("the dependency rule (decision 005)", () => {
  const edges = importGraph(root, ["src", "web/src"]);

  it("reads the real graph: every local import resolves to a file, and known edges are there", () => {
    expect(edges.length).toBeGreaterThan(300);
    const local = edges.filter((e) => !e.external);
    expect(local.filter((e) => !existsSync(`${root}${e.to}`)).map((e) => `${e.from} → ${e.spec}`)).toEqual([]);
    const has = (from: string, to: string) => local.some((e) => e.from === from && e.to === to);
    expect(has("src/issuer/auth-guard.ts", "src/http/rate-limit.ts")).toBe(true); // static
    expect(has("src/http/rate-limit.ts", "src/http/rate-limit-redis.ts")).toBe(true); // dynamic import()
    expect(local.some((e) => e.from.startsWith("web/src/") && e.spec.startsWith("#contracts/"))).toBe(true); // alias
  });

  it("holds for src/ and web/src", () => {
    expect(ruleViolations(edges, DEPENDENCY_RULE)).toEqual([]);
  });
});

describe("the checker", () => {
  const edge = (from: string, spec: string, to: string): Edge => ({ from, spec, to, external: false });
  const check = (...e: Edge[]) => ruleViolations(e, DEPENDENCY_RULE);

  it("rejects the issuer importing the resource server, and the reverse", () => {
    expect(check(edge("src/issuer/auth.ts", "../resource/rate-limit.ts", "src/resource/rate-limit.ts"))).toHaveLength(1);
    expect(check(edge("src/resource/app.ts", "../issuer/auth.ts", "src/issuer/auth.ts"))).toHaveLength(1);
  });

  it("rejects db importing anything above it, and http importing the resource server", () => {
    expect(check(edge("src/db/pg-transaction.ts", "../domain/errors.ts", "src/domain/errors.ts"))).toHaveLength(1);
    expect(check(edge("src/http/errors.ts", "../resource/jwks-cache.ts", "src/resource/jwks-cache.ts"))).toHaveLength(1);
    expect(check(edge("src/domain/time.ts", "../http/errors.ts", "src/http/errors.ts"))).toHaveLength(1);
  });

  it("rejects web reaching server code, even through a relative path into contracts", () => {
    expect(check(edge("web/src/lib/api.ts", "#db/client.ts", "src/db/client.ts"))).toHaveLength(1);
    expect(check(edge("web/src/lib/api.ts", "../../../src/contracts/task.ts", "src/contracts/task.ts"))).toHaveLength(1);
    expect(check(edge("web/src/lib/api.ts", "#contracts/task.ts", "src/contracts/task.ts"))).toEqual([]);
  });

  it("rejects a new top-level folder until the rule names it, and the exception stays one file wide", () => {
    expect(check(edge("src/jobs/run.ts", "../db/client.ts", "src/db/client.ts"))).toHaveLength(1);
    expect(check(edge("src/grammar/zoned.ts", "../domain/time.ts", "src/domain/time.ts"))).toEqual([]);
    expect(check(edge("src/grammar/zoned.ts", "../domain/errors.ts", "src/domain/errors.ts"))).toHaveLength(1);
  });
});
