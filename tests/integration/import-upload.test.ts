import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { confirmImportZip, tryImportZip } from "../../app/content/import-upload.server";
import { listAuditEntries } from "../../app/models/audit.server";
import { Forbidden } from "../../app/models/errors";
import { listMeetings } from "../../app/models/meetings.server";
import { listOrganisations } from "../../app/models/people.server";
import { makeViewer } from "../factories";
import { writeZip } from "../zip";

// The beheer page's import: a network's folder as a zip (tests/fixtures/history, zipped with the
// folder around it, as Windows does), tried first, imported on confirmation.
const fixture = resolve("tests/fixtures/history");
function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? filesOf(join(dir, name)) : [join(dir, name)],
  );
}
const zipOf = (edit: (path: string, text: string) => string = (_, text) => text) =>
  new Uint8Array(
    writeZip(
      filesOf(fixture).map((file) => {
        const path = `geschiedenis/${relative(fixture, file)}`;
        return { path, content: edit(path, readFileSync(file, "utf8")) };
      }),
    ),
  );

describe("importing a zip from the beheer page", () => {
  it("tries first without saving, imports on confirmation in the beheerder's name, and only once", async () => {
    const beheerder = await makeViewer({ role: "beheerder", name: "Bea Beheer" });
    const organisationsBefore = listOrganisations({ viewer: null }).length;
    const { token, report } = await tryImportZip({ viewer: beheerder, zip: zipOf() });
    expect(report.dryRun).toBe(true);
    expect(report.changes).toContain("Organisatie VNG toegevoegd");
    expect(listOrganisations({ viewer: null })).toHaveLength(organisationsBefore);

    const other = await makeViewer({ role: "beheerder" });
    await expect(confirmImportZip({ viewer: other, token })).rejects.toThrow(/verlopen of al uitgevoerd/);

    const done = await confirmImportZip({ viewer: beheerder, token });
    expect(done.changes).toEqual(report.changes);
    expect(listMeetings({ viewer: null, year: 2018 }).past).toHaveLength(2);
    const log = listAuditEntries({ viewer: beheerder }).entries;
    expect(log[0]!.summary).toMatch(/^Eigen gegevens geïmporteerd/);
    expect(log[0]!.actorName).toBe("Bea Beheer");
    expect(log.find((e) => e.summary === "Organisatie VNG toegevoegd")!.actorName).toBe("Bea Beheer");

    await expect(confirmImportZip({ viewer: beheerder, token })).rejects.toThrow(/verlopen of al uitgevoerd/);
  });

  it("names a problem by its path inside the zip and line, and saves nothing", async () => {
    const beheerder = await makeViewer({ role: "beheerder" });
    const zip = zipOf((path, text) =>
      path.endsWith("2018-03-15-stuurgroep.yaml") ? text.replace('due: "2018-06-01"', 'due: "2018-03-01"') : text,
    );
    const text = readFileSync(join(fixture, "meetings/2018-03-15-stuurgroep.yaml"), "utf8");
    const line = text.slice(0, text.indexOf("description: Werkgroep brengt advies")).split("\n").length;
    await expect(tryImportZip({ viewer: beheerder, zip })).rejects.toThrow(
      `meetings/2018-03-15-stuurgroep.yaml:${line}: Kies een termijn vanaf 15 maart 2018, de dag van de vergadering.`,
    );
    expect(listOrganisations({ viewer: null }).some((o) => o.name === "VNG")).toBe(false);
  });

  it("refuses what is no import, a path outside the folder, and anyone but the beheerder", async () => {
    const beheerder = await makeViewer({ role: "beheerder" });
    const refused = (zip: Uint8Array) => tryImportZip({ viewer: beheerder, zip });
    await expect(refused(new TextEncoder().encode("geen zip"))).rejects.toThrow("Dit is geen zipbestand.");
    await expect(refused(new Uint8Array(writeZip([{ path: "notities.txt", content: "hallo" }])))).rejects.toThrow(
      /geen gegevens om te importeren/,
    );
    await expect(refused(new Uint8Array(writeZip([{ path: "../../buiten.yaml", content: "- x" }])))).rejects.toThrow(
      /buiten de map/,
    );
    const secretariaat = await makeViewer({ role: "secretariaat" });
    await expect(tryImportZip({ viewer: secretariaat, zip: zipOf() })).rejects.toBeInstanceOf(Forbidden);
  });
});
