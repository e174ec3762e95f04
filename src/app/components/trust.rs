//! Where the numbers come from: edition, date, sources, assumptions and known contradictions.

use crate::app::state::AppState;
use crate::core::report;
use leptos::prelude::*;

/// The sources-and-assumptions panel.
#[component]
pub fn Trust() -> impl IntoView {
    let cat = expect_context::<AppState>().catalog;
    view! {
        <section class="kp-trust" aria-labelledby="kp-trust-h">
            <h2 id="kp-trust-h">"Where these numbers come from"</h2>
            <div inner_html=report::trust_html(cat)></div>
        </section>
    }
}
