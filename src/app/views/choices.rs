//! What a job line's editor offers and says, worked out from the catalog and the line as typed:
//! the choices of each select, which number boxes apply, a box's message, the line's share of
//! the total. Pure functions, tested natively; the editor ([`super::lines`]) shows them.

use kling_pricing::catalog::{Catalog, Service, Variant};
use kling_pricing::draft::DraftLine;
use kling_pricing::error::{Field, InputError};
use kling_pricing::estimate::LineEstimate;
use kling_pricing::fields::LineField;
use rust_decimal::Decimal;

/// A priced line, or the problems that keep it out of the totals.
pub type Priced = Result<LineEstimate, Vec<InputError>>;

/// One `<option>` of a select.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The element id of `field` of line `line` (`kp-l7-quantity`), for its label and message.
pub fn line_field_id(line: u32, field: &str) -> String {
    format!("kp-l{line}-{field}")
}

/// The choices of `choices` (value, label) with `current` selected. A current value that is not
/// among them (a line kept from another edition, or a link's unknown model) comes first,
/// marked, and selected: the select shows what the line holds, never a choice the line does not
/// have. No choices, none at all: the select does not apply.
pub fn options(choices: Vec<(String, String)>, current: &str) -> Vec<Choice> {
    let kept = !choices.is_empty() && !current.is_empty() && !choices.iter().any(|(value, _)| value == current);
    let kept = kept.then(|| Choice {
        value: current.to_string(),
        label: format!("{current} (not in this edition)"),
        selected: true,
    });
    kept.into_iter()
        .chain(choices.into_iter().map(|(value, label)| Choice {
            selected: value == current,
            value,
            label,
        }))
        .collect()
}

/// The choices of select `field` for `draft`: what the catalog prices given the choices before
/// it, with the current one selected. Empty when the select does not apply (a service without
/// models, an unknown service), and the editor hides it.
pub fn select_choices(catalog: &Catalog, draft: &DraftLine, field: &LineField) -> Vec<Choice> {
    let labelled = |ids: Vec<&'static str>| {
        let choices = ids
            .into_iter()
            .map(|id| (id.to_string(), catalog.label(id).to_string()))
            .collect();
        options(choices, (field.get)(draft))
    };
    let given = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_string);
    let (model, mode) = (given(&draft.model), given(&draft.mode));
    let service = catalog.service(&draft.service);
    match (field.field, service) {
        (Field::Service, _) => {
            let services = catalog
                .services
                .iter()
                .map(|s| (s.id.to_string(), s.name.to_string()))
                .collect();
            options(services, &draft.service)
        }
        (Field::Model, Some(s)) => model_choices(catalog, s, &draft.model),
        (Field::Audio | Field::Resolution | Field::Input, Some(_)) => {
            let variant = Variant::ALL.into_iter().find(|v| v.id() == field.id);
            labelled(variant.map_or_else(Vec::new, |v| draft.variant_choices(catalog, v)))
        }
        (Field::Mode, Some(s)) => labelled(s.modes(model.as_deref())),
        (Field::Duration, Some(s)) => {
            let durations = s
                .durations(model.as_deref(), mode.as_deref())
                .into_iter()
                .map(|d| (d.to_string(), format!("{d} s")))
                .collect();
            options(durations, draft.duration.trim())
        }
        _ => Vec::new(),
    }
}

/// The model select's choices, a retired model marked with its date: someone planning ahead
/// must see that the model stops, before picking it. Only editions that retire a model mark it.
fn model_choices(catalog: &Catalog, service: &Service, current: &str) -> Vec<Choice> {
    let choices = service
        .models()
        .into_iter()
        .map(|id| {
            let label = catalog.label(id);
            let label = match service.retirement(Some(id)) {
                Some(r) => format!("{label} (retired {})", r.date),
                None => label.to_string(),
            };
            (id.to_string(), label)
        })
        .collect();
    options(choices, current)
}

/// Whether number box `field` applies to `draft`: the video length only to a line that gives
/// an input video (a lip-sync, a model given a reference video), the user's own units only
/// where the catalog's are a guess, every other box always.
pub fn number_applies(catalog: &Catalog, draft: &DraftLine, field: &LineField) -> bool {
    match field.field {
        Field::VideoSeconds => draft.takes_video_seconds(catalog),
        Field::OwnUnits => draft.guessed(catalog),
        _ => true,
    }
}

/// The message of box `field`, without the "line N:" prefix; `None` when the field is fine.
pub fn number_message(priced: &Priced, field: &LineField) -> Option<String> {
    let errs = priced.as_ref().err()?;
    let msgs: Vec<&str> = errs
        .iter()
        .filter(|e| e.field == field.field)
        .map(|e| without_line(&e.message))
        .collect();
    (!msgs.is_empty()).then(|| msgs.join("; "))
}

