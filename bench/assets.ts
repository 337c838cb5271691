import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

// What a page makes the browser download besides its HTML: the scripts it loads (module scripts and
// modulepreload links, which Remix lists in full) and its stylesheets, each measured gzipped from
// build/client, the way a server with compression sends them.

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).byteLength;

export async function pageAssets(url: string, cookie?: string) {
  const html = await (await fetch(url, { headers: cookie ? { cookie } : {} })).text();
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) scripts.add(match[1]!);
  for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) scripts.add(match[1]!);
  for (const match of html.matchAll(/import\(?\s*["'](\/assets\/[^"']+\.js)["']/g)) scripts.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) styles.add(match[1]!);
  const size = (paths: Set<string>) =>
    [...paths]
      .map((path) => join("build/client", new URL(path, url).pathname))
      .filter((file) => existsSync(file))
      .reduce((sum, file) => sum + gzipped(file), 0);
  return {
    jsKbGzip: +(size(scripts) / 1024).toFixed(1),
    cssKbGzip: +(size(styles) / 1024).toFixed(1),
    htmlKbGzip: +(gzipSync(html).byteLength / 1024).toFixed(1),
    scripts: scripts.size,
  };
}
