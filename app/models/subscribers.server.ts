import { and, eq, lt, sql } from "drizzle-orm";
import { subscribers, subscriptionThrottles } from "../../db/schema";
import { canManageProgrammes } from "~/auth/permissions";
import type { Viewer } from "~/auth/viewer";
import { clientAddressKey } from "~/lib/client-address";
import { getDb } from "~/lib/db.server";
import { hashText, newToken } from "~/lib/link-tokens.server";
import { sendMail } from "~/lib/mail.server";
import { anyone, change } from "./access/change.server";
import { Forbidden, RuleError } from "./errors";

// Subscribers of the nieuwsbrief: double opt-in, one-click opt-out, and as little personal data as
// will do. After an opt-out only the SHA-256 of the address remains (docs/decisions/013).

export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60_000;
export const PER_ADDRESS_PER_HOUR = 3;
/** Per client address (an IPv6 client by its /64): an office behind one address can still sign up a room. */
export const PER_CLIENT_PER_HOUR = 30;
/** Sign-ups per hour for the whole site before each further one waits its turn. */
export const ALL_PER_HOUR_BEFORE_WAITING = 100;
/** Past that, one sign-up per this many milliseconds... */
export const TURN_MS = 6_000;
/** ...but nobody waits longer than this: the cap slows a flood, it never shuts the form. */
export const LONGEST_WAIT_MS = 10_000;
const HOUR = 60 * 60_000;

export const hashEmail = (email: string) => hashText(email.trim().toLowerCase());

