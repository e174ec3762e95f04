// Benchmarks in headless Chromium (not tests: they print figures, they assert nothing).
//   node bench/run.mjs page   transfer size, load to the app's first total (median of 10 cold
//                             loads; the prerendered copy's total is there before, see phone),
//                             input-to-DOM-update time for a 100-line mix
//   node bench/run.mjs plan   plan() time against horizon and mix size, in wasm
//   node bench/run.mjs phone [dir]  time to first figure and until the page answers input (and
//                             the browser's first contentful paint), on a desktop (unthrottled)
//                             and an emulated mid-range phone, served with gzip; dir defaults
//                             to dist/ (another build can be compared)
//   node bench/run.mjs stress [count] [seed]  plan() in wasm over a fixed, seeded set of
//                             generated inputs (bench/stress-inputs.js; 300 inputs, seed 12
//                             unless given): median, p95 and max time, how many are proven
//                             optimal, and the 5 slowest inputs as JSON
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { serve, launch, root } from "../tests/e2e/harness.mjs";
import { serveGzip } from "./serve-gzip.mjs";

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
        // The app's own total: the build's copy of the opening view (#kp-pre) has one from the start.
        if (document.querySelector('main:not(#kp-pre) [data-testid="total-value"]')) {
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
  console.log(`load to the app's first total: median ${median(loads).toFixed(1)} ms (10 cold loads: ${loads.map((t) => t.toFixed(0)).join(", ")})`);

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

/** The value at rank ceil(p × n) of the sorted `xs` (nearest rank). */
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * xs.length) - 1)];
const ms = (t) => `${t.toFixed(1)} ms`;

async function benchStress(count, seed) {
  const server = await serve(root);
  const browser = await launch();
  const page = await browser.newPage();
  const query = new URLSearchParams({ ...(count && { count }), ...(seed && { seed }) });
  const started = Date.now();
  await page.goto(`${server.url}bench/stress.html?${query}`);
  await page.waitForFunction(() => window.stressResult !== undefined, null, { timeout: 600000, polling: 500 });
  const { rows, ...set } = await page.evaluate(() => window.stressResult);
  const times = rows.map((r) => r.ms);
  const summary = (xs) => `median ${ms(median(xs))}, p95 ${ms(percentile(xs, 0.95))}, max ${ms(Math.max(...xs))}`;
  console.log(`plan() in wasm, headless Chromium: the stress set (bench/stress-inputs.js, ${set.count} inputs, seed ${set.seed}; each the median of 3 runs; ${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  const proven = (rs) => rs.filter((r) => !r.error && r.optimal).length;
  console.log(`  all inputs       (${String(rows.length).padStart(3)}): ${summary(times)}; ${proven(rows)} proven optimal`);
  const groups = [
    ["per use fal.ai", (r) => r.input.options.perUseSource === "fal"],
    ["per use own rate", (r) => r.input.options.perUseSource === "rate"],
    ["per use off", (r) => !r.input.options.perUseSource],
    ["1 to 3 months", (r) => r.input.options.horizonMonths <= 3],
    ["36 months", (r) => r.input.options.horizonMonths === 36],
    ["with a quote", (r) => (r.input.options.quotes || []).length > 0],
    ["with a balance", (r) => (r.input.options.balances || []).length > 0],
    ["with a peak", (r) => r.input.options.peak !== undefined],
    ["proven optimal", (r) => !r.error && r.optimal],
    ["not proven", (r) => !r.error && !r.optimal],
  ];
  for (const [name, keep] of groups) {
    const rs = rows.filter(keep);
    if (rs.length) console.log(`  ${name.padEnd(16)} (${String(rs.length).padStart(3)}): ${summary(rs.map((r) => r.ms))}; ${proven(rs)} proven optimal`);
  }
  const solved = rows.filter((r) => !r.error);
  const unproven = solved.filter((r) => !r.optimal);
  console.log(`proven optimal: ${solved.length - unproven.length} of ${solved.length}` +
    (unproven.length ? `; not proven: ${unproven.length}, gap bound up to $${Math.max(...unproven.map((r) => r.costGap)).toFixed(2)}` : ""));
  const outcomes = {};
  for (const o of solved.flatMap((r) => r.outcomes)) outcomes[o] = (outcomes[o] || 0) + 1;
  console.log(`pool outcomes: ${Object.entries(outcomes).sort().map(([o, n]) => `${o} ${n}`).join(", ")}`);
  const errors = rows.filter((r) => r.error);
  if (errors.length) console.log(`plan() threw on ${errors.length} inputs, e.g. #${errors[0].index}: ${errors[0].error}`);
  console.log("5 slowest (plan(mix, options) with {mix, options} as below):");
  for (const r of [...rows].sort((a, b) => b.ms - a.ms).slice(0, 5)) {
    const proof = r.error ? "threw" : r.optimal ? "optimal" : `not proven, gap $${r.costGap.toFixed(2)}`;
    console.log(`  #${r.index} ${ms(r.ms)} (${proof}): ${JSON.stringify(r.input)}`);
  }
  await browser.close();
  server.stop();
}

/**
 * The two profiles of issue 13: a desktop as is, and a mid-range phone as Chrome DevTools
 * emulates one (4× slower CPU, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up).
 */
const PROFILES = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  {
    name: "phone",
    viewport: { width: 412, height: 915 },
    cpu: 4,
    network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  },
];

