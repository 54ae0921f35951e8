//! The downloaded figure as one standalone SVG: a white page with the title, the chart (already
//! serialized with its styles inlined), the legend and the caption under it. Pure string
//! building with estimated text widths, so the layout is tested natively.

/// The figure's width in CSS pixels (the PNG doubles it).
pub(crate) const WIDTH: f64 = 960.0;
/// The margin round the page.
const PAD: f64 = 24.0;
/// The tallest the chart is drawn; a tall chart (the map) is narrowed to fit a slide.
const MAX_CHART_HEIGHT: f64 = 560.0;
const TITLE_SIZE: f64 = 22.0;
const LEGEND_SIZE: f64 = 14.0;
const CAPTION_SIZE: f64 = 14.0;
const MARK: f64 = 14.0;
/// Page, text and caption colours: light, and dark for a page shown in dark mode (the chart
/// keeps the page's computed colours, which are then light on dark).
const LIGHT: [&str; 3] = ["#ffffff", "#1d1d1f", "#4a4b50"];
const DARK: [&str; 3] = ["#1d1f24", "#ecebe6", "#b4b3ad"];
const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', sans-serif";

/// One legend entry: its mark (a serialized `<svg>` with a viewBox, if it has one) and words.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LegendEntry {
    /// The mark's markup.
    pub(crate) mark: Option<String>,
    /// The entry's text.
    pub(crate) label: String,
}

/// What goes on the page.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FigureParts {
    /// Printed at the top.
    pub(crate) title: String,
    /// The state the chart shows, printed at the bottom.
    pub(crate) caption: String,
    /// The chart's serialized `<svg>` (its own viewBox; no width or height).
    pub(crate) chart: String,
    /// The chart's height over its width as drawn on the page.
    pub(crate) aspect: f64,
    /// The legend's entries, in order.
    pub(crate) legend: Vec<LegendEntry>,
    /// Whether the page was in dark mode (its chart colours are for a dark page).
    pub(crate) dark: bool,
}

/// A finished figure: the markup and its size in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Composed {
    /// The standalone SVG document.
    pub(crate) svg: String,
    /// Its width.
    pub(crate) width: f64,
    /// Its height.
    pub(crate) height: f64,
}

/// Text made safe inside an XML element or a quoted attribute.
pub(crate) fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Whether a computed `rgb(r, g, b)` or `rgba(r, g, b, a)` colour is dark (a page background
/// in dark mode). Transparent is not. Integers only: parsing floats would pull about 15 KB of
/// number parsing into the wasm, and computed colour channels are whole numbers.
pub(crate) fn is_dark(css_rgb: &str) -> bool {
    let parts: Vec<&str> = css_rgb
        .trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '(')
        .split([',', ' ', ')'])
        .filter(|part| !part.is_empty())
        .collect();
    let channels: Vec<u32> = parts
        .iter()
        .take(3)
        .filter_map(|p| p.parse().ok())
        .collect();
    let transparent = parts.get(3) == Some(&"0");
    match channels[..] {
        // Relative luminance, weights times 10,000.
        [r, g, b] if !transparent => 2126 * r + 7152 * g + 722 * b < 128 * 10_000,
        _ => false,
    }
}

/// A rough width of `text` at `size` px in a sans-serif face (no fonts to measure with here).
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.55
}

