import { useEffect } from "react";

/** Sets the tab title ("To do · Tickler"), so tabs and history entries say where they lead. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Tickler` : "Tickler";
  }, [title]);
}
