//! Presenter mode (`?presenter=1`): large type and no navigation chrome, for projecting in a
//! workshop. The tour steps with ← →; on the Concepts page the same keys step one concept at
//! a time. Esc (with no tour open) leaves presenter mode.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::ui::content::presenter as text;
use crate::ui::state::url_schema as url;

/// True when the query asks for presenter mode.
pub fn presenter_on(value: Option<&str>) -> bool {
    url::flag_on(value)
}

/// Sets presenter mode on the page root and shows its badge.
#[component]
pub fn Presenter(tour_open: Signal<bool>) -> impl IntoView {
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
    let leave = move || {
        let mut params = query.get_untracked();
        params.remove(url::PRESENTER);
        navigate(&params.to_query_string(), url::query_write(true));
    };
    let actions: StoredValue<Box<dyn Fn()>, LocalStorage> = StoredValue::new_local(Box::new(leave));
    let keys = window_event_listener(ev::keydown, move |event| {
        if on.get_untracked() && !tour_open.get_untracked() && event.key() == "Escape" {
            actions.with_value(|f| f());
        }
    });
    on_cleanup(move || keys.remove());
    move || {
        on.get().then(|| {
            view! {
                <div class="presenter-badge" role="status">
                    <strong>{text::BADGE}</strong>
                    <span>{text::KEYS}</span>
                    <button type="button" class="link-button"
                        on:click=move |_| actions.with_value(|f| f())>{text::LEAVE}</button>
                </div>
            }
        })
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
}
