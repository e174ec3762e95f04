// The README's screenshots: the release build (dist/, from `trunk build --release`) opened in
// headless Chromium, light and dark, at 1280 × 800 and 360 × 740, as a first-time visitor sees it.
//   node scripts/screenshots.mjs     → docs/screenshots/{wide,narrow}-{light,dark}.png
import { mkdirSync } from "node:fs";
import path from "node:path";
import { serve, launch, openCalculator, root } from "../tests/e2e/harness.mjs";

const out = path.join(root, "docs/screenshots");
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const [name, viewport] of [
    ["wide", { width: 1280, height: 800 }],
    ["narrow", { width: 360, height: 740 }],
  ]) {
    for (const colorScheme of ["light", "dark"]) {
      const { page, context } = await openCalculator(browser, server.url, { viewport, colorScheme });
      // The plan follows the totals a frame later; let it and the charts settle.
      await page.waitForTimeout(500);
      const file = path.join(out, `${name}-${colorScheme}.png`);
      await page.screenshot({ path: file });
      if (name === "wide") {
        const charts = page.locator(".kp-plan-charts");
        await charts.scrollIntoViewIfNeeded();
        await charts.screenshot({ path: path.join(out, `charts-${colorScheme}.png`) });
      }
      console.log(`wrote ${path.relative(root, file)}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
