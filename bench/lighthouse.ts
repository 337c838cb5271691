import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

// Lighthouse 12.8.2 (the last release for Node 20) on Debian's Chromium, the four categories the
// issue names. "desktop" is the desktop preset without throttling; "mobile" is Lighthouse's own
// default: a phone screen, a slow network and a CPU slowed four times, simulated. Scores are 0–100.

type FormFactor = "desktop" | "mobile";

export async function audit(urls: Record<string, string>, formFactor: FormFactor) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  const scores: Record<string, Record<string, number>> = {};
  const lost: Record<string, string[]> = {};
  try {
    for (const [name, url] of Object.entries(urls)) {
      // A run in which an audit itself failed (a trace that could not be read, say) scores its
      // category null; such a run is repeated, up to twice, rather than reported as a zero.
      let lhr = await run(url, chrome.port, formFactor);
      for (let attempt = 0; attempt < 2 && failedAudits(lhr).length > 0; attempt++)
        lhr = await run(url, chrome.port, formFactor);
      scores[name] = Object.fromEntries(
        Object.entries(lhr.categories).map(([key, category]) => [key, Math.round((category.score ?? 0) * 100)]),
      );
      lost[name] = failedAudits(lhr).map((id) => `fout in audit: ${id}`);
      // What cost points, so the README can say why.
      lost[name].push(
        ...Object.values(lhr.categories).flatMap((category) =>
          category.auditRefs
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => `${category.id}: ${ref.id}`),
        ),
      );
    }
  } finally {
    await chrome.kill();
  }
  return { scores, lost };
}

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

async function run(url: string, port: number, formFactor: FormFactor) {
  const settings =
    formFactor === "desktop"
      ? {
          formFactor,
          screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
          throttlingMethod: "provided" as const,
          onlyCategories: CATEGORIES,
        }
      : { onlyCategories: CATEGORIES };
  const result = await lighthouse(
    url,
    { port, output: "json", logLevel: "error" },
    { extends: "lighthouse:default", settings },
  );
  return result!.lhr;
}

type Report = Awaited<ReturnType<typeof run>>;

/** The audits that could not run (their score is null with an error), which leave a category unscored. */
function failedAudits(lhr: Report) {
  return Object.entries(lhr.audits)
    .filter(([, audit]) => audit.scoreDisplayMode === "error")
    .map(([id]) => id);
}
