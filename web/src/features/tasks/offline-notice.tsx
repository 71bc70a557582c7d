/**
 * A calm line above the list while the server is away (or queued changes are
 * still being sent): what the user sees is their last list, and nothing typed is lost.
 */
export function OfflineNotice({ offline, queued }: { offline: boolean; queued: number }) {
  const changes = queued === 1 ? "1 change" : `${queued} changes`;
  const text = offline
    ? queued > 0
      ? `Offline — showing your tasks as last seen. ${changes} will be saved when the server is back.`
      : "Offline — showing your tasks as last seen. Changes you make are kept and saved when the server is back."
    : `Saving ${changes} made while offline…`;
  return (
    <p className="offline-notice" role="status" data-testid="offline-notice" data-offline={offline || undefined}>
      <span className="offline-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
