//! The planner off the page's thread, so typing never waits for it.
//!
//! A plan's time is its searches (up to a few hundred milliseconds for a long horizon with
//! quotes); the rest takes a few milliseconds. A module worker (`assets/planner.js`)
//! instantiates this same build (the page hands it the compiled module) and, for each
//! calculation the page sends it as a link's query, runs the plan recording its searches
//! ([`plan_searches`]). The page then plans again on its own thread, replaying the record
//! (`kling_pricing::plan::Searches`): the same answer in well under a millisecond. Until the
//! record comes, the page shows the plan it has.
//!
//! A record made for other input is not used (each search is checked against it), and a worker
//! that fails hands back an empty record: either way the page runs the searches itself, on its
//! own thread. The widget, built without a page of files beside it, never starts one.

use super::state::plan_input_of;
use kling_pricing::plan::Searches;
use kling_pricing::{catalog, default_catalog, per_use, share};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker's script, beside the page.
const SCRIPT: &str = "planner.js";

/// A request's number and what to do with its record.
type Waiting = (u32, Box<dyn FnOnce(Vec<u64>)>);

thread_local! {
    /// Whether the page may plan in a worker ([`enable`]); false again once one has failed.
    static ENABLED: Cell<bool> = const { Cell::new(false) };
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// The last request's number and what to do with its record: the worker answers only the
    /// last it was sent, and an answer to any other is dropped.
    static WAITING: RefCell<Option<Waiting>> = const { RefCell::new(None) };
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// The record of the searches of the plan for the calculation `query` (a link's query part, as
/// the page writes it), made the way the page makes its plan. The worker's entry point.
#[wasm_bindgen]
pub fn plan_searches(query: &str) -> Vec<u64> {
    let decoded = share::decode(query);
    let catalog = catalog::edition(&decoded.state.edition).unwrap_or_else(default_catalog);
    let (units, jobs) = plan_input_of(catalog, &decoded.state.lines);
    let (options, _) = decoded.state.options.to_options();
    let mut searches = Searches::record();
    // Input the planner refuses has no searches: the page tells the error itself.
    let _ = per_use::plan_mix_with(catalog, &units, &jobs, &options, &mut searches);
    searches.into_record()
}

/// Lets the page plan in a worker, started when the first plan is asked for (after the page's
/// first frames: loading it then would compete with them), not before.
pub fn enable() {
    ENABLED.set(true);
}

/// Starts the worker; false where there is none to start (no page beside the script, say).
fn start() -> bool {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let Ok(worker) = Worker::new_with_options(SCRIPT, &options) else {
        return false;
    };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|e: MessageEvent| {
        let data = e.data();
        let id = js_sys::Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64());
        let record = js_sys::Reflect::get(&data, &"record".into())
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::BigUint64Array>().ok());
        if let (Some(id), Some(record)) = (id, record) {
            answer(id as u32, record.to_vec());
        }
    });
    // A worker that fails (its script missing, its wasm refused) is given up: the request
    // waiting gets an empty record, so the page plans on its own thread.
    let on_error = Closure::<dyn Fn()>::new(|| {
        ENABLED.set(false);
        if let Some(worker) = WORKER.with(|w| w.borrow_mut().take()) {
            worker.terminate();
        }
        if let Some((_, then)) = WAITING.with(|w| w.borrow_mut().take()) {
            then(Vec::new());
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
    // The page's compiled module, so the worker neither fetches nor compiles the wasm again.
    let first = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&first, &"module".into(), &wasm_bindgen::module());
    if worker.post_message(&first).is_err() {
        worker.terminate();
        return false;
    }
    WORKER.with(|w| *w.borrow_mut() = Some(worker));
    true
}

/// Asks the worker for the record of the plan for `query`; `then` gets it. False when there is
/// no worker (`then` is dropped): not enabled, or it could not start or failed.
pub fn ask(query: &str, then: impl FnOnce(Vec<u64>) + 'static) -> bool {
    if !ENABLED.get() {
        return false;
    }
    if WORKER.with(|w| w.borrow().is_none()) && !start() {
        ENABLED.set(false);
        return false;
    }
    let id = NEXT.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let message = js_sys::Object::new();
    let posted = WORKER.with(|w| {
        let w = w.borrow();
        let Some(worker) = w.as_ref() else {
            return false;
        };
        let _ = js_sys::Reflect::set(&message, &"id".into(), &id.into());
        let _ = js_sys::Reflect::set(&message, &"query".into(), &query.into());
        worker.post_message(&message).is_ok()
    });
    if posted {
        WAITING.with(|w| *w.borrow_mut() = Some((id, Box::new(then))));
    }
    posted
}

/// Drops the request waiting, if any: its record, when it comes, is for input no longer asked
/// for (the lines went back to what the plan shown is for).
pub fn cancel() {
    WAITING.with(|w| w.borrow_mut().take());
}

/// Hands the record of request `id` to whoever waits for it, if it is the last request.
fn answer(id: u32, record: Vec<u64>) {
    let then = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        match w.as_ref() {
            Some((last, _)) if *last == id => w.take().map(|(_, then)| then),
            _ => None,
        }
    });
    if let Some(then) = then {
        then(record);
    }
}
