/** The form-level error line (server refused, network down), announced when it appears. */
export function FormError({ message, testId = "form-error" }: { message: string | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
