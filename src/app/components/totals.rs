//! Units and list value per pool and in total (markup from `core::report`).

use crate::app::state::AppState;
use crate::core::report;
use leptos::prelude::*;

/// The totals panel.
#[component]
pub fn Totals() -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = Memo::new(move |_| {
        let excluded = state.lines.read().iter().filter(|l| l.priced.read().is_err()).count();
        state.sums.with(|e| report::totals_html(state.catalog, e, excluded))
    });
    view! {
        <section class="kp-totals" aria-labelledby="kp-totals-h">
            <h2 id="kp-totals-h">"Per month, at list price"</h2>
            <div aria-live="polite" inner_html=html></div>
        </section>
    }
}
