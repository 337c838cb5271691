import { and, asc, eq, gte, inArray, ne } from "drizzle-orm";
import { agendaItems, bodies, decisionLists, documents, meetings } from "../../db/schema";
import type { SignedInViewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import type { WooFooting } from "~/lib/vocabulary";
import { managesBodySql } from "./access/grants";
import { visibleDocuments, visibleMeetings } from "./access/scopes.server";
import { publicMeetingIds } from "./meetings.server";

// The publication deadlines of the Woo (article 3.3) for the meetings the secretariaat prepares: of an
// algemeen bestuur the vergaderstukken — the agenda public before the meeting starts, the papers public
// when they are sent to the members, the adopted besluitenlijst public within two weeks; of a dagelijks
// bestuur the agenda and the besluitenlijst, also when the meeting itself is besloten. Bodies under
// article 3.1 have no deadlines. In Gremium a paper of a published public meeting is public the moment
// the members can read it, and an adopted list the moment it is adopted: the deadlines show whether
// that happened in time, and what is still to do.

export type WooDeadlineStatus = "open" | "gehaald" | "te-laat" | "verstreken" | "achteraf";
export type WooDeadline = {
  meetingId: number;
  bodyName: string;
  startsAt: number;
  kind: "agenda" | "stukken" | "besluitenlijst";
  /** When it must be public; null while it waits for something else (a list for its adoption). */
  dueAt: number | null;
  publicAt: number | null;
  status: WooDeadlineStatus;
  note: string;
};

const DAY = 86_400_000;
export const LIST_TERM_DAYS = 14;
const WINDOW_DAYS = 366;

function statusOf(publicAt: number | null, dueAt: number | null, now: number): WooDeadlineStatus {
  if (publicAt !== null) return dueAt === null || publicAt <= dueAt ? "gehaald" : "te-laat";
  return dueAt === null || dueAt > now ? "open" : "verstreken";
}

/**
 * The deadlines of the last year and those coming, for the meetings of the bodies the viewer prepares,
 * the most pressing first: passed ones, then open ones by due date, then those met.
 */
export function listWooDeadlines({ viewer, now = Date.now() }: { viewer: SignedInViewer; now?: number }) {
  const db = getDb();
  const scope = visibleMeetings(viewer);
  const rows = db
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      status: meetings.status,
      publishedAt: meetings.publishedAt,
      recordedAfterwardsAt: meetings.recordedAfterwardsAt,
      isPublic: scope.isPublic,
      bodyName: bodies.name,
      footing: bodies.wooFooting,
      listStatus: decisionLists.status,
      adoptedAt: decisionLists.adoptedAt,
    })
    .from(meetings)
    .innerJoin(scope, eq(scope.id, meetings.id))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .leftJoin(decisionLists, eq(decisionLists.meetingId, meetings.id))
    .where(
      and(
        managesBodySql(viewer, meetings.bodyId),
        inArray(bodies.wooFooting, ["algemeen-bestuur", "dagelijks-bestuur"] satisfies WooFooting[]),
        ne(meetings.status, "geannuleerd"),
        gte(meetings.startsAt, now - WINDOW_DAYS * DAY),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all();
  const paperCounts = papersOf(
    viewer,
    rows.map((m) => m.id),
  );
  // Whether the public sees a meeting's agenda, asked of the access layer itself, not decided again here.
  const publicIds = publicMeetingIds(rows.map((m) => m.id));
  const deadlines: WooDeadline[] = [];
  for (const m of rows) {
    const base = { meetingId: m.id, bodyName: m.bodyName, startsAt: m.startsAt };
    const daily = m.footing === "dagelijks-bestuur";
    // A besloten meeting of an algemeen bestuur is not published; a dagelijks bestuur's agenda and list are.
    if (!m.isPublic && !daily) continue;
    const published = publicIds.has(m.id) && m.publishedAt !== null ? m.publishedAt : null;
    deadlines.push({
      ...base,
      kind: "agenda",
      dueAt: m.startsAt,
      publicAt: published,
      status: m.recordedAfterwardsAt ? "achteraf" : statusOf(published, m.startsAt, now),
      note: m.recordedAfterwardsAt
        ? "Achteraf vastgelegd als gehouden vergadering."
        : !m.isPublic
          ? "Besloten vergadering van een dagelijks bestuur: de agenda en de besluitenlijst zijn openbaar, de stukken niet."
          : "",
    });
    const papers = paperCounts.get(m.id);
    if (!daily && published !== null && papers) {
      deadlines.push({
        ...base,
        kind: "stukken",
        dueAt: published,
        publicAt: published,
        status: "gehaald",
        note:
          `${papers.open === 1 ? "1 stuk" : `${papers.open} stukken`} openbaar zodra de leden ze konden lezen` +
          (papers.closed
            ? `; ${papers.closed === 1 ? "1 besloten stuk" : `${papers.closed} besloten stukken`} niet openbaar.`
            : "."),
      });
    }
    if (m.startsAt > now && m.listStatus !== "vastgesteld") continue;
    const adopted = m.listStatus === "vastgesteld" && m.adoptedAt !== null ? m.adoptedAt : null;
    const listDue = adopted === null ? null : adopted + LIST_TERM_DAYS * DAY;
    const listPublic = adopted !== null && publicIds.has(m.id) ? adopted : null;
    deadlines.push({
      ...base,
      kind: "besluitenlijst",
      dueAt: listDue,
      publicAt: listPublic,
      status: m.recordedAfterwardsAt && adopted === null ? "achteraf" : statusOf(listPublic, listDue, now),
      note:
        adopted === null
          ? "Wacht op vaststelling in de volgende vergadering; daarna binnen twee weken openbaar."
          : listPublic === null
            ? "De besluitenlijst is vastgesteld maar niet openbaar: publiceer de vergadering."
            : "",
    });
  }
  const order: Record<WooDeadlineStatus, number> = { verstreken: 0, open: 1, "te-laat": 2, gehaald: 3, achteraf: 4 };
  deadlines.sort(
    (a, b) =>
      order[a.status] - order[b.status] || (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.startsAt - b.startsAt,
  );
  return {
    deadlines,
    open: deadlines.filter((d) => d.status === "open").length,
    missed: deadlines.filter((d) => d.status === "verstreken").length,
  };
}

/** Per meeting how many of its papers are public and how many besloten. */
function papersOf(viewer: SignedInViewer, meetingIds: number[]) {
  const counts = new Map<number, { open: number; closed: number }>();
  if (!meetingIds.length) return counts;
  const scope = visibleDocuments(viewer);
  const rows = getDb()
    .select({ meetingId: agendaItems.meetingId, confidential: scope.confidential })
    .from(documents)
    .innerJoin(scope, eq(scope.id, documents.id))
    .innerJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
    .where(inArray(agendaItems.meetingId, meetingIds))
    .all();
  for (const row of rows) {
    const count = counts.get(row.meetingId) ?? { open: 0, closed: 0 };
    if (row.confidential) count.closed += 1;
    else count.open += 1;
    counts.set(row.meetingId, count);
  }
  return counts;
}
