//! Presenter mode (`?presenter=1`, or the header's Present button): large type and no
//! navigation chrome, for projecting in a workshop. The tour steps with ← → (and a clicker's
//! PageUp / PageDown) and docks beside the content instead of over it; with no tour open the
//! same keys move between views, except on the Concepts page, where they step one concept at a
//! time. Esc (with no tour open) leaves presenter mode.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::ui::content::presenter as text;
use crate::ui::state::url_schema as url;
use crate::ui::state::ViewId;

/// True when the query asks for presenter mode.
pub(crate) fn presenter_on(value: Option<&str>) -> bool {
    url::flag_on(value)
}

/// What a key does in presenter mode with no tour open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PresenterKey {
    /// Show this view.
    Go(ViewId),
    /// Leave presenter mode.
    Leave,
}

/// The action of `key` on `view` with no tour open; `None` when presenter mode leaves the key
/// alone (typing, the Concepts page's own stepping, the ends of the view list).
pub(crate) fn presenter_key(key: &str, view: ViewId) -> Option<PresenterKey> {
    let at = ViewId::ALL.iter().position(|v| *v == view)?;
    let step = |delta: isize| {
        let next = at.checked_add_signed(delta)?;
        ViewId::ALL.get(next).copied().map(PresenterKey::Go)
    };
    match key {
        "Escape" => Some(PresenterKey::Leave),
        _ if view == ViewId::Concepts => None,
        "ArrowRight" | "PageDown" => step(1),
        "ArrowLeft" | "PageUp" => step(-1),
        _ => None,
    }
}

/// True when keys typed here belong to a form field.
fn typing_in_field(event: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Turns presenter mode on or off, optionally moving to a view.
type SetPresenting = dyn Fn(bool, Option<ViewId>);

/// The header's Present / Stop presenting button, the root flag, the keys and the badge.
#[component]
pub(crate) fn Presenter(tour_open: Signal<bool>) -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let on = Memo::new(move |_| presenter_on(query.read().get(url::PRESENTER).as_deref()));
    Effect::new(move |_| {
        let on = on.get();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = if on {
                root.set_attribute("data-presenter", "")
            } else {
                root.remove_attribute("data-presenter")
            };
        }
    });
    let set = move |present: bool, view: Option<ViewId>| {
        let mut params = query.get_untracked();
        url::put(
            &mut params,
            url::PRESENTER,
            present.then(|| "1".to_string()),
        );
        if let Some(view) = view {
            params.replace(url::VIEW, view.slug().to_string());
        }
        // Entering or leaving keeps the history entry; moving between views adds one.
        navigate(&params.to_query_string(), url::query_write(view.is_none()));
    };
    let actions: StoredValue<Box<SetPresenting>, LocalStorage> =
        StoredValue::new_local(Box::new(set));
    let act = move |present: bool, view: Option<ViewId>| actions.with_value(|f| f(present, view));
    let keys = window_event_listener(ev::keydown, move |event| {
        if !on.get_untracked()
            || tour_open.get_untracked()
            || event.ctrl_key()
            || event.meta_key()
            || event.alt_key()
            || event.default_prevented()
            || typing_in_field(&event)
        {
            return;
        }
        let view = query
            .get_untracked()
            .get(url::VIEW)
            .and_then(|slug| ViewId::from_slug(&slug))
            .unwrap_or(ViewId::DEFAULT);
        match presenter_key(&event.key(), view) {
            Some(PresenterKey::Go(next)) => {
                event.prevent_default();
                act(true, Some(next));
            }
            Some(PresenterKey::Leave) => act(false, None),
            None => {}
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <button type="button" class="share-bar__button presenter-toggle"
            aria-pressed=move || on.get().to_string()
            title=move || if on.get() { text::KEYS } else { text::BUTTON_HINT }
            on:click=move |_| act(!on.get_untracked(), None)>
            {move || if on.get() { text::LEAVE } else { text::PRESENT }}
        </button>
        {move || on.get().then(|| view! {
            <p class="presenter-badge visually-hidden" role="status">
                {text::BADGE}": "{text::KEYS}
            </p>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_explicit_values_turn_it_on() {
        assert!(presenter_on(Some("1")));
        assert!(presenter_on(Some("true")));
        assert!(!presenter_on(Some("0")));
        assert!(!presenter_on(Some("")));
        assert!(!presenter_on(None));
    }

    #[test]
    fn arrows_and_clicker_keys_walk_the_views_in_navigation_order() {
        assert_eq!(
            presenter_key("ArrowRight", ViewId::Ask),
            Some(PresenterKey::Go(ViewId::Inspector))
        );
        assert_eq!(
            presenter_key("PageUp", ViewId::Inspector),
            Some(PresenterKey::Go(ViewId::Ask))
        );
        assert_eq!(
            presenter_key("ArrowLeft", ViewId::Ask),
            None,
            "no wrap at the start"
        );
        assert_eq!(
            presenter_key("ArrowRight", ViewId::Check),
            None,
            "no wrap at the end"
        );
        assert_eq!(
            presenter_key("Escape", ViewId::Map),
            Some(PresenterKey::Leave)
        );
        assert_eq!(presenter_key("x", ViewId::Map), None);
    }

    #[test]
    fn the_concepts_page_keeps_its_own_stepping() {
        assert_eq!(presenter_key("ArrowRight", ViewId::Concepts), None);
        assert_eq!(
            presenter_key("Escape", ViewId::Concepts),
            Some(PresenterKey::Leave)
        );
    }
}
