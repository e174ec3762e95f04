// The calculator page as a user meets it: release build, served statically, headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openCalculator } from "./harness.mjs";

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const text = (page, id) => page.getByTestId(id).first().textContent();

test("the page loads with the sample mix and its exact total", async () => {
  const { page, context, errors } = await openCalculator(browser, server.url);
  assert.equal(await page.getByTestId("line").count(), 3);
  // 400 × 3.5 + 60 × 6 × 0.5 = 1,580 video units = $221.20; 5,000 × 4 = 20,000 image units = $70.
  assert.equal(await page.getByTestId("pool-video").getByTestId("pool-units").textContent(), "1,580");
  assert.equal(await page.getByTestId("pool-image").getByTestId("pool-units").textContent(), "20,000");
  assert.equal(await text(page, "total-value"), "$291.20");
  assert.equal(await text(page, "edition"), "seed-2025");
  assert.deepEqual(errors, []);
  await context.close();
});

test("changing a quantity changes the total to the right figure", async () => {
  const { page, context, errors } = await openCalculator(browser, server.url);
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
  const { page, context, errors } = await openCalculator(browser, server.url);
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
