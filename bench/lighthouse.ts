import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

// Lighthouse 12.8.2 (the last release for Node 20) on Debian's Chromium, desktop preset, the four
// categories the issue names. Scores are 0–100.

export async function audit(urls: Record<string, string>) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  const scores: Record<string, Record<string, number>> = {};
  const lost: Record<string, string[]> = {};
  try {
    for (const [name, url] of Object.entries(urls)) {
      const result = await lighthouse(
        url,
        { port: chrome.port, output: "json", logLevel: "error" },
        {
          extends: "lighthouse:default",
          settings: {
            formFactor: "desktop",
            screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
            throttlingMethod: "provided",
            onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
          },
        },
      );
      const lhr = result!.lhr;
      scores[name] = Object.fromEntries(
        Object.entries(lhr.categories).map(([key, category]) => [key, Math.round((category.score ?? 0) * 100)]),
      );
      // What cost points, so the README can say why.
      lost[name] = Object.values(lhr.categories).flatMap((category) =>
        category.auditRefs
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${category.id}: ${ref.id}`),
      );
    }
  } finally {
    await chrome.kill();
  }
  return { scores, lost };
}
