//! The Concepts view's text: short sections, each with evidence and a "Show me" scene.

use super::{Evidence, Scene, PRICE_QUESTION};
use crate::ui::state::ViewId;

/// The view's heading and lead.
pub(crate) const TITLE: &str = "Concepts";
/// One sentence on how to use the page.
pub(crate) const LEAD: &str =
    "Eight short ideas, in the order they build on each other. Each has a \
\"Show me\" button that sets the live app to a state where you can see the idea at work.";
/// The "Show me" button's words.
pub(crate) const SHOW_ME: &str = "Show me";
/// Heading over a section's evidence.
pub(crate) const EVIDENCE_HEADING: &str = "What published studies found";
/// The label on secondary figures.
pub(crate) const REPORTED: &str = "reported";
/// The note beside "reported".
pub(crate) const REPORTED_NOTE: &str = "figure from a secondary summary, not checked in the paper";
/// Label before the "what you will see" sentence.
pub(crate) const NOTICE_LABEL: &str = "What you will see:";

/// One concept.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Concept {
    /// Stable id (anchor and test hook).
    pub(crate) id: &'static str,
    /// Heading.
    pub(crate) title: &'static str,
    /// Paragraphs of plain text.
    pub(crate) body: &'static [&'static str],
    /// Bullet points (may be empty).
    pub(crate) points: &'static [&'static str],
    /// Published results behind it.
    pub(crate) evidence: &'static [Evidence],
    /// The state that demonstrates it.
    pub(crate) scene: Scene,
    /// What to look at once there.
    pub(crate) notice: &'static str,
}

const fn scene(
    view: ViewId,
    question: Option<&'static str>,
    retrieval: bool,
    tuned: bool,
    version: &'static str,
    curated: bool,
) -> Scene {
    Scene {
        view,
        question,
        retrieval,
        tuned,
        version,
        curated,
    }
}

const OVADIA: Evidence = Evidence {
    source: "Ovadia et al., \"Fine-Tuning or Retrieval?\" (EMNLP)",
    year: Some(2024),
    locator: "arXiv:2312.05934",
    finding: "Retrieval consistently beat unsupervised fine-tuning at adding knowledge, both \
              for facts the model had seen and for entirely new ones; fine-tuning learned new \
              facts only when trained on many paraphrases of each.",
    reported: false,
};
const OVADIA_FIGURES: Evidence = Evidence {
    source: "Ovadia et al., current-events task",
    year: Some(2024),
    locator: "arXiv:2312.05934",
    finding: "On 910 questions about events after training: base model about 0.35-0.48, \
              retrieval about 0.875, fine-tuning with paraphrases about 0.50.",
    reported: true,
};
const FINETUNEBENCH: Evidence = Evidence {
    source: "Wu, Wu, Zou, \"FineTuneBench\"",
    year: Some(2024),
    locator: "arXiv:2411.05059",
    finding: "Commercial fine-tuning services averaged 37% on newly taught facts asked in new \
              wording and 19% on updated facts.",
    reported: false,
};
const GEKHMAN: Evidence = Evidence {
    source: "Gekhman et al., \"Does Fine-Tuning LLMs on New Knowledge Encourage \
             Hallucinations?\" (EMNLP)",
    year: Some(2024),
    locator: "arXiv:2405.05904",
    finding: "Facts the model did not already know were learned slowly, and learning them \
              raised hallucination: accuracy on already-known facts fell from 95.6 to 55.8 \
              when training ran on.",
    reported: false,
};
const SOUDANI: Evidence = Evidence {
    source: "Soudani, Kanoulas, Hasibi (SIGIR-AP)",
    year: Some(2024),
    locator: "arXiv:2403.01432",
    finding: "Fine-tuning helped for facts of every popularity, but retrieval beat it by a \
              large margin, most of all for the least popular facts.",
    reported: false,
};
const LIMA: Evidence = Evidence {
    source: "Zhou et al., \"LIMA: Less Is More for Alignment\"",
    year: Some(2023),
    locator: "arXiv:2305.11206",
    finding: "1,000 carefully chosen examples were enough to teach format and style; the \
              knowledge came from pre-training.",
    reported: false,
};
const OPENAI_GUIDE: Evidence = Evidence {
    source: "OpenAI fine-tuning guide (documentation)",
    year: None,
    locator: "platform documentation",
    finding: "At least 10 examples are required; 50 to 100 typically show a clear improvement.",
    reported: false,
};
const BALAGUER: Evidence = Evidence {
    source: "Balaguer et al., \"RAG vs Fine-tuning\" (agriculture case study)",
    year: Some(2024),
    locator: "arXiv:2401.08406",
    finding: "Fine-tuning added over 6 points of accuracy, and retrieval about 5 more on top.",
    reported: false,
};
const RAFT: Evidence = Evidence {
    source: "Zhang et al., \"RAFT\"",
    year: Some(2024),
    locator: "arXiv:2403.10131",
    finding: "Fine-tuning on questions with the right document plus distractors taught the \
              model to use retrieved context well.",
    reported: false,
};
const RAFT_FIGURES: Evidence = Evidence {
    source: "Zhang et al., \"RAFT\", API-call benchmark",
    year: Some(2024),
    locator: "arXiv:2403.10131",
    finding: "RAFT 74.0 vs fine-tuned model plus retrieval 42.6 vs GPT-3.5 plus retrieval 29.1.",
    reported: true,
};
const GURURANGAN: Evidence = Evidence {
    source: "Gururangan et al., \"Don't Stop Pretraining\"",
    year: Some(2020),
    locator: "arXiv:2004.10964",
    finding: "Continuing pre-training on text from the domain and the task improved results \
              in that domain.",
    reported: false,
};
const ENTIGRAPH: Evidence = Evidence {
    source: "Yang et al., \"Synthetic continued pretraining\" (ICLR)",
    year: Some(2025),
    locator: "arXiv:2409.07431",
    finding: "Expanding a small corpus synthetically and continuing pre-training recovered \
              much of retrieval's gain, and stacked with retrieval.",
    reported: false,
};
const BIDERMAN: Evidence = Evidence {
    source: "Biderman et al., \"LoRA Learns Less and Forgets Less\"",
    year: Some(2024),
    locator: "arXiv:2405.09673",
    finding: "Full fine-tuning forgot more of what the model knew before than LoRA did \
              (retention 0.45 vs 0.63 after code instruction tuning).",
    reported: false,
};
const CLASHEVAL: Evidence = Evidence {
    source: "Wu, Wu, Zou, \"ClashEval\"",
    year: Some(2024),
    locator: "arXiv:2404.10198",
    finding: "Models adopted wrong retrieved content over their own correct knowledge more \
              than 60% of the time.",
    reported: false,
};
const LOST_MIDDLE: Evidence = Evidence {
    source: "Liu et al., \"Lost in the Middle\"",
    year: Some(2023),
    locator: "arXiv:2307.03172",
    finding: "Relevant passages placed in the middle of a long context were used least.",
    reported: false,
};

