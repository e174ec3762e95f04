// Hostile values in every argument of every export of the npm package (pkg/). A wasm trap
// (WebAssembly.RuntimeError) cannot be caught inside the module and can leave its memory
// unusable, so the API must answer anything with a result or a thrown Error that names the
// argument; and after all of it, the module must still give the right figures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const api = await import(path.join(root, "pkg/kling_pricing.js"));
api.initSync({ module: readFileSync(path.join(root, "pkg/kling_pricing_bg.wasm")) });

const sample = JSON.parse(readFileSync(path.join(root, "tests/fixtures/sample-mix.json"), "utf8"));
// What a healthy module answers, taken before any hostile call.
const healthy = { catalog: api.catalog(), editions: api.editions(), estimate: api.estimate(sample) };

// Calls api[name](...args): a result is fine, and so is a thrown Error whose message names one
// of `blame` (the hostile arguments); a trap, a non-Error or a bare message fails.
function attempt(label, name, args, blame) {
  try {
    return api[name](...args);
  } catch (e) {
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${label}: ${name} trapped: ${e.message}`);
    assert.ok(e instanceof Error, `${label}: ${name} threw ${typeof e}, not an Error`);
    assert.ok(typeof e.message === "string" && e.message.length > 0, `${label}: ${name} threw an Error without a message`);
    assert.ok(blame.some((b) => e.message.includes(b)), `${label}: ${name}'s error does not name ${blame.join(" or ")}: ${e.message.slice(0, 300)}`);
    return e;
  }
}

const nest = (depth, wrap) => {
  let v = 1;
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
};

// Each made once and passed to every slot: the API copies what it reads and changes nothing.
const hostiles = {
  "0": () => 0, "-1": () => -1, NaN: () => NaN, Infinity: () => Infinity, "-Infinity": () => -Infinity,
  "1e308": () => 1e308, "-0": () => -0, "2**53+1": () => 2 ** 53 + 1, "0.1": () => 0.1,
  true: () => true, false: () => false, null: () => null, undefined: () => undefined,
  "empty string": () => "", "5 MB string": () => "x".repeat(5_000_000), "lone surrogate": () => "\ud800",
  "number text": () => "1e400", symbol: () => Symbol("s"), BigInt: () => 10n ** 30n, "small BigInt": () => 5n,
  function: () => () => 1, class: () => class {}, "empty object": () => ({}), "empty array": () => [],
  "array of numbers": () => [1, 2, 3], Date: () => new Date(0), RegExp: () => /x/, Map: () => new Map([["lines", []]]),
  "typed array": () => new Uint8Array(16), "boxed string": () => new String("video"), "null prototype": () => Object.create(null),
  "10 million holes": () => new Array(10_000_000), "100,000 items": () => new Array(100_000).fill({}),
  "length 1e9": () => ({ length: 1e9 }), "100,000 keys": () => Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])),
  "long key": () => ({ ["k".repeat(100_000)]: 1 }),
  "10,000 deep arrays": () => nest(10_000, (v) => [v]), "10,000 deep objects": () => nest(10_000, (v) => ({ lines: [v], quantity: v })),
  "wide and deep": () => nest(8, (v) => new Array(40).fill(v)),
  cycle: () => { const o = { lines: [] }; o.lines.push(o); o.self = o; return o; },
  "array cycle": () => { const a = []; a.push(a); return a; },
  "throwing getter": () => Object.defineProperty({}, "lines", { enumerable: true, get() { throw new Error("getter boom"); } }),
  "getter throwing a number": () => Object.defineProperty({}, "quantity", { enumerable: true, get() { throw 42; } }),
  "getter throwing a Proxy": () => Object.defineProperty({}, "x", { enumerable: true, get() { throw new Proxy({}, { get() { throw new Error("again"); } }); } }),
  "re-entrant getter": () => Object.defineProperty({}, "lines", { enumerable: true, get() { api.estimate(sample); api.catalog(null); return []; } }),
  "throwing proxy": () => new Proxy({}, { get() { throw new Error("get trap"); }, ownKeys() { throw new Error("ownKeys trap"); }, has() { throw new Error("has trap"); } }),
  "proxy with a throwing get": () => new Proxy({ lines: [] }, { get() { throw new Error("get trap"); } }),
  "proxy of an array": () => new Proxy([1, 2], { get(t, k) { if (k === "length") throw new Error("length trap"); return t[k]; } }),
  "proxy lying about length": () => new Proxy([], { get(t, k) { return k === "length" ? 1e12 : undefined; } }),
  "revoked proxy": () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; },
  "endless proxy": () => { const p = new Proxy({}, { get: () => p, ownKeys: () => ["lines", "quantity"], getOwnPropertyDescriptor: () => ({ value: p, enumerable: true, configurable: true }) }); return p; },
  "proxy growing on each read": () => { let n = 0; return new Proxy({}, { get: () => nest(++n * 10, (v) => [v]), ownKeys: () => ["lines"], getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }) }); },
};

