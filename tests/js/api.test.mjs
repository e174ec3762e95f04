// The npm build (wasm-pack, pkg/) against the native core: same mix, same figures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const api = await import(path.join(root, "pkg/kling_pricing.js"));
api.initSync({ module: readFileSync(path.join(root, "pkg/kling_pricing_bg.wasm")) });

const fixture = path.join(root, "tests/fixtures/sample-mix.json");
const mix = JSON.parse(readFileSync(fixture, "utf8"));

test("estimate() in wasm agrees with the native core on the sample mix", () => {
  const native = JSON.parse(
    execFileSync("cargo", ["run", "--quiet", "-p", "kling-pricing", "--example", "estimate_json", "--", fixture], { cwd: root, encoding: "utf8" }),
  );
  const wasm = api.estimate(mix);
  assert.deepEqual(wasm, native);
});

test("estimate() returns the seed's figures", () => {
  const est = api.estimate({
    lines: [
      { service: "video", model: "v2.1", mode: "pro", duration: 5, quantity: 400 },
      { service: "lip-sync", quantity: 60, videoSeconds: 30 },
      { service: "text-to-image", model: "kolors-v2.1", quantity: 5000 },
    ],
  });
  assert.equal(est.edition, "seed-2025");
  assert.deepEqual(est.lines.map((l) => [l.units, l.value]), [["1400", "196"], ["180", "25.2"], ["20000", "70"]]);
  assert.deepEqual(est.pools.map((p) => [p.pool, p.units, p.value]), [["video", "1580", "221.2"], ["image", "20000", "70"], ["try-on", "0", "0"]]);
  assert.equal(est.totalValue, "291.2");
  assert.equal(est.lines[1].segments, 6);
});

test("estimate() throws with every problem named, validate() lists them", () => {
  const bad = { lines: [{ service: "video", model: "v9", quantity: -1 }, { service: "text-to-audio", quantity: 2 }, { service: "hologram", quantity: 1 }] };
  assert.throws(() => api.estimate(bad), (e) => {
    assert.match(e.message, /^invalid job mix: line 1: model "v9" is not offered here/);
    assert.equal(e.problems.length, 3);
    assert.deepEqual(e.problems.map((p) => [p.line, p.field]), [[0, "model"], [0, "quantity"], [2, "service"]]);
    return true;
  });
  const problems = api.validate(bad);
  assert.equal(problems.length, 3);
  assert.equal(problems[1].message, "line 1: quantity -1 is negative; it must be 0 or more");
  assert.deepEqual(api.validate(mix), []);
  assert.throws(() => api.estimate("nonsense"), /the job mix is not of the shape/);
});

test("editions() lists every edition; catalog(edition) gives its rows", () => {
  const list = api.editions();
  assert.deepEqual(list.map((e) => [e.edition, e.isDefault, e.opensThePage]), [["seed-2025", true, false], ["kling-2026", false, false], ["kling-2026-12", false, true]]);
  for (const e of list) {
    const cat = api.catalog(e.edition);
    assert.equal(cat.title, e.title);
    assert.ok(cat.services.every((s) => s.rows.length > 0), e.edition);
  }
  // Video 3.0 Professional with native audio is 1.2 units a second, in kling-2026 only.
  const v3 = api.catalog("kling-2026").services.find((s) => s.id === "video").rows;
  assert.equal(v3.find((r) => r.model === "kling-v3" && r.mode === "pro" && r.audio === "native").units, "1.2");
});

test("catalog() lists every service, package and source", () => {
  const cat = api.catalog();
  assert.equal(cat.edition, "seed-2025");
  assert.equal(cat.services.length, 14);
  assert.equal(cat.packages.length, 6);
  assert.equal(cat.labels["v2.1"], "Kling V2.1");
  const ext = cat.services.find((s) => s.id === "extension").rows.find((r) => r.model === "v1.0" && r.mode === "std");
  assert.equal(ext.units, "1");
  assert.equal(ext.provenance.status, "contradicted");
  assert.equal(cat.packages.find((p) => p.id === "package-2").price, "5670");
  assert.equal(cat.packages.find((p) => p.id === "custom").price, null);
  assert.throws(() => api.catalog("nope"), /unknown catalog edition "nope"/);
});

