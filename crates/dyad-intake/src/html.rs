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
    let document = dom_query::Document::from(html);
    remove_furniture(&document);
    let mut reader = Readability::with_document(document, url, Some(cfg))
        .map_err(|e| IntakeError::Html(e.to_string()))?;
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
    let metadata_date = published_in_markup(html)
        .or_else(|| {
            article
                .published_time
                .as_deref()
                .and_then(parse_date_prefix)
        })
        .or_else(|| url.and_then(date_in_url));
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

/// Page parts that are never the story: image captions and credits, share bars, related and
/// "read more" blocks, newsletter and subscription prompts, advertisements, comment sections.
/// Removed before extraction, so the extractor neither scores nor keeps them.
const FURNITURE: &[&str] = &[
    "figcaption",
    "[class*=caption]",
    "[class*=credit]",
    "[class*=share]",
    "[class*=social]",
    "[class*=related]",
    "[class*=newsletter]",
    "[class*=subscribe]",
    "[class*=promo]",
    "[class*=advert]",
    "[id*=comments]",
    "[class*=comments]",
    "[class*=read-more]",
    "[class*=readmore]",
];

/// A matched element holding more paragraphs than this is a container, not furniture (a
/// page whose body class mentions "share" must not lose its story).
const FURNITURE_MAX_PARAGRAPHS: usize = 1;

fn remove_furniture(doc: &dom_query::Document) {
    for selector in FURNITURE {
        for el in doc.select(selector).iter() {
            if el.select("p").length() <= FURNITURE_MAX_PARAGRAPHS {
                el.remove();
            }
        }
    }
}

/// Where pages state their publication date, most reliable first: JSON-LD, Open Graph and
/// article meta tags, microdata, common meta names, and `<time datetime>`.
const DATE_MARKERS: &[&str] = &[
    "\"datepublished\"",
    "article:published_time",
    "og:published_time",
    "itemprop=\"datepublished\"",
    "name=\"pubdate\"",
    "name=\"publishdate\"",
    "name=\"publish-date\"",
    "name=\"article.published\"",
    "name=\"parsely-pub-date\"",
    "name=\"sailthru.date\"",
    "name=\"dc.date.issued\"",
    "name=\"dc.date\"",
    "name=\"date\"",
    "<time",
];

/// The publication date stated in a page's markup, if any.
pub fn published_in_markup(html: &str) -> Option<jiff::civil::Date> {
    let lower = html.to_ascii_lowercase();
    for marker in DATE_MARKERS {
        let mut from = 0;
        while let Some(p) = lower[from..].find(marker) {
            let at = from + p + marker.len();
            let window_end = (at + 160).min(lower.len());
            // The tag or JSON value right after the marker, not the rest of the page.
            let window = &html[at..floor_boundary(html, window_end)];
            let window = window.split(['>', '}']).next().unwrap_or("");
            if let Some(d) = first_iso_date(window) {
                return Some(d);
            }
            from = at;
        }
    }
    None
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first `YYYY-MM-DD` in a string that is a real date.
fn first_iso_date(s: &str) -> Option<jiff::civil::Date> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let shape = w.iter().enumerate().all(|(k, c)| {
            if k == 4 || k == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        if shape && !(i > 0 && b[i - 1].is_ascii_digit()) {
            s[i..i + 10].parse().ok()
        } else {
            None
        }
    })
}

/// A date in a URL path: `/2021/12/15/` or `/2021-12-15/`.
pub fn date_in_url(url: &str) -> Option<jiff::civil::Date> {
    let parts: Vec<&str> = url.split(['/', '-', '_']).collect();
    parts.windows(3).find_map(|w| {
        let (y, m, d) = (w[0], w[1], w[2]);
        if y.len() == 4 && m.len() == 2 && d.len() == 2 && y.starts_with(['1', '2']) {
            format!("{y}-{m}-{d}").parse().ok()
        } else {
            None
        }
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
    fn dates_in_markup_and_urls() {
        let d = |s: &str| published_in_markup(s).map(|d| d.to_string());
        assert_eq!(d(r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-12-15T10:00:00+01:00"}</script>"#).as_deref(), Some("2021-12-15"));
        assert_eq!(
            d(r#"<meta name="pubdate" content="2020-02-29">"#).as_deref(),
            Some("2020-02-29")
        );
        assert_eq!(
            d(r#"<p>Posted <time class="x" datetime="2019-07-04T08:00">July 4</time></p>"#)
                .as_deref(),
            Some("2019-07-04")
        );
        assert_eq!(
            d(r#"<meta name="date" content="2021-02-30">"#),
            None,
            "not a real date"
        );
        assert_eq!(d("<p>no dates here 12345-67-890</p>"), None);
        assert_eq!(
            date_in_url("https://example.com/world/2021/12/15/putin-xi")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2021-12-15")
        );
        assert_eq!(date_in_url("https://example.com/a/b"), None);
    }

    #[test]
    fn tidy_collapses_blank_runs() {
        assert_eq!(tidy("\n  a \n\n\n b\nc\n\n"), "a\n\nb\nc");
    }
}
