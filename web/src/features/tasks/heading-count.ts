/**
 * The number beside the heading. It must agree with the rows below it: with a
 * search or filter in force it counts what matches, and once the whole list is
 * on screen it is the rows shown (never "13 tasks" above "Nothing matches").
 */
export function headingCount(p: {
  filtered: boolean;
  status: "loading" | "ready" | "error";
  shown: number;
  more: boolean;
  total: number | undefined;
}): string | null {
  const tasks = (n: number | string) => `${n} ${n === 1 ? "task" : "tasks"}`;
  if (p.filtered) return p.status === "ready" ? `${p.shown}${p.more ? "+" : ""} matching` : null;
  if (p.status === "ready" && !p.more) return tasks(p.shown);
  return p.total === undefined ? null : tasks(p.total);
}
