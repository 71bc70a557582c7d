import { useState } from "react";
import { ApiError } from "../../lib/api-client.ts";
import { AccountSection } from "./account-section.tsx";
import { downloadExport, EXPORT_FILE_NAME } from "./download-export.ts";

/** "Download my data": profile, tasks and assistant conversations as one JSON file. */
export function ExportSection() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: "error" | "info"; text: string } | null>(null);

  async function onDownload() {
    setBusy(true);
    setStatus(null);
    try {
      await downloadExport();
      setStatus({ tone: "info", text: `Your data was saved as ${EXPORT_FILE_NAME}.` });
    } catch (err) {
      const text = err instanceof ApiError ? err.message : "The download failed. Try again.";
      setStatus({ tone: "error", text });
    } finally {
      setBusy(false);
    }
  }

  return (
    <AccountSection id="export" title="Your data" intro="Download everything Tickler stores for you: your profile, tasks and assistant conversations, as a JSON file.">
      <div className="account-actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void onDownload()} data-testid="download-export">
          {busy ? "Preparing…" : "Download my data"}
        </button>
      </div>
      <p className={`form-status${status?.tone === "error" ? " form-status-error" : ""}`} role="status" data-testid="export-status">
        {status?.text ?? ""}
      </p>
    </AccountSection>
  );
}
