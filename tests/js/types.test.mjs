// The TypeScript declarations of the npm package are the public contract: the documented
// example (tests/js/contract.ts) must type-check against them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

test("the documented TypeScript example type-checks against pkg/kling_pricing.d.ts", () => {
  const tsc = path.join(root, "node_modules/.bin/tsc");
  const args = ["--noEmit", "--strict", "--target", "es2022", "--lib", "esnext,dom", "--module", "es2022", "--moduleResolution", "bundler", "tests/js/contract.ts"];
  let out = "";
  try {
    out = execFileSync(tsc, args, { cwd: root, encoding: "utf8" });
  } catch (e) {
    out = `${e.stdout}${e.stderr}`;
  }
  assert.equal(out.trim(), "");
});
