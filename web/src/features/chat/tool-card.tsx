/** A compact card for one tool call: what changed, and Undo for changes made in this session. */
import type { ToolCallView } from "./chat-types.ts";
import { summarizeToolCall } from "./tool-summary.ts";
import { undoPlanFor } from "./undo.ts";

interface Props {
  call: ToolCallView;
  onUndo: () => void;
}

const MAX_DETAILS = 8;

export function ToolCard({ call, onUndo }: Props) {
  const summary = summarizeToolCall(call.tool, call.args, call.result);
  const undo = call.undo;
  const undone = undo.state === "done";
  const extra = summary.details.length - MAX_DETAILS;
  return (
    <li
      className={`tool-card tool-${summary.tone} ${undone ? "tool-undone" : ""}`}
      data-testid="tool-card"
      data-tool={call.tool}
      aria-busy={summary.tone === "pending" || undefined}
    >
      <div className="tool-row">
        <span className="tool-dot" aria-hidden="true" />
        <span className="tool-title" data-testid="tool-title">
          {summary.title}
        </span>
        {(undo.state === "ready" || undo.state === "working" || undo.state === "failed") && (
          <button
            type="button"
            className="tool-undo"
            onClick={onUndo}
            disabled={undo.state === "working"}
            aria-label={undoPlanFor(call.tool, call.result)?.label ?? "Undo"}
            data-testid="tool-undo"
          >
            {undo.state === "working" ? "Undoing…" : undo.state === "failed" ? "Try undo again" : "Undo"}
          </button>
        )}
      </div>
      {summary.details.length > 0 && (
        <ul className="tool-details">
          {summary.details.slice(0, MAX_DETAILS).map((d, i) => (
            <li key={i}>{d}</li>
          ))}
          {extra > 0 && <li className="muted">and {extra} more</li>}
        </ul>
      )}
      {(undo.state === "done" || undo.state === "failed") && (
        <p className={`tool-note ${undo.state === "failed" ? "tool-note-error" : ""}`} data-testid="tool-undo-note">
          {undo.state === "done" ? `Undone. ${undo.note}` : `Couldn't undo: ${undo.note}`}
        </p>
      )}
    </li>
  );
}
