import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  agendaItems,
  bodies,
  actionReviews,
  actions,
  annualPlans,
  goalLinks,
  objectiveStatusUpdates,
  objectives,
  planBudgetLines,
  newsletterEditions,
  newsletterSections,
  programmes,
  subscribers,
  decisionAmendments,
  decisionLists,
  decisions,
  documentVersions,
  documents,
  handoffs,
  meetingInvitees,
  meetings,
  plannedTopics,
  memberships,
  organisations,
  people,
  users,
} from "../../db/schema";
import { importDemoCorpus, isEmptyDatabase } from "../../app/content/import.server";
import { ContentError } from "../../app/content/corpus.server";
import {
  connectDatabase,
  countAppliedMigrations,
  migrateDatabase,
  openDatabase,
  withDatabase,
  type Db,
} from "../../app/lib/db.server";
import { getProgrammeDashboard } from "../../app/models/programmes.server";
import { signIn } from "../../app/models/sign-in.server";
import { storagePath } from "../../app/models/documents.server";

const contentDir = resolve(__dirname, "../../content");
let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "gremium-import-"));
  // A database file made from nothing, as on a fresh machine.
  db = openDatabase(join(dir, "nieuw", "gremium.db"));
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function counts() {
  const n = (table: SQLiteTable) => db.select({ n: count() }).from(table).get()!.n;
  return {
    organisations: n(organisations),
    people: n(people),
    users: n(users),
    bodies: n(bodies),
    memberships: n(memberships),
    meetings: n(meetings),
    agendaItems: n(agendaItems),
    invitees: n(meetingInvitees),
    decisions: n(decisions),
    amendments: n(decisionAmendments),
    actions: n(actions),
    actionReviews: n(actionReviews),
    programmes: n(programmes),
    objectives: n(objectives),
    objectiveStatusUpdates: n(objectiveStatusUpdates),
    annualPlans: n(annualPlans),
    planBudgetLines: n(planBudgetLines),
    goalLinks: n(goalLinks),
    handoffs: n(handoffs),
    documents: n(documents),
    documentVersions: n(documentVersions),
  };
}

