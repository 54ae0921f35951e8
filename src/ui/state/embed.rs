//! Embed mode and hide flags, read from the URL query, in the spirit of TensorFlow
//! Playground's `*_hide` flags: `?embed=1` drops the page chrome (header, navigation, footer)
//! so the app fits an iframe in a course page; `hide=a,b,c` hides chosen controls or views.
//!
//! The flags become one space-separated `data-hide` attribute on the root element, and the
//! stylesheet (`share_bar.css`) hides by attribute, so no view needs to know about embedding.

use super::url_schema as url;
use super::view_id::ViewId;

/// A part of the page that `hide=` can remove.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Hidden {
    /// The header (title, promise, share buttons).
    Header,
    /// The navigation between views.
    Nav,
    /// The footer.
    Footer,
    /// The copy-link / reset / iframe buttons.
    Share,
    /// The Retrieval / Tuned-weights toggles on Ask.
    Toggles,
    /// The corpus version picker.
    Versions,
    /// The suggested questions on Ask.
    Suggestions,
    /// One view's link in the navigation.
    View(ViewId),
}

impl Hidden {
    /// Reads one `hide=` entry: a control name or a view slug.
    pub(crate) fn parse(word: &str) -> Option<Hidden> {
        Some(match word {
            "header" => Hidden::Header,
            "nav" => Hidden::Nav,
            "footer" => Hidden::Footer,
            "share" => Hidden::Share,
            "toggles" => Hidden::Toggles,
            "versions" => Hidden::Versions,
            "suggestions" => Hidden::Suggestions,
            slug => Hidden::View(ViewId::from_slug(slug)?),
        })
    }

    /// Sort key: controls in declaration order, then views in navigation order.
    fn rank(self) -> usize {
        match self {
            Hidden::Header => 0,
            Hidden::Nav => 1,
            Hidden::Footer => 2,
            Hidden::Share => 3,
            Hidden::Toggles => 4,
            Hidden::Versions => 5,
            Hidden::Suggestions => 6,
            Hidden::View(view) => 7 + ViewId::ALL.iter().position(|v| *v == view).unwrap_or(0),
        }
    }

    /// The token in the `data-hide` attribute (views get a `view-` prefix).
    pub(crate) fn token(self) -> String {
        match self {
            Hidden::Header => "header".into(),
            Hidden::Nav => "nav".into(),
            Hidden::Footer => "footer".into(),
            Hidden::Share => "share".into(),
            Hidden::Toggles => "toggles".into(),
            Hidden::Versions => "versions".into(),
            Hidden::Suggestions => "suggestions".into(),
            Hidden::View(view) => format!("view-{}", view.slug()),
        }
    }
}

/// What the query asks of embed mode.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct EmbedFlags {
    /// `embed=1`: running inside another page.
    pub(crate) embed: bool,
    /// Everything to hide, sorted and without repeats (embed mode adds the chrome).
    pub(crate) hidden: Vec<Hidden>,
    /// `hide=` entries that name nothing known (kept so a caller can mention them).
    pub(crate) unknown: Vec<String>,
}

/// The longest `hide=` list read (entries), so a hostile link cannot make work.
const MAX_HIDE_ENTRIES: usize = 32;

impl EmbedFlags {
    /// Parses the query pairs; keys other than `embed` and `hide` are not looked at.
    /// `hide` may repeat and holds comma- or space-separated entries.
    pub(crate) fn from_query<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> EmbedFlags {
        let mut flags = EmbedFlags::default();
        for (key, value) in pairs {
            match key {
                url::EMBED => flags.embed = url::flag_on(Some(value)),
                url::HIDE => {
                    let words = value
                        .split([',', ' '])
                        .map(str::trim)
                        .filter(|w| !w.is_empty())
                        .take(MAX_HIDE_ENTRIES);
                    for word in words {
                        match Hidden::parse(&word.to_ascii_lowercase()) {
                            Some(hidden) => flags.hidden.push(hidden),
                            None => flags.unknown.push(word.chars().take(24).collect()),
                        }
                    }
                }
                _ => {}
            }
        }
        if flags.embed {
            flags
                .hidden
                .extend([Hidden::Header, Hidden::Nav, Hidden::Footer]);
        }
        flags.hidden.sort_by_key(|h| h.rank());
        flags.hidden.dedup();
        flags
    }

    /// The value of the root element's `data-hide` attribute (empty when nothing is hidden).
    pub(crate) fn attribute(&self) -> String {
        self.hidden
            .iter()
            .map(|h| h.token())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_hides_the_chrome_only() {
        let flags = EmbedFlags::from_query([(url::EMBED, "1"), (url::VIEW, "map")]);
        assert!(flags.embed);
        assert_eq!(flags.attribute(), "header nav footer");
        assert!(!flags.hidden.contains(&Hidden::Toggles));
    }

    #[test]
    fn hide_lists_controls_and_views_and_reports_unknown_words() {
        let flags = EmbedFlags::from_query([
            (url::HIDE, "toggles, versions,MAP"),
            (url::HIDE, "suggestions cost bogus"),
        ]);
        assert!(!flags.embed);
        assert_eq!(
            flags.attribute(),
            "toggles versions suggestions view-map view-cost"
        );
        assert_eq!(flags.unknown, vec!["bogus".to_string()]);
    }

    #[test]
    fn no_flags_means_nothing_hidden_and_bad_values_are_harmless() {
        assert_eq!(EmbedFlags::from_query([]), EmbedFlags::default());
        let flags = EmbedFlags::from_query([(url::EMBED, "yes please"), (url::HIDE, ",,,")]);
        assert_eq!(flags, EmbedFlags::default());
        let many = "nav,".repeat(10_000);
        let flags = EmbedFlags::from_query([(url::HIDE, many.as_str())]);
        assert_eq!(flags.hidden, vec![Hidden::Nav]);
    }

    #[test]
    fn repeats_collapse() {
        let flags = EmbedFlags::from_query([(url::EMBED, "1"), (url::HIDE, "nav,nav,footer")]);
        assert_eq!(
            flags.hidden,
            vec![Hidden::Header, Hidden::Nav, Hidden::Footer]
        );
    }
}
