import { focusFromText } from "~/lib/objective-number";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { asc, gt, sql } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import { RuleError } from "~/models/errors";
import { basename, join, resolve } from "node:path";
import { actorOf, systemViewer, type SignedInViewer } from "~/models/access/viewer";
import { getDb, withDatabase, type Db } from "~/lib/db.server";
import { addDaysIso, instantFromAmsterdam } from "~/lib/format";
import { hashPassword } from "~/lib/password.server";
import { readPaper, type PaperReading } from "~/lib/text-extraction.server";
import { checkUpload } from "~/lib/file-types";
import type { AttendanceStatus, SectionKind } from "~/lib/vocabulary";
import {
  actionSteps,
  listActions,
  listActionsForDecisions,
  stepAction,
  type StepOptions,
} from "~/models/actions.server";
import { processActionList } from "~/models/action-lists.server";
import { listAttendance, recordAttendance } from "~/models/attendance.server";
import { writeAudit } from "~/models/audit.server";
import { createBody, getBodyForEdit, listBodiesForAdmin, retireBody } from "~/models/bodies.server";
import { getDecisionList, recordDecision } from "~/models/decisions.server";
import { addDocument } from "~/models/documents.server";
import { setGoalLinks } from "~/models/goal-links.server";
import { recordHandoff } from "~/models/handoffs.server";
import { addMembership, endMembership, listMembershipsForAdmin } from "~/models/memberships.server";
import { cancelMeeting, createMeeting, getMeeting, listMeetings, publishAgenda } from "~/models/meetings.server";
import {
  addSection,
  createEdition,
  getEdition,
  listEditions,
  publishEdition,
  removeSection,
} from "~/models/newsletters.server";
import { createOrganisation, createPerson, listOrganisations, listPeopleIndex } from "~/models/people.server";
import {
  addBudgetLine,
  addChapter,
  addGoal,
  closePlan,
  createPlan,
  getPlan,
  listPlans,
  publishReport,
  recordPlanAdoption,
  submitPlanForConsent,
  updateReport,
} from "~/models/plans.server";
import {
  addObjective,
  createProgramme,
  listObjectivesForFilter,
  listProgrammes,
  setObjectiveStatus,
  updateProgramme,
} from "~/models/programmes.server";
import { importSubscribers } from "~/models/subscribers.server";
import { getSiteSettingsForEdit, getWooPublisher, setWooPublisher } from "~/models/site-settings.server";
import { createAccount, listUsers } from "~/models/users.server";
import { addTopic, getPlanning } from "~/models/planning.server";
import { ContentError, loadCorpus, type Corpus, type ContentMeeting } from "./corpus.server";

// Imports the demo corpus (content/) into a database, through the model layer: every record is made
// by the same functions, through the same door and with the same rules as in the browser, by the
// system (the audit log says "Systeem"), on the dates the corpus gives. The past is replayed in order
// of time: a meeting is planned and published, its decisions are recorded after it, the next meeting
// adopts its list, the actielijst is processed, toezeggingen progress and close on their dates.
//
// Idempotent: what exists already (by slug, e-mail, body and date, body and year) is left as it is and
// only what is missing is added. All or nothing: one transaction, and the corpus is checked whole
// (files, lines, references) before anything is written.

export type ImportSummary = {
  organisations: number;
  people: number;
  users: number;
  bodies: number;
  memberships: number;
  meetings: number;
};

// Who makes the records: the system for the demo and `npm run import`, the beheerder who uploaded a
// network's zip otherwise (so the audit log names them). Set only around the synchronous replay, so
// no other request runs while it is not the system.
let system: SignedInViewer = systemViewer;
type Commitment = NonNullable<
  NonNullable<ContentMeeting["items"][number]["decisions"]>[number]["commitments"]
>[number];
type Event = { at: number; order: number; place: Place; run: () => void };

/** True when the database holds no users yet: the only state in which start-up imports the demo. */
export function isEmptyDatabase(db: Db) {
  return withDatabase(db, () => listUsers({ viewer: system }).length === 0);
}

export async function importDemoCorpus(
  db: Db,
  { contentDir, demoPassword }: { contentDir: string; demoPassword: string },
): Promise<ImportSummary> {
  const corpus = loadCorpus(contentDir);
  const prepared = await prepare(db, corpus, contentDir, () => hashPassword(demoPassword));
  return withDatabase(db, () => db.transaction(() => replay(corpus, prepared)));
}

export type ImportReport = { summary: ImportSummary; changes: string[]; dryRun: boolean };

/** Thrown inside the transaction of a dry run, so everything it did is rolled back. */
class DryRunDone extends Error {
  constructor(public readonly report: Omit<ImportReport, "dryRun">) {
    super("proefimport");
  }
}

/**
 * Imports a network's own data (`npm run import -- DIR`) into a live database: the same format and
 * the same replay as the demo, real e-mail addresses allowed, what exists already (by its stable key)
 * left alone. `changes` lists, in the words of the audit log, everything that was added; a dry run
 * (`--proef`) does all of it in a transaction that is rolled back, so it reports the same list and
 * changes nothing. Accounts get an unusable password: their people set one via "wachtwoord vergeten"
 * or sign in with their organisation. `by` is who imports (the system from the command line).
 */
