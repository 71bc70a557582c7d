/** What a new conversation shows: what the assistant can do, as prompts to try. */
const EXAMPLES = ["add buy milk tomorrow 9am #errands", "what's overdue?", "show my tasks", "mark task 1 done", "push the report to Friday"];

export function ChatEmpty({ onPick, model }: { onPick: (text: string) => void; model: string | null }) {
  return (
    <div className="chat-empty" data-testid="chat-empty">
      <h3>Ask about your tasks</h3>
      <p className="muted">
        The assistant can add, find, change, complete and delete tasks for you.
        {model === "Offline assistant" && " The built-in offline assistant understands short, direct requests."}
      </p>
      <p className="chat-empty-label" id="chat-examples-label">
        Try:
      </p>
      <ul className="chat-examples" aria-labelledby="chat-examples-label">
        {EXAMPLES.map((x) => (
          <li key={x}>
            <button type="button" className="chat-example" onClick={() => onPick(x)} data-testid="chat-example">
              {x}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
