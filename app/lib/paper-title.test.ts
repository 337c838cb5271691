import { describe, expect, it } from "vitest";
import { titleFromFileName } from "./paper-title";

describe("titleFromFileName", () => {
  it("reads a file name as a title", () => {
    expect(titleFromFileName("adviesnota_meerjarenkoers-2027.pdf")).toBe("Adviesnota meerjarenkoers 2027");
    expect(titleFromFileName("Bijlage 2 - begroting.xlsx")).toBe("Bijlage 2 begroting");
    expect(titleFromFileName("C:\\Users\\sanne\\jaarplan.docx")).toBe("Jaarplan");
  });

  it("never gives an empty title", () => {
    expect(titleFromFileName(".pdf")).toBe("Stuk");
  });
});
