import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { and, asc, eq, gte, inArray, lt, ne } from "drizzle-orm";
import { agendaItems, documents, documentVersions, meetings } from "../../db/schema";
import { requireCapability } from "~/auth/guards";
import type { Viewer } from "~/auth/viewer";
import { fileXml, informationObjectXml, type Appraisal, type Restriction } from "~/lib/archive/mdto-xml";
import { formatOf, type ArchiveFormat } from "~/lib/archive/pronom";
import type { RecordKind, Selectielijst } from "~/lib/archive/selectielijst.server";
import { getDb } from "~/lib/db.server";
import { amsterdamDateAndTime, formatDate, instantFromAmsterdam } from "~/lib/format";
import { escapeHtml } from "~/lib/html";
import { agendaSectionLabels } from "~/lib/vocabulary";
import { change, withCapability } from "./access/change.server";
import { visibleDocuments, visibleMeetings } from "./access/scopes.server";
import { getDecisionList } from "./decisions.server";
import { storagePath } from "./documents.server";
import { RuleError } from "./errors";
import { getMeeting, publicMeetingIds } from "./meetings.server";
import { getWooPublisher } from "./site-settings.server";

// The archive package of one year (`npm run archief`, Archiefwet): per meeting a dossier, per agenda,
// besluitenlijst and paper an archiefstuk, per file a bestand, each with MDTO 1.0.2 metadata; waardering
// and bewaartermijn from the selectielijst; besloten records restricted. Everything is derived from
// the stored records only — checksum dates are the moments the files were stored — so exporting the
// same data twice gives the same package, byte for byte.

export type ArchivePackage = {
  files: { path: string; bytes: Uint8Array }[];
  /** The year is still running: the package holds what there is so far. */
  running: boolean;
};

const encoder = new TextEncoder();
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const iso = (instant: number) => new Date(instant).toISOString().replace(/\.\d{3}Z$/, "Z");
const slugOf = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80) || "bestand";

