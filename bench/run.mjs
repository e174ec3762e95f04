// Benchmarks in headless Chromium (not tests: they print figures, they assert nothing).
//   node bench/run.mjs page   transfer size, load-to-first-total (median of 10 cold loads),
//                             input-to-DOM-update time for a 100-line mix
//   node bench/run.mjs plan   plan() time against horizon and mix size, in wasm
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { serve, launch, root } from "../tests/e2e/harness.mjs";

const what = process.argv[2] || "page";
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function benchPage() {
  const dist = path.join(root, "dist");
  let raw = 0;
  let gz = 0;
  for (const f of readdirSync(dist).filter((f) => /\.(html|js|wasm|css)$/.test(f))) {
    const body = readFileSync(path.join(dist, f));
    const z = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gz += z;
    console.log(`  ${f.padEnd(44)} ${kb(body.length).padStart(10)} raw ${kb(z).padStart(10)} gzip`);
  }
  console.log(`transfer size (html+js+wasm+css): ${kb(raw)} raw, ${kb(gz)} gzip`);

  const server = await serve();
  const browser = await launch();
  // Cold loads: a new context each time (empty cache), time from navigation start until the
  // total is in the DOM, recorded by the page itself.
  const loads = [];
  for (let i = 0; i < 10; i++) {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const seen = () => {
        if (document.querySelector('[data-testid="total-value"]')) {
          window.__firstTotal = performance.now();
          return true;
        }
        return false;
      };
      new MutationObserver((_, obs) => seen() && obs.disconnect()).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.__firstTotal !== undefined);
    loads.push(await page.evaluate(() => window.__firstTotal));
    await context.close();
  }
  console.log(`load to first total: median ${median(loads).toFixed(1)} ms (10 cold loads: ${loads.map((t) => t.toFixed(0)).join(", ")})`);

  // Input to DOM update with 100 lines: type into line 50's quantity, time until the total changes.
  const lines = Array.from({ length: 100 }, (_, i) => `l=video~v2.1~pro~5~${100 + i}`).join("&");
  const page = await browser.newPage();
  await page.goto(`${server.url}?${lines}`);
  await page.getByTestId("total-value").waitFor();
  const updates = await page.evaluate(async () => {
    const input = document.querySelectorAll('[data-testid="quantity"]')[49];
    const totals = document.querySelector(".kp-totals");
    const out = [];
    for (let i = 0; i < 30; i++) {
      const changed = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          obs.disconnect();
          resolve(performance.now());
        });
        obs.observe(totals, { childList: true, subtree: true, characterData: true });
      });
      const t0 = performance.now();
      input.value = String(1000 + i);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      out.push((await changed) - t0);
    }
    return out;
  });
  console.log(`input to DOM update, 100-line mix: median ${median(updates).toFixed(2)} ms (30 edits, max ${Math.max(...updates).toFixed(2)} ms)`);
  await browser.close();
  server.stop();
}

async function benchPlan() {
  const server = await serve(root);
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(`${server.url}bench/plan.html`);
  await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 120000 });
  const rows = await page.evaluate(() => window.benchResult);
  console.log("plan() in wasm, headless Chromium (median ms; max ms)");
  const mixes = [...new Set(rows.map((r) => r.mix))];
  const horizons = [...new Set(rows.map((r) => r.horizon))];
  console.log(`${"mix".padEnd(24)}${horizons.map((h) => `${h} mo`.padStart(16)).join("")}`);
  for (const m of mixes) {
    const cells = horizons.map((h) => {
      const r = rows.find((x) => x.mix === m && x.horizon === h);
      return `${r.medianMs.toFixed(2)}; ${r.maxMs.toFixed(1)}`.padStart(16);
    });
    console.log(`${m.padEnd(24)}${cells.join("")}`);
  }
  await browser.close();
  server.stop();
}

await (what === "plan" ? benchPlan() : benchPage());
