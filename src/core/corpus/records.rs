//! The record format of the fact, question and demonstration files: blocks of `key: value`
//! lines separated by blank lines; lines starting with `#` are comments; a key may repeat
//! (`train:` once per phrasing, `answer:` once per answer line). Every field keeps its line.

/// One `key: value` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// 1-based line number.
    pub line: usize,
    /// The key, which may contain spaces ("value v2 v3").
    pub key: String,
    /// The value, trimmed.
    pub value: String,
}

/// A block of fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The line of the first field.
    pub line: usize,
    /// The fields in file order.
    pub fields: Vec<Field>,
}

impl Record {
    /// The first field with key `key`.
    pub fn get(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// Every field with key `key`, in order.
    pub fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Field> + 'a {
        self.fields.iter().filter(move |f| f.key == key)
    }
}

/// Parses a record file. Returns the records, or `(line, message)` for every malformed line.
pub fn parse_records(text: &str) -> Result<Vec<Record>, Vec<(usize, String)>> {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    let mut current: Option<Record> = None;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            records.extend(current.take());
            continue;
        }
        if trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            errors.push((
                line,
                format!("expected \"key: value\", found \"{trimmed}\""),
            ));
            continue;
        };
        let key = key.trim();
        let key_ok = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '_' | '-'));
        if !key_ok {
            errors.push((line, format!("\"{key}\" is not a valid key")));
            continue;
        }
        let field = Field {
            line,
            key: key.to_string(),
            value: value.trim().to_string(),
        };
        current
            .get_or_insert_with(|| Record {
                line,
                fields: Vec::new(),
            })
            .fields
            .push(field);
    }
    records.extend(current);
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_blocks_with_lines_and_repeated_keys() {
        let text = "# comment\nfact: a\ntrain: one: two\ntrain: three\n\n\nfact: b\n";
        let records = parse_records(text).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].line, 2);
        let trains: Vec<&str> = records[0].all("train").map(|f| f.value.as_str()).collect();
        assert_eq!(trains, ["one: two", "three"]);
        assert_eq!(records[1].get("fact").map(|f| f.line), Some(7));
    }

    #[test]
    fn reports_every_malformed_line() {
        let errors = parse_records("fact: a\nno colon here\n(bad): x\n").unwrap_err();
        assert_eq!(errors.iter().map(|e| e.0).collect::<Vec<_>>(), [2, 3]);
    }
}
