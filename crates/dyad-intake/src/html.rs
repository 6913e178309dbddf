//! Web pages: the article body and its metadata, extracted with `dom_smoothie`
//! (a Rust port of Mozilla's Readability).
//!
//! The extracted text keeps paragraph breaks as blank lines. Metadata comes from the page:
//! the title (with any site suffix split off), `og:site_name`, the byline, the language, and
//! the publication date from meta tags or JSON-LD. A page from which no text can be extracted
//! is an error for that page alone.

use std::collections::HashMap;

use dom_smoothie::{Config, Metadata, ParsePolicy, Readability, TextMode};
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
    let Prepared {
        html: markup,
        depth,
    } = prepare(html);
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
    let document = page_without_furniture(&markup);
    let container_text = main_container(&document).map_or(0, |(_, held)| held);
    let mut reader = Readability::with_document(document, url, Some(cfg.clone()))
        .map_err(|e| IntakeError::Html(e.to_string()))?;
    // One strict attempt first: it settles most pages. A short or failed one is run again
    // with Readability's full sequence of ever looser attempts, on a fresh parse.
    let mut parsed = reader.parse_with_policy(ParsePolicy::Strict);
    if parsed
        .as_ref()
        .is_ok_and(|a| a.text_content.len() < cfg.char_threshold)
        || parsed.is_err()
    {
        let document = page_without_furniture(&markup);
        reader = Readability::with_document(document, url, Some(cfg))
            .map_err(|e| IntakeError::Html(e.to_string()))?;
        parsed = reader.parse();
    }
    let (mut text, meta) = match parsed {
        Ok(a) => (
            tidy(&a.text_content),
            Metadata {
                title: a.title,
                byline: a.byline,
                site_name: a.site_name,
                published_time: a.published_time,
                lang: a.lang,
                ..Default::default()
            },
        ),
        Err(e) => {
            if container_text == 0 {
                return Err(IntakeError::Html(e.to_string()));
            }
            (
                String::new(),
                reader.get_article_metadata(reader.parse_json_ld()),
            )
        }
    };
    // Readability sometimes keeps one block of a story told in several, or a notice
    // instead of the story: then the page's main paragraph container says more.
    // The container must hold what Readability found (a story in several blocks), unless
    // Readability found nothing: a container elsewhere is another part of the page.
    if text.len() * FALLBACK_RATIO < container_text
        && let Some(alt) = container_text_of(&markup)
        && alt.len() > text.len()
        && (text.is_empty() || contained(&text, &alt) >= MIN_CONTAINED)
    {
        text = alt;
    }
    text.truncate(story_end(&text));
    if text.is_empty() {
        return Err(IntakeError::NoText);
    }
    let article = meta;
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

/// Readability's text is replaced by the main container's when it is shorter than the
/// container's paragraph text by this factor.
const FALLBACK_RATIO: usize = 2;

/// Share of Readability's word pairs the container's text must hold to replace it.
const MIN_CONTAINED: f64 = 0.5;

/// Words in a `class` or `id` that mark a part of the page that is not the story, whatever
/// its size: comment threads, sidebars, footers, lists of related links. Paragraphs under
/// such an element are not counted when looking for the main container, and the element
/// is dropped from the container's text.
const NOT_STORY: &[&str] = &[
    "comment", "disqus", "respond", "reply", "sidebar", "footer", "related",
];

fn is_not_story(el: &dom_query::NodeRef) -> bool {
    if el.has_name("body") || el.has_name("html") || el.has_name("main") || el.has_name("article") {
        return false;
    }
    let marked = |name: &str| {
        el.attr(name).is_some_and(|v| {
            let v = v.as_bytes();
            NOT_STORY.iter().any(|w| {
                v.windows(w.len())
                    .any(|x| x.eq_ignore_ascii_case(w.as_bytes()))
            })
        })
    };
    marked("class") || marked("id")
}

/// Paragraphs shorter than this (bytes) are not counted as story text: buttons, bylines,
/// one-line teasers.
const MIN_PARAGRAPH: usize = 40;

