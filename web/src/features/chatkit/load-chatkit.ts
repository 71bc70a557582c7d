/**
 * Loads OpenAI's ChatKit web component from OpenAI's CDN, once, and only when
 * asked (the server has CHATKIT_DOMAIN_KEY and the panel mounts). It cannot be
 * bundled or pinned: OpenAI serves only this URL. The server's CSP allows it
 * only when the key is set (src/server/http-hardening.ts).
 */
export const CHATKIT_SCRIPT_URL = "https://cdn.platform.openai.com/deployments/chatkit/chatkit.js";

let loading: Promise<void> | null = null;

export function loadChatKit(): Promise<void> {
  if (customElements.get("openai-chatkit")) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = CHATKIT_SCRIPT_URL;
    script.async = true;
    script.onload = () => void customElements.whenDefined("openai-chatkit").then(() => resolve());
    script.onerror = () => {
      loading = null; // a later mount may try again
      script.remove();
      reject(new Error("The ChatKit widget could not be loaded from OpenAI's CDN."));
    };
    document.head.append(script);
  });
  return loading;
}
