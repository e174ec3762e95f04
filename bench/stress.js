// plan() over the stress set (bench/stress-inputs.js), timed in the browser from the npm build
// (pkg/). `?count=N&seed=S` pick another set (defaults: 300, seed 12). Each input is planned
// three times after one untimed call of a small plan (the wasm's first call); its time is the
// median of the three. Results land in window.stressResult.
import init, { plan } from "../pkg/kling_pricing.js";
import { stressInputs } from "./stress-inputs.js";

const params = new URLSearchParams(location.search);
const count = Number(params.get("count") || 300);
const seed = Number(params.get("seed") || 12);

await init();
plan({ edition: "kling-2026", lines: [{ service: "lip-sync", quantity: 10, videoSeconds: 10 }] }, { horizonMonths: 3 });

const rows = [];
for (const [index, input] of stressInputs(count, seed).entries()) {
  const times = [];
  let result;
  let error = null;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    try {
      result = plan(input.mix, input.options);
    } catch (e) {
      error = String(e.message || e);
    }
    times.push(performance.now() - t0);
    if (error) break;
  }
  times.sort((a, b) => a - b);
  const pools = result && !error ? result.pools : [];
  rows.push({
    index,
    input,
    ms: times[Math.floor(times.length / 2)],
    error,
    optimal: error ? null : result.optimal,
    // The largest bound on how far a pool's plan may be from the cheapest (not proven optimal).
    costGap: pools.reduce((m, p) => (p.costGap !== null && Number(p.costGap) > m ? Number(p.costGap) : m), 0),
    outcomes: pools.map((p) => `${p.pool}:${p.outcome}`),
  });
}
window.stressResult = { count, seed, rows };
