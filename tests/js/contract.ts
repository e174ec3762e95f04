// Type-checked against pkg/kling_pricing.d.ts by tests/js/types.test.mjs: docs/api.md's example
// must compile, so the published TypeScript contract cannot drift from the documentation.
import init, { catalog, estimate, validate } from "../../pkg/kling_pricing.js";
import type { Catalog, Estimate, InputProblem, JobMixInput } from "../../pkg/kling_pricing.js";

export async function example(): Promise<string> {
  await init();
  const mix: JobMixInput = {
    lines: [
      { service: "video", model: "v2.1", mode: "pro", duration: 5, quantity: 400 },
      { service: "lip-sync", quantity: 60, videoSeconds: 30 },
      { service: "text-to-image", model: "kolors-v2.1", quantity: "5,000", attemptsPerKept: 1.2 },
    ],
  };
  const problems: InputProblem[] = validate(mix);
  if (problems.length > 0) return problems.map((p) => p.message).join("\n");
  const est: Estimate = estimate(mix);
  const cat: Catalog = catalog();
  const video = est.pools.find((p) => p.pool === "video");
  return `${cat.edition}: ${video?.units} video units, $${est.totalValue} a month`;
}