/// The element holding most of a page's paragraph text, and how much it holds: from the
/// top, step into the child holding at least 70% of the current element's paragraph text,
/// until no child does (the text is spread over its children: the story's own container).
fn main_container(doc: &dom_query::Document) -> Option<(dom_query::NodeRef<'_>, usize)> {
    let mut held: HashMap<dom_query::NodeId, usize> = HashMap::new();
    // Whether an element is marked as not the story, looked up once per element.
    let mut marked: HashMap<dom_query::NodeId, bool> = HashMap::new();
    for p in doc.select("p").nodes() {
        let n = p.text().trim().len();
        if n < MIN_PARAGRAPH {
            continue;
        }
        let ancestors = p.ancestors(None);
        if ancestors
            .iter()
            .any(|a| *marked.entry(a.id).or_insert_with(|| is_not_story(a)))
        {
            continue;
        }
        for a in ancestors {
            *held.entry(a.id).or_default() += n;
        }
    }
    let held_by = |n: &dom_query::NodeRef| held.get(&n.id).copied().unwrap_or(0);
    let mut node = doc.root();
    let mut here: usize = node.children_it(false).map(|c| held_by(&c)).sum();
    if here == 0 {
        return None;
    }
    loop {
        let best = node
            .children_it(false)
            .filter(|c| c.is_element())
            .max_by_key(|c| held_by(c));
        match best {
            Some(c) if held_by(&c) * 10 >= here * 7 => {
                here = held_by(&c);
                node = c;
            }
            _ => break,
        }
    }
    Some((node, here))
}

/// How much of `part`'s word pairs are also in `whole` (1 when `part` has none).
fn contained(part: &str, whole: &str) -> f64 {
    fn pairs(s: &str) -> Vec<(&str, &str)> {
        let w: Vec<&str> = s.split_whitespace().collect();
        w.windows(2).map(|p| (p[0], p[1])).collect()
    }
    let inner = pairs(part);
    if inner.is_empty() {
        return 1.0;
    }
    let outer: std::collections::HashSet<(&str, &str)> = pairs(whole).into_iter().collect();
    inner.iter().filter(|p| outer.contains(p)).count() as f64 / inner.len() as f64
}

/// The text of a page's main container (see [`main_container`]), parsed afresh from the
/// prepared markup with furniture removed.
fn container_text_of(markup: &str) -> Option<String> {
    let document = page_without_furniture(markup);
    let (node, _) = main_container(&document)?;
    let doomed: Vec<dom_query::NodeRef> = node
        .descendants_it()
        .filter(|n| n.is_element() && is_not_story(n))
        .collect();
    for n in doomed {
        n.remove_from_parent();
    }
    let text = tidy(&node.formatted_text());
    let linked: usize = node
        .descendants_it()
        .filter(|n| n.has_name("a"))
        .map(|a| a.text().split_whitespace().map(str::len).sum::<usize>())
        .sum();
    let all: usize = text.split_whitespace().map(str::len).sum();
    (linked * 100 <= all * MAX_LINK_PERCENT).then_some(text)
}

/// Most of a fallback container's text (in percent) that may be link text: more, and it is
/// a list of links to other pages.
const MAX_LINK_PERCENT: usize = 50;

/// Page parts that are never the story: image captions and credits, share bars, related and
/// "read more" blocks, newsletter and subscription prompts, advertisements, comment sections.
/// Removed before extraction, so the extractor neither scores nor keeps them. An element is
/// furniture when its `class` contains one of these (letter case as written, as CSS's `*=`).
const FURNITURE_CLASSES: &[&str] = &[
    "caption",
    "credit",
    "share",
    "social",
    "newsletter",
    "subscribe",
    "promo",
    "advert",
    "read-more",
    "readmore",
];

/// A matched element holding more paragraphs than this is a container, not furniture (a
/// page whose body class mentions "share" must not lose its story).
const FURNITURE_MAX_PARAGRAPHS: usize = 1;

fn is_furniture(el: &dom_query::NodeRef) -> bool {
    el.has_name("figcaption")
        || el
            .attr("class")
            .is_some_and(|c| FURNITURE_CLASSES.iter().any(|f| c.contains(f)))
        || el.attr("id").is_some_and(|i| i.contains("comments"))
}

/// A segment of a page streamed by React (Next.js and others): the server sends it as
/// `<div hidden id="S:0">` and a script moves it into place. Without scripts it stays
/// hidden, and extractors skip hidden elements, so it is shown again here.
fn is_streamed_segment(el: &dom_query::NodeRef) -> bool {
    el.has_attr("hidden") && el.attr("id").is_some_and(|i| i.starts_with("S:"))
}

