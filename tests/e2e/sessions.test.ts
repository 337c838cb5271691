import { inject } from "vitest";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../app/auth/session.server";
import { connectDatabase, getDb, openDatabase } from "../../app/lib/db.server";
import { FACTORY_PASSWORD, makeViewer } from "../factories";
import { baseUrl } from "./browser";

// Sessions and forged requests over real HTTP against the production server: the session cookie's
// flags, a fresh session on every sign-in (no fixation), refusal of cross-site posts on several forms,
// and the sign-in throttle under concurrent guesses.

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

function post(path: string, body: URLSearchParams, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl()}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: baseUrl(), "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
  });
}

const sessionFrom = (response: Response) =>
  /gremium_sessie=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1] ?? null;

async function signedInAs(token: string) {
  const response = await fetch(`${baseUrl()}/account`, {
    headers: { cookie: `${SESSION_COOKIE}=${token}` },
    redirect: "manual",
  });
  return response.status === 200;
}

let email: string;
let throttled: string;

beforeAll(async () => {
  connectDatabase(openDatabase(inject("databasePath")));
  email = (await makeViewer({ role: "lid", name: "Sessie Test" })).email;
  throttled = (await makeViewer({ role: "lid", name: "Doelwit Test" })).email;
});

describe("sessions", () => {
  it("sets the session cookie HttpOnly, SameSite=Lax, for the whole site, and Secure behind HTTPS", async () => {
    const plain = await post("/inloggen", form({ email, password: FACTORY_PASSWORD }));
    expect(plain.status).toBe(302);
    const cookie = plain.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Expires=/);
    expect(cookie).not.toMatch(/Secure/);
    const proxied = await post("/inloggen", form({ email, password: FACTORY_PASSWORD }), {
      "x-forwarded-proto": "https",
      origin: baseUrl().replace("http:", "https:"),
    });
    expect(proxied.headers.get("set-cookie")).toMatch(/; Secure/);
    // Served over https by the trusted proxy in front: browsers are told to keep to https.
    expect(proxied.headers.get("strict-transport-security")).toMatch(/max-age=31536000/);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });

  it("gives a new session on sign-in: a token planted beforehand is never accepted", async () => {
    const planted = "aanvaller-gekozen-token";
    const response = await post("/inloggen", form({ email, password: FACTORY_PASSWORD }), {
      cookie: `${SESSION_COOKIE}=${planted}`,
    });
    const issued = sessionFrom(response);
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
    expect(await signedInAs(issued!)).toBe(true);
    expect(await signedInAs(planted)).toBe(false);

    // Signing in again while signed in also replaces the session; signing out ends it on the server.
    const again = sessionFrom(
      await post("/inloggen", form({ email, password: FACTORY_PASSWORD }), { cookie: `${SESSION_COOKIE}=${issued}` }),
    );
    expect(again).not.toBe(issued);
    await post("/uitloggen", form({}), { cookie: `${SESSION_COOKIE}=${again}` });
    expect(await signedInAs(again!)).toBe(false);
  });

  it("refuses cross-site posts on every kind of form, and nothing changes", async () => {
    const token = sessionFrom(await post("/inloggen", form({ email, password: FACTORY_PASSWORD })))!;
    const cookie = `${SESSION_COOKIE}=${token}`;
    const forged = [
      ["/uitloggen", form({})],
      ["/account", form({ intent: "password", currentPassword: FACTORY_PASSWORD, newPassword: "overgenomen-1234" })],
      ["/nieuwsbrief/aanmelden", form({ email: "slachtoffer@voorbeeld.example" })],
      ["/acties/nieuw", form({ description: "Vervalste actie" })],
      ["/gremia/stuurgroep-zvs/planning", form({ intent: "add", subject: "Vervalst", purpose: "informatie" })],
    ] as const;
    const forgeries: Record<string, string>[] = [
      { origin: "https://aanvaller.example" },
      { origin: "null", referer: "https://aanvaller.example/x" },
      // No Origin at all (old browsers, some proxies): the Referer decides, and without one it is refused.
      { referer: "https://aanvaller.example/x" },
      {},
    ];
    for (const [path, body] of forged) {
      for (const headers of forgeries) {
        const response = await fetch(`${baseUrl()}${path}`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
          body,
        });
        // Refused by the server before Remix sees it (which would answer a bare 500), or by the action's own check.
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(await response.text(), path).toContain("Dit formulier kwam niet van deze site");
        expect(response.headers.get("set-cookie"), path).toBeNull();
      }
    }
    const db = getDb().$client;
    expect(db.prepare("select count(*) as n from planned_topics where subject = 'Vervalst'").get()).toEqual({ n: 0 });
    expect(db.prepare("select count(*) as n from actions where description = 'Vervalste actie'").get()).toEqual({
      n: 0,
    });
    // Still signed in with the old password: the forged sign-out and password change did nothing.
    expect(await signedInAs(token)).toBe(true);
    expect(sessionFrom(await post("/inloggen", form({ email, password: FACTORY_PASSWORD })))).toBeTruthy();
  });

  it("checks at most five of twenty concurrent guesses over HTTP, then refuses the right password too", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post("/inloggen", form({ email: throttled, password: `gok-${i}` }))),
    );
    const texts = await Promise.all(answers.map((a) => a.text()));
    expect(answers.map((a) => a.status).filter((status) => status !== 400 && status !== 429)).toEqual([]);
    expect(texts.filter((t) => t.includes("Te vaak een verkeerd wachtwoord")).length).toBeGreaterThanOrEqual(15);
    const right = await post("/inloggen", form({ email: throttled, password: FACTORY_PASSWORD }));
    expect(sessionFrom(right)).toBeNull();
  });
});
