// The page's transfer size: html + js + wasm + css as the release build serves them, each
// gzipped at level 9, summed. Deterministic, so it is a test (speed is measured by bench/, not here).
//
// The issue's budget is 150 KB and its goal 100 KB. The page is not there yet (ARCHITECTURE.md,
// "Size", says where the bytes go), so this test holds the line where the page is: LIMIT is a
// ratchet that only ever moves down, towards BUDGET. A change that makes the page bigger fails here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { root } from "./harness.mjs";

const KB = 1024;
/** The issue's budget for the whole page. */
const BUDGET = 150 * KB;
/** Today's ceiling: the measured size plus a little room; never above 4 KB over the page. */
const LIMIT = 155 * KB;

const dist = path.join(root, "dist");

/** Every file index.html makes the browser fetch that counts: itself, its css, js and wasm. */
function pageFiles() {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  // Attribute values may be quoted or not (the release build's HTML is minified).
  const refs = [...html.matchAll(/(?:href|src|from|module_or_path:)\s*=?\s*["']?\/?([^"'\s>]+\.(?:js|css|wasm))\b/g)].map(
    (m) => m[1],
  );
  return ["index.html", ...new Set(refs)];
}

test("the page's files are the ones the budget counts", () => {
  const files = pageFiles();
  assert.ok(files.some((f) => f.endsWith(".wasm")), `no wasm referenced: ${files}`);
  assert.ok(files.some((f) => f.endsWith(".js")), `no js referenced: ${files}`);
  assert.ok(files.some((f) => f.endsWith(".css")), `no css referenced: ${files}`);
});

test(`the whole page gzips to at most ${LIMIT / KB} KB (budget ${BUDGET / KB} KB)`, () => {
  let total = 0;
  for (const f of pageFiles()) {
    const body = readFileSync(path.join(dist, f));
    const gz = gzipSync(body, { level: 9 }).length;
    total += gz;
    console.log(`${f}: ${body.length} B raw, ${gz} B gzip`);
  }
  const over = total - BUDGET;
  console.log(`page: ${total} B gzip (${(total / KB).toFixed(1)} KB); budget ${BUDGET / KB} KB: ${over > 0 ? `${(over / KB).toFixed(1)} KB over` : "met"}`);
  assert.ok(total <= LIMIT, `the page is ${total} B gzip, over the ${LIMIT} B ceiling (budget ${BUDGET} B)`);
  // The ratchet only holds if it follows the page down: after a saving, lower LIMIT here.
  const target = Math.max(BUDGET, total);
  assert.ok(LIMIT - target <= 4 * KB, `the page is ${total} B gzip: lower LIMIT to ${Math.ceil(target / KB) + 1} KB (or to the budget)`);
});
