//! Chart panels. The SVG is drawn by `core::chart` from the current figures.

use crate::app::state::AppState;
use crate::core::chart;
use leptos::html::div;
use leptos::prelude::*;
use leptos::tachys::html::element::{InnerHtmlAttribute, InnerHtmlValue};
use web_sys::Element;

/// A chart's markup in the pieces of [`chart::bar_chart_parts`] and its description as plain
/// text, set as an element's inner HTML. An update re-parses only the children of the `<svg>`
/// that changed (the description is set as text), so an edit that moves one bar does not
/// rebuild a hundred; anything else (another bar count, another size) is drawn afresh. The
/// element ends up as if the whole markup had been set.
///
/// The pieces drawn last are kept joined by NUL characters, which chart markup never holds, so
/// the state has the same type as a plain string's (one copy of Leptos's effect code for both).
#[derive(Clone)]
struct ChartMarkup(Vec<String>, String);

/// The pieces as kept between updates: each followed by a NUL.
fn kept(parts: &[String]) -> String {
    let mut s = String::new();
    for p in parts {
        s.push_str(p);
        s.push('\0');
    }
    s
}

impl InnerHtmlValue for ChartMarkup {
    type AsyncOutput = Self;
    type State = (Element, String);
    type Cloneable = Self;
    type CloneableOwned = Self;

    fn html_len(&self) -> usize {
        self.0.iter().map(String::len).sum()
    }

    fn to_html(self, buf: &mut String) {
        buf.push_str(&chart::concat(&self.0));
    }

    fn to_template(_buf: &mut String) {}

    fn hydrate<const FROM_SERVER: bool>(self, el: &Element) -> Self::State {
        self.build(el)
    }

    fn build(self, el: &Element) -> Self::State {
        el.set_inner_html(&chart::concat(&self.0));
        (el.clone(), kept(&self.0))
    }

    fn rebuild(self, (el, old): &mut Self::State) {
        let new = &self.0;
        let same_frame =
            old.split_terminator('\0').count() == new.len() && old.split_terminator('\0').next() == Some(&new[0]);
        match el.first_element_child().filter(|_| same_frame) {
            Some(svg) => {
                // The start tag and `</svg>` are unchanged: walk the children in step with the pieces.
                let mut child = svg.first_element_child();
                for (i, (o, n)) in old
                    .split_terminator('\0')
                    .skip(1)
                    .zip(&new[1..new.len() - 1])
                    .enumerate()
                {
                    let Some(c) = child else { break };
                    child = c.next_element_sibling();
                    if o != n {
                        // The second child is the `<desc>`: one text node, no markup.
                        if i == 1 {
                            c.set_text_content(Some(&self.1));
                        } else {
                            c.set_outer_html(n);
                        }
                    }
                }
            }
            None => el.set_inner_html(&chart::concat(new)),
        }
        *old = kept(new);
    }

    fn into_cloneable(self) -> Self {
        self
    }

    fn into_cloneable_owned(self) -> Self {
        self
    }

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self {
        self
    }
}

/// Where the money goes, by job line.
#[component]
pub fn LineChart() -> impl IntoView {
    let state = expect_context::<AppState>();
    let svg = move || {
        let total = state.sums.read().total_value;
        let bars: Vec<_> = state
            .lines
            .read()
            .iter()
            .enumerate()
            .filter_map(|(i, l)| match &*l.priced.read() {
                Ok(e) => Some(chart::line_bar(i, e, total)),
                Err(_) => None,
            })
            .collect();
        let (parts, desc) = chart::value_by_line_parts(&bars);
        ChartMarkup(parts, desc)
    };
    view! {
        <figure class="kp-figure" data-testid="chart-lines">
            <figcaption>"Where the money goes (list value per month, by line)"</figcaption>
            {div().inner_html(svg)}
        </figure>
    }
}
