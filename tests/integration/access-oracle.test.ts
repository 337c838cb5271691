// One oracle for every channel (issue 16): fast-check builds random worlds — bodies, memberships,
// meetings in every state, public or not, besloten items, papers, decisions, toezeggingen, planned
// topics, plans and newsletter editions — and readers: anonymous, a member, a former member, a member
// elsewhere, the secretariaat of the body and of another body, a deactivated member, the kwartiermaker
// and the beheerder. The rules are written out a second time below, in plain TypeScript over the
// world as generated (not over the database), and every channel must agree with them:
// - the access layer's scopes, record by record;
// - search: hits and counts;
// - the model reads behind the pages, the meeting pack's contents, the calendars, the digest;
// - the open-data API, the Atom feed;
// - the route loaders of every page, .docx, .ics and .csv of one reader per world (all readers come by
//   over the run), the .docx only in every tenth world, since they are slow to build and to read.
// Every record carries a marker ("qx" + a letter for what it is + a number) in every text it has; a
// marker in a channel's output is a leak unless the oracle grants it, and a granted record must show
// on its own channel.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import mammoth from "mammoth";
import { afterAll, describe, expect, inject, it } from "vitest";
import { SESSION_COOKIE } from "../../app/auth/session.server";
import type { Viewer } from "../../app/auth/viewer";
import { connectDatabase, getDb, openDatabase } from "../../app/lib/db.server";
import { todayIso, addDaysIso } from "../../app/lib/format";
import {
  visibleActions,
  visibleDecisions,
  visibleDocuments,
  visibleEditions,
  visibleItems,
  visibleMeetings,
  visiblePlans,
  visibleTopics,
} from "../../app/models/access/scopes.server";
import { viewerOf } from "../../app/models/access/viewers.server";
import { getAction, listActions } from "../../app/models/actions.server";
import { listAttendance } from "../../app/models/attendance.server";
import { getDecisionByReference, getDecisionList, listDecisions } from "../../app/models/decisions.server";
import { getDocumentVersion, listDocumentsForMeeting } from "../../app/models/documents.server";
import { getPackContents } from "../../app/models/meeting-packs.server";
import { getMeeting, listMeetings, listMeetingsForCalendar } from "../../app/models/meetings.server";
import { getEdition, listEditions, listEditionsForFeed } from "../../app/models/newsletters.server";
import { openDataCollections } from "../../app/models/open-data.server";
import { getPlanning } from "../../app/models/planning.server";
import { getPlan, listPlans } from "../../app/models/plans.server";
import { selectDigests } from "../../app/models/reminders.server";
import { search } from "../../app/models/search.server";
import { createSession, validateSessionToken } from "../../app/models/sessions.server";
import { createCalendarFeed, viewerForCalendarToken } from "../../app/models/calendar-feeds.server";
import { NotFound } from "../../app/models/errors";
import { loader as meetingPage } from "../../app/routes/vergaderingen.$id._index";
import { loader as decisionListPage } from "../../app/routes/vergaderingen.$id.besluitenlijst";
import { loader as decisionPage } from "../../app/routes/besluiten.$reference";
import { loader as registerPage } from "../../app/routes/besluiten._index";
import { loader as actionPage } from "../../app/routes/acties.$id";
import { loader as actionListPage } from "../../app/routes/acties._index";
import { loader as actionCsv } from "../../app/routes/acties[.]csv";
import { loader as planningPage } from "../../app/routes/gremia.$slug.planning";
import { loader as documentPage } from "../../app/routes/stukken.$versionId._index";
import { loader as planPage } from "../../app/routes/jaarplannen.$id/route";
import { loader as editionPage } from "../../app/routes/nieuwsbrieven.$slug._index";
import { loader as searchPage } from "../../app/routes/zoeken";
import { loader as publicCalendar } from "../../app/routes/vergaderingen[.]ics";
import { loader as bodyCalendar } from "../../app/routes/gremia.$slug.vergaderingen[.]ics";
import { loader as personalCalendar } from "../../app/routes/kalender.$token";
import { loader as feed } from "../../app/routes/nieuwsbrieven.feed[.]xml";
import { loader as agendaDocx } from "../../app/routes/vergaderingen.$id.agenda[.]docx";
import { loader as decisionListDocx } from "../../app/routes/vergaderingen.$id.besluitenlijst[.]docx";

const WORLDS = Number(process.env.ORACLE_WORLDS ?? 500);
const NOW = Date.now();
const TODAY = todayIso(NOW);
const DAY = 24 * 60 * 60_000;

// The world as generated ------------------------------------------------------------------------

const meetingStates = ["concept", "gepubliceerd", "vergaderd", "geannuleerd"] as const;
const planStates = ["concept", "ter_instemming", "vastgesteld", "afgesloten"] as const;

