/** Full-page message: first load, or the server can't be reached. */
export function StatusScreen({ message, busy, action }: { message: string; busy?: boolean; action?: { label: string; onAction: () => void } }) {
  return (
    <main className="status-screen" aria-busy={busy || undefined}>
      {busy && <span className="spinner" aria-hidden="true" />}
      <p role={busy ? "status" : "alert"}>{message}</p>
      {action && (
        <button type="button" className="btn btn-primary" onClick={action.onAction}>
          {action.label}
        </button>
      )}
    </main>
  );
}
