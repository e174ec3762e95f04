// The stress benchmark's inputs: a fixed, seeded set of hard plan() calls (long horizons,
// quotes of odd sizes, balances, peaks, per use), the same on every machine and every run for a given (count, seed). Plain ES module, no imports, so
// the browser page (bench/stress.js) and Node can both load it.
//
// Each input is { mix, options } for plan(mix, options), drawn as follows (a 32-bit PRNG,
// `rng` below, seeded with `seed`; every draw is in the order written here, so changing one
// rule changes the inputs after it: keep the rules as they are, or change the seed's default
// and say so where figures are quoted):
//   - edition kling-2026; 1 to 4 lines from LINES (current models: video per second with its
//     audio / resolution / input variants, lip-sync, video-to-audio, images). With per use from
//     fal.ai, 4 inputs in 5 take their video lines from those fal.ai sells (otherwise its price
//     is not used in the video pool). Quantities log-uniform (video 5 to 4,000 jobs a month,
//     images 50 to 40,000); 1 line in 5 has 1.1 to 2 attempts per kept output.
//   - horizon: 36 months in 2 inputs of 5, else 1 to 35.
//   - growth: 0 in 1 input of 6, else -20 % to +50 % a month in steps of 0.5, capped so that
//     the last month's demand is at most 1,000 times the first's (+21.5 % over 36 months,
//     +50 % up to 18 months).
//   - trials already used: 1 in 4.
//   - quotes: 0 (1 in 4), 1 or 2 (3 in 8 each): video, or image when the mix has images (1 in 3);
//     validity 30 to 365 days (half of them one of 30, 45, 60, 90, 120, 180, 270, 365, the rest
//     any whole day); odd sizes (5,000 to 300,000 units log-uniform, then any whole number
//     near it); priced at $0.09 to $0.15 a video unit ($0.0022 to $0.0040 an image unit), to
//     the cent; concurrency 5 to 20 on 1 in 3.
//   - an image pack (20,000 units, $70, 30 days) on half of the inputs with images.
//   - balances: 1 in 3 has a video balance (100 to 50,000 units, 0 to 365 days left), 1 in 10
//     of those also an image one.
//   - peak: 1 in 4 (video pool; 6 to 120 jobs an hour of 0.5 to 4 minutes, 1 to 8 tasks in
//     flight); above 5 tasks, a quote carries it (concurrency 10) on 7 in 10.
//   - per use: fal.ai on 9 in 20, your own rate on 1 in 4 (video $0.10 to $0.20 a unit, image
//     $0.0025 to $0.0050, try-on never), off on the rest.
//   - a month-by-month forecast (`demandByMonth`) on 1 in 3: a launch (one month ×2 to ×5), a
//     lull (one or two months ×0 or ×0.5) or a season (×1.5 for three months of every
//     twelve). Drawn from a generator of its own, seeded with the input's number, so the rest
//     of every input is what the same seed gave before forecasts were added.

