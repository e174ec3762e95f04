// The answer at a glance: on a laptop the verdict and the best plan's cost are on the first
// screen and stay in view while the mix is edited; on a phone a compact summary stays at the top.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openCalculator, useServedBrowser } from "./harness.mjs";

let server, browser;
useServedBrowser((s, b) => ([server, browser] = [s, b]));

const text = async (loc) => (await loc.first().textContent()).trim();

/** Whether the whole of `loc` is inside the window as scrolled now. */
async function inView(page, loc) {
  const box = await loc.first().boundingBox();
  const { width, height } = page.viewportSize();
  return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;
}

/** Waits (up to 5 s) for `loc` to read `expected`: the plan follows the totals a frame later. */
async function settles(loc, expected) {
  const deadline = Date.now() + 5000;
  let last;
  while (Date.now() < deadline) {
    last = await text(loc);
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail(`${last} never became ${expected}`);
}

test("at 1280 × 800 the verdict and the best plan's cost are on the first screen and stay there while editing", async () => {
  const { page, context, errors } = await openCalculator(browser, server.url, { viewport: { width: 1280, height: 800 } });
  const verdict = page.getByTestId("verdict");
  const best = page.getByTestId("summary-plan");
  await settles(best, "$2,465.40");
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.ok(await inView(page, verdict), "the verdict is on the first screen");
  assert.ok(await inView(page, best), "the best plan's cost is on the first screen");
  assert.match(await text(verdict), /^Video: Buy Trial S \(100 units\) in month 1, Trial L \(1,000 units\) in month 1 and 13,840 units per use from fal\.ai/);
  assert.equal(await text(page.getByTestId("summary-value")), "$837.20");
  // Scroll down to the last line and edit it: the answer column stays in view and follows.
  const images = page.getByTestId("line").nth(2).getByTestId("quantity");
  await images.scrollIntoViewIfNeeded();
  assert.ok((await page.evaluate(() => window.scrollY)) > 0, "the page did scroll");
  await images.fill("10000");
  // 10,000 × 8 = 80,000 image units × $0.0035 = $280 + $697.20 of video.
  await settles(page.getByTestId("summary-value"), "$977.20");
  // The plan for the edited mix replaces the verdict and the plan line when the worker answers:
  // measure them once it has (40,000 more image units a month, bought per use at $0.0035 a
  // unit for 3 months: $420 more), not in the frame they are swapped.
  await settles(best, "$2,885.40");
  assert.ok(await inView(page, verdict), "the verdict stays in view");
  assert.ok(await inView(page, best), "the best plan's cost stays in view");
  assert.deepEqual(errors, []);
  await context.close();
});

test("at 360 px a compact summary stays at the top while the mix scrolls, and nothing scrolls sideways", async () => {
  const { page, context, errors } = await openCalculator(browser, server.url, { viewport: { width: 360, height: 740 } });
  const summary = page.getByTestId("summary");
  await settles(page.getByTestId("summary-plan"), "$2,465.40");
  const quantity = page.getByTestId("line").nth(1).getByTestId("quantity");
  await quantity.scrollIntoViewIfNeeded();
  await quantity.fill("120");
  // 120 lip-syncs × 3 units = 360 video units more than 180: 5,160 video units = $722.40 + $140.
  await settles(page.getByTestId("summary-value"), "$862.40");
  assert.ok((await page.evaluate(() => window.scrollY)) > 0, "the page did scroll");
  assert.ok(await inView(page, summary), "the summary is visible");
  const box = await summary.boundingBox();
  assert.ok(box.height <= 140, `the summary stays compact (${box.height} px)`);
  assert.ok(await inView(page, quantity), "and does not cover the box being edited");
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  assert.deepEqual(errors, []);
  await context.close();
});
