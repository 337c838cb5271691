import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importCorpus } from "../../app/content/import.server";
import { migrateDatabase, openDatabase, withDatabase, type Db } from "../../app/lib/db.server";
import { getDecisionList } from "../../app/models/decisions.server";
import { listMeetings } from "../../app/models/meetings.server";
import { listOrganisations } from "../../app/models/people.server";
import { getProgrammeDashboard } from "../../app/models/programmes.server";
import { amsterdamDateAndTime } from "../../app/lib/format";
import { actions, decisions, meetings as meetingsTable } from "../../db/schema";

// A network's own history (tests/fixtures/history): a meerjarenkoers 2016–2020 with sub-numbered
// ambitions, and two meetings of 2018, with real e-mail addresses and no users.yaml.
const fixture = resolve("tests/fixtures/history");
let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "gremium-history-"));
  db = openDatabase(join(dir, "gremium.db"));
  migrateDatabase(db);
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("importing a network's history", () => {
  it("reports in a dry run what it will do, does exactly that, and adds nothing on a rerun", async () => {
    const dry = await importCorpus(db, { contentDir: fixture, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(withDatabase(db, () => listOrganisations({ viewer: null }))).toEqual([]);
    expect(dry.changes).toContain("Organisatie VNG toegevoegd");
    expect(dry.changes.some((c) => /Opgave 7a ‘Nazorg na detentie’ toegevoegd/.test(c))).toBe(true);

    const enteredFrom = Date.now();
    const real = await importCorpus(db, { contentDir: fixture });
    expect(real.changes).toEqual(dry.changes);
    // Dated as the events, but changed today for a harvester that asks what is new since yesterday.
    for (const table of [meetingsTable, decisions, actions]) {
      const rows = withDatabase(db, () => db.select({ updatedAt: table.updatedAt }).from(table).all());
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.updatedAt).toBeGreaterThanOrEqual(enteredFrom);
    }
    const again = await importCorpus(db, { contentDir: fixture });
    expect(again.changes, again.changes.join("; ")).toEqual([]);

    withDatabase(db, () => {
      const dashboard = getProgrammeDashboard({ viewer: null, slug: "meerjarenkoers-2016-2020" })!;
      expect(dashboard.programme.objectiveTerm).toBe("ambities");
      expect(dashboard.objectives.map((o) => [`${o.number}${o.suffix}`, o.status])).toEqual([
        ["1", "op_koers"],
        ["7", null],
        ["7a", null],
        ["7b", null],
      ]);
      expect(dashboard.quarters.at(-1)).toBe("2020-K4");
      const meetings = listMeetings({ viewer: null, year: 2018 }).past;
      expect(meetings).toHaveLength(2);
      const march = meetings.find((m) => amsterdamDateAndTime(m.startsAt).date === "2018-03-15")!;
      const list = getDecisionList({ viewer: null, meetingId: march.id })!;
      expect(list.status).toBe("vastgesteld");
      expect(amsterdamDateAndTime(list.adoptedAt!).date).toBe("2018-06-14");
    });
  });

  it("names a problem by file, line and 1-based position, and saves nothing", async () => {
    const broken = join(dir, "eigen");
    cpSync(fixture, broken, { recursive: true });
    const file = join(broken, "programmes", "meerjarenkoers-2016-2020.md");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace('{ on: "2017-12-01"', '{ on: "2031-12-01"'));
    const line = text.slice(0, text.indexOf('{ on: "2017-12-01"')).split("\n").length;
    await expect(importCorpus(db, { contentDir: broken })).rejects.toThrow(
      new RegExp(
        `meerjarenkoers-2016-2020\\.md:${line}: objectives\\[1\\]\\.statuses\\[1\\]\\.on: 2031-12-01 ligt in de toekomst`,
      ),
    );
    expect(withDatabase(db, () => listOrganisations({ viewer: null }))).toEqual([]);
  });

  it("names the file and line of a record that breaks a rule of the application", async () => {
    const broken = join(dir, "eigen");
    cpSync(fixture, broken, { recursive: true });
    const file = join(broken, "meetings", "2018-03-15-stuurgroep.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace('due: "2018-06-01"', 'due: "2018-03-01"'));
    const line = text.slice(0, text.indexOf("description: Werkgroep brengt advies")).split("\n").length;
    await expect(importCorpus(db, { contentDir: broken })).rejects.toThrow(
      new RegExp(
        `2018-03-15-stuurgroep\\.yaml:${line}: Kies een termijn vanaf 15 maart 2018, de dag van de vergadering\\.`,
      ),
    );
    expect(withDatabase(db, () => listOrganisations({ viewer: null }))).toEqual([]);
  });
});
