// Reads the demo corpus in content/ and checks every file with zod. A bad file stops the import
// with its name, line and what is wrong, so whoever edits the corpus can fix it at once.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { z } from "zod";
import { check, ContentError, isoDate, lineOf, objectiveRef, parseYaml, slug } from "./base.server";
import {
  lineOfText,
  loadNewsletters,
  loadProgrammesAndPlans,
  type ContentEdition,
  type ContentPlan,
  type ContentProgramme,
  type ContentSubscriber,
} from "./corpus-plans.server";
import { isTime } from "~/lib/format";
import {
  actionStatuses,
  agendaSections,
  bodyKinds,
  decisionOutcomes,
  meetingStatuses,
  membershipRoles,
  organisationKinds,
  topicPurposes,
  userRoles,
  wooFootings,
} from "~/lib/vocabulary";

// Demo content may only use the reserved .example domain, so no demo mail reaches a real person; a
// network's own data (`npm run import`) has real addresses.
const anyEmail = z.email("moet een e-mailadres zijn");
const exampleEmail = z
  .email("moet een e-mailadres zijn")
  .refine((v) => v.endsWith(".example"), "moet eindigen op .example (fictieve adressen)");

export const organisationSchema = z.strictObject({
  slug,
  name: z.string().min(1),
  kind: z.enum(organisationKinds),
});

export const personSchema = z.strictObject({
  slug,
  name: z.string().min(1),
  email: exampleEmail.optional(),
  jobTitle: z.string().min(1).optional(),
  organisation: slug,
  // Receives the weekly digest of the organisation's open actions.
  contact: z.boolean().optional(),
});

export const userSchema = z.strictObject({
  email: exampleEmail,
  person: slug,
  role: z.enum(userRoles),
});

export const bodyFrontmatterSchema = z.strictObject({
  name: z.string().min(1),
  shortName: z.string().min(1).optional(),
  code: z
    .string()
    .regex(/^[A-Z]{1,6}$/, "moet 1 tot 6 hoofdletters zijn")
    .optional(),
  kind: z.enum(bodyKinds),
  parent: slug.optional(),
  activeFrom: isoDate,
  activeUntil: isoDate.optional(),
  meetingFrequency: z.string().min(1).optional(),
  sortOrder: z.number().int().default(0),
  // Under which article of the Woo its public records are published (artikel-3-1 when left out).
  woo: z.enum(wooFootings).optional(),
  members: z
    .array(
      z.strictObject({
        person: slug,
        role: z.enum(membershipRoles),
        from: isoDate,
        until: isoDate.optional(),
      }),
    )
    .default([]),
  // The bestuursagenda: topics planned for a meeting (by its file name) or a quarter ("2027-K2").
  topics: z
    .array(
      z
        .strictObject({
          subject: z.string().min(1),
          purpose: z.enum(topicPurposes),
          owner: slug.optional(),
          meeting: z.string().min(1).optional(),
          quarter: z
            .string()
            .regex(/^\d{4}-K[1-4]$/, "moet een kwartaal zijn als 2027-K2")
            .optional(),
          confidential: z.boolean().optional(),
        })
        .refine((t) => Boolean(t.meeting) !== Boolean(t.quarter), "een onderwerp heeft óf een meeting óf een quarter"),
    )
    .default([]),
});

const time = z.string().refine(isTime, "moet een tijd zijn als UU:MM");

