//! A link's state for the tests of one link parameter: a kling-2026 calculation of one Video
//! 3.0 Professional line (10 s, 400 a month), with the default settings.

use kling_pricing::share::ShareState;
use kling_pricing::DraftLine;

pub fn one_v3_pro_line() -> ShareState {
    ShareState {
        edition: "kling-2026".into(),
        lines: vec![DraftLine {
            service: "video".into(),
            model: "kling-v3".into(),
            mode: "pro".into(),
            duration: "10".into(),
            quantity: "400".into(),
            attempts_per_kept: "1".into(),
            ..Default::default()
        }],
        ..Default::default()
    }
}
