// Benchmarks in headless Chromium (not tests: they measure, they assert nothing). Each mode
// prints its figures and writes them into its own section of docs/benchmarks.md (bench/doc.mjs),
// leaving the other sections as they are; BENCH_WRITE=0 only prints.
//   node bench/run.mjs page   transfer size (and the page's budget, read from
//                             tests/e2e/budget.test.mjs), load to the app's first total (median
//                             of 10 cold loads; the prerendered copy's total is there before, see
//                             phone), input-to-DOM-update time for a 100-line mix
//   node bench/run.mjs plan   the npm packages' sizes, and plan() time against horizon and mix
//                             size, in wasm
//   node bench/run.mjs phone [dir]  time to first figure and until the page answers input (and
//                             the browser's first contentful paint), on a desktop (unthrottled)
//                             and an emulated mid-range phone, served with gzip; dir defaults
//                             to dist/ (another build can be compared: its figures are only
//                             printed)
//   node bench/run.mjs stress [count] [seed]  plan() in wasm over a fixed, seeded set of
//                             generated inputs (bench/stress-inputs.js; 300 inputs, seed 12
//                             unless given): median, p95 and max time, how many are proven
//                             optimal, and the 5 slowest inputs as JSON
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { serve, launch, root, pageFiles } from "../tests/e2e/harness.mjs";
import { serveGzip } from "./serve-gzip.mjs";
import { table, writeSection as write } from "./doc.mjs";

const what = process.argv[2] || "page";
const writeSection = process.env.BENCH_WRITE === "0" ? () => {} : write;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The page's budget in bytes, read from the one place it is stated: tests/e2e/budget.test.mjs. */
function pageBudget() {
  const test = readFileSync(path.join(root, "tests/e2e/budget.test.mjs"), "utf8");
  const m = test.match(/^const BUDGET = ([\d_]+) \* KB;$/m);
  if (!m) throw new Error("tests/e2e/budget.test.mjs states no `const BUDGET = <n> * KB;` to quote");
  return Number(m[1].replaceAll("_", "")) * 1024;
}

/** File `name` of `dir`: its name, raw bytes and gzip -9 bytes. */
function size(dir, name) {
  const body = readFileSync(path.join(dir, name));
  return { name, raw: body.length, gz: gzipSync(body, { level: 9 }).length };
}

/** Each file of `dir` whose name `keep` accepts, with its sizes. */
const sizes = (dir, keep) => readdirSync(dir).filter(keep).map((name) => size(dir, name));

const bytes = (n) => `${n.toLocaleString("en-US")} B`;