const decisionArb = fc.record({
  confidential: fc.boolean(),
  /** A toezegging: its owner (a reader's person, by index, or nobody) and whether it still runs. */
  action: fc.option(fc.record({ owner: fc.option(fc.nat(8)), organisation: fc.boolean(), running: fc.boolean() })),
});
const itemArb = fc.record({
  confidential: fc.boolean(),
  document: fc.option(fc.boolean()),
  decision: fc.option(decisionArb),
});
const meetingArb = fc.record({
  body: fc.nat(2),
  status: fc.constantFrom(...meetingStates),
  /** Only for a cancelled meeting: whether its agenda had been published. */
  wasPublished: fc.boolean(),
  isPublic: fc.boolean(),
  past: fc.boolean(),
  listAdopted: fc.boolean(),
  guest: fc.boolean(),
  items: fc.array(itemArb, { minLength: 1, maxLength: 2 }),
});
const worldArb = fc.record({
  meetings: fc.array(meetingArb, { minLength: 1, maxLength: 4 }),
  standalone: fc.array(fc.record({ body: fc.nat(2), owner: fc.option(fc.nat(8)), organisation: fc.boolean() }), {
    maxLength: 2,
  }),
  topics: fc.array(fc.record({ body: fc.nat(2), meeting: fc.option(fc.nat(3)), confidential: fc.boolean() }), {
    maxLength: 3,
  }),
  plans: fc.array(fc.record({ body: fc.nat(2), status: fc.constantFrom(...planStates) }), { maxLength: 2 }),
  editions: fc.array(fc.constantFrom("concept", "gepubliceerd"), { maxLength: 2 }),
  /** Whether the member of the first body is also the contact of the organisation actions are for. */
  memberIsContact: fc.boolean(),
  /** The body that is a dagelijks bestuur, if any: its closed meetings' agendas and lists are public. */
  dailyBoard: fc.option(fc.nat(2)),
  /** Which reader gets every page, export and feed read through the routes in this world. */
  sweeper: fc.nat(8),
});
type Generated = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

// The readers: who they are in the world, and the viewer the app makes of them.
const readers = [
  { key: "anoniem", role: null, member: [], former: [] },
  { key: "lid", role: "lid", member: [0], former: [] },
  { key: "oud-lid", role: "lid", member: [], former: [0] },
  { key: "lid-elders", role: "lid", member: [1], former: [] },
  { key: "secretariaat", role: "secretariaat", member: [0], former: [] },
  { key: "secretariaat-elders", role: "secretariaat", member: [1], former: [] },
  { key: "gedeactiveerd", role: "lid", member: [0], former: [], deactivated: true },
  { key: "kwartiermaker", role: "kwartiermaker", member: [], former: [] },
  { key: "beheerder", role: "beheerder", member: [], former: [] },
] as const;
type Reader = (typeof readers)[number];

// The oracle: the rules, written out over the generated world ---------------------------------------

type Built = ReturnType<typeof build>;

function oracle(world: Generated, built: Built, reader: Reader) {
  // A deactivated account has no session: it reads as the public.
  const signedIn = reader.role !== null && !("deactivated" in reader);
  const role = signedIn ? reader.role : null;
  const inside = (body: number) =>
    role === "beheerder" || (signedIn && (reader.member as readonly number[]).includes(body));
  const manages = (body: number) => role === "beheerder" || (role === "secretariaat" && inside(body));
  const published = (m: Generated["meetings"][number]) =>
    m.status === "gepubliceerd" || m.status === "vergaderd" || (m.status === "geannuleerd" && m.wasPublished);
  const meeting = (i: number) => {
    const m = world.meetings[i]!;
    return (published(m) && (m.isPublic || m.body === world.dailyBoard || inside(m.body))) || manages(m.body);
  };
  const itemContent = (mi: number, ii: number) =>
    meeting(mi) && (!world.meetings[mi]!.items[ii]!.confidential || inside(world.meetings[mi]!.body));
  const document = (mi: number, ii: number) => {
    const item = world.meetings[mi]!.items[ii]!;
    const m = world.meetings[mi]!;
    // The papers of a closed meeting stay inside, also where its agenda is public (a dagelijks bestuur).
    return meeting(mi) && (inside(m.body) || (m.isPublic && !item.document && !item.confidential));
  };
  const decision = (mi: number, ii: number) => {
    const m = world.meetings[mi]!;
    const item = m.items[ii]!;
    return (
      meeting(mi) &&
      (m.listAdopted || inside(m.body)) &&
      (inside(m.body) || (!item.decision!.confidential && !item.confidential))
    );
  };
  const person = readers.findIndex((r) => r.key === reader.key);
  const actionFull = (a: Built["actions"][number]) =>
    role === "beheerder" ||
    (signedIn && a.owner === person) ||
    inside(a.body) ||
    (signedIn && reader.key === "lid" && world.memberIsContact && a.organisation && !a.confidentialOrigin);
  const action = (a: Built["actions"][number]) => actionFull(a) || a.publicOrigin;
  const topic = (t: Generated["topics"][number], meetingIndex: number | null) =>
    (!t.confidential || inside(t.body)) && (meetingIndex === null || meeting(meetingIndex));
  // Body 0 is the stuurgroep: a plan ter instemming is for its insiders too.
  const plan = (p: Generated["plans"][number]) =>
    p.status === "vastgesteld" ||
    p.status === "afgesloten" ||
    inside(p.body) ||
    role === "kwartiermaker" ||
    (p.status === "ter_instemming" && inside(0));
  const edition = (status: string) => status === "gepubliceerd" || role === "kwartiermaker" || role === "beheerder";
  return {
    signedIn,
    inside,
    meeting,
    itemContent,
    document,
    decision,
    action,
    actionFull,
    topic,
    plan,
    edition,
    published,
  };
}

