// Rules of the codebase that a type checker cannot see, checked on the source itself.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "../..");
const filesUnder = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
const source = (file: string) => readFileSync(join(root, file), "utf8");

// A route is a file in app/routes/, or the route.tsx of a folder there (with the files beside it).
const routeModules = readdirSync(join(root, "app/routes"))
  .flatMap((name) => {
    const path = join("app/routes", name);
    if (statSync(join(root, path)).isDirectory())
      return readdirSync(join(root, path))
        .filter((file) => /^route\.tsx?$/.test(file))
        .map((file) => join(path, file));
    return /\.tsx?$/.test(name) && !name.includes(".test.") ? [path] : [];
  })
  .sort();
const routeFolderFiles = filesUnder("app/routes");

const appFiles = [...filesUnder("app"), ...filesUnder("db"), ...filesUnder("scripts")];
const accessLayer = (file: string) => file.startsWith("app/models/access/");
const modelFiles = filesUnder("app/models").filter((file) => !accessLayer(file));

describe("routes", () => {
  it("never touch tables: only app/models/ reads and writes them", () => {
    const offenders = routeFolderFiles.filter((file) =>
      /from ["'](drizzle-orm|.*db\/schema|~\/lib\/db\.server)["']/.test(source(file)),
    );
    // /healthz only asks the connection whether it can read, by design.
    expect(offenders).toEqual(["app/routes/healthz.ts"]);
  });

  it("check the origin before any action runs (CSRF defence), or say why a cross-site post is harmless", () => {
    const actions = routeModules.flatMap((file) => {
      const action = source(file).match(
        /export (const action = \w+\(async|async function action)[\s\S]*?\n}\)?;?\n/,
      )?.[0];
      return action ? [{ file, action }] : [];
    });
    expect(actions.length).toBeGreaterThan(30);
    const unguarded = actions.filter(
      ({ action }) => !/(requireUser|requireRole|assertSameOrigin)\(|\/\/ Cross-site by design:/.test(action),
    );
    expect(unguarded.map(({ file }) => file)).toEqual([]);
  });

  it("turn refusals into answers: every loader and action is wrapped by pageRoute or resourceRoute", () => {
    const unwrapped = routeModules.filter((file) =>
      /export (async function (loader|action)\b|const (loader|action) = (?!pageRoute\(|resourceRoute\())/.test(
        source(file),
      ),
    );
    expect(unwrapped).toEqual([]);
    const resourceRoutes = routeModules.filter((file) => !/export default/.test(source(file)));
    expect(resourceRoutes.filter((file) => /= pageRoute\(/.test(source(file)))).toEqual([]);
  });

  it("answer redirects through our redirect, which carries the security headers", () => {
    const bareRedirects = filesUnder("app").filter(
      (path) =>
        !path.endsWith("responses.server.ts") &&
        /import \{[^}]*\bredirect\b[^}]*\} from "@remix-run\/node"/.test(source(path)),
    );
    expect(bareRedirects).toEqual([]);
  });
});

describe("the access layer (app/models/access/) is the one door", () => {
  // What decides who sees a body's besloten or not-public content may be mentioned inside the layer
  // only: the viewer's memberships, the confidentiality and publicity columns, the derived action
  // flags, and the helpers that earlier spelled the rule out by hand.
  const forbidden: [string, RegExp][] = [
    ["memberBodyIds", /\bmemberBodyIds\b/],
    ["a confidentiality column", /\b(agendaItems|documents|decisions|plannedTopics)\.isConfidential\b|is_confidential/],
    ["the publicity column", /\bmeetings\.isPublic\b|\bis_public\b/],
    ["the derived action flags", /\b(confidentialOrigin|publicOrigin|confidential_origin|public_origin)\b/],
    [
      "a visibility rule of its own",
      /\b(canSeeConfidential|canManageMeetings|visibleTo|decisionVisibleTo|actionVisibleTo|planVisibleTo|editionVisibleTo)\b/,
    ],
  ];

  it("no file outside the layer mentions the confidentiality columns or builds its own visibility condition", () => {
    const outside = appFiles.filter((file) => !accessLayer(file) && file !== "db/schema.ts");
    const offenders = outside.flatMap((file) =>
      forbidden.filter(([, pattern]) => pattern.test(source(file))).map(([what]) => `${file}: ${what}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the check above would notice: it finds what it looks for in the layer itself", () => {
    const layer = appFiles.filter(accessLayer).map(source).join("\n");
    for (const [what, pattern] of forbidden.slice(0, 4)) expect(pattern.test(layer), what).toBe(true);
  });

  // Reads that take no viewer, each with the reason it is safe.
  const readsWithoutViewer: Record<string, string> = {
    "open-data.server.ts": "open data reads as the public: every query joins the scopes of viewer null",
    "woo.server.ts": "the Woo publication reads as the public: every query joins the scopes of viewer null",
    "site-settings.server.ts:getWooPublisher": "the publisher's name is public: every Woo publication carries it",
    "reminders.server.ts:selectDigests": "a system job: it builds each recipient's viewer and reads as them",
    "newsletters.server.ts:getContribution": "the token in the link is the credential for one block",
    "subscribers.server.ts:findUnsubscribe": "the token in the link is the credential for one address",
    "password-tokens.server.ts:findPasswordToken": "the token in the link is the credential for one account",
    "written-procedures.server.ts:getProcedureByLink": "the token in the mailed link is the credential for one answer",
    "sso.server.ts:findSsoProviderForEmail":
      "routes a sign-in by the domain of the typed address; gives only the provider's id and name",
    "second-factors.server.ts:describeSecondFactors":
      "reads only the second factors of the holder asking: signed in, or half-way their own sign-in",
  };

  it("every exported model read takes the viewer", () => {
    const offenders = modelFiles.flatMap((file) => {
      const name = file.replace("app/models/", "");
      if (readsWithoutViewer[name]) return [];
      return [
        ...source(file).matchAll(
          /export function ((get|list|describe|search|count|find|summarise|select|preview|check)\w*)\(([^)]*)/g,
        ),
      ]
        .filter(([, fn, , params]) => !readsWithoutViewer[`${name}:${fn}`] && !/^\s*tx: Tx/.test(params!))
        .filter(([, , , params]) => !/\bviewer\b/.test(params!))
        .map(([, fn]) => `${name}: ${fn}`);
    });
    expect(offenders).toEqual([]);
  });

  // Writes that are no one's change of a record, each with the reason they do not take the door.
  const ownTransactions: Record<string, string> = {
    "reminders.server.ts": "the daily job records a digest it has mailed; no viewer",
    "throttles.server.ts": "counting a guess happens before anyone is signed in, or is checked",
    "written-procedures.server.ts": "the reminder job gives each waiting member a new link and records it; no viewer",
  };

  it("every change goes through the one door: no model opens a transaction of its own", () => {
    const offenders = modelFiles.filter(
      (file) => /\.transaction\(/.test(source(file)) && !ownTransactions[file.replace("app/models/", "")],
    );
    expect(offenders).toEqual([]);
    // The exceptions are still there (else the list is stale).
    for (const name of Object.keys(ownTransactions))
      expect(source(`app/models/${name}`), name).toMatch(/\.transaction\(/);
  });

  it("every transaction takes the write lock first: several server processes share the database", () => {
    // A deferred transaction that reads and then writes fails with SQLITE_BUSY when another process
    // wrote in between, instead of waiting on busy_timeout.
    for (const file of [
      "app/models/access/change.server.ts",
      ...Object.keys(ownTransactions).map((n) => `app/models/${n}`),
    ]) {
      const transactions = source(file).split(".transaction(").length - 1;
      expect(transactions, file).toBeGreaterThan(0);
      expect((source(file).match(/behavior: "immediate"/g) ?? []).length, file).toBe(transactions);
    }
  });

  // Acting as the system, each with the reason: whoever runs these holds the server itself.
  const systemActors: Record<string, string> = {
    "scripts/archive.ts": "the archive package is written on the server by its operator (npm run archief)",
  };

  it("only the imports and the operator's archive export act as the system; db/ keeps the schema and the seed entry point", () => {
    const users = appFiles.filter(
      (file) =>
        !accessLayer(file) &&
        /\bsystemViewer\b/.test(source(file)) &&
        !file.startsWith("app/content/") &&
        !systemActors[file],
    );
    expect(users).toEqual([]);
    expect(filesUnder("db").sort()).toEqual(["db/schema.ts", "db/seed.ts"]);
    expect(source("db/seed.ts")).not.toMatch(/\.(insert|update|delete)\(/);
  });

  it("models throw domain errors, never HTTP responses", () => {
    const offenders = modelFiles.filter((file) =>
      /new Response\(|\b(forbidden|notFound|redirect)\(|from "~\/lib\/responses\.server"/.test(source(file)),
    );
    expect(offenders).toEqual([]);
  });
});
