//! Tests of `decide`.

use super::*;

/// A use case with no special needs, to vary one answer at a time.
fn plain() -> Answers {
    Answers {
        own_knowledge: Some(false),
        change: Some(ChangeRate::Rarely),
        must_cite: Some(false),
        format_matters: Some(false),
        latency_tight: Some(false),
        examples: Some(Examples::Few),
        task_stable: Some(true),
    }
}

fn rec(answers: Answers) -> Decision {
    decide(&answers).expect("all answered")
}

#[test]
fn weekly_changes_and_citations_call_for_retrieval() {
    let d = rec(Answers {
        change: Some(ChangeRate::Weekly),
        must_cite: Some(true),
        own_knowledge: Some(true),
        ..plain()
    });
    assert_eq!(d.recommendation, Recommendation::Retrieval);
    assert_eq!(&d.reasons[..2], &[Reason::DataChanges, Reason::MustCite]);
}

#[test]
fn strict_format_stable_task_and_examples_call_for_fine_tuning() {
    let d = rec(Answers {
        format_matters: Some(true),
        examples: Some(Examples::Some),
        ..plain()
    });
    assert_eq!(d.recommendation, Recommendation::FineTuning);
    assert!(d.reasons.contains(&Reason::FormatMatters));
    assert!(d.reasons.contains(&Reason::TuningViable));
}

#[test]
fn knowledge_and_behaviour_needs_with_data_call_for_both() {
    let d = rec(Answers {
        change: Some(ChangeRate::Weekly),
        must_cite: Some(true),
        format_matters: Some(true),
        examples: Some(Examples::Many),
        ..plain()
    });
    assert_eq!(d.recommendation, Recommendation::Both);
    assert!(d.reasons.contains(&Reason::MustCite));
    assert!(d.reasons.contains(&Reason::FormatMatters));
}

#[test]
fn a_format_problem_with_little_data_calls_for_prompting_first() {
    let d = rec(Answers {
        format_matters: Some(true),
        examples: Some(Examples::Few),
        ..plain()
    });
    assert_eq!(d.recommendation, Recommendation::PromptFirst);
    assert!(d.reasons.contains(&Reason::TooFewExamples));
}

#[test]
fn an_unstable_task_blocks_fine_tuning_even_with_many_examples() {
    let d = rec(Answers {
        format_matters: Some(true),
        examples: Some(Examples::Many),
        task_stable: Some(false),
        ..plain()
    });
    assert_eq!(d.recommendation, Recommendation::PromptFirst);
    assert_eq!(d.reasons, vec![Reason::FormatMatters, Reason::TaskUnstable]);
}

#[test]
fn own_documents_with_little_labelled_data_call_for_retrieval() {
    let d = rec(Answers {
        own_knowledge: Some(true),
        ..plain()
    });
    assert_eq!(d.recommendation, Recommendation::Retrieval);
    assert_eq!(d.reasons, vec![Reason::OwnKnowledge]);
}

#[test]
fn tight_latency_with_enough_data_calls_for_fine_tuning() {
    let d = rec(Answers {
        latency_tight: Some(true),
        examples: Some(Examples::Some),
        ..plain()
    });
    assert_eq!(d.recommendation, Recommendation::FineTuning);
    assert_eq!(d.reasons[0], Reason::LatencyTight);
}

#[test]
fn knowledge_plus_format_without_data_is_retrieval_with_prompted_format() {
    let d = rec(Answers {
        must_cite: Some(true),
        format_matters: Some(true),
        latency_tight: Some(true),
        ..plain()
    });
    assert_eq!(d.recommendation, Recommendation::Retrieval);
    assert!(d.reasons.contains(&Reason::PromptForFormatMeanwhile));
    assert!(d.reasons.contains(&Reason::RetrievalAddsLatency));
}

#[test]
fn no_needs_means_prompt_first() {
    let d = rec(plain());
    assert_eq!(d.recommendation, Recommendation::PromptFirst);
    assert_eq!(d.reasons, vec![Reason::NothingToAdd]);
}

#[test]
fn open_questions_are_counted_not_guessed() {
    let partial = Answers {
        must_cite: Some(true),
        ..Answers::default()
    };
    assert_eq!(decide(&partial), Err(Unanswered { open: 6 }));
}

#[test]
fn the_url_code_round_trips_and_tolerates_garbage() {
    let answers = Answers {
        change: Some(ChangeRate::Monthly),
        examples: Some(Examples::Many),
        ..plain()
    };
    let code = encode(&answers);
    assert_eq!(code, "k0c1s0f0l0e2t1");
    assert_eq!(decode(&code), answers);
    let partial = decode("s1zzc9f1x");
    assert_eq!(partial.must_cite, Some(true));
    assert_eq!(partial.format_matters, Some(true));
    assert_eq!(partial.change, None);
    assert_eq!(decode(""), Answers::default());
    assert_eq!(decode("ééé1"), Answers::default());
}
