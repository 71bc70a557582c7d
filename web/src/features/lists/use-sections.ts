/** The sections of the list on screen, with their writes; reloaded when tasks change elsewhere. */
import { useCallback, useEffect, useState } from "react";
import type { Section } from "#contracts/list.ts";
import { createSection, deleteSection, listSections, renameSection } from "../../lib/lists-api.ts";
import { notifyTasksChanged, useTasksChanged } from "../../lib/tasks-events.ts";
import { reloadLists } from "./lists-store.ts";

export function useSections(listId: number | null) {
  const [state, setState] = useState<{ listId: number | null; sections: Section[] }>({ listId: null, sections: [] });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // The lists first: a list deleted elsewhere is then known gone (the page passes null), not asked for.
  useTasksChanged(() => void reloadLists().then(reload));
  useEffect(() => {
    if (listId === null) return;
    const ac = new AbortController();
    listSections(listId, ac.signal)
      .then((sections) => setState({ listId, sections }))
      .catch(() => {
        /* keep what is shown; the tasks themselves still load */
      });
    return () => ac.abort();
  }, [listId, version]);
  const sections = state.listId === listId ? state.sections : [];

  const add = useCallback(
    async (name: string) => {
      if (listId === null) return;
      const s = await createSection(listId, name.trim());
      setState((st) => ({ ...st, sections: [...st.sections, s] }));
      return s;
    },
    [listId],
  );
  const rename = useCallback(async (id: number, name: string) => {
    const s = await renameSection(id, name.trim());
    setState((st) => ({ ...st, sections: st.sections.map((x) => (x.id === id ? s : x)) }));
  }, []);
  const remove = useCallback(async (id: number) => {
    await deleteSection(id);
    setState((st) => ({ ...st, sections: st.sections.filter((x) => x.id !== id) }));
    // Its tasks moved to the list's top: the page reloads them.
    notifyTasksChanged();
  }, []);
  return { sections, add, rename, remove, reload };
}
