/**
 * "Import": pick a file (Todoist CSV or JSON backup, TickTick backup, a Tickler
 * export), see what it will create and what cannot be carried over, then import
 * it in one step. Nothing is written until "Import" is pressed.
 */
import { useId, useState, type ChangeEvent } from "react";
import { IMPORT_BYTES_MAX, IMPORT_FORMATS, type ImportFormat, type ImportResult, type ImportSummary } from "#contracts/transfer.ts";
import { api } from "../../lib/api.ts";
import { ApiError } from "../../lib/api-client.ts";
import { endpoints } from "../../lib/endpoints.ts";
import { AccountSection } from "./account-section.tsx";
import { guessFormat } from "./guess-format.ts";

const FORMAT_NAMES: Record<ImportFormat, string> = {
  "todoist-csv": "Todoist CSV (one project)",
  "todoist-json": "Todoist JSON backup",
  "ticktick-csv": "TickTick CSV backup",
  "tickler-json": "Tickler export (JSON)",
};

interface Picked {
  name: string;
  text: string;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function ImportSection({ onImported }: { onImported?: () => void }) {
  const ids = useId();
  const [file, setFile] = useState<Picked | null>(null);
  const [format, setFormat] = useState<ImportFormat>("todoist-csv");
  const [list, setList] = useState("");
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const query = () => {
    return { format, tz: browserZone(), list: format === "todoist-csv" && list.trim() ? list.trim() : undefined };
  };
  const options = () => ({ query: query(), raw: { text: file!.text, type: format.endsWith("csv") ? "text/csv" : "application/json" } });

  async function onPick(e: ChangeEvent<HTMLInputElement>) {
    const chosen = e.target.files?.[0];
    setPreview(null);
    setDone(null);
    setError(null);
    if (!chosen) return setFile(null);
    if (chosen.size > IMPORT_BYTES_MAX) {
      setFile(null);
      return setError(`That file is ${(chosen.size / 1024 / 1024).toFixed(1)} MB; an import can be at most ${IMPORT_BYTES_MAX / 1024 / 1024} MB.`);
    }
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    const guessed = guessFormat(chosen.name, text);
    if (guessed) setFormat(guessed);
    if (guessed === "todoist-csv" && !list) setList(chosen.name.replace(/\.csv$/i, "").slice(0, 100));
  }

  async function run(kind: "preview" | "import") {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      if (kind === "preview") setPreview(await api(endpoints.importPreview, options()));
      else {
        setDone(await api(endpoints.importFile, options()));
        setPreview(null);
        onImported?.();
      }
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "The import failed. Try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <AccountSection id="import" title="Import" intro="Bring your tasks from Todoist, TickTick or another Tickler account. You'll see what will be created before anything changes.">
      <div className="account-form import-form">
        <div className="field">
          <label htmlFor={`${ids}-file`}>File</label>
          <input id={`${ids}-file`} type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => void onPick(e)} data-testid="import-file" />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-format`}>Format</label>
          <select
            id={`${ids}-format`}
            value={format}
            onChange={(e) => {
              setFormat(e.target.value as ImportFormat);
              setPreview(null);
            }}
            data-testid="import-format"
          >
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_NAMES[f]}
              </option>
            ))}
          </select>
        </div>
        {format === "todoist-csv" && (
          <div className="field">
            <label htmlFor={`${ids}-list`}>Into list</label>
            <input id={`${ids}-list`} type="text" maxLength={100} placeholder="Inbox" value={list} onChange={(e) => setList(e.target.value)} data-testid="import-list" />
          </div>
        )}
        <div className="account-actions">
          <button type="button" className="btn" disabled={!file || busy} onClick={() => void run("preview")} data-testid="import-preview">
            {busy && !preview ? "Reading…" : "Preview"}
          </button>
          {preview && (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run("import")} data-testid="import-confirm">
              {busy ? "Importing…" : `Import ${preview.tasks} task${preview.tasks === 1 ? "" : "s"}`}
            </button>
          )}
        </div>
      </div>
      {preview && <Summary summary={preview} />}
      <p className={`form-status${error ? " form-status-error" : ""}`} role="status" data-testid="import-status">
        {error ?? (done ? `Imported ${done.tasks} task${done.tasks === 1 ? "" : "s"} into ${done.lists.map((l) => l.name).join(", ")}.` : "")}
      </p>
    </AccountSection>
  );
}

function Summary({ summary }: { summary: ImportSummary }) {
  const facts = [
    `${summary.subtasks} subtask${summary.subtasks === 1 ? "" : "s"}`,
    `${summary.completed} completed`,
    `${summary.with_due_date} with a due date`,
    `${summary.with_recurrence} repeating`,
    `${summary.with_reminders} with reminders`,
  ];
  return (
    <div className="import-summary" data-testid="import-summary">
      <p>
        <strong>
          {summary.tasks} task{summary.tasks === 1 ? "" : "s"}
        </strong>{" "}
        ({facts.join(", ")}) into:
      </p>
      <ul>
        {summary.lists.map((l) => (
          <li key={l.name}>
            {l.name} — {l.existing ? "existing list" : "new list"}, {l.tasks} task{l.tasks === 1 ? "" : "s"}
            {l.sections ? `, ${l.sections} section${l.sections === 1 ? "" : "s"}` : ""}
          </li>
        ))}
      </ul>
      {summary.issue_count > 0 && (
        <details data-testid="import-issues">
          <summary>
            {summary.issue_count} thing{summary.issue_count === 1 ? "" : "s"} can't be carried over as {summary.issue_count === 1 ? "it is" : "they are"}
          </summary>
          <ul>
            {summary.issues.map((i, n) => (
              <li key={n}>
                <span className="muted">{i.where}:</span> {i.message}
              </li>
            ))}
          </ul>
          {summary.issue_count > summary.issues.length && <p className="muted">…and {summary.issue_count - summary.issues.length} more.</p>}
        </details>
      )}
    </div>
  );
}
