// The planner module on the page's own thread, where no worker may start (src/app/planner.rs):
// loaded once, on the first request.
let loaded = null;

export function askHere(url, name, query) {
  loaded ??= import(url).then(async (planner) => {
    await planner.default();
    return planner;
  });
  return loaded.then((planner) => planner[name](query));
}