/// `text` broken into lines no wider than `width` at `size` px, at spaces.
pub(crate) fn wrap(text: &str, width: f64, size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(&candidate, size) > width {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn text_at(x: f64, y: f64, size: f64, weight: u32, fill: &str, text: &str) -> String {
    format!(
        r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}" font-weight="{weight}" fill="{fill}">{}</text>"#,
        xml_escape(text)
    )
}

/// Lays the parts out on a white page.
pub(crate) fn compose(parts: &FigureParts) -> Composed {
    let [page, text, muted] = if parts.dark { DARK } else { LIGHT };
    let inner = WIDTH - 2.0 * PAD;
    let aspect = if parts.aspect.is_finite() && parts.aspect > 0.0 {
        parts.aspect
    } else {
        0.6
    };
    let chart_width = inner.min(MAX_CHART_HEIGHT / aspect);
    let chart_height = chart_width * aspect;
    let mut body = String::new();
    let mut y = PAD;
    for line in wrap(&parts.title, inner, TITLE_SIZE) {
        y += TITLE_SIZE * 1.25;
        body.push_str(&text_at(PAD, y, TITLE_SIZE, 600, text, &line));
    }
    // Room for an axis title drawn just above the chart's box.
    y += 20.0;
    body.push_str(&format!(
        r#"<svg x="{:.1}" y="{y:.1}" width="{chart_width:.1}" height="{chart_height:.1}" overflow="visible">{}</svg>"#,
        PAD + (inner - chart_width) / 2.0,
        parts.chart
    ));
    // Room below for tick labels that overhang the chart's box.
    y += chart_height + 28.0;
    let (mut x, row) = (PAD, LEGEND_SIZE * 1.7);
    for (i, entry) in parts.legend.iter().enumerate() {
        let width = MARK + 6.0 + text_width(&entry.label, LEGEND_SIZE) + 22.0;
        if i == 0 || x + width > WIDTH - PAD {
            x = PAD;
            y += row;
        }
        if let Some(mark) = &entry.mark {
            body.push_str(&format!(
                r#"<svg x="{x:.1}" y="{:.1}" width="{MARK}" height="{MARK}" overflow="visible">{mark}</svg>"#,
                y - MARK + 2.0
            ));
        }
        let label_x = if entry.mark.is_some() {
            x + MARK + 6.0
        } else {
            x
        };
        body.push_str(&text_at(label_x, y, LEGEND_SIZE, 400, text, &entry.label));
        x += width;
    }
    if !parts.legend.is_empty() {
        y += 8.0;
    }
    for line in wrap(&parts.caption, inner, CAPTION_SIZE) {
        y += CAPTION_SIZE * 1.5;
        body.push_str(&text_at(PAD, y, CAPTION_SIZE, 400, muted, &line));
    }
    let height = (y + PAD).ceil();
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="{FONT}"><title>{}</title><desc>{}</desc><rect width="100%" height="100%" fill="{page}"/>{body}</svg>"##,
        xml_escape(&parts.title),
        xml_escape(&parts.caption),
    );
    Composed {
        svg,
        width: WIDTH,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(aspect: f64, legend: usize) -> FigureParts {
        FigureParts {
            title: "Trade-off <knowledge & behaviour>".to_string(),
            caption: "Documents as of v2 · k = 5.".to_string(),
            chart: r#"<svg viewBox="0 0 10 10"></svg>"#.to_string(),
            aspect,
            legend: (0..legend)
                .map(|i| LegendEntry {
                    mark: Some(r#"<svg viewBox="0 0 1 1"></svg>"#.to_string()),
                    label: format!("Mode number {i}"),
                })
                .collect(),
            dark: false,
        }
    }

    #[test]
    fn the_page_is_standalone_with_title_chart_legend_and_caption() {
        let figure = compose(&parts(0.6, 4));
        assert!(figure
            .svg
            .starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg""#));
        assert!(figure
            .svg
            .contains("Trade-off &lt;knowledge &amp; behaviour&gt;"));
        assert!(figure.svg.contains("Documents as of v2 · k = 5."));
        assert!(figure.svg.contains("Mode number 3"));
        assert!(figure.svg.contains(r##"fill="#ffffff""##));
        assert!(!figure.svg.contains("var(--"));
        assert_eq!(figure.width, WIDTH);
        assert!(figure.height > 0.6 * (WIDTH - 2.0 * PAD));
    }

    #[test]
    fn a_tall_chart_is_narrowed_to_fit_a_slide() {
        let square = compose(&parts(1.0, 0));
        assert!(
            square.height < MAX_CHART_HEIGHT + 200.0,
            "{}",
            square.height
        );
        assert!(square
            .svg
            .contains(&format!(r#"width="{MAX_CHART_HEIGHT:.1}""#)));
    }

    #[test]
    fn a_long_legend_wraps_onto_more_rows() {
        let short = compose(&parts(0.5, 2)).height;
        // About six entries fit a row: thirty take several more rows.
        let long = compose(&parts(0.5, 30)).height;
        assert!(long > short + 3.0 * LEGEND_SIZE * 1.7, "{short} -> {long}");
    }

    #[test]
    fn a_dark_page_gives_a_dark_figure() {
        assert!(is_dark("rgb(21, 22, 26)"));
        assert!(!is_dark("rgb(251, 250, 247)"));
        assert!(!is_dark("rgba(0, 0, 0, 0)"), "transparent is not dark");
        assert!(is_dark("rgba(21, 22, 26, 0.9)"));
        assert!(!is_dark("transparent"));
        let dark = compose(&FigureParts {
            dark: true,
            ..parts(0.6, 1)
        });
        assert!(dark.svg.contains(&format!(r#"fill="{}""#, DARK[0])));
    }

    #[test]
    fn long_text_wraps_at_spaces() {
        let lines = wrap(&"word ".repeat(100), 300.0, 14.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| text_width(l, 14.0) <= 300.0));
        assert_eq!(wrap("", 300.0, 14.0), Vec::<String>::new());
    }
}
