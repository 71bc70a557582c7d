import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import "./styles/theme.css";
import "./styles/base.css";
import "./styles/auth.css";
import "./styles/layout.css";
import "./styles/tasks.css";
import "./styles/lists.css";
import "./styles/calendar.css";
import "./styles/landing.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
// The app shell works without the server once installed (web/public/sw.js); not in `vite` dev, where files change live.
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch(() => {
      /* no worker (e.g. a private window): the app works, just not offline */
    });
  });
}

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