/// Every concept, in reading order.
pub(crate) const CONCEPTS: &[Concept] = &[
    Concept {
        id: "knowledge-behaviour",
        title: "Knowledge versus behaviour",
        body: &[
            "A language model can be missing two different things. Knowledge: facts it was \
             never shown, such as your prices. Behaviour: how it answers, such as your house \
             format, tone or length.",
            "Retrieval adds knowledge: it looks up passages in your documents and puts them in \
             front of the model at question time. Fine-tuning changes behaviour: it adjusts the \
             model's weights with examples until it answers the way the examples do.",
        ],
        points: &[],
        evidence: &[OVADIA, LIMA],
        scene: scene(ViewId::Ask, Some(PRICE_QUESTION), true, true, "v1", true),
        notice: "the four cards answer one question four ways. The base model does not know \
                 the price; retrieval quotes a document; the tuned model answers from its \
                 weights in the house format; both combines the two.",
    },
    Concept {
        id: "when-retrieval",
        title: "When retrieval fits",
        body: &[
            "Choose retrieval when the answer lives in documents rather than in a way of \
                 speaking:",
        ],
        points: &[
            "the data changes often: update a document and the next answer uses it, with no \
             retraining;",
            "answers must name their source: retrieval can point at the passage it used;",
            "you want fewer made-up answers: the model answers from the passage in front of it, \
             and can decline when nothing relevant is found;",
            "you have documents but few labelled question-answer examples;",
            "the knowledge must be auditable and correctable: fixing a wrong answer means \
             fixing a document, which anyone can review.",
        ],
        evidence: &[OVADIA_FIGURES, FINETUNEBENCH, SOUDANI],
        scene: scene(ViewId::Ask, Some(PRICE_QUESTION), true, false, "v2", true),
        notice: "at July 2024 the Pro price changed. The retrieval card already gives the new \
                 price and cites the pricing document; the tuned card (trained on January 2024) \
                 still gives the old one.",
    },
    Concept {
        id: "when-tuning",
        title: "When fine-tuning fits",
        body: &["Choose fine-tuning when the model knows enough but answers the wrong way:"],
        points: &[
            "a consistent format or style: every answer in your template, your tone;",
            "a narrow, well-defined task that will not change for months;",
            "latency: a tuned model needs no search step and no long prompt of instructions;",
            "behaviour patterns that are hard to describe but easy to show with examples.",
        ],
        evidence: &[LIMA, OPENAI_GUIDE, GEKHMAN],
        scene: scene(
            ViewId::Tradeoff,
            Some(PRICE_QUESTION),
            false,
            true,
            "v1",
            true,
        ),
        notice: "the trade-off chart puts each system at its measured knowledge accuracy \
                 (across) and format compliance (up). The tuned points sit high: they follow \
                 the house format. Retrieval alone sits low on format.",
    },
    Concept {
        id: "both",
        title: "Both together",
        body: &[
            "The two are not rivals. A model fine-tuned for your format can still be handed \
             retrieved passages: the passages supply current facts, the tuning supplies the \
             behaviour. In this app, \"both\" renders the retrieved fact in the tuned model's \
             house format, with the citation.",
            "Some teams go further and fine-tune the model on examples that include retrieved \
             passages, so it learns to use them well and to ignore distractors.",
        ],
        points: &[],
        evidence: &[BALAGUER, RAFT, RAFT_FIGURES],
        scene: scene(ViewId::Ask, Some(PRICE_QUESTION), true, true, "v3", true),
        notice: "the \"both\" card (selected) gives the current price in the house format and \
                 cites its source.",
    },
    Concept {
        id: "heuristic",
        title: "A practical rule",
        body: &[
            "Start with a base model plus retrieval, and a clear prompt. Add fine-tuning only \
             when all three hold: retrieval alone still misses the accuracy or the behaviour \
             you need; you have enough good examples not to overfit (tens at the least, \
             hundreds is safer); and the task is stable enough that the tuned model will not \
             need retraining every month.",
            "The decision guide turns this rule into seven questions about your own case.",
        ],
        points: &[],
        evidence: &[OPENAI_GUIDE, BALAGUER],
        scene: scene(ViewId::Guide, None, true, true, "v3", true),
        notice: "the decision guide: answer the questions and read the reasons behind its \
                 recommendation.",
    },
    Concept {
        id: "continued-pretraining",
        title: "Continued pre-training, fine-tuning, retrieval",
        body: &[
            "Continued pre-training keeps training a model on a large amount of raw text from \
             your domain, with no question-answer pairs. It teaches vocabulary and concepts, \
             costs far more than fine-tuning, and still cannot cite or update quickly.",
            "Fine-tuning trains on a smaller set of examples of the behaviour you want. \
             Retrieval trains nothing: it searches at question time. Teaching facts through \
             training of any kind needs many exposures and rewordings of each fact, and can \
             make the model forget what it knew.",
        ],
        points: &[],
        evidence: &[GURURANGAN, ENTIGRAPH, BIDERMAN],
        scene: scene(
            ViewId::Training,
            Some(PRICE_QUESTION),
            false,
            true,
            "v2",
            true,
        ),
        notice: "the training panel: accuracy on the phrasings the model was trained on is \
                 higher than on new wordings of the same facts, and training on changes only \
                 makes it forget old facts.",
    },
    Concept {
        id: "replace",
        title: "Can retrieval replace fine-tuning?",
        body: &[
            "For knowledge, mostly yes: studies find retrieval adds facts more reliably than \
             fine-tuning does. For behaviour, no: retrieval puts facts in front of the model \
             but does not change how it answers. A strict format has to come from the prompt \
             or from tuning.",
            "Retrieval also has its own failure: it is only as good as what it finds. If it \
             returns a wrong or outdated passage, the answer is wrong, and it can answer \
             confidently.",
        ],
        points: &[],
        evidence: &[CLASHEVAL, LOST_MIDDLE],
        scene: scene(ViewId::Ask, Some(PRICE_QUESTION), true, false, "v3", true),
        notice: "retrieval alone (selected) gives the current price with a citation, but as \
                 the raw sentence from the document, not in the house format. Compare the \
                 \"both\" card, where the tuned model supplies the format.",
    },
    Concept {
        id: "choose-documents",
        title: "Choosing the documents",
        body: &[
            "Retrieval can only find what is in the index, and it can be distracted by what \
             should not be there: outdated pages, drafts, notes with little content. Leaving \
             those out is often the cheapest improvement available.",
            "The sample corpus flags some documents as outdated or low-signal, and this app \
             leaves them out of the index unless you switch curation off. Measure what that \
             choice is worth: how often the right document is among the top five passages, \
             with and without them.",
        ],
        points: &[],
        evidence: &[LOST_MIDDLE],
        scene: scene(
            ViewId::Inspector,
            Some(PRICE_QUESTION),
            true,
            false,
            "v3",
            false,
        ),
        notice: "the retrieval inspector with every document indexed, the flagged ones too \
                 (the app normally leaves them out). Look at what competes for the top places.",
    },
];

/// The live curation demonstration's words.
pub(crate) mod curation {
    /// Button that runs the measurement.
    pub(crate) const MEASURE: &str = "Measure recall with and without them";
    /// Row label: every document indexed.
    pub(crate) const ALL: &str = "All documents";
    /// Row label: flagged documents left out.
    pub(crate) const CURATED: &str = "Outdated and low-signal left out";
    /// Column headings.
    pub(crate) const HEADINGS: [&str; 3] = ["Index", "Passages", "Right document in top 5"];
    /// Caption over the result.
    pub(crate) const CAPTION: &str = "Recall on the evaluation questions at the version in view";
    /// Explains what is measured.
    pub(crate) const EXPLAIN: &str = "For every fact question in the evaluation set, does the \
        document that states the answer appear among the five passages retrieval returns? \
        Your own setting is put back afterwards.";
}