const line = (field, value) => ({ service: "video", model: "v2.1", mode: "pro", duration: 5, quantity: 1, [field]: value });
const pack = (field, value) => ({ pool: "image", price: 70, units: 20000, validityDays: 30, [field]: value });
const balance = (field, value) => ({ pool: "video", units: 1000, daysLeft: 45, [field]: value });
const peak = (field, value) => ({ jobsPerHour: 200, minutesPerJob: 3, [field]: value });
const lineFields = ["service", "model", "mode", "audio", "resolution", "input", "duration", "quantity", "videoSeconds", "attemptsPerKept"];
// Where a hostile value goes in a job mix.
const mixSlots = {
  "the mix": (x) => x,
  edition: (x) => ({ edition: x, lines: [] }),
  lines: (x) => ({ lines: x }),
  "a line": (x) => ({ lines: [x] }),
  "the second line": (x) => ({ lines: [line("quantity", 2), x] }),
  ...Object.fromEntries(lineFields.map((f) => [`line.${f}`, (x) => ({ lines: [line(f, x)] })])),
};
// Where a hostile value goes in the plan options.
const optionSlots = {
  "the options": (x) => x,
  ...Object.fromEntries(["horizonMonths", "growthPercent", "trialsUsed", "packs", "quotes", "balances", "peak", "perUseSource", "perUseRate"].map((f) => [f, (x) => ({ [f]: x })])),
  ...Object.fromEntries(["packs", "quotes", "balances", "perUseRate"].map((f) => [`${f}[0]`, (x) => ({ [f]: [x] })])),
  ...Object.fromEntries(["pool", "name", "price", "units", "validityDays", "concurrency"].map((f) => [`packs[0].${f}`, (x) => ({ packs: [pack(f, x)] })])),
  ...Object.fromEntries(["pool", "name", "price", "units", "validityDays", "concurrency"].map((f) => [`quotes[0].${f}`, (x) => ({ quotes: [pack(f, x)] })])),
  ...Object.fromEntries(["pool", "units", "daysLeft", "concurrency"].map((f) => [`balances[0].${f}`, (x) => ({ balances: [balance(f, x)] })])),
  ...Object.fromEntries(["pool", "jobsPerHour", "minutesPerJob"].map((f) => [`peak.${f}`, (x) => ({ peak: peak(f, x) })])),
  "perUseRate[0].price": (x) => ({ perUseSource: "rate", perUseRate: [{ pool: "video", price: x }] }),
};

const smallMix = { lines: [{ service: "text-to-image", model: "kolors-v2.1", quantity: 5000 }] };

test("every export answers every hostile value with a result or an Error naming the argument", () => {
  for (const [label, make] of Object.entries(hostiles)) {
    const x = make();
    attempt(label, "catalog", [x], ["edition"]);
    attempt(label, "editions", [x], []);
    for (const [slot, put] of Object.entries(mixSlots)) {
      for (const name of ["estimate", "validate"]) attempt(`${label} in ${slot}`, name, [put(x)], ["mix"]);
      attempt(`${label} in ${slot}`, "plan", [put(x)], ["mix"]);
      attempt(`${label} in ${slot}`, "plan", [put(x), x], ["mix", "options"]);
    }
    for (const [slot, put] of Object.entries(optionSlots)) {
      attempt(`${label} in ${slot}`, "plan", [smallMix, put(x)], ["options"]);
    }
  }
});

