//! Input errors that say what was wrong and where: the line, the field, the value, the rule.

use crate::catalog::Durations;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// The field of the input a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "InputField"))]
pub enum Field {
    Edition,
    Lines,
    Service,
    Model,
    Mode,
    Audio,
    Resolution,
    Input,
    Duration,
    Quantity,
    VideoSeconds,
    AttemptsPerKept,
    /// The user's own units figure, in place of a guessed one.
    OwnUnits,
}

impl Field {
    /// The field's name as written in the JS API and the docs.
    pub fn name(self) -> &'static str {
        match self {
            Field::Edition => "edition",
            Field::Lines => "lines",
            Field::Service => "service",
            Field::Model => "model",
            Field::Mode => "mode",
            Field::Audio => "audio",
            Field::Resolution => "resolution",
            Field::Input => "input",
            Field::Duration => "duration",
            Field::Quantity => "quantity",
            Field::VideoSeconds => "videoSeconds",
            Field::AttemptsPerKept => "attemptsPerKept",
            Field::OwnUnits => "ownUnits",
        }
    }
}

/// What is wrong with a value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Problem {
    Missing,
    NotANumber,
    Negative,
    NotWhole,
    TooPrecise {
        places: u32,
    },
    OutOfRange {
        #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
        min: Decimal,
        #[cfg_attr(feature = "ts", ts(type = "DecimalString"))]
        max: Decimal,
    },
    TooMany {
        max: u64,
    },
    /// The value is not one of the choices the catalog offers here.
    Unknown {
        choices: Vec<String>,
    },
    /// Several choices exist and none was made.
    Choose {
        choices: Vec<String>,
    },
    /// The service has no such option.
    NotApplicable {
        service: &'static str,
    },
    /// Missing, or not a duration the model takes (`of` names the model).
    Durations {
        allowed: Durations,
        of: String,
    },
    /// A figure of the user's own was given where the catalog's is not a guess (`of` names
    /// the model).
    NotAGuess {
        of: String,
    },
}

impl Problem {
    /// Writes what is wrong with `value` of the field `name`; `number` formats a range's bounds
    /// (the planner groups thousands, job-line messages do not). One wording for every error type.
    pub fn write(&self, f: &mut fmt::Formatter<'_>, name: &str, v: &str, number: fn(Decimal) -> String) -> fmt::Result {
        match self {
            Problem::Missing => write!(f, "{name} is missing"),
            Problem::NotANumber => write!(f, "{name} \"{v}\" is not a number"),
            Problem::Negative => write!(f, "{name} {v} is negative; it must be 0 or more"),
            Problem::NotWhole => write!(f, "{name} {v} is not a whole number"),
            Problem::TooPrecise { places } => {
                write!(f, "{name} {v} has more than {places} decimal places")
            }
            Problem::OutOfRange { min, max } => {
                write!(
                    f,
                    "{name} {v} is out of range; it must be from {} to {}",
                    number(*min),
                    number(*max)
                )
            }
            Problem::TooMany { max } => write!(f, "{v} {name} is more than the {max} allowed"),
            Problem::Unknown { choices } => {
                write!(
                    f,
                    "{name} \"{v}\" is not offered here; choose one of: {}",
                    choices.join(", ")
                )
            }
            Problem::Choose { choices } => {
                write!(f, "{name} must be chosen: one of {}", choices.join(", "))
            }
            Problem::NotApplicable { service } => {
                write!(
                    f,
                    "{name} \"{v}\" does not apply to {service}, which has no such option"
                )
            }
            Problem::NotAGuess { of } => {
                write!(
                    f,
                    "{name} {v} can only replace a guessed figure; the catalog's units for {of} come from a source"
                )
            }
            Problem::Durations { allowed, of } => {
                let allowed = allowed.describe();
                match v {
                    "" => write!(f, "{name} is missing: {name} must be {allowed} for {of}"),
                    _ => write!(f, "{name} {v} s is not offered: {name} must be {allowed} for {of}"),
                }
            }
        }
    }
}

/// One problem with the input, located precisely enough to show next to the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "InputProblem"))]
pub struct InputError {
    /// Index of the job line (from 0), or `None` for the mix as a whole.
    pub line: Option<usize>,
    pub field: Field,
    /// The value as given (empty when missing).
    pub value: String,
    pub problem: Problem,
    /// The whole message, for people.
    pub message: String,
}

impl InputError {
    /// A problem in a field of a job line; the line index is set by [`InputError::at_line`].
    pub fn new(field: Field, value: String, problem: Problem) -> InputError {
        let mut e = InputError {
            line: None,
            field,
            value,
            problem,
            message: String::new(),
        };
        e.message = e.to_string();
        e
    }

    /// A problem with the mix as a whole.
    pub fn mix(field: Field, value: String, problem: Problem) -> InputError {
        InputError::new(field, value, problem)
    }

    /// The same problem, located at job line `index` (from 0).
    pub fn at_line(mut self, index: usize) -> InputError {
        self.line = Some(index);
        self.message = self.to_string();
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.line {
            write!(f, "line {}: ", i + 1)?;
        }
        self.problem.write(f, self.field.name(), &self.value, |d| d.to_string())
    }
}

impl std::error::Error for InputError {}
