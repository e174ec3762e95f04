// Shared set-up for the end-to-end tests: the release build (dist/) served statically on
// loopback, and Debian's Chromium driven headless by playwright-core.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { chromium } from "playwright-core";
import { before, after } from "node:test";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The 2025 guide's sample mix as a link (400 V2.1 Pro 5 s videos, 60 lip-syncs of 30 s, 5,000
 * Kolors images) in the seed-2025 edition: the tests whose figures are the 2025 guide's open it.
 */
export const SEED_SAMPLE = "?v=1&e=seed-2025&l=video~v2.1~pro~5~400&l=lip-sync~~~~60~30&l=text-to-image~kolors-v2.1~~~5000";
/** The brief's mix in the kling-2026 edition, bought per use from fal.ai, as a link: the tests
 * whose figures are kling-2026's open it. */
export const KLING_2026_SAMPLE = "?v=2&e=kling-2026&l=video~kling-v3~pro~10~400~~1~native&l=lip-sync~~~~60~30&l=image~kling-v3-image~~~5000&pu=fal";

/**
 * The files of a release build's page that its size budget counts (tests/e2e/budget.test.mjs):
 * index.html and every css, js and wasm file it makes the browser fetch.
 */
export function pageFiles(dist = path.join(root, "dist")) {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  // Attribute values may be quoted or not (the release build's HTML is minified).
  const refs = [...html.matchAll(/(?:href|src|from|module_or_path:)\s*=?\s*["']?\/?([^"'\s>]+\.(?:js|css|wasm))\b/g)].map(
    (m) => m[1],
  );
  return ["index.html", ...new Set(refs)];
}

/** Serves `dir` (default dist/) with python's static server; resolves to { url, stop }. */
export async function serve(dir = path.join(root, "dist")) {
  const port = await freePort();
  const proc = spawn("python3", ["-m", "http.server", "--bind", "127.0.0.1", "--directory", dir, String(port)], {
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, stop: () => proc.kill() };
}

/**
 * A test file's server and browser: serves `dir` (default dist/) and launches Chromium before its
 * tests, hands both to `use`, and stops them after.
 */
export function useServedBrowser(use, dir) {
  let server, browser;
  before(async () => {
    server = await serve(dir);
    browser = await launch();
    use(server, browser);
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });
}

/** Headless Chromium with the flags this closed network needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Waits until the app has mounted and shows a total: the page's own total, not the one of the
 * opening view the build wrote into index.html (`#kp-pre`, gone once the app is there), whose
 * controls do nothing yet.
 */
export async function appReady(page) {
  await page.locator('main:not(#kp-pre) [data-testid="total-value"]').waitFor();
}

/** Opens the calculator and waits for the app's first total; fails on any page error. */
export async function openCalculator(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url);
  await appReady(page);
  return { page, context, errors };
}