/** Counts an attempt for a key in its hour; returns the count so far and when that hour began. */
function countAttempt(key: string, now: number) {
  const db = getDb();
  db.delete(subscriptionThrottles)
    .where(lt(subscriptionThrottles.windowStartedAt, now - HOUR))
    .run();
  return db
    .insert(subscriptionThrottles)
    .values({ key, count: 1, windowStartedAt: now })
    .onConflictDoUpdate({ target: subscriptionThrottles.key, set: { count: sql`${subscriptionThrottles.count} + 1` } })
    .returning({ count: subscriptionThrottles.count, windowStartedAt: subscriptionThrottles.windowStartedAt })
    .get();
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type SubscribeInput = { email: string; name?: string | null; organisation?: string | null };

/**
 * Starts a subscription: a confirmation mail with a link, valid for a week. The answer is the same
 * whether or not the address is known, so the form does not reveal who subscribes; an address that
 * is already confirmed gets a mail saying so instead of a new link.
 */
export async function subscribe({
  input,
  clientAddress,
  baseUrl,
  now = Date.now(),
  wait = pause,
}: {
  input: SubscribeInput;
  /** The client's address as the server established it (never a header the client chose). */
  clientAddress: string | undefined;
  baseUrl: string;
  now?: number;
  wait?: (ms: number) => Promise<void>;
}) {
  const email = input.email.trim().toLowerCase();
  const emailHash = hashEmail(email);
  if (countAttempt(`client:${clientAddressKey(clientAddress)}`, now).count > PER_CLIENT_PER_HOUR)
    throw new RuleError({
      "": ["Er kwamen te veel aanmeldingen vanaf uw verbinding. Probeer het over een uur opnieuw."],
    });
  if (countAttempt(`address:${emailHash}`, now).count > PER_ADDRESS_PER_HOUR)
    throw new RuleError({
      email: [
        "Voor dit adres is net al een bevestigingsmail verstuurd. Kijk in uw mailbox, of probeer het over een uur opnieuw.",
      ],
    });
  // A flood from many addresses at once slows down (each sign-up waits its turn) but never shuts
  // the form: a real visitor's sign-up still goes through, a little later.
  const all = countAttempt("alle", now);
  const turn = all.windowStartedAt + (all.count - ALL_PER_HOUR_BEFORE_WAITING) * TURN_MS;
  if (all.count > ALL_PER_HOUR_BEFORE_WAITING && turn > now) await wait(Math.min(turn - now, LONGEST_WAIT_MS));
  const db = getDb();
  const existing = db.select().from(subscribers).where(eq(subscribers.emailHash, emailHash)).get();
  if (existing?.status === "bevestigd") {
    await sendMail({
      to: [{ name: existing.name ?? email, address: email }],
      subject: "U ontvangt de nieuwsbrief Zorg, Veiligheid en Straf al",
      text: `Iemand (waarschijnlijk uzelf) probeerde dit adres aan te melden voor de nieuwsbrief. U bent al aangemeld; u hoeft niets te doen.\n\nAfmelden kan met één klik: ${baseUrl}/nieuwsbrief/afmelden/${existing.unsubscribeToken}`,
    });
    return;
  }
  const token = newToken();
  const values = {
    email,
    emailHash,
    name: input.name?.trim() || null,
    organisation: input.organisation?.trim() || null,
    status: "wacht" as const,
    confirmTokenHash: hashText(token),
    unsubscribeToken: newToken(),
    confirmedAt: null,
    unsubscribedAt: null,
    // The week for confirming runs from now.
    updatedAt: now,
  };
  change({
    viewer: null,
    now,
    load: () => ({}),
    missing: "",
    // Anyone may subscribe (the form is throttled per address); the mail confirms it is them.
    allow: anyone,
    write: (tx) =>
      existing
        ? tx
            .update(subscribers)
            .set(values)
            .where(eq(subscribers.id, existing.id))
            .returning({ id: subscribers.id })
            .get()
        : tx
            .insert(subscribers)
            .values({ ...values, createdAt: now })
            .returning({ id: subscribers.id })
            .get(),
    audit: (_none, row) => ({
      action: existing?.status === "afgemeld" ? "subscriber.resubscribe" : "subscriber.subscribe",
      entityType: "subscriber",
      entityId: row.id,
      summary:
        existing?.status === "afgemeld"
          ? "Opnieuw aangemeld voor de nieuwsbrief (wacht op bevestiging)"
          : "Aangemeld voor de nieuwsbrief (wacht op bevestiging)",
    }),
  });
  await sendMail({
    to: [{ name: values.name ?? email, address: email }],
    subject: "Bevestig uw aanmelding voor de nieuwsbrief Zorg, Veiligheid en Straf",
    text: [
      "Bedankt voor uw aanmelding voor de nieuwsbrief van het samenwerkingsverband Zorg, Veiligheid en Straf Twente.",
      "",
      `Bevestig uw aanmelding met deze link (een week geldig): ${baseUrl}/nieuwsbrief/bevestigen/${token}`,
      "",
      "Heeft u zich niet aangemeld? Dan kunt u deze mail negeren; u ontvangt niets.",
    ].join("\n"),
  });
}

/** Confirms a subscription by the token from the mail; null when the link is unknown or expired. */
export function confirmSubscription({ token, now = Date.now() }: { token: string; now?: number }) {
  const byToken = () =>
    getDb()
      .select()
      .from(subscribers)
      .where(eq(subscribers.confirmTokenHash, hashText(token)))
      .get();
  const found = byToken();
  if (!found || found.status !== "wacht" || found.updatedAt < now - CONFIRM_TTL_MS) return null;
  return change({
    viewer: null,
    now,
    load: byToken,
    missing: "Deze bevestigingslink is al gebruikt.",
    // The token from the mail is the credential: it confirms this one address.
    allow: anyone,
    write: (tx, row) => {
      tx.update(subscribers)
        .set({ status: "bevestigd", confirmedAt: now, confirmTokenHash: null, updatedAt: now })
        .where(eq(subscribers.id, row.id))
        .run();
      return { email: row.email! };
    },
    audit: (row) => ({
      action: "subscriber.confirm",
      entityType: "subscriber",
      entityId: row.id,
      summary: "Aanmelding voor de nieuwsbrief bevestigd",
    }),
  });
}

/** Whether an unsubscribe link is valid (for the page that asks to confirm). */
export function findUnsubscribe({ token }: { token: string }) {
  const row = getDb()
    .select({ id: subscribers.id, status: subscribers.status })
    .from(subscribers)
    .where(eq(subscribers.unsubscribeToken, token))
    .get();
  return row ?? null;
}

/**
 * Unsubscribes by the token of the one-click link. The address, name and organisation are erased;
 * the hash stays so no mail goes to that address again unless it subscribes anew.
 */
export function unsubscribe({ token, now = Date.now() }: { token: string; now?: number }) {
  const byToken = () => getDb().select().from(subscribers).where(eq(subscribers.unsubscribeToken, token)).get();
  if (!byToken()) return false;
  return change({
    viewer: null,
    now,
    load: byToken,
    missing: "Deze afmeldlink is onbekend.",
    // The token in the link is the credential, and it can do nothing but unsubscribe.
    allow: anyone,
    write: (tx, row) => {
      tx.update(subscribers)
        .set({
          status: "afgemeld",
          email: null,
          name: null,
          organisation: null,
          confirmTokenHash: null,
          unsubscribedAt: now,
          updatedAt: now,
        })
        .where(eq(subscribers.id, row.id))
        .run();
      return true;
    },
    audit: (row) => ({
      action: "subscriber.unsubscribe",
      entityType: "subscriber",
      entityId: row.id,
      summary: "Afgemeld voor de nieuwsbrief",
    }),
  });
}

/** Counts per status, for the kwartiermaker. */
export function countSubscribers({ viewer }: { viewer: Viewer }) {
  if (!canManageProgrammes(viewer)) throw new Forbidden("Alleen de kwartiermaker ziet de abonnees.");
  const rows = getDb()
    .select({ status: subscribers.status, n: sql<number>`count(*)`.mapWith(Number) })
    .from(subscribers)
    .groupBy(subscribers.status)
    .all();
  const count = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  return { bevestigd: count("bevestigd"), wacht: count("wacht"), afgemeld: count("afgemeld") };
}

/** The confirmed subscribers as CSV rows, for the kwartiermaker. */
export function exportSubscribers({ viewer }: { viewer: Viewer }) {
  if (!canManageProgrammes(viewer)) throw new Forbidden("Alleen de kwartiermaker exporteert de abonnees.");
  return getDb()
    .select({
      email: subscribers.email,
      name: subscribers.name,
      organisation: subscribers.organisation,
      status: subscribers.status,
      confirmedAt: subscribers.confirmedAt,
    })
    .from(subscribers)
    .where(and(sql`${subscribers.email} is not null`))
    .orderBy(subscribers.email)
    .all();
}

/**
 * Imports existing subscribers from CSV rows (e-mail; naam; organisatie; bevestigd). Rows marked
 * bevestigd are confirmed at once; others wait for a confirmation. An address that unsubscribed earlier
 * is skipped: the opt-out stands.
 */
export function importSubscribers({
  viewer,
  rows,
  now = Date.now(),
}: {
  viewer: Viewer;
  rows: {
    line: number;
    email: string;
    name: string;
    organisation: string;
    confirmed: boolean;
    /** Unsubscribed on the old list: only the hash is kept, so the opt-out stands here too. */
    unsubscribed?: boolean;
  }[];
  now?: number;
}) {
  const result = { added: 0, updated: 0, optedOut: 0, invalid: [] as number[] };
  change({
    viewer,
    now,
    load: () => ({}),
    missing: "",
    allow: (viewer) => canManageProgrammes(viewer) || "Alleen de kwartiermaker importeert abonnees.",
    write: (tx) => {
      for (const row of rows) {
        const email = row.email.trim().toLowerCase();
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
          result.invalid.push(row.line);
          continue;
        }
        const emailHash = hashEmail(email);
        const existing = tx.select().from(subscribers).where(eq(subscribers.emailHash, emailHash)).get();
        if (existing?.status === "afgemeld") {
          result.optedOut++;
          continue;
        }
        if (row.unsubscribed) {
          if (existing)
            tx.update(subscribers)
              .set({ status: "afgemeld", email: null, name: null, organisation: null, unsubscribedAt: now })
              .where(eq(subscribers.id, existing.id))
              .run();
          else
            tx.insert(subscribers)
              .values({ emailHash, status: "afgemeld", unsubscribedAt: now, createdAt: now, updatedAt: now })
              .run();
          result.optedOut++;
          continue;
        }
        const values = {
          email,
          name: row.name.trim() || null,
          organisation: row.organisation.trim() || null,
          ...(row.confirmed ? { status: "bevestigd" as const, confirmedAt: existing?.confirmedAt ?? now } : {}),
          updatedAt: now,
        };
        if (existing) {
          tx.update(subscribers).set(values).where(eq(subscribers.id, existing.id)).run();
          result.updated++;
        } else {
          tx.insert(subscribers)
            .values({
              ...values,
              emailHash,
              unsubscribeToken: newToken(),
              status: row.confirmed ? "bevestigd" : "wacht",
              createdAt: now,
            })
            .run();
          result.added++;
        }
      }
    },
    // An import that added and changed nothing leaves no line in the log.
    audit: () =>
      result.added + result.updated === 0
        ? null
        : {
            action: "subscriber.import",
            entityType: "subscriber",
            entityId: null,
            summary: `Abonnees geïmporteerd: ${result.added} nieuw, ${result.updated} bijgewerkt, ${result.optedOut} eerder afgemeld overgeslagen`,
            after: result,
          },
  });
  return result;
}
