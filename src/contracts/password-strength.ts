/**
 * zxcvbn with its offline English and common-password dictionaries (~1 MB
 * gzipped). One construction for both sides; how the modules arrive differs:
 * the web imports them on first use (a chunk split out of the first page
 * load), the issuer requires them while passwords are being set and lets them
 * go afterwards (src/issuer/strength-check.ts).
 */
import type * as Core from "@zxcvbn-ts/core";
import type * as Common from "@zxcvbn-ts/language-common";
import type * as En from "@zxcvbn-ts/language-en";
import type { StrengthCheck } from "./auth.ts";

export interface StrengthModules {
  core: typeof Core;
  common: typeof Common;
  en: typeof En;
}

export function strengthCheckOf({ core, common, en }: StrengthModules): StrengthCheck {
  const zxcvbn = new core.ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return (password, userInputs) => zxcvbn.check(password, userInputs);
}

let loading: Promise<StrengthCheck> | undefined;

/** Imports the dictionaries once and keeps them (the web app's way). */
export function loadStrengthCheck(): Promise<StrengthCheck> {
  loading ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common"), import("@zxcvbn-ts/language-en")]).then(
    ([core, common, en]) => strengthCheckOf({ core, common, en }),
  );
  loading.catch(() => (loading = undefined));
  return loading;
}
