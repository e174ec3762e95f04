// The calculator page as a user meets it: release build, served statically, headless Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { KLING_2026_SAMPLE, SEED_SAMPLE, openCalculator, useServedBrowser } from "./harness.mjs";

let server, browser;
useServedBrowser((s, b) => ([server, browser] = [s, b]));

const text = (page, id) => page.getByTestId(id).first().textContent();

// A new visitor opens today's line-up: the brief's mix in December 2026 models, priced per second.
test("a new visitor opens the December 2026 edition, its confidence and age stated, with a mix of current models", async () => {
  const { page, context, errors } = await openCalculator(browser, server.url);
  assert.equal(await text(page, "edition"), "kling-2026-12");
  assert.equal(await page.getByTestId("edition-select").inputValue(), "kling-2026-12");
  assert.match(
    await text(page, "edition-confidence"),
    /^prices \d+ official, \d+ inferred from reseller prices, \d+ from the 2025 guide, \d+ from a 2026 guide, \d+ assumed$/,
  );
  assert.match(await text(page, "prices-age"), /^Prices checked 2026-12-07/);
  assert.match(await text(page, "plan-menu"), /^Packages from the 2026 guide's menu \(a third-party guide's figure/);
  assert.equal(await page.getByTestId("line").count(), 3);
  // 400 × 10 s × 1.2 (Video 3.0 Pro, native audio) = 4,800 + 60 × 6 × 0.5 = 180: 4,980 video
  // units = $697.20; 5,000 × 8 (Image 3.0) = 40,000 image units × $0.0035 = $140.
  assert.equal(await page.getByTestId("pool-video").getByTestId("pool-units").textContent(), "4,980");
  assert.equal(await page.getByTestId("pool-image").getByTestId("pool-units").textContent(), "40,000");
  assert.equal(await text(page, "total-value"), "$837.20");
  // No retired model in the opening mix, and each line says how sure its price is.
  assert.equal(await page.getByTestId("line-retired").count(), 0);
  assert.equal(await page.getByTestId("line-confidence").count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

// Every link ever made keeps loading its own state: a format-1 link without an edition is the 2025 guide's.
test("an old format-1 link opens the 2025 edition with its old figures", async () => {
  const url = `${server.url}?l=video~v2.1~pro~5~400&l=lip-sync~~~~60~30&l=text-to-image~kolors-v2.1~~~5000`;
  const { page, context, errors } = await openCalculator(browser, url);
  assert.equal(await page.getByTestId("line").count(), 3);
  // 400 × 3.5 + 60 × 6 × 0.5 = 1,580 video units = $221.20; 5,000 × 4 = 20,000 image units = $70.
  assert.equal(await page.getByTestId("pool-video").getByTestId("pool-units").textContent(), "1,580");
  assert.equal(await page.getByTestId("pool-image").getByTestId("pool-units").textContent(), "20,000");
  assert.equal(await text(page, "total-value"), "$291.20");
  assert.equal(await text(page, "edition"), "seed-2025");
  assert.equal(await page.getByTestId("edition-select").inputValue(), "seed-2025");
  assert.deepEqual(errors, []);
  await context.close();
});

// Picked from the page's own controls, as a person would: Video 3.0, Professional, native audio,
// 10 s, one a month is 1.2 units a second × 10 = 12 units = $1.68.
test("Video 3.0 Professional with native audio, 10 s, picked on the page: 12 units, $1.68", async () => {
  const { page, context, errors } = await openCalculator(browser, server.url);
  await page.getByTestId("clear").click();
  await page.getByTestId("add-line").click();
  const line = page.getByTestId("line").nth(0);
  await line.getByTestId("service").selectOption({ label: "Text-to-video / image-to-video" });
  await line.getByTestId("model").selectOption({ label: "Kling Video 3.0" });
  await line.getByTestId("mode").selectOption({ label: "Professional (1080p)" });
  await line.getByTestId("audio").selectOption({ label: "Native audio" });
  await line.getByTestId("duration").selectOption({ label: "10 s" });
  await line.getByTestId("quantity").fill("1");
  assert.equal(await line.getByTestId("line-units").textContent(), "12 Video units");
  assert.equal(await line.getByTestId("line-value").textContent(), "$1.68");
  assert.equal(await text(page, "total-value"), "$1.68");
  assert.deepEqual(errors, []);
  await context.close();
});

// Changing edition keeps every line as typed: a line the 2025 guide prices keeps its figures,
// the others are flagged with what is missing, and going back restores every figure.
test("changing edition keeps the lines, flags those the edition lacks, and goes back intact", async () => {
  const { page, context, errors } = await openCalculator(browser, server.url);
  await page.getByTestId("edition-select").selectOption("seed-2025");
  await page.waitForFunction(() => document.querySelector('[data-testid="edition"]')?.textContent === "seed-2025");
  const lines = page.getByTestId("line");
  assert.equal(await lines.count(), 3);
  // Video 3.0 and Image 3.0 are not in the 2025 guide: shown as typed, flagged, not counted.
  assert.equal(await lines.nth(0).getByTestId("model").inputValue(), "kling-v3");
  assert.match(await lines.nth(0).getByTestId("model").locator("option:checked").textContent(), /not in this edition/);
  assert.match(await lines.nth(0).locator(".kp-error").first().textContent(), /model "kling-v3" is not offered/);
  assert.equal(await lines.nth(2).getByTestId("line-excluded").count(), 1);
  // Lip-sync is priced the same in both: 180 units = $25.20, the only line counted.
  assert.equal(await lines.nth(1).getByTestId("line-units").textContent(), "180 Video units");
  assert.equal(await text(page, "total-value"), "$25.20");
  // The keyboard focus stays on the picker, and the address pins the edition.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "edition-select");
  await page.waitForFunction(() => location.search.includes("e=seed-2025"));
  await page.getByTestId("edition-select").selectOption("kling-2026-12");
  await page.waitForFunction(() => document.querySelector('[data-testid="edition"]')?.textContent === "kling-2026-12");
  assert.equal(await text(page, "total-value"), "$837.20");
  assert.equal(await page.getByTestId("line-excluded").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("changing a quantity changes the total to the right figure", async () => {
  const { page, context, errors } = await openCalculator(browser, server.url + SEED_SAMPLE);
  const first = page.getByTestId("line").first();
  await first.getByTestId("quantity").fill("1000");
  // 1,000 × 3.5 = 3,500 + 180 = 3,680 video units = $515.20; + $70 images.
  assert.equal(await first.getByTestId("line-value").textContent(), "$490.00");
  assert.equal(await page.getByTestId("pool-video").getByTestId("pool-units").textContent(), "3,680");
  assert.equal(await text(page, "total-value"), "$585.20");
  // Switching the model re-prices the line: V2.1 Master 5 s is 10 units.
  await first.getByTestId("model").selectOption("v2.1-master");
  // Master has no modes: the mode box is hidden (kept in place, so ids and layout stay put).
  assert.equal(await first.getByTestId("mode").isHidden(), true);
  assert.equal(await first.getByTestId("line-value").textContent(), "$1,400.00");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a bad quantity is explained inline and the rest of the mix stays", async () => {
  const { page, context, errors } = await openCalculator(browser, server.url + SEED_SAMPLE);
  const second = page.getByTestId("line").nth(1);
  await second.getByTestId("quantity").fill("-5");
  assert.equal(await second.getByTestId("quantity").inputValue(), "-5");
  assert.equal(await second.getByTestId("quantity").getAttribute("aria-invalid"), "true");
  assert.match(await second.locator(".kp-error").first().textContent(), /quantity -5 is negative/);
  // The lip-sync line drops out: 1,400 video units = $196 + $70.
  assert.equal(await text(page, "total-value"), "$266.00");
  assert.match(await text(page, "excluded-note"), /1 line with a problem is not counted/);
  assert.deepEqual(errors, []);
  await context.close();
});

// A link pins its catalog edition: the page prices the link's lines from that edition's rows.
test("a kling-2026 link prices its lines per second from the 2026 edition", async () => {
  // Kling Video 3.0 Professional without audio is 0.8 units a second: 10 s = 8 units = $1.12,
  // and 7 s (any whole second from 3 to 15) = 5.6 units = $0.784 → $0.78.
  const url = `${server.url}?v=1&e=kling-2026&l=video~kling-v3~pro~10~1&l=video~kling-v3~pro~7~1`;
  const { page, context, errors } = await openCalculator(browser, url);
  assert.equal(await text(page, "edition"), "kling-2026");
  const lines = page.getByTestId("line");
  assert.equal(await lines.nth(0).getByTestId("line-units").textContent(), "8 Video units");
  assert.equal(await lines.nth(0).getByTestId("line-value").textContent(), "$1.12");
  // The row is Kling's own (official), seen on copies dated 2026: the line says how sure it is.
  assert.equal(await lines.nth(0).getByTestId("line-confidence").textContent(), "official, as of 2026");
  assert.equal(await lines.nth(1).getByTestId("line-units").textContent(), "5.6 Video units");
  assert.equal(await page.getByTestId("pool-video").getByTestId("pool-units").textContent(), "13.6");
  assert.equal(await text(page, "total-value"), "$1.90");
  assert.deepEqual(errors, []);
  await context.close();
});

// A line offers its model's variants: Video 3.0 Professional with native audio is 1.2 units a
// second, so 10 s = 12 units = $1.68; the address then carries the variant (format 2).
test("picking native audio on a kling-2026 line prices it and puts it in the link", async () => {
  const url = `${server.url}?v=1&e=kling-2026&l=video~kling-v3~pro~10~1`;
  const { page, context, errors } = await openCalculator(browser, url);
  const line = page.getByTestId("line").nth(0);
  await line.getByTestId("audio").selectOption({ label: "Native audio" });
  assert.equal(await line.getByTestId("line-units").textContent(), "12 Video units");
  assert.equal(await line.getByTestId("line-value").textContent(), "$1.68");
  await page.waitForFunction(() => location.search.includes("l=video~kling-v3~pro~10~1~~1~native"));
  assert.match(await page.evaluate(() => location.search), /^\?v=2&e=kling-2026&/);
  assert.deepEqual(errors, []);
  await context.close();
});

// Per use on the page: the brief's mix in kling-2026 is bought from fal.ai at the list price,
// topped with the two trials, and the plan compares every way to buy it; "Buy per use from"
// changes the answer.
test("a kling-2026 mix bought per use from fal.ai, and the per-use source changes the plan", async () => {
  const { page, context, errors } = await openCalculator(browser, server.url + KLING_2026_SAMPLE);
  const settles = async (id, want) => {
    await page.waitForFunction(([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent.includes(want), [id, want]);
  };
  // 4,980 video units a month for 3 months = 14,940: the 100- and 1,000-unit trials ($9.79 +
  // $97.99) and 13,840 units per use at $0.14 ($1,937.60) = $2,045.38, $46.22 under per use only.
  await settles("plan-total", "$2,045.38");
  assert.equal(await page.getByTestId("per-use-source").inputValue(), "fal");
  const verdict = await text(page, "verdict");
  assert.match(verdict, /13,840 units per use from fal\.ai \(\$1,937\.60\): \$2,045\.38 in all; nothing forfeited\./);
  assert.match(verdict, /That is \$46\.22 less than the next best way \(Per use only \(fal\.ai\)\)\./);
  const rows = page.getByTestId("comparison").locator("tbody tr");
  const best = page.getByTestId("comparison").locator("tbody tr.kp-best");
  assert.match(await best.textContent(), /^Best plan\$2,045\.38/);
  // Nothing on sale serves Image 3.0, so the image pool is left out of every row (the best plan's
  // row says so); fal.ai per use only is $2,091.60 (14,940 × $0.14), Runware lacks lip-sync.
  assert.match(await rows.filter({ hasText: "Per use only (fal.ai)" }).textContent(), /\$2,091\.60.*\$46\.22 more than the best plan/);
  assert.match(await rows.filter({ hasText: "Per use only (Runware)" }).textContent(), /left out: Runware does not sell Lip-sync/);
  assert.match(await best.textContent(), /The image pool is left out of every row: nothing on sale serves it\./);
  // Nobody per use: the cheapest of Kling's packs, Package 1 for $4,200, forfeiting 15,060 units.
  await page.getByTestId("per-use-source").selectOption("");
  await settles("plan-total", "$4,200.00");
  assert.match(await text(page, "verdict"), /^Buy Package 1 in month 1: \$4,200\.00/);
  // A negotiated rate of $0.10 a video unit: the trials, then 13,840 units at $0.10 = $1,491.78.
  await page.getByTestId("per-use-source").selectOption("rate");
  await page.locator("summary", { hasText: "Balances you hold" }).click();
  await page.getByTestId("video.perUse.rate").fill("0.10");
  await settles("plan-total", "$1,491.78");
  await page.waitForFunction(() => location.search.includes("pu=rate") && location.search.includes("pr=video~0.10"));
  assert.deepEqual(errors, []);
  await context.close();
});

// The break-even picture, drawn when asked: for the brief's mix in kling-2026 the cheapest way
// changes at 70, 10,367 and 13,611 video units a month, the mix's 4,980 is marked, and an edit
// clears it.
test("the break-even picture says where the cheapest way changes, and goes when the mix changes", async () => {
  const { page, context, errors } = await openCalculator(browser, server.url + KLING_2026_SAMPLE);
  await page.locator("summary", { hasText: "Where the answer changes with volume" }).click();
  await page.getByTestId("breakeven").click();
  const chart = page.getByTestId("break-even").locator('[role="img"]');
  await chart.waitFor();
  const words = await page.locator(`[id="${await chart.getAttribute("aria-describedby")}"]`).textContent();
  assert.match(words, /from 70, the trials, then per use from fal\.ai; from 10,367, Package 1 plus top-ups/);
  assert.match(words, /At your 4,980 video units a month: the trials, then per use from fal\.ai, \$2,045\.38\./);
  assert.match(words, /Left out: the image pool/);
  assert.match(await text(page, "break-even"), /Yours: 4,980 video units a month/);
  await page.getByTestId("line").first().getByTestId("quantity").fill("500");
  await page.waitForFunction(() => !document.querySelector('[data-testid="break-even"] [role="img"]'));
  assert.deepEqual(errors, []);
  await context.close();
});

const settled = (page, id, want) =>
  page.waitForFunction(([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent.includes(want), [id, want]);

// The opening mix on the 2026 guide's menu: its trials ($9.80 + $98 for 1,100 units), the other
// 13,840 video units per use at $0.14 (fal.ai), the images per use at ComfyUI (15,000 × $0.028):
// $2,465.40. On the 2025 guide's menu the trials are $9.79 + $97.99: $2,465.38. One click
// switches, the verdict names the 2025 trials, and the address carries the menu.
test("switching the package menu re-plans, says which menu the plan assumes, and goes in the link", async () => {
  const { page, context, errors } = await openCalculator(browser, server.url);
  await settled(page, "plan-total", "$2,465.40");
  assert.match(await text(page, "verdict"), /Trial S \(100 units\)/);
  assert.match(await text(page, "other-menu-verdict"), /^With the 2025 guide's menu: \$2,465\.38 \(Video: Trial Package \(100 units\) and Trial Package \(1,000 units\) and per use at fal\.ai; Image: per use at ComfyUI\)\.$/);
  await page.getByTestId("switch-menu").click();
  await settled(page, "plan-menu", "Packages from the 2025 guide's menu");
  await settled(page, "plan-total", "$2,465.38");
  assert.match(await text(page, "verdict"), /Trial Package \(100 units\) in month 1/);
  assert.match(await text(page, "other-menu-verdict"), /^With the 2026 guide's menu: \$2,465\.40/);
  await page.waitForFunction(() => location.search.includes("m=guide-2025"));
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.field), "menu", "the focus stays on the switch");
  assert.deepEqual(errors, []);
  await context.close();
});

// A Kling 4.0 line with a reference video: 10 s delivered from a 6 s reference bills 20 s. Its
// units are a guess (0.7 a billed second: 14 units, $1.96), and it says so; fal.ai's listed
// $0.094 a billed second makes $1.88 a job. The user's own figure replaces the guess.
test("a Kling 4.0 line with a reference video shows its seconds billed, its guess and its cost per use", async () => {
  const url = `${server.url}?v=2&e=kling-2026-12&l=video~kling-v4~~10~1~6~1~native~720p~reference-video`;
  const { page, context, errors } = await openCalculator(browser, url);
  const line = page.getByTestId("line").nth(0);
  assert.equal(await line.getByTestId("video-seconds").inputValue(), "6");
  assert.equal(await line.getByTestId("line-billed").textContent(), "20 s billed per job for 10 s delivered");
  assert.equal(await line.getByTestId("line-units").textContent(), "14 Video units");
  assert.equal(await line.getByTestId("line-value").textContent(), "$1.96");
  assert.match(await line.getByTestId("line-confidence").textContent(), /^assumed \(a guess; no Kling figure is known\)/);
  assert.equal(await line.getByTestId("line-per-use").textContent(), "per use from $1.88 a job at fal.ai ($1.88 a month)");
  // A 25 s reference bills 35 s: 24.5 units.
  await line.getByTestId("video-seconds").fill("25");
  assert.equal(await line.getByTestId("line-billed").textContent(), "35 s billed per job for 10 s delivered");
  assert.equal(await line.getByTestId("line-units").textContent(), "24.5 Video units");
  // The user's own figure, 0.8 a second: 28 units; the link carries it (format 3).
  await line.getByTestId("own-units").fill("0.8");
  assert.equal(await line.getByTestId("line-units").textContent(), "28 Video units");
  assert.equal(await line.getByTestId("line-confidence").textContent(), "your figure, in place of the catalog's guess");
  await page.waitForFunction(() => location.search.startsWith("?v=3&") && location.search.includes("~0.8"));
  assert.deepEqual(errors, []);
  await context.close();
});

// A link made on kling-2026 before the December edition keeps its edition, its menu (the one
// that edition has) and its figures, and the address it settles on is the link itself.
test("a kling-2026 link reloads unchanged", async () => {
  const { page, context, errors } = await openCalculator(browser, server.url + KLING_2026_SAMPLE);
  await settled(page, "plan-total", "$2,045.38");
  assert.equal(await text(page, "edition"), "kling-2026");
  assert.equal(await text(page, "total-value"), "$837.20");
  assert.match(await text(page, "plan-menu"), /^Packages from the 2025 guide's menu/);
  assert.equal(await page.getByTestId("other-menu-verdict").count(), 0, "kling-2026 has one menu");
  await page.reload();
  await settled(page, "plan-total", "$2,045.38");
  assert.equal(await page.evaluate(() => location.search), KLING_2026_SAMPLE);
  assert.deepEqual(errors, []);
  await context.close();
});

// A month-by-month forecast: month 3 at three times the mix (a launch) costs more than the
// flat mix's plan, goes in the link as typed, and a reload keeps it; a bad month is named.
test("a month-by-month forecast re-plans, goes in the link and comes back with it", async () => {
  const { page, context, errors } = await openCalculator(browser, server.url);
  await settled(page, "plan-total", "$2,465.40");
  const box = page.getByTestId("demandByMonth");
  await box.fill("1, 1, x");
  await page.locator("#kp-opt-demandByMonth-err", { hasText: "Month 3: the multiplier x is not a number" }).waitFor();
  assert.equal(await box.getAttribute("aria-invalid"), "true");
  await box.fill("1, 1, 3");
  await page.waitForFunction(() => {
    const t = document.querySelector('[data-testid="plan-total"]')?.textContent ?? "";
    return t.startsWith("$") && t !== "$2,465.40";
  });
  const launch = await text(page, "plan-total");
  const cents = (t) => Number(t.replace(/[$,.]/g, ""));
  assert.ok(cents(launch) > cents("$2,465.40"), launch);
  await page.waitForFunction(() => location.search.includes("f=1%2C%201%2C%203"));
  await page.reload();
  await page.getByTestId("demandByMonth").waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="demandByMonth"]')?.value === "1, 1, 3");
  await settled(page, "plan-total", launch);
  assert.deepEqual(errors, []);
  await context.close();
});