/**
 * Recorded by the page in every animation frame from navigation on (a frame is what gets
 * painted, and none runs while the stylesheet still blocks rendering): `__figure`, the first
 * frame with a total visible; `__live`, the first frame with the app mounted (its root, not the
 * build's prerendered copy, `#kp-pre`), i.e. the controls answer input.
 */
function recordFrames() {
  const frame = () => {
    const t = performance.now();
    const totals = [...document.querySelectorAll('[data-testid="total-value"]')];
    if (window.__figure === undefined && totals.some((e) => e.checkVisibility({ visibilityProperty: true }))) {
      window.__figure = t;
    }
    if (window.__live === undefined && totals.some((e) => !e.closest("#kp-pre"))) window.__live = t;
    if (window.__live === undefined || window.__figure === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** One cold load (new context: empty cache, new connections) under `profile`. */
async function coldLoad(browser, url, profile) {
  const context = await browser.newContext({ viewport: profile.viewport });
  await context.addInitScript(recordFrames);
  const page = await context.newPage();
  if (profile.cpu) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", profile.network);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  }
  await page.goto(url);
  await page.waitForFunction(() => window.__live !== undefined && window.__figure !== undefined, null, {
    timeout: 60000,
  });
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, {
    timeout: 60000,
  });
  const times = await page.evaluate(() => [
    window.__figure,
    window.__live,
    performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
  ]);
  await context.close();
  return times;
}

/**
 * Prints a profile's medians. The first total is on screen once the frame that draws it has
 * been painted: no earlier than that frame's callbacks, and no earlier than the browser's first
 * contentful paint (the page shows nothing before its first total), so each load counts the
 * later of the two.
 */
function report(name, loads) {
  const col = (i) => loads.map((l) => l[i]);
  const shown = loads.map(([frame, , fcp]) => Math.max(frame, fcp));
  const line = (what, xs) =>
    console.log(`${name.padEnd(8)} ${what.padEnd(32)} median ${median(xs).toFixed(0).padStart(5)} ms (${xs.map((t) => t.toFixed(0)).join(", ")})`);
  line("first total on screen", shown);
  line("  its frame's callbacks", col(0));
  line("  first contentful paint", col(2));
  line("answers input (app mounted)", col(1));
}

async function benchPhone(dir) {
  const server = await serveGzip(dir);
  const browser = await launch();
  console.log(`first figure and input, median of 10 cold loads, gzip (${path.basename(dir)}/)`);
  for (const profile of PROFILES) {
    const loads = [];
    for (let i = 0; i < 10; i++) loads.push(await coldLoad(browser, server.url, profile));
    report(profile.name, loads);
  }
  await browser.close();
  server.stop();
}

if (what === "plan") await benchPlan();
else if (what === "stress") await benchStress(process.argv[3], process.argv[4]);
else if (what === "phone") await benchPhone(path.resolve(process.argv[3] || path.join(root, "dist")));
else await benchPage();
