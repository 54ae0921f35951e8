//! The price assumptions form: every price the break-even chart uses, editable, with its
//! dated source, each refusal said beside its field, and a reset to the defaults.

use leptos::prelude::*;

use crate::core::cost::{PRICES_READ_ON, PRICES_SOURCE};
use crate::ui::state::cost_assumptions::{Assumptions, Field};
use crate::ui::state::remembered::Remembered;

/// The form beside the break-even chart.
#[component]
pub(crate) fn PriceAssumptions() -> impl IntoView {
    let assumptions = Remembered::use_context().cost.assumptions;
    // A refusal is about the entry as typed; the inputs start again from the values in force.
    assumptions.update(|a| a.errors = Default::default());
    // What each input shows: the learner's text, kept even when refused (the message says
    // which value is still in force); a reset puts the defaults back.
    let drafts = RwSignal::new(assumptions.with_untracked(|a| Field::ALL.map(|f| a.text(f))));
    let form = move || {
        Field::ALL
            .into_iter()
            .enumerate()
            .map(|(slot, field)| {
                let error = move || assumptions.with(|a| a.error(field).map(str::to_string));
                let error_id = format!("{}-error", field.id());
                view! {
                    <div class="price-field" class:price-field--bad=move || error().is_some()>
                        <label for=field.id()>{field.label()}</label>
                        <div class="price-field__input">
                            {(field != Field::Runs).then(|| view! { <span aria-hidden="true">"$"</span> })}
                            <input
                                id=field.id()
                                type="text"
                                inputmode="decimal"
                                prop:value=move || drafts.with(|d| d[slot].clone())
                                aria-describedby=error_id.clone()
                                aria-invalid=move || error().is_some().to_string()
                                on:change=move |ev| {
                                    let text = event_target_value(&ev);
                                    drafts.update(|d| d[slot] = text.clone());
                                    assumptions.update(|a| a.enter(field, &text));
                                }
                            />
                        </div>
                        <p class="price-field__error" id=error_id role="alert">{error}</p>
                    </div>
                }
            })
            .collect_view()
    };
    let reset = move |_| {
        let defaults = Assumptions::default();
        drafts.set(Field::ALL.map(|f| defaults.text(f)));
        assumptions.set(defaults);
    };
    view! {
        <aside class="chart-aside cost-assumptions">
            <h4>"Price assumptions (USD)"</h4>
            <p class="chart-note cost-assumptions__source">
                {format!("Defaults: {PRICES_SOURCE}, read {PRICES_READ_ON}. ")}
                <strong>"These are assumptions: check current prices."</strong>
            </p>
            {form}
            <button type="button" class="cost-reset" on:click=reset>"Reset to the defaults"</button>
        </aside>
    }
}
