import { useId, useState, type InputHTMLAttributes, type ReactNode, type Ref } from "react";

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: ReactNode;
  ref?: Ref<HTMLInputElement>;
  hint?: ReactNode;
  /** Adds a show/hide button for password fields. */
  revealable?: boolean;
}

/** A labelled input with its hint and error wired up through aria-describedby. */
export function TextField({ label, error, hint, revealable, type, className, ref, ...input }: TextFieldProps) {
  const id = useId();
  const [revealed, setRevealed] = useState(false);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field-control">
        <input
          id={id}
          ref={ref}
          type={revealable && revealed ? "text" : type}
          aria-invalid={error ? true : undefined}
          aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
          {...input}
        />
        {revealable && (
          <button
            type="button"
            className="field-reveal"
            aria-pressed={revealed}
            aria-label={revealed ? "Hide password" : "Show password"}
            onClick={() => setRevealed((r) => !r)}
          >
            {revealed ? "Hide" : "Show"}
          </button>
        )}
      </div>
      {error && (
        <p id={errorId} className="field-error" data-testid={`${input.name ?? "field"}-error`}>
          {error}
        </p>
      )}
      {hint && (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      )}
    </div>
  );
}
