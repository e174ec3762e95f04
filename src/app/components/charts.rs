//! Chart panels. The SVG is drawn by `core::chart` from the current figures.

use crate::app::state::AppState;
use crate::core::chart;
use leptos::prelude::*;

/// Where the money goes, by job line.
#[component]
pub fn LineChart() -> impl IntoView {
    let state = expect_context::<AppState>();
    let svg = Memo::new(move |_| state.estimate.with(chart::value_by_line));
    view! {
        <figure class="kp-figure" data-testid="chart-lines">
            <figcaption>"Where the money goes (list value per month, by line)"</figcaption>
            <div inner_html=svg></div>
        </figure>
    }
}