test("the guard's errors say what was expected and where", () => {
  const message = (name, ...args) => {
    try {
      api[name](...args);
    } catch (e) {
      assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError), String(e));
      return e.message;
    }
    assert.fail(`${name} did not throw`);
  };
  assert.equal(message("catalog", 0), 'catalog: argument "edition" must be a string (an edition id such as "kling-2026") or left out; got a number');
  assert.match(message("catalog", {}), /got an object$/);
  assert.match(message("catalog", "x".repeat(5_000_000)), /argument "edition" is text of 5000000 characters/);
  assert.match(message("estimate", 7), /^estimate: argument "mix": the job mix is not of the shape .*: expected an object, got a number$/);
  assert.match(message("validate", { lines: [{ quantity: nest(10_000, (v) => [v]) }] }), /^validate: argument "mix": mix\.lines\[0\]\.quantity(\[0\])+ is nested more than 32 deep$/);
  assert.match(message("estimate", hostiles.cycle()), /^estimate: argument "mix": mix\.lines\[0\] is an object that contains itself \(a cycle\)/);
  assert.match(message("estimate", { lines: [line("quantity", 5n)] }), /mix\.lines\[0\]\.quantity is a BigInt; only data is read/);
  assert.match(message("estimate", { lines: new Array(10_000_000) }), /mix\.lines has 10000000 items; at most 1000 are read/);
  assert.match(message("estimate", hostiles["throwing getter"]()), /^estimate: argument "mix": mix\.lines could not be read: it threw "getter boom"$/);
  assert.match(message("plan", smallMix, { packs: [pack("price", Symbol("p"))] }), /^plan: argument "options": options\.packs\[0\]\.price is a symbol/);
  assert.match(message("plan", smallMix, { peak: { jobsPerHour: () => 1 } }), /options\.peak\.jobsPerHour is a function/);
  assert.match(message("plan", smallMix, 3), /^plan: argument "options": the plan options are not of the documented shape: expected an object, got a number$/);
});

test("a mix of up to 1,000 lines reaches the core, which names the 500-line limit", () => {
  const problems = api.validate({ lines: new Array(600).fill(line("quantity", 1)) });
  assert.equal(problems[0].field, "lines");
  assert.match(problems[0].message, /600 lines is more than the 500 allowed/);
});

// A small deterministic generator (mulberry32), so a failure is the same on every run.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// FUZZ_SEED and FUZZ_CALLS run another seed or more calls by hand; the test itself is fixed.
const seed = Number(process.env.FUZZ_SEED ?? 20240524);
const calls = Number(process.env.FUZZ_CALLS ?? 3000);