export async function importCorpus(
  db: Db,
  { contentDir, dryRun = false, by = systemViewer }: { contentDir: string; dryRun?: boolean; by?: SignedInViewer },
): Promise<ImportReport> {
  const corpus = loadCorpus(contentDir, { demo: false });
  const prepared = await prepare(db, corpus, contentDir, () =>
    hashPassword(randomBytes(32).toString("base64url")),
  );
  return withDatabase(db, () => {
    try {
      return db.transaction(() => {
        const before = lastAuditId();
        const summary = stampingEntryTime(Date.now(), () => replayAs(by, () => replay(corpus, prepared, "Eigen gegevens")));
        const changes = getDb()
          .select({ summary: auditLog.summary })
          .from(auditLog)
          .where(gt(auditLog.id, before))
          .orderBy(asc(auditLog.id))
          .all()
          .map((row) => row.summary);
        if (dryRun) throw new DryRunDone({ summary, changes });
        return { summary, changes, dryRun: false };
      });
    } catch (error) {
      if (error instanceof DryRunDone) return { ...error.report, dryRun: true };
      throw error;
    }
  });
}

/**
 * The replay dates records as their events (a decision of 2018 is decided in 2018), and that dates
 * `updated_at` too. A network's import is entered today, though: everything it added or changed gets
 * the time of entry as `updated_at` (decision 024), so a harvester asking the API what changed since
 * its last visit receives the history brought in. Every table with that column is compared before
 * and after, so a record the import touched is never missed.
 */
function stampingEntryTime<T>(enteredAt: number, run: () => T): T {
  const client = getDb().$client;
  const tables = client
    .prepare(
      `select m.name as name from sqlite_master m join pragma_table_info(m.name) c
       where m.type = 'table' and c.name = 'updated_at'`,
    )
    .all() as { name: string }[];
  for (const { name } of tables)
    client.exec(`create temp table "before_${name}" as select rowid as rid, updated_at from "${name}"`);
  const result = run();
  for (const { name } of tables) {
    client
      .prepare(
        `update "${name}" set updated_at = ? where not exists
           (select 1 from "before_${name}" b where b.rid = "${name}".rowid and b.updated_at = "${name}".updated_at)`,
      )
      .run(enteredAt);
    client.exec(`drop table "before_${name}"`);
  }
  return result;
}

function replayAs<T>(viewer: SignedInViewer, run: () => T): T {
  const previous = system;
  system = viewer;
  try {
    return run();
  } finally {
    system = previous;
  }
}

const lastAuditId = () =>
  getDb()
    .select({ id: sql<number>`coalesce(max(${auditLog.id}), 0)` })
    .from(auditLog)
    .get()!.id;

/**
 * Where in the corpus a step of the replay comes from: the file, and texts that lead to the line that
 * wrote it, each searched after the one before (an item's subject, then its toezegging); given the
 * field a rule names, the path may depend on it. A rule of the application that the step breaks is
 * then reported like any other problem in the files, with file and line.
 */
type Place = { file: string; path?: string[] | ((field: string) => string[]) };

function from<T>(place: Place, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    const field = Object.keys(error.fieldErrors)[0] ?? "";
    const path = typeof place.path === "function" ? place.path(field) : (place.path ?? []);
    throw new ContentError(place.file, lineAlong(place.file, path), error.message);
  }
}

function lineAlong(file: string, path: string[]) {
  const text = readFileSync(resolve(process.cwd(), file), "utf8");
  let index = 0;
  for (const needle of path) {
    const found = text.indexOf(needle, index);
    if (found >= 0) index = found;
  }
  return text.slice(0, index).split("\n").length;
}

type Prepared = { hashes: Map<string, string>; files: Map<string, { bytes: Uint8Array; reading: PaperReading }> };

/** Hashing is slow and asynchronous, reading papers too: both happen before the one transaction. */
async function prepare(
  db: Db,
  corpus: Corpus,
  contentDir: string,
  passwordHash: () => Promise<string>,
): Promise<Prepared> {
  const accounts = withDatabase(db, () => new Set(listUsers({ viewer: system }).map((u) => u.email)));
  const hashes = new Map<string, string>();
  for (const user of corpus.users) if (!accounts.has(user.email)) hashes.set(user.email, await passwordHash());
  const files = new Map<string, { bytes: Uint8Array; reading: PaperReading }>();
  for (const meeting of corpus.meetings)
    for (const item of meeting.items)
      for (const document of item.documents ?? [])
        if (document.file && !files.has(document.file)) {
          const bytes = new Uint8Array(readFileSync(join(contentDir, "files", document.file)));
          const check = checkUpload(document.file, bytes);
          if (!check.ok)
            throw new ContentError(
              meeting.file,
              lineAlong(meeting.file, [`file: ${document.file}`]),
              `files/${document.file}: ${check.message}`,
            );
          files.set(document.file, { bytes, reading: await readPaper(bytes) });
        }
  return { hashes, files };
}

