//! The plan settings' messages. The form is part of the shell (`form::settings_html`) and
//! its boxes keep what is typed; this writes each field's message when it changes.

use super::{root_el, Root};
use crate::app::state::AppState;
use crate::app::{dom, effect};
use kling_pricing::draft::OptionError;
use kling_pricing_render::form;
use leptos::prelude::*;

/// Keeps every settings field's message in step with the checked settings.
pub fn messages(state: AppState, root: Root) {
    let mut last: Vec<OptionError> = Vec::new();
    effect(move || {
        let now = state.parsed_options.with(|(_, errs)| errs.clone());
        let Some(root) = root_el(root) else { return };
        let message = |errs: &[OptionError], key: &str| errs.iter().find(|e| e.key == key).map(|e| e.message.clone());
        for e in last.iter().chain(&now) {
            let m = message(&now, &e.key);
            if message(&last, &e.key) != m {
                dom::show_message(&root, &form::setting_id(&e.key), m.as_deref());
            }
        }
        last = now;
    });
}
