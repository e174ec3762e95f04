// A link pins its catalog edition: the page prices the link's lines from that edition's rows.
// (Picking an edition on the page, and the 2026 variants, come with the edition picker.)
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

const text = (loc) => loc.first().textContent();

test("a kling-2026 link prices its lines per second from the 2026 edition", async () => {
  // Kling Video 3.0 Professional without audio is 0.8 units a second: 10 s = 8 units = $1.12,
  // and 7 s (any whole second from 3 to 15) = 5.6 units = $0.784 → $0.78.
  const url = `${server.url}?v=1&e=kling-2026&l=video~kling-v3~pro~10~1&l=video~kling-v3~pro~7~1`;
  const { page, context, errors } = await openCalculator(browser, url);
  assert.equal(await text(page.getByTestId("edition")), "kling-2026");
  const lines = page.getByTestId("line");
  assert.equal(await text(lines.nth(0).getByTestId("line-units")), "8 Video units");
  assert.equal(await text(lines.nth(0).getByTestId("line-value")), "$1.12");
  assert.equal(await text(lines.nth(1).getByTestId("line-units")), "5.6 Video units");
  assert.equal(await page.getByTestId("pool-video").getByTestId("pool-units").textContent(), "13.6");
  assert.equal(await text(page.getByTestId("total-value")), "$1.90");
  assert.deepEqual(errors, []);
  await context.close();
});