export const meetingSchema = z.strictObject({
  body: slug,
  date: isoDate,
  start: time,
  end: time,
  location: z.string().min(1),
  chair: z.string().min(1).optional(),
  secretary: z.string().min(1).optional(),
  invitees: z.string().min(1).optional(),
  public: z.boolean(),
  registrationNumber: z.string().min(1).optional(),
  status: z.enum(meetingStatuses),
  // Who came, for a meeting held: every invitee is recorded present except those listed otherwise —
  // absent, later (from a time), leaving early (until a time), or substituted (by a named person);
  // guests are people from outside the body.
  attendance: z
    .strictObject({
      absent: z.array(slug).default([]),
      later: z.array(z.strictObject({ person: slug, from: time })).default([]),
      early: z.array(z.strictObject({ person: slug, until: time })).default([]),
      substitutes: z.array(z.strictObject({ person: slug, by: z.string().min(1) })).default([]),
      guests: z.array(z.strictObject({ name: z.string().min(1), organisation: z.string().min(1).optional() })).default([]),
    })
    .optional(),
  items: z.array(
    z.strictObject({
      section: z.enum(agendaSections),
      subject: z.string().min(1),
      proposal: z.string().optional(),
      presenter: z.string().min(1).optional(),
      minutes: z.number().int().positive().optional(),
      confidential: z.boolean().optional(),
      objectives: z.array(objectiveRef).optional(),
      decisions: z
        .array(
          z.strictObject({
            outcome: z.enum(decisionOutcomes),
            text: z.string().optional(),
            discussion: z.string().optional(),
            confidential: z.boolean().optional(),
            objectives: z.array(objectiveRef).optional(),
            commitments: z
              .array(
                z
                  .strictObject({
                    description: z.string().min(1),
                    person: slug.optional(),
                    organisation: slug.optional(),
                    due: isoDate.optional(),
                    // The action's history so far: its status, when and why it was closed, progress notes.
                    status: z.enum(actionStatuses).optional(),
                    objectives: z.array(objectiveRef).optional(),
                    closed: isoDate.optional(),
                    note: z.string().min(1).optional(),
                    updates: z.array(z.strictObject({ on: isoDate, by: slug, note: z.string().min(1) })).optional(),
                  })
                  .refine(
                    (c) => !(c.status === "afgerond" || c.status === "vervallen") || (c.closed && c.note),
                    "een afgeronde of vervallen actie heeft een datum (closed) en een toelichting (note)",
                  ),
              )
              .optional(),
            // On the hamerstuk that adopts the previous list: new texts, by the subject of the item decided on.
            amendments: z.array(z.strictObject({ item: z.string().min(1), text: z.string().min(1) })).optional(),
          }),
        )
        .optional(),
      // Papers on the item: a Markdown note, or a file from content/files/.
      documents: z
        .array(
          z
            .strictObject({
              title: z.string().min(1),
              confidential: z.boolean().optional(),
              // An advice (adviesnota, an expertgroep's advice): the Woo category adviezen.
              advice: z.boolean().optional(),
              note: z.string().min(1).optional(),
              file: z
                .string()
                .regex(
                  /^[a-z0-9][a-z0-9.-]*\.(pdf|docx|xlsx|pptx|png|jpg|txt)$/,
                  "moet een bestandsnaam in content/files/ zijn",
                )
                .optional(),
            })
            .refine((d) => Boolean(d.note) !== Boolean(d.file), "een stuk heeft óf een note óf een file"),
        )
        .optional(),
      // This item was sent up from another body's meeting (by file name and subject there).
      handedFrom: z.strictObject({ meeting: z.string().min(1), item: z.string().min(1) }).optional(),
    }),
  ),
});

export type ContentMeeting = z.infer<typeof meetingSchema> & { file: string };

export type ContentOrganisation = z.infer<typeof organisationSchema>;
export type ContentPerson = z.infer<typeof personSchema>;
export type ContentUser = z.infer<typeof userSchema>;
export type ContentBody = z.infer<typeof bodyFrontmatterSchema> & {
  slug: string;
  purposeMarkdown: string;
  file: string;
};

/** A list file; one that is not there is an empty list (a network may bring no accounts, say). */
function readList<T>(dir: string, name: string, schema: z.ZodType<T>): T[] {
  const path = join(dir, name);
  if (!existsSync(path)) return [];
  const located = parseYaml(relative(process.cwd(), path) || path, readFileSync(path, "utf8"));
  return check(located, z.array(schema));
}

// The site's settings (settings.yaml): the organisation the Woo publications appear under, by its name
// on the TOOI lists ("gemeente Enschede").
export const settingsSchema = z.strictObject({ wooPublisher: z.string().min(1).optional() });
export type ContentSettings = z.infer<typeof settingsSchema>;

function readSettings(dir: string): ContentSettings {
  const path = join(dir, "settings.yaml");
  if (!existsSync(path)) return {};
  return check(parseYaml(relative(process.cwd(), path) || path, readFileSync(path, "utf8")), settingsSchema);
}

