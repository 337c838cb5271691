import { and, count, eq } from "drizzle-orm";
import { knownDevices, people, users } from "../../db/schema";
import { getDb } from "~/lib/db.server";
import { formatDateTime } from "~/lib/format";
import { hashText, newToken } from "~/lib/link-tokens.server";
import { sendMail, type MailAddress } from "~/lib/mail.server";
import { describeDevice } from "~/lib/user-agent";
import type { SignInMethod } from "~/lib/vocabulary";
import { anyone, change } from "./access/change.server";

// A sign-in from a device the person has not used before sends them a short notice, so a stranger
// who got in is noticed. A device is known by a random id in a long-lived cookie; only its hash is kept.

export type DeviceSighting = {
  userId: number;
  method: SignInMethod;
  /** The id in the device cookie, or null when the browser has none yet. */
  deviceId: string | null;
  userAgent: string | null;
  clientAddress: string | null;
  now?: number;
};

/**
 * Records a completed sign-in: when and how (for the access review) and from which device. Returns
 * the device id to keep in the cookie and the notice to mail when the device is new (none for an
 * account's very first device: nobody to warn yet).
 */
export function recordSignIn({ userId, method, deviceId, userAgent, clientAddress, now = Date.now() }: DeviceSighting) {
  const id = deviceId && /^[a-z0-9]{20,64}$/.test(deviceId) ? deviceId : newToken();
  const deviceHash = hashText(id);
  const result = change({
    viewer: null,
    actorUserId: userId,
    now,
    load: () => ({ userId }),
    missing: "",
    // The person's own device list, written at their own sign-in.
    allow: anyone,
    write: (tx) => {
      tx.update(users).set({ lastSignInAt: now, lastSignInMethod: method }).where(eq(users.id, userId)).run();
      const known = tx
        .select({ userId: knownDevices.userId })
        .from(knownDevices)
        .where(and(eq(knownDevices.userId, userId), eq(knownDevices.deviceHash, deviceHash)))
        .get();
      if (known) {
        tx.update(knownDevices)
          .set({ lastSeenAt: now })
          .where(and(eq(knownDevices.userId, userId), eq(knownDevices.deviceHash, deviceHash)))
          .run();
        return { firstEver: false, isNew: false };
      }
      const before = tx.select({ n: count() }).from(knownDevices).where(eq(knownDevices.userId, userId)).get()!.n;
      tx.insert(knownDevices).values({ userId, deviceHash, firstSeenAt: now, lastSeenAt: now }).run();
      return { firstEver: before === 0, isNew: true };
    },
    audit: () => null,
  });
  const notice = result.isNew && !result.firstEver ? newDeviceNotice({ userId, userAgent, clientAddress, now }) : null;
  return { deviceId: id, notice };
}

function newDeviceNotice({
  userId,
  userAgent,
  clientAddress,
  now,
}: {
  userId: number;
  userAgent: string | null;
  clientAddress: string | null;
  now: number;
}) {
  const user = getDb()
    .select({ email: users.email, name: people.name })
    .from(users)
    .innerJoin(people, eq(people.id, users.personId))
    .where(eq(users.id, userId))
    .get();
  if (!user) return null;
  return { to: { name: user.name, address: user.email }, device: describeDevice(userAgent), clientAddress, at: now };
}

/** Mails the notice of a sign-in from a new device. */
export async function sendNewDeviceNotice(
  notice: { to: MailAddress; device: string; clientAddress: string | null; at: number },
  baseUrl: string,
) {
  await sendMail({
    to: [notice.to],
    subject: "Nieuwe aanmelding bij Gremium",
    text: [
      "Goedendag,",
      "",
      "Er is zojuist ingelogd op uw Gremium-account vanaf een apparaat dat we nog niet kenden:",
      "",
      `  Apparaat: ${notice.device}`,
      `  Tijdstip: ${formatDateTime(notice.at)}`,
      notice.clientAddress ? `  Adres: ${notice.clientAddress}` : null,
      "",
      "Was u dit zelf? Dan hoeft u niets te doen.",
      "",
      "Was u dit niet? Beëindig de sessie en wijzig uw wachtwoord:",
      `  ${baseUrl}/account`,
      `Kunt u niet meer inloggen, vraag dan een nieuw wachtwoord aan: ${baseUrl}/wachtwoord-vergeten`,
      "",
      "Met vriendelijke groet,",
      "Gremium",
    ]
      .filter((line) => line !== null)
      .join("\n"),
  });
}
