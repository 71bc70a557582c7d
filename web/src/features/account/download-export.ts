/** "Download my data": the export comes from the Bearer-only API, so it is fetched and saved through a Blob link. */
import { apiFetch } from "../../lib/api-client.ts";

export const EXPORT_FILE_NAME = "tickler-export.json";

export async function downloadExport(): Promise<void> {
  const res = await apiFetch("/api/me/export");
  const blob = await res.blob();
  const url = URL.createObjectURL(new Blob([blob], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = EXPORT_FILE_NAME;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download by now; give slow ones a moment before freeing the data.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
