//! The planner, off the page's critical path and off its thread.
//!
//! The planner, the break-even picture and what shows or exports a plan are a wasm module of
//! their own (`crates/planner`), so the page's first wasm carries only what the first input
//! needs. A module worker (`assets/planner.js`) loads it when the first plan is asked for and
//! answers each request, a calculation as a link's query, with text the page shows as it is:
//! the plan's parts ([`PlanAnswer`], as JSON), the break-even picture's markup, an export.
//! Where no worker may start (the widget, which has no page of files beside it, or a page whose
//! policy refuses workers), the module is loaded on the page's thread instead, on first use,
//! and asked the same way. Natively (the app's tests) and with the `inline-planner` feature
//! (the component tests, which have no files beside them) the planner runs right here.
//!
//! Only the last request of each kind is answered: an answer for input no longer asked for is
//! dropped.

use kling_pricing_render::answer::PlanAnswer;

/// What is asked of the planner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// The best plan, ready to show.
    Plan,
    /// The break-even picture's markup.
    BreakEven,
    /// The estimate and plan as CSV.
    ExportCsv,
    /// The estimate and plan as JSON.
    ExportJson,
}

impl Ask {
    /// The planner module's function for it.
    #[allow(dead_code)] // not called where the planner runs right here
    fn name(self) -> &'static str {
        match self {
            Ask::Plan => "plan",
            Ask::BreakEven => "breakEven",
            Ask::ExportCsv => "exportCsv",
            Ask::ExportJson => "exportJson",
        }
    }
}

/// Asks for the best plan of the calculation `query` (a link's query); `then` gets it, or what
/// kept the planner from answering, unless another plan is asked for first.
pub fn plan(query: &str, then: impl FnOnce(Result<PlanAnswer, String>) + 'static) {
    ask(Ask::Plan, query, move |text| {
        then(match text {
            Ok(json) if !json.is_empty() => {
                serde_json::from_str(&json).map_err(|e| format!("the planner's answer could not be read ({e})"))
            }
            Ok(_) => Err("the planner gave no answer".to_string()),
            Err(why) => Err(why),
        })
    });
}

/// Asks for `what` (not a plan) of the calculation `query`; `then` gets the text, or the markup
/// of why there is none.
pub fn text(what: Ask, query: &str, then: impl FnOnce(String) + 'static) {
    ask(what, query, move |text| {
        then(text.unwrap_or_else(|why| kling_pricing_render::report::planner_failed_html(&why)))
    });
}