async function benchPage() {
  const budget = pageBudget();
  const dist = path.join(root, "dist");
  const files = sizes(dist, (f) => /\.(html|js|wasm|css)$/.test(f));
  for (const f of files) console.log(`  ${f.name.padEnd(44)} ${kb(f.raw).padStart(10)} raw ${kb(f.gz).padStart(10)} gzip`);
  const sum = (fs, k) => fs.reduce((n, f) => n + f[k], 0);
  console.log(`transfer size (html+js+wasm+css): ${kb(sum(files, "raw"))} raw, ${kb(sum(files, "gz"))} gzip`);
  const page = pageFiles(dist).map((name) => size(dist, name));
  const counted = new Set(page.map((f) => f.name));
  const total = sum(page, "gz");
  const spare = budget - total;
  console.log(`the page as its budget counts it: ${bytes(total)} gzip (${kb(total)}); budget ${kb(budget)}: ${spare >= 0 ? `${kb(spare)} to spare` : `${kb(-spare)} over`}`);

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
  const loadList = loads.map((t) => t.toFixed(0)).join(", ");
  console.log(`load to the app's first total: median ${median(loads).toFixed(1)} ms (10 cold loads: ${loadList})`);

  // Input to DOM update with 100 lines: type into line 50's quantity, time until the total changes.
  const lines = Array.from({ length: 100 }, (_, i) => `l=video~v2.1~pro~5~${100 + i}`).join("&");
  const page100 = await browser.newPage();
  await page100.goto(`${server.url}?${lines}`);
  await page100.getByTestId("total-value").waitFor();
  const updates = await page100.evaluate(async () => {
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

  const row = (f) => [counted.has(f.name) ? `\`${f.name}\`` : `\`${f.name}\` (not counted)`, bytes(f.raw), bytes(f.gz)];
  writeSection(
    "page",
    "The page",
    `The release build in dist/ (\`trunk build --release\`), every html, js, wasm and css file of it, each gzipped
at level 9. The budget counts index.html and the files it makes the browser fetch as it opens;
the others are marked not counted.

${table(["file", "raw", "gzip"], [...page, ...files.filter((f) => !counted.has(f.name))].map(row))}

- **The page as its budget counts it** (index.html and the files it makes the browser fetch):
  **${bytes(total)}** gzip (${kb(total)}). Budget ${kb(budget)}, the constant in
  \`tests/e2e/budget.test.mjs\`: ${spare >= 0 ? `${kb(spare)} to spare` : `**${kb(-spare)} over**`}.
- **Load to the app's first total**, served statically, unthrottled: median
  **${median(loads).toFixed(1)} ms** over 10 cold loads (${loadList}). The prerendered opening
  view shows a total before that: see the phone section.
- **Input to DOM update** on a 100-line mix (line 50's quantity typed in 30 times): median
  **${median(updates).toFixed(2)} ms**, max ${Math.max(...updates).toFixed(2)} ms.`,
    browser.version(),
  );
  await browser.close();
  server.stop();
}

/** The npm packages' files (bash scripts/build-pkg.sh builds them), printed and as table rows. */
function packageSizes() {
  const rows = [];
  const packages = [
    ["pkg", "kling-pricing"],
    ["pkg-element", "kling-pricing-calculator"],
    // The planner's module, which the element loads on its first plan.
    ["pkg-element/planner", "kling-pricing-calculator"],
  ];
  for (const [dir, name] of packages) {
    for (const f of sizes(path.join(root, dir), (f) => /\.(wasm|js|d\.ts)$/.test(f))) {
      console.log(`  ${`${dir}/${f.name}`.padEnd(56)} ${bytes(f.raw).padStart(12)} raw ${bytes(f.gz).padStart(12)} gzip`);
      rows.push([`\`${name}\``, `\`${dir}/${f.name}\``, bytes(f.raw), bytes(f.gz)]);
    }
  }
  return rows;
}

async function benchPlan() {
  console.log("the npm packages");
  const packages = packageSizes();
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
  const cells = mixes.map((m) =>
    horizons.map((h) => {
      const r = rows.find((x) => x.mix === m && x.horizon === h);
      return `${r.medianMs.toFixed(2)}; ${r.maxMs.toFixed(1)}`;
    }),
  );
  mixes.forEach((m, i) => console.log(`${m.padEnd(24)}${cells[i].map((c) => c.padStart(16)).join("")}`));
  writeSection(
    "packages",
    "The npm packages",
    `As \`bash scripts/build-pkg.sh\` builds them; gzip at level 9.

${table(["package", "file", "raw", "gzip"], packages)}`,
    browser.version(),
  );
  writeSection(
    "plan",
    "plan() in wasm",
    `\`plan()\` of the npm package \`kling-pricing\` (pkg/) in headless Chromium (bench/plan.js), by mix and
horizon in months. Each cell is the median and the max, in ms.

${table(["mix", ...horizons.map((h) => `${h} mo`)], mixes.map((m, i) => [m, ...cells[i]]))}`,
    browser.version(),
  );
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
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const times = rows.map((r) => r.ms);
  const stats = (xs) => [ms(median(xs)), ms(percentile(xs, 0.95)), ms(Math.max(...xs))];
  const summary = (xs) => {
    const [m, p95, max] = stats(xs);
    return `median ${m}, p95 ${p95}, max ${max}`;
  };
  const about = `the stress set (bench/stress-inputs.js, ${set.count} inputs, seed ${set.seed}; each the median of 3 runs; ${seconds} s in all)`;
  console.log(`plan() in wasm, headless Chromium: ${about}`);
  const proven = (rs) => rs.filter((r) => !r.error && r.optimal).length;
  const groups = [
    ["all inputs", () => true],
    ["per use fal.ai", (r) => r.input.options.perUseSource === "fal"],
    ["per use own rate", (r) => r.input.options.perUseSource === "rate"],
    ["per use off", (r) => !r.input.options.perUseSource],
    ["1 to 3 months", (r) => r.input.options.horizonMonths <= 3],
    ["36 months", (r) => r.input.options.horizonMonths === 36],
    ["with a quote", (r) => (r.input.options.quotes || []).length > 0],
    ["with a balance", (r) => (r.input.options.balances || []).length > 0],
    ["with a forecast", (r) => (r.input.options.demandByMonth || []).length > 0],
    ["with a peak", (r) => r.input.options.peak !== undefined],
    ["proven optimal", (r) => !r.error && r.optimal],
    ["not proven", (r) => !r.error && !r.optimal],
  ];
  const groupRows = [];
  for (const [name, keep] of groups) {
    const rs = rows.filter(keep);
    if (!rs.length) continue;
    console.log(`  ${name.padEnd(16)} (${String(rs.length).padStart(3)}): ${summary(rs.map((r) => r.ms))}; ${proven(rs)} proven optimal`);
    groupRows.push([name, rs.length, ...stats(rs.map((r) => r.ms)), proven(rs)]);
  }
  const solved = rows.filter((r) => !r.error);
  const unproven = solved.filter((r) => !r.optimal);
  const provenLine =
    `proven optimal: ${solved.length - unproven.length} of ${solved.length}` +
    (unproven.length ? `; not proven: ${unproven.length}, gap bound up to $${Math.max(...unproven.map((r) => r.costGap)).toFixed(2)}` : "");
  console.log(provenLine);
  const outcomes = {};
  for (const o of solved.flatMap((r) => r.outcomes)) outcomes[o] = (outcomes[o] || 0) + 1;
  const outcomeLine = `pool outcomes: ${Object.entries(outcomes).sort().map(([o, n]) => `${o} ${n}`).join(", ")}`;
  console.log(outcomeLine);
  const errors = rows.filter((r) => r.error);
  const errorLine = errors.length ? `plan() threw on ${errors.length} inputs, e.g. #${errors[0].index}: ${errors[0].error}` : "";
  if (errorLine) console.log(errorLine);
  console.log("5 slowest (plan(mix, options) with {mix, options} as below):");
  const slowest = [...rows].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const proof = (r) => (r.error ? "threw" : r.optimal ? "optimal" : `not proven, gap $${r.costGap.toFixed(2)}`);
  for (const r of slowest) console.log(`  #${r.index} ${ms(r.ms)} (${proof(r)}): ${JSON.stringify(r.input)}`);
  writeSection(
    "stress",
    "plan() on hard inputs",
    `\`plan()\` in wasm, headless Chromium, over ${about}. Times by group of inputs:

${table(["inputs", "count", "median", "p95", "max", "proven optimal"], groupRows)}

- ${provenLine[0].toUpperCase()}${provenLine.slice(1)}.
- ${outcomeLine[0].toUpperCase()}${outcomeLine.slice(1)}.${errorLine ? `\n- ${errorLine}.` : ""}
- The 5 slowest, by their index in the set: ${slowest.map((r) => `#${r.index} ${ms(r.ms)} (${proof(r)})`).join(", ")}.`,
    browser.version(),
  );
  await browser.close();
  server.stop();
}

/**
 * Two profiles: a desktop as is, and a mid-range phone as Chrome DevTools emulates one (4×
 * slower CPU, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), where the page's bytes and
 * its wasm's start-up weigh most.
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

/** What `profile` emulates, in words. */
function describe({ viewport, cpu, network }) {
  const size = `${viewport.width}×${viewport.height}`;
  if (!cpu) return `${size}, unthrottled`;
  const mbit = (bytesPerSecond) => `${((bytesPerSecond * 8) / 1e6).toLocaleString("en-US")} Mbit/s`;
  return `${size}, ${cpu}× slower CPU, ${network.latency} ms round trip, ${mbit(network.downloadThroughput)} down, ${mbit(network.uploadThroughput)} up`;
}

/**
 * Prints a profile's medians and returns them: first total on screen, answers input, first
 * contentful paint. The first total is on screen once the frame that draws it has been
 * painted: no earlier than that frame's callbacks, and no earlier than the browser's first
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
  return [shown, col(1), col(2)].map(median);
}

async function benchPhone(dir) {
  const server = await serveGzip(dir);
  const browser = await launch();
  console.log(`first figure and input, median of 10 cold loads, gzip (${path.basename(dir)}/)`);
  const rows = [];
  for (const profile of PROFILES) {
    const loads = [];
    for (let i = 0; i < 10; i++) loads.push(await coldLoad(browser, server.url, profile));
    const medians = report(profile.name, loads).map((t) => `${t.toLocaleString("en-US", { maximumFractionDigits: 0 })} ms`);
    rows.push([`${profile.name} (${describe(profile)})`, ...medians]);
  }
  // Another build's figures are for comparing by hand; the page's section is dist/'s.
  if (dir === path.join(root, "dist")) {
    writeSection(
      "phone",
      "The page on a desktop and on a phone",
      `The release build in dist/, served with gzip (bench/serve-gzip.mjs); median of 10 cold loads
(empty cache, new connections) per profile, the phone emulated by Chromium's DevTools protocol.
The first total on screen is the prerendered opening view; the page answers input once its
wasm has arrived and started and the app has mounted.

${table(["profile", "first total on screen", "answers input", "first contentful paint"], rows)}`,
      browser.version(),
    );
  } else console.log(`not written to docs/benchmarks.md: its phone section is for dist/`);
  await browser.close();
  server.stop();
}

if (what === "plan") await benchPlan();
else if (what === "stress") await benchStress(process.argv[3], process.argv[4]);
else if (what === "phone") await benchPhone(path.resolve(process.argv[3] || path.join(root, "dist")));
else await benchPage();
