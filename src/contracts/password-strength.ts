/**
 * zxcvbn with its offline English and common-password dictionaries (~1 MB
 * gzipped), loaded on first use through `import()`: the web bundle splits it
 * out of the first page load, and the server pays for it once.
 */
import type { StrengthCheck } from "./auth.ts";

let loading: Promise<StrengthCheck> | undefined;

export function loadStrengthCheck(): Promise<StrengthCheck> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
    return (password, userInputs) => zxcvbn.check(password, userInputs);
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
