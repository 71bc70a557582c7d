/**
 * "185 / 200" beside a field once its text nears the contract's limit, red and
 * announced once over it — so a long text is never cut or refused silently.
 */
const NEAR = 0.9;

export const tooLong = (length: number, max: number) => length > max;

export function LengthCounter({ length, max, testId }: { length: number; max: number; testId: string }) {
  if (length < Math.floor(max * NEAR)) return null;
  const over = tooLong(length, max);
  const fmt = (n: number) => n.toLocaleString();
  return (
    <span className={`length-counter${over ? " length-counter-over" : ""}`} data-testid={testId} role={over ? "alert" : undefined}>
      {over ? `Too long: ${fmt(length)} / ${fmt(max)} characters` : `${fmt(length)} / ${fmt(max)}`}
    </span>
  );
}