function readBody(dir: string, fileName: string): ContentBody {
  const path = join(dir, fileName);
  const file = relative(process.cwd(), path) || path;
  const text = readFileSync(path, "utf8");
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new ContentError(file, 1, "frontmatter ontbreekt: begin het bestand met een regel ---");
  // The frontmatter starts on line 2 of the file.
  const located = parseYaml(file, match[1], 1);
  const frontmatter = check(located, bodyFrontmatterSchema);
  const slugFromName = fileName.replace(/\.md$/, "");
  check(located, slug, slugFromName);
  return { ...frontmatter, slug: slugFromName, purposeMarkdown: match[2].trim(), file };
}

export type Corpus = {
  organisations: ContentOrganisation[];
  people: ContentPerson[];
  users: ContentUser[];
  bodies: ContentBody[];
  meetings: ContentMeeting[];
  programmes: ContentProgramme[];
  plans: ContentPlan[];
  editions: ContentEdition[];
  subscribers: ContentSubscriber[];
  settings: ContentSettings;
  /** The folder as messages name it, for the list files (people.yaml …) that carry no name of their own. */
  dir: string;
};

function readMeeting(dir: string, fileName: string): ContentMeeting {
  const path = join(dir, fileName);
  const file = relative(process.cwd(), path) || path;
  const located = parseYaml(file, readFileSync(path, "utf8"));
  const meeting = check(located, meetingSchema);
  if (meeting.end <= meeting.start) throw new ContentError(file, lineOf(located, ["end"]), "end: moet na start liggen");
  return { ...meeting, file };
}

