//! The decision guide's logic: a learner's answers about their own use case -> a recommendation
//! (retrieval, fine-tuning, both, or better prompting first) with the reasons that drove it.
//!
//! The rule is the practical heuristic the app teaches: knowledge needs (facts that change,
//! answers that must cite, facts the model cannot know) call for retrieval; behaviour needs
//! (a strict format or tone, tight latency) call for fine-tuning, but only when there are
//! enough examples not to overfit and the task is stable; otherwise prompt first.
//! Reasons are codes, not text, so the wording lives in the UI's content module.

/// How often the information the answers rest on changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeRate {
    /// Rarely or never (yearly or less).
    Rarely,
    /// About monthly.
    Monthly,
    /// Weekly or faster.
    Weekly,
}

/// How many labelled examples (request -> ideal answer) exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Examples {
    /// Fewer than about 50.
    Few,
    /// About 50 to 1,000.
    Some,
    /// More than about 1,000.
    Many,
}

/// The learner's answers; `None` is "not answered yet".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    /// Must it answer from your own documents (facts a public model cannot know)?
    pub own_knowledge: Option<bool>,
    /// How often does that information change?
    pub change: Option<ChangeRate>,
    /// Must answers cite their source?
    pub must_cite: Option<bool>,
    /// Does a strict output format or tone matter?
    pub format_matters: Option<bool>,
    /// Is latency tight (every extra step per request hurts)?
    pub latency_tight: Option<bool>,
    /// How many labelled examples are there?
    pub examples: Option<Examples>,
    /// Will the task stay the same for months?
    pub task_stable: Option<bool>,
}

/// The recommendation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recommendation {
    /// Base model plus retrieval.
    Retrieval,
    /// Fine-tune the model.
    FineTuning,
    /// Fine-tune for behaviour and retrieve for knowledge.
    Both,
    /// Improve the prompt (instructions, a few examples in it) before building anything.
    PromptFirst,
}

/// One reason behind a recommendation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The information changes monthly or faster: retrieval picks up changes at once.
    DataChanges,
    /// Answers must cite: only retrieval can point at a source passage.
    MustCite,
    /// The answers rest on the learner's own documents.
    OwnKnowledge,
    /// A strict format or tone matters: that is behaviour, which fine-tuning teaches.
    FormatMatters,
    /// Latency is tight: a tuned model answers without a retrieval step or a long prompt.
    LatencyTight,
    /// Enough examples and a stable task: fine-tuning is viable.
    TuningViable,
    /// Too few examples: fine-tuning would overfit.
    TooFewExamples,
    /// The task still changes: a tuned model would need retraining each time.
    TaskUnstable,
    /// Retrieval adds a step per request; keep k small and the index fast.
    RetrievalAddsLatency,
    /// No knowledge need and no behaviour need: a good prompt may be all it takes.
    NothingToAdd,
    /// The behaviour need is real but fine-tuning is not viable yet: prompt for the format
    /// and revisit tuning once there are enough examples and the task settles.
    PromptForFormatMeanwhile,
}

/// Why the answers cannot be judged yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unanswered {
    /// How many questions are still open.
    pub open: usize,
}

/// The guide's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// What to do.
    pub recommendation: Recommendation,
    /// Why, most important first.
    pub reasons: Vec<Reason>,
}

impl Answers {
    /// How many of the seven questions are still open.
    pub fn open_count(&self) -> usize {
        [
            self.own_knowledge.is_none(),
            self.change.is_none(),
            self.must_cite.is_none(),
            self.format_matters.is_none(),
            self.latency_tight.is_none(),
            self.examples.is_none(),
            self.task_stable.is_none(),
        ]
        .iter()
        .filter(|open| **open)
        .count()
    }
}