test("plan() gives the seed's worked examples", () => {
  // 15,000 units a month for 3 months: Package 2, nothing forfeited. (V2.1 pro 5 s = 3.5 units.)
  const p = api.plan({ lines: [{ service: "video", model: "v2.1", mode: "std", duration: 5, quantity: 7500 }] }, { horizonMonths: 3 });
  const video = p.pools.find((x) => x.pool === "video");
  assert.equal(video.outcome, "planned");
  assert.deepEqual(video.purchases.map((b) => [b.month, b.packageId, b.count]), [[1, "package-2", 1]]);
  assert.equal(p.totalCost, "5670");
  assert.equal(video.forfeitedUnits, "0");
  // 500 units a month for 2 months: two trials cannot carry month 2, so Package 1, 29,000 forfeited.
  const q = api.plan({ lines: [{ service: "video", model: "v1.0", mode: "std", duration: 5, quantity: 500 }] }, { horizonMonths: 2 });
  const v2 = q.pools.find((x) => x.pool === "video");
  assert.equal(q.totalCost, "4200");
  assert.equal(v2.forfeitedUnits, "29000");
  assert.ok(v2.alternatives.some((a) => /Trials only/.test(a.label)));
});

test("plan() takes decimals as numbers or text and reports bad options", () => {
  const mix = { lines: [{ service: "text-to-image", model: "kolors-v2.1", quantity: 5000 }] };
  const p = api.plan(mix, { horizonMonths: 1, packs: [{ pool: "image", price: 70, units: "20000", validityDays: 30 }] });
  const image = p.pools.find((x) => x.pool === "image");
  assert.equal(image.outcome, "planned");
  assert.equal(image.totalCost, "70");
  const none = api.plan(mix);
  assert.equal(none.pools.find((x) => x.pool === "image").outcome, "noPackage");
  assert.throws(() => api.plan(mix, { horizonMonths: 37 }), (e) => {
    assert.match(e.message, /^invalid plan options: horizonMonths 37 is out of range/);
    assert.equal(e.problem.field, "horizonMonths");
    return true;
  });
  assert.throws(() => api.plan({ lines: [{ service: "video", quantity: 1 }] }), /invalid job mix: line 1: model must be chosen/);
});

test("plan() buys per use from a seller or at your rate, and compares the sellers", () => {
  // 500 units a month (100 ten-second Kling 2.6 pro clips at 0.5 units a second) for 2 months.
  const mix = { edition: "kling-2026", lines: [{ service: "video", model: "kling-v2.6", mode: "pro", audio: "none", duration: 10, quantity: 100 }] };
  const p = api.plan(mix, { horizonMonths: 2, perUseSource: "fal" });
  const video = p.pools.find((x) => x.pool === "video");
  assert.equal(p.totalCost, "135.79");
  assert.deepEqual(video.purchases.map((b) => b.packageId), ["trial-100"]);
  assert.equal(video.perUse.name, "fal.ai");
  assert.equal(video.perUse.unitPrice, "0.14");
  assert.equal(video.perUse.units, "900");
  assert.equal(video.perUse.cost, "126");
  assert.ok(video.alternatives.some((a) => a.label === "Per use only (fal.ai)"));
  // fal.ai and the 2.6 model: Runware, Replicate, PiAPI and Krea list no price for it.
  const left = p.comparison.filter((c) => c.totalCost === null).map((c) => c.label);
  assert.deepEqual(left, ["Per use only (Runware)", "Per use only (Replicate)", "Per use only (PiAPI)", "Per use only (Krea)"]);
  assert.equal(p.comparison.find((c) => c.kind === "best").totalCost, "135.79");
  // Your rate, given as a JS number.
  const r = api.plan(mix, { horizonMonths: 2, perUseSource: "rate", perUseRate: [{ pool: "video", price: 0.1 }] });
  assert.equal(r.totalCost, "99.79");
  assert.throws(() => api.plan(mix, { perUseSource: "nobody" }), (e) => {
    assert.equal(e.problem.field, "perUseSource");
    return true;
  });
});