/// A message without its "line N, field:" prefix (the editor shows which line).
pub fn without_line(message: &str) -> &str {
    message.split_once(": ").map(|(_, m)| m).unwrap_or(message)
}

/// Messages that belong to no single input box of the line (service, model, mode, duration).
pub fn line_level(errs: &[InputError]) -> impl Iterator<Item = &InputError> {
    errs.iter()
        .filter(|e| !matches!(e.field, Field::Quantity | Field::VideoSeconds | Field::AttemptsPerKept))
}

/// A line's share of the mix's list value `total` ("12.5% of the total"); empty while the line
/// has a problem.
pub fn share_text(priced: &Priced, total: Decimal) -> String {
    match priced {
        Ok(e) => format!("{} of the total", kling_pricing_render::chart::percent(e.value, total)),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kling_pricing::default_catalog;
    use kling_pricing::fields::line_field;

    fn row(id: &str) -> &'static LineField {
        line_field(id).unwrap()
    }

    fn values(choices: &[Choice]) -> Vec<&str> {
        choices.iter().map(|c| c.value.as_str()).collect()
    }

    fn selected(choices: &[Choice]) -> Option<&str> {
        choices.iter().find(|c| c.selected).map(|c| c.value.as_str())
    }

    #[test]
    fn a_line_offers_only_what_the_catalog_prices() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 400);
        d.set_model(cat, "v2.1-master");
        assert_eq!(selected(&select_choices(cat, &d, row("model"))), Some("v2.1-master"));
        // V2.1 Master has no modes: the select has no choices, and the editor hides it.
        assert!(select_choices(cat, &d, row("mode")).is_empty());
        let shown = |d: &DraftLine| ["quantity", "seconds", "attempts"].map(|f| number_applies(cat, d, row(f)));
        assert_eq!(shown(&d), [true, false, true]);
        let lip = DraftLine::for_service(cat, "lip-sync", 60);
        assert_eq!(shown(&lip), [true, true, true]);
        assert!(select_choices(cat, &lip, row("model")).is_empty());
    }

    /// A value the choices do not hold is kept, first and marked.
    #[test]
    fn a_value_not_offered_is_kept_and_marked() {
        let choices = options(vec![("a".into(), "A".into()), ("b".into(), "B".into())], "zz");
        assert_eq!(values(&choices), ["zz", "a", "b"]);
        assert_eq!(choices[0].label, "zz (not in this edition)");
        assert_eq!(selected(&choices), Some("zz"));
        assert!(options(Vec::new(), "zz").is_empty());
    }

    /// A retired model is marked in the model select only in an edition that retires it.
    #[test]
    fn the_model_select_marks_retired_models() {
        let seed = default_catalog();
        let d = DraftLine::for_service(seed, "video", 1);
        assert!(!select_choices(seed, &d, row("model"))
            .iter()
            .any(|c| c.label.contains("retired")));
        let cat = kling_pricing::catalog::edition("kling-2026").unwrap();
        let models = select_choices(cat, &DraftLine::for_service(cat, "video", 1), row("model"));
        let label = |v: &str| models.iter().find(|c| c.value == v).map(|c| c.label.as_str());
        assert_eq!(label("v2.1"), Some("Kling V2.1 (retired 2026-09-15)"));
        assert!(label("kling-v3").is_some_and(|l| !l.contains("retired")));
    }

    /// The variant selects offer what the line's model offers, labelled from the catalog, and
    /// have no choices for a model without variants.
    #[test]
    fn variant_selects_offer_the_models_variants() {
        let seed = default_catalog();
        let d = DraftLine::for_service(seed, "video", 1);
        for id in ["audio", "resolution", "input"] {
            assert!(select_choices(seed, &d, row(id)).is_empty(), "{id}");
        }
        let cat = kling_pricing::catalog::edition("kling-2026").unwrap();
        let mut d = DraftLine::for_service(cat, "video", 1);
        d.set_model(cat, "kling-v3");
        d.set_mode(cat, "pro");
        d.audio = "native".into();
        let audio = select_choices(cat, &d, row("audio"));
        assert_eq!(audio.len(), 3);
        assert!(audio.contains(&Choice {
            value: "native".into(),
            label: "Native audio".into(),
            selected: true
        }));
        assert_eq!(select_choices(cat, &d, row("resolution")).len(), 2);
        assert!(select_choices(cat, &d, row("input")).is_empty());
    }

    #[test]
    fn bad_text_is_kept_and_explained_on_its_field() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "lip-sync", 60);
        d.video_seconds = r#""><b>"#.into();
        let p = d.price(cat, 0);
        assert_eq!(number_message(&p, row("quantity")), None);
        assert_eq!(
            number_message(&p, row("seconds")).as_deref(),
            Some(r#"videoSeconds ""><b>" is not a number"#)
        );
    }
}
