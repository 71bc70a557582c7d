/**
 * Decision 005's dependency rule as data: which layer may import which.
 * server composes issuer and resource, which build on http and never import
 * each other (only resource uses assistant); http → domain → db; contracts and
 * config are leaves everyone may use; web reaches only #contracts/* and #grammar/*.
 */
import type { DependencyRule } from "./import-graph.ts";

export const DEPENDENCY_RULE: DependencyRule = {
  layers: {
    contracts: [],
    config: [],
    grammar: ["contracts"],
    db: ["config", "contracts"],
    domain: ["db", "config", "contracts", "grammar"],
    http: ["domain", "db", "config", "contracts"],
    assistant: ["http", "domain", "db", "config", "contracts", "grammar"],
    issuer: ["http", "domain", "db", "config", "contracts"],
    resource: ["http", "assistant", "domain", "db", "config", "contracts", "grammar"],
    server: "any",
    web: ["contracts", "grammar"],
  },
  exceptions: [
    // The grammar's zoned dates use the domain's pure calendar arithmetic (no db, no I/O).
    { from: "src/grammar/", to: "src/domain/time.ts" },
  ],
  aliasOnly: ["web"],
};
