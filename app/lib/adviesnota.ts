/** The adviesnota headings a new note starts with (as in the network's own adviesnota's). */
export const adviesnotaTemplate = [
  "## Voorstel",
  "",
  "## Inleiding",
  "",
  "## Beoogd effect",
  "",
  "## Argumenten",
  "",
  "## Kanttekeningen",
  "",
  "## Kosten, baten, dekking",
  "",
  "## Communicatie",
  "",
  "## Vervolg",
  "",
].join("\n");