// Building the world in a fresh database ----------------------------------------------------------

function build(world: Generated) {
  const db = getDb().$client;
  const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args).lastInsertRowid as number;
  const markers = new Map<string, { kind: string; index: number }>();
  let counter = 0;
  const mark = (kind: string, index: number) => {
    const marker = `qx${kind}${String(++counter).padStart(3, "0")}`;
    markers.set(marker, { kind, index });
    return marker;
  };
  const orgs = [run("insert into organisations (slug, name, kind) values ('org-a', 'Gemeente A', 'gemeente')")];
  const bodies = [0, 1, 2].map((b) =>
    run(
      "insert into bodies (slug, name, kind, code, active_from) values (?, ?, ?, ?, '2020-01-01')",
      `gremium-${b}`,
      `Gremium ${b}`,
      b === 0 ? "stuurgroep" : "themagroep",
      `G${b}`,
    ),
  );
  const people = readers.map((reader, i) =>
    run(
      "insert into people (slug, name, email, organisation_id, is_organisation_contact) values (?, ?, ?, ?, ?)",
      `p-${i}`,
      `Persoon ${reader.key}`,
      `p${i}@test.example`,
      orgs[0],
      reader.key === "lid" && world.memberIsContact ? 1 : 0,
    ),
  );
  const users = readers.map((reader, i) =>
    reader.role === null
      ? null
      : run(
          "insert into users (person_id, email, password_hash, role, deactivated_at) values (?, ?, 'x', ?, ?)",
          people[i],
          `p${i}@test.example`,
          reader.role,
          "deactivated" in reader ? NOW : null,
        ),
  );
  readers.forEach((reader, i) => {
    for (const b of reader.member)
      run(
        "insert into memberships (body_id, person_id, role, starts_on) values (?, ?, 'lid', '2020-01-01')",
        bodies[b],
        people[i],
      );
    for (const b of reader.former)
      run(
        "insert into memberships (body_id, person_id, role, starts_on, ends_on) values (?, ?, 'lid', '2020-01-01', ?)",
        bodies[b],
        people[i],
        addDaysIso(TODAY, -1),
      );
  });
  const meetingIds: number[] = [];
  const items: { id: number; meeting: number; index: number }[] = [];
  const documents: { id: number; versionId: number; meeting: number; item: number }[] = [];
  const decisions: { id: number; reference: string; meeting: number; item: number }[] = [];
  const actions: {
    id: number;
    body: number;
    owner: number | null;
    organisation: boolean;
    running: boolean;
    confidentialOrigin: boolean;
    publicOrigin: boolean;
  }[] = [];
  const guests: { meeting: number }[] = [];
  world.meetings.forEach((m, mi) => {
    const startsAt = NOW + (m.past ? -1 : 1) * (10 + mi) * DAY;
    const published = m.status !== "concept" && (m.status !== "geannuleerd" || m.wasPublished);
    const id = run(
      "insert into meetings (body_id, starts_at, ends_at, location, is_public, status, published_at) values (?, ?, ?, ?, ?, ?, ?)",
      bodies[m.body],
      startsAt,
      startsAt + 2 * 60 * 60_000,
      `Zaal ${mark("m", mi)} zzmark`,
      m.isPublic ? 1 : 0,
      m.status,
      published ? startsAt - 7 * DAY : null,
    );
    meetingIds.push(id);
    readers.forEach((_, i) => run("insert into meeting_invitees (meeting_id, person_id) values (?, ?)", id, people[i]));
    if (m.guest) {
      run("insert into meeting_guests (meeting_id, name) values (?, ?)", id, `Gast ${mark("g", mi)}`);
      guests.push({ meeting: mi });
    }
    run("insert into decision_lists (meeting_id, status) values (?, ?)", id, m.listAdopted ? "vastgesteld" : "concept");
    m.items.forEach((item, ii) => {
      const subject = `Punt ${mark("i", items.length)} zzmark`;
      const proposal = `Voorstel ${mark("p", items.length)}`;
      const itemId = run(
        "insert into agenda_items (meeting_id, section, position, subject, proposal_markdown, proposal_html, is_confidential) values (?, 'B', ?, ?, ?, ?, ?)",
        id,
        ii + 1,
        subject,
        proposal,
        `<p>${proposal}</p>`,
        item.confidential ? 1 : 0,
      );
      items.push({ id: itemId, meeting: mi, index: ii });
      if (item.document !== null) {
        const documentId = run(
          "insert into documents (agenda_item_id, title, kind, is_confidential) values (?, ?, 'note', ?)",
          itemId,
          `Stuk ${mark("d", documents.length)} zzmark`,
          item.document ? 1 : 0,
        );
        const note = `Notitie ${mark("n", documents.length)}`;
        const versionId = run(
          "insert into document_versions (document_id, number, note_markdown, note_html) values (?, 1, ?, ?)",
          documentId,
          note,
          `<p>${note}</p>`,
        );
        documents.push({ id: documentId, versionId, meeting: mi, item: ii });
      }
      if (item.decision) {
        const reference = `G${m.body}-X${mi}-${ii}`;
        const decisionId = run(
          "insert into decisions (agenda_item_id, reference, outcome, text_markdown, text_html, is_confidential) values (?, ?, 'conform', ?, ?, ?)",
          itemId,
          reference,
          `Besluit ${mark("b", decisions.length)} zzmark`,
          `<p>Besluit</p>`,
          item.decision.confidential ? 1 : 0,
        );
        decisions.push({ id: decisionId, reference, meeting: mi, item: ii });
        const promise = item.decision.action;
        if (promise) {
          const actionId = run(
            "insert into actions (body_id, description, owner_person_id, organisation_id, decision_id, agenda_item_id, meeting_id, due_on, status, closed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            bodies[m.body],
            `Toezegging ${mark("a", actions.length)} zzmark`,
            promise.owner === null ? null : people[promise.owner],
            promise.organisation ? orgs[0] : null,
            decisionId,
            itemId,
            id,
            addDaysIso(TODAY, 3),
            promise.running ? "open" : "afgerond",
            promise.running ? null : NOW - DAY,
          );
          actions.push({
            id: actionId,
            body: m.body,
            owner: promise.owner,
            organisation: promise.organisation,
            running: promise.running,
            confidentialOrigin: item.confidential || item.decision.confidential,
            publicOrigin:
              !item.confidential &&
              !item.decision.confidential &&
              (m.isPublic || m.body === world.dailyBoard) &&
              published &&
              m.listAdopted,
          });
        }
      }
    });
  });
  for (const s of world.standalone) {
    const actionId = run(
      "insert into actions (body_id, description, owner_person_id, organisation_id, due_on, status) values (?, ?, ?, ?, ?, 'open')",
      bodies[s.body],
      `Actie ${mark("a", actions.length)} zzmark`,
      s.owner === null ? null : people[s.owner],
      s.organisation ? orgs[0] : null,
      addDaysIso(TODAY, 3),
    );
    actions.push({
      id: actionId,
      body: s.body,
      owner: s.owner,
      organisation: s.organisation,
      running: true,
      confidentialOrigin: false,
      publicOrigin: false,
    });
  }
  const topics = world.topics.map((t, ti) => {
    // A topic planned for a meeting is planned for one of its own body's meetings.
    const candidates = world.meetings.flatMap((m, mi) => (m.body === t.body ? [mi] : []));
    const meetingIndex =
      t.meeting === null || candidates.length === 0 ? null : candidates[t.meeting % candidates.length]!;
    const id = run(
      "insert into planned_topics (body_id, subject, purpose, meeting_id, quarter, is_confidential) values (?, ?, 'besluitvorming', ?, ?, ?)",
      bodies[t.body],
      `Onderwerp ${mark("t", ti)} zzmark`,
      meetingIndex === null ? null : meetingIds[meetingIndex],
      meetingIndex === null ? "2031-K1" : null,
      t.confidential ? 1 : 0,
    );
    return { id, meetingIndex };
  });
  const plans = world.plans.map((p, pi) => {
    const id = run(
      "insert into annual_plans (body_id, year, title, status) values (?, ?, ?, ?)",
      bodies[p.body],
      2031 + pi,
      `Jaarplan ${mark("l", pi)} zzmark`,
      p.status,
    );
    const chapter = `Hoofdstuk ${mark("c", pi)}`;
    run(
      "insert into plan_chapters (plan_id, position, title, body_markdown, body_html) values (?, 1, 'Inleiding', ?, ?)",
      id,
      chapter,
      `<p>${chapter}</p>`,
    );
    return id;
  });
  const editions = world.editions.map((status, ei) => {
    const slug = `editie-${ei}`;
    const id = run(
      "insert into newsletter_editions (slug, title, status, published_at) values (?, ?, ?, ?)",
      slug,
      `Nieuwsbrief ${mark("e", ei)} zzmark`,
      status,
      status === "gepubliceerd" ? NOW - DAY : null,
    );
    const body = `Nieuws ${mark("s", ei)}`;
    run(
      "insert into newsletter_sections (edition_id, position, kind, title, body_markdown, body_html) values (?, 1, 'nieuws', 'Nieuws', ?, ?)",
      id,
      body,
      `<p>${body}</p>`,
    );
    return { id, slug };
  });
  // Set last, so the stored action flags must follow a body's footing as it changes (migration 0031).
  if (world.dailyBoard !== null)
    run("update bodies set woo_footing = 'dagelijks-bestuur' where id = ?", bodies[world.dailyBoard]);
  return {
    bodies,
    people,
    users,
    meetingIds,
    items,
    documents,
    decisions,
    actions,
    guests,
    topics,
    plans,
    editions,
    markers,
  };
}