/// Applies the heuristic. Every question must be answered.
pub fn decide(answers: &Answers) -> Result<Decision, Unanswered> {
    let (
        Some(own),
        Some(change),
        Some(cite),
        Some(format),
        Some(latency),
        Some(examples),
        Some(stable),
    ) = (
        answers.own_knowledge,
        answers.change,
        answers.must_cite,
        answers.format_matters,
        answers.latency_tight,
        answers.examples,
        answers.task_stable,
    )
    else {
        return Err(Unanswered {
            open: answers.open_count(),
        });
    };
    let mut knowledge = Vec::new();
    if change != ChangeRate::Rarely {
        knowledge.push(Reason::DataChanges);
    }
    if cite {
        knowledge.push(Reason::MustCite);
    }
    if own {
        knowledge.push(Reason::OwnKnowledge);
    }
    let mut behaviour = Vec::new();
    if format {
        behaviour.push(Reason::FormatMatters);
    }
    if latency {
        behaviour.push(Reason::LatencyTight);
    }
    let mut blockers = Vec::new();
    if examples == Examples::Few {
        blockers.push(Reason::TooFewExamples);
    }
    if !stable {
        blockers.push(Reason::TaskUnstable);
    }
    let tuning_viable = blockers.is_empty();
    let needs_knowledge = !knowledge.is_empty();
    let needs_behaviour = !behaviour.is_empty();

    let mut reasons = Vec::new();
    let recommendation = match (needs_knowledge, needs_behaviour, tuning_viable) {
        (true, true, true) => {
            reasons.extend(knowledge);
            reasons.extend(behaviour);
            reasons.push(Reason::TuningViable);
            Recommendation::Both
        }
        (true, true, false) => {
            reasons.extend(knowledge);
            reasons.extend(behaviour);
            reasons.extend(blockers);
            reasons.push(Reason::PromptForFormatMeanwhile);
            if latency {
                reasons.push(Reason::RetrievalAddsLatency);
            }
            Recommendation::Retrieval
        }
        (true, false, _) => {
            reasons.extend(knowledge);
            Recommendation::Retrieval
        }
        (false, true, true) => {
            reasons.extend(behaviour);
            reasons.push(Reason::TuningViable);
            Recommendation::FineTuning
        }
        (false, true, false) => {
            reasons.extend(behaviour);
            reasons.extend(blockers);
            Recommendation::PromptFirst
        }
        (false, false, _) => {
            reasons.push(Reason::NothingToAdd);
            Recommendation::PromptFirst
        }
    };
    Ok(Decision {
        recommendation,
        reasons,
    })
}

/// The answers spelled for the URL (`guide=`): one letter per question and one digit per
/// answer, in a fixed order, unanswered questions left out, e.g. `k1c2s1f0l0e1t1`.
pub fn encode(answers: &Answers) -> String {
    let mut out = String::new();
    let mut push = |letter: char, digit: Option<u8>| {
        if let Some(d) = digit {
            out.push(letter);
            out.push(char::from(b'0' + d));
        }
    };
    push('k', answers.own_knowledge.map(u8::from));
    push(
        'c',
        answers.change.map(|c| match c {
            ChangeRate::Rarely => 0,
            ChangeRate::Monthly => 1,
            ChangeRate::Weekly => 2,
        }),
    );
    push('s', answers.must_cite.map(u8::from));
    push('f', answers.format_matters.map(u8::from));
    push('l', answers.latency_tight.map(u8::from));
    push(
        'e',
        answers.examples.map(|e| match e {
            Examples::Few => 0,
            Examples::Some => 1,
            Examples::Many => 2,
        }),
    );
    push('t', answers.task_stable.map(u8::from));
    out
}

/// Reads a `guide=` value. Forgiving: an unknown letter or an out-of-range digit leaves that
/// question unanswered rather than failing the whole link.
pub fn decode(text: &str) -> Answers {
    let mut answers = Answers::default();
    let chars: Vec<char> = text.chars().take(64).collect();
    for pair in chars.chunks(2) {
        let [letter, digit] = pair else { continue };
        let Some(d) = digit.to_digit(10) else {
            continue;
        };
        let yes_no = match d {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        };
        match letter {
            'k' => answers.own_knowledge = yes_no.or(answers.own_knowledge),
            's' => answers.must_cite = yes_no.or(answers.must_cite),
            'f' => answers.format_matters = yes_no.or(answers.format_matters),
            'l' => answers.latency_tight = yes_no.or(answers.latency_tight),
            't' => answers.task_stable = yes_no.or(answers.task_stable),
            'c' => {
                let rate = match d {
                    0 => Some(ChangeRate::Rarely),
                    1 => Some(ChangeRate::Monthly),
                    2 => Some(ChangeRate::Weekly),
                    _ => None,
                };
                answers.change = rate.or(answers.change);
            }
            'e' => {
                let amount = match d {
                    0 => Some(Examples::Few),
                    1 => Some(Examples::Some),
                    2 => Some(Examples::Many),
                    _ => None,
                };
                answers.examples = amount.or(answers.examples);
            }
            _ => {}
        }
    }
    answers
}

#[cfg(test)]
mod tests;