/// The plan the build made for the calculation `query`, if index.html carries one for it
/// (`kling_pricing_render::prerender::opening_plan`).
pub fn opening_plan(query: &str) -> Option<PlanAnswer> {
    #[cfg(target_arch = "wasm32")]
    {
        #[derive(serde::Deserialize)]
        struct Opening {
            query: String,
            answer: PlanAnswer,
        }
        use kling_pricing_render::prerender::{PLAN_ID, ROOT_ID};
        let document = web_sys::window()?.document()?;
        let json = document.get_element_by_id(PLAN_ID)?.text_content()?;
        let opening: Opening = serde_json::from_str(&json).ok()?;
        // The plan's markup is the copy's own (`prerender::opening_plan`).
        let copy = document.get_element_by_id(ROOT_ID)?;
        let region = |name| crate::app::dom::region(&copy, name).map(|r| r.inner_html());
        (opening.query == query).then(|| PlanAnswer {
            plan: region("plan").unwrap_or_default(),
            charts: region("plan-charts").unwrap_or_default(),
            ..opening.answer
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = query;
        None
    }
}

/// Drops the plan asked for last, if it has not come: it is for input no longer shown.
pub fn cancel_plan() {
    #[cfg(all(target_arch = "wasm32", not(feature = "inline-planner")))]
    here::cancel(Ask::Plan);
}

/// Plans on the page's own thread, loading the planner module from `url` (the widget).
pub fn on_this_thread(url: String) {
    #[cfg(all(target_arch = "wasm32", not(feature = "inline-planner")))]
    here::on_this_thread(url);
    #[cfg(any(not(target_arch = "wasm32"), feature = "inline-planner"))]
    let _ = url;
}

/// Asks the planner for `what` of `query`; `then` gets the answer's text or why there is none.
fn ask(what: Ask, query: &str, then: impl FnOnce(Result<String, String>) + 'static) {
    #[cfg(all(target_arch = "wasm32", not(feature = "inline-planner")))]
    here::ask(what, query, move |text| {
        then(if text.is_empty() {
            Err("the planner's module could not be loaded".to_string())
        } else {
            Ok(text)
        })
    });
    #[cfg(any(not(target_arch = "wasm32"), feature = "inline-planner"))]
    then(Ok(right_here(what, query)));
}

/// What the planner's module answers, computed right here.
#[cfg(any(not(target_arch = "wasm32"), feature = "inline-planner"))]
fn right_here(what: Ask, query: &str) -> String {
    use kling_pricing_render::answer::to;
    match what {
        Ask::Plan => to::plan(query),
        Ask::BreakEven => to::break_even(query),
        Ask::ExportCsv => to::export(query, false),
        Ask::ExportJson => to::export(query, true),
    }
}

/// The worker, or the module on this thread, and the requests waiting for them.
#[cfg(all(target_arch = "wasm32", not(feature = "inline-planner")))]
mod here {
    use super::Ask;
    use std::cell::{Cell, RefCell};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

    /// The worker's script, beside the page.
    const SCRIPT: &str = "planner.js";

    /// The planner module's script, beside the page, for the page's own thread.
    const MODULE: &str = "kling-pricing-planner.js";

    /// A request's number, its query and what to do with its answer.
    type Waiting = (u32, String, Box<dyn FnOnce(String)>);

    thread_local! {
        /// Where the planner runs: `None` until the first request, then a worker or this thread.
        static WORKER: RefCell<Option<Result<Worker, ()>>> = const { RefCell::new(None) };
        /// The planner module's URL for this thread (the widget's comes with its options).
        static MODULE_URL: RefCell<Option<String>> = const { RefCell::new(None) };
        /// The last request of each kind ([`Ask::Plan`], [`Ask::BreakEven`]).
        static WAITING: [RefCell<Option<Waiting>>; 4] = const { [RefCell::new(None), RefCell::new(None), RefCell::new(None), RefCell::new(None)] };
        static NEXT: Cell<u32> = const { Cell::new(0) };
    }

    #[wasm_bindgen(module = "/src/app/planner_here.js")]
    extern "C" {
        /// Loads the planner module at `url` once, then calls its function `name` with `query`:
        /// a promise of the answer's JSON.
        #[wasm_bindgen(js_name = askHere)]
        fn ask_here(url: &str, name: &str, query: &str) -> js_sys::Promise;
    }

    /// Plans on this thread from now on, loading the planner module from `url` (the widget, which
    /// starts no worker).
    pub(super) fn on_this_thread(url: String) {
        MODULE_URL.with(|m| *m.borrow_mut() = Some(url));
        WORKER.with(|w| *w.borrow_mut() = Some(Err(())));
    }

    /// Asks the planner for `what` of the calculation `query` (a link's query part); `then` gets
    /// the answer's JSON, unless another request of the same kind is made first. An empty answer
    /// means the planner could not be reached.
    pub(super) fn ask(what: Ask, query: &str, then: impl FnOnce(String) + 'static) {
        let id = NEXT.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        });
        WAITING.with(|w| *w[what as usize].borrow_mut() = Some((id, query.to_string(), Box::new(then))));
        let worker = WORKER.with(|w| w.borrow_mut().get_or_insert_with(start).clone());
        match worker {
            Ok(worker) => {
                let message = js_sys::Object::new();
                let set = |k: &str, v: JsValue| js_sys::Reflect::set(&message, &k.into(), &v).is_ok();
                let posted = set("id", id.into())
                    && set("name", what.name().into())
                    && set("query", query.into())
                    && worker.post_message(&message).is_ok();
                if !posted {
                    given_up(&worker);
                    ask_here_then(id, what, query);
                }
            }
            Err(()) => ask_here_then(id, what, query),
        }
    }

    /// Drops the request of kind `what` waiting, if any: its answer, when it comes, is for input
    /// no longer asked for.
    pub(super) fn cancel(what: Ask) {
        WAITING.with(|w| w[what as usize].borrow_mut().take());
    }

    /// Starts the worker; `Err` where none may start (no script beside the page, a policy).
    fn start() -> Result<Worker, ()> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(SCRIPT, &options).map_err(|_| ())?;
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(|e: MessageEvent| {
            let data = e.data();
            let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
            let id = get("id").and_then(|v| v.as_f64());
            let json = get("json").and_then(|v| v.as_string());
            if let (Some(id), Some(json)) = (id, json) {
                answer(id as u32, json);
            }
        });
        // A worker that fails (its script or module missing or refused) is given up: what waits
        // is asked again on this thread.
        let on_error = Closure::<dyn Fn()>::new(|| {
            if let Some(Ok(worker)) = WORKER.with(|w| w.borrow().clone()) {
                given_up(&worker);
            }
            for what in [Ask::Plan, Ask::BreakEven, Ask::ExportCsv, Ask::ExportJson] {
                let waiting = WAITING.with(|w| w[what as usize].borrow().as_ref().map(|(id, q, _)| (*id, q.clone())));
                if let Some((id, query)) = waiting {
                    ask_here_then(id, what, &query);
                }
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_message.forget();
        on_error.forget();
        Ok(worker)
    }

    /// Stops using `worker`: later requests run on this thread.
    fn given_up(worker: &Worker) {
        worker.terminate();
        WORKER.with(|w| *w.borrow_mut() = Some(Err(())));
    }

    /// Asks the planner module on this thread for request `id`.
    fn ask_here_then(id: u32, what: Ask, query: &str) {
        let url = MODULE_URL.with(|m| m.borrow().clone()).unwrap_or_else(module_url);
        let done = Closure::once(move |json: JsValue| answer(id, json.as_string().unwrap_or_default()));
        let failed = Closure::once(move |_: JsValue| answer(id, String::new()));
        let _ = ask_here(&url, what.name(), query).then2(&done, &failed);
        done.forget();
        failed.forget();
    }

    /// The planner module beside the page (a dynamic import resolves against the script that
    /// makes it, so the URL is made absolute here).
    fn module_url() -> String {
        let base = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default();
        web_sys::Url::new_with_base(MODULE, &base)
            .map(|u| u.href())
            .unwrap_or_else(|_| MODULE.to_string())
    }

    /// Hands the answer of request `id` to whoever waits for it, if it is still the last of its kind.
    fn answer(id: u32, json: String) {
        let then = WAITING.with(|w| {
            w.iter().find_map(|slot| {
                let mut slot = slot.borrow_mut();
                match slot.as_ref() {
                    Some((last, ..)) if *last == id => slot.take().map(|(.., then)| then),
                    _ => None,
                }
            })
        });
        if let Some(then) = then {
            then(json);
        }
    }
}