// Reading the channels ----------------------------------------------------------------------------

const MARKER = /qx([a-z])(\d{3})/g;

function granted(world: Generated, built: Built, o: ReturnType<typeof oracle>, marker: string) {
  const found = built.markers.get(marker);
  if (!found) throw new Error(`onbekende markering ${marker}`);
  const { kind, index } = found;
  if (kind === "m" || kind === "g") return o.meeting(index);
  if (kind === "i" || kind === "p") return o.itemContent(built.items[index]!.meeting, built.items[index]!.index);
  if (kind === "d" || kind === "n") return o.document(built.documents[index]!.meeting, built.documents[index]!.item);
  if (kind === "b") return o.decision(built.decisions[index]!.meeting, built.decisions[index]!.item);
  if (kind === "a") return o.action(built.actions[index]!);
  if (kind === "t") return o.topic(world.topics[index]!, built.topics[index]!.meetingIndex);
  if (kind === "l" || kind === "c") return o.plan(world.plans[index]!);
  return o.edition(world.editions[index]!);
}

/** The markers in a channel's output that the oracle does not grant the reader. */
function leaks(world: Generated, built: Built, o: ReturnType<typeof oracle>, output: unknown) {
  const text = typeof output === "string" ? output : JSON.stringify(output ?? null);
  return [...new Set([...text.matchAll(MARKER)].map((m) => m[0]))].filter((m) => !granted(world, built, o, m));
}

