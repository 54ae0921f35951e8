//! The navigation between views, grouped, with the current one marked. On a phone the links
//! form one sideways-scrolling bar, which is scrolled to show the current link at load and
//! whenever the view changes.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::ui::state::url_schema as url;
use crate::ui::state::view_id::{ViewGroup, ViewId};

/// Keeps clear between the current link and the bar's edge, so the neighbour peeks in.
const REVEAL_MARGIN: f64 = 24.0;

/// Scrolls the bar `nav` sideways, the least distance that shows the link of `slug` whole
/// (like `scrollIntoView({ inline: "nearest" })`). Only the bar's own `scrollLeft` changes,
/// never the page's vertical position. It jumps: `shell.css` turns on smooth scrolling once
/// the bar is marked `data-revealed` (after the first reveal, at load) and not at all under
/// reduced motion.
fn reveal_current(nav: &web_sys::Element, slug: &str) {
    let Ok(Some(link)) = nav.query_selector(&format!(".app-nav__link[data-view=\"{slug}\"]"))
    else {
        return;
    };
    if nav.scroll_width() <= nav.client_width() {
        return;
    }
    let (bar, target) = (
        nav.get_bounding_client_rect(),
        link.get_bounding_client_rect(),
    );
    let margin = REVEAL_MARGIN.min(bar.width() / 4.0);
    let shift = if target.left() < bar.left() + margin {
        target.left() - bar.left() - margin
    } else if target.right() > bar.right() - margin {
        (target.right() - bar.right() + margin).min(target.left() - bar.left() - margin)
    } else {
        0.0
    };
    if shift != 0.0 {
        nav.set_scroll_left(nav.scroll_left() + shift.round() as i32);
    }
}

/// Links to every view. Each link keeps the rest of the query, so switching views keeps the
/// question, modes and settings.
#[component]
pub(crate) fn Nav(current: Memo<ViewId>) -> impl IntoView {
    let query = use_query_map();
    let bar = NodeRef::<leptos::html::Nav>::new();
    Effect::new(move |_| {
        let view = current.get();
        if let Some(nav) = bar.get() {
            reveal_current(&nav, view.slug());
            // From now on a change of view may glide (see shell.css).
            let _ = nav.set_attribute("data-revealed", "");
        }
    });
    let href = move |view: ViewId| {
        let mut params = query.get();
        params.replace(url::VIEW, view.slug().to_string());
        params.to_query_string()
    };
    let groups = ViewGroup::ALL.map(|group| {
        let links = ViewId::ALL
            .into_iter()
            .filter(|v| v.group() == group)
            .map(|view| {
                view! {
                    <li>
                        <a
                            class="app-nav__link"
                            data-view=view.slug()
                            href=move || href(view)
                            aria-current=move || (current.get() == view).then_some("page")
                        >
                            {view.title()}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <li class="app-nav__group">
                <span class="app-nav__group-title">{group.title()}</span>
                <ul class="app-nav__links">{links}</ul>
            </li>
        }
    });
    view! {
        <nav class="app-nav" aria-label="Views" node_ref=bar>
            <ul class="app-nav__groups">{groups.into_iter().collect_view()}</ul>
        </nav>
    }
}
