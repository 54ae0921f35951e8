//! A readable error panel instead of a blank page when the app panics.
//!
//! The panel is written with plain DOM calls, not Leptos, because after a panic the reactive
//! runtime can no longer be trusted to render anything.

/// The `id` of the panel element, so tests can find it.
pub(crate) const PANEL_ID: &str = "panic-panel";

/// Installs the panic hook: log the message, then show the panel.
pub(crate) fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("rag-or-tune panicked: {message}").into());
        show(&message);
    }));
}

fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    if document.get_element_by_id(PANEL_ID).is_some() {
        return;
    }
    let Ok(panel) = document.create_element("section") else {
        return;
    };
    panel.set_id(PANEL_ID);
    let _ = panel.set_attribute("role", "alert");
    let heading = document.create_element("h2").ok();
    let text = document.create_element("p").ok();
    let detail = document.create_element("pre").ok();
    let reload = document.create_element("a").ok();
    if let Some(h) = &heading {
        h.set_text_content(Some("Something went wrong inside the explainer"));
        let _ = panel.append_child(h);
    }
    if let Some(p) = &text {
        p.set_text_content(Some(
            "The page stopped because of a bug, not because of anything you did. \
             Your saved work is kept in this browser. Reload to start again; \
             if it happens again, the details below help us fix it.",
        ));
        let _ = panel.append_child(p);
    }
    if let Some(pre) = &detail {
        // set_text_content, never innerHTML: the message may echo user input.
        pre.set_text_content(Some(message));
        let _ = panel.append_child(pre);
    }
    // A link to the page itself reloads it without any script (and passes a strict CSP). It
    // drops the query, so a panic that a link's parameters cause does not come straight back.
    if let Some(link) = reload {
        link.set_text_content(Some("Reload the page"));
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        let _ = link.set_attribute("href", if path.is_empty() { "." } else { &path });
        let _ = link.set_attribute("class", "button");
        let _ = panel.append_child(&link);
    }
    let _ = body.prepend_with_node_1(&panel);
}
