import { inject } from "vitest";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../app/auth/session.server";
import { connectDatabase, getDb, openDatabase } from "../../app/lib/db.server";
import { FACTORY_PASSWORD, makeViewer } from "../factories";
import { baseUrl } from "./browser";
import { latestMailTo } from "./outbox";

// Sessions and forged requests over real HTTP against the production server: the session cookie's
// flags, a fresh session on every sign-in (no fixation), refusal of cross-site posts on several forms,
// the sign-in throttle under concurrent guesses, and the member's own list of sessions.

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
let sessionsOwner: string;

beforeAll(async () => {
  connectDatabase(openDatabase(inject("databasePath")));
  email = (await makeViewer({ role: "lid", name: "Sessie Test" })).email;
  throttled = (await makeViewer({ role: "lid", name: "Doelwit Test" })).email;
  sessionsOwner = (await makeViewer({ role: "lid", name: "Twee Apparaten" })).email;
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

  it("checks six of twenty concurrent guesses from one address over HTTP; the member elsewhere still gets in", async () => {
    // From an address of its own (the test server trusts the proxy header from loopback), so the
    // guesses do not count against the other tests' address.
    const guesser = { "x-forwarded-for": "203.0.113.124" };
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post("/inloggen", form({ email: throttled, password: `gok-${i}` }), guesser),
      ),
    );
    const texts = await Promise.all(answers.map((a) => a.text()));
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(6).fill(400), ...Array(14).fill(429)]);
    expect(texts.filter((t) => t.includes("Te veel mislukte pogingen vanaf dit apparaat"))).toHaveLength(14);
    expect(answers.find((a) => a.status === 429)!.headers.get("retry-after")).toMatch(/^\d+$/);
    const fromGuesser = await post("/inloggen", form({ email: throttled, password: FACTORY_PASSWORD }), guesser);
    expect(sessionFrom(fromGuesser)).toBeNull();
    const fromMember = await post("/inloggen", form({ email: throttled, password: FACTORY_PASSWORD }), {
      "x-forwarded-for": "198.51.100.80",
    });
    expect(sessionFrom(fromMember)).toBeTruthy();
  });

  it("lists the member's sessions on /account; one ended elsewhere is signed out there", async () => {
    const laptop = sessionFrom(
      await post("/inloggen", form({ email: sessionsOwner, password: FACTORY_PASSWORD }), {
        "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
      }),
    )!;
    const phone = sessionFrom(
      await post("/inloggen", form({ email: sessionsOwner, password: FACTORY_PASSWORD }), {
        "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile Safari/604.1",
        "x-forwarded-for": "198.51.100.23",
      }),
    )!;
    // The phone was a device not seen before: its owner gets a notice.
    const notice = await latestMailTo(sessionsOwner, /Nieuwe aanmelding bij Gremium/);
    expect(notice.text).toContain("Safari op iPhone");
    expect(notice.text).toContain("198.51.100.23");

    const account = await (
      await fetch(`${baseUrl()}/account`, { headers: { cookie: `${SESSION_COOKIE}=${laptop}` } })
    ).text();
    expect(account).toContain("Chrome op Windows");
    expect(account).toContain("(dit apparaat)");
    expect(account).toContain("Safari op iPhone");
    const phoneId = /name="sessionId" value="([0-9a-f]+)"/.exec(account)![1]!;
    const ended = await post("/account", form({ intent: "end-session", sessionId: phoneId }), {
      cookie: `${SESSION_COOKIE}=${laptop}`,
    });
    expect(await ended.text()).toContain("De sessie is beëindigd.");
    expect(await signedInAs(phone)).toBe(false);
    expect(await signedInAs(laptop)).toBe(true);
  });
});
