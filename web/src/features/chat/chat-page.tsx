/** `/chat`: the assistant on a page of its own, with the conversation list beside it. */
import { navigate } from "../../lib/router.tsx";
import { notifyTasksChanged } from "../../lib/tasks-events.ts";
import { useDocumentTitle } from "../../lib/use-document-title.ts";
import { ChatPanel } from "./chat-panel.tsx";

export default function ChatPage() {
  useDocumentTitle("Assistant");
  return (
    <div className="chat-page-wrap">
      <ChatPanel variant="page" autoFocus onTasksChanged={notifyTasksChanged} onClose={() => navigate("/")} />
    </div>
  );
}
