// The page's planner, off its thread (src/app/planner.rs): the planner's own wasm module
// (crates/planner), loaded once, answering each request { id, name, query } with
// { id, json }. Requests that arrive while one runs wait, each replacing the one of its kind
// before it: a run takes only the latest.
import init, * as planner from "./kling-pricing-planner.js";

const ready = init();
const latest = new Map();
let busy = false;

self.onmessage = (e) => {
  latest.set(e.data.name, e.data);
  if (!busy) {
    busy = true;
    setTimeout(run, 0);
  }
};

async function run() {
  await ready;
  for (const [name, { id, query }] of latest) {
    latest.delete(name);
    self.postMessage({ id, json: planner[name](query) });
  }
  busy = false;
  if (latest.size > 0) {
    busy = true;
    setTimeout(run, 0);
  }
}
