//! The labelled examples: a small table of question -> answer pairs (add, edit, delete) and an
//! import from CSV or JSON. Fine-tuning needs these; retrieval does not.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::own_documents::{self, QaPair, MAX_PAIRS, MAX_PAIR_CHARS};
use crate::ui::components::figure_download::csv::{to_csv, CSV_MIME};
use crate::ui::components::figure_download::naming::file_name;
use crate::ui::state::files::read_first;
use crate::ui::state::files::{download_text, take_chosen};
use crate::ui::state::learner_work::LearnerWork;

/// Appends imported pairs to `rows`, up to [`MAX_PAIRS`], leaving out questions the table
/// already asks (an import run twice adds nothing); says how many were added or left out.
pub(crate) fn append_pairs(rows: &mut Vec<QaPair>, imported: Vec<QaPair>, file: &str) -> String {
    let asked: HashSet<String> = rows
        .iter()
        .map(|p| own_documents::question_key(&p.question))
        .collect();
    let offered = imported.len();
    let new: Vec<QaPair> = imported
        .into_iter()
        .filter(|p| !asked.contains(&own_documents::question_key(&p.question)))
        .collect();
    let repeats = offered - new.len();
    let room = MAX_PAIRS.saturating_sub(rows.len());
    let added = new.len().min(room);
    let over = new.len() - added;
    rows.extend(new.into_iter().take(room));
    let mut text = format!("{file}: added {added} pair(s)");
    if repeats > 0 {
        text.push_str(&format!(
            "; {repeats} whose question is already in the table were left out"
        ));
    }
    if over > 0 {
        text.push_str(&format!(
            "; {over} more were left out (at most {MAX_PAIRS} pairs)"
        ));
    }
    text.push('.');
    text
}

/// Says which rows repeat an earlier row's question (1-based, as the table numbers them).
pub(crate) fn repeats_note(rows: &[QaPair]) -> Option<String> {
    let repeats = own_documents::repeated_questions(rows);
    let lines: Vec<String> = repeats
        .iter()
        .map(|(row, earlier)| format!("row {} repeats row {}", row + 1, earlier + 1))
        .collect();
    (!lines.is_empty()).then(|| {
        format!(
            "Asked twice: {}. Training learns each question once, from its first row.",
            lines.join(", ")
        )
    })
}

/// The pairs table with its add and import controls.
#[component]
pub(crate) fn PairsTable() -> impl IntoView {
    let work = LearnerWork::use_context();
    let message = RwSignal::new(None::<String>);
    let count = move || work.pairs.with(Vec::len);
    let has_rows = move || count() != 0;
    let add_row = move |_| {
        if count() >= MAX_PAIRS {
            message.set(Some(format!("At most {MAX_PAIRS} pairs.")));
            return;
        }
        work.pairs.update(|p| {
            p.push(QaPair {
                question: String::new(),
                answer: String::new(),
            })
        });
    };
    let on_import = move |ev: leptos::ev::Event| {
        let files = take_chosen(&ev);
        spawn_local(async move {
            let text = match read_first(files).await {
                None => return,
                Some(Err(why)) => why,
                Some(Ok(file)) => match own_documents::pairs_from_file(&file.name, &file.bytes) {
                    Ok(imported) => {
                        let mut rows = work.pairs.get_untracked();
                        let text = append_pairs(&mut rows, imported, &file.name);
                        work.pairs.set(rows);
                        text
                    }
                    Err(error) => error.to_string(),
                },
            };
            message.try_set(Some(text));
        });
    };
    let edit = move |i: usize, question: bool, value: String| {
        work.pairs.update(|p| {
            if let Some(pair) = p.get_mut(i) {
                if question {
                    pair.question = value;
                } else {
                    pair.answer = value;
                }
            }
        });
    };
    let field = move |i: usize, question: bool| {
        move || {
            work.pairs
                .with(|p| {
                    p.get(i).map(|x| {
                        if question {
                            x.question.clone()
                        } else {
                            x.answer.clone()
                        }
                    })
                })
                .unwrap_or_default()
        }
    };
    view! {
        <section class="mine__pairs" aria-labelledby="mine-pairs-title">
            <h3 id="mine-pairs-title">"Questions and answers (for fine-tuning)"</h3>
            <p class="mine__why">
                "Retrieval needs no labelled data: it can answer from your documents right now. "
                "Fine-tuning does: it learns from examples of a question and the answer it should "
                "give. Write a few below (the answer should be a phrase from your documents, like "
                "a price or a date), or import a CSV file with a " <code>"question,answer"</code>
                " header, or JSON " <code>"[{\"question\", \"answer\"}]"</code> "."
            </p>
            <Show when=has_rows>
                <div class="mine__table-wrap" tabindex="0" role="region" aria-label="Question and answer pairs">
                    <table class="mine__table mine__pairs-table">
                        <thead><tr>
                            <th scope="col">"#"</th>
                            <th scope="col">"Question"</th>
                            <th scope="col">"Answer"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr></thead>
                        <tbody>
                            <For each=move || 0..count() key=|i| *i let:i>
                                <tr>
                                    <td class="mine__num">{i + 1}</td>
                                    <td><input type="text" class="mine__pair-q" maxlength=MAX_PAIR_CHARS
                                        aria-label=format!("Question {}", i + 1)
                                        prop:value=field(i, true)
                                        on:input=move |ev| edit(i, true, event_target_value(&ev))/></td>
                                    <td><input type="text" class="mine__pair-a" maxlength=MAX_PAIR_CHARS
                                        aria-label=format!("Answer {}", i + 1)
                                        prop:value=field(i, false)
                                        on:input=move |ev| edit(i, false, event_target_value(&ev))/></td>
                                    <td><button type="button" aria-label=format!("Delete pair {}", i + 1)
                                        on:click=move |_| work.pairs.update(|p| { if i < p.len() { p.remove(i); } })>
                                        "Delete"
                                    </button></td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            {move || work.pairs.with(|rows| repeats_note(rows)).map(|note| view! {
                <p class="mine__repeats" role="status">{note}</p>
            })}
            <div class="mine__pair-actions">
                <button type="button" class="mine__add-pair" on:click=add_row>"Add a pair"</button>
                <label for="mine-pairs-file">"Import pairs (CSV or JSON):"</label>
                <input id="mine-pairs-file" type="file" accept=".csv,.json" on:change=on_import/>
                <button type="button" class="mine__pairs-csv" disabled=move || !has_rows()
                    on:click=move |_| message.set(Some(download_pairs(work)))>
                    "Download CSV"
                </button>
            </div>
            {move || message.get().map(|m| view! { <p class="mine__summary" role="status">{m}</p> })}
        </section>
    }
}

