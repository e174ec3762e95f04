//! Where the numbers come from: edition, date, sources, assumptions and known contradictions.

use crate::app::state::AppState;
use crate::core::catalog::Status;
use leptos::prelude::*;

/// The sources-and-assumptions panel.
#[component]
pub fn Trust() -> impl IntoView {
    let cat = expect_context::<AppState>().catalog;
    let contradictions: Vec<String> = cat
        .services
        .iter()
        .flat_map(|s| {
            s.rows
                .iter()
                .filter(|r| r.provenance.status == Status::Contradicted)
                .map(move |r| {
                    let opts: Vec<&str> = r.model.iter().chain(r.mode.iter()).map(|o| cat.label(o)).collect();
                    format!("{} ({}): {}", s.name, opts.join(", "), r.provenance.note.unwrap_or(""))
                })
        })
        .collect();
    view! {
        <section class="kp-trust" aria-labelledby="kp-trust-h">
            <h2 id="kp-trust-h">"Where these numbers come from"</h2>
            <p>
                "Catalog " <strong>{cat.edition}</strong> ": " {cat.title} ", as of " {cat.as_of}
                ", checked against Kling's official pages in " {cat.checked} "."
            </p>
            <h3>"Assumptions"</h3>
            <ul data-testid="assumptions">{cat.assumptions.iter().map(|a| view! { <li>{*a}</li> }).collect_view()}</ul>
            <h3>"Known contradictions"</h3>
            <ul data-testid="contradictions">{contradictions.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            <h3>"Sources"</h3>
            <ul>
                {cat
                    .sources
                    .iter()
                    .map(|s| {
                        let title = s.title;
                        let kind = s.kind;
                        if s.url.is_empty() {
                            view! { <li>{title} " — " {kind}</li> }.into_any()
                        } else {
                            view! { <li><a href=s.url rel="noopener noreferrer">{title}</a> " — " {kind}</li> }.into_any()
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