/** Current kling-2026 rows: [service, fields, durations (or null), fal.ai sells it]. */
const LINES = [
  ["video", { model: "kling-v2.5-turbo", mode: "std", audio: "none" }, [5, 10], true],
  ["video", { model: "kling-v2.5-turbo", mode: "pro", audio: "none" }, [5, 10], true],
  ["video", { model: "kling-v2.6", mode: "std", audio: "none" }, [5, 10], false],
  ["video", { model: "kling-v2.6", mode: "pro", audio: "none" }, [5, 10], true],
  ["video", { model: "kling-v2.6", mode: "pro", audio: "native" }, [5, 10], true],
  ["video", { model: "kling-v2.6", mode: "pro", audio: "voice" }, [5, 10], true],
  ["video", { model: "kling-v3", mode: "std", audio: "none", resolution: "720p" }, [3, 15], true],
  ["video", { model: "kling-v3", mode: "std", audio: "native", resolution: "720p" }, [3, 15], true],
  ["video", { model: "kling-v3", mode: "std", audio: "voice", resolution: "720p" }, [3, 15], true],
  ["video", { model: "kling-v3", mode: "pro", audio: "none", resolution: "1080p" }, [3, 15], true],
  ["video", { model: "kling-v3", mode: "pro", audio: "native", resolution: "1080p" }, [3, 15], true],
  ["video", { model: "kling-v3", mode: "pro", audio: "voice", resolution: "1080p" }, [3, 15], true],
  ["video", { model: "kling-v3", mode: "std", audio: "none", resolution: "4k" }, [3, 15], true],
  ["video", { model: "kling-v3", mode: "pro", audio: "native", resolution: "4k" }, [3, 15], true],
  ["video", { model: "kling-v3-omni", mode: "std", audio: "none", resolution: "720p", input: "text-image" }, [3, 15], false],
  ["video", { model: "kling-v3-omni", mode: "pro", audio: "native", resolution: "1080p", input: "text-image" }, [3, 15], false],
  ["video", { model: "kling-v3-omni", mode: "pro", audio: "none", resolution: "1080p", input: "video-edit" }, [3, 15], false],
  ["video", { model: "kling-v3-omni", mode: "pro", audio: "none", resolution: "4k", input: "text-image" }, [3, 15], true],
  ["video", { model: "kling-v3-turbo", mode: "std", audio: "native" }, [3, 15], true],
  ["video", { model: "kling-v3-turbo", mode: "pro", audio: "native" }, [3, 15], true],
  ["video", { model: "kling-video-o1", mode: "pro", input: "text-image" }, [5, 10], false],
  ["lip-sync", {}, null, true],
  ["video-to-audio", {}, null, true],
  ["image", { model: "kling-image-o1", resolution: "1k-2k" }, null, false],
  ["image", { model: "kling-image-o1", resolution: "4k" }, null, false],
  ["image", { model: "kling-v3-image", resolution: "1k-2k", input: "text-image" }, null, false],
  ["image", { model: "kling-v3-image", resolution: "1k-2k", input: "image-edit" }, null, false],
  ["text-to-image", { model: "kolors-v2.1" }, null, false],
];
const IMAGE_SERVICES = new Set(["image", "text-to-image"]);
const DAYS = [30, 45, 60, 90, 120, 180, 270, 365];

