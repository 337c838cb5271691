// Programmes and annual plans in content/: Markdown files with YAML frontmatter (see content/README.md).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { z } from "zod";
import { parseEuroCents, todayIso } from "~/lib/format";
import {
  budgetKinds,
  objectiveStatuses,
  objectiveTerms,
  planGoalStatuses,
  planStatuses,
  sectionKindLabels,
  sectionKinds,
} from "~/lib/vocabulary";
import { check, ContentError, isoDate, lineOf, objectiveRef, parseYaml, slug } from "./base.server";

const amount = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const cents = parseEuroCents(String(value));
  if (cents === null) {
    ctx.addIssue({ code: "custom", message: "moet een bedrag zijn, bijvoorbeeld 637.000 of 1.234,56" });
    return z.NEVER;
  }
  return cents;
});

// An objective's number as the strategy writes it: 7, or 7a and 7b under 7.
const objectiveNumber = z
  .union([z.number().int().positive(), z.string()])
  .transform((value) => String(value).trim().toLowerCase())
  .refine((value) => /^\d{1,3}[a-z]?$/.test(value), "moet een nummer zijn als 7, of met een letter als 7a");
const year = z.number().int().min(1900).max(2200);

export const programmeFrontmatterSchema = z.strictObject({
  title: z.string().min(1),
  owner: slug,
  starts: isoDate,
  ends: isoDate.optional(),
  predecessor: slug.optional(),
  // The programme's own word for its objectives: ambities, opgaven or doelen.
  term: z.enum(objectiveTerms).default("opgaven"),
  objectives: z
    .array(
      z.strictObject({
        number: objectiveNumber,
        title: z.string().min(1),
        lead: slug.optional(),
        // The focus years; `focus` is a note in words (or years written as "2023–2026").
        focusFrom: year.optional(),
        focusTo: year.optional(),
        focus: z.string().min(1).optional(),
        description: z.string().optional(),
        statuses: z
          .array(z.strictObject({ on: isoDate, status: z.enum(objectiveStatuses), explanation: z.string().min(1) }))
          .default([]),
      }),
    )
    .default([]),
});

export const planFrontmatterSchema = z
  .strictObject({
    body: slug,
    year: z.number().int().min(2000).max(2100),
    title: z.string().min(1),
    status: z.enum(planStatuses),
    // The stuurgroep item that put the plan ter instemming: meeting file name and item subject.
    consent: z.strictObject({ meeting: z.string().min(1), item: z.string().min(1) }).optional(),
    goals: z
      .array(
        z.strictObject({
          title: z.string().min(1),
          owner: z.string().min(1).optional(),
          quarter: z.number().int().min(1).max(4).optional(),
          status: z.enum(planGoalStatuses).default("gepland"),
          progress: z.string().optional(),
          objectives: z.array(objectiveRef).optional(),
        }),
      )
      .default([]),
    budget: z
      .strictObject(
        Object.fromEntries(
          budgetKinds.map((kind) => [
            kind,
            z.array(z.strictObject({ description: z.string().min(1), amount })).default([]),
          ]),
        ) as Record<
          (typeof budgetKinds)[number],
          z.ZodDefault<z.ZodArray<z.ZodObject<{ description: z.ZodString; amount: typeof amount }>>>
        >,
      )
      .optional(),
    report: z.string().optional(),
    reportPublished: isoDate.optional(),
  })
  .refine((plan) => !plan.reportPublished || plan.status === "afgesloten", {
    message: "een gepubliceerd jaarverslag hoort bij een afgesloten plan (status: afgesloten)",
    path: ["reportPublished"],
  });

export type ContentProgramme = z.infer<typeof programmeFrontmatterSchema> & {
  slug: string;
  descriptionMarkdown: string;
  file: string;
};
export type ContentPlan = z.infer<typeof planFrontmatterSchema> & {
  chapters: { title: string; bodyMarkdown: string }[];
  file: string;
};

function splitFrontmatter(file: string, text: string) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new ContentError(file, 1, "frontmatter ontbreekt: begin het bestand met een regel ---");
  return { yaml: match[1]!, body: match[2]!, bodyLine: match[1]!.split("\n").length + 3 };
}

function readProgramme(dir: string, fileName: string): ContentProgramme {
  const path = join(dir, fileName);
  const file = relative(process.cwd(), path) || path;
  const { yaml, body } = splitFrontmatter(file, readFileSync(path, "utf8"));
  const located = parseYaml(file, yaml, 1);
  const frontmatter = check(located, programmeFrontmatterSchema);
  const slugFromName = fileName.replace(/\.md$/, "");
  check(located, slug, slugFromName);
  const numbers = frontmatter.objectives.map((o) => o.number);
  // The duplicate is named at its own line, the first one by its position.
  const duplicate = numbers.findIndex((n, i) => numbers.indexOf(n) !== i);
  if (duplicate >= 0)
    throw new ContentError(
      file,
      lineOf(located, ["objectives", duplicate, "number"]),
      `objectives[${duplicate + 1}].number: nummer ${numbers[duplicate]} staat al bij objectives[${numbers.indexOf(numbers[duplicate]!) + 1}]`,
    );
  if (frontmatter.ends && frontmatter.ends < frontmatter.starts)
    throw new ContentError(file, lineOf(located, ["ends"]), "ends: ligt vóór starts");
  // A status belongs to the programme's period and is not in the future (the model says the same).
  const today = todayIso();
  frontmatter.objectives.forEach((objective, o) =>
    objective.statuses.forEach((status, i) => {
      const where = () => lineOf(located, ["objectives", o, "statuses", i, "on"]);
      const path = `objectives[${o + 1}].statuses[${i + 1}].on`;
      if (status.on > today) throw new ContentError(file, where(), `${path}: ${status.on} ligt in de toekomst`);
      if (status.on < frontmatter.starts)
        throw new ContentError(file, where(), `${path}: ${status.on} ligt vóór het begin van het programma (${frontmatter.starts})`);
      if (frontmatter.ends && status.on > frontmatter.ends)
        throw new ContentError(file, where(), `${path}: ${status.on} ligt na het einde van het programma (${frontmatter.ends})`);
    }),
  );
  frontmatter.objectives.forEach((objective, o) => {
    if (objective.focusFrom && objective.focusTo && objective.focusTo < objective.focusFrom)
      throw new ContentError(
        file,
        lineOf(located, ["objectives", o, "focusTo"]),
        `objectives[${o + 1}].focusTo: ligt vóór focusFrom`,
      );
  });
  return { ...frontmatter, slug: slugFromName, descriptionMarkdown: body.trim(), file };
}