/// The prepared markup parsed, with its furniture removed: what every extraction pass reads.
fn page_without_furniture(markup: &str) -> dom_query::Document {
    let document = dom_query::Document::from(markup);
    remove_furniture(&document);
    document
}

/// Remove [`FURNITURE_CLASSES`] elements and show streamed segments, in one walk.
fn remove_furniture(doc: &dom_query::Document) {
    // One walk over the elements, checking attributes directly: much cheaper than running
    // a CSS selector per furniture kind.
    // The walk borrows the tree: collect first, change after.
    let (mut doomed, mut hidden) = (Vec::new(), Vec::new());
    for n in doc.root().descendants_it().filter(|n| n.is_element()) {
        if is_furniture(&n) {
            doomed.push(n);
        } else if is_streamed_segment(&n) {
            hidden.push(n);
        }
    }
    for n in hidden {
        n.remove_attr("hidden");
    }
    for el in doomed {
        let paragraphs = el
            .descendants_it()
            .filter(|d| d.has_name("p"))
            .take(FURNITURE_MAX_PARAGRAPHS + 1)
            .count();
        if paragraphs <= FURNITURE_MAX_PARAGRAPHS {
            el.remove_from_parent();
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
    static MARKERS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(DATE_MARKERS)
                .expect("fixed patterns")
        });
    // The best (earliest-listed) marker with a date after it wins; one pass finds them all.
    let mut best: Option<(usize, jiff::civil::Date)> = None;
    for m in MARKERS.find_iter(html) {
        let rank = m.pattern().as_usize();
        if best.is_some_and(|(r, _)| r <= rank) {
            continue;
        }
        let at = m.end();
        let window_end = floor_boundary(html, (at + 160).min(html.len()));
        // The tag or JSON value right after the marker, not the rest of the page.
        let window = html[at..window_end].split(['>', '}']).next().unwrap_or("");
        if let Some(d) = first_iso_date(window) {
            best = Some((rank, d));
            if rank == 0 {
                break;
            }
        }
    }
    best.map(|(_, d)| d)
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
const UNCOUNTED: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"source",
    b"track",
    b"wbr",
    b"p",
    b"li",
    b"td",
    b"th",
    b"tr",
    b"option",
    b"dt",
    b"dd",
    b"!doctype",
    b"html",
    b"head",
    b"body",
    b"tbody",
    b"thead",
];

/// Elements whose contents are never article text, dropped before parsing. Scripts and
/// styles are raw text the tokenizer would otherwise read character by character, and on
/// modern pages they are most of the bytes. A JSON-LD script is kept: it holds metadata.
const DROPPED: &[&[u8]] = &[
    b"script",
    b"style",
    b"svg",
    b"nav",
    b"footer",
    b"aside",
    b"noscript",
    b"iframe",
    b"select",
    b"button",
    b"template",
];

/// A page's markup made ready for parsing, in one pass: comments and [`DROPPED`] elements
/// cut out, and an estimate of the deepest element nesting from start and end tags alone.
pub struct Prepared<'a> {
    /// The markup to parse (borrowed when nothing was cut).
    pub html: std::borrow::Cow<'a, str>,
    /// The nesting estimate.
    pub depth: usize,
}

/// Prepare a page for parsing (see [`Prepared`]).
pub fn prepare(html: &str) -> Prepared<'_> {
    let b = html.as_bytes();
    let mut kept = String::new();
    let mut copied = 0; // bytes before this are in `kept` or cut
    let mut cut = |from: usize, to: usize, copied: &mut usize| {
        kept.push_str(&html[*copied..from]);
        *copied = to;
    };
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        i = lt + 1;
        if b[i..].starts_with(b"!--") {
            let end = memchr::memmem::find(&b[i + 3..], b"-->").map_or(b.len(), |p| i + 3 + p + 3);
            cut(lt, end, &mut copied);
            i = end;
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'!' || **c == b'-')
            .count();
        if name_len == 0 {
            continue;
        }
        let name = &b[name_start..name_start + name_len];
        let tag_end = memchr::memchr(b'>', &b[name_start..]).map(|p| name_start + p);
        if !closing && let Some(raw) = DROPPED.iter().find(|d| name.eq_ignore_ascii_case(d)) {
            let Some(tag_end) = tag_end else { break };
            // `<svg/>` is complete (foreign content honours the slash; HTML elements do not).
            if raw == b"svg" && tag_end > 0 && b[tag_end - 1] == b'/' {
                cut(lt, tag_end + 1, &mut copied);
                i = tag_end + 1;
                continue;
            }
            let Some(close) = find_end_tag(&b[tag_end..], raw).map(|p| tag_end + p) else {
                break;
            };
            let after = memchr::memchr(b'>', &b[close..]).map_or(b.len(), |p| close + p + 1);
            let json_ld = raw == b"script"
                && memchr::memmem::find(&b[name_start..tag_end].to_ascii_lowercase(), b"ld+json")
                    .is_some();
            if !json_ld {
                cut(lt, after, &mut copied);
            }
            i = after;
            continue;
        }
        if UNCOUNTED.iter().any(|u| name.eq_ignore_ascii_case(u)) {
            continue;
        }
        let self_closing = tag_end.is_some_and(|p| p > 0 && b[p - 1] == b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            max = max.max(depth);
        }
    }
    let html = if copied == 0 {
        std::borrow::Cow::Borrowed(html)
    } else {
        kept.push_str(&html[copied.min(html.len())..]);
        std::borrow::Cow::Owned(kept)
    };
    Prepared { html, depth: max }
}

