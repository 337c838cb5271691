import { and, eq, gt, isNotNull, isNull, or } from "drizzle-orm";
import { actions, organisations, people, reminderDeliveries, users } from "../../db/schema";
import type { SignedInViewer } from "~/auth/viewer";
import { getDb } from "~/lib/db.server";
import { addDaysIso, formatDate, todayIso } from "~/lib/format";
import { sendMail } from "~/lib/mail.server";
import { actionStatusLabels } from "~/lib/vocabulary";
import { listActions } from "./actions.server";
import { writeAudit } from "./audit.server";
import { viewerOf } from "./access/viewers.server";
import { escapeHtml } from "~/lib/html";

/** Owners hear about actions that are overdue or due within this many days. */
export const REMINDER_HORIZON_DAYS = 14;
/** Nobody gets more than one digest in this many days. */
export const DIGEST_INTERVAL_DAYS = 7;

type DigestAction = ReturnType<typeof listActions>["actions"][number];
export type Digest = {
  personId: number;
  name: string;
  email: string;
  own: DigestAction[];
  organisation: { name: string; actions: DigestAction[] } | null;
};

/** The recipient as a viewer, so the digest holds exactly what the pages would show them. */
function viewerFor(
  person: { id: number; name: string; email: string; role: SignedInViewer["role"] | null },
  today: string,
) {
  return viewerOf(
    { userId: 0, personId: person.id, name: person.name, email: person.email, role: person.role ?? "lid" },
    { sessionId: "digest", today },
  );
}

/**
 * Who gets a digest today, with what: each owner their running actions that are overdue or due
 * within two weeks; each organisation's contact the organisation's running actions. One mail per
 * address, and none to an address that had one in the past week.
 */
export function selectDigests({ now = Date.now() }: { now?: number } = {}): Digest[] {
  const today = todayIso(now);
  const db = getDb();
  const recentlySent = new Set(
    db
      .select({ email: reminderDeliveries.email })
      .from(reminderDeliveries)
      .where(gt(reminderDeliveries.sentOn, addDaysIso(today, -DIGEST_INTERVAL_DAYS)))
      .all()
      .map((d) => d.email.toLowerCase()),
  );
  const horizon = addDaysIso(today, REMINDER_HORIZON_DAYS);
  const candidates = db
    .selectDistinct({
      id: people.id,
      name: people.name,
      email: people.email,
      isContact: people.isOrganisationContact,
      organisationId: people.organisationId,
      organisationName: organisations.name,
      role: users.role,
    })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .leftJoin(users, eq(users.personId, people.id))
    .leftJoin(actions, eq(actions.ownerPersonId, people.id))
    .where(
      and(
        isNotNull(people.email),
        // A deactivated account receives nothing.
        isNull(users.deactivatedAt),
        or(eq(people.isOrganisationContact, true), isNotNull(actions.id)),
      ),
    )
    .all();
  const digests: Digest[] = [];
  for (const person of candidates) {
    const email = person.email!;
    if (recentlySent.has(email.toLowerCase())) continue;
    const viewer = viewerFor({ ...person, email }, today);
    const own = listActions({
      viewer,
      filters: { ownerPersonId: person.id, status: "lopend" },
      pageSize: null,
      now,
    }).actions.filter((a) => a.dueOn !== null && a.dueOn <= horizon);
    const organisationActions =
      person.isContact && person.organisationId
        ? listActions({
            viewer,
            filters: { organisationId: person.organisationId, status: "lopend" },
            pageSize: null,
            now,
          }).actions
        : [];
    if (own.length === 0 && organisationActions.length === 0) continue;
    digests.push({
      personId: person.id,
      name: person.name,
      email,
      own,
      organisation:
        organisationActions.length > 0 ? { name: person.organisationName!, actions: organisationActions } : null,
    });
  }
  return digests;
}

function describe(action: DigestAction) {
  const due = action.dueOn ? `termijn ${formatDate(action.dueOn)}` : "geen termijn";
  const state = action.overdue ? "te laat" : actionStatusLabels[action.status].toLowerCase();
  return `${action.description} (${due}, ${state}; ${action.bodyName})`;
}

export function composeDigest(digest: Digest, baseUrl: string) {
  const overdue = digest.own.filter((a) => a.overdue).length;
  const subject =
    digest.own.length > 0
      ? `Uw acties in Gremium: ${overdue > 0 ? `${overdue} over de termijn, ` : ""}${digest.own.length} in totaal`
      : `Open acties van ${digest.organisation!.name}`;
  const sections: { title: string; actions: DigestAction[] }[] = [];
  if (digest.own.length > 0)
    sections.push({
      title: `Uw acties die te laat zijn of binnen ${REMINDER_HORIZON_DAYS} dagen aflopen`,
      actions: digest.own,
    });
  if (digest.organisation)
    sections.push({ title: `Open acties van ${digest.organisation.name}`, actions: digest.organisation.actions });
  const link = (a: DigestAction) => `${baseUrl}/acties/${a.id}`;
  const text = [
    `Beste ${digest.name},`,
    "",
    "Dit is het wekelijkse overzicht van acties uit Gremium. Werk de stand bij via de link bij elke actie.",
    ...sections.flatMap((s) => ["", `${s.title}:`, ...s.actions.flatMap((a) => [`- ${describe(a)}`, `  ${link(a)}`])]),
    "",
    `Al uw acties: ${baseUrl}/acties/mijn`,
    "",
    "U ontvangt dit overzicht hooguit één keer per week zolang er acties openstaan.",
  ].join("\n");
  const html = [
    `<p>Beste ${escapeHtml(digest.name)},</p>`,
    "<p>Dit is het wekelijkse overzicht van acties uit Gremium. Werk de stand bij via de link bij elke actie.</p>",
    ...sections.map(
      (s) =>
        `<h2 style="font-size:16px">${escapeHtml(s.title)}</h2><ul>${s.actions
          .map((a) => `<li><a href="${escapeHtml(link(a))}">${escapeHtml(describe(a))}</a></li>`)
          .join("")}</ul>`,
    ),
    `<p><a href="${escapeHtml(`${baseUrl}/acties/mijn`)}">Al uw acties</a></p>`,
    "<p>U ontvangt dit overzicht hooguit één keer per week zolang er acties openstaan.</p>",
  ].join("\n");
  return { subject, text, html };
}

/**
 * Sends today's digests and records each delivery, so a second run on the same day (or within the
 * week) sends nothing to the same address again.
 */
export async function sendReminders({ now = Date.now(), baseUrl }: { now?: number; baseUrl: string }) {
  const today = todayIso(now);
  const digests = selectDigests({ now });
  const sent: { email: string; actions: number }[] = [];
  for (const digest of digests) {
    const mail = composeDigest(digest, baseUrl.replace(/\/$/, ""));
    await sendMail({ to: [{ name: digest.name, address: digest.email }], ...mail });
    const actionIds = [...digest.own, ...(digest.organisation?.actions ?? [])].map((a) => a.id);
    getDb().transaction(
      (tx) => {
        tx.insert(reminderDeliveries).values({ email: digest.email, sentOn: today, actionIds }).run();
        writeAudit(tx, {
          actorUserId: null,
          action: "reminder.send",
          entityType: "person",
          entityId: digest.personId,
          summary: `Actieoverzicht gemaild aan ${digest.name} (${actionIds.length} acties)`,
          after: { actionIds },
        });
      },
      { behavior: "immediate" },
    );
    sent.push({ email: digest.email, actions: actionIds.length });
  }
  return { sent };
}