function replay(corpus: Corpus, { hashes, files }: Prepared, label = "Democorpus"): ImportSummary {
  const start = lastAuditId();
  // The network: organisations, people, accounts, bodies and memberships.
  const orgIds = new Map(listOrganisations({ viewer: system }).map((o) => [o.slug, o.id]));
  const listFile = (name: string) => join(corpus.dir, name);
  for (const org of corpus.organisations)
    if (!orgIds.has(org.slug))
      orgIds.set(
        org.slug,
        from({ file: listFile("organisations.yaml"), path: [`slug: ${org.slug}`] }, () =>
          createOrganisation({ viewer: system, input: org }),
        ).id,
      );
  const personIds = new Map(listPeopleIndex({ viewer: system }).map((p) => [p.slug, p.id]));
  const personNames = new Map(corpus.people.map((p) => [p.slug, p.name]));
  for (const person of corpus.people)
    if (!personIds.has(person.slug))
      personIds.set(
        person.slug,
        from({ file: listFile("people.yaml"), path: [`slug: ${person.slug}`] }, () => createPerson({
          viewer: system,
          input: {
            slug: person.slug,
            name: person.name,
            email: person.email ?? null,
            jobTitle: person.jobTitle ?? null,
            organisationId: orgIds.get(person.organisation)!,
            isOrganisationContact: person.contact ?? false,
          },
        })).id,
      );
  const accounts = new Set(listUsers({ viewer: system }).map((u) => u.email));
  for (const user of corpus.users)
    if (!accounts.has(user.email))
      from({ file: listFile("users.yaml"), path: [user.email] }, () =>
        createAccount({
          viewer: system,
          input: { personId: personIds.get(user.person)!, email: user.email, role: user.role },
          passwordHash: hashes.get(user.email)!,
        }),
      );

  if (corpus.settings.wooPublisher && !getWooPublisher())
    from({ file: listFile("settings.yaml"), path: ["wooPublisher:"] }, () =>
      setWooPublisher({
        viewer: system,
        publisher: corpus.settings.wooPublisher!,
        expectedVersion: getSiteSettingsForEdit({ viewer: system }).version,
      }),
    );

  const bodyIds = new Map(listBodiesForAdmin({ viewer: system }).map((b) => [b.slug, b.id]));
  // Parents before their children.
  const pending = [...corpus.bodies];
  while (pending.length) {
    const index = pending.findIndex((b) => !b.parent || bodyIds.has(b.parent));
    const body = pending.splice(index, 1)[0]!;
    if (bodyIds.has(body.slug)) continue;
    const created = from({ file: body.file, path: ["name:"] }, () => createBody({
      viewer: system,
      input: {
        name: body.name,
        shortName: body.shortName ?? null,
        code: body.code ?? null,
        slug: body.slug,
        kind: body.kind,
        parentId: body.parent ? bodyIds.get(body.parent)! : null,
        purposeMarkdown: body.purposeMarkdown,
        meetingFrequency: body.meetingFrequency ?? null,
        activeFrom: body.activeFrom,
        sortOrder: body.sortOrder,
        wooFooting: body.woo,
      },
    }));
    bodyIds.set(body.slug, created.id);
  }
  let membershipCount = 0;
  for (const body of corpus.bodies) {
    const bodyId = bodyIds.get(body.slug)!;
    const existing = listMembershipsForAdmin({ viewer: system, bodyId });
    for (const member of body.members) {
      membershipCount += 1;
      const personId = personIds.get(member.person)!;
      if (existing.some((m) => m.personId === personId && m.role === member.role && m.startsOn === member.from))
        continue;
      from({ file: body.file, path: ["members:", `person: ${member.person}`] }, () => {
        const { id } = addMembership({ viewer: system, bodyId, personId, role: member.role, startsOn: member.from });
        if (member.until) endMembership({ viewer: system, id, expectedVersion: 1, endsOn: member.until });
      });
    }
  }
  // Retired bodies last, children before their parents (a parent is retired only without active children).
  for (const body of [...corpus.bodies].filter((b) => b.activeUntil).sort((a, b) => depth(corpus, b) - depth(corpus, a))) {
    const current = getBodyForEdit({ viewer: system, id: bodyIds.get(body.slug)! })!;
    if (!current.retired)
      from({ file: body.file, path: ["activeUntil:"] }, () =>
        retireBody({ viewer: system, id: current.id, expectedVersion: current.version, activeUntil: body.activeUntil! }),
      );
  }

  // Programmes and their objectives, with the dated history of each objective's status.
  const objectiveIds = importProgrammes(corpus, { bodyIds, personIds });

  // The past, in order of time.
  const events: Event[] = [];
  const actionOf = new Map<Commitment, number>();
  const meetingIdsByFile = new Map<string, number>();
  const itemId = (meetingFile: string, subject: string) =>
    getMeeting({ viewer: system, id: meetingIdsByFile.get(meetingFile)! })!
      .sections.flatMap((s) => s.items)
      .find((i) => i.subject === subject)!.id;
  const knownMeetings = new Map<string, number>();
  for (const bodyId of bodyIds.values()) {
    const { upcoming, past } = listMeetings({ viewer: system, bodyId });
    for (const m of [...upcoming, ...past]) knownMeetings.set(`${bodyId}@${m.startsAt}`, m.id);
  }
  const sorted = [...corpus.meetings].sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`));
  const newMeetings = new Set<ContentMeeting>();
  for (const meeting of sorted) {
    const bodyId = bodyIds.get(meeting.body)!;
    const startsAt = at(meeting.date, meeting.start);
    const known = knownMeetings.get(`${bodyId}@${startsAt}`);
    if (known) {
      meetingIdsByFile.set(basename(meeting.file, ".yaml"), known);
      continue;
    }
    newMeetings.add(meeting);
    // Planned (and, unless a concept, published a week before), with its agenda and papers.
    events.push({
      at: startsAt - 14 * 86_400_000,
      order: 0,
      place: { file: meeting.file, path: ["date:"] },
      run: () => planMeeting(meeting, { bodyId, meetingIdsByFile, itemId, objectiveIds, files }),
    });
    if (meeting.status === "vergaderd") {
      const endsAt = at(meeting.date, meeting.end);
      events.push({
        at: endsAt,
        order: 2,
        place: { file: meeting.file, path: ["status:"] },
        run: () =>
          holdMeeting(meeting, {
            meetingId: meetingIdsByFile.get(basename(meeting.file, ".yaml"))!,
            bodyId,
            endsAt,
            personIds,
            personNames,
            orgIds,
            objectiveIds,
            actionOf,
            itemId,
            meetingIdsByFile,
          }),
      });
    }
    if (meeting.status === "geannuleerd")
      events.push({
        at: startsAt - 86_400_000,
        order: 1,
        place: { file: meeting.file, path: ["status:"] },
        run: () => {
          const id = meetingIdsByFile.get(basename(meeting.file, ".yaml"))!;
          cancelMeeting({
            viewer: system,
            id,
            expectedVersion: getMeeting({ viewer: system, id })!.version,
            reason: "",
            now: startsAt - 86_400_000,
          });
        },
      });
  }
  // What happened to each toezegging between the meetings: progress notes, starting, closing.
  const actielijstDates = new Map<string, Set<string>>();
  for (const meeting of newMeetings)
    if (meeting.status === "vergaderd" && meeting.items.some((i) => i.subject === "Actielijst"))
      actielijstDates.set(meeting.body, new Set([...(actielijstDates.get(meeting.body) ?? []), meeting.date]));
  for (const meeting of newMeetings)
    for (const item of meeting.items)
      for (const decision of item.decisions ?? [])
        for (const commitment of decision.commitments ?? []) {
          const owner = commitment.person ? personNames.get(commitment.person)! : "Secretariaat";
          const step = (step: (typeof actionSteps)[keyof typeof actionSteps], options: Partial<StepOptions>) => () => {
            const id = actionOf.get(commitment)!;
            const version = listActions({ viewer: system, filters: { status: "alle" }, pageSize: null }).actions.find(
              (a) => a.id === id,
            )!.version;
            stepAction({
              viewer: system,
              id,
              expectedVersion: version,
              step,
              options: { note: "", now: options.now!, ...options },
            });
          };
          for (const update of commitment.updates ?? [])
            events.push({
              at: at(update.on, "09:00"),
              order: 3,
              place: { file: meeting.file, path: [commitment.description, update.note] },
              run: step(actionSteps.update, {
                note: update.note,
                now: at(update.on, "09:00"),
                reportedBy: personNames.get(update.by)!,
              }),
            });
          if (commitment.status === "in_uitvoering") {
            const first = commitment.updates?.[0]?.on ?? addDaysIso(meeting.date, 1);
            events.push({
              at: at(first, "08:00"),
              order: 3,
              place: { file: meeting.file, path: [commitment.description] },
              run: step(actionSteps.start, { now: at(first, "08:00"), reportedBy: owner }),
            });
          }
          // Closed at a meeting that processed its actielijst: that meeting closes it (see holdMeeting).
          if (
            (commitment.status === "afgerond" || commitment.status === "vervallen") &&
            !actielijstDates.get(meeting.body)?.has(commitment.closed!)
          )
            events.push({
              at: at(commitment.closed!, "17:00"),
              order: 3,
              place: { file: meeting.file, path: [commitment.description, "closed:"] },
              run: step(commitment.status === "afgerond" ? actionSteps.complete : actionSteps.drop, {
                note: commitment.note!,
                now: at(commitment.closed!, "17:00"),
                reportedBy: owner,
              }),
            });
        }
  // Plans: written, put ter instemming before their meeting, adopted there by its decision, closed.
  for (const plan of [...corpus.plans].sort((a, b) => a.year - b.year)) {
    const bodyId = bodyIds.get(plan.body)!;
    if (listPlans({ viewer: system }).some((p) => p.bodyId === bodyId && p.year === plan.year)) continue;
    const written = at(`${plan.year - 1}-11-15`, "12:00");
    let planId = 0;
    events.push({
      at: written,
      order: 0,
      place: { file: plan.file, path: ["title:"] },
      run: () => {
        planId = writePlan(plan, { bodyId, objectiveIds, now: written });
      },
    });
    if (plan.consent && plan.status !== "concept") {
      const consentMeeting = corpus.meetings.find((m) => basename(m.file, ".yaml") === plan.consent!.meeting)!;
      const submitted = at(consentMeeting.date, consentMeeting.start) - 86_400_000;
      events.push({
        at: submitted,
        order: 1,
        place: { file: plan.file, path: ["consent:"] },
        run: () =>
          submitPlanForConsent({
            viewer: system,
            id: planId,
            expectedVersion: getPlan({ viewer: system, id: planId })!.plan.version,
            meetingId: null,
            agendaItemId: itemId(plan.consent!.meeting, plan.consent!.item),
            now: submitted,
          }),
      });
    } else if (plan.status === "vastgesteld" || plan.status === "afgesloten") {
      // Adopted before Gremium kept the stuurgroep's decisions.
      const adopted = at(`${plan.year}-01-31`, "12:00");
      events.push({
        at: adopted,
        order: 1,
        place: { file: plan.file, path: ["status:"] },
        run: () =>
          recordPlanAdoption({
            viewer: system,
            id: planId,
            expectedVersion: getPlan({ viewer: system, id: planId })!.plan.version,
            adoptedOn: `${plan.year}-01-31`,
            now: adopted,
          }),
      });
    }
    if (plan.status === "afgesloten") {
      const closed = at(`${plan.year + 1}-01-15`, "12:00");
      events.push({
        at: closed,
        order: 4,
        place: { file: plan.file, path: ["status:"] },
        run: () => {
          const version = () => getPlan({ viewer: system, id: planId })!.plan.version;
          closePlan({ viewer: system, id: planId, expectedVersion: version(), now: closed });
          if (plan.report?.trim())
            updateReport({
              viewer: system,
              id: planId,
              expectedVersion: version(),
              reportMarkdown: plan.report.trim(),
              now: closed,
            });
          if (plan.reportPublished)
            publishReport({
              viewer: system,
              id: planId,
              expectedVersion: version(),
              now: at(plan.reportPublished, "12:00"),
            });
        },
      });
    }
  }
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const event of events) from(event.place, event.run);

  // The bestuursagenda of each body: its planned topics (a topic already there, by subject, is kept).
  for (const body of corpus.bodies) {
    const bodyId = bodyIds.get(body.slug)!;
    const planning = getPlanning({ viewer: system, bodyId });
    const planned = new Set(
      [...planning.meetings.flatMap((m) => m.topics), ...planning.byQuarter, ...planning.overdue, ...planning.handled].map(
        (t) => t.subject,
      ),
    );
    for (const topic of body.topics.filter((t) => !planned.has(t.subject)))
      from({ file: body.file, path: [topic.subject] }, () => addTopic({
        viewer: system,
        bodyId,
        input: {
          subject: topic.subject,
          purpose: topic.purpose,
          ownerName: topic.owner ? personNames.get(topic.owner)! : null,
          meetingId: topic.meeting ? meetingIdsByFile.get(topic.meeting)! : null,
          quarter: topic.quarter ?? null,
          isConfidential: topic.confidential ?? false,
        },
      }));
  }

  // Newsletter editions, published on their date, then the subscribers (so the import sends nothing).
  const editions = new Set(listEditions({ viewer: system }).map((e) => e.slug));
  for (const edition of [...corpus.editions].sort((a, b) => (a.published ?? "9").localeCompare(b.published ?? "9"))) {
    if (editions.has(edition.slug)) continue;
    from({ file: edition.file, path: ["title:"] }, () => {
      const now = edition.published ? at(edition.published, "10:00") : Date.now();
      const created = createEdition({
        viewer: system,
        input: {
          title: edition.title,
          slug: edition.slug,
          period: edition.period ?? "",
          meetingId: edition.meeting ? (meetingIdsByFile.get(edition.meeting) ?? null) : null,
        },
        now,
      });
      // The corpus gives the edition's blocks as written: they replace the drafted ones.
      for (const section of getEdition({ viewer: system, slug: created.slug })!.sections)
        removeSection({ viewer: system, id: section.id, now });
      for (const section of edition.sections)
        addSection({
          viewer: system,
          editionId: created.id,
          input: { kind: section.kind as SectionKind, title: section.title, bodyMarkdown: section.bodyMarkdown },
          now,
        });
      if (edition.published)
        publishEdition({
          viewer: system,
          id: created.id,
          expectedVersion: getEdition({ viewer: system, slug: created.slug })!.edition.version,
          baseUrl: "",
          now,
        });
    });
  }
  from({ file: listFile("subscribers.yaml") }, () =>
    importSubscribers({
      viewer: system,
      rows: corpus.subscribers.map((s, index) => ({
        line: index + 1,
        email: s.email,
        name: s.name ?? "",
        organisation: s.organisation ?? "",
        confirmed: s.status === "bevestigd",
        unsubscribed: s.status === "afgemeld",
      })),
    }),
  );

  const summary: ImportSummary = {
    organisations: corpus.organisations.length,
    people: corpus.people.length,
    users: corpus.users.length,
    bodies: corpus.bodies.length,
    memberships: membershipCount,
    meetings: corpus.meetings.length,
  };
  // One closing line for an import that added something; a rerun that found everything there adds none.
  if (lastAuditId() > start)
    writeAudit(getDb(), {
      actorUserId: actorOf(system),
      action: "demo.import",
      entityType: "corpus",
      entityId: null,
      summary: `${label} geïmporteerd: ${count(summary.bodies, "gremium", "gremia")}, ${count(summary.people, "persoon", "personen")}, ${count(summary.users, "gebruiker", "gebruikers")}, ${count(summary.meetings, "vergadering", "vergaderingen")}`,
      after: summary,
    });
  return summary;
}

const at = (date: string, time: string) => instantFromAmsterdam(date, time);
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const DAY = 86_400_000;

/** How deep a body hangs under others, so children can be retired before their parents. */
function depth(corpus: Corpus, body: Corpus["bodies"][number]): number {
  const parent = corpus.bodies.find((b) => b.slug === body.parent);
  return parent ? 1 + depth(corpus, parent) : 0;
}

const objectivesOf = (objectiveIds: Map<string, number>, refs: string[] | undefined) =>
  (refs ?? []).map((ref) => objectiveIds.get(ref)!);

function importProgrammes(
  corpus: Corpus,
  { bodyIds, personIds }: { bodyIds: Map<string, number>; personIds: Map<string, number> },
) {
  const known = new Map(listProgrammes({ viewer: system }).map((p) => [p.slug, p.id]));
  const objectiveIds = new Map(
    listObjectivesForFilter({ viewer: system }).map((o) => [`${o.programmeSlug}/${o.number}`, o.id]),
  );
  const added: Corpus["programmes"] = [];
  for (const programme of corpus.programmes) {
    if (known.has(programme.slug)) continue;
    const input = {
      slug: programme.slug,
      title: programme.title,
      startsOn: programme.starts,
      endsOn: programme.ends ?? null,
      ownerBodyId: bodyIds.get(programme.owner)!,
      descriptionMarkdown: programme.descriptionMarkdown,
      predecessorId: null,
      objectiveTerm: programme.term,
    };
    const created = from({ file: programme.file, path: ["starts:"] }, () => createProgramme({ viewer: system, input }));
    known.set(programme.slug, created.id);
    added.push(programme);
    for (const objective of programme.objectives) {
      const written = focusFromText(objective.focus);
      const place = { file: programme.file, path: [objective.title] };
      const { id } = from(place, () => addObjective({
        viewer: system,
        programmeId: created.id,
        input: {
          label: objective.number,
          title: objective.title,
          descriptionMarkdown: objective.description?.trim() ?? "",
          leadPersonId: objective.lead ? personIds.get(objective.lead)! : null,
          ...written,
          focusFromYear: objective.focusFrom ?? written.focusFromYear,
          focusToYear: objective.focusTo ?? objective.focusFrom ?? written.focusToYear,
        },
      }));
      const number = objective.number;
      objectiveIds.set(`${programme.slug}/${number}`, id);
      let version = 1;
      for (const status of [...objective.statuses].sort((a, b) => a.on.localeCompare(b.on)))
        from({ file: programme.file, path: [objective.title, status.on] }, () => setObjectiveStatus({
          viewer: system,
          id,
          expectedVersion: version++,
          status: status.status,
          statusOn: status.on,
          explanation: status.explanation,
          reportedBy: "Kwartiermaker",
          now: at(status.on, "12:00"),
        }));
    }
  }
  // Predecessors last: a programme may name one that comes after it in the corpus.
  for (const programme of added) {
    const predecessor = programme.predecessor;
    if (predecessor)
      from({ file: programme.file, path: ["predecessor:"] }, () => updateProgramme({
        viewer: system,
        id: known.get(programme.slug)!,
        expectedVersion: 1,
        input: {
          title: programme.title,
          startsOn: programme.starts,
          endsOn: programme.ends ?? null,
          ownerBodyId: bodyIds.get(programme.owner)!,
          descriptionMarkdown: programme.descriptionMarkdown,
          predecessorId: known.get(predecessor)!,
        },
      }));
  }
  return objectiveIds;
}

/** A meeting as its secretariaat prepares it: planned with its agenda and papers, then published. */
function planMeeting(
  meeting: ContentMeeting,
  {
    bodyId,
    meetingIdsByFile,
    itemId,
    objectiveIds,
    files,
  }: {
    bodyId: number;
    meetingIdsByFile: Map<string, number>;
    itemId: (meetingFile: string, subject: string) => number;
    objectiveIds: Map<string, number>;
    files: Map<string, { bytes: Uint8Array; reading: PaperReading }>;
  },
) {
  const file = basename(meeting.file, ".yaml");
  const startsAt = at(meeting.date, meeting.start);
  const { id } = createMeeting({
    viewer: system,
    input: {
      bodyId,
      date: meeting.date,
      startTime: meeting.start,
      endTime: meeting.end,
      location: meeting.location,
      chairName: meeting.chair ?? null,
      secretaryName: meeting.secretary ?? null,
      inviteesNote: meeting.invitees ?? null,
      isPublic: meeting.public,
      registrationNumber: meeting.registrationNumber ?? null,
    },
    items: meeting.items.map((item) => ({
      section: item.section,
      subject: item.subject,
      proposalMarkdown: item.proposal?.trim() ?? "",
      presenter: item.presenter ?? null,
      plannedMinutes: item.minutes ?? null,
      isConfidential: item.confidential ?? false,
    })),
  });
  meetingIdsByFile.set(file, id);
  // Papers come two weeks and the agenda one week before the meeting, but never later than now: a
  // coming meeting's agenda is published today, not on a day that has yet to come.
  const entered = Date.now();
  const planned = Math.min(startsAt - 14 * DAY, entered);
  for (const item of meeting.items)
    from({ file: meeting.file, path: [item.subject] }, () => planItem(item));
  function planItem(item: ContentMeeting["items"][number]) {
    const agendaItemId = itemId(file, item.subject);
    if (item.objectives?.length)
      setGoalLinks({
        viewer: system,
        target: { kind: "agendaItem", id: agendaItemId },
        objectiveIds: objectivesOf(objectiveIds, item.objectives),
        planGoalIds: [],
      });
    for (const document of item.documents ?? [])
      addDocument({
        viewer: system,
        agendaItemId,
        title: document.title,
        isConfidential: document.confidential ?? false,
        isAdvice: document.advice ?? false,
        content: document.file
          ? { fileName: document.file, bytes: files.get(document.file)!.bytes, ...files.get(document.file)!.reading }
          : { markdown: document.note! },
        now: planned,
      });
    if (item.handedFrom)
      recordHandoff({
        viewer: system,
        fromAgendaItemId: itemId(item.handedFrom.meeting, item.handedFrom.item),
        toAgendaItemId: agendaItemId,
        now: planned,
      });
  }
  if (meeting.status !== "concept")
    publishAgenda({
      viewer: system,
      id,
      expectedVersion: getMeeting({ viewer: system, id })!.version,
      now: Math.min(startsAt - 7 * DAY, entered),
    });
}

/**
 * A meeting held: its actielijst processed (what was closed on its date is afgedaan or vervallen,
 * the rest carries over), then its decisions recorded with their toezeggingen (the hamerstuk adopting
 * the previous list, with its amendments), then its attendance, which makes it vergaderd.
 */
function holdMeeting(
  meeting: ContentMeeting,
  ctx: {
    meetingId: number;
    bodyId: number;
    endsAt: number;
    personIds: Map<string, number>;
    personNames: Map<string, string>;
    orgIds: Map<string, number>;
    objectiveIds: Map<string, number>;
    actionOf: Map<Commitment, number>;
    itemId: (meetingFile: string, subject: string) => number;
    meetingIdsByFile: Map<string, number>;
  },
) {
  const file = basename(meeting.file, ".yaml");
  const startsAt = at(meeting.date, meeting.start);
  if (meeting.items.some((i) => i.subject === "Actielijst")) {
    const commitmentOf = new Map([...ctx.actionOf].map(([commitment, id]) => [id, commitment]));
    const running = listActions({
      viewer: system,
      filters: { bodyId: ctx.bodyId, status: "lopend" },
      pageSize: null,
      now: startsAt,
    }).actions.filter((a) => a.createdAt < startsAt);
    if (running.length)
      from({ file: meeting.file, path: ["subject: Actielijst"] }, () => processActionList({
        viewer: system,
        meetingId: ctx.meetingId,
        now: startsAt + 30 * 60_000,
        entries: running.map((action) => {
          const commitment = commitmentOf.get(action.id);
          const closedHere = commitment?.closed === meeting.date;
          return {
            actionId: action.id,
            expectedVersion: action.version,
            result: closedHere ? (commitment!.status === "vervallen" ? "vervallen" : "afgedaan") : "loopt_door",
            dueOn: null,
            note: closedHere ? commitment!.note! : "",
          };
        }),
      }));
  }
  const agenda = getMeeting({ viewer: system, id: ctx.meetingId })!;
  for (const item of meeting.items) {
    if (!item.decisions?.length) continue;
    const agendaItemId = ctx.itemId(file, item.subject);
    const adopts = agenda.sections.flatMap((s) => s.items).find((i) => i.id === agendaItemId)!.adoptsMeetingId;
    for (const decision of item.decisions) {
      const amendments = (decision.amendments ?? []).flatMap((amendment) => {
        if (!adopts) return [];
        const earlier = getMeeting({ viewer: system, id: adopts })!;
        const target = earlier.sections.flatMap((s) => s.items).find((i) => i.subject === amendment.item);
        const list = getDecisionList({ viewer: system, meetingId: adopts });
        const decided = list?.visible ? list.decisions.find((d) => d.agendaItemId === target?.id) : undefined;
        return decided ? [{ decisionId: decided.id, textMarkdown: amendment.text.trim() }] : [];
      });
      const commitmentAt = (field: string) => {
        const index = /^commitments\[(\d+)\]/.exec(field)?.[1];
        const commitment = index === undefined ? undefined : decision.commitments?.[Number(index)];
        return commitment ? [item.subject, commitment.description] : [item.subject];
      };
      const { id } = from({ file: meeting.file, path: commitmentAt }, () => recordDecision({
        viewer: system,
        agendaItemId,
        input: {
          outcome: decision.outcome,
          textMarkdown: decision.text?.trim() ?? "",
          discussionMarkdown: decision.discussion?.trim() ?? "",
          isConfidential: decision.confidential ?? false,
          commitments: (decision.commitments ?? []).map((c) => ({
            description: c.description,
            personId: c.person ? ctx.personIds.get(c.person)! : null,
            organisationId: c.organisation ? ctx.orgIds.get(c.organisation)! : null,
            dueOn: c.due ?? null,
          })),
          amendments,
        },
        now: ctx.endsAt,
      }));
      if (decision.objectives?.length)
        setGoalLinks({
          viewer: system,
          target: { kind: "decision", id },
          objectiveIds: objectivesOf(ctx.objectiveIds, decision.objectives),
          planGoalIds: [],
        });
      const made = listActionsForDecisions({ viewer: system, decisionIds: [id], now: ctx.endsAt });
      (decision.commitments ?? []).forEach((commitment, index) => {
        const action = made[index]!;
        ctx.actionOf.set(commitment, action.id);
        if (commitment.objectives?.length)
          setGoalLinks({
            viewer: system,
            target: { kind: "action", id: action.id },
            objectiveIds: objectivesOf(ctx.objectiveIds, commitment.objectives),
            planGoalIds: [],
          });
      });
    }
  }
  // Who came: as the file says, or left open (the meeting still counts as held).
  const attendance = meeting.attendance;
  const byName = (slug: string) => ctx.personNames.get(slug);
  const listed = new Map<string | undefined, { status: AttendanceStatus; note: string | null }>([
    ...(attendance?.absent ?? []).map((p) => [byName(p), { status: "afwezig" as const, note: null }] as const),
    ...(attendance?.later ?? []).map((l) => [byName(l.person), { status: "later" as const, note: l.from }] as const),
    ...(attendance?.early ?? []).map((e) => [byName(e.person), { status: "eerder-weg" as const, note: e.until }] as const),
    ...(attendance?.substitutes ?? []).map((s) => [byName(s.person), { status: "vervangen" as const, note: s.by }] as const),
  ]);
  const invitees = attendance ? listAttendance({ viewer: system, meetingId: ctx.meetingId })!.invitees : [];
  const record = (guest?: { name: string; organisation?: string }) =>
    from({ file: meeting.file, path: ["attendance:", guest?.name ?? ""] }, () => recordAttendance({
      viewer: system,
      meetingId: ctx.meetingId,
      expectedVersion: getMeeting({ viewer: system, id: ctx.meetingId })!.version,
      entries: invitees.map((invitee) => ({
        inviteeId: invitee.id,
        ...(listed.get(invitee.name) ?? { status: "aanwezig" as const, note: null }),
      })),
      guest: guest ? { name: guest.name, organisation: guest.organisation ?? "" } : undefined,
      now: ctx.endsAt,
    }));
  // One guest per recording, as the form takes them; the first recording also sets everyone's status.
  const [firstGuest, ...moreGuests] = attendance?.guests ?? [];
  record(firstGuest);
  for (const guest of moreGuests) record(guest);
}

/** A plan as its keepers write it: chapters, goals (with what they serve) and budget. */
function writePlan(
  plan: Corpus["plans"][number],
  { bodyId, objectiveIds, now }: { bodyId: number; objectiveIds: Map<string, number>; now: number },
) {
  const { id } = createPlan({
    viewer: system,
    input: { bodyId, year: plan.year, title: plan.title, copyOpenGoals: false },
    now,
  });
  for (const chapter of plan.chapters)
    addChapter({ viewer: system, planId: id, input: { title: chapter.title, bodyMarkdown: chapter.bodyMarkdown }, now });
  for (const goal of plan.goals) {
    const created = addGoal({
      viewer: system,
      planId: id,
      input: {
        title: goal.title,
        ownerName: goal.owner ?? null,
        quarter: goal.quarter ?? null,
        status: goal.status,
        progressNote: goal.progress?.trim() ?? "",
      },
      now,
    });
    if (goal.objectives?.length)
      setGoalLinks({
        viewer: system,
        target: { kind: "planGoal", id: created.id },
        objectiveIds: objectivesOf(objectiveIds, goal.objectives),
        planGoalIds: [],
      });
  }
  for (const kind of ["baten", "lasten"] as const)
    for (const line of plan.budget?.[kind] ?? [])
      addBudgetLine({
        viewer: system,
        planId: id,
        input: { kind, description: line.description, amountCents: line.amount },
        now,
      });
  return id;
}