/// Where `</name` starts in `b`, in any letter case.
fn find_end_tag(b: &[u8], name: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&b[from..], b"</") {
        let at = from + p;
        let rest = &b[at + 2..];
        if rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// Short lines that head what follows a story on a page, never the story itself: lists
/// of other articles, comment sections, share prompts. Compared in lower case, with
/// trailing punctuation ignored.
const TAIL_HEADINGS: &[&str] = &[
    "related",
    "related post",
    "related posts",
    "related articles",
    "related stories",
    "related news",
    "related content",
    "related reading",
    "also in the news",
    "also read",
    "read also",
    "read next",
    "more news",
    "more stories",
    "more articles",
    "more from this section",
    "latest stories",
    "latest posts",
    "recent posts",
    "popular posts",
    "most read",
    "you may also like",
    "you might also like",
    "we recommend",
    "recommended for you",
    "recommended stories",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "comments",
    "share this",
    "share this article",
    "share this story",
    "want to work with us?",
];

/// Where the story ends in extracted text: before a [`TAIL_HEADINGS`] line in its second
/// half that heads a list (its next lines are short and read as titles, not sentences), or
/// at its end. The first half is never cut (a heading there is a table of contents or a
/// teaser, and the story follows).
fn story_end(text: &str) -> usize {
    let half = text.len() / 2;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        if start < half {
            continue;
        }
        let key = line
            .trim()
            .trim_end_matches([':', '.', '!', '\u{2026}'])
            .to_lowercase();
        if key.len() <= 40 && TAIL_HEADINGS.contains(&key.as_str()) && heads_a_list(&text[at..]) {
            return text[..start].trim_end().len();
        }
    }
    text.len()
}

