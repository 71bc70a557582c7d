/** "Download my data": the export comes from the Bearer-only API, so it is fetched and saved through a Blob link. */
import { apiResponse } from "../../lib/api.ts";
import { endpoints } from "../../lib/endpoints.ts";

export const EXPORT_FILE_NAME = "tickler-export.json";
export const CSV_FILE_NAME = "tickler-tasks.csv";

export async function downloadExport(format: "json" | "csv" = "json"): Promise<void> {
  const res = await apiResponse(endpoints.exportAccount, format === "csv" ? { query: { format }, accept: "text/csv" } : {});
  const blob = await res.blob();
  const url = URL.createObjectURL(new Blob([blob], { type: format === "csv" ? "text/csv" : "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = format === "csv" ? CSV_FILE_NAME : EXPORT_FILE_NAME;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download by now; give slow ones a moment before freeing the data.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