/// The learner's pairs as CSV in the form the import reads back (`question,answer`).
fn pairs_csv(pairs: &[QaPair]) -> String {
    let header = vec!["question".to_string(), "answer".to_string()];
    let rows: Vec<Vec<String>> = std::iter::once(header)
        .chain(
            pairs
                .iter()
                .map(|p| vec![p.question.clone(), p.answer.clone()]),
        )
        .collect();
    to_csv(&rows)
}

/// Downloads the finished pairs (both cells filled) as CSV; says what happened.
fn download_pairs(work: LearnerWork) -> String {
    let pairs = crate::ui::state::learner_work::usable_pairs(&work.pairs.get_untracked());
    match download_text(&file_name("pairs", "csv"), &pairs_csv(&pairs), CSV_MIME) {
        Ok(()) => format!(
            "Downloaded {} pairs as CSV; importing that file brings them back.",
            pairs.len()
        ),
        Err(why) => why,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(q: &str, a: &str) -> QaPair {
        QaPair {
            question: q.into(),
            answer: a.into(),
        }
    }

    #[test]
    fn downloaded_pairs_import_back_as_they_were() {
        let pairs = vec![
            pair("What does Pro cost, per \"seat\"?", "$14, billed monthly"),
            pair("Leave\u{e9}?", "27 days"),
        ];
        let text = pairs_csv(&pairs);
        assert_eq!(
            own_documents::pairs_from_file("pairs.csv", text.as_bytes()).unwrap(),
            pairs
        );
    }

    #[test]
    fn half_filled_rows_are_not_used() {
        use crate::ui::state::learner_work::usable_pairs;
        let rows = [pair(" What? ", " $5 "), pair("", "x"), pair("Why?", "  ")];
        assert_eq!(usable_pairs(&rows), vec![pair("What?", "$5")]);
    }

    #[test]
    fn an_import_leaves_out_questions_the_table_already_asks() {
        let mut rows = vec![pair("When does the gym open?", "6am")];
        let imported = vec![
            pair("when does the gym open?", "7am"),
            pair("Parking?", "Lot B"),
        ];
        let text = append_pairs(&mut rows, imported.clone(), "p.csv");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].answer, "6am");
        assert!(
            text.contains("added 1") && text.contains("1 whose question"),
            "{text}"
        );
        let again = append_pairs(&mut rows, imported, "p.csv");
        assert_eq!(rows.len(), 2);
        assert!(
            again.contains("added 0") && again.contains("2 whose question"),
            "{again}"
        );
    }

    #[test]
    fn repeated_rows_are_named_by_their_numbers() {
        let rows = [pair("A?", "1"), pair("B?", "2"), pair(" a? ", "3")];
        let note = repeats_note(&rows).unwrap();
        assert!(note.contains("row 3 repeats row 1"), "{note}");
        assert_eq!(repeats_note(&rows[..2]), None);
    }

    #[test]
    fn imports_stop_at_the_limit_and_say_so() {
        let mut rows: Vec<QaPair> = (0..MAX_PAIRS - 1)
            .map(|i| pair(&format!("q{i}"), "b"))
            .collect();
        let text = append_pairs(&mut rows, vec![pair("c", "d"), pair("e", "f")], "p.csv");
        assert_eq!(rows.len(), MAX_PAIRS);
        assert!(
            text.contains("added 1") && text.contains("1 more"),
            "{text}"
        );
    }
}
