import type { Occurrence } from "#contracts/occurrences.ts";
import { RepeatIcon } from "./calendar-icons.tsx";
import { timeLabel } from "./days.ts";

/**
 * Projected occurrences of recurring tasks: read-only previews (no checkbox,
 * no edit), muted and marked with a repeat icon so they never pass for rows.
 */
export function OccurrenceList({ items }: { items: Occurrence[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="occurrence-list" aria-label="Repeats (previews)">
      {items.map((o) => (
        <li key={`${o.task_id}-${o.due_at}`} className="occurrence" data-testid="occurrence" data-task-id={o.task_id}>
          <RepeatIcon />
          <span className="occurrence-title">{o.title}</span>
          <span className="occurrence-when">{timeLabel(o.due_at) ?? "All day"}</span>
          <span className="sr-only">, a future repeat (preview)</span>
        </li>
      ))}
    </ul>
  );
}
