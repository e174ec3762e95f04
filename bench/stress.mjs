// plan() under stress, in wasm (node, from the npm build pkg/): 200 generated mixes of the
// kling-2026 edition over 36 months with growth, a custom quote of 30 to 365 days (half of odd
// sizes), a balance, a peak, and per use on (fal.ai, or your rate). Prints how many plans are
// proven optimal and plan()'s median, p95 and max time.
//
//   bash scripts/build-pkg.sh && node bench/stress.mjs [N]        (N mixes, default 200)
//   node bench/stress.mjs [N] off                                 (the same mixes, per use off)
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const api = await import(path.join(root, "pkg/kling_pricing.js"));
api.initSync({ module: readFileSync(path.join(root, "pkg/kling_pricing_bg.wasm")) });

const n = Number(process.argv[2] ?? 200);
const perUseOn = process.argv[3] !== "off";

// A small deterministic generator, so every run plans the same mixes.
let state = 12345n;
function below(m) {
  state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
  return Number((state >> 33n) % BigInt(m));
}
const pick = (xs) => xs[below(xs.length)];

function mix() {
  const lines = [
    { service: "video", model: "kling-v3", mode: pick(["std", "pro"]), audio: pick(["none", "native"]), duration: pick([5, 10, 15]), quantity: pick([50, 400, 2000, 10000]) },
  ];
  if (below(2) === 0) lines.push({ service: "video", model: "kling-v2.6", mode: "pro", audio: "none", duration: 10, quantity: pick([100, 1000, 5000]) });
  if (below(3) === 0) lines.push({ service: "lip-sync", quantity: pick([60, 600]), videoSeconds: pick([12, 30]) });
  return { edition: "kling-2026", lines };
}

function options() {
  const units = below(2) === 0 ? (below(50) + 1) * 10000 : below(500000) + 5000;
  const opts = {
    horizonMonths: 36,
    growthPercent: pick([0, 2, 5, 10]),
    trialsUsed: below(2) === 0,
    quotes: [{ pool: "video", price: ((units * (90 + below(40))) / 1000).toFixed(2), units, validityDays: pick([30, 45, 60, 90, 120, 180, 365]), concurrency: 5 }],
  };
  if (below(2) === 0) opts.balances = [{ pool: "video", units: below(20000), daysLeft: pick([20, 45, 100]), concurrency: 5 }];
  if (below(3) === 0) opts.peak = { jobsPerHour: 100, minutesPerJob: 3 };
  const rate = below(2) === 0;
  if (perUseOn) {
    opts.perUseSource = rate ? "rate" : "fal";
    opts.perUseRate = [{ pool: "video", price: pick(["0.12", "0.14", "0.1"]) }];
  }
  return opts;
}

const times = [];
let proven = 0;
for (let i = 0; i < n; i++) {
  const m = mix();
  const o = options();
  const t0 = performance.now();
  const p = api.plan(m, o);
  times.push(performance.now() - t0);
  if (p.optimal) proven++;
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor((times.length * q) / 100))];
console.log(
  `plan() in wasm (node), ${n} stress mixes, 36 months, per use ${perUseOn ? "on" : "off"}: ` +
    `${proven}/${n} proven optimal; median ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`,
);
