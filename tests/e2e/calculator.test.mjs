// The calculator as a user meets it: building a mix, the plan, charts, exports, keyboard-only
// use, dark mode, narrow screens, bad input, links, and an accessibility scan.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SEED_SAMPLE, openCalculator, root, useServedBrowser } from "./harness.mjs";

let server, browser;
useServedBrowser((s, b) => ([server, browser] = [s, b]));

const tid = (page, id) => page.getByTestId(id);
const text = async (loc) => (await loc.first().textContent()).trim();
const poolUnits = (page, pool) => text(tid(page, `pool-${pool}`).getByTestId("pool-units"));

/** The plan follows the totals one frame later: wait (up to 5 s) for `loc` to read `expected`. */
async function settles(loc, expected) {
  const deadline = Date.now() + 5000;
  let last;
  while (Date.now() < deadline) {
    last = await text(loc);
    if (expected instanceof RegExp ? expected.test(last) : last === expected) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail(`${last} never became ${expected}`);
}

/** Clears the mix for one Video 2.1 standard line, its quantity typed as each of `typed` in turn. */
async function oneStdLine(page, typed) {
  await tid(page, "clear").click();
  await tid(page, "add-line").click();
  const l = tid(page, "line").first();
  await l.getByTestId("model").selectOption("v2.1");
  await l.getByTestId("mode").selectOption("std");
  for (const q of typed) await l.getByTestId("quantity").fill(q);
}

/** The seed edition's sample mix, whose figures these tests check. */
async function fresh(options) {
  return openCalculator(browser, server.url + SEED_SAMPLE, options);
}

test("building a mix: add, duplicate, reorder, remove, clear — with exact figures", async () => {
  const { page, context, errors } = await fresh();
  const lines = tid(page, "line");
  await tid(page, "clear").click();
  assert.equal(await lines.count(), 0);
  assert.equal(await text(tid(page, "total-value")), "$0.00");

  await tid(page, "add-line").click();
  const first = lines.nth(0);
  await first.getByTestId("service").selectOption("multi-elements");
  await first.getByTestId("mode").selectOption("pro");
  await first.getByTestId("duration").selectOption("10");
  await first.getByTestId("quantity").fill("250");
  // 250 × 10 units = 2,500 video units = $350.
  assert.equal(await text(first.getByTestId("line-units")), "2,500 Video units");
  assert.equal(await text(first.getByTestId("line-value")), "$350.00");

  await first.getByTestId("duplicate-line").click();
  assert.equal(await lines.count(), 2);
  await lines.nth(1).getByTestId("service").selectOption("try-on");
  await lines.nth(1).getByTestId("quantity").fill("1,000");
  await lines.nth(1).getByTestId("attempts").fill("1.5");
  // 1,000 × 1 × 1.5 = 1,500 try-on units × $0.07 = $105.
  assert.equal(await poolUnits(page, "try-on"), "1,500");
  assert.equal(await text(tid(page, "total-value")), "$455.00");
  assert.equal(await text(lines.nth(1).getByTestId("line-share")), "23.1% of the total");

  await lines.nth(1).getByTestId("move-up").click();
  assert.equal(await lines.nth(0).getByTestId("service").inputValue(), "try-on");
  assert.equal(await lines.nth(0).getByTestId("move-up").isDisabled(), true);
  await lines.nth(0).getByTestId("remove-line").click();
  assert.equal(await lines.count(), 1);
  assert.equal(await text(tid(page, "total-value")), "$350.00");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the best plan, alternatives, custom advice and concurrency update live", async () => {
  const { page, context, errors } = await fresh();
  // Sample mix: 1,580 video units a month for 3 months → Package 1 once ($4,200).
  await settles(tid(page, "plan-total"), "$4,200.00");
  const video = tid(page, "plan-video");
  assert.match(await text(video.getByTestId("plan-schedule")), /Package 1/);
  assert.match(await text(video.getByTestId("plan-alternatives")), /Package 2 alone/);
  // The image pool has demand but no package: the page says so.
  await settles(tid(page, "plan-image").getByTestId("plan-message"), /No image package to plan with/);

  // An image pack entered by the user is planned with: 20,000 units a month for $70.
  await page.locator("summary", { hasText: "Balances you hold" }).click();
  await tid(page, "image.pack.price").fill("70");
  await tid(page, "image.pack.units").fill("20000");
  await tid(page, "image.pack.days").fill("30");
  await settles(tid(page, "plan-image").getByTestId("plan-cost"), "$210.00");
  await settles(tid(page, "plan-total"), "$4,410.00");

  // 15,000 units a month for 3 months: Package 2, nothing forfeited (the seed's example).
  await oneStdLine(page, ["7500"]);
  await settles(tid(page, "plan-video").getByTestId("plan-cost"), "$5,670.00");
  await settles(tid(page, "plan-video").getByTestId("plan-forfeited"), "0 units");

  // Growth past 60,000 units in 90 days brings the custom-package advice.
  await tid(page, "growth").fill("200");
  await settles(tid(page, "plan-custom"), /60,000/);
  await tid(page, "growth").fill("0");

  // A peak of 600 jobs an hour of 1 minute needs 10 tasks at once: no package carries it.
  await tid(page, "peak.jobsPerHour").fill("600");
  await tid(page, "peak.minutesPerJob").fill("1");
  await settles(tid(page, "plan-concurrency"), /10/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the plan is made in a worker, off the page's thread, and the same without one", async () => {
  // With the worker (planner.js) and without it (its script refused: the page plans itself).
  const seen = [];
  for (const refused of [false, true]) {
    const context = await browser.newContext();
    if (refused) await context.route("**/planner.js", (r) => r.abort());
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url + SEED_SAMPLE);
    await page.locator('main:not(#kp-pre) [data-testid="total-value"]').waitFor();
    await settles(tid(page, "plan-total"), "$4,200.00");
    // 15,000 units a month for 3 months, typed a digit at a time: Package 2.
    await oneStdLine(page, ["7", "75", "750", "7500"]);
    await settles(tid(page, "plan-video").getByTestId("plan-cost"), "$5,670.00");
    await settles(tid(page, "plan-total"), "$5,670.00");
    // The plan is not dimmed once it is the lines' own.
    assert.equal(await page.locator('[data-r="plan"]').getAttribute("aria-busy"), null);
    const planners = page.workers().filter((w) => w.url().endsWith("/planner.js"));
    assert.equal(planners.length, refused ? 0 : 1, `refused: ${refused}`);
    seen.push(await text(tid(page, "plan-video")));
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.equal(seen[0], seen[1]);
});

test("an edit undone before the worker answers keeps the plan for the lines as they are", async () => {
  // The worker made slow: each answer posted 600 ms late.
  const context = await browser.newContext();
  await context.route("**/planner.js", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      "self.postMessage({ id, json: planner[name](query) });",
      "const json = planner[name](query); setTimeout(() => self.postMessage({ id, json }), 600);",
    );
    assert.match(body, /setTimeout\(\(\) => self\.postMessage/);
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  await page.goto(server.url + SEED_SAMPLE);
  await page.locator('main:not(#kp-pre) [data-testid="total-value"]').waitFor();
  await settles(tid(page, "plan-total"), "$4,200.00");
  const quantity = tid(page, "line").first().getByTestId("quantity");
  await quantity.fill("4000");
  // The worker is planning 4,000: the plan shown waits, dimmed.
  await page.locator('[data-r="plan"][aria-busy="true"]').waitFor();
  await quantity.fill("400");
  await page.waitForTimeout(1200);
  assert.equal(await text(tid(page, "plan-total")), "$4,200.00");
  assert.equal(await page.locator('[data-r="plan"]').getAttribute("aria-busy"), null);
  await context.close();
});

test("500 units a month for 2 months: Package 1, and the 29,000 forfeited units are plain", async () => {
  const { page, context } = await fresh();
  await tid(page, "clear").click();
  await tid(page, "add-line").click();
  const l = tid(page, "line").first();
  await l.getByTestId("model").selectOption("v1.0");
  await l.getByTestId("mode").selectOption("std");
  await l.getByTestId("quantity").fill("500");
  await tid(page, "horizon").fill("2");
  await settles(tid(page, "plan-total"), "$4,200.00");
  await settles(tid(page, "plan-video").getByTestId("plan-forfeited"), "29,000 units");
  await settles(tid(page, "plan-video").getByTestId("plan-alternatives"), /Trials only/);
  await context.close();
});

test("charts are labelled images with dollar axes and text of 12 px or more, wide and narrow", async () => {
  for (const width of [1280, 360]) {
    const { page, context } = await fresh({ viewport: { width, height: 800 } });
    for (const id of ["chart-lines", "chart-plans-video", "chart-balance-video"]) {
      const chart = tid(page, id).locator('[role="img"]');
      const title = await chart.getAttribute("aria-labelledby");
      assert.ok((await page.locator(`[id="${title}"]`).textContent()).length > 5, id);
      assert.ok((await chart.locator("rect").count()) >= 2, id);
      // Every piece of text the chart shows is at least 12 px, at either width.
      const sizes = await chart.evaluate((el) =>
        [...el.querySelectorAll("span")]
          .filter((s) => s.offsetParent !== null && s.textContent.trim() && !s.classList.contains("kp-sr"))
          .map((s) => parseFloat(getComputedStyle(s).fontSize)),
      );
      assert.ok(sizes.length > 3 && Math.min(...sizes) >= 12, `${id} at ${width}: ${sizes}`);
      // The chart fits its column: nothing sticks out.
      const [w, parent] = await chart.evaluate((el) => [el.scrollWidth, el.parentElement.clientWidth]);
      assert.ok(w <= parent, `${id} at ${width}: ${w} > ${parent}`);
    }
    // Dollar ticks from $0 under the bars; the description says each line in words.
    assert.match(await text(tid(page, "chart-plans-video").locator(".kp-ticks")), /^\$0\$2,500\$5,000\$7,500$/);
    assert.match(await tid(page, "chart-lines").locator('[id="kp-chart-lines-d"]').textContent(), /Lip-sync.*\$25\.20/);
    // The balance chart marks what expires unused and says so in its legend.
    assert.match(await text(tid(page, "chart-balance-video").locator(".kp-legend")), /forfeited: expired unused/);
    await context.close();
  }
});

test("exports: CSV and JSON carry the lines, totals and plan", async () => {
  const { page, context } = await fresh();
  // The plan follows the totals one frame later: export once it is there.
  await settles(tid(page, "plan-total"), "$4,200.00");
  const grab = async (id) => {
    const [dl] = await Promise.all([page.waitForEvent("download"), tid(page, id).click()]);
    return { name: dl.suggestedFilename(), body: readFileSync(await dl.path(), "utf8") };
  };
  const csv = await grab("export-csv");
  assert.equal(csv.name, "kling-estimate.csv");
  const rows = csv.body.split("\r\n");
  // The last column, units_confidence, is empty: seed-2025 states no confidence.
  assert.equal(rows[2], "1,video,v2.1,pro,5,,400,1,video,3.5,1400,196,");
  const total = rows.indexOf("total,,,291.2");
  assert.ok(total > 0);
  // After the totals, a blank row and the plan: the sample mix buys Package 1 once, $4,200.
  assert.equal(rows[total + 1], "");
  assert.equal(rows[total + 2], "Best plan,,horizon_months,3,growth_percent,0,trials_used,false,total_cost_usd,4200");
  assert.ok(rows.includes("1,video,Package 1,1,30000,4200"), csv.body);
  assert.ok(rows.includes("video,4200,0.886076,0.14,25260,3536.4"), csv.body);
  const json = await grab("export-json");
  const doc = JSON.parse(json.body);
  assert.equal(doc.estimate.totalValue, "291.2");
  assert.equal(doc.estimate.lines.length, 3);
  assert.equal(doc.plan.totalCost, "4200");
  const video = doc.plan.pools.find((p) => p.pool === "video");
  assert.deepEqual(
    video.purchases.map(({ month, name, count, cost }) => ({ month, name, count, cost })),
    [{ month: 1, name: "Package 1", count: 1, cost: "4200" }],
  );
  assert.equal(doc.planError, undefined);
  await context.close();
});

test("keyboard only: reach and change every control, with a visible focus ring", async () => {
  const { page, context } = await fresh();
  await page.keyboard.press("Tab"); // theme
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "theme");
  await page.keyboard.press("Tab"); // the edition picker
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "edition-select");
  await page.keyboard.press("Tab"); // first line's service
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "service");
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(ring, "none");
  for (let i = 0; i < 4; i++) await page.keyboard.press("Tab"); // model, mode, duration, quantity
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "quantity");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("800");
  assert.equal(await text(tid(page, "line").first().getByTestId("line-value")), "$392.00");
  // Reach "Add a line" by keyboard and press it.
  await tid(page, "add-line").focus();
  await page.keyboard.press("Enter");
  assert.equal(await tid(page, "line").count(), 4);
  await context.close();
});

