//! Plain-text articles, including scraped and reposted ones.
//!
//! A scraped article often comes wrapped in the furniture of the page it was taken from.
//! This reader recognises:
//! - a **title line** first, set off by a blank line, with any site suffix (`… | World | DW`,
//!   `… - Example News`) split off into `site`;
//! - at the end, working backwards: **comment-form furniture** (`Leave a Reply`, `Your email
//!   address will not be published`, share and subscribe prompts), an **agency byline**
//!   (`rml(efe, afp, ap)`, `(Reuters)`) kept as `byline`, and a **lone author line**
//!   (`Rockie Steve`) left over from the blog post;
//! - the remaining body is the document text, byte for byte as it was (line endings
//!   normalised to `\n`).

use dyad_model::Document;

use crate::{IntakeError, IntakeOptions, published};

/// What the text reader found in a scraped article.
#[derive(Debug, Default, PartialEq)]
pub struct Scraped {
    pub title: Option<String>,
    pub site: Option<String>,
    pub byline: Option<String>,
    pub text: String,
}

/// Lines (or their beginnings) that belong to comment forms and share bars, never to news.
const FURNITURE: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "post a comment",
    "post comment",
    "your email address will not be published",
    "required fields are marked",
    "save my name, email",
    "cancel reply",
    "you must be logged in to post a comment",
    "share this:",
    "share this article",
    "like this:",
    "click to share",
    "click to email",
    "subscribe to our newsletter",
    "sign up for our newsletter",
    "related posts",
    "related articles",
    "you may also like",
    "read more:",
    "comments are closed",
    "previous post",
    "next post",
    "filed under",
    "tags:",
    "powered by wordpress",
];

/// News agencies whose names appear in bylines.
const AGENCIES: &[&str] = &[
    "afp",
    "ap",
    "reuters",
    "efe",
    "dpa",
    "ansa",
    "kyodo",
    "xinhua",
    "tass",
    "ria",
    "upi",
    "aa",
    "pa",
    "bloomberg",
    "yonhap",
    "kna",
    "epd",
    "kna",
    "sid",
    "lusa",
    "ips",
    "irna",
    "anp",
    "belga",
    "apa",
    "ctk",
    "pap",
    "mti",
    "ana",
    "ani",
    "pti",
    "ians",
    "bernama",
    "aap",
];

/// Read a plain-text article.
pub fn read(id: &str, raw: &str, opts: &IntakeOptions) -> Result<Document, IntakeError> {
    let s = scrape(raw);
    if s.text.trim().is_empty() {
        return Err(IntakeError::NoText);
    }
    Ok(Document {
        id: id.to_string(),
        title: s.title,
        site: s.site,
        byline: s.byline,
        published: published(opts.date, None),
        language: None,
        url: None,
        text: s.text,
    })
}

/// Split a scraped article into title, site, byline and body.
pub fn scrape(raw: &str) -> Scraped {
    let normalised = raw.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<(usize, &str)> = line_offsets(&normalised);
    let mut out = Scraped::default();

    // Body runs over lines[first..last]; shrink it from both ends.
    let mut first = lines.iter().position(|(_, l)| !l.trim().is_empty());
    let mut last = lines.iter().rposition(|(_, l)| !l.trim().is_empty());
    let (Some(f), Some(_)) = (first, last) else {
        return out;
    };

    // Title: the first line, when a blank line follows and it reads like a headline.
    let next_blank = lines.get(f + 1).is_none_or(|(_, l)| l.trim().is_empty());
    let has_more = lines[f + 1..].iter().any(|(_, l)| !l.trim().is_empty());
    if next_blank && has_more && looks_like_headline(lines[f].1) {
        let (title, site) = split_site_suffix(lines[f].1.trim());
        out.title = Some(title.to_string());
        out.site = site.map(str::to_string);
        first = lines[f + 1..]
            .iter()
            .position(|(_, l)| !l.trim().is_empty())
            .map(|p| p + f + 1);
    }

    // Trailing furniture, byline and author line, from the end backwards.
    let mut saw_tail = false;
    while let (Some(f), Some(l)) = (first, last) {
        if l <= f {
            break;
        }
        let line = lines[l].1.trim();
        let lower = line.to_lowercase();
        let is_furniture = FURNITURE.iter().any(|p| lower.starts_with(p))
            || lower.starts_with("©")
            || lower.starts_with("copyright ");
        if line.is_empty() || is_furniture {
            saw_tail |= is_furniture;
        } else if let Some(byline) = agency_byline(line) {
            out.byline.get_or_insert_with(|| byline.to_string());
            saw_tail = true;
        } else if saw_tail && looks_like_name(line) {
            // A lone author name between the body and the furniture: dropped.
        } else {
            break;
        }
        last = Some(l - 1);
    }

    if let (Some(f), Some(l)) = (first, last) {
        let start = lines[f].0;
        let end = lines[l].0 + lines[l].1.len();
        out.text = normalised[start..end].trim().to_string();
    }
    out
}

