//! The corpus's data types: versions, documents, facts, questions, demonstrations.

use crate::core::format::AnswerType;
use serde::Serialize;

/// A point in time of the corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Version {
    /// "v1", "v2", ...
    pub id: String,
    /// Effective date, `YYYY-MM-DD`.
    pub date: String,
    /// A human label ("January 2024 - training snapshot").
    pub label: String,
}

/// What a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    /// How a product or feature works.
    Product,
    /// Prices and plan limits.
    Pricing,
    /// Refunds, retention, SLA, rate limits, regions, security.
    Policy,
    /// What changed in a release.
    ReleaseNotes,
    /// Support hours, channels, incidents.
    Support,
    /// The support style guide (defines the house answer format).
    StyleGuide,
    /// A blog post.
    Blog,
    /// Marketing copy.
    Marketing,
}

impl DocKind {
    /// Every kind with its front-matter key.
    pub const KEYS: [(&'static str, DocKind); 8] = [
        ("product", DocKind::Product),
        ("pricing", DocKind::Pricing),
        ("policy", DocKind::Policy),
        ("release-notes", DocKind::ReleaseNotes),
        ("support", DocKind::Support),
        ("style-guide", DocKind::StyleGuide),
        ("blog", DocKind::Blog),
        ("marketing", DocKind::Marketing),
    ];

    /// The kind whose front-matter key is `key`.
    pub fn from_key(key: &str) -> Option<DocKind> {
        Self::KEYS.iter().find(|(k, _)| *k == key).map(|(_, d)| *d)
    }

    /// The front-matter key of this kind.
    pub fn key(self) -> &'static str {
        Self::KEYS
            .iter()
            .find(|(_, d)| *d == self)
            .map_or("", |(k, _)| k)
    }
}

/// How trustworthy a document is as a source (shown in the corpus viewer; retrieval may filter).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Quality {
    /// Maintained and correct for its version.
    Current,
    /// Once true, now stale (an old blog post, a duplicate with old figures).
    Outdated,
    /// Little factual content (marketing fluff, chatter).
    LowSignal,
}

impl Quality {
    /// The quality whose front-matter key is `key` (`current`, `outdated`, `low-signal`).
    pub fn from_key(key: &str) -> Option<Quality> {
        match key {
            "current" => Some(Quality::Current),
            "outdated" => Some(Quality::Outdated),
            "low-signal" => Some(Quality::LowSignal),
            _ => None,
        }
    }

    /// The front-matter key of this quality.
    pub fn key(self) -> &'static str {
        match self {
            Quality::Current => "current",
            Quality::Outdated => "outdated",
            Quality::LowSignal => "low-signal",
        }
    }
}

/// One revision of a document: its text as it reads in each version listed in `versions`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Stable id shared by all revisions of the document ("pricing").
    pub id: String,
    /// Title (may change between revisions).
    pub title: String,
    /// What kind of document it is.
    pub kind: DocKind,
    /// Quality flag.
    pub quality: Quality,
    /// Publication or last-update date, `YYYY-MM-DD`.
    pub date: String,
    /// The versions this revision is present in, in order.
    pub versions: Vec<String>,
    /// Why the document has its quality flag, if not current.
    pub note: Option<String>,
    /// The Markdown body (front matter removed); all offsets point into it.
    pub text: String,
    /// The file it came from, relative to the corpus root.
    pub path: String,
    /// The file line the body starts on (1-based), to turn body offsets into file lines.
    pub body_line: usize,
}

impl Document {
    /// True when this revision is present in `version`.
    pub fn in_version(&self, version: &str) -> bool {
        self.versions.iter().any(|v| v == version)
    }

    /// The first version this revision appears in (names the revision in chunk ids).
    pub fn revision(&self) -> &str {
        self.versions.first().map_or("", String::as_str)
    }

    /// The file line (1-based) of byte `offset` of the body.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.body_line
            + self.text.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
    }
}

/// A fact's value in one version, with the passage that states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactValue {
    /// The version.
    pub version: String,
    /// Canonical value as rendered in answers ("$14 per user per month").
    pub value: String,
    /// Accepted forms an answer may state it in (canonical first, then alternates). A form
    /// written "A + B" matches when every part appears.
    pub forms: Vec<String>,
    /// The document stating it in this version.
    pub doc_id: String,
    /// The exact passage (verbatim substring of that document's text).
    pub passage: String,
}

