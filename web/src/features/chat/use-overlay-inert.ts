/**
 * While the panel covers the page (narrow screens), the page behind it is inert:
 * Tab stays in the panel and screen readers don't wander behind it.
 */
import { useEffect } from "react";

const NARROW = "(max-width: 900px)";

export function useOverlayInert(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const main = document.getElementById("main");
    if (!main) return;
    const media = window.matchMedia(NARROW);
    const apply = () => main.toggleAttribute("inert", media.matches);
    apply();
    media.addEventListener("change", apply);
    return () => {
      media.removeEventListener("change", apply);
      main.removeAttribute("inert");
    };
  }, [enabled]);
}
