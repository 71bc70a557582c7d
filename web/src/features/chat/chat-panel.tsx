/**
 * The assistant: a side panel on every signed-in page (an overlay on phones) and,
 * with `variant="page"`, the full /chat page. Both show the same conversation.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Link } from "../../lib/router.tsx";
import { CloseIcon, PlusIcon } from "../layout/icons.tsx";
import type { ChatPanelProps } from "./chat-panel-props.ts";
import { ExpandIcon, ListIcon } from "./chat-icons.tsx";
import { ChatEmpty } from "./chat-empty.tsx";
import { chatStore } from "./chat-store.ts";
import { Composer } from "./composer.tsx";
import { ConversationList } from "./conversation-list.tsx";
import { MessageList } from "./message-list.tsx";
import { modelLabel, useServerModel } from "./model-name.ts";
import { useChat } from "./use-chat.ts";
import "../../styles/chat.css";
import { useConversations } from "./use-conversations.ts";
import { useOverlayInert } from "./use-overlay-inert.ts";
import { useVoiceInput } from "./use-voice-input.ts";
import { appendTranscript } from "./voice-recorder.ts";

export interface Props extends ChatPanelProps {
  variant?: "panel" | "page";
}

export function ChatPanel({ onTasksChanged, onClose, autoFocus = false, variant = "panel" }: Props) {
  const chat = useChat(onTasksChanged);
  const isPage = variant === "page";
  const [listOpen, setListOpen] = useState(false);
  const showList = isPage || listOpen;
  const conversations = useConversations(chat.listVersion, showList);
  const [draft, setDraft] = useState("");
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const listButton = useRef<HTMLButtonElement>(null);
  const idPrefix = useId().replace(/:/g, "");
  const serverModel = useServerModel();
  const model = modelLabel(chat.model ?? serverModel);
  useOverlayInert(!isPage);

  const focusInput = () => requestAnimationFrame(() => inputRef.current?.focus());
  // The transcript goes into the box for the person to read and send: never sent by itself.
  const voice = useVoiceInput((text) => {
    setDraft((d) => appendTranscript(d, text));
    focusInput();
  });
  useEffect(() => {
    if (autoFocus) focusInput();
  }, [autoFocus]);

  const send = () => {
    if (!draft.trim() || chat.phase !== "idle") return;
    chatStore.send(draft);
    setDraft("");
  };
  const openConversation = (id: string) => {
    if (id !== chat.conversationId || chat.loadError) void chatStore.open(id);
    if (!isPage) setListOpen(false);
    focusInput();
  };
  const newConversation = () => {
    chatStore.newConversation();
    if (!isPage) setListOpen(false);
    focusInput();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Escape" || e.defaultPrevented) return;
    if (listOpen && !isPage) {
      e.preventDefault();
      setListOpen(false);
      listButton.current?.focus();
    } else if (!isPage && window.matchMedia("(max-width: 900px)").matches) {
      e.preventDefault();
      onClose();
    }
  };

  const Heading = isPage ? "h1" : "h2";
  const headingId = `${idPrefix}-heading`;
  return (
    <section
      className={`chat chat-${variant}`}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      data-testid="chat-panel"
    >
      <header className="chat-header">
        <div className="chat-heading">
          <Heading id={headingId}>Assistant</Heading>
          {model && (
            <span className="chat-model" data-testid="chat-model" title={chat.model ?? undefined}>
              {model}
            </span>
          )}
        </div>
        <div className="chat-actions">
          {!isPage && (
            <button
              ref={listButton}
              type="button"
              className="icon-btn"
              onClick={() => setListOpen((o) => !o)}
              aria-expanded={listOpen}
              aria-label="Conversations"
              title="Conversations"
              data-testid="chat-conversations-toggle"
            >
              <ListIcon />
            </button>
          )}
          <button
            type="button"
            className="icon-btn"
            onClick={newConversation}
            aria-label="New chat"
            title="New chat"
            data-testid="chat-new-top"
          >
            <PlusIcon />
          </button>
          {!isPage && (
            <Link
              href="/chat"
              className="icon-btn"
              aria-label="Open the assistant full page"
              title="Full page"
              data-testid="chat-expand"
            >
              <ExpandIcon />
            </Link>
          )}
          <button
            type="button"
            className="icon-btn"
            onClick={onClose}
            aria-label={isPage ? "Back to tasks" : "Close the assistant"}
            title={isPage ? "Back to tasks" : "Close"}
            data-testid="chat-close"
          >
            <CloseIcon />
          </button>
        </div>
      </header>
      <div className="chat-body">
        {showList && (
          <ConversationList
            state={conversations.state}
            activeId={chat.conversationId}
            onOpen={openConversation}
            onNew={newConversation}
            onRenamed={chatStore.renamed}
            onDeleted={chatStore.deleted}
            onLoadMore={conversations.loadMore}
            onRetry={conversations.reload}
            patch={conversations.patch}
          />
        )}
        <div className="chat-thread" hidden={!isPage && listOpen}>
          {chat.title && (
            <p className="chat-title" data-testid="chat-title" title={chat.title}>
              {chat.title}
            </p>
          )}
          {chat.loadError ? (
            <div className="chat-load-error" role="alert">
              <p>Couldn't open this conversation. {chat.loadError}</p>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => chat.conversationId && void chatStore.open(chat.conversationId)}
              >
                Try again
              </button>
            </div>
          ) : chat.phase === "loading" ? (
            <div className="chat-loading" role="status" data-testid="chat-loading">
              <span className="spinner" aria-hidden="true" />
              <span className="sr-only">Loading the conversation…</span>
            </div>
          ) : chat.messages.length === 0 ? (
            <ChatEmpty
              model={model}
              onPick={(text) => {
                setDraft(text);
                focusInput();
              }}
            />
          ) : (
            <MessageList
              messages={chat.messages}
              busy={chat.phase === "streaming"}
              onRetry={chatStore.retry}
              onUndo={(m, t) => void chatStore.undo(m, t)}
              onSuggest={(text) => chatStore.send(text)}
            />
          )}
          <Composer
            value={draft}
            onChange={setDraft}
            onSend={send}
            busy={chat.phase !== "idle"}
            inputRef={inputRef}
            idPrefix={idPrefix}
            voice={voice}
          />
        </div>
      </div>
      <div className="sr-only" role="status" aria-live="polite" data-testid="chat-announcer">
        {chat.announcement}
      </div>
    </section>
  );
}

export default ChatPanel;
