// The page's transfer size: index.html and the css, js and wasm it makes the browser fetch
// (`pageFiles`), each as the release build serves it, gzipped at level 9, summed. That is what
// a first-time visitor downloads before the page works, and it is deterministic, so it is a
// test; speed is measured by bench/, not here.
//
// BUDGET is the one place the page's budget is stated: `bash scripts/bench.sh page` quotes it
// in docs/benchmarks.md. It sits just above the page's size, so that a change that needs more
// bytes raises it in a commit of its own that says what they buy; ARCHITECTURE.md, "Size", says
// where the bytes go and what keeps them down.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { root, pageFiles } from "./harness.mjs";

const KB = 1024;
/** The budget for the whole page. */
const BUDGET = 224 * KB;
/** Where the page should get to (the critical path: what the first input needs): the test
 * prints how far it is. */
const GOAL = 130 * KB;

const dist = path.join(root, "dist");

test("the page's files are the ones the budget counts", () => {
  const files = pageFiles(dist);
  assert.ok(files.some((f) => f.endsWith(".wasm")), `no wasm referenced: ${files}`);
  assert.ok(files.some((f) => f.endsWith(".js")), `no js referenced: ${files}`);
  // The stylesheet is inline (one round trip less before the first paint): in index.html's bytes.
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  assert.ok(files.some((f) => f.endsWith(".css")) || /<style>[^<]*\.kp-app/.test(html), `no css: ${files}`);
});

test(`the whole page gzips to at most ${BUDGET / KB} KB`, () => {
  let total = 0;
  for (const f of pageFiles(dist)) {
    const body = readFileSync(path.join(dist, f));
    const gz = gzipSync(body, { level: 9 }).length;
    total += gz;
    console.log(`${f}: ${body.length} B raw, ${gz} B gzip`);
  }
  const kb = (n) => `${(n / KB).toFixed(1)} KB`;
  console.log(`page: ${total} B gzip (${kb(total)}); budget ${kb(BUDGET)}: ${kb(BUDGET - total)} to spare; goal ${kb(GOAL)}: ${total > GOAL ? `${kb(total - GOAL)} over` : "met"}`);
  assert.ok(total <= BUDGET, `the page is ${total} B gzip, over the ${BUDGET} B budget by ${total - BUDGET} B`);
});
