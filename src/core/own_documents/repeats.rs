//! Questions asked twice among the learner's pairs. A repeat is not an error (it is kept and
//! saved like any row); `user_corpus` learns each question once, from its first row, so two
//! different answers to one question never pull the model both ways.

use std::collections::HashMap;

use super::QaPair;

/// The form two questions are compared in: trimmed and lowercased.
pub fn question_key(question: &str) -> String {
    question.trim().to_lowercase()
}

/// For each row whose question an earlier row already asks: `(row, earlier row)`, 0-based.
/// Rows with an empty question are never repeats.
pub fn repeated_questions(rows: &[QaPair]) -> Vec<(usize, usize)> {
    // Called on every keystroke in the pairs table: one map lookup per row.
    let mut first: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    let mut repeats = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let key = question_key(&row.question);
        if key.is_empty() {
            continue;
        }
        match first.get(&key) {
            Some(&earlier) => repeats.push((i, earlier)),
            None => {
                first.insert(key, i);
            }
        }
    }
    repeats
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(q: &str, a: &str) -> QaPair {
        QaPair {
            question: q.into(),
            answer: a.into(),
        }
    }

    #[test]
    fn a_question_asked_again_in_other_case_or_spacing_is_a_repeat_of_the_first() {
        let rows = [
            pair("When does the gym open?", "6am"),
            pair("Where is parking?", "Lot B"),
            pair(" when does the GYM open? ", "7am"),
            pair("", "x"),
            pair("", "y"),
            pair("Where is parking?", "Lot C"),
        ];
        assert_eq!(repeated_questions(&rows), vec![(2, 0), (5, 1)]);
    }
}
