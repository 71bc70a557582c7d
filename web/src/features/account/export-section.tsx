import { useState } from "react";
import { ApiError } from "../../lib/api-client.ts";
import { AccountSection } from "./account-section.tsx";
import { CSV_FILE_NAME, downloadExport, EXPORT_FILE_NAME } from "./download-export.ts";

/** "Download my data": profile, tasks and assistant conversations as one JSON file. */
export function ExportSection() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: "error" | "info"; text: string } | null>(null);

  async function onDownload(format: "json" | "csv") {
    setBusy(true);
    setStatus(null);
    try {
      await downloadExport(format);
      setStatus({ tone: "info", text: `Your data was saved as ${format === "csv" ? CSV_FILE_NAME : EXPORT_FILE_NAME}.` });
    } catch (err) {
      const text = err instanceof ApiError ? err.message : "The download failed. Try again.";
      setStatus({ tone: "error", text });
    } finally {
      setBusy(false);
    }
  }

  return (
    <AccountSection id="export" title="Your data" intro="Download everything Tickler stores for you — profile, lists, tasks and assistant conversations — as a JSON file you can import into another Tickler, or your tasks as a CSV spreadsheet.">
      <div className="account-actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void onDownload("json")} data-testid="download-export">
          {busy ? "Preparing…" : "Download my data"}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void onDownload("csv")} data-testid="download-export-csv">
          Tasks as CSV
        </button>
      </div>
      <p className={`form-status${status?.tone === "error" ? " form-status-error" : ""}`} role="status" data-testid="export-status">
        {status?.text ?? ""}
      </p>
    </AccountSection>
  );
}
