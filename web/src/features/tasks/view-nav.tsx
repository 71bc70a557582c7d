import type { TaskCounts } from "#contracts/task.ts";
import { VIEWS, type ViewId } from "./views.ts";

interface Props {
  current: ViewId;
  counts: TaskCounts | null;
  hrefFor: (id: ViewId) => string;
  onSelect: (id: ViewId) => void;
}

/** The views (To do, Today, …) with their counts: a sidebar on desktop, a scrolling tab strip on phones. */
export function ViewNav({ current, counts, hrefFor, onSelect }: Props) {
  return (
    <nav className="view-nav" aria-label="Task views">
      <ul>
        {VIEWS.map((v) => {
          const n = v.count ? counts?.[v.count] : undefined;
          return (
            <li key={v.id}>
              <a
                href={hrefFor(v.id)}
                aria-current={v.id === current ? "page" : undefined}
                className={`view-link view-${v.id}`}
                data-testid={`view-${v.id}`}
                onClick={(e) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                  e.preventDefault();
                  onSelect(v.id);
                }}
              >
                <span>{v.label}</span>
                <span className={`count ${v.id === "overdue" && n ? "count-alert" : ""}`} data-testid={`count-${v.id}`}>
                  {n ?? ""}
                  {n !== undefined && <span className="sr-only"> tasks</span>}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
