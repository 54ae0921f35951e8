//! The DOM glue: reading a chart, its legend and a table off the page, and drawing a figure
//! onto a canvas for the PNG. Everything else (layout, CSV, names) is pure and tested natively.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::compose::{compose, is_dark, Composed, FigureParts, LegendEntry};
use super::csv::cell_text;
use super::Figure;

/// The computed styles a chart needs away from the page: the style sheets and their CSS
/// variables do not travel with the file, so each element carries its own resolved values.
/// These are inherited: an element writes one only where it differs from its parent's.
const INHERITED: [&str; 17] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "letter-spacing",
    "visibility",
    "paint-order",
];

/// Styles that are not inherited, with their initial values: written only where they differ.
const OWN: [(&str, &str); 4] = [
    ("opacity", "1"),
    ("display", "inline"),
    ("transform", "none"),
    ("overflow", "visible"),
];

/// What the page's attributes mean only on the page (its classes, roles, focus order).
const PAGE_ONLY: [&str; 6] = [
    "class",
    "role",
    "aria-label",
    "aria-describedby",
    "aria-hidden",
    "tabindex",
];

fn document() -> Result<web_sys::Document, String> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "no document".to_string())
}

/// `element` and its descendants, in document order.
fn with_descendants(element: &web_sys::Element) -> Vec<web_sys::Element> {
    let mut all = vec![element.clone()];
    if let Ok(list) = element.query_selector_all("*") {
        all.extend((0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()));
    }
    all
}

/// `svg` serialized as standalone XML, each element's computed styles written into its
/// `style` attribute; no width or height, so it fills the box it is placed in.
fn inline_svg(svg: &web_sys::Element) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let copy: web_sys::Element = svg
        .clone_node_with_deep(true)
        .map_err(|_| "the chart could not be copied")?
        .unchecked_into();
    let styles = |e: &web_sys::Element| window.get_computed_style(e).ok().flatten();
    let value = |style: &web_sys::CssStyleDeclaration, name: &str| {
        style.get_property_value(name).unwrap_or_default()
    };
    for (original, copied) in with_descendants(svg).iter().zip(with_descendants(&copy)) {
        let Some(own) = styles(original) else {
            continue;
        };
        // The chart's root has no parent in the file: it writes every value.
        let parent = (original != svg)
            .then(|| original.parent_element())
            .flatten()
            .and_then(|p| styles(&p));
        let mut style = String::new();
        for name in INHERITED {
            let mine = value(&own, name);
            if parent.as_ref().is_none_or(|p| value(p, name) != mine) {
                style.push_str(&format!("{name}:{mine};"));
            }
        }
        for (name, initial) in OWN {
            let mine = value(&own, name);
            if parent.is_none() || mine != initial {
                style.push_str(&format!("{name}:{mine};"));
            }
        }
        let _ = copied.set_attribute("style", &style);
        for name in PAGE_ONLY {
            let _ = copied.remove_attribute(name);
        }
    }
    for name in ["width", "height"] {
        let _ = copy.remove_attribute(name);
    }
    let serializer = web_sys::XmlSerializer::new().map_err(|_| "no XML serializer")?;
    serializer
        .serialize_to_string(&copy)
        .map(|xml| xml.replace("<!---->", ""))
        .map_err(|_| "the chart could not be written".to_string())
}

/// The figure as it stands on the page, composed with its title, legend and `caption`.
pub(crate) fn standalone(figure: &Figure, caption: &str) -> Result<Composed, String> {
    let document = document()?;
    let chart = document
        .query_selector(figure.chart)
        .ok()
        .flatten()
        .ok_or("the chart is not on the page")?;
    let rect = chart.get_bounding_client_rect();
    let legend = match figure.legend {
        None => Vec::new(),
        Some(selector) => {
            let items = document
                .query_selector_all(selector)
                .map_err(|_| "the legend could not be read")?;
            (0..items.length())
                .filter_map(|i| items.item(i)?.dyn_into::<web_sys::Element>().ok())
                .map(|item| LegendEntry {
                    mark: item
                        .query_selector("svg")
                        .ok()
                        .flatten()
                        .and_then(|mark| inline_svg(&mark).ok()),
                    label: cell_text(&item.text_content().unwrap_or_default()),
                })
                .collect()
        }
    };
    // The page's background (on <html>) says whether the chart's computed colours are for a
    // dark page.
    let dark = document
        .document_element()
        .and_then(|root| web_sys::window()?.get_computed_style(&root).ok()?)
        .and_then(|style| style.get_property_value("background-color").ok())
        .is_some_and(|colour| is_dark(&colour));
    Ok(compose(&FigureParts {
        dark,
        title: figure.title.to_string(),
        caption: caption.to_string(),
        chart: inline_svg(&chart)?,
        aspect: rect.height() / rect.width(),
        legend,
    }))
}

/// The figure drawn at `scale` times its size on a white canvas, as a PNG: the SVG goes in an
/// image from a data URL (the page's CSP allows `data:` images, not `blob:` ones).
pub(crate) async fn png(figure: &Composed, scale: f64) -> Result<web_sys::Blob, String> {
    let image = web_sys::HtmlImageElement::new().map_err(|_| "no image element")?;
    let encoded: String = js_sys::encode_uri_component(&figure.svg).into();
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
    JsFuture::from(image.decode())
        .await
        .map_err(|_| "the browser could not draw the figure")?;
    let canvas: web_sys::HtmlCanvasElement = document()?
        .create_element("canvas")
        .map_err(|_| "no canvas")?
        .unchecked_into();
    let (width, height) = (figure.width * scale, figure.height * scale);
    canvas.set_width(width.round() as u32);
    canvas.set_height(height.round() as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or("no canvas drawing")?
        .unchecked_into();
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, width, height);
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, width, height)
        .map_err(|_| "the figure could not be drawn")?;
    let made = js_sys::Promise::new(&mut |resolve, reject| {
        if canvas.to_blob(&resolve).is_err() {
            let _ = reject.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    JsFuture::from(made)
        .await
        .ok()
        .and_then(|blob| blob.dyn_into::<web_sys::Blob>().ok())
        .ok_or_else(|| "the browser could not make the PNG".to_string())
}

/// A table's header and body rows as text, one cell per `th` or `td`; a cell spanning n
/// columns is followed by n - 1 empty ones, so the columns stay under their headers. A cell
/// marked `data-csv-skip` (a column of buttons) is left out: a file has nothing to press.
pub(crate) fn table_rows(table: &web_sys::Element) -> Vec<Vec<String>> {
    let rows = with_descendants(table)
        .into_iter()
        .filter(|e| e.tag_name().eq_ignore_ascii_case("tr"));
    rows.map(|row| {
        let mut cells = Vec::new();
        for cell in with_descendants(&row)
            .into_iter()
            .filter(|e| matches!(e.tag_name().to_ascii_lowercase().as_str(), "th" | "td"))
            .filter(|e| !e.has_attribute("data-csv-skip"))
        {
            cells.push(cell_text(&cell.text_content().unwrap_or_default()));
            let span = cell
                .get_attribute("colspan")
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(1);
            cells.extend(std::iter::repeat_n(String::new(), span.saturating_sub(1)));
        }
        cells
    })
    .collect()
}
