// The calculator embedded in a docs page it does not control (examples/host): two widgets and an
// iframe under a strict Content-Security-Policy, with aggressive global CSS and links.
import { test } from "node:test";
import assert from "node:assert/strict";
import { root, useServedBrowser } from "./harness.mjs";

let server, browser;
useServedBrowser((s, b) => ([server, browser] = [s, b]), root); // the repo root: examples/host, pkg-element/ and dist/

async function openHost() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  await page.goto(`${server.url}examples/host/index.html`);
  const video = page.locator("#calc-video");
  const images = page.locator("#calc-images");
  await video.getByTestId("total-value").waitFor();
  await images.getByTestId("total-value").waitFor();
  return { page, context, video, images, problems };
}

const text = async (loc) => (await loc.first().textContent()).trim();

test("both widgets render their own mix under the strict CSP, with no violation", async () => {
  const { context, video, images, problems } = await openHost();
  // 400 × 3.5 + 60 × 6 × 0.5 = 1,580 video units = $221.20.
  assert.equal(await text(video.getByTestId("total-value")), "$221.20");
  assert.equal(await video.getByTestId("line").count(), 2);
  // 5,000 × 4 = 20,000 image units = $70; with the entered pack, 2 months cost $140.
  assert.equal(await text(images.getByTestId("total-value")), "$70.00");
  assert.equal(await text(images.getByTestId("plan-total")), "$140.00");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the host's CSS does not reach the widget; the documented custom property does", async () => {
  const { page, context } = await openHost();
  const styles = await page.evaluate(() => {
    const app = document.querySelector("#calc-video").shadowRoot.querySelector(".kp-app");
    const select = app.querySelector("select");
    const button = app.querySelector('[data-testid="add-line"]');
    const cs = (el) => getComputedStyle(el);
    return {
      fontSize: cs(app).fontSize,
      fontFamily: cs(app).fontFamily,
      textTransform: cs(app).textTransform,
      letterSpacing: cs(app).letterSpacing,
      selectBg: cs(select).backgroundColor,
      selectBorder: cs(select).borderTopStyle,
      buttonBg: cs(button).backgroundColor,
      sectionMargin: cs(app.querySelector("section")).marginLeft,
    };
  });
  assert.equal(styles.fontSize, "16px");
  assert.doesNotMatch(styles.fontFamily, /Georgia/);
  assert.equal(styles.textTransform, "none");
  assert.equal(styles.letterSpacing, "normal");
  assert.equal(styles.selectBg, "rgb(255, 255, 255)");
  assert.equal(styles.selectBorder, "solid");
  assert.equal(styles.buttonBg, "rgb(106, 27, 154)"); // --kp-accent set by the host
  assert.equal(styles.sectionMargin, "0px");
  await context.close();
});

test("the widget's CSS does not leak into the host", async () => {
  const { page, context } = await openHost();
  const host = await page.evaluate(() => ({
    buttonBg: getComputedStyle(document.getElementById("host-button")).backgroundColor,
    h2Color: getComputedStyle(document.querySelector("h2")).color,
    bodyBg: getComputedStyle(document.body).backgroundColor,
    kpRules: [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r.selectorText && /\.kp-/.test(r.selectorText)).length,
  }));
  assert.equal(host.buttonBg, "rgb(255, 105, 180)"); // hotpink
  assert.equal(host.h2Color, "rgb(220, 20, 60)"); // crimson
  assert.equal(host.bodyBg, "rgb(253, 246, 227)");
  assert.equal(host.kpRules, 0);
  await context.close();
});

test("the two widgets are independent, and each fires change events", async () => {
  const { page, context, video, images } = await openHost();
  await page.waitForFunction(() => document.getElementById("calc-video-total").textContent.includes("$221.2"));
  await video.getByTestId("line").first().getByTestId("quantity").fill("1000");
  assert.equal(await text(video.getByTestId("total-value")), "$515.20");
  assert.equal(await text(images.getByTestId("total-value")), "$70.00");
  await page.waitForFunction(() => document.getElementById("calc-video-total").textContent.includes("$515.2"));
  // Editing the widget leaves the host's address alone (URL syncing is off when embedded).
  assert.equal(new URL(page.url()).search, "");
  await context.close();
});

test("the host's links still navigate normally", async () => {
  const { page, context } = await openHost();
  await page.click("#nav-intro");
  assert.equal(new URL(page.url()).hash, "#intro");
  await page.click("#nav-other");
  await page.locator("#other-page").waitFor();
  assert.match(page.url(), /other\.html$/);
  await context.close();
});

test("the iframe version posts its height and the host resizes it", async () => {
  const { page, context } = await openHost();
  const frame = page.frameLocator("#calc-frame");
  await frame.getByTestId("total-value").waitFor();
  // 300 text-to-audio jobs × 0.25 units = 75 units = $10.50.
  assert.equal(await text(frame.getByTestId("total-value")), "$10.50");
  await page.waitForFunction(() => document.getElementById("calc-frame").getBoundingClientRect().height > 400);
  const { frameHeight, contentHeight } = await page.evaluate(() => {
    const f = document.getElementById("calc-frame");
    return { frameHeight: f.getBoundingClientRect().height, contentHeight: f.contentDocument.documentElement.scrollHeight };
  });
  assert.ok(Math.abs(frameHeight - contentHeight) <= 8, `frame ${frameHeight}px, content ${contentHeight}px`);
  await context.close();
});
