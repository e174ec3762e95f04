// The page's planner, off its thread (src/app/planner.rs): this same build, instantiated from the
// module the page compiled (its first message), asked for the record of each plan's searches.
// Requests that arrive while a plan runs wait until it ends, each replacing the one before: the
// next run takes only the last.
import init, { plan_searches } from "./kling-pricing-app.js";

let ready;
let latest = null;
let busy = false;

self.onmessage = (e) => {
  if (e.data.module) {
    ready = init({ module_or_path: e.data.module });
    return;
  }
  latest = e.data;
  if (!busy) {
    busy = true;
    setTimeout(run, 0);
  }
};

async function run() {
  await ready;
  const { id, query } = latest;
  latest = null;
  busy = false;
  self.postMessage({ id, record: plan_searches(query) });
}
