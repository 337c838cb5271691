// Imports the demo corpus into a database. Idempotent: records are matched by slug (or e-mail,
// or body+person+role+start), so a second import updates in place and adds no duplicates.
import { and, eq } from "drizzle-orm";
import { hashPassword, verifyPassword } from "../app/lib/password.server";
import { renderMarkdown } from "../app/lib/markdown.server";
import type { Db } from "../app/lib/db.server";
import { writeAudit } from "../app/models/audit.server";
import { loadCorpus } from "./content";
import { bodies, memberships, organisations, people, users } from "./schema";

export type ImportSummary = {
  organisations: number;
  people: number;
  users: number;
  bodies: number;
  memberships: number;
};

export async function importDemoCorpus(
  db: Db,
  { contentDir, demoPassword }: { contentDir: string; demoPassword: string },
): Promise<ImportSummary> {
  const corpus = loadCorpus(contentDir);
  // Hash outside the transaction (it is slow and async); reuse an existing hash when it still
  // matches, so a re-import does not churn every user row.
  const existingHashes = new Map(
    db
      .select({ email: users.email, hash: users.passwordHash })
      .from(users)
      .all()
      .map((u) => [u.email, u.hash]),
  );
  const hashes = new Map<string, string>();
  for (const user of corpus.users) {
    const existing = existingHashes.get(user.email);
    hashes.set(
      user.email,
      existing && (await verifyPassword(existing, demoPassword)) ? existing : await hashPassword(demoPassword),
    );
  }

  return db.transaction((tx) => {
    const orgIds = new Map<string, number>();
    for (const org of corpus.organisations) {
      const row = tx
        .insert(organisations)
        .values(org)
        .onConflictDoUpdate({ target: organisations.slug, set: { name: org.name, kind: org.kind } })
        .returning({ id: organisations.id })
        .get();
      orgIds.set(org.slug, row.id);
    }
    const personIds = new Map<string, number>();
    for (const person of corpus.people) {
      const values = {
        slug: person.slug,
        name: person.name,
        email: person.email ?? null,
        jobTitle: person.jobTitle ?? null,
        organisationId: orgIds.get(person.organisation)!,
      };
      const { slug: _slug, ...update } = values;
      const row = tx
        .insert(people)
        .values(values)
        .onConflictDoUpdate({ target: people.slug, set: update })
        .returning({ id: people.id })
        .get();
      personIds.set(person.slug, row.id);
    }
    for (const user of corpus.users) {
      const values = {
        email: user.email,
        personId: personIds.get(user.person)!,
        role: user.role,
        passwordHash: hashes.get(user.email)!,
      };
      tx.insert(users)
        .values(values)
        .onConflictDoUpdate({
          target: users.email,
          set: { personId: values.personId, role: values.role, passwordHash: values.passwordHash },
        })
        .run();
    }
    // Parents first: a body may name a parent that sorts after it.
    const bodyIds = new Map<string, number>();
    for (const body of corpus.bodies) {
      const values = {
        slug: body.slug,
        name: body.name,
        shortName: body.shortName ?? null,
        kind: body.kind,
        purposeMarkdown: body.purposeMarkdown,
        purposeHtml: renderMarkdown(body.purposeMarkdown),
        meetingFrequency: body.meetingFrequency ?? null,
        activeFrom: body.activeFrom,
        activeUntil: body.activeUntil ?? null,
        sortOrder: body.sortOrder,
      };
      const { slug: _slug, ...update } = values;
      const row = tx
        .insert(bodies)
        .values(values)
        .onConflictDoUpdate({ target: bodies.slug, set: update })
        .returning({ id: bodies.id })
        .get();
      bodyIds.set(body.slug, row.id);
    }
    let membershipCount = 0;
    for (const body of corpus.bodies) {
      const bodyId = bodyIds.get(body.slug)!;
      tx.update(bodies)
        .set({ parentId: body.parent ? bodyIds.get(body.parent)! : null })
        .where(eq(bodies.id, bodyId))
        .run();
      for (const member of body.members) {
        const personId = personIds.get(member.person)!;
        const match = and(
          eq(memberships.bodyId, bodyId),
          eq(memberships.personId, personId),
          eq(memberships.role, member.role),
          eq(memberships.startsOn, member.from),
        );
        const existing = tx.select({ id: memberships.id }).from(memberships).where(match).get();
        if (existing) {
          tx.update(memberships)
            .set({ endsOn: member.until ?? null })
            .where(eq(memberships.id, existing.id))
            .run();
        } else {
          tx.insert(memberships)
            .values({ bodyId, personId, role: member.role, startsOn: member.from, endsOn: member.until ?? null })
            .run();
        }
        membershipCount++;
      }
    }
    const summary: ImportSummary = {
      organisations: corpus.organisations.length,
      people: corpus.people.length,
      users: corpus.users.length,
      bodies: corpus.bodies.length,
      memberships: membershipCount,
    };
    writeAudit(tx, {
      actorUserId: null,
      action: "demo.import",
      entityType: "corpus",
      entityId: null,
      summary: `Democorpus geïmporteerd: ${summary.bodies} gremia, ${summary.people} personen, ${summary.users} gebruikers`,
      after: summary,
    });
    return summary;
  });
}

/** True when the database holds no users yet: the only state in which start-up imports demo data. */
export function isEmptyDatabase(db: Db) {
  return !db.select({ id: users.id }).from(users).limit(1).get();
}