/// Whether the lines that follow read as a list of titles or links: most of the next few
/// are short and do not end as a sentence does.
fn heads_a_list(rest: &str) -> bool {
    let next: Vec<&str> = rest
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(4)
        .collect();
    let titles = next
        .iter()
        .filter(|l| {
            l.split_whitespace().count() <= 16 && !l.ends_with(['.', '?', '!', '"', '\u{201d}'])
        })
        .count();
    next.is_empty() || titles * 2 > next.len()
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
        assert_eq!(prepare("<div><div></div><span/></div>").depth, 2);
        assert_eq!(prepare("<p>a<p>b<br><img src=x><li>c").depth, 0);
        assert_eq!(
            prepare("<script>if (a<b) { x = '<div>'; }</script><div></div>").depth,
            1
        );
        assert_eq!(prepare("<!-- <div> --><section>").depth, 1);
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

    #[test]
    fn preparation_cuts_scripts_styles_and_comments_but_keeps_json_ld() {
        let page = r#"<html><head><script>var a = "<div>";</script><STYLE>p{}</STYLE>
<script type="application/ld+json">{"datePublished":"2021-12-15"}</script></head>
<body><!-- a <div> in a comment --><svg><text>logo</text></svg><div><p>Story.</p></div></body></html>"#;
        let p = prepare(page);
        assert!(!p.html.contains("var a"), "{}", p.html);
        assert!(!p.html.contains("p{}"));
        assert!(!p.html.contains("logo"));
        assert!(!p.html.contains("a <div> in a comment"));
        assert!(p.html.contains("ld+json") && p.html.contains("2021-12-15"));
        assert!(p.html.contains("<div><p>Story.</p></div>"));
        assert_eq!(p.depth, 1);
        // Nothing to cut: the page is borrowed as it is.
        assert!(matches!(
            prepare("<p>a</p>").html,
            std::borrow::Cow::Borrowed(_)
        ));
        // A self-closed SVG is cut alone, not up to the next SVG's end.
        let p = prepare("<svg class=\"icon\"/><p>Story.</p><svg><path/></svg>");
        assert_eq!(p.html, "<p>Story.</p>");
        // An unclosed script leaves the rest of the page alone.
        assert!(prepare("<p>a</p><script>x").html.contains("<script>x"));
    }

    /// A paragraph of story text, `n` words long, numbered so pages do not repeat it.
    fn para(tag: &str, n: usize) -> String {
        let words: Vec<String> = (0..n).map(|i| format!("w{tag}{i}")).collect();
        format!("<p>The minister said {}.</p>", words.join(" "))
    }

    #[test]
    fn streamed_segments_are_shown() {
        let body: String = (0..6).map(|i| para(&i.to_string(), 40)).collect();
        let page = format!(
            "<html><body><div hidden id=\"S:0\"><main><div class=\"article-content\">{body}</div></main></div></body></html>"
        );
        let dom = dom_query::Document::from(page.as_str());
        remove_furniture(&dom);
        assert!(!dom.select("div[hidden]").exists());
        let doc = read("s.html", &page, None, &IntakeOptions::default()).unwrap();
        assert!(
            doc.text.contains("w00") && doc.text.contains("w539"),
            "{}",
            doc.text
        );
    }

    #[test]
    fn the_main_container_holds_the_story_blocks_but_not_the_comments() {
        let section = |k: usize, n: usize, wrap: usize| {
            let ps: String = (0..n).map(|i| para(&format!("{k}{i}"), 45)).collect();
            let inner = format!("<div class=\"inner\"><h2>Part {k}</h2>{ps}</div>");
            format!("{}{inner}{}", "<div>".repeat(wrap), "</div>".repeat(wrap))
        };
        let page = format!(
            "<html><body><nav><a href=\"/\">Home</a></nav><div id=\"page\"><div id=\"story\">{}{}{}</div>\
             <div class=\"comment-list\">{}{}{}{}</div></div></body></html>",
            section(1, 3, 0),
            section(2, 2, 3),
            section(3, 2, 4),
            para("c1", 50),
            para("c2", 50),
            para("c3", 50),
            para("c4", 50),
        );
        let doc = dom_query::Document::from(page.as_str());
        let (node, held) = main_container(&doc).unwrap();
        assert_eq!(node.attr("id").as_deref(), Some("story"));
        assert!(held > 7 * 45 * 4, "{held}");
        let text = container_text_of(&page).unwrap();
        for k in ["w1244", "w2144", "w3144", "Part 3"] {
            assert!(text.contains(k), "{k} missing: {text}");
        }
        assert!(!text.contains("wc1"), "comments kept: {text}");
        // A page of links is no story.
        let links: String = (0..40)
            .map(|i| {
                format!("<p><a href=\"/{i}\">Another story with a long headline number {i}</a></p>")
            })
            .collect();
        assert_eq!(
            container_text_of(&format!("<body><div>{links}</div></body>")),
            None
        );
    }

    #[test]
    fn lists_after_the_story_are_cut() {
        let story = "First paragraph of the story.\n\nSecond paragraph of the story.";
        let text = format!(
            "{story}\n\nRelated Posts\n\nPutin to visit Beijing\nXi calls Biden\nTalks end"
        );
        assert_eq!(&text[..story_end(&text)], story);
        // A heading followed by sentences is part of the story.
        let prose = format!(
            "{story}\n\nRelated posts:\n\nThe ministry said the talks would go on. It gave no date."
        );
        assert_eq!(story_end(&prose), prose.len());
        // The first half is never cut.
        let early = "Related posts\n\nA\nB\nC\n\nThe story goes on here at length, well past the list above.";
        assert_eq!(story_end(early), early.len());
    }

    #[test]
    fn containment_of_word_pairs() {
        assert_eq!(contained("a b c", "x a b c y"), 1.0);
        assert_eq!(contained("a b c", "c b a"), 0.0);
        assert_eq!(contained("", "anything"), 1.0);
    }
}
