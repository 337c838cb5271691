import { and, asc, desc, eq, gt, lt, max } from "drizzle-orm";
import { agendaTemplateItems, bodies } from "../../db/schema";
import { managesBody } from "./access/grants";
import type { SignedInViewer, Viewer } from "~/auth/viewer";
import { groupBySection } from "~/lib/agenda-numbering";
import { getDb, type Tx } from "~/lib/db.server";
import { agendaSectionLabels, type AgendaSection } from "~/lib/vocabulary";
import { change as changeThroughDoor } from "./access/change.server";
import { Forbidden, RuleError } from "./errors";
import { defaultTemplate } from "./meetings.server";

function requireTemplateManager(viewer: Viewer, bodyId: number): asserts viewer is SignedInViewer {
  if (!managesBody(viewer, bodyId))
    throw new Forbidden("Alleen het secretariaat van dit gremium past het sjabloon aan.");
}

/** A body's template as its editor shows it; the default template until the body has its own. */
export function getTemplate({ viewer, bodyId }: { viewer: Viewer; bodyId: number }) {
  requireTemplateManager(viewer, bodyId);
  const own = getDb()
    .select({
      id: agendaTemplateItems.id,
      section: agendaTemplateItems.section,
      position: agendaTemplateItems.position,
      subject: agendaTemplateItems.subject,
      proposalMarkdown: agendaTemplateItems.proposalMarkdown,
    })
    .from(agendaTemplateItems)
    .where(eq(agendaTemplateItems.bodyId, bodyId))
    .all();
  const isDefault = own.length === 0;
  const items = isDefault
    ? defaultTemplate.map((item, index) => ({ ...item, id: -(index + 1), position: index + 1 }))
    : own;
  return { isDefault, sections: groupBySection(items) };
}

/** The first change to a body's template starts from a copy of the default template. */
function ensureOwnTemplate(tx: Tx, bodyId: number) {
  const any = tx
    .select({ id: agendaTemplateItems.id })
    .from(agendaTemplateItems)
    .where(eq(agendaTemplateItems.bodyId, bodyId))
    .get();
  if (any) return;
  tx.insert(agendaTemplateItems)
    .values(defaultTemplate.map((item, index) => ({ bodyId, ...item, position: index + 1 })))
    .run();
}

/**
 * A change of a body's template through the one door: the body's secretariaat, logged with what the
 * change says of itself (null when it turned out to change nothing).
 */
function changeTemplate(
  viewer: Viewer,
  bodyId: number,
  write: (tx: Tx, bodyName: string) => { summary: string; after?: unknown } | null,
) {
  changeThroughDoor({
    viewer,
    load: () =>
      getDb().select({ bodyId: bodies.id, name: bodies.name }).from(bodies).where(eq(bodies.id, bodyId)).get(),
    missing: "Dit gremium bestaat niet meer.",
    allow: (viewer, body) =>
      managesBody(viewer, body.bodyId) || "Alleen het secretariaat van dit gremium past het sjabloon aan.",
    write: (tx, body) => write(tx, body.name),
    audit: (_body, logged) => logged && { action: "template.change", entityType: "body", entityId: bodyId, ...logged },
  });
}

export function addTemplateItem({
  viewer,
  bodyId,
  input,
}: {
  viewer: Viewer;
  bodyId: number;
  input: { section: AgendaSection; subject: string; proposalMarkdown: string };
}) {
  changeTemplate(viewer, bodyId, (tx, name) => {
    ensureOwnTemplate(tx, bodyId);
    const last = tx
      .select({ last: max(agendaTemplateItems.position) })
      .from(agendaTemplateItems)
      .where(and(eq(agendaTemplateItems.bodyId, bodyId), eq(agendaTemplateItems.section, input.section)))
      .get();
    tx.insert(agendaTemplateItems)
      .values({ bodyId, ...input, position: (last?.last ?? 0) + 1 })
      .run();
    return {
      summary: `Vast punt ‘${input.subject}’ toegevoegd aan het sjabloon van ${name} (${agendaSectionLabels[input.section]})`,
      after: input,
    };
  });
}

/** Moves a standing item up or down, or removes it. Ids of the default template are its negative index. */
export function changeTemplateItem({
  viewer,
  bodyId,
  itemId,
  change,
}: {
  viewer: Viewer;
  bodyId: number;
  itemId: number;
  change: "up" | "down" | "remove";
}) {
  changeTemplate(viewer, bodyId, (tx, name) => {
    let id = itemId;
    if (id < 0) {
      // The editor showed the default template: make it the body's own, then find the same item.
      ensureOwnTemplate(tx, bodyId);
      const copied = tx
        .select({ id: agendaTemplateItems.id })
        .from(agendaTemplateItems)
        .where(and(eq(agendaTemplateItems.bodyId, bodyId), eq(agendaTemplateItems.position, -itemId)))
        .get();
      if (!copied) throw new RuleError({ "": ["Dit vaste punt bestaat niet meer."] });
      id = copied.id;
    }
    const item = tx
      .select()
      .from(agendaTemplateItems)
      .where(and(eq(agendaTemplateItems.id, id), eq(agendaTemplateItems.bodyId, bodyId)))
      .get();
    if (!item) throw new RuleError({ "": ["Dit vaste punt bestaat niet meer."] });
    if (change === "remove") {
      tx.delete(agendaTemplateItems).where(eq(agendaTemplateItems.id, id)).run();
      return { summary: `Vast punt ‘${item.subject}’ verwijderd uit het sjabloon van ${name}` };
    }
    const neighbour = tx
      .select({ id: agendaTemplateItems.id, position: agendaTemplateItems.position })
      .from(agendaTemplateItems)
      .where(
        and(
          eq(agendaTemplateItems.bodyId, bodyId),
          eq(agendaTemplateItems.section, item.section),
          change === "up"
            ? lt(agendaTemplateItems.position, item.position)
            : gt(agendaTemplateItems.position, item.position),
        ),
      )
      .orderBy(change === "up" ? desc(agendaTemplateItems.position) : asc(agendaTemplateItems.position))
      .limit(1)
      .get();
    if (!neighbour) return null;
    tx.update(agendaTemplateItems).set({ position: neighbour.position }).where(eq(agendaTemplateItems.id, id)).run();
    tx.update(agendaTemplateItems)
      .set({ position: item.position })
      .where(eq(agendaTemplateItems.id, neighbour.id))
      .run();
    return {
      summary: `Vast punt ‘${item.subject}’ ${change === "up" ? "omhoog" : "omlaag"} in het sjabloon van ${name}`,
    };
  });
}
