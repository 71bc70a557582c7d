/**
 * OpenAI's ChatKit widget as Tickler's chat panel, talking to Tickler's own
 * `POST /api/chatkit` (threads are Tickler conversations). Opt-in: only used
 * when the server has CHATKIT_DOMAIN_KEY; see `with-chatkit.tsx`.
 */
import type { OpenAIChatKit } from "@openai/chatkit";
import { useEffect, useRef, useState } from "react";
import type { ChatPanelProps } from "../chat/chat-panel-props.ts";
import { chatkitFetch } from "./chatkit-fetch.ts";
import { loadChatKit } from "./load-chatkit.ts";

export interface ChatKitPanelProps extends ChatPanelProps {
  domainKey: string;
  apiUrl: string;
  /** The server transcribes speech (`input.transcribe`): the widget shows its dictation button. */
  dictation?: boolean;
  /** Offered when the widget cannot load (offline, CDN blocked). */
  onUseBuiltIn: () => void;
}

/** Tickler's theme choice (`data-theme`), else the system's. */
const isDark = () => {
  const chosen = document.documentElement.dataset.theme;
  return chosen ? chosen === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
};

export default function ChatKitPanel({
  domainKey,
  apiUrl,
  dictation = false,
  onTasksChanged,
  onClose,
  onUseBuiltIn,
}: ChatKitPanelProps) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const tasksChanged = useRef(onTasksChanged);
  tasksChanged.current = onTasksChanged;

  useEffect(() => {
    let element: OpenAIChatKit | null = null;
    let cancelled = false;
    const onResponseEnd = () => tasksChanged.current();
    loadChatKit().then(
      () => {
        if (cancelled || !host.current) return;
        element = document.createElement("openai-chatkit") as OpenAIChatKit;
        element.setOptions({
          api: { url: apiUrl, domainKey, fetch: chatkitFetch },
          theme: isDark() ? "dark" : "light",
          startScreen: { greeting: "What should I do with your tasks?", prompts: [] },
          composer: { placeholder: "Ask the assistant…", dictation: { enabled: dictation } },
        });
        element.addEventListener("chatkit.response.end", onResponseEnd);
        element.style.height = "100%";
        host.current.append(element);
        setState("ready");
      },
      () => !cancelled && setState("failed"),
    );
    return () => {
      cancelled = true;
      element?.removeEventListener("chatkit.response.end", onResponseEnd);
      element?.remove();
    };
  }, [domainKey, apiUrl, dictation]);

  return (
    <section
      className="chatkit-panel"
      aria-label="Assistant (ChatKit)"
      style={{ display: "flex", flexDirection: "column", height: "100%" }}
    >
      <header style={{ display: "flex", justifyContent: "flex-end" }}>
        <button type="button" className="btn btn-ghost" onClick={onClose} aria-label="Close the assistant">
          Close
        </button>
      </header>
      {state === "loading" && <p role="status">Loading the ChatKit widget…</p>}
      {state === "failed" && (
        <div role="alert">
          <p>The ChatKit widget could not be loaded (it comes from OpenAI's CDN and needs internet access).</p>
          <button type="button" className="btn" onClick={onUseBuiltIn}>
            Use the built-in assistant
          </button>
        </div>
      )}
      <div ref={host} style={{ flex: 1, minHeight: 0 }} hidden={state !== "ready"} />
    </section>
  );
}
