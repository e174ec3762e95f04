// The page's transfer size: html + js + wasm + css as the release build serves them, each
// gzipped at level 9, summed. Deterministic, so it is a test (speed is measured by bench/, not here).
//
// The budget is 231 KB: above it this test fails. It was 150 KB until the code was split into
// crates and given typed escaping (maud), JSON from the serde derives and a keyed <For> of line
// editors (170 KB; the page was 169.7 KB with them); it became 180 KB with the kling-2026
// catalog edition, which the page carries so that it can price the 2026 line-up (+8.3 KB: 74
// rows with their sources, confidence and notes, per-second and variant pricing), and 183 KB
// with the edition picker (+2.2 KB, to 181.8 KB: reopening the calculator on the edition picked,
// a reactive child of the root, is 1.5 KB of it; the picker, the edition's confidence counts and
// the opening mix of current models the rest), and 188 KB with the answer laid out at a glance
// (+3.7 KB, to 185.5 KB: the summary region with its verdict sentence about 1.9 KB, the
// two-column layout and the charts' stylesheet 0.7 KB, the charts as HTML rows and columns with
// round-figure axes and a legend the rest), and 193 KB with per-use sellers in the planner
// (+6.6 KB, to 192.1 KB: the planner buying per use exactly, the sellers' price lists as data,
// the comparison of the ways to buy and their prose), and 197 KB with per use on the page
// (+4.1 KB, to 196.2 KB: each seller's price for the mix worked out as the lines change, the
// "Buy per use from" choice and the per-use rates in the settings, the comparison's table and
// chart), and 204 KB with the opening view prerendered into index.html (+7.3 KB, to 203.5 KB:
// the html, with the stylesheet inline, goes from 735 B to 10,832 B gzip, so that a phone shows
// the first figures before the wasm has arrived; issue 13), and 226 KB with the break-even
// picture on the page (+21.1 KB, to 225.1 KB: the search for the volumes where the cheapest way
// changes, its words and its chart are 49 KB of wasm raw, 21.5 KB gzip; issue 12 asks for the
// picture, and this is its first, unslimmed cost), and 219 KB once that picture was slimmed
// (-6.4 KB, to 218.7 KB: checked Decimal arithmetic out of line in kling_pricing::dec, where
// rust_decimal inlined a whole multiplication or addition at every call site, -3.8 KB; a
// break-even sample reading the packs-only plan instead of cloning it, -2.0 KB; the planner's
// growth through the same multiplication, -0.6 KB; same figures and words), then to 218.0 KB
// under the same budget (-0.7 KB: the chart's ids as literals, counting instead of collecting,
// the packages sorted themselves, the legend and the words written as they go; 223,255 B);
// with the odd-sized quotes proven optimal (+1.8 KB: the planner splits a class whose table
// would overflow and bounds one odd package apart, with per use on too; issue 12 item 5),
// the plan waiting for a pause in typing after a slow plan and the comparison made on the pools
// the best plan serves (+1.4 KB), merged after the slimming: 222 KB, the page 221.1 KB (226,410 B);
// then 223 KB for the planner's exchange rules that prove the stress set's long quotes optimal
// (+0.7 KB for a level that a longer-lasting package beats, +1.0 KB for the bound on what a
// later class draws; issue 12 item 5: 248 -> 270 of its 300 plans proven), and 224 KB for the
// dominance that counts per use (+0.5 KB: a state beats another it is short of by E units when
// it costs less even with E units bought per use; 270 -> 274 proven), and 225 KB for the
// peak's lower bound (+1.3 KB: with a peak enforced, every package that must carry it costs
// its extra over the best price per unit; 278 -> 279 proven, and the gap bounds shown for the
// rest shrink, $15,199 -> $789 on one), and 226 KB for the planner's check within a
// transition (+0.6 KB, 229,790 -> 230,414 B: the first classes' picks of a month already
// dearer than the plan to beat, by the best price per unit or the peak's bound, skip the later
// classes' levels; 279 -> 280 proven, in less time), and 227 KB for the levels that check
// would cut not being tried (+0.6 KB, 231,012 -> 231,621 B: a binary search for the last level
// whose estimate at the class's best price per unit stays under the plan to beat; 285 -> 287
// proven), and 228 KB for a dominance that makes up what a state holds less with copies of a
// package bought at once (+1.3 KB, 231,995 -> 233,282 B: 290 -> 293 proven), and 229 KB
// for a peak bound that charges the chain of packages carrying the peak for what they cannot
// serve (+0.6 KB, 233,359 -> 233,953 B: seed 14 of the stress set 296 -> 297 proven, the
// gap bound of the set's #127 $10,727 -> $448), and 230 KB for a bound that counts the
// packages carrying the peak whole next to whole packages for the rest (+1.8 KB, 233,474 ->
// 235,328 B: the chains grouped by the units their links hold, and the least over the groups
// of their price plus the cover bound of what is left; the stress set's seeds 13 and 14 296 ->
// 298 and 297 -> 298 proven, #180's bound at the start its optimum), and 231 KB for what a
// month still needs after a class being bought now at the later classes' price per unit
// (+0.9 KB, 235,328 -> 236,248 B: the check within a transition and a floor under a class's
// levels count it; the stress set's fresh seeds 15 and 16 295 -> 297 and 294 -> 296 proven), and
// 232 KB for a cover bound with each package's units capped at the most its months' demand lets
// it serve (+0.6 KB, 236,241 -> 236,798 B: a package too big for its months is partly forfeited
// whenever bought; seed 20 of the stress set 298 -> 299 proven, #98 among them), and 239 KB for
// the planner off the page's thread, so typing never waits for it (issue 12; +7.4 KB, 237,095 ->
// 244,638 B: a module worker plans from the calculation's link recording its searches, and the
// page replays the record in under a millisecond where planning takes up to a few hundred; the
// record's writing and reading, each search's fingerprint, the worker's bindings), and 240 KB
// for a pool's search that is not proven run again with more work (+0.7 KB, 244,335 ->
// 245,055 B: the second search's call and the merge of the two outcomes; the stress inputs of
// seeds 12 to 31 5,981 -> 5,990 of 6,000 proven with twice the work, 5,994 with four times, those with quotes of 45 days or more not
// proven 4 -> 1), and 256 KB for the December 2026 edition (issue 24; +16.3 KB, 245,050 ->
// 261,352 B): its data, compiled in like every edition's, 6.1 KB of wasm, and the opening view
// it prerenders 1.2 KB of html (measured by building without it); the rest, about 8 KB of wasm,
// is what it brought to the page: package menus with the other menu's verdict planned beside
// the plan, the user's own units figure and link format 3, input-video billing, the cheapest
// seller of each pool, each line's cheapest per-use price, the pool left out and the age of
// the prices. Issue 26 moves the editions a page does not open with, and the planner, off the
// page's critical path. The goal
// stays 100 KB; the test prints how far the page is from it. ARCHITECTURE.md, "Size", says where the bytes go and what keeps them down.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { root } from "./harness.mjs";

const KB = 1024;
/** The budget for the whole page. */
const BUDGET = 256 * KB;
/** The issue's goal. */
const GOAL = 100 * KB;

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
  // The stylesheet is inline (one round trip less before the first paint): in index.html's bytes.
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  assert.ok(files.some((f) => f.endsWith(".css")) || /<style>[^<]*\.kp-app/.test(html), `no css: ${files}`);
});

test(`the whole page gzips to at most ${BUDGET / KB} KB`, () => {
  let total = 0;
  for (const f of pageFiles()) {
    const body = readFileSync(path.join(dist, f));
    const gz = gzipSync(body, { level: 9 }).length;
    total += gz;
    console.log(`${f}: ${body.length} B raw, ${gz} B gzip`);
  }
  const kb = (n) => `${(n / KB).toFixed(1)} KB`;
  console.log(`page: ${total} B gzip (${kb(total)}); budget ${kb(BUDGET)}: ${kb(BUDGET - total)} to spare; goal ${kb(GOAL)}: ${total > GOAL ? `${kb(total - GOAL)} over` : "met"}`);
  assert.ok(total <= BUDGET, `the page is ${total} B gzip, over the ${BUDGET} B budget by ${total - BUDGET} B`);
});
