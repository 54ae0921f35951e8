//! The training controls, each with a plain sentence on what it does and what to expect.
//! Everything sits in one fieldset, disabled while a run is going; the settings the lesson is
//! not about sit behind a "More settings" disclosure, closed at first.

use leptos::prelude::*;

use crate::core::workbench::TrainData;
use crate::ui::state::training_panel::settings::{
    parse_or, seed_from, PanelSettings, ScopeChoice, CAPACITIES, EPOCHS, LEARNING_RATES, PHRASINGS,
    REPLAY_PERCENT,
};

/// One labelled control with its explanation below it.
#[component]
fn Control(
    /// The `id` of the input the label names.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// What it does and what to expect.
    help: &'static str,
    /// The input (and its value display).
    children: Children,
) -> impl IntoView {
    let help_id = format!("{id}-help");
    view! {
        <div class="training-control">
            <label class="training-control__label" for=id>{label}</label>
            <div class="training-control__input">{children()}</div>
            <p class="training-control__help" id=help_id>{help}</p>
        </div>
    }
}

/// A radio button bound to a choice.
fn radio<T: Copy + PartialEq + Send + Sync + 'static>(
    name: &'static str,
    value: T,
    label: String,
    current: Signal<T>,
    pick: impl Fn(T) + 'static,
) -> impl IntoView {
    view! {
        <label class="training-radio">
            <input
                type="radio"
                name=name
                prop:checked=move || current.get() == value
                on:change=move |_| pick(value)
            />
            <span>{label}</span>
        </label>
    }
}

/// The "current version" choice, naming the version once it is known.
fn current_label(version: &str) -> String {
    if version.is_empty() {
        "Current version".to_string()
    } else {
        format!("Current version ({version})")
    }
}

