// plan() timings in the browser, from the npm build (pkg/). Results land in window.benchResult.
import init, { plan } from "../pkg/kling_pricing.js";

const line = (quantity) => ({ service: "video", model: "v2.1", mode: "std", duration: 5, quantity });
// Mix sizes: one line, and a 20-line mix of the same total, to show the mix's size costs nothing
// once units are summed per pool.
const mixes = {
  "small (1,000 u/mo)": { lines: [line(500)] },
  "15k u/mo": { lines: [line(7500)] },
  "200k u/mo": { lines: [line(100000)] },
  "200k u/mo, 20 lines": { lines: Array.from({ length: 20 }, () => line(5000)) },
  "15k u/mo +10%/mo": { lines: [line(7500)], growth: 10 },
  "mixed pools + packs": {
    lines: [line(7500), { service: "text-to-image", model: "kolors-v2.1", quantity: 5000 }, { service: "try-on", model: "try-on-v1.5", quantity: 300 }],
    packs: [
      { pool: "image", price: 70, units: 20000, validityDays: 30 },
      { pool: "try-on", price: 21, units: 300, validityDays: 30 },
    ],
  },
};
const horizons = [1, 3, 6, 12, 24, 36];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

await init();
const rows = [];
for (const [name, m] of Object.entries(mixes)) {
  for (const h of horizons) {
    const opts = { horizonMonths: h, growthPercent: m.growth ?? 0, packs: m.packs ?? [] };
    plan({ lines: m.lines }, opts); // warm up
    const times = [];
    const deadline = performance.now() + 400;
    while (times.length < 5 || (times.length < 50 && performance.now() < deadline)) {
      const t0 = performance.now();
      plan({ lines: m.lines }, opts);
      times.push(performance.now() - t0);
    }
    rows.push({ mix: name, horizon: h, medianMs: median(times), maxMs: Math.max(...times), runs: times.length });
  }
}
window.benchResult = rows;
