/**
 * Toasts: short messages with an optional action (Undo, Retry). Errors are
 * announced assertively, everything else politely.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

export interface ToastInput {
  message: string;
  tone?: "info" | "success" | "error";
  action?: { label: string; onAction: () => void };
  /** ms; errors stay a little longer by default */
  duration?: number;
  /** Called once when the toast goes away for any reason other than its action. */
  onExpire?: () => void;
}

interface ToastItem extends ToastInput {
  id: number;
}

interface ToastApi {
  show(t: ToastInput): number;
  dismiss(id: number): void;
  /** Runs the newest toast's Undo (Ctrl+Z); false when there is none. */
  undoLast(): boolean;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error("useToast needs a <ToastProvider>");
  return ctx;
}

let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const t = timers.current.get(id);
    if (t) clearTimeout(t);
    timers.current.delete(id);
    setItems((xs) => xs.filter((x) => x.id !== id));
  }, []);

  const show = useCallback(
    (input: ToastInput) => {
      const id = nextId++;
      const duration = input.duration ?? (input.tone === "error" ? 7000 : 4000);
      setItems((xs) => [...xs.slice(-3), { ...input, id }]);
      timers.current.set(
        id,
        setTimeout(() => {
          timers.current.delete(id);
          setItems((xs) => xs.filter((x) => x.id !== id));
          input.onExpire?.();
        }, duration),
      );
      return id;
    },
    [],
  );

  useEffect(() => {
    const map = timers.current;
    return () => map.forEach(clearTimeout);
  }, []);

  const undoLast = useCallback(() => {
    const last = itemsRef.current.findLast((t) => t.action?.label === "Undo");
    if (!last?.action) return false;
    dismiss(last.id);
    last.action.onAction();
    return true;
  }, [dismiss]);

  const api = useMemo(() => ({ show, dismiss, undoLast }), [show, dismiss, undoLast]);
  const polite = items.filter((t) => t.tone !== "error");
  const errors = items.filter((t) => t.tone === "error");

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts">
        <div role="status" aria-live="polite" className="toast-stack">
          {polite.map((t) => (
            <ToastView key={t.id} toast={t} dismiss={dismiss} />
          ))}
        </div>
        <div role="alert" aria-live="assertive" className="toast-stack">
          {errors.map((t) => (
            <ToastView key={t.id} toast={t} dismiss={dismiss} />
          ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

function ToastView({ toast, dismiss }: { toast: ToastItem; dismiss: (id: number) => void }) {
  return (
    <div className={`toast toast-${toast.tone ?? "info"}`} data-testid="toast">
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="toast-action"
          data-testid="toast-action"
          onClick={() => {
            dismiss(toast.id);
            toast.action?.onAction();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        className="toast-close"
        aria-label="Dismiss notification"
        onClick={() => {
          dismiss(toast.id);
          toast.onExpire?.();
        }}
      >
        ×
      </button>
    </div>
  );
}