describe("migrations and the demo corpus", () => {
  it("migrates an empty file from zero", () => {
    migrateDatabase(db);
    expect(countAppliedMigrations(db)).toBe(
      readdirSync(resolve(__dirname, "../../migrations")).filter((f) => f.endsWith(".sql")).length,
    );
    expect(isEmptyDatabase(db)).toBe(true);
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("imports the corpus: the network, its organisations and the five demo users", async () => {
    migrateDatabase(db);
    const summary = await importDemoCorpus(db, { contentDir, demoPassword: "demo-wachtwoord" });
    expect(counts()).toMatchObject({
      organisations: summary.organisations,
      people: summary.people,
      users: 5,
      bodies: summary.bodies,
      memberships: summary.memberships,
      meetings: summary.meetings,
    });
    const stuurgroep = db
      .select()
      .from(meetings)
      .all()
      .filter((m) => m.registrationNumber?.startsWith("ZVS-2026"));
    expect(stuurgroep).toHaveLength(4);
    expect(
      db
        .select()
        .from(agendaItems)
        .all()
        .some((item) => item.isConfidential),
    ).toBe(true);
    // Decisions: six adopted lists (one with an amendment; four of the public algemeen bestuur), concept
    // lists, a besloten decision.
    const lists = db.select().from(decisionLists).all();
    expect(lists.filter((l) => l.status === "vastgesteld")).toHaveLength(6);
    expect(lists.filter((l) => l.status === "concept").length).toBeGreaterThanOrEqual(2);
    expect(db.select().from(decisionAmendments).all()).toHaveLength(1);
    const all = db.select().from(decisions).all();
    expect(all.some((d) => d.isConfidential)).toBe(true);
    // Attendance where the file gives it: the algemeen bestuur's meetings, with who sent apologies.
    const attended = db
      .select()
      .from(meetingInvitees)
      .all()
      .filter((i) => i.attendance !== null);
    expect(attended.filter((i) => i.attendance === "aanwezig").length).toBeGreaterThan(20);
    expect(attended.some((i) => i.attendance === "afwezig")).toBe(true);
    // A bestuursagenda for every active body.
    const activeBodies = db
      .select()
      .from(bodies)
      .all()
      .filter((b) => !b.activeUntil);
    const planned = new Set(
      db
        .select()
        .from(plannedTopics)
        .all()
        .map((t) => t.bodyId),
    );
    expect(activeBodies.filter((b) => !planned.has(b.id)).map((b) => b.name)).toEqual([]);
    expect(all.map((d) => d.reference)).toContain("SG-2026-01-B1");
    // Actions: owners across at least six organisations, some overdue, some closed, some carried over.
    const allActions = db.select().from(actions).all();
    expect(new Set(allActions.map((a) => a.organisationId)).size).toBeGreaterThanOrEqual(6);
    const running = allActions.filter((a) => a.status === "open" || a.status === "in_uitvoering");
    expect(running.filter((a) => a.dueOn! < "2026-11-25").length).toBeGreaterThanOrEqual(2);
    expect(allActions.filter((a) => a.status === "afgerond").length).toBeGreaterThanOrEqual(4);
    expect(allActions.filter((a) => a.status === "vervallen")).toHaveLength(1);
    const reviews = db.select().from(actionReviews).all();
    const timesDiscussed = new Map<number, number>();
    for (const r of reviews) timesDiscussed.set(r.actionId, (timesDiscussed.get(r.actionId) ?? 0) + 1);
    expect(Math.max(...timesDiscussed.values())).toBeGreaterThanOrEqual(2);
    // One item travels from a themagroep via the expertgroep to the stuurgroep.
    expect(
      db
        .select()
        .from(handoffs)
        .all()
        .filter((h) => h.status === "geaccepteerd"),
    ).toHaveLength(2);
    const municipalities = db
      .select()
      .from(organisations)
      .all()
      .filter((o) => o.kind === "gemeente");
    expect(municipalities).toHaveLength(14);
    const kinds = db
      .select({ kind: bodies.kind })
      .from(bodies)
      .all()
      .map((b) => b.kind);
    expect(kinds.filter((k) => k === "themagroep").length).toBeGreaterThanOrEqual(5);
    expect(kinds).toContain("stuurgroep");
    expect(kinds).toContain("bestuur");
    const addresses = db.select({ email: people.email }).from(people).all();
    expect(addresses.every((p) => !p.email || p.email.endsWith(".example"))).toBe(true);

    connectDatabase(db);
    for (const email of ["beheerder", "secretariaat", "kwartiermaker", "lid", "partner"]) {
      expect((await signIn({ email: `${email}@gremium.example`, password: "demo-wachtwoord" })).ok).toBe(true);
    }
  });

  it("is idempotent: importing again adds no duplicates", async () => {
    migrateDatabase(db);
    await importDemoCorpus(db, { contentDir, demoPassword: "demo-wachtwoord" });
    const first = counts();
    await importDemoCorpus(db, { contentDir, demoPassword: "demo-wachtwoord" });
    expect(counts()).toEqual(first);
  });

  it("stops on a malformed file and names the file, the line and what is wrong", async () => {
    migrateDatabase(db);
    const broken = join(dir, "content");
    cpSync(contentDir, broken, { recursive: true });
    const file = join(broken, "bodies", "mensenhandel.md");
    const lines = readFileSync(file, "utf8").split("\n");
    const kindLine = lines.findIndex((line) => line.startsWith("kind:"));
    lines[kindLine] = "kind: werkgroep";
    writeFileSync(file, lines.join("\n"));

    const attempt = importDemoCorpus(db, { contentDir: broken, demoPassword: "demo-wachtwoord" });
    await expect(attempt).rejects.toBeInstanceOf(ContentError);
    await expect(attempt).rejects.toMatchObject({ line: kindLine + 1 });
    await expect(attempt).rejects.toThrow(new RegExp(`mensenhandel\\.md:${kindLine + 1}: kind: `));
    expect(isEmptyDatabase(db)).toBe(true);
  });

  it("names the line of invalid YAML and of an unknown reference", async () => {
    migrateDatabase(db);
    const broken = join(dir, "content");
    cpSync(contentDir, broken, { recursive: true });
    writeFileSync(join(broken, "users.yaml"), "- email: a@b.example\n  person: niemand\n  role: lid\n");
    await expect(importDemoCorpus(db, { contentDir: broken, demoPassword: "x-x-x-x-x" })).rejects.toThrow(
      /users\.yaml:2: onbekende persoon "niemand"/,
    );
    writeFileSync(join(broken, "users.yaml"), "- email: a@b.example\n  person: [\n");
    await expect(importDemoCorpus(db, { contentDir: broken, demoPassword: "x-x-x-x-x" })).rejects.toThrow(
      /users\.yaml:\d+: ongeldige YAML/,
    );
  });

  it("imports programmes with their status history and plans with goals, budget, adoption and a jaarverslag", async () => {
    migrateDatabase(db);
    await importDemoCorpus(db, { contentDir, demoPassword: "demo-wachtwoord" });
    const all = db.select().from(programmes).all();
    const agenda = all.find((p) => p.slug === "versterkingsagenda-zvs")!;
    expect(all.find((p) => p.slug === "meerjarenkoers-zvs-2027-2030")!.predecessorId).toBe(agenda.id);
    const opgaven = db
      .select()
      .from(objectives)
      .all()
      .filter((o) => o.programmeId === agenda.id);
    expect(opgaven.map((o) => o.number)).toEqual([1, 2, 3, 4]);
    expect(db.select().from(objectiveStatusUpdates).all().length).toBeGreaterThanOrEqual(10);
    const plans = db.select().from(annualPlans).all();
    expect(plans.filter((p) => p.year === 2026 && p.status === "vastgesteld")).toHaveLength(4);
    expect(plans.every((p) => p.status !== "vastgesteld" || p.decisionId !== null)).toBe(true);
    const closed = plans.find((p) => p.status === "afgesloten")!;
    expect(closed.reportPublishedAt).not.toBeNull();
    expect(closed.reportHtml).toContain("Jaarverslag 2025</h2>");
    const zvh = plans.find((p) => p.title === "Jaarplan 2026 Zorg- en Veiligheidshuis Twente")!;
    const lines = db
      .select()
      .from(planBudgetLines)
      .all()
      .filter((l) => l.planId === zvh.id);
    expect(lines.filter((l) => l.kind === "baten").map((l) => l.amountCents)).toEqual([63_700_000, 26_000_000]);
    const links = db.select().from(goalLinks).all();
    expect(links.filter((l) => l.decisionId !== null).length).toBeGreaterThanOrEqual(6);
    expect(links.filter((l) => l.actionId !== null).length).toBeGreaterThanOrEqual(4);
    expect(links.filter((l) => l.targetPlanGoalId !== null).length).toBeGreaterThanOrEqual(8);
  });

  it("imports newsletter editions and subscribers; an unsubscribed address is kept only as its hash", async () => {
    migrateDatabase(db);
    await importDemoCorpus(db, { contentDir, demoPassword: "demo-wachtwoord" });
    const editions = db.select().from(newsletterEditions).all();
    expect(editions.filter((e) => e.status === "gepubliceerd")).toHaveLength(2);
    expect(editions.filter((e) => e.status === "concept")).toHaveLength(1);
    const kinds = db
      .select({ kind: newsletterSections.kind })
      .from(newsletterSections)
      .all()
      .map((s) => s.kind);
    expect(new Set(kinds)).toEqual(
      new Set(["kwartiermaker", "stuurgroep", "themagroep", "versterkingsagenda", "agenda", "contact", "kort"]),
    );
    const people = db.select().from(subscribers).all();
    expect(people.filter((p) => p.status === "bevestigd").length).toBeGreaterThanOrEqual(5);
    const gone = people.find((p) => p.status === "afgemeld")!;
    expect(gone).toMatchObject({ email: null, name: null, organisation: null });
    expect(gone.emailHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names file and line of a bad programme, plan or objective reference", async () => {
    migrateDatabase(db);
    const broken = join(dir, "content");
    const attempt = async (path: string, from: string, to: string) => {
      cpSync(contentDir, broken, { recursive: true, force: true });
      const file = join(broken, path);
      const text = readFileSync(file, "utf8");
      expect(text).toContain(from);
      writeFileSync(file, text.replace(from, to));
      const line = text.slice(0, text.indexOf(from)).split("\n").length;
      return { result: importDemoCorpus(db, { contentDir: broken, demoPassword: "x-x-x-x-x" }), line };
    };
    const owner = await attempt(
      "programmes/versterkingsagenda-zvs.md",
      "owner: stuurgroep-zvs",
      "owner: stuurgroep-xyz",
    );
    await expect(owner.result).rejects.toThrow(
      new RegExp(`versterkingsagenda-zvs\\.md:${owner.line}: onbekend gremium "stuurgroep-xyz"`),
    );
    const amount = await attempt("plans/2026-versteviging-zvht.md", 'amount: "637.000"', 'amount: "zes ton"');
    await expect(amount.result).rejects.toThrow(
      new RegExp(`2026-versteviging-zvht\\.md:${amount.line}: budget\\.baten\\[1\\]\\.amount: moet een bedrag zijn`),
    );
    const ref = await attempt(
      "meetings/2026-05-21-stuurgroep.yaml",
      "objectives: [versterkingsagenda-zvs/1]",
      "objectives: [versterkingsagenda-zvs/9]",
    );
    await expect(ref.result).rejects.toThrow(
      new RegExp(`2026-05-21-stuurgroep\\.yaml:${ref.line}: onbekende opgave "versterkingsagenda-zvs/9"`),
    );
    expect(isEmptyDatabase(db)).toBe(true);
  });

  it("imports papers on agenda items: a PDF with its text for search, and notes, one of them besloten", async () => {
    migrateDatabase(db);
    await importDemoCorpus(db, { contentDir, demoPassword: "demo-wachtwoord" });
    const papers = db
      .select({
        title: documents.title,
        isConfidential: documents.isConfidential,
        contentType: documentVersions.contentType,
        sha256: documentVersions.sha256,
        extractedText: documentVersions.extractedText,
        noteHtml: documentVersions.noteHtml,
      })
      .from(documents)
      .innerJoin(documentVersions, eq(documentVersions.documentId, documents.id))
      .all();
    const pdf = papers.find((p) => p.title === "Adviesnota meerjarenkoers 2027-2030")!;
    expect(pdf).toMatchObject({ contentType: "application/pdf", isConfidential: false });
    expect(pdf.extractedText).toContain("Themagroep versteviging ZVHT");
    expect(existsSync(storagePath(pdf.sha256!))).toBe(true);
    expect(papers.find((p) => p.title.startsWith("Verdeling bijdragen"))).toMatchObject({ isConfidential: true });
    expect(papers.find((p) => p.title === "Opzet controledag voorjaar 2027")!.noteHtml).toContain("<h2>Doel</h2>");
  });

  it("names file and line of a paper whose file is missing", async () => {
    migrateDatabase(db);
    const broken = join(dir, "content");
    cpSync(contentDir, broken, { recursive: true });
    rmSync(join(broken, "files", "adviesnota-meerjarenkoers-2027-2030.pdf"));
    const text = readFileSync(join(broken, "meetings", "2026-12-10-stuurgroep.yaml"), "utf8");
    const line = text.slice(0, text.indexOf("file: adviesnota")).split("\n").length;
    await expect(importDemoCorpus(db, { contentDir: broken, demoPassword: "x-x-x-x-x" })).rejects.toThrow(
      new RegExp(
        `2026-12-10-stuurgroep\\.yaml:${line}: bestand "files/adviesnota-meerjarenkoers-2027-2030\\.pdf" bestaat niet`,
      ),
    );
  });

  it("refuses a real e-mail domain in the demo corpus", async () => {
    const broken = join(dir, "content");
    cpSync(contentDir, broken, { recursive: true });
    writeFileSync(
      join(broken, "users.yaml"),
      "- email: burgemeester@gemeente.nl\n  person: bram-oosterhof\n  role: lid\n",
    );
    migrateDatabase(db);
    await expect(importDemoCorpus(db, { contentDir: broken, demoPassword: "x-x-x-x-x" })).rejects.toThrow(
      /users\.yaml:1: \[1\]\.email: moet eindigen op \.example/,
    );
  });

  it("counts list positions from 1, names a duplicate at its own line and hints at the usual YAML slip", async () => {
    migrateDatabase(db);
    const broken = join(dir, "content");
    const programme = join(broken, "programmes", "versterkingsagenda-zvs.md");
    const fresh = () => cpSync(contentDir, broken, { recursive: true, force: true });
    const load = () => importDemoCorpus(db, { contentDir: broken, demoPassword: "x-x-x-x-x" });

    fresh();
    let text = readFileSync(programme, "utf8");
    writeFileSync(programme, text.replace("  - number: 4\n", "  - number: 3\n"));
    const duplicateLine = text.slice(0, text.indexOf("  - number: 4\n")).split("\n").length;
    await expect(load()).rejects.toThrow(
      new RegExp(
        `versterkingsagenda-zvs\\.md:${duplicateLine}: objectives\\[4\\]\\.number: nummer 3 staat al bij objectives\\[3\\]`,
      ),
    );

    fresh();
    text = readFileSync(programme, "utf8");
    writeFileSync(
      programme,
      text.replace('{ on: "2024-06-01", status: op_koers', '{ on: "2031-06-01", status: op_koers'),
    );
    await expect(load()).rejects.toThrow(/objectives\[4\]\.statuses\[1\]\.on: 2031-06-01 ligt in de toekomst/);
    writeFileSync(
      programme,
      text.replace('{ on: "2024-06-01", status: op_koers', '{ on: "2022-06-01", status: op_koers'),
    );
    await expect(load()).rejects.toThrow(/ligt vóór het begin van het programma \(2023-07-01\)/);

    fresh();
    const organisations = join(broken, "organisations.yaml");
    writeFileSync(
      organisations,
      readFileSync(organisations, "utf8") + "- { slug: zvs-twente, name: Zorg, Veiligheid en Straf, kind: partner }\n",
    );
    await expect(load()).rejects.toThrow(
      /Staat er een komma in een waarde tussen \{ \}\? Zet die waarde dan tussen aanhalingstekens/,
    );
    expect(isEmptyDatabase(db)).toBe(true);
  });

  it("imports sub-numbered ambitions with focus years and the programme's own word", async () => {
    migrateDatabase(db);
    const own = join(dir, "content");
    cpSync(contentDir, own, { recursive: true, force: true });
    const programme = join(own, "programmes", "versterkingsagenda-zvs.md");
    const text = readFileSync(programme, "utf8");
    writeFileSync(
      programme,
      text
        .replace('ends: "2026-06-30"\n', 'ends: "2026-06-30"\nterm: ambities\n')
        .replace(
          "  - number: 4\n",
          "  - number: 3a\n    title: Positie van de themagroepen\n    focusFrom: 2024\n    focusTo: 2025\n  - number: 4\n",
        ),
    );
    await importDemoCorpus(db, { contentDir: own, demoPassword: "x-x-x-x-x" });
    await importDemoCorpus(db, { contentDir: own, demoPassword: "x-x-x-x-x" });
    const dashboard = withDatabase(db, () => getProgrammeDashboard({ viewer: null, slug: "versterkingsagenda-zvs" }))!;
    expect(dashboard.programme.objectiveTerm).toBe("ambities");
    expect(dashboard.objectives.map((o) => `${o.number}${o.suffix}`)).toEqual(["1", "2", "3", "3a", "4"]);
    expect(dashboard.objectives[3]).toMatchObject({ focusFromYear: 2024, focusToYear: 2025, status: null });
    expect(dashboard.objectives[0]).toMatchObject({ focusFromYear: 2023, focusToYear: 2026, focus: null });
  });
});
