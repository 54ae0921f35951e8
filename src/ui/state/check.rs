//! The knowledge check's answers and score (plain, tested natively): choices are made before
//! anything is revealed, submission needs every question answered and freezes the choices,
//! and the result is the `check` of the progress record. Kept in this browser as a short text
//! ([`CheckAnswers::to_storage`]). The view is `views/check`.

use super::progress::CheckScore;

/// The localStorage key of the learner's answers.
pub(crate) const STORAGE_KEY: &str = "ragtune.check";

/// The learner's answers to a check of fixed length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CheckAnswers {
    /// The choice per question (`None`: not answered yet).
    chosen: Vec<Option<usize>>,
    /// Submitted: the choices are final and the explanations shown.
    submitted: bool,
}

impl CheckAnswers {
    /// Nothing answered, for `questions` questions.
    pub(crate) fn new(questions: usize) -> Self {
        Self {
            chosen: vec![None; questions],
            submitted: false,
        }
    }

    /// The choice made for question `question`, if any.
    pub(crate) fn chosen(&self, question: usize) -> Option<usize> {
        self.chosen.get(question).copied().flatten()
    }

    /// True once the answers are submitted.
    pub(crate) fn is_submitted(&self) -> bool {
        self.submitted
    }

    /// Chooses `choice` for `question`; ignored after submission or out of range.
    pub(crate) fn choose(&mut self, question: usize, choice: usize) {
        if let (false, Some(slot)) = (self.submitted, self.chosen.get_mut(question)) {
            *slot = Some(choice);
        }
    }

    /// How many questions are still open.
    pub(crate) fn open(&self) -> usize {
        self.chosen.iter().filter(|c| c.is_none()).count()
    }

    /// Submits when every question is answered; the score against `correct` (the right
    /// choice per question). `None` while a question is open.
    pub(crate) fn submit(&mut self, correct: &[usize]) -> Option<CheckScore> {
        if self.open() > 0 {
            return None;
        }
        self.submitted = true;
        self.score(correct)
    }

    /// The score of submitted answers; `None` before submission.
    pub(crate) fn score(&self, correct: &[usize]) -> Option<CheckScore> {
        if !self.submitted {
            return None;
        }
        let right = self
            .chosen
            .iter()
            .zip(correct)
            .filter(|(chosen, right)| **chosen == Some(**right))
            .count();
        Some(CheckScore::submitted(
            right as u32,
            self.chosen.len() as u32,
        ))
    }

    /// Clears the answers for another try.
    pub(crate) fn retry(&mut self) {
        *self = Self::new(self.chosen.len());
    }

    /// The answers as stored: one character per question (`0`-`9`, `-` when open), then `!`
    /// when submitted. E.g. `"0121-"` or `"01210!"`.
    pub(crate) fn to_storage(&self) -> String {
        let mut text: String = self
            .chosen
            .iter()
            .map(|c| {
                c.and_then(|c| char::from_digit(c as u32, 10))
                    .unwrap_or('-')
            })
            .collect();
        if self.submitted {
            text.push('!');
        }
        text
    }

    /// Reads stored answers for a check of `questions` questions, each with fewer than
    /// `choices[i]` choices; `None` when the text does not fit this check (it changed).
    pub(crate) fn from_storage(text: &str, choices: &[usize]) -> Option<Self> {
        let (body, submitted) = match text.strip_suffix('!') {
            Some(body) => (body, true),
            None => (text, false),
        };
        if body.chars().count() != choices.len() {
            return None;
        }
        let chosen = body
            .chars()
            .zip(choices)
            .map(|(c, &n)| match c {
                '-' => Some(None),
                _ => c
                    .to_digit(10)
                    .map(|d| d as usize)
                    .filter(|d| *d < n)
                    .map(Some),
            })
            .collect::<Option<Vec<_>>>()?;
        let answers = Self { chosen, submitted };
        (!submitted || answers.open() == 0).then_some(answers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::content::check::QUESTIONS;

    fn correct() -> Vec<usize> {
        QUESTIONS.iter().map(|q| q.correct).collect()
    }

    #[test]
    fn submission_needs_every_answer_and_freezes_them() {
        let mut a = CheckAnswers::new(QUESTIONS.len());
        a.choose(0, 0);
        assert_eq!(a.open(), QUESTIONS.len() - 1);
        assert_eq!(
            a.submit(&correct()),
            None,
            "open questions block submission"
        );
        for (i, right) in correct().into_iter().enumerate() {
            a.choose(i, right);
        }
        a.choose(1, (correct()[1] + 1) % QUESTIONS[1].choices.len());
        let score = a.submit(&correct()).unwrap();
        let n = QUESTIONS.len() as u32;
        assert_eq!(score, CheckScore::submitted(n - 1, n));
        a.choose(1, correct()[1]);
        assert_eq!(
            a.score(&correct()),
            Some(score),
            "choices are final once submitted"
        );
        a.retry();
        assert!(!a.is_submitted());
        assert_eq!(a.open(), QUESTIONS.len());
    }

    #[test]
    fn answers_survive_storage_and_stale_text_is_dropped() {
        let choices: Vec<usize> = QUESTIONS.iter().map(|q| q.choices.len()).collect();
        let mut a = CheckAnswers::new(QUESTIONS.len());
        a.choose(2, 1);
        let text = a.to_storage();
        assert_eq!(CheckAnswers::from_storage(&text, &choices), Some(a.clone()));
        for (i, right) in correct().into_iter().enumerate() {
            a.choose(i, right);
        }
        a.submit(&correct());
        assert!(a.to_storage().ends_with('!'));
        assert_eq!(
            CheckAnswers::from_storage(&a.to_storage(), &choices),
            Some(a)
        );
        assert_eq!(
            CheckAnswers::from_storage("01", &choices),
            None,
            "another length"
        );
        let bad = "9".repeat(QUESTIONS.len());
        assert_eq!(
            CheckAnswers::from_storage(&bad, &choices),
            None,
            "no such choice"
        );
        let open_but_submitted = format!("{}!", "-".repeat(QUESTIONS.len()));
        assert_eq!(
            CheckAnswers::from_storage(&open_but_submitted, &choices),
            None
        );
    }
}
