//! Web pages: the article body and its metadata, extracted with `dom_smoothie`
//! (a Rust port of Mozilla's Readability).
//!
//! The extracted text keeps paragraph breaks as blank lines. Metadata comes from the page:
//! the title (with any site suffix split off), `og:site_name`, the byline, the language, and
//! the publication date from meta tags or JSON-LD. A page from which no text can be extracted
//! is an error for that page alone.

use dom_smoothie::{Config, Readability, TextMode};
use dyad_model::Document;

use crate::text::split_site_suffix;
use crate::{IntakeError, IntakeOptions, parse_date_prefix, published};

/// Most elements a page may have before extraction gives up on it.
const MAX_ELEMENTS: usize = 200_000;

/// Deepest element nesting accepted. Real pages stay far below it; deeper ones are hostile
/// or broken, and would exhaust the stack of the recursive tree walks during extraction.
pub const MAX_DEPTH: usize = 512;

/// Read one HTML page. `url` is where it came from, when known.
pub fn read(
    id: &str,
    html: &str,
    url: Option<&str>,
    opts: &IntakeOptions,
) -> Result<Document, IntakeError> {
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(IntakeError::Html(format!(
            "elements nested {depth} deep, over the limit of {MAX_DEPTH}"
        )));
    }
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    let mut reader =
        Readability::new(html, url, Some(cfg)).map_err(|e| IntakeError::Html(e.to_string()))?;
    let article = reader
        .parse()
        .map_err(|e| IntakeError::Html(e.to_string()))?;
    let text = tidy(&article.text_content);
    if text.is_empty() {
        return Err(IntakeError::NoText);
    }
    let raw_title = article.title.trim();
    let (title, suffix_site) = split_site_suffix(raw_title);
    let site = article
        .site_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .or(suffix_site)
        .map(str::to_string);
    let metadata_date = article
        .published_time
        .as_deref()
        .and_then(parse_date_prefix);
    Ok(Document {
        id: id.to_string(),
        url: url.map(str::to_string),
        title: (!title.is_empty()).then(|| title.to_string()),
        site,
        byline: article
            .byline
            .map(|b| b.trim().to_string())
            .filter(|b| !b.is_empty()),
        published: published(opts.date, metadata_date),
        language: article
            .lang
            .map(|l| l.trim().to_ascii_lowercase())
            .filter(|l| !l.is_empty())
            .map(|l| l.split(['-', '_']).next().unwrap_or("").to_string()),
        text,
    })
}

/// Elements that never take a closing tag, or often go without one.
const UNCOUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd", "!doctype", "html", "head", "body",
    "tbody", "thead",
];

/// A quick estimate of the deepest element nesting, from start and end tags alone.
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!' || **b == b'-')
            .count();
        if name_len == 0 {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        if name.starts_with("!--") {
            match html[i..].find("-->") {
                Some(p) => i += p + 3,
                None => break,
            }
            continue;
        }
        if UNCOUNTED.contains(&name.as_str()) {
            continue;
        }
        if matches!(name.as_str(), "script" | "style") && !closing {
            // Skip to the end of raw text so its contents are not read as tags.
            let end_tag = format!("</{name}");
            let rest = &html[name_start..];
            match rest.to_ascii_lowercase().find(&end_tag) {
                Some(p) => i = name_start + p,
                None => break,
            }
            continue;
        }
        let self_closing = bytes[name_start..]
            .iter()
            .position(|&b| b == b'>')
            .is_some_and(|p| p > 0 && bytes[name_start + p - 1] == b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

/// Trim each line and collapse runs of blank lines to one, so paragraphs are separated by
/// exactly one blank line.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for line in s.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::DateSource;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="en-GB"><head>
<meta charset="utf-8"><title>Lula Visits New Delhi | Example Daily</title>
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2023-11-21T14:35:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Lula Visits New Delhi</h1><p class="byline">By Priya Raman</p>
<p>NEW DELHI (Example Daily) - Brazilian President Luiz Inacio Lula da Silva met Indian Prime Minister Narendra Modi in New Delhi on Tuesday for talks on trade and climate.</p>
<p>The two leaders signed agreements on agriculture, energy and space cooperation, officials said after the meeting.</p>
<p>"India and Brazil are natural partners," Modi told reporters at a joint news conference.</p>
</article><footer>Copyright 2023 Example Daily. We use cookies.</footer></body></html>"#;

    #[test]
    fn extracts_article_and_metadata() {
        let doc = read("p.html", PAGE, None, &IntakeOptions::default()).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Lula Visits New Delhi"));
        assert_eq!(doc.site.as_deref(), Some("Example Daily"));
        let p = doc.published.unwrap();
        assert_eq!(
            (p.value.as_str(), p.source),
            ("2023-11-21", DateSource::Metadata)
        );
        assert_eq!(doc.language.as_deref(), Some("en"));
        assert!(doc.text.contains("met Indian Prime Minister Narendra Modi"));
        assert!(doc.text.contains("natural partners"));
        assert!(!doc.text.contains("cookies"), "{}", doc.text);
        assert!(!doc.text.contains("Home"));
    }

    #[test]
    fn given_date_beats_metadata() {
        let opts = IntakeOptions {
            date: Some("2023-11-20".parse().unwrap()),
            ..Default::default()
        };
        let doc = read("p.html", PAGE, None, &opts).unwrap();
        assert_eq!(doc.published.unwrap().source, DateSource::Given);
    }

    #[test]
    fn malformed_html_does_not_panic() {
        let junk = "<html><body><div><p>unclosed <b>tags <i>everywhere</p></div><<<>>>";
        let _ = read("j.html", junk, None, &IntakeOptions::default());
        let deep = "<div>".repeat(50_000) + "text";
        let err = read("d.html", &deep, None, &IntakeOptions::default()).unwrap_err();
        assert!(err.to_string().contains("nested 50000 deep"), "{err}");
        // Just inside the limit still parses, on a test thread's small stack.
        let ok = "<div>".repeat(MAX_DEPTH) + "<p>Putin met Xi in Beijing for talks.</p>";
        let _ = read("ok.html", &ok, None, &IntakeOptions::default());
    }

    #[test]
    fn depth_estimate() {
        assert_eq!(nesting_depth("<div><div></div><span/></div>"), 2);
        assert_eq!(nesting_depth("<p>a<p>b<br><img src=x><li>c"), 0);
        assert_eq!(
            nesting_depth("<script>if (a<b) { x = '<div>'; }</script><div></div>"),
            1
        );
        assert_eq!(nesting_depth("<!-- <div> --><section>"), 1);
    }

    #[test]
    fn tidy_collapses_blank_runs() {
        assert_eq!(tidy("\n  a \n\n\n b\nc\n\n"), "a\n\nb\nc");
    }
}