/** Loads and checks the whole corpus, including references between files. */
export function loadCorpus(dir: string, { demo = true }: { demo?: boolean } = {}): Corpus {
  const email = demo ? exampleEmail : anyEmail;
  const organisations = readList(dir, "organisations.yaml", organisationSchema);
  const people = readList(dir, "people.yaml", personSchema.extend({ email: email.optional() }));
  const users = readList(dir, "users.yaml", userSchema.extend({ email }));
  const filesIn = (sub: string, extension: string) =>
    existsSync(join(dir, sub))
      ? readdirSync(join(dir, sub))
          .filter((f) => f.endsWith(extension))
          .sort()
      : [];
  const bodies = filesIn("bodies", ".md").map((f) => readBody(join(dir, "bodies"), f));
  const meetingDir = join(dir, "meetings");
  const meetings = filesIn("meetings", ".yaml").map((f) => readMeeting(meetingDir, f));

  const orgSlugs = new Set(organisations.map((o) => o.slug));
  const personSlugs = new Set(people.map((p) => p.slug));
  const bodySlugs = new Set(bodies.map((b) => b.slug));
  const refError = (file: string, text: string, needle: string, problem: string) => {
    const index = text.indexOf(needle);
    const line = index < 0 ? 1 : text.slice(0, index).split("\n").length;
    return new ContentError(file, line, problem);
  };
  const peopleFile = join(dir, "people.yaml");
  const peopleText = people.length ? readFileSync(peopleFile, "utf8") : "";
  for (const person of people) {
    if (!orgSlugs.has(person.organisation)) {
      throw refError(
        relative(process.cwd(), peopleFile),
        peopleText,
        `organisation: ${person.organisation}`,
        `onbekende organisatie "${person.organisation}"`,
      );
    }
  }
  const usersFile = join(dir, "users.yaml");
  const usersText = users.length ? readFileSync(usersFile, "utf8") : "";
  for (const user of users) {
    if (!personSlugs.has(user.person)) {
      throw refError(
        relative(process.cwd(), usersFile),
        usersText,
        `person: ${user.person}`,
        `onbekende persoon "${user.person}"`,
      );
    }
  }
  for (const body of bodies) {
    const file = join(dir, "bodies", `${body.slug}.md`);
    const text = readFileSync(file, "utf8");
    if (body.parent && !bodySlugs.has(body.parent)) {
      throw refError(
        relative(process.cwd(), file),
        text,
        `parent: ${body.parent}`,
        `onbekend bovenliggend gremium "${body.parent}"`,
      );
    }
    for (const member of body.members) {
      if (!personSlugs.has(member.person)) {
        throw refError(
          relative(process.cwd(), file),
          text,
          `person: ${member.person}`,
          `onbekende persoon "${member.person}"`,
        );
      }
    }
    const meetingFiles = new Set(meetings.filter((m) => m.body === body.slug).map((m) => basename(m.file, ".yaml")));
    for (const topic of body.topics) {
      if (topic.owner && !personSlugs.has(topic.owner))
        throw refError(relative(process.cwd(), file), text, `owner: ${topic.owner}`, `onbekende persoon "${topic.owner}"`);
      if (topic.meeting && !meetingFiles.has(topic.meeting))
        throw refError(
          relative(process.cwd(), file),
          text,
          `meeting: ${topic.meeting}`,
          `onbekende vergadering "${topic.meeting}" van dit gremium`,
        );
    }
  }
  for (const meeting of meetings) {
    const text = () => readFileSync(resolve(process.cwd(), meeting.file), "utf8");
    if (!bodySlugs.has(meeting.body))
      throw refError(meeting.file, text(), `body: ${meeting.body}`, `onbekend gremium "${meeting.body}"`);
    const listed = [
      ...(meeting.attendance?.absent ?? []),
      ...(meeting.attendance?.later ?? []).map((l) => l.person),
      ...(meeting.attendance?.early ?? []).map((e) => e.person),
      ...(meeting.attendance?.substitutes ?? []).map((s) => s.person),
    ];
    for (const person of listed)
      if (!personSlugs.has(person)) throw refError(meeting.file, text(), person, `onbekende persoon "${person}"`);
  }
  const { programmes, plans } = loadProgrammesAndPlans(dir);
  const programmeSlugs = new Set(programmes.map((p) => p.slug));
  const objectiveRefs = new Set(programmes.flatMap((p) => p.objectives.map((o) => `${p.slug}/${o.number}`)));
  const missing = (file: string, needle: string, problem: string) =>
    new ContentError(file, lineOfText(file, needle), problem);
  for (const programme of programmes) {
    if (!bodySlugs.has(programme.owner))
      throw missing(programme.file, `owner: ${programme.owner}`, `onbekend gremium "${programme.owner}"`);
    if (programme.predecessor && !programmeSlugs.has(programme.predecessor))
      throw missing(
        programme.file,
        `predecessor: ${programme.predecessor}`,
        `onbekend programma "${programme.predecessor}"`,
      );
    for (const objective of programme.objectives)
      if (objective.lead && !personSlugs.has(objective.lead))
        throw missing(programme.file, `lead: ${objective.lead}`, `onbekende persoon "${objective.lead}"`);
  }
  const checkRefs = (file: string, refs: string[] | undefined) => {
    for (const ref of refs ?? []) if (!objectiveRefs.has(ref)) throw missing(file, ref, `onbekende opgave "${ref}"`);
  };
  for (const meeting of meetings) {
    for (const item of meeting.items) {
      checkRefs(meeting.file, item.objectives);
      for (const document of item.documents ?? [])
        if (document.file && !existsSync(join(dir, "files", document.file)))
          throw missing(meeting.file, `file: ${document.file}`, `bestand "files/${document.file}" bestaat niet`);
      for (const decision of item.decisions ?? []) {
        checkRefs(meeting.file, decision.objectives);
        for (const commitment of decision.commitments ?? []) checkRefs(meeting.file, commitment.objectives);
      }
    }
  }
  const meetingsByName = new Map(meetings.map((m) => [basename(m.file, ".yaml"), m]));
  for (const plan of plans) {
    if (!bodySlugs.has(plan.body)) throw missing(plan.file, `body: ${plan.body}`, `onbekend gremium "${plan.body}"`);
    for (const goal of plan.goals) checkRefs(plan.file, goal.objectives);
    if (plan.consent) {
      const meeting = meetingsByName.get(plan.consent.meeting);
      if (!meeting) throw missing(plan.file, plan.consent.meeting, `onbekende vergadering "${plan.consent.meeting}"`);
      if (!meeting.items.some((i) => i.subject === plan.consent!.item))
        throw missing(plan.file, plan.consent.item, `de vergadering heeft geen agendapunt "${plan.consent.item}"`);
    }
  }
  const { editions, subscribers } = loadNewsletters(dir);
  for (const edition of editions)
    if (edition.meeting && !meetingsByName.has(edition.meeting))
      throw missing(edition.file, edition.meeting, `onbekende vergadering "${edition.meeting}"`);
  return {
    organisations,
    people,
    users,
    bodies,
    meetings,
    programmes,
    plans,
    editions,
    subscribers,
    settings: readSettings(dir),
    dir: relative(process.cwd(), dir) || ".",
  };
}

export { ContentError } from "./base.server";
