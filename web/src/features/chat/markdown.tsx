/**
 * An assistant reply as Markdown (lists, emphasis, code, links), rendered by
 * react-markdown without rehype-raw: no HTML the model writes becomes markup.
 * Raw HTML is shown as the text it is, rather than dropped, so the user sees
 * what the model said; react-markdown's URL filter drops `javascript:` links.
 */
import Markdown, { type Components } from "react-markdown";
import remarkBreaks from "remark-breaks";

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

/** rehype plugin: every `raw` (HTML) node becomes a plain text node. */
function rawAsText() {
  const walk = (n: Node) => {
    if (n.type === "raw") n.type = "text";
    n.children?.forEach(walk);
  };
  return walk;
}

const components: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  ),
  // Headings in a chat bubble read as bold lines, not page structure.
  h1: ({ children }) => <p className="md-heading">{children}</p>,
  h2: ({ children }) => <p className="md-heading">{children}</p>,
  h3: ({ children }) => <p className="md-heading">{children}</p>,
  img: ({ alt }) => <span>{alt ?? ""}</span>,
};

/**
 * Replies are written line by line: a line right after a list item is a new
 * paragraph, not the item's continuation, and other single newlines stay line
 * breaks (remark-breaks).
 */
export const endLists = (text: string) =>
  text.replace(/^(\s*(?:[-*+]|\d+[.)])\s.*)\n(?!\s*(?:[-*+]|\d+[.)])\s|\s*\n)/gm, "$1\n\n");

export function MarkdownText({ text }: { text: string }) {
  return (
    <Markdown remarkPlugins={[remarkBreaks]} rehypePlugins={[rawAsText]} components={components}>
      {endLists(text)}
    </Markdown>
  );
}