/// A fact of the fact table: a key and its value in each version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// Unique key ("price.pro").
    pub key: String,
    /// The answer type a question about it takes.
    pub answer_type: AnswerType,
    /// What the fact is about, in a few words.
    pub about: String,
    /// The answer sentence with `{value}` where the value goes.
    pub statement: String,
    /// One value per version, in version order.
    pub values: Vec<FactValue>,
}

impl Fact {
    /// The value at `version`.
    pub fn at(&self, version: &str) -> Option<&FactValue> {
        self.values.iter().find(|v| v.version == version)
    }

    /// True when the canonical value differs between any two versions.
    pub fn changed(&self) -> bool {
        self.values.windows(2).any(|w| w[0].value != w[1].value)
    }

    /// True when the value at `a` differs from the value at `b`.
    pub fn changed_between(&self, a: &str, b: &str) -> bool {
        match (self.at(a), self.at(b)) {
            (Some(x), Some(y)) => x.value != y.value,
            _ => false,
        }
    }

    /// The statement with the value at `version` filled in.
    pub fn statement_at(&self, version: &str) -> Option<String> {
        Some(self.statement.replace("{value}", &self.at(version)?.value))
    }
}

/// Which part of the question set a question is in: the phrasings tuning (and the reader's
/// fitting) may see, and the ways of asking that are only ever scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    /// Seen by tuning.
    Train,
    /// Never seen by tuning: chatty paraphrases for measuring generalisation.
    Heldout,
    /// Never seen: short keyword queries ("pro pricing").
    Keyword,
    /// Never seen: yes/no questions ("Does Team include SSO?").
    YesNo,
    /// Never seen: direct short questions ("When is support open?").
    Direct,
}

impl Split {
    /// Every split, in file order.
    pub const ALL: [Split; 5] = [
        Split::Train,
        Split::Heldout,
        Split::Keyword,
        Split::YesNo,
        Split::Direct,
    ];

    /// The key of its lines in `questions.txt`.
    pub fn key(self) -> &'static str {
        match self {
            Split::Train => "train",
            Split::Heldout => "heldout",
            Split::Keyword => "keyword",
            Split::YesNo => "yesno",
            Split::Direct => "direct",
        }
    }

    /// The letter of its question ids (`price.pro/t1`, `/h1`, `/k1`, `/y1`, `/d1`).
    pub fn id_letter(self) -> char {
        match self {
            Split::Train => 't',
            Split::Heldout => 'h',
            Split::Keyword => 'k',
            Split::YesNo => 'y',
            Split::Direct => 'd',
        }
    }

    /// The split whose file key is `key`.
    pub fn from_key(key: &str) -> Option<Split> {
        Split::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A question about a fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Question {
    /// "price.pro/t1", "price.pro/h2", ...
    pub id: String,
    /// The question as a user would type it.
    pub text: String,
    /// Train or held-out.
    pub split: Split,
    /// The fact it asks about.
    pub fact: String,
}

/// Why a question cannot be answered from the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnanswerableKind {
    /// Close to a fact, but asks something the corpus does not say.
    NearMiss,
    /// Not about the company at all.
    OutOfScope,
    /// Rests on something untrue (a plan, region or feature that does not exist).
    FalsePremise,
}

impl UnanswerableKind {
    /// The kind whose file key is `key` (`near-miss`, `out-of-scope`, `false-premise`).
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "near-miss" => Some(Self::NearMiss),
            "out-of-scope" => Some(Self::OutOfScope),
            "false-premise" => Some(Self::FalsePremise),
            _ => None,
        }
    }
}

/// A question whose right behaviour is to abstain (and, for a false premise, say so).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unanswerable {
    /// Unique id ("u.platinum-plan").
    pub id: String,
    /// The question.
    pub text: String,
    /// Why it is unanswerable.
    pub kind: UnanswerableKind,
    /// The fact it is deceptively close to, if any (a model answering with that fact's value is
    /// confidently wrong).
    pub near_fact: Option<String>,
    /// The expected behaviour, in words.
    pub expected: String,
}

/// A question with its ideal answer in the house format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Demonstration {
    /// Unique id ("d.price-pro").
    pub id: String,
    /// The question.
    pub question: String,
    /// The answer type of the ideal answer.
    pub answer_type: AnswerType,
    /// The ideal answer, lines joined by `\n`.
    pub answer: String,
    /// The fact it states, if any.
    pub fact: Option<String>,
    /// The version the answer is true at (required with `fact`).
    pub version: Option<String>,
}
