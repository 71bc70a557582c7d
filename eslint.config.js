/**
 * ESLint: correctness rules only. Layout is Prettier's job (`npm run format`), so
 * eslint-config-prettier comes last and switches off every rule that would fight it.
 * TypeScript files are linted with type information (typescript-eslint's project service
 * reads tsconfig.json and web/tsconfig.json); see docs/decisions/015-lint-and-format.md.
 */
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  // What .gitignore leaves out (build output, local data), and generated migrations.
  globalIgnores(["dist/", "coverage/", "data/", ".data*/", "scratch/", "test-results/", "src/db/migrations/"]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `_`-prefixed names mark parameters a signature requires but the body does not use.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // Off: `async` methods that implement a Promise-returning interface (AI SDK models, mailers, loaders) need no await.
      "@typescript-eslint/require-await": "off",
      // Relaxed for JSX only: React ignores a handler's return value, and our async handlers catch their own errors.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // Relaxed: a `let` that a closure reads before its single later assignment cannot be `const` (TDZ).
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Tests and benchmarks read untyped JSON (`res.json()`, `JSON.parse`) and Vitest's matchers are typed
    // `any` (`expect.any(String)`): there an unsafe access fails a test, never a user. Kept on in src/ and web/src/.
    files: ["tests/**", "bench/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Plain JS (build scripts, this file): no tsconfig covers them, so no type-aware rules.
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // Served as-is to the browser: the service worker and the pre-paint theme script.
    files: ["web/public/**/*.js"],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
  },
  {
    files: ["web/src/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat["recommended-latest"]],
    rules: {
      // A missing effect dependency is a stale-closure bug, not a style matter.
      "react-hooks/exhaustive-deps": "error",
      // Off: a React Compiler check (Tickler does not use the compiler) that rejects the latest-value ref
      // (`ref.current = value` in render, read in effects) and ref objects passed down as props.
      "react-hooks/refs": "off",
    },
  },
  prettier,
);
