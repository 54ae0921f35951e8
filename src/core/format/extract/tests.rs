//! Tests of `extract`.

use super::*;
use crate::core::format::{render, validate, Citation};

fn cases() -> Vec<(AnswerType, &'static str, &'static str)> {
    vec![
        (
            AnswerType::Price,
            "The Pro plan costs $14 per user per month, billed monthly.",
            "$14 per user per month",
        ),
        (
            AnswerType::Price,
            "Extra storage is $4 per 100 GB per month.",
            "$4 per 100 GB per month",
        ),
        (
            AnswerType::Limit,
            "Each file upload can be up to 250 MB.",
            "250 MB",
        ),
        (
            AnswerType::Limit,
            "Pro users get 100 GB of storage each.",
            "100 GB of storage",
        ),
        (
            AnswerType::Window,
            "You can ask for a refund within 30 days of your first payment.",
            "30 days",
        ),
        (
            AnswerType::Window,
            "A password reset link stays valid for one hour.",
            "1 hour",
        ),
        (
            AnswerType::Window,
            "We honour a 14-day refund window.",
            "14 days",
        ),
        (
            AnswerType::Percentage,
            "Enterprise workspaces get a 99.95% monthly uptime commitment.",
            "99.95% monthly uptime commitment",
        ),
        (
            AnswerType::Date,
            "The Classic API will be switched off on September 30, 2025.",
            "2025-09-30",
        ),
        (
            AnswerType::Hours,
            "Our team answers chat Monday to Friday, 08:00\u{2013}20:00 CET.",
            "Monday\u{2013}Friday, 08:00\u{2013}20:00 CET",
        ),
        (
            AnswerType::Availability,
            "Single sign-on is available on the Team and Enterprise plans.",
            "Team, Enterprise",
        ),
        (
            AnswerType::Availability,
            "Offline mode works in the iOS and Android apps.",
            "iOS, Android",
        ),
        (
            AnswerType::Policy,
            "Customer content is never used to train models.",
            "No \u{2014} customer content is never used to train models",
        ),
        (
            AnswerType::Name,
            "Automations are now called Kettle Flows.",
            "Kettle Flows",
        ),
        (
            AnswerType::Steps,
            "Open Settings, choose Workspace, then click Export data.",
            "1) Open Settings 2) Choose Workspace 3) Click Export data",
        ),
    ]
}

#[test]
fn extracts_a_detail_of_each_type() {
    for (t, sentence, want) in cases() {
        assert_eq!(
            extract_detail(t, sentence).as_deref(),
            Some(want),
            "{t}: {sentence}"
        );
    }
    assert_eq!(extract_detail(AnswerType::Price, "Pro is great."), None);
    assert_eq!(extract_detail(AnswerType::Hours, "Call us any time."), None);
}

#[test]
fn extracted_answers_render_and_validate() {
    let source = AnswerSource::Documents(vec![Citation {
        title: "Doc".into(),
        version: "v1".into(),
        date: "2024-01-15".into(),
    }]);
    for (t, sentence, _) in cases() {
        let parts = answer_from_sentence(t, sentence, source.clone()).expect(sentence);
        let answer = render(t, &parts);
        assert_eq!(validate(&answer), Ok(t), "{answer}");
    }
}
