/** Which import format a chosen file most likely is, from its name and first bytes; the user can still change it. */
import type { ImportFormat } from "#contracts/transfer.ts";

export function guessFormat(fileName: string, text: string): ImportFormat | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, "");
  if (/\.json$/i.test(fileName) || /^\s*[{[]/.test(head)) {
    if (/"format_version"\s*:/.test(head)) return "tickler-json";
    if (/"(items|projects)"\s*:/.test(head)) return "todoist-json";
    return null;
  }
  if (/^"?TYPE"?,"?CONTENT"?/im.test(head)) return "todoist-csv";
  if (/"?List Name"?,/.test(head) && /"?Title"?/.test(head)) return "ticktick-csv";
  return null;
}