const markerOf = (built: Built, kind: string, index: number) =>
  [...built.markers].find(([, v]) => v.kind === kind && v.index === index)![0];

async function read(
  loader: (args: never) => unknown,
  path: string,
  params: Record<string, string>,
  cookie: string | null,
) {
  const request = new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} });
  let answer: unknown;
  try {
    answer = await loader({ request, params, context: {} } as never);
  } catch (thrown) {
    answer = thrown;
  }
  if (answer instanceof Response) {
    const type = answer.headers.get("content-type") ?? "";
    const bytes = Buffer.from(await answer.arrayBuffer());
    const text = type.includes("wordprocessingml")
      ? (await mammoth.extractRawText({ buffer: bytes })).value
      : bytes.toString("utf8");
    return { status: answer.status, text };
  }
  return { status: 200, text: JSON.stringify(answer) };
}

const ids = <T extends { id: number }>(rows: T[]) => rows.map((r) => r.id).sort((a, b) => a - b);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

let runs = 0;
let dir: string;
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

async function checkWorld(world: Generated) {
  runs += 1;
  dir ??= mkdtempSync(join(tmpdir(), "gremium-oracle-"));
  const path = join(dir, `wereld-${runs}.db`);
  copyFileSync(inject("baseDatabasePath"), path);
  connectDatabase(openDatabase(path));
  try {
    const built = build(world);
    const db = getDb();
    const problems: string[] = [];
    const expectEqual = (what: string, actual: unknown, expected: unknown) => {
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        problems.push(`${what}: ${JSON.stringify(actual)} in plaats van ${JSON.stringify(expected)}`);
    };
    const noLeaks = (what: string, o: ReturnType<typeof oracle>, output: unknown) => {
      const found = leaks(world, built, o, output);
      if (found.length) problems.push(`${what} toont ${found.join(", ")}`);
    };
    for (const [r, reader] of readers.entries()) {
      const o = oracle(world, built, reader);
      const userId = built.users[r];
      const token = userId === null || userId === undefined ? null : createSession({ userId }).token;
      const viewer: Viewer = token ? (validateSessionToken({ token })?.viewer ?? null) : null;
      const who = reader.key;
      expectEqual(`${who}: aangemeld`, viewer !== null, o.signedIn);

      // The scopes, record by record.
      const meetingScope = visibleMeetings(viewer);
      expectEqual(
        `${who}: vergaderingen`,
        sorted(
          db
            .select({ id: meetingScope.id })
            .from(meetingScope)
            .all()
            .map((x) => x.id),
        ),
        sorted(built.meetingIds.filter((_, i) => o.meeting(i))),
      );
      const itemScope = visibleItems(viewer);
      const itemRows = db.select({ id: itemScope.id, content: itemScope.contentVisible }).from(itemScope).all();
      expectEqual(
        `${who}: agendapunten`,
        built.items.map((item) => {
          const row = itemRows.find((x) => x.id === item.id);
          return row ? (row.content ? "inhoud" : "nummer") : "niets";
        }),
        built.items.map((item) =>
          o.itemContent(item.meeting, item.index) ? "inhoud" : o.meeting(item.meeting) ? "nummer" : "niets",
        ),
      );
      const inScope = (
        scope: ReturnType<
          | typeof visibleDocuments
          | typeof visibleDecisions
          | typeof visibleTopics
          | typeof visiblePlans
          | typeof visibleEditions
        >,
      ) =>
        sorted(
          db
            .select({ id: scope.id })
            .from(scope)
            .all()
            .map((x) => x.id),
        );
      expectEqual(
        `${who}: stukken`,
        inScope(visibleDocuments(viewer)),
        sorted(built.documents.filter((d) => o.document(d.meeting, d.item)).map((d) => d.id)),
      );
      expectEqual(
        `${who}: besluiten`,
        inScope(visibleDecisions(viewer)),
        sorted(built.decisions.filter((d) => o.decision(d.meeting, d.item)).map((d) => d.id)),
      );
      const actionScope = visibleActions(viewer);
      expectEqual(
        `${who}: acties`,
        db
          .select({ id: actionScope.id, detailed: actionScope.detailed })
          .from(actionScope)
          .all()
          .sort((a, b) => a.id - b.id),
        built.actions.filter((a) => o.action(a)).map((a) => ({ id: a.id, detailed: o.actionFull(a) })),
      );
      expectEqual(
        `${who}: onderwerpen`,
        inScope(visibleTopics(viewer)),
        sorted(built.topics.filter((t, ti) => o.topic(world.topics[ti]!, t.meetingIndex)).map((t) => t.id)),
      );
      expectEqual(
        `${who}: jaarplannen`,
        inScope(visiblePlans(viewer)),
        sorted(built.plans.filter((_, pi) => o.plan(world.plans[pi]!))),
      );
      expectEqual(
        `${who}: edities`,
        inScope(visibleEditions(viewer)),
        sorted(built.editions.filter((_, ei) => o.edition(world.editions[ei]!)).map((e) => e.id)),
      );

      // Search: every hit and every count.
      const hits: string[] = [];
      let total = 0;
      for (let page = 1; ; page++) {
        const found = search({ viewer, query: "zzmark", page });
        hits.push(...found.results.map((hit) => `${hit.kind}:${hit.recordId}`));
        if (page === 1) total = Object.values(found.counts).reduce((n, c) => n + (c ?? 0), 0);
        noLeaks(`${who}: zoeken`, o, found.results);
        if (!found.hasMore) break;
      }
      const expectedHits = [
        ...built.meetingIds.filter((_, i) => o.meeting(i)).map((id) => `meeting:${id}`),
        ...built.items.filter((i) => o.itemContent(i.meeting, i.index)).map((i) => `agenda_item:${i.id}`),
        ...built.documents.filter((d) => o.document(d.meeting, d.item)).map((d) => `document:${d.id}`),
        ...built.decisions.filter((d) => o.decision(d.meeting, d.item)).map((d) => `decision:${d.id}`),
        ...built.actions.filter((a) => o.action(a)).map((a) => `action:${a.id}`),
        ...built.topics
          .filter((t, ti) => o.topic(world.topics[ti]!, t.meetingIndex))
          .map((t) => `planned_topic:${t.id}`),
        ...built.plans.filter((_, pi) => o.plan(world.plans[pi]!)).map((id) => `plan:${id}`),
        ...built.editions.filter((_, ei) => o.edition(world.editions[ei]!)).map((e) => `edition:${e.id}`),
      ].sort();
      expectEqual(`${who}: zoekresultaten`, hits.sort(), expectedHits);
      expectEqual(`${who}: zoektellingen`, total, expectedHits.length);

      // The reads behind the pages, the pack, the calendar.
      world.meetings.forEach((m, mi) => {
        const id = built.meetingIds[mi]!;
        const meeting = getMeeting({ viewer, id });
        expectEqual(`${who}: vergadering ${mi}`, meeting !== null, o.meeting(mi));
        noLeaks(`${who}: vergadering ${mi}`, o, meeting);
        noLeaks(`${who}: stukken van vergadering ${mi}`, o, listDocumentsForMeeting({ viewer, meetingId: id }));
        noLeaks(`${who}: aanwezigheid ${mi}`, o, listAttendance({ viewer, meetingId: id }));
        expectEqual(`${who}: aanwezigheid ${mi}`, listAttendance({ viewer, meetingId: id }) !== null, o.meeting(mi));
        const list = getDecisionList({ viewer, meetingId: id });
        noLeaks(`${who}: besluitenlijst ${mi}`, o, list);
        if (list?.visible)
          expectEqual(
            `${who}: besluitenlijst ${mi}`,
            ids(list.decisions),
            sorted(built.decisions.filter((d) => d.meeting === mi && o.decision(mi, d.item)).map((d) => d.id)),
          );
        const pack = getPackContents({ viewer, meetingId: id, baseUrl: "http://localhost" });
        noLeaks(`${who}: vergaderpakket ${mi}`, o, pack?.input);
        expectEqual(`${who}: vergaderpakket ${mi}`, pack !== null, o.meeting(mi));
      });
      expectEqual(
        `${who}: agenda-feed`,
        sorted(listMeetingsForCalendar({ viewer }).map((m) => m.id)),
        sorted(built.meetingIds.filter((_, i) => o.meeting(i) && o.published(world.meetings[i]!))),
      );
      noLeaks(`${who}: vergaderingen`, o, listMeetings({ viewer }));
      for (const d of built.decisions) {
        const found = getDecisionByReference({ viewer, reference: d.reference });
        expectEqual(`${who}: besluit ${d.reference}`, found !== null, o.decision(d.meeting, d.item));
        noLeaks(`${who}: besluit ${d.reference}`, o, found);
      }
      expectEqual(
        `${who}: besluitenregister`,
        ids(listDecisions({ viewer }).decisions),
        sorted(built.decisions.filter((d) => o.decision(d.meeting, d.item)).map((d) => d.id)),
      );
      for (const a of built.actions) {
        const found = getAction({ viewer, id: a.id });
        expectEqual(`${who}: actie ${a.id}`, found ? found.detailed : null, o.action(a) ? o.actionFull(a) : null);
        noLeaks(`${who}: actie ${a.id}`, o, found);
      }
      const actionList = listActions({ viewer, filters: { status: "alle" }, pageSize: null });
      expectEqual(
        `${who}: actielijst`,
        ids(actionList.actions),
        sorted(built.actions.filter((a) => o.action(a)).map((a) => a.id)),
      );
      noLeaks(`${who}: actielijst`, o, actionList);
      for (const [b, bodyId] of built.bodies.entries()) {
        const planning = getPlanning({ viewer, bodyId });
        noLeaks(`${who}: bestuursagenda ${b}`, o, planning);
        const shown = [
          ...planning.meetings.flatMap((m) => m.topics),
          ...planning.byQuarter,
          ...planning.overdue,
          ...planning.handled,
        ];
        expectEqual(
          `${who}: onderwerpen van gremium ${b}`,
          sorted([...new Set(shown.map((t) => t.id))]),
          sorted(
            built.topics
              .filter((t, ti) => world.topics[ti]!.body === b && o.topic(world.topics[ti]!, t.meetingIndex))
              // A topic of a past meeting that was not cancelled shows as past its date; one of a coming or cancelled meeting shows with it or not at all.
              .filter((t) => {
                if (t.meetingIndex === null) return true;
                const m = world.meetings[t.meetingIndex]!;
                return m.past || m.status !== "geannuleerd";
              })
              .map((t) => t.id),
          ),
        );
      }
      for (const d of built.documents) {
        const found = getDocumentVersion({ viewer, versionId: d.versionId });
        expectEqual(`${who}: stuk ${d.id}`, found !== null, o.document(d.meeting, d.item));
        noLeaks(`${who}: stuk ${d.id}`, o, found);
      }
      noLeaks(`${who}: jaarplannen`, o, listPlans({ viewer }));
      built.plans.forEach((id, pi) => {
        const found = getPlan({ viewer, id });
        expectEqual(`${who}: jaarplan ${pi}`, found !== null, o.plan(world.plans[pi]!));
        noLeaks(`${who}: jaarplan ${pi}`, o, found);
      });
      noLeaks(`${who}: nieuwsbrieven`, o, listEditions({ viewer }));
      built.editions.forEach((e, ei) => {
        const found = getEdition({ viewer, slug: e.slug });
        expectEqual(`${who}: editie ${ei}`, found !== null, o.edition(world.editions[ei]!));
        noLeaks(`${who}: editie ${ei}`, o, found);
      });

      // Every page, export and feed through its route, for this world's one reader.
      if (r === world.sweeper % readers.length) {
        const cookie = token ? `${SESSION_COOKIE}=${token}` : null;
        const page = async (
          what: string,
          loader: (args: never) => unknown,
          path: string,
          params: Record<string, string> = {},
          expected?: boolean,
          // A meeting, decision, paper or action the reader may not see: a visitor is asked to sign in, a
          // signed-in outsider is told whom to ask. Plans and editions simply are not there (404).
          refused = viewer ? 403 : 302,
        ) => {
          const { status, text } = await read(loader, path, params, cookie);
          noLeaks(`${who}: ${what}`, o, text);
          if (expected !== undefined) expectEqual(`${who}: ${what} (status)`, status, expected ? 200 : refused);
          if (status >= 500) problems.push(`${who}: ${what} gaf ${status}`);
          return text;
        };
        const heavy = runs % 10 === 0;
        for (const [mi, id] of built.meetingIds.entries()) {
          const text = await page(
            `/vergaderingen/${id}`,
            meetingPage,
            `/vergaderingen/${id}`,
            { id: String(id) },
            o.meeting(mi),
          );
          for (const item of built.items.filter((i) => i.meeting === mi && o.itemContent(mi, i.index)))
            if (!text.includes(markerOf(built, "i", built.items.indexOf(item))))
              problems.push(`${who}: /vergaderingen/${id} mist agendapunt ${item.id}`);
          await page(
            `besluitenlijst ${id}`,
            decisionListPage,
            `/vergaderingen/${id}/besluitenlijst`,
            { id: String(id) },
            o.meeting(mi),
          );
          if (heavy) {
            await page(`agenda.docx ${id}`, agendaDocx, `/vergaderingen/${id}/agenda.docx`, { id: String(id) });
            await page(`besluitenlijst.docx ${id}`, decisionListDocx, `/vergaderingen/${id}/besluitenlijst.docx`, {
              id: String(id),
            });
          }
        }
        for (const d of built.decisions)
          await page(
            `/besluiten/${d.reference}`,
            decisionPage,
            `/besluiten/${d.reference}`,
            { reference: d.reference },
            o.decision(d.meeting, d.item),
          );
        await page("/besluiten", registerPage, "/besluiten");
        for (const a of built.actions)
          await page(`/acties/${a.id}`, actionPage, `/acties/${a.id}`, { id: String(a.id) }, o.action(a));
        const list = await page("/acties", actionListPage, "/acties?status=alle");
        const csv = await page("/acties.csv", actionCsv, "/acties.csv?status=alle");
        for (const [ai, a] of built.actions.entries())
          if (o.action(a))
            for (const [what, text] of [
              ["/acties", list],
              ["/acties.csv", csv],
            ] as const)
              if (!text.includes(markerOf(built, "a", ai))) problems.push(`${who}: ${what} mist actie ${a.id}`);
        for (const b of [0, 1, 2])
          await page(`/gremia/gremium-${b}/planning`, planningPage, `/gremia/gremium-${b}/planning`, {
            slug: `gremium-${b}`,
          });
        for (const d of built.documents)
          await page(
            `/stukken/${d.versionId}`,
            documentPage,
            `/stukken/${d.versionId}`,
            { versionId: String(d.versionId) },
            o.document(d.meeting, d.item),
          );
        for (const [pi, id] of built.plans.entries())
          await page(
            `/jaarplannen/${id}`,
            planPage,
            `/jaarplannen/${id}`,
            { id: String(id) },
            o.plan(world.plans[pi]!),
            404,
          );
        for (const [ei, e] of built.editions.entries())
          await page(
            `/nieuwsbrieven/${e.slug}`,
            editionPage,
            `/nieuwsbrieven/${e.slug}`,
            { slug: e.slug },
            o.edition(world.editions[ei]!),
            404,
          );
        await page("/zoeken", searchPage, "/zoeken?q=zzmark");
        await page("/vergaderingen.ics", publicCalendar, "/vergaderingen.ics");
        for (const b of [0, 1, 2])
          await page(`/gremia/gremium-${b}/vergaderingen.ics`, bodyCalendar, `/gremia/gremium-${b}/vergaderingen.ics`, {
            slug: `gremium-${b}`,
          });
        if (userId) {
          const owner = viewerOf(
            { userId, personId: built.people[r]!, name: who, email: "x", role: reader.role! },
            { sessionId: "t", today: TODAY },
          );
          if (o.signedIn) {
            const feedToken = createCalendarFeed({ viewer: owner });
            expectEqual(`${who}: persoonlijke agendalink`, viewerForCalendarToken({ token: feedToken }) !== null, true);
            await page("/kalender", personalCalendar, `/kalender/${feedToken}`, { token: feedToken }, true);
          } else {
            // A deactivated account gets no new link either.
            let refused = false;
            try {
              createCalendarFeed({ viewer: owner });
            } catch (error) {
              refused = error instanceof NotFound;
            }
            expectEqual(`${who}: nieuwe agendalink geweigerd`, refused, true);
          }
        }
        await page("/nieuwsbrieven/feed.xml", feed, "/nieuwsbrieven/feed.xml");
      }
    }

    // The open-data API and the Atom feed read as the public.
    const publicOracle = oracle(world, built, readers[0]);
    for (const [name, list] of Object.entries(openDataCollections))
      noLeaks(`API ${name}`, publicOracle, list({ page: 1, pageSize: 200, since: null }, "http://localhost"));
    expectEqual(
      "API besluiten",
      sorted(openDataCollections.besluiten({ page: 1, pageSize: 200, since: null }, "").rows.map((d) => Number(d.id))),
      sorted(built.decisions.filter((d) => publicOracle.decision(d.meeting, d.item)).map((d) => d.id)),
    );
    noLeaks("feed", publicOracle, listEditionsForFeed({ viewer: null }));

    // The weekly digest: each recipient reads as themselves, their own running actions due soon whole.
    for (const digest of selectDigests({ now: NOW })) {
      const r = built.people.indexOf(digest.personId);
      const reader = readers[r]!;
      const o = oracle(
        world,
        built,
        reader.role === null
          ? ({ ...readers[1], key: reader.key, member: [], former: [] } as unknown as Reader)
          : reader,
      );
      noLeaks(`samenvatting voor ${reader.key}`, o, digest);
      expectEqual(
        `samenvatting voor ${reader.key}`,
        ids(digest.own),
        sorted(built.actions.filter((a) => a.owner === r && a.running).map((a) => a.id)),
      );
    }
    return problems;
  } finally {
    rmSync(path, { force: true });
  }
}

describe("one oracle for every channel", () => {
  it(`agrees with every channel in ${WORLDS} generated worlds`, async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const problems = await checkWorld(world);
        expect(problems).toEqual([]);
      }),
      { numRuns: WORLDS },
    );
    expect(runs).toBeGreaterThanOrEqual(WORLDS);
  }, 900_000);
});