export function buildArchivePackage({
  viewer,
  year,
  selectielijst,
  now = Date.now(),
}: {
  viewer: Viewer;
  year: number;
  selectielijst: Selectielijst;
  now?: number;
}): ArchivePackage {
  requireCapability(viewer, "export-archive");
  const publisher = getWooPublisher();
  const creator = publisher ? { name: publisher.name, id: publisher.uri } : { name: "Gremium", id: "gremium" };
  const scope = visibleMeetings(viewer);
  const held = getDb()
    .select({ id: meetings.id, startsAt: meetings.startsAt, updatedAt: meetings.updatedAt })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .where(
      and(
        gte(meetings.startsAt, instantFromAmsterdam(`${year}-01-01`, "00:00")),
        lt(meetings.startsAt, instantFromAmsterdam(`${year + 1}-01-01`, "00:00")),
        // A concept was never a record of the body.
        ne(meetings.status, "concept"),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .all();
  const files: ArchivePackage["files"] = [];
  const add = (path: string, content: string | Uint8Array) =>
    files.push({ path, bytes: typeof content === "string" ? encoder.encode(content) : content });
  const appraisal = (kind: RecordKind): Appraisal => ({
    ...selectielijst.soorten[kind],
    selectielijst: selectielijst.naam,
  });

  // What is openbaar is what the public sees, asked of the access layer: a closed meeting's agenda and
  // list are public only for a dagelijks bestuur, its papers never.
  const publicMeetings = publicMeetingIds(held.map((m) => m.id));
  const publicPapers = publicPaperIds(held.map((m) => m.id));

  for (const { id } of held) {
    const meeting = getMeeting({ viewer, id })!;
    const meetingPublic = publicMeetings.has(meeting.id);
    const day = amsterdamDateAndTime(meeting.startsAt).date;
    const folder = `vergaderingen/${day}-${meeting.bodySlug}-${meeting.id}`;
    const dossierId = `vergadering-${meeting.id}`;
    const title = `Vergadering ${meeting.bodyName}, ${formatDate(day)}`;
    const items = meeting.sections.flatMap((section) => section.items);
    const closedItems = items.filter((item) => item.isConfidential).map((item) => item.number);
    const restrictedFor = (what: string, numbers: string[]): Restriction =>
      !meetingPublic
        ? { openbaar: false, reden: "Besloten vergadering." }
        : numbers.length
          ? { openbaar: false, reden: `${what} besloten agendapunten: ${numbers.join(", ")}.` }
          : { openbaar: true };
    const parts: { name: string; id: string }[] = [];

    /** An archiefstuk with one file: its MDTO, the file and the file's MDTO. */
    const record = (
      kind: RecordKind,
      stuk: { id: string; name: string; created: number; restriction: Restriction },
      representations: { name: string; bytes: Uint8Array; format: ArchiveFormat; storedAt: number }[],
      subfolder = "",
    ) => {
      parts.push({ name: stuk.name, id: stuk.id });
      for (const f of representations) {
        add(`${folder}/${subfolder}${f.name}`, f.bytes);
        add(
          `${folder}/${subfolder}${f.name}.mdto.xml`,
          fileXml({
            id: `${stuk.id}-${f.name}`,
            name: f.name,
            size: f.bytes.byteLength,
            format: f.format,
            sha256: sha256(f.bytes),
            checksumAt: iso(f.storedAt),
            of: { name: stuk.name, id: stuk.id },
          }),
        );
      }
      add(
        `${folder}/${subfolder}${stuk.id}.mdto.xml`,
        informationObjectXml({
          id: stuk.id,
          name: stuk.name,
          level: "Archiefstuk",
          created: iso(stuk.created),
          termStart: day,
          appraisal: appraisal(kind),
          restriction: stuk.restriction,
          creator,
          partOf: { name: title, id: dossierId },
          representations: representations.map((f) => ({ name: f.name, id: `${stuk.id}-${f.name}` })),
        }),
      );
    };

    // The agenda as it stands, with every item (besloten ones marked), as one HTML file.
    const agendaHtml = page(
      `Agenda ${meeting.bodyName}, ${formatDate(day)}`,
      [
        `<p>${escapeHtml(`${formatDate(day)}, ${meeting.location}`)}${meeting.registrationNumber ? ` — ${escapeHtml(meeting.registrationNumber)}` : ""}</p>`,
        ...meeting.sections
          .filter((section) => section.items.length)
          .map(
            (section) =>
              `<h2>${escapeHtml(agendaSectionLabels[section.section])}</h2>\n${section.items
                .map(
                  (item) =>
                    `<h3>${escapeHtml(`${item.number}. ${item.subject ?? ""}`)}${item.isConfidential ? " (besloten)" : ""}</h3>\n${item.proposalHtml ?? ""}`,
                )
                .join("\n")}`,
          ),
      ].join("\n"),
    );
    record(
      "agenda",
      {
        id: `${dossierId}-agenda`,
        name: `Agenda ${meeting.bodyName}, ${formatDate(day)}`,
        created: meeting.publishedAt ?? meeting.startsAt,
        restriction: restrictedFor("Bevat", closedItems),
      },
      [
        {
          name: "agenda.html",
          bytes: encoder.encode(agendaHtml),
          format: formatOf("html"),
          storedAt: meeting.publishedAt ?? meeting.startsAt,
        },
      ],
    );

    const list = getDecisionList({ viewer, meetingId: meeting.id });
    if (list?.visible && list.decisions.length) {
      const decided = list.decisions.map((decision) => ({
        decision,
        item: items.find((i) => i.id === decision.agendaItemId),
      }));
      const closed = decided
        .filter((d) => d.decision.isConfidential)
        .map((d) => d.item?.number ?? d.decision.reference);
      const listHtml = page(
        `Besluitenlijst ${meeting.bodyName}, ${formatDate(day)}`,
        [
          `<p>${list.status === "vastgesteld" && list.adoptedAt ? `Vastgesteld op ${escapeHtml(formatDate(amsterdamDateAndTime(list.adoptedAt).date))}.` : "Concept: nog niet vastgesteld."}</p>`,
          ...decided.map(
            ({ decision, item }) =>
              `<h2>${escapeHtml(`${item?.number ?? ""} ${item?.subject ?? ""}`.trim())}${decision.isConfidential ? " (besloten)" : ""}</h2>\n<p>${escapeHtml(decision.reference)}</p>\n${decision.textHtml}`,
          ),
        ].join("\n"),
      );
      const listAt = list.adoptedAt ?? meeting.endsAt;
      record(
        "besluitenlijst",
        {
          id: `${dossierId}-besluitenlijst`,
          name: `Besluitenlijst ${meeting.bodyName}, ${formatDate(day)}`,
          created: listAt,
          restriction: restrictedFor("Bevat besluiten bij", closed),
        },
        [{ name: "besluitenlijst.html", bytes: encoder.encode(listHtml), format: formatOf("html"), storedAt: listAt }],
      );
    }

    // Every paper with all its versions; a note is kept as the HTML it was shown as.
    const documentScope = visibleDocuments(viewer);
    const papers = getDb()
      .select({
        id: documents.id,
        title: documents.title,
        isAdvice: documents.isAdvice,
        confidential: documentScope.confidential,
      })
      .from(documents)
      .innerJoin(documentScope, eq(documentScope.id, documents.id))
      .innerJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
      .where(eq(agendaItems.meetingId, meeting.id))
      .orderBy(asc(documents.id))
      .all();
    const versions = papers.length
      ? getDb()
          .select()
          .from(documentVersions)
          .where(
            inArray(
              documentVersions.documentId,
              papers.map((p) => p.id),
            ),
          )
          .orderBy(asc(documentVersions.documentId), asc(documentVersions.number))
          .all()
      : [];
    for (const paper of papers) {
      const own = versions.filter((v) => v.documentId === paper.id);
      record(
        paper.isAdvice ? "advies" : "vergaderstuk",
        {
          id: `stuk-${paper.id}`,
          name: paper.title,
          created: own[0]?.createdAt ?? meeting.startsAt,
          restriction: publicPapers.has(paper.id)
            ? { openbaar: true }
            : { openbaar: false, reden: paper.confidential ? "Besloten stuk." : "Stuk van een besloten vergadering." },
        },
        own.map((version) => {
          const bytes = version.sha256
            ? storedFile(version.sha256, `${paper.title} (versie ${version.number})`)
            : encoder.encode(page(paper.title, version.noteHtml ?? ""));
          const extension = version.sha256 ? "" : ".html";
          return {
            name: `${paper.id}-v${version.number}-${slugOf(version.fileName ?? paper.title)}${extension}`,
            bytes,
            format: version.sha256 ? formatOf(version.contentType, bytes) : formatOf("html"),
            storedAt: version.createdAt,
          };
        }),
        "stukken/",
      );
    }

    add(
      `${folder}/${dossierId}.mdto.xml`,
      informationObjectXml({
        id: dossierId,
        name: title,
        level: "Dossier",
        description:
          meeting.status === "geannuleerd" ? `Geannuleerd: ${meeting.cancellationReason ?? ""}`.trim() : undefined,
        created: day,
        termStart: day,
        appraisal: appraisal("vergadering"),
        restriction: meeting.isPublic ? { openbaar: true } : { openbaar: false, reden: "Besloten vergadering." },
        creator,
        parts,
      }),
    );
  }

  const running = year >= Number(amsterdamDateAndTime(now).date.slice(0, 4));
  const lastChange = Math.max(0, ...held.map((m) => m.updatedAt));
  add(
    "LEESMIJ.txt",
    [
      `Archiefpakket vergaderingen ${year} van ${creator.name}, gemaakt met Gremium.`,
      running
        ? `Het jaar ${year} loopt nog: dit pakket bevat de vergaderingen tot en met de laatste wijziging van ${lastChange ? formatDate(amsterdamDateAndTime(lastChange).date) : "dit jaar"}.`
        : `Het jaar ${year} is afgesloten.`,
      `Per vergadering een map met een dossier, per agenda, besluitenlijst en stuk een archiefstuk en per bestand de metagegevens (MDTO 1.0.2).`,
      `Waardering en bewaartermijn: ${selectielijst.naam}. De controlegetallen (SHA-256) staan in manifest-sha256.txt.`,
      "",
    ].join("\n"),
  );
  files.sort((a, b) => a.path.localeCompare(b.path));
  add("manifest-sha256.txt", files.map((f) => `${sha256(f.bytes)}  ${f.path}`).join("\n") + "\n");
  return { files, running };
}

/** The papers of these meetings that the public may read. */
function publicPaperIds(meetingIds: number[]) {
  if (!meetingIds.length) return new Set<number>();
  const scope = visibleDocuments(null);
  return new Set(
    getDb()
      .select({ id: documents.id })
      .from(documents)
      .innerJoin(scope, eq(scope.id, documents.id))
      .innerJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
      .where(inArray(agendaItems.meetingId, meetingIds))
      .all()
      .map((r) => r.id),
  );
}

/** A stored paper's bytes; a file missing from the storage stops the export with its name. */
function storedFile(hash: string, name: string) {
  if (!existsSync(storagePath(hash)))
    throw new RuleError({ jaar: [`Het bestand van ‘${name}’ ontbreekt in de opslag; zet het terug uit de back-up.`] });
  return new Uint8Array(readFileSync(storagePath(hash)));
}

/** The years that have meetings to archive, newest first. */
export function listArchiveYears({ viewer }: { viewer: Viewer }): number[] {
  requireCapability(viewer, "export-archive");
  const scope = visibleMeetings(viewer);
  const starts = getDb()
    .select({ startsAt: meetings.startsAt })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .where(ne(meetings.status, "concept"))
    .all();
  const years = new Set(starts.map((m) => Number(amsterdamDateAndTime(m.startsAt).date.slice(0, 4))));
  return [...years].sort((a, b) => b - a);
}

/** Downloading a year's package (besloten records included) is written in the audit log. */
export function recordArchiveExport({ viewer, year, fileCount }: { viewer: Viewer; year: number; fileCount: number }) {
  change({
    viewer,
    load: () => ({}),
    missing: "",
    allow: withCapability("export-archive"),
    write: () => null,
    audit: () => ({
      action: "archive.export",
      entityType: "archive",
      entityId: year,
      summary: `Archiefpakket ${year} gedownload (${fileCount} bestanden)`,
    }),
  });
}

/** A standalone, accessible HTML page for an archived agenda, list or note. */
function page(title: string, body: string) {
  return `<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n<main>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</main>\n</body>\n</html>\n`;
}
