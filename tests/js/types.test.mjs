// The TypeScript declarations of the npm package are the public contract: the documented
// example (tests/js/contract.ts) must type-check against them, and so must what the wasm
// actually returns.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// tsc's errors for `file`, or "" when it type-checks.
function typeErrors(file) {
  const tsc = path.join(root, "node_modules/.bin/tsc");
  const args = ["--noEmit", "--strict", "--target", "es2022", "--lib", "esnext,dom", "--module", "es2022", "--moduleResolution", "bundler", file];
  try {
    return execFileSync(tsc, args, { cwd: root, encoding: "utf8" }).trim();
  } catch (e) {
    return `${e.stdout}${e.stderr}`.trim();
  }
}

test("the documented TypeScript example type-checks against pkg/kling_pricing.d.ts", () => {
  assert.equal(typeErrors("tests/js/contract.ts"), "");
});

// Every value below is written into a TypeScript file as an object literal of its declared
// type: tsc then rejects a field the declarations lack, a missing one, and a wrong type, so
// the declarations generated from the Rust types are checked against serde's actual output.
test("what catalog, estimate, validate and plan return type-checks as their declared types", async () => {
  const pkg = path.join(root, "pkg/kling_pricing.js");
  const api = await import(pkg);
  api.initSync({ module: readFileSync(path.join(root, "pkg/kling_pricing_bg.wasm")) });
  const mix = JSON.parse(readFileSync(path.join(root, "tests/fixtures/sample-mix.json"), "utf8"));
  const bad = { lines: [{ service: "video", model: "v9", quantity: -1.5 }, { service: "lip-sync", quantity: "x", videoSeconds: 99999 }, { mode: "pro" }] };
  const options = {
    horizonMonths: 6, growthPercent: 25, peak: { jobsPerHour: 200, minutesPerJob: 3 },
    balances: [{ pool: "video", units: 1000, daysLeft: 45, concurrency: 3 }],
    packs: [{ pool: "image", price: 70, units: 20000, validityDays: 30 }, { pool: "try-on", name: "Try-on pack", price: "70", units: 1000, validityDays: 30 }],
    quotes: [{ pool: "video", name: "Quote", price: 50000, units: 400000, validityDays: 90, concurrency: 20 }],
  };
  const thrown = (f) => { try { f(); } catch (e) { return e; } assert.fail("expected a throw"); };
  const values = {
    Catalog: [api.catalog(), api.catalog("kling-2026")],
    Estimate: [api.estimate(mix)],
    "InputProblem[]": [api.validate(bad), thrown(() => api.estimate(bad)).problems],
    PlanResult: [api.plan(mix), api.plan(mix, options), api.plan({ lines: [] }, { trialsUsed: true, balances: options.balances }),
      api.plan({ edition: "kling-2026", lines: [{ service: "video", model: "kling-v3", mode: "pro", duration: 10, quantity: 100 }] }, { perUseSource: "rate", perUseRate: [{ pool: "video", price: "0.1" }] })],
    PlanProblem: [thrown(() => api.plan(mix, { horizonMonths: 99 })).problem, thrown(() => api.plan(mix, { packs: [{ pool: "image", price: -1, units: 1, validityDays: 30 }] })).problem],
  };
  const names = Object.keys(values).map((t) => t.replace("[]", ""));
  const lines = [`import type { ${names.join(", ")} } from ${JSON.stringify(pkg)};`];
  for (const [type, list] of Object.entries(values)) {
    list.forEach((v, i) => lines.push(`export const ${type.replace("[]", "s")}${i}: ${type} = ${JSON.stringify(v)};`));
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "kling-pricing-types-"));
  try {
    writeFileSync(path.join(dir, "returned.ts"), lines.join("\n") + "\n");
    assert.equal(typeErrors(path.join(dir, "returned.ts")), "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
