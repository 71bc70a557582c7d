/**
 * Wraps the built-in chat panel: when the server has CHATKIT_DOMAIN_KEY
 * (`GET /api/config`), OpenAI's ChatKit widget takes its place; otherwise, or
 * if the widget cannot load, the built-in panel shows. The widget code is
 * fetched only in the first case.
 *
 * Wiring (features/layout/chat-slot.ts):
 *   export const ChatPanel = withChatKit(lazy(() => import("../chat/chat-panel.tsx")));
 */
import { lazy, Suspense, useEffect, useState, type ComponentType } from "react";
import type { PublicConfig } from "#contracts/chatkit.ts";
import type { ChatPanelProps } from "../chat/chat-panel-props.ts";
import { loadServerConfig } from "../../lib/server-config.ts";

const ChatKitPanel = lazy(() => import("./chatkit-panel.tsx"));

export function withChatKit(BuiltIn: ComponentType<ChatPanelProps>): ComponentType<ChatPanelProps> {
  return function ChatPanelOrChatKit(props: ChatPanelProps) {
    const [chatkit, setChatkit] = useState<PublicConfig["chatkit"] | undefined>(undefined);
    const [dictation, setDictation] = useState(false);
    useEffect(() => {
      let live = true;
      loadServerConfig().then(
        (c) => {
          if (!live) return;
          setChatkit(c.chatkit);
          setDictation(c.transcription);
        },
        () => live && setChatkit(null),
      );
      return () => {
        live = false;
      };
    }, []);
    if (chatkit === undefined) return null;
    return (
      <Suspense fallback={null}>
        {chatkit ? (
          <ChatKitPanel {...props} {...chatkit} dictation={dictation} onUseBuiltIn={() => setChatkit(null)} />
        ) : (
          <BuiltIn {...props} />
        )}
      </Suspense>
    );
  };
}