/// Each line's byte offset and text, without the newline.
fn line_offsets(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in s.split('\n') {
        out.push((pos, line));
        pos += line.len() + 1;
    }
    out
}

fn looks_like_headline(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    (1..=30).contains(&words)
        && t.len() < 300
        && !t.ends_with('.')
        && !t.ends_with(',')
        && !t.ends_with(':')
        && t.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// `Title | Section | Site` → (`Title`, `Site`); `Title - Site` → (`Title`, `Site`) when the
/// last part is short enough to be a site name.
pub fn split_site_suffix(title: &str) -> (&str, Option<&str>) {
    for sep in [" | ", " ｜ ", " – ", " — ", " - ", " :: "] {
        if let Some(pos) = title.find(sep) {
            let head = title[..pos].trim();
            let tail = title[title.rfind(sep).unwrap_or(pos) + sep.len()..].trim();
            let head_words = head.split_whitespace().count();
            let tail_words = tail.split_whitespace().count();
            let site_like = (1..=4).contains(&tail_words) && tail.len() <= 40;
            // Dashes also appear inside headlines; only trust them with a long head.
            let trusted = sep.trim() == "|" || sep.trim() == "｜" || head_words >= 4;
            if site_like && trusted && !head.is_empty() {
                return (head, Some(tail));
            }
        }
    }
    (title, None)
}

/// `rml(efe, afp, ap)`, `(AFP)`, `— Reuters`, `jsm/dpa`: a line that is only an agency credit.
fn agency_byline(line: &str) -> Option<&str> {
    let t = line.trim();
    if t.len() > 60 {
        return None;
    }
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    let agencies = words.iter().filter(|w| AGENCIES.contains(w)).count();
    // Editor initials (2-4 letters) followed by agencies in brackets or after a slash.
    let initials_then_agencies = words.len() >= 2
        && words[0].len() <= 4
        && words[1..].iter().all(|w| AGENCIES.contains(w))
        && (t.contains('(') || t.contains('/'));
    let only_agencies = agencies == words.len();
    (initials_then_agencies || only_agencies).then_some(t)
}

/// Two to four capitalised words and nothing else: a person's name on a line of its own.
fn looks_like_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOG: &str = "Putin and Xi Talk | World | DW\n\n\
“Dear friends,” Putin said.\n\n\
The two leaders met last week.\n\
rml(efe, afp, ap)\n\n\
Rockie Steve\n\n\
Leave a Reply\n\n\
Your email address will not be published. Required fields are marked *\n";

    #[test]
    fn blog_repost_is_cleaned() {
        let s = scrape(BLOG);
        assert_eq!(s.title.as_deref(), Some("Putin and Xi Talk"));
        assert_eq!(s.site.as_deref(), Some("DW"));
        assert_eq!(s.byline.as_deref(), Some("rml(efe, afp, ap)"));
        assert_eq!(
            s.text,
            "“Dear friends,” Putin said.\n\nThe two leaders met last week."
        );
    }

    #[test]
    fn plain_body_is_untouched() {
        let s = scrape("Putin met Xi. They talked.\nThen they left.");
        assert_eq!(s.title, None);
        assert_eq!(s.text, "Putin met Xi. They talked.\nThen they left.");
    }

    #[test]
    fn crlf_is_normalised() {
        let s = scrape("Headline here\r\n\r\nBody line one.\r\nBody two.\r\n");
        assert_eq!(s.title.as_deref(), Some("Headline here"));
        assert_eq!(s.text, "Body line one.\nBody two.");
    }

    #[test]
    fn site_suffixes() {
        assert_eq!(split_site_suffix("A | B | DW"), ("A", Some("DW")));
        assert_eq!(
            split_site_suffix("Macron and Scholz hold talks - Example News"),
            ("Macron and Scholz hold talks", Some("Example News"))
        );
        assert_eq!(
            split_site_suffix("Russia-China ties - new"),
            ("Russia-China ties - new", None)
        );
        assert_eq!(split_site_suffix("No suffix"), ("No suffix", None));
    }

    #[test]
    fn bylines() {
        assert!(agency_byline("rml(efe, afp, ap)").is_some());
        assert!(agency_byline("jsm(afp, reuters)").is_some());
        assert!(agency_byline("(Reuters)").is_some());
        assert!(agency_byline("AFP").is_some());
        assert!(agency_byline("The AP reported it.").is_none());
        assert!(agency_byline("Putin met Xi").is_none());
    }

    #[test]
    fn a_name_in_the_body_is_kept() {
        let s = scrape("Title line\n\nFirst paragraph here.\n\nJoe Biden\n\nLast paragraph.");
        assert!(s.text.contains("Joe Biden"));
        assert!(s.text.ends_with("Last paragraph."));
    }
}
