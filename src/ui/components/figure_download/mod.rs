//! Figures and tables for slides: "Download SVG" and "Download PNG" under each chart, and
//! "Download CSV" with each table. The files are made in the page (a standalone SVG with the
//! chart's computed styles inlined, a PNG drawn from it at twice its size, CSV text) and saved
//! through `state::files`; nothing goes to a server. Styles in `figure_download.css`.
//!
//! A chart adds one line: `<FigureDownload figure=&TRADEOFF caption=caption/>`, where the
//! [`Figure`] names the chart's `<svg>` and legend on the page and `caption` is a one-line
//! sentence of the state it shows ([`naming::caption_line`]).

pub(crate) mod compose;
pub(crate) mod csv;
pub(crate) mod naming;
mod page;

use leptos::html;
use leptos::prelude::*;

use crate::ui::state::{files, AppStore};
use naming::{button_label, caption_line, documents_part, file_name, k_part, model_part};

/// The PNG is drawn at this many pixels per CSS pixel: sharp on a projector and in slides.
pub(crate) const PNG_SCALE: f64 = 2.0;

/// One chart that can be downloaded: what it is called and where it is on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Figure {
    /// The file name's distinctive part: `trade-off` gives `rag-or-tune-trade-off.svg`.
    pub(crate) slug: &'static str,
    /// What the buttons download, for their labels: "the trade-off chart".
    pub(crate) what: &'static str,
    /// The title printed on the figure.
    pub(crate) title: &'static str,
    /// CSS selector of the chart's `<svg>`.
    pub(crate) chart: &'static str,
    /// CSS selector of the legend's entries (each a mark `<svg>` and words), if it has one.
    pub(crate) legend: Option<&'static str>,
}

/// The workbench's state in caption parts: documents version, fine-tuned model, k.
pub(crate) fn workbench_parts(store: AppStore) -> Vec<String> {
    store
        .with(|b| {
            vec![
                documents_part(b.version()),
                model_part(b.tuned().map(|m| m.version.as_str())),
                k_part(b.settings().k),
            ]
        })
        .unwrap_or_default()
}

/// A caption of the workbench's state followed by `more` parts of the chart's own.
pub(crate) fn workbench_caption(
    store: AppStore,
    more: impl Fn() -> Vec<String> + Send + Sync + 'static,
) -> Signal<String> {
    Signal::derive(move || {
        let mut parts = workbench_parts(store);
        parts.extend(more());
        caption_line(&parts)
    })
}

enum Format {
    Svg,
    Png,
}

async fn save_figure(figure: Figure, caption: String, format: Format) -> Result<(), String> {
    let composed = page::standalone(&figure, &caption)?;
    match format {
        Format::Svg => files::download_text(
            &file_name(figure.slug, "svg"),
            &composed.svg,
            "image/svg+xml;charset=utf-8",
        ),
        Format::Png => {
            let blob = page::png(&composed, PNG_SCALE).await?;
            files::download_blob(&file_name(figure.slug, "png"), &blob)
        }
    }
}

/// A quiet row of "Download SVG" and "Download PNG" under a chart. A failure is said beside
/// the buttons.
#[component]
pub(crate) fn FigureDownload(
    /// Which chart.
    figure: &'static Figure,
    /// The state the chart shows, in one line.
    caption: Signal<String>,
) -> impl IntoView {
    let problem = RwSignal::new(String::new());
    let save = move |format: Format| {
        let caption = caption.get_untracked();
        leptos::task::spawn_local(async move {
            let outcome = save_figure(*figure, caption, format).await;
            problem.try_set(outcome.err().unwrap_or_default());
        });
    };
    view! {
        <div class="file-download" data-figure=figure.slug>
            <button type="button" class="file-download__button"
                aria-label=button_label("SVG", figure.what)
                on:click=move |_| save(Format::Svg)>"Download SVG"</button>
            <button type="button" class="file-download__button"
                aria-label=button_label("PNG", figure.what)
                on:click=move |_| save(Format::Png)>"Download PNG"</button>
            <span class="file-download__problem" role="status">{problem}</span>
        </div>
    }
}

/// "Download CSV" for one table: its header and body rows as they stand.
#[component]
pub(crate) fn CsvDownload(
    /// The table.
    table: NodeRef<html::Table>,
    /// The file name's distinctive part: `trade-off-table`.
    slug: &'static str,
    /// What the button downloads, for its label: "the trade-off table".
    what: &'static str,
) -> impl IntoView {
    let problem = RwSignal::new(String::new());
    let save = move |_| {
        let outcome = match table.get_untracked() {
            Some(table) => {
                let text = csv::to_csv(&page::table_rows(&table));
                files::download_text(&file_name(slug, "csv"), &text, csv::CSV_MIME)
            }
            None => Err("the table is not on the page".to_string()),
        };
        problem.set(outcome.err().unwrap_or_default());
    };
    view! {
        <div class="file-download" data-table=slug>
            <button type="button" class="file-download__button"
                aria-label=button_label("CSV", what) on:click=save>"Download CSV"</button>
            <span class="file-download__problem" role="status">{problem}</span>
        </div>
    }
}
