import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("shows rows pasted as tab-separated text as a table with header cells", () => {
    const html = renderMarkdown("Ambitie\tFocus\n7a\t2016/2017\n7b\t2018");
    expect(html).toContain("<th>Ambitie</th>");
    expect(html).toContain("<td>7a</td>");
    expect(html).toContain("<td>2018</td>");
  });

  it("keeps footnotes and superscript as strategy documents write them", () => {
    const html = renderMarkdown("Effectief is[^1], zie x<sup>2</sup> en H<sub>2</sub>O.\n\n[^1]: Evaluatie 2019.");
    expect(html).toMatch(
      /Effectief is<sup><a id="(vn-[0-9a-f]{8}-)ref-1" href="#\1[^"]*1" aria-describedby="\1label">1<\/a><\/sup>/,
    );
    expect(html).toContain("<sup>2</sup>");
    expect(html).toContain("<sub>2</sub>");
    expect(html).toContain('class="gremium-visually-hidden">Voetnoten</h2>');
    expect(html).toMatch(/<li id="vn-[0-9a-f]{8}-1">\s*<p>Evaluatie 2019\./);
    expect(html).not.toContain("[^1]");
    // Two texts on one page never share footnote ids.
    const other = renderMarkdown("Ander besluit[^1].\n\n[^1]: Bron.");
    expect(other.match(/id="(vn-[0-9a-f]{8}-)/)![1]).not.toBe(html.match(/id="(vn-[0-9a-f]{8}-)/)![1]);
  });

  it("renders paragraphs, lists and links", () => {
    const html = renderMarkdown("Eerste alinea.\n\n- een\n- twee\n\n[site](https://example.org)");
    expect(html).toContain("<p>Eerste alinea.</p>");
    expect(html).toContain("<li>een</li>");
    expect(html).toContain('<a href="https://example.org">site</a>');
  });

  it("strips scripts, event handlers and javascript: links", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[klik](javascript:alert(3)) <a href="javascript:alert(4)">b</a>',
    );
    expect(html).not.toMatch(/<script|onerror|<img|href="javascript/i);
    expect(html).toContain("klik");
  });

  it("demotes a level-1 heading: the page owns the h1", () => {
    expect(renderMarkdown("# Titel")).toBe("<h2>Titel</h2>");
  });
});

describe("images in Markdown", () => {
  it("keeps images from this site with their alt text and drops foreign ones", () => {
    expect(renderMarkdown("![Logo van ZVS](/nieuwsbrieven/afbeeldingen/1)")).toBe(
      '<p><img src="/nieuwsbrieven/afbeeldingen/1" alt="Logo van ZVS" /></p>',
    );
    expect(renderMarkdown("![pixel](https://tracker.example/p.gif)")).toBe("<p></p>");
    expect(renderMarkdown("![pixel](//tracker.example/p.gif)")).toBe("<p></p>");
  });
});