/** mulberry32-style generator: uniform floats in [0, 1) from a 32-bit state. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` inputs { mix, options } for plan(), the same for the same (count, seed). */
export function stressInputs(count = 300, seed = 12) {
  const r = rng(seed);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const chance = (p) => r() < p;
  const logUniform = (lo, hi) => Math.exp(Math.log(lo) + r() * (Math.log(hi) - Math.log(lo)));
  const out = [];
  for (let i = 0; i < count; i++) {
    const perUse = r();
    const perUseSource = perUse < 0.45 ? "fal" : perUse < 0.7 ? "rate" : null;
    const falOnly = perUseSource === "fal" && chance(0.8);

    const lines = [];
    for (let n = int(1, 4); lines.length < n; ) {
      const [service, fields, durations, fal] = pick(LINES);
      if (falOnly && !fal && !IMAGE_SERVICES.has(service)) continue;
      const image = IMAGE_SERVICES.has(service);
      const line = { service, ...fields, quantity: Math.round(image ? logUniform(50, 40000) : logUniform(5, 4000)) };
      if (durations) line.duration = durations.length === 2 && durations[0] === 5 ? pick(durations) : int(durations[0], durations[1]);
      if (service === "lip-sync") line.videoSeconds = int(1, 120);
      if (chance(0.2)) line.attemptsPerKept = (1.1 + Math.round(r() * 9) / 10).toFixed(1);
      lines.push(line);
    }
    const images = lines.some((l) => IMAGE_SERVICES.has(l.service));

    const horizonMonths = chance(0.4) ? 36 : int(1, 35);
    // At most 1,000 times month 1's demand in the last month (+21.5 % a month over 36 months):
    // faster growth soon passes the planner's limit of 10^10 units a month, which it refuses.
    const most = horizonMonths > 1 ? Math.floor((1000 ** (1 / (horizonMonths - 1)) - 1) * 200) / 2 : 50;
    const options = { horizonMonths, growthPercent: chance(1 / 6) ? 0 : Math.min(-20 + int(0, 140) / 2, most) };
    if (chance(0.25)) options.trialsUsed = true;

    const quotes = [];
    const nQuotes = chance(0.25) ? 0 : chance(0.5) ? 1 : 2;
    for (let q = 0; q < nQuotes; q++) {
      const pool = images && chance(1 / 3) ? "image" : "video";
      const units = Math.round(logUniform(5000, 300000)) + int(1, 997);
      const perUnit = pool === "video" ? 0.09 + r() * 0.06 : 0.0022 + r() * 0.0018;
      const quote = {
        pool,
        name: `Quote ${q + 1}`,
        price: (Math.round(units * perUnit * 100) / 100).toFixed(2),
        units,
        validityDays: chance(0.5) ? pick(DAYS) : int(30, 365),
      };
      if (chance(1 / 3)) quote.concurrency = int(5, 20);
      quotes.push(quote);
    }
    if (images && chance(0.5)) options.packs = [{ pool: "image", name: "Image pack", price: 70, units: 20000, validityDays: 30 }];

    if (chance(1 / 3)) {
      options.balances = [{ pool: "video", units: Math.round(logUniform(100, 50000)), daysLeft: int(0, 365) }];
      if (chance(0.1)) options.balances.push({ pool: "image", units: Math.round(logUniform(1000, 200000)), daysLeft: int(0, 365) });
    }

    if (chance(0.25)) {
      const jobsPerHour = int(6, 120);
      const minutesPerJob = pick([0.5, 1, 2, 3, 4]);
      const tasks = Math.ceil((jobsPerHour * minutesPerJob) / 60); // at most 8
      options.peak = { pool: "video", jobsPerHour, minutesPerJob };
      if (tasks > 5 && chance(0.7)) {
        const units = Math.round(logUniform(20000, 200000)) + int(1, 997);
        quotes.push({ pool: "video", name: "Quote (peak)", price: (Math.round(units * 0.13 * 100) / 100).toFixed(2), units, validityDays: pick(DAYS), concurrency: 10 });
      }
    }
    if (quotes.length) options.quotes = quotes;

    if (perUseSource === "rate") {
      options.perUseSource = "rate";
      options.perUseRate = [{ pool: "video", price: (0.1 + r() * 0.1).toFixed(4) }];
      if (images) options.perUseRate.push({ pool: "image", price: (0.0025 + r() * 0.0025).toFixed(5) });
    } else if (perUseSource) {
      options.perUseSource = perUseSource;
    }

    const demandByMonth = forecast(rng(seed * 7919 + i), horizonMonths);
    if (demandByMonth) options.demandByMonth = demandByMonth;

    out.push({ mix: { edition: "kling-2026", lines }, options });
  }
  return out;
}

/** A forecast for about one input in three (see the header), or null. */
function forecast(r, months) {
  const kind = r();
  if (kind >= 1 / 3) return null;
  const at = Math.floor(r() * months);
  const k = Array(months).fill(1);
  if (kind < 1 / 9) {
    k[at] = 2 + Math.floor(r() * 4);
  } else if (kind < 2 / 9) {
    const level = r() < 0.5 ? 0 : 0.5;
    k[at] = level;
    if (at + 1 < months && r() < 0.5) k[at + 1] = level;
  } else {
    for (let m = 0; m < months; m++) if ((m - at + 12) % 12 < 3) k[m] = 1.5;
  }
  return k;
}
