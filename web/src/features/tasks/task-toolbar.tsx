import type { Priority } from "#contracts/task.ts";
import type { Ref } from "react";
import { SearchIcon } from "../layout/icons.tsx";
import { SORTS, type SortId } from "./views.ts";

interface Props {
  search: string;
  onSearch: (q: string) => void;
  searchRef: Ref<HTMLInputElement>;
  priority: Priority[];
  onPriority: (p: Priority[]) => void;
  tag: string | null;
  tags: string[];
  onTag: (t: string | null) => void;
  onClear: () => void;
}

const PRIORITY_FILTERS: { id: Priority; label: string }[] = [
  { id: "high", label: "High" },
  { id: "medium", label: "Medium" },
  { id: "low", label: "Low" },
  { id: "none", label: "None" },
];

/** Search and the priority/tag filters above the list. */
export function TaskToolbar(p: Props) {
  const filtered = p.search || p.priority.length > 0 || p.tag;
  return (
    <div className="toolbar" role="search">
      <div className="search">
        <label htmlFor="task-search" className="sr-only">
          Search tasks
        </label>
        <SearchIcon />
        <input
          id="task-search"
          ref={p.searchRef}
          type="search"
          placeholder="Search tasks"
          value={p.search}
          onChange={(e) => p.onSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              p.onSearch("");
              e.currentTarget.blur();
            }
          }}
          maxLength={200}
          autoComplete="off"
          data-testid="search-input"
        />
        <kbd className="search-hint" aria-hidden="true">
          /
        </kbd>
      </div>
      <div className="toolbar-row">
        <div className="chip-group" role="group" aria-label="Filter by priority">
          {PRIORITY_FILTERS.map((f) => {
            const on = p.priority.includes(f.id);
            return (
              <button
                key={f.id}
                type="button"
                className={`chip chip-priority-${f.id}`}
                aria-pressed={on}
                onClick={() => p.onPriority(on ? p.priority.filter((x) => x !== f.id) : [...p.priority, f.id])}
                data-testid={`filter-priority-${f.id}`}
              >
                {f.label}
              </button>
            );
          })}
        </div>
        <label className="select-field">
          <span>Tag</span>
          <select value={p.tag ?? ""} onChange={(e) => p.onTag(e.target.value || null)} data-testid="filter-tag">
            <option value="">Any</option>
            {p.tags.map((t) => (
              <option key={t} value={t}>
                #{t}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <button type="button" className="btn btn-ghost btn-small" onClick={p.onClear} data-testid="clear-filters">
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * The list's order: a view setting beside the heading rather than a filter, so a
 * row of filters that grows (long tag names) never pushes it onto a line of its own.
 */
export function SortSelect({ sort, onSort }: { sort: SortId; onSort: (s: SortId) => void }) {
  return (
    <label className="select-field sort-field">
      <span>Sort</span>
      <select value={sort} onChange={(e) => onSort(e.target.value as SortId)} data-testid="sort-select">
        {Object.entries(SORTS).map(([id, s]) => (
          <option key={id} value={id}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
}