/** Chapters are the body's "## " sections; text before the first heading is refused, so nothing is lost. */
function chaptersOf(file: string, body: string, firstLine: number) {
  const chapters: { title: string; bodyMarkdown: string }[] = [];
  const lines = body.split("\n");
  lines.forEach((line, index) => {
    const heading = /^## (.+)$/.exec(line);
    if (heading) chapters.push({ title: heading[1]!.trim(), bodyMarkdown: "" });
    else if (chapters.length === 0 && line.trim())
      throw new ContentError(
        file,
        firstLine + index,
        "tekst vóór het eerste hoofdstuk: begin elk hoofdstuk met ## Titel",
      );
    else if (chapters.length) chapters[chapters.length - 1]!.bodyMarkdown += `${line}\n`;
  });
  return chapters.map((c) => ({ ...c, bodyMarkdown: c.bodyMarkdown.trim() }));
}

function readPlan(dir: string, fileName: string): ContentPlan {
  const path = join(dir, fileName);
  const file = relative(process.cwd(), path) || path;
  const { yaml, body, bodyLine } = splitFrontmatter(file, readFileSync(path, "utf8"));
  const located = parseYaml(file, yaml, 1);
  const frontmatter = check(located, planFrontmatterSchema);
  return { ...frontmatter, chapters: chaptersOf(file, body, bodyLine), file };
}

export const editionFrontmatterSchema = z.strictObject({
  title: z.string().min(1),
  period: z.string().optional(),
  // The stuurgroep meeting it follows: a meeting file name without .yaml.
  meeting: z.string().min(1).optional(),
  published: isoDate.optional(),
});

export const subscriberSchema = z.strictObject({
  email: z
    .email("moet een e-mailadres zijn")
    .refine((v) => v.endsWith(".example"), "moet eindigen op .example (fictieve adressen)"),
  name: z.string().min(1).optional(),
  organisation: z.string().min(1).optional(),
  status: z.enum(["wacht", "bevestigd", "afgemeld"]).default("bevestigd"),
});

export type ContentEdition = z.infer<typeof editionFrontmatterSchema> & {
  slug: string;
  sections: { kind: (typeof sectionKinds)[number]; title: string; bodyMarkdown: string }[];
  file: string;
};
export type ContentSubscriber = z.infer<typeof subscriberSchema>;

function readEdition(dir: string, fileName: string): ContentEdition {
  const path = join(dir, fileName);
  const file = relative(process.cwd(), path) || path;
  const { yaml, body, bodyLine } = splitFrontmatter(file, readFileSync(path, "utf8"));
  const located = parseYaml(file, yaml, 1);
  const frontmatter = check(located, editionFrontmatterSchema);
  const slugFromName = fileName.replace(/\.md$/, "");
  check(located, slug, slugFromName);
  // A section's kind follows from its heading: "Van de kwartiermaker", "Themagroep …", and so on.
  const sections = chaptersOf(file, body, bodyLine).map((chapter) => {
    const kind =
      (Object.entries(sectionKindLabels).find(([, label]) => chapter.title === label)?.[0] as
        (typeof sectionKinds)[number] | undefined) ??
      (chapter.title.startsWith("Themagroep") ? "themagroep" : "nieuws");
    return { kind, ...chapter };
  });
  return { ...frontmatter, slug: slugFromName, sections, file };
}

export function loadNewsletters(dir: string) {
  const editionsDir = join(dir, "newsletters");
  const editions = existsSync(editionsDir)
    ? readdirSync(editionsDir)
        .filter((f) => f.endsWith(".md"))
        .sort()
        .map((f) => readEdition(editionsDir, f))
    : [];
  const subscribersFile = join(dir, "subscribers.yaml");
  const subscribers = existsSync(subscribersFile)
    ? check(
        parseYaml(relative(process.cwd(), subscribersFile) || subscribersFile, readFileSync(subscribersFile, "utf8")),
        z.array(subscriberSchema),
      )
    : [];
  return { editions, subscribers };
}

export function loadProgrammesAndPlans(dir: string) {
  const list = (sub: string) =>
    existsSync(join(dir, sub))
      ? readdirSync(join(dir, sub))
          .filter((f) => f.endsWith(".md"))
          .sort()
      : [];
  const programmes = list("programmes").map((f) => readProgramme(join(dir, "programmes"), f));
  const plans = list("plans").map((f) => readPlan(join(dir, "plans"), f));
  return { programmes, plans };
}

/** Where a reference sits in a file, for an error message that names the line. */
export function lineOfText(file: string, needle: string) {
  const text = readFileSync(join(process.cwd(), file), "utf8");
  const index = text.indexOf(needle);
  return index < 0 ? 1 : text.slice(0, index).split("\n").length;
}
