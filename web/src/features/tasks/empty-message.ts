import type { TaskView } from "./views.ts";

/** What an empty list says, depending on why it's empty. */
export function emptyMessage(v: TaskView): { title: string; body: string } {
  if (v.q) return { title: `Nothing matches “${v.q}”`, body: "Try other words, or clear the filters." };
  if (v.priority.length || v.tag)
    return { title: "No tasks match these filters", body: "Clear the filters to see more." };
  switch (v.view) {
    case "pending":
      return { title: "All clear", body: "Nothing left to do. Add a task above (press n)." };
    case "today":
      return { title: "Nothing due today", body: "Enjoy the calm, or plan something." };
    case "upcoming":
      return { title: "Nothing coming up", body: "Tasks with a due date from today on show here." };
    case "calendar":
      return { title: "Nothing due on these days", body: "Pick a day to add a task due then." };
    case "overdue":
      return { title: "Nothing overdue", body: "You're on top of things." };
    case "completed":
      return { title: "No completed tasks yet", body: "Tick a task off and it lands here." };
    case "all":
      return { title: "No tasks yet", body: "Add your first task above. Press n any time to start one." };
  }
}
