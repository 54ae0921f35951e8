//! Keeping the work: where autosave stands, Export (one JSON file, downloaded, no network),
//! Import (validated fully; problems listed by path; nothing changes unless all is well) and
//! "Clear my work" with a confirmation.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::scenario::Scenario;
use crate::ui::state::files::read_first;
use crate::ui::state::files::take_chosen;
use crate::ui::state::learner_work::LearnerWork;
use crate::ui::state::persist::{self, SaveStatus};
use crate::ui::state::workshop::Workshop;
use crate::ui::state::AppStore;

/// The export, import and clear controls with the save status.
#[component]
pub(crate) fn SaveAndShare() -> impl IntoView {
    let store = AppStore::use_context();
    let work = LearnerWork::use_context();
    let message = RwSignal::new(None::<String>);
    let problems = RwSignal::new(Vec::<String>::new());
    let confirming = RwSignal::new(false);
    let workshop = Workshop::use_context();

    let export = move |_| {
        problems.set(Vec::new());
        message.set(Some(persist::export_download(store, work)));
    };
    let on_import = move |ev: leptos::ev::Event| {
        let files = take_chosen(&ev);
        // The work an import replaces is kept for Undo (Clear my work asks first; an import
        // must not be the one way to lose work unasked).
        let before = persist::capture(store, work).filter(has_own_work);
        spawn_local(async move {
            let Some(read) = read_first(files).await else {
                return;
            };
            let outcome = match read {
                Ok(file) => match String::from_utf8(file.bytes) {
                    Ok(text) => {
                        let show = |step: String| {
                            message.try_set(Some(format!("Importing {}. {step}", file.name)));
                        };
                        persist::import_json(store, work, &text, show)
                            .await
                            .map(|()| file.name)
                    }
                    Err(_) => Err(vec![format!("{}: this is not a text file.", file.name)]),
                },
                Err(e) => Err(vec![e]),
            };
            match outcome {
                Ok(name) => {
                    problems.try_set(Vec::new());
                    let mut said = format!("Imported {name}: everything in it is now in use.");
                    if let Some(before) = before {
                        said.push_str(" Your earlier work is set aside: Undo at the top of the page brings it back.");
                        workshop.remember(
                            before,
                            format!("Imported {name}: your earlier work was replaced."),
                        );
                    }
                    message.try_set(Some(said));
                }
                Err(list) => {
                    problems.try_set(list);
                    message.try_set(Some(
                        "The file was not imported, and nothing was changed. The first problems:"
                            .to_string(),
                    ));
                }
            }
        });
    };
    let clear = move |_| {
        confirming.set(false);
        problems.set(Vec::new());
        message.set(Some(match persist::clear(store, work) {
            Ok(()) => "Cleared: the sample corpus is back as shipped, and nothing is saved.".into(),
            Err(why) => why,
        }));
    };

    view! {
        <section class="mine__save" aria-labelledby="mine-save-title">
            <h3 id="mine-save-title">"Keep your work"</h3>
            <p class="mine__why">
                "Your documents, pairs, edits to the sample corpus and settings are saved in this "
                "browser's local storage as you go (it is simple and works offline and from a "
                "file; it holds about 5 MB). Export them to a file to keep them elsewhere or to "
                "give them to someone."
            </p>
            <SaveLine status=work.saved/>
            <div class="mine__save-actions">
                <button type="button" class="mine__export" on:click=export>"Export to a file"</button>
                <label for="mine-scenario-file">"Import a file:"</label>
                <input id="mine-scenario-file" type="file" accept=".json" on:change=on_import/>
                <button type="button" class="mine__clear" on:click=move |_| confirming.set(true)>
                    "Clear my work"
                </button>
            </div>
            <Show when=move || confirming.get()>
                <div class="mine__confirm" role="alertdialog" aria-labelledby="mine-confirm-text">
                    <span id="mine-confirm-text">
                        "Remove your documents, pairs and edits from this browser? Export first if you want to keep them."
                    </span>
                    <button type="button" class="mine__clear-yes" on:click=clear>"Yes, clear everything"</button>
                    <button type="button" on:click=move |_| confirming.set(false)>"Keep my work"</button>
                </div>
            </Show>
            {move || message.get().map(|m| view! { <p class="mine__summary mine__save-message" role="status">{m}</p> })}
            {move || {
                let list = problems.get();
                (!list.is_empty()).then(|| view! {
                    <ul class="mine__problems">
                        {list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}

/// True when `work` holds something the learner made (documents, pairs or edits).
fn has_own_work(work: &Scenario) -> bool {
    !work.documents.is_empty() || !work.pairs.is_empty() || !work.edits.is_empty()
}

/// "Saved in this browser." or the reason it was not.
#[component]
pub(crate) fn SaveLine(status: RwSignal<SaveStatus>) -> impl IntoView {
    move || {
        let status = status.get();
        let class = if status.is_error() {
            "save-status save-status--error"
        } else {
            "save-status"
        };
        let role = if status.is_error() { "alert" } else { "status" };
        view! { <p class=class role=role>{status.to_string()}</p> }
    }
}
