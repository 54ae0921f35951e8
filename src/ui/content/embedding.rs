//! The "Embedding this app" section at the end of the Concepts page: what the Embed dialog's
//! snippet does and how a host page talks to the app. It is the in-app copy of the README's
//! "Embed it in a course page", so the dialog can link to instructions the learner can reach
//! (the README is not shipped with the site).

/// The anchor the Embed dialog links to (`?view=concepts#embedding`).
pub(crate) const ID: &str = "embedding";
/// The section's heading.
pub(crate) const TITLE: &str = "Embedding this app in a course page";
/// The paragraphs, in order.
pub(crate) const BODY: &[&str] = &[
    "The header's \u{201c}Embed\u{2026}\u{201d} button writes an iframe snippet for the view \
     on screen, with its question and settings. Paste it into a course page or a learning \
     platform: the embedded app shows that view without the header, navigation and footer \
     (the link carries embed=1).",
    "A question asked of your own documents is left out of the snippet: your documents stay in \
     this browser, so the embedded app answers from the sample company's documents, and a \
     question about yours would be out of place there (and private).",
    "Hide more with hide= and a comma-separated list: share, toggles, versions, suggestions, \
     header, nav, footer, or a view's name (map, cost, \u{2026}) to drop its link. For example: \
     ?view=ask&embed=1&hide=versions.",
];
/// Heading over the host-page messages.
pub(crate) const MESSAGES_TITLE: &str = "Talking to the host page";
/// The messages, one line each: what the app posts to its parent, and what it accepts.
pub(crate) const MESSAGES: &[&str] = &[
    "ready: the model and documents are loaded (a setState sent now is kept).",
    "resize (height, in CSS pixels): the content height changed; set the iframe's height to it \
     so the app never scrolls inside its frame.",
    "stateChanged (state: view, q, rag, tuned, v, k, t, curated): the learner changed the view, \
     question, toggles, version or settings.",
    "tourCompleted: the learner finished the guided tour.",
    "progress (viewsVisited, tourStepReached, tourSteps, tourCompleted, checkAvailable, check): \
     what the learner has done, sent whenever it changes; a course platform can record it.",
    "The app accepts { type: \"setState\", state: { \u{2026} } }, with the same keys and rules \
     as the link (keys not given stay as they are), and { type: \"restoreProgress\", progress: \
     { \u{2026} } } with what a progress message said, so a learner resumes.",
];
/// The note under the messages.
pub(crate) const MESSAGES_NOTE: &str = "Every message the app posts is { source: \"rag-or-tune\", \
     type, \u{2026} }; check the message's source window and origin before trusting it.";
