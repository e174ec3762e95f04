//! A job line as a form holds it: text exactly as typed, so a bad entry is kept and shown with
//! its message instead of being lost. The cascade of choices (service → model → mode →
//! duration) is decided here, not in the view, so it is tested natively.

use super::catalog::Catalog;
use super::error::InputError;
use super::estimate::{price_line, LineEstimate};
use super::mix::{parse_line, JobLine, RawLine, RawNumber};

/// The text of every field of one job line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftLine {
    pub service: String,
    pub model: String,
    pub mode: String,
    pub duration: String,
    pub quantity: String,
    pub video_seconds: String,
    pub attempts_per_kept: String,
}

fn text(s: &str) -> Option<RawNumber> {
    let t = s.trim();
    (!t.is_empty()).then(|| RawNumber::Text(t.to_string()))
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

impl DraftLine {
    /// A line for `service` with its first priced options and the given quantity.
    pub fn for_service(catalog: &Catalog, service: &str, quantity: u64) -> DraftLine {
        let mut d = DraftLine {
            quantity: quantity.to_string(),
            attempts_per_kept: "1".into(),
            ..Default::default()
        };
        d.set_service(catalog, service);
        d
    }

    /// The form text of a checked line.
    pub fn from_line(line: &JobLine) -> DraftLine {
        DraftLine {
            service: line.service.clone(),
            model: line.model.clone().unwrap_or_default(),
            mode: line.mode.clone().unwrap_or_default(),
            duration: line.duration.map(|d| d.to_string()).unwrap_or_default(),
            quantity: line.quantity.to_string(),
            video_seconds: line.video_seconds.map(|d| d.to_string()).unwrap_or_default(),
            attempts_per_kept: line.attempts_per_kept.normalize().to_string(),
        }
    }

    /// The loose input the core checks.
    pub fn to_raw(&self) -> RawLine {
        RawLine {
            service: opt(&self.service),
            model: opt(&self.model),
            mode: opt(&self.mode),
            duration: text(&self.duration),
            quantity: Some(RawNumber::Text(self.quantity.trim().to_string())),
            video_seconds: text(&self.video_seconds),
            attempts_per_kept: text(&self.attempts_per_kept),
        }
    }

    /// Checks and prices the line (`index` from 0, for messages).
    pub fn price(&self, catalog: &Catalog, index: usize) -> Result<LineEstimate, Vec<InputError>> {
        let line = parse_line(catalog, &self.to_raw())
            .map_err(|es| es.into_iter().map(|e| e.at_line(index)).collect::<Vec<_>>())?;
        price_line(catalog, index, &line).map_err(|e| vec![e])
    }

    /// Switches service, keeping the model, mode and duration where the new service offers them.
    pub fn set_service(&mut self, catalog: &Catalog, service: &str) {
        self.service = service.to_string();
        self.cascade(catalog);
        if let Some(s) = catalog.service(service) {
            if s.takes_video_seconds() && self.video_seconds.trim().is_empty() {
                self.video_seconds = "30".into();
            }
            if !s.takes_video_seconds() {
                self.video_seconds.clear();
            }
        }
    }

    /// Switches model and re-picks mode and duration if they are no longer offered.
    pub fn set_model(&mut self, catalog: &Catalog, model: &str) {
        self.model = model.to_string();
        self.cascade(catalog);
    }

    /// Switches mode and re-picks the duration if it is no longer offered.
    pub fn set_mode(&mut self, catalog: &Catalog, mode: &str) {
        self.mode = mode.to_string();
        self.cascade(catalog);
    }

    /// Makes model, mode and duration a combination the catalog prices, changing as little as
    /// possible: each keeps its value when still offered, else takes the first choice.
    pub fn cascade(&mut self, catalog: &Catalog) {
        let Some(svc) = catalog.service(&self.service) else {
            return;
        };
        fn keep_or_first(current: &str, choices: &[&'static str]) -> String {
            if choices.contains(&current) {
                current.to_string()
            } else {
                choices.first().map(|s| s.to_string()).unwrap_or_default()
            }
        }
        self.model = keep_or_first(&self.model, &svc.models());
        let model = opt(&self.model);
        self.mode = keep_or_first(&self.mode, &svc.modes(model.as_deref()));
        let mode = opt(&self.mode);
        let durations: Vec<String> = svc
            .durations(model.as_deref(), mode.as_deref())
            .iter()
            .map(u32::to_string)
            .collect();
        let durations: Vec<&str> = durations.iter().map(String::as_str).collect();
        let current = self.duration.trim().to_string();
        self.duration = if durations.contains(&current.as_str()) {
            current
        } else {
            durations.first().map(|s| s.to_string()).unwrap_or_default()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::default_catalog;

    #[test]
    fn cascade_keeps_what_still_applies() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 10);
        d.set_model(cat, "v2.1");
        d.set_mode(cat, "pro");
        d.duration = "10".into();
        d.set_service(cat, "multi-elements");
        assert_eq!(
            (d.model.as_str(), d.mode.as_str(), d.duration.as_str()),
            ("v1.6", "pro", "10")
        );
        d.set_service(cat, "lip-sync");
        assert_eq!((d.model.as_str(), d.mode.as_str(), d.duration.as_str()), ("", "", ""));
        assert_eq!(d.video_seconds, "30");
        d.set_service(cat, "video");
        d.set_model(cat, "v2.1-master");
        assert_eq!(d.mode, "");
        assert_eq!(d.video_seconds, "");
    }

    #[test]
    fn bad_text_is_kept_and_explained() {
        let cat = default_catalog();
        let mut d = DraftLine::for_service(cat, "video", 10);
        d.quantity = "-3".into();
        let errs = d.price(cat, 2).unwrap_err();
        assert_eq!(d.quantity, "-3");
        assert_eq!(errs[0].message, "line 3: quantity -3 is negative; it must be 0 or more");
    }

    #[test]
    fn round_trips_a_checked_line() {
        let cat = default_catalog();
        let d = DraftLine::for_service(cat, "lip-sync", 60);
        let est = d.price(cat, 0).unwrap();
        assert_eq!(DraftLine::from_line(&est.line), d);
    }
}
