import { describe, expect, it } from "vitest";
import { proposalLines } from "./docx.server";
import { renderMarkdown } from "./markdown.server";

describe("text of a stored proposal in Word and PDF", () => {
  it("keeps footnotes: the reference as [1], the note numbered below without the link back", () => {
    const html = renderMarkdown(
      "Het is effectief[^1] en betaalbaar[^b].\n\n1. Instemmen.\n2. Besluiten.\n\n[^1]: Evaluatie 2019, p. 4.\n[^b]: Zie de **begroting**.\n",
    );
    expect(proposalLines(html)).toEqual([
      "Het is effectief[1] en betaalbaar[2].",
      "1. Instemmen.",
      "2. Besluiten.",
      "Voetnoten",
      "1. Evaluatie 2019, p. 4.",
      "2. Zie de begroting.",
    ]);
  });
});