test("dark mode follows the system and the toggle", async () => {
  const bg = (page) => page.evaluate(() => getComputedStyle(document.querySelector(".kp-app")).backgroundColor);
  const dark = await fresh({ colorScheme: "dark" });
  assert.equal(await bg(dark.page), "rgb(17, 20, 24)");
  await tid(dark.page, "theme").selectOption("light");
  assert.equal(await bg(dark.page), "rgb(255, 255, 255)");
  await dark.context.close();
  const light = await fresh({ colorScheme: "light" });
  assert.equal(await bg(light.page), "rgb(255, 255, 255)");
  await tid(light.page, "theme").selectOption("dark");
  assert.equal(await bg(light.page), "rgb(17, 20, 24)");
  await light.context.close();
});

test("usable at 360 px: nothing scrolls sideways", async () => {
  const { page, context } = await fresh({ viewport: { width: 360, height: 800 } });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 360, `page is ${wide}px wide`);
  await context.close();
});

test("bad entries get specific inline messages and the rest of the mix stays", async () => {
  const { page, context, errors } = await fresh();
  const [a, b, c] = [0, 1, 2].map((i) => tid(page, "line").nth(i));
  await a.getByTestId("quantity").fill("lots");
  await b.getByTestId("video-seconds").fill("-30");
  await c.getByTestId("quantity").fill("99999999999");
  assert.match(await text(a.locator(".kp-error")), /quantity "lots" is not a number/);
  assert.match(await text(b.locator(".kp-error")), /videoSeconds -30 is negative/);
  assert.match(await text(c.locator(".kp-error")), /quantity 99999999999 is out of range; it must be from 0 to 10000000/);
  assert.equal(await a.getByTestId("quantity").inputValue(), "lots");
  assert.match(await text(tid(page, "excluded-note")), /3 lines with a problem are not counted/);
  await c.getByTestId("quantity").fill("5000");
  assert.equal(await text(tid(page, "total-value")), "$70.00");
  await tid(page, "horizon").fill("40");
  assert.match(await text(page.locator("#kp-opt-horizon-err")), /Horizon 40 is out of range; it must be from 1 to 36/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a copied link opened in a fresh browser shows the same totals and plan", async () => {
  const { page, context } = await fresh();
  const first = tid(page, "line").first();
  await first.getByTestId("quantity").fill("1234");
  await tid(page, "horizon").fill("5");
  await tid(page, "trials-used").check();
  // The address bar follows the edits (debounced); the plan follows when the planner answers.
  await page.waitForFunction(() => location.search.includes("h=5"));
  await page.locator('[data-r="plan"]:not([aria-busy="true"])').getByText("Best plan over 5 months").waitFor();
  await tid(page, "copy-link").click();
  const link = (await text(tid(page, "copied"))).replace(/^Link copied: /, "");
  const totals = await text(tid(page, "total-value"));
  const plan = await text(tid(page, "plan"));
  await context.close();

  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(link);
  await tid(p2, "total-value").waitFor();
  assert.equal(await text(tid(p2, "total-value")), totals);
  // Its own plan once the planner's module has answered, never the opening mix's meanwhile.
  const meanwhile = await text(tid(p2, "plan"));
  assert.ok(meanwhile === plan || meanwhile.startsWith("Cheapest way to buy itWorking out"), meanwhile);
  await settles(tid(p2, "plan"), plan);
  assert.equal(await tid(p2, "trials-used").isChecked(), true);
  await other.close();
});

test("links keep foreign parameters, list what they could not use, and render payloads as text", async () => {
  const payload = encodeURIComponent('"><img src=x onerror=window.__xss=1><script>window.__xss=2</script>');
  const url = `${server.url}?l=video~v2.1~pro~5~400&l=${payload}~~~~1&h=${payload}&utm_source=docs#section`;
  const { page, context } = await openCalculator(browser, url);
  assert.equal(await tid(page, "line").count(), 2);
  assert.equal(await tid(page, "line").nth(1).getByTestId("line-excluded").count(), 1);
  assert.match(await text(tid(page, "line").nth(1).locator(".kp-error")), /service ""><img src=x onerror=/);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator("img[src=x]").count(), 0);
  assert.equal(await tid(page, "horizon").inputValue(), decodeURIComponent(payload));
  await page.waitForFunction(() => location.search.includes("utm_source=docs") && location.hash === "#section");
  const broken = await openCalculator(browser, `${server.url}?v=1&l=video~v2.1~pro~5~400~~~extra&l=text-to-audio~~~~3`);
  assert.match(await text(tid(broken.page, "link-problems")), /dropped the line/);
  assert.equal(await tid(broken.page, "line").count(), 1);
  await broken.context.close();
  await context.close();
});

test("accessibility scan (axe-core): no serious or critical findings, light and dark", async () => {
  const axe = path.join(root, "node_modules/axe-core/axe.min.js");
  for (const colorScheme of ["light", "dark"]) {
    const { page, context } = await fresh({ colorScheme });
    await page.locator("summary", { hasText: "Balances you hold" }).click();
    await page.addScriptTag({ path: axe });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const bad = result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    assert.deepEqual(bad, [], `${colorScheme}: ${bad.join("; ")}`);
    await context.close();
  }
});
