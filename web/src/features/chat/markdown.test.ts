/** Replies render as Markdown, and no HTML from the model reaches the DOM as markup. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText } from "./markdown.tsx";

const html = (text: string) => renderToStaticMarkup(createElement(MarkdownText, { text }));

describe("MarkdownText", () => {
  it("renders lists, emphasis and code", () => {
    expect(html("You have 2 tasks:\n- **Buy milk**\n- `Call mom`")).toBe(
      "<p>You have 2 tasks:</p>\n<ul>\n<li><strong>Buy milk</strong></li>\n<li><code>Call mom</code></li>\n</ul>",
    );
  });

  it("keeps the reply's lines: a sentence after a list is its own paragraph, single newlines are breaks", () => {
    expect(html("Delete these 2 tasks?\n- “A” (task 1)\n- “B” (task 2)\nReply “yes” to delete.")).toBe(
      "<p>Delete these 2 tasks?</p>\n<ul>\n<li>“A” (task 1)</li>\n<li>“B” (task 2)</li>\n</ul>\n<p>Reply “yes” to delete.</p>",
    );
    expect(html("Added “Milk” (task 3).\nMarked “Rent” (task 1) as done.")).toBe(
      "<p>Added “Milk” (task 3).<br/>\nMarked “Rent” (task 1) as done.</p>",
    );
  });

  it("shows HTML in a reply as inert text: no img, script or event handler becomes markup", () => {
    const out = html(
      'Done <img src=x onerror="alert(1)"> and <script>alert(2)</script>\n\n<div onclick="x()">hi</div>',
    );
    const dom = document.createElement("div");
    dom.innerHTML = out;
    expect(dom.querySelectorAll("img, script, div, [onerror], [onclick]")).toHaveLength(0);
    expect(dom.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(out).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
  });

  it("drops javascript: links and opens others safely; images become their alt text", () => {
    const out = html("[click](javascript:alert(1)) [docs](https://example.com) ![a cat](https://example.com/cat.png)");
    expect(out).not.toMatch(/javascript:/i);
    expect(out).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow">docs</a>');
    expect(out).not.toMatch(/<img/);
    expect(out).toContain("a cat");
  });
});