// kling-2026-12 through the npm package: the menus, a 4.0 line with a reference video (6 s in,
// 10 s out bills 20 s at an assumed 0.7 units a second), the date the edition was checked, and
// the `menu` option. 5,000 video units a month for 3 months: Package 2 of the 2026 guide's
// menu ($2,100), Package 1 of the 2025 guide's ($4,200), as worked out in kling_2026_12.rs.
test("kling-2026-12: menus, a reference video's billed seconds, and the menu option", () => {
  const edition = api.editions().find((e) => e.edition === "kling-2026-12");
  assert.equal(edition.checked, "2026-12-07");
  const cat = api.catalog("kling-2026-12");
  assert.deepEqual(cat.menus.map((m) => m.id), ["guide-2026", "guide-2025"]);
  const est = api.estimate({
    edition: "kling-2026-12",
    lines: [{ service: "video", model: "kling-v4", resolution: "720p", input: "reference-video", duration: 10, videoSeconds: 6, quantity: 1 }],
  });
  assert.deepEqual([est.lines[0].billedSeconds, est.lines[0].units, est.lines[0].value], [20, "14", "1.96"]);
  assert.equal(est.lines[0].provenance.confidence, "assumed");
  const mix = { edition: "kling-2026-12", lines: [{ service: "video", model: "kling-v3", mode: "pro", audio: "none", duration: 5, quantity: 1250 }] };
  const on2026 = api.plan(mix);
  assert.equal(on2026.menu.id, "guide-2026");
  assert.equal(on2026.totalCost, "2100");
  assert.deepEqual(on2026.otherMenus.map((o) => [o.menu.id, o.totalCost, o.differs]), [["guide-2025", "4200", true]]);
  const on2025 = api.plan(mix, { menu: "guide-2025" });
  assert.deepEqual([on2025.menu.id, on2025.totalCost], ["guide-2025", "4200"]);
  assert.throws(() => api.plan(mix, { menu: "guide-1999" }), (e) => {
    assert.equal(e.message, 'invalid plan options: menu "guide-1999" is not offered here; choose one of: guide-2026, guide-2025');
    assert.equal(e.problem.field, "menu");
    return true;
  });
});

test("importCosts() turns an /account/costs response into lots, leaving out what cannot serve", () => {
  const pack = (name, remaining, invalid, status) => ({
    resource_pack_name: name,
    resource_pack_id: "p",
    resource_pack_type: "decreasing_total",
    total_quantity: 10000,
    remaining_quantity: remaining,
    purchase_time: 1790000000000,
    effective_time: 1790000000000,
    invalid_time: invalid,
    status,
  });
  const response = {
    code: 0,
    message: "SUCCEED",
    data: {
      resource_pack_subscribe_infos: [
        pack("Video Generation - 10,000 entries", 4000, 1803859200000, "online"),
        pack("Video Generation - 1,000 entries", 742.5, 1799712000000, "online"),
        pack("Video Generation - 1,000 entries", 258, 1795996800000, "expired"),
        pack("Resource pack", -3, 1803859200000, "online"),
      ],
    },
  };
  const got = api.importCosts(JSON.stringify(response), "2026-12-08");
  assert.deepEqual(got.lots, [
    { name: "Video Generation - 1,000 entries", pool: "video", units: "742.5", expires: "2027-01-12", concurrency: null },
    { name: "Video Generation - 10,000 entries", pool: "video", units: "4000", expires: "2027-03-01", concurrency: null },
  ]);
  assert.deepEqual(
    got.leftOut.map((l) => l.reason),
    ["expired on 2026-11-30 (status expired)", "-3 units: a pack cannot hold less than none"],
  );
  assert.deepEqual(got.problems, [
    { at: 'pack 4 ("Resource pack"), remaining_quantity', message: "-3 units: a pack cannot hold less than none" },
  ]);
  // A bad response is a problem, not a throw; a bad argument throws, naming it.
  assert.match(api.importCosts("{", "2026-12-08").problems[0].message, /^not JSON/);
  assert.match(api.importCosts("x".repeat(5 * 1024 * 1024)).problems[0].message, /^it is 5120 KB/);
  assert.throws(() => api.importCosts(42), /importCosts: argument "response" must be the JSON text/);
  assert.throws(() => api.importCosts("{}", "8 Dec"), /importCosts: argument "today" "8 Dec" is not a date/);
});

test("plan() follows a month-by-month forecast (demandByMonth), given as numbers or text", () => {
  // 1,000 video units a month (200 ten-second 2.6 pro clips), per use at $0.14 a unit, a launch
  // in month 3 (×3): the trials serve 1,100 units, the other 3,900 are bought per use.
  const mix = { edition: "kling-2026", lines: [{ service: "video", model: "kling-v2.6", mode: "pro", audio: "none", duration: 10, quantity: 200 }] };
  const options = { horizonMonths: 3, perUseSource: "rate", perUseRate: [{ pool: "video", price: "0.14" }] };
  const launch = api.plan(mix, { ...options, demandByMonth: [1, 1, 3] });
  const video = launch.pools.find((x) => x.pool === "video");
  assert.deepEqual(video.demand, ["1000", "1000", "3000"]);
  assert.equal(launch.totalCost, "653.78");
  assert.deepEqual(launch.demandByMonth, ["1", "1", "3"]);
  assert.equal(api.plan(mix, { ...options, demandByMonth: ["1", "1", "3"] }).totalCost, "653.78");
  assert.throws(() => api.plan(mix, { ...options, demandByMonth: [1, -1] }), (e) => {
    assert.equal(e.problem.field, "demandByMonth");
    assert.equal(e.problem.month, 2);
    return true;
  });
});
