//! The JSON walker behind scenario validation: typed checks of single values that record a
//! problem with its path instead of failing.

use serde_json::{Map, Value};

use super::{ScenarioProblem, MAX_PROBLEMS};
use crate::core::own_documents::human_bytes;

/// Collects problems while walking the JSON value.
#[derive(Default)]
pub struct Checker {
    /// The problems so far (at most [`MAX_PROBLEMS`]).
    pub problems: Vec<ScenarioProblem>,
}

impl Checker {
    /// Records a problem at `path` (beyond [`MAX_PROBLEMS`], drops it).
    pub fn report(&mut self, path: &str, message: impl Into<String>) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(ScenarioProblem {
                path: path.to_string(),
                message: message.into(),
            });
        }
    }

    /// `value` as an object whose keys are all among `fields` (each field is checked, and
    /// reported missing, by its own check).
    pub fn object<'a>(
        &mut self,
        value: Option<&'a Value>,
        path: &str,
        fields: &[&str],
    ) -> Option<&'a Map<String, Value>> {
        let Some(value) = value else {
            self.report(path, "is missing");
            return None;
        };
        let Some(map) = value.as_object() else {
            self.report(path, "must be an object");
            return None;
        };
        for key in map.keys() {
            if !fields.contains(&key.as_str()) {
                self.report(&join(path, key), "is not a field of this format");
            }
        }
        Some(map)
    }

    /// A string of at least `min_chars` non-blank characters and at most `max_bytes` bytes.
    pub fn string<'a>(
        &mut self,
        value: Option<&'a Value>,
        path: &str,
        min_chars: usize,
        max_bytes: usize,
    ) -> Option<&'a str> {
        match value {
            None => self.report(path, "is missing"),
            Some(Value::String(s)) if s.len() > max_bytes => self.report(
                path,
                format!("is longer than the limit of {}", human_bytes(max_bytes)),
            ),
            Some(Value::String(s)) if s.trim().chars().count() < min_chars => {
                self.report(path, "must not be empty")
            }
            Some(Value::String(s)) => return Some(s),
            Some(_) => self.report(path, "must be a string"),
        }
        None
    }

    /// A non-blank string of at most `max_chars` characters, copied.
    pub fn chars(&mut self, value: Option<&Value>, path: &str, max_chars: usize) -> Option<String> {
        let s = self.string(value, path, 1, max_chars * 4)?;
        if s.chars().count() > max_chars {
            self.report(path, format!("is longer than {max_chars} characters"));
            return None;
        }
        Some(s.to_string())
    }

    /// A version id such as "v2".
    pub fn version_id(&mut self, value: Option<&Value>, path: &str) {
        if let Some(s) = self.string(value, path, 1, 8) {
            let ok = s
                .strip_prefix('v')
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if !ok {
                self.report(path, "must be a version id such as \"v2\"");
            }
        }
    }

    /// A whole number in `min..=max`.
    pub fn uint(&mut self, value: Option<&Value>, path: &str, min: u64, max: u64) {
        match value {
            None => self.report(path, "is missing"),
            Some(Value::Number(n)) => match n.as_u64() {
                Some(x) if (min..=max).contains(&x) => {}
                _ => self.report(path, format!("must be a whole number from {min} to {max}")),
            },
            Some(_) => self.report(path, "must be a number"),
        }
    }

    /// A number in `min..=max` (`min` excluded when `open_min`).
    pub fn number(
        &mut self,
        value: Option<&Value>,
        path: &str,
        min: f64,
        max: f64,
        open_min: bool,
    ) {
        match value {
            None => self.report(path, "is missing"),
            Some(Value::Number(n)) => {
                let x = n.as_f64().unwrap_or(f64::NAN);
                let above = if open_min { x > min } else { x >= min };
                if !(above && x <= max) {
                    let from = if open_min { "above" } else { "from" };
                    self.report(path, format!("must be a number {from} {min} to {max}"));
                }
            }
            Some(_) => self.report(path, "must be a number"),
        }
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, value: Option<&Value>, path: &str) {
        match value {
            None => self.report(path, "is missing"),
            Some(Value::Bool(_)) => {}
            Some(_) => self.report(path, "must be true or false"),
        }
    }

    /// One of the `allowed` strings.
    pub fn key(&mut self, value: Option<&Value>, path: &str, allowed: &[&str]) {
        match value {
            None => self.report(path, "is missing"),
            Some(Value::String(s)) if allowed.contains(&s.as_str()) => {}
            Some(_) => self.report(
                path,
                format!("must be one of \"{}\"", allowed.join("\", \"")),
            ),
        }
    }

    /// An array of at most `max` items (empty slice when it is not one).
    pub fn array<'a>(&mut self, value: Option<&'a Value>, path: &str, max: usize) -> &'a [Value] {
        match value {
            None => self.report(path, "is missing"),
            Some(Value::Array(items)) if items.len() > max => self.report(
                path,
                format!("has {} entries; the limit is {max}", items.len()),
            ),
            Some(Value::Array(items)) => return items,
            Some(_) => self.report(path, "must be an array"),
        }
        &[]
    }
}

/// `path.key`, or `key` at the top level.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}