/// The controls for `settings`; disabled while `busy`. `current_version` names the version the
/// documents are at, for the "current version" choice.
#[component]
pub(crate) fn Controls(
    /// The settings the controls edit.
    settings: RwSignal<PanelSettings>,
    /// True while training.
    busy: Signal<bool>,
    /// The documents' version now ("v2").
    current_version: Signal<String>,
    /// The training snapshot's version ("v1").
    snapshot: Signal<String>,
) -> impl IntoView {
    let data = Signal::derive(move || settings.with(|s| s.data));
    let scope = Signal::derive(move || settings.with(|s| s.scope));
    let set_data = move |choice| settings.update(|s| s.data = choice);
    let set_scope = move |choice| settings.update(|s| s.scope = choice);
    let seed_problem = RwSignal::new(None::<String>);
    view! {
        <fieldset class="training-controls" prop:disabled=move || busy.get()>
            <legend>"Settings"</legend>
            <Control id="train-epochs" label="Epochs"
                help="How many times training goes through every example. More epochs fit the \
                      trained wording more tightly, which does not help new wordings.">
                <input id="train-epochs" type="range" aria-describedby="train-epochs-help"
                    min=EPOCHS.0 max=EPOCHS.1 step="5"
                    prop:value=move || settings.with(|s| s.epochs).to_string()
                    on:input=move |ev| {
                        let value = parse_or(&event_target_value(&ev), EPOCHS.0);
                        settings.update(|s| s.epochs = value);
                    }/>
                <output for="train-epochs">{move || settings.with(|s| s.epochs)}</output>
            </Control>
            <Control id="train-phrasings" label="Paraphrase augmentation"
                help="How many differently worded questions per fact it trains on (written by \
                      hand, 1 to 4). More phrasings usually raise accuracy on wordings it never saw.">
                <input id="train-phrasings" type="range" aria-describedby="train-phrasings-help"
                    min=PHRASINGS.0 max=PHRASINGS.1 step="1"
                    prop:value=move || settings.with(|s| s.phrasings).to_string()
                    on:input=move |ev| {
                        let value = parse_or(&event_target_value(&ev), PHRASINGS.0);
                        settings.update(|s| s.phrasings = value);
                    }/>
                <output for="train-phrasings">
                    {move || match settings.with(|s| s.phrasings) {
                        1 => "1 phrasing per fact".to_string(),
                        n => format!("{n} phrasings per fact"),
                    }}
                </output>
            </Control>
            <div class="training-control" role="radiogroup" aria-labelledby="train-data-label"
                aria-describedby="train-data-help">
                <span class="training-control__label" id="train-data-label">"Training data"</span>
                <div class="training-control__input training-control__choices">
                    {move || radio("train-data", TrainData::Snapshot,
                        format!("Snapshot {}", snapshot.get()), data, set_data)}
                    {move || radio("train-data", TrainData::Current,
                        current_label(&current_version.get()), data, set_data)}
                </div>
                <p class="training-control__help" id="train-data-help">
                    "Which answers it learns: what the documents said when the model was first \
                     tuned, or what they say now (move the documents in time above)."
                </p>
            </div>
            <div class="training-control" role="radiogroup" aria-labelledby="train-scope-label"
                aria-describedby="train-scope-help">
                <span class="training-control__label" id="train-scope-label">"What to train"</span>
                <div class="training-control__input training-control__choices">
                    {radio("train-scope", ScopeChoice::Fresh, "Fresh model, every fact".into(),
                        scope, set_scope)}
                    {radio("train-scope", ScopeChoice::ChangesOnly,
                        "Continue on the changes only".into(), scope, set_scope)}
                    {radio("train-scope", ScopeChoice::Replay,
                        "Continue on the changes + replay".into(), scope, set_scope)}
                </div>
                <p class="training-control__help" id="train-scope-help">
                    "Continuing updates the model in use on the facts that changed since it was \
                     trained: cheaper, but watch the old facts. Replay mixes a share of old \
                     examples back in (set the share under More settings)."
                </p>
            </div>
            // Four settings most learners never need: behind a disclosure, so the panel shows
            // the choices the lesson is about (what to train on, how, how many phrasings).
            <details class="training-more">
                <summary>"More settings: learning rate, capacity, seed, replay share"</summary>
                <div class="training-more__body">
                    <Control id="train-lr" label="Learning rate"
                        help="How big each weight update is. Too small and the loss falls slowly; too \
                              large and it jumps around instead of settling.">
                        <select id="train-lr" aria-describedby="train-lr-help"
                            on:change=move |ev| {
                                let value = crate::core::decimal::parse_f32(event_target_value(&ev).trim())
                                    .unwrap_or(0.02);
                                settings.update(|s| s.learning_rate = value);
                            }>
                            {LEARNING_RATES
                                .iter()
                                .map(|&rate| view! {
                                    <option value=rate.to_string()
                                        selected=move || settings.with(|s| s.learning_rate == rate)>
                                        {rate.to_string()}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </Control>
                    <Control id="train-hidden" label="Capacity (hidden width)"
                        help="How many hidden units the network has, i.e. how much it can store. 0 is a \
                              plain linear layer; more units fit more, but not new wordings better.">
                        <select id="train-hidden" aria-describedby="train-hidden-help"
                            on:change=move |ev| {
                                let value = parse_or(&event_target_value(&ev), 64);
                                settings.update(|s| s.hidden = value);
                            }>
                            {CAPACITIES
                                .iter()
                                .map(|&width| view! {
                                    <option value=width.to_string()
                                        selected=move || settings.with(|s| s.hidden == width)>
                                        {if width == 0 { "0 (linear)".to_string() } else { width.to_string() }}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </Control>
                    <Control id="train-seed" label="Seed"
                        help="Fixes the random start and the shuffling: the same settings give the same \
                              model every time. Change it to see how much results vary by chance.">
                        <input id="train-seed" type="number" min="0" step="1" inputmode="numeric"
                            aria-describedby="train-seed-help"
                            prop:value=move || settings.with(|s| s.seed).to_string()
                            on:change=move |ev| {
                                let text = event_target_value(&ev);
                                let current = settings.with_untracked(|s| s.seed);
                                match seed_from(&text, current) {
                                    Ok(value) => {
                                        seed_problem.set(None);
                                        settings.update(|s| s.seed = value);
                                    }
                                    Err(why) => {
                                        // Put the kept seed back in the box, not the rejected text.
                                        event_target::<web_sys::HtmlInputElement>(&ev)
                                            .set_value(&current.to_string());
                                        seed_problem.set(Some(why));
                                    }
                                }
                            }/>
                        {move || seed_problem.get().map(|why| view! {
                            <p class="training-controls__problem" role="alert">{why}</p>
                        })}
                    </Control>
                    <Control id="train-replay" label="Replay share"
                        help="The share of old examples mixed back in when continuing with replay.">
                        <input id="train-replay" type="range" aria-describedby="train-replay-help"
                            min=REPLAY_PERCENT.0 max=REPLAY_PERCENT.1 step="10"
                            prop:disabled=move || scope.get() != ScopeChoice::Replay
                            prop:value=move || settings.with(|s| s.replay_percent).to_string()
                            on:input=move |ev| {
                                let value = parse_or(&event_target_value(&ev), 50);
                                settings.update(|s| s.replay_percent = value);
                            }/>
                        <output for="train-replay">{move || format!("{}%", settings.with(|s| s.replay_percent))}</output>
                    </Control>
                </div>
            </details>
        </fieldset>
    }
}
