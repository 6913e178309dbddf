//! Character sets of web pages: bytes in any encoding to UTF-8 text.
//!
//! The encoding is taken, in order, from a byte-order mark, the HTTP `Content-Type` header,
//! a `<meta charset>` or `<meta http-equiv="Content-Type">` near the start of the page, and
//! otherwise detected (`chardetng`); bytes that are valid UTF-8 and declare nothing are UTF-8.
//! Decoding is done by `encoding_rs`, so a windows-1251 or GB18030 page comes out as correct
//! UTF-8.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

use crate::IntakeError;

/// How far into a page a `<meta>` charset declaration is looked for.
const PRESCAN: usize = 4096;

/// Decode a page's bytes. `http_charset` is the `charset` of an HTTP `Content-Type`, if any.
pub fn decode_html<'b>(
    bytes: &'b [u8],
    http_charset: Option<&str>,
) -> Result<Cow<'b, str>, IntakeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IntakeError::Empty);
    }
    let (encoding, skip) = match Encoding::for_bom(bytes) {
        Some((e, n)) => (e, n),
        None => (choose(bytes, http_charset), 0),
    };
    let body = &bytes[skip..];
    // UTF-16 pages have NUL bytes by design; any other page with them is not text.
    if encoding != encoding_rs::UTF_16LE
        && encoding != encoding_rs::UTF_16BE
        && let Some(offset) = body.iter().position(|&b| b == 0)
    {
        return Err(IntakeError::Binary {
            offset: offset + skip,
        });
    }
    let (text, _) = encoding.decode_without_bom_handling(body);
    Ok(text)
}

fn choose(bytes: &[u8], http_charset: Option<&str>) -> &'static Encoding {
    if let Some(e) = http_charset.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        return utf8_for_utf16(e);
    }
    if let Some(e) = meta_charset(&bytes[..bytes.len().min(PRESCAN)]) {
        return utf8_for_utf16(e);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// A page that declares UTF-16 in ASCII-compatible bytes is not UTF-16 (HTML's rule).
fn utf8_for_utf16(e: &'static Encoding) -> &'static Encoding {
    if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
        UTF_8
    } else {
        e
    }
}

/// The encoding named by `<meta charset=…>` or `<meta … content="…; charset=…">`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(p) = find(&lower[from..], b"<meta") {
        let start = from + p;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = rest
                .iter()
                .skip_while(|b| b.is_ascii_whitespace() || **b == b'=')
                .copied();
            let label: Vec<u8> = rest
                .skip_while(|b| *b == b'"' || *b == b'\'')
                .take_while(|b| !matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                .collect();
            if let Some(e) = Encoding::for_label(&label) {
                return Some(e);
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_legacy_encodings_decode() {
        // "Москва" in windows-1251, declared in a meta tag.
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body><p>".to_vec();
        page.extend_from_slice(&[0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]);
        page.extend_from_slice(b"</p></body></html>");
        assert!(decode_html(&page, None).unwrap().contains("Москва"));
        // "北京" in GB18030, declared by HTTP only.
        let mut page = b"<p>".to_vec();
        page.extend_from_slice(&[0xb1, 0xb1, 0xbe, 0xa9]);
        assert!(
            decode_html(&page, Some("gb18030"))
                .unwrap()
                .contains("北京")
        );
        // http-equiv form
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>caf\xe9</p>";
        assert!(decode_html(page, None).unwrap().contains("café"));
    }

    #[test]
    fn undeclared_pages_are_detected() {
        assert_eq!(
            decode_html("<p>naïve</p>".as_bytes(), None).unwrap(),
            "<p>naïve</p>"
        );
        let mut cyrillic = b"<html><body><p>".to_vec();
        // A long windows-1251 sentence without a declaration.
        let sentence = encoding_rs::WINDOWS_1251
            .encode("Президент России провёл переговоры с председателем КНР в Москве.")
            .0
            .into_owned();
        for _ in 0..5 {
            cyrillic.extend_from_slice(&sentence);
        }
        cyrillic.extend_from_slice(b"</p></body></html>");
        assert!(
            decode_html(&cyrillic, None)
                .unwrap()
                .contains("Президент России")
        );
    }

    #[test]
    fn boms_and_binary() {
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("<p>hi</p>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_html(&utf16, None).unwrap(), "<p>hi</p>");
        assert!(matches!(
            decode_html(b"<p>\x00\x01</p>", None),
            Err(IntakeError::Binary { .. })
        ));
        assert!(matches!(decode_html(b"  ", None), Err(IntakeError::Empty)));
    }
}