test("thousands of seeded random values, plausible and not, never trap", () => {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (max) => Math.floor(rand() * max);
  const words = ["video", "lip-sync", "text-to-image", "try-on", "v2.1", "kling-v3", "pro", "std", "native", "1080p", "image", "rate", "fal", "kling-2026", "seed-2025", "", "1,250", "2.5", "-3", "1e9", "NaN"];
  const keys = ["edition", "lines", "service", "model", "mode", "audio", "duration", "quantity", "videoSeconds", "attemptsPerKept", "pool", "price", "units", "validityDays", "daysLeft", "horizonMonths", "growthPercent", "packs", "quotes", "balances", "peak", "jobsPerHour", "minutesPerJob", "perUseSource", "perUseRate", "concurrency", "trialsUsed"];
  const number = () => pick([() => int(12), () => int(10_000_001), () => rand() * 10 ** int(20) - 5, () => pick([NaN, Infinity, -0, 1e308, -1, 2 ** 53 + 1]), () => String(int(5000))])();
  const leaves = [() => pick(words), number, () => pick([true, false, null, undefined]), () => pick(Object.values(hostiles))()];
  const value = (depth) => {
    const r = rand();
    if (depth > 3 || r < 0.45) return r < 0.02 ? leaves[3]() : pick(leaves.slice(0, 3))();
    if (r < 0.7) return Array.from({ length: int(4) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: int(6) }, () => [pick(keys), value(depth + 1)]));
  };
  // A line taken from a priced row of the catalog, often valid, sometimes with one field wrong.
  const catalogs = Object.fromEntries(healthy.editions.map((e) => [e.edition, api.catalog(e.edition)]));
  const rowLine = (edition) => {
    if (rand() < 0.1) return value(2);
    const service = pick(catalogs[edition].services);
    const row = pick(service.rows);
    const seconds = row.seconds ?? (row.durations ? row.durations.min + int(row.durations.max - row.durations.min + 1) : undefined);
    const l = { service: service.id, model: row.model, mode: row.mode ?? undefined, audio: row.audio, resolution: row.resolution, input: row.input, duration: seconds, quantity: int(3) === 0 ? number() : int(5000), videoSeconds: service.id === "lip-sync" ? int(100) + 1 : undefined, attemptsPerKept: rand() < 0.3 ? 1 + int(30) / 10 : undefined };
    if (rand() < 0.15) l[pick(Object.keys(l))] = rand() < 0.7 ? number() : value(3);
    return l;
  };
  const mix = () => {
    if (rand() < 0.1) return value(0);
    const edition = pick(Object.keys(catalogs));
    return { edition: rand() < 0.1 ? pick(words) : edition, lines: Array.from({ length: int(5) }, () => rowLine(edition)) };
  };
  const pool = () => pick(["video", "image", "try-on", "video", "nope"]);
  const randomPack = () => ({ pool: pool(), price: number(), units: number(), validityDays: pick([30, 90, 365, int(5000), number()]), concurrency: rand() < 0.3 ? int(10) : undefined });
  const options = () => {
    if (rand() < 0.2) return value(0);
    const o = { horizonMonths: 1 + int(40), growthPercent: rand() < 0.5 ? int(50) - 10 : number(), trialsUsed: rand() < 0.5 };
    if (rand() < 0.4) o.packs = Array.from({ length: int(6) }, randomPack);
    if (rand() < 0.3) o.quotes = Array.from({ length: int(3) }, randomPack);
    if (rand() < 0.3) o.balances = Array.from({ length: int(3) }, () => ({ pool: pool(), units: number(), daysLeft: int(400), concurrency: rand() < 0.5 ? int(10) : undefined }));
    if (rand() < 0.3) o.peak = { pool: pool(), jobsPerHour: number(), minutesPerJob: number() };
    if (rand() < 0.3) o.perUseSource = pick(["fal", "runware", "replicate", "piapi", "krea", "rate", "nobody"]);
    if (rand() < 0.3) o.perUseRate = [{ pool: pool(), price: pick([0.1, "0.05", number()]) }];
    if (rand() < 0.2) o[pick(keys)] = value(1);
    return o;
  };
  const counts = { result: 0, error: 0 };
  const started = Date.now();
  for (let i = 0; i < calls; i++) {
    const r = rand();
    let out;
    if (r < 0.1) out = attempt(`random ${i}`, "catalog", [rand() < 0.5 ? pick(words) : value(0)], ["edition"]);
    else if (r < 0.45) out = attempt(`random ${i}`, "estimate", [mix()], ["mix"]);
    else if (r < 0.75) out = attempt(`random ${i}`, "validate", [mix()], ["mix"]);
    else out = attempt(`random ${i}`, "plan", [mix(), rand() < 0.1 ? undefined : options()], ["mix", "options"]);
    counts[out instanceof Error ? "error" : "result"]++;
  }
  const ms = Date.now() - started;
  assert.ok(ms < (20 * calls) / 3, `the random calls took ${ms} ms`);
  // Enough of them reach the core's pricing and planning for the run to mean something.
  assert.ok(counts.result > calls / 3, `only ${counts.result} of ${calls} random calls gave a result`);
});

test("after all of it the module still gives the right answers", () => {
  assert.deepEqual(api.catalog(null), healthy.catalog);
  assert.deepEqual(api.editions(), healthy.editions);
  assert.deepEqual(api.estimate(sample), healthy.estimate);
  assert.equal(api.plan(smallMix, { packs: [pack("price", 70)], horizonMonths: 1 }).totalCost, "70");
});
