//! Units and list value per pool and in total.

use crate::app::state::AppState;
use crate::core::format;
use crate::core::Pool;
use leptos::prelude::*;

/// The totals panel.
#[component]
pub fn Totals() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cat = state.catalog;
    let excluded = Memo::new(move |_| state.priced.with(|p| p.iter().filter(|(_, r)| r.is_err()).count()));
    view! {
        <section class="kp-totals" aria-labelledby="kp-totals-h">
            <h2 id="kp-totals-h">"Per month, at list price"</h2>
            <dl class="kp-pools">
                {Pool::ALL
                    .into_iter()
                    .map(|pool| {
                        let info = cat.pool(pool);
                        let t = Memo::new(move |_| state.estimate.with(|e| e.pool(pool).clone()));
                        view! {
                            <div class="kp-pool" data-testid=format!("pool-{}", pool.id())>
                                <dt>{info.name} " units"</dt>
                                <dd>
                                    <span class="kp-big" data-testid="pool-units">{move || format::units(t.get().units)}</span>
                                    <span class="kp-muted">
                                        " × " {format::usd(info.unit_price)} " = "
                                        <span data-testid="pool-value">{move || format::usd(t.get().value)}</span>
                                    </span>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
            <p class="kp-total">
                "List value: "
                <strong data-testid="total-value">{move || format::usd(state.estimate.with(|e| e.total_value))}</strong>
                " a month"
            </p>
            <Show when=move || { excluded.get() > 0 }>
                <p class="kp-warning" role="status" data-testid="excluded-note">
                    {move || {
                        let n = excluded.get();
                        format!("{n} line{} with a problem {} not counted above.", if n == 1 { "" } else { "s" }, if n == 1 { "is" } else { "are" })
                    }}
                </p>
            </Show>
        </section>
    }
}
