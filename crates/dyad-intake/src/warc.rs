//! WARC archives (`.warc`, `.warc.gz`), read as a stream of records in constant memory.
//!
//! Common Crawl's CC-NEWS files are WARC with one gzip member per record; a multi-member gzip
//! decoder reads them as one stream. Each `response` record holds an HTTP response: its
//! headers give the content type and charset, its body the page. Records that are not HTML
//! responses (requests, metadata, redirects, PDFs) are skipped and counted.
//!
//! The reader is written for damaged input: a record whose Content-Length lies leaves the
//! stream out of step, so the reader resynchronises on the next `WARC/` line and reports the
//! bytes it passed over; a truncated gzip member ends the file with an error record; a record
//! over the size cap is skipped without being held in memory. Every problem is an error
//! record for that place in the file, and reading goes on where it can.

use std::io::{BufRead, Read};
use std::sync::atomic::Ordering;

use crate::{IntakeError, IntakeOptions, Record, charset, html};

/// Longest WARC or HTTP header line accepted.
const MAX_LINE: usize = 64 * 1024;

/// A streaming reader of the HTML response records of one WARC file.
pub struct WarcRecords<R: BufRead> {
    inner: R,
    name: String,
    opts: IntakeOptions,
    offset: u64,
    done: bool,
    /// A version line was read while resynchronising; the record it opens comes next.
    pending: bool,
}

impl<R: BufRead> WarcRecords<R> {
    /// Read records from `inner` (already decompressed). `name` names the file in errors.
    pub fn new(inner: R, name: &str, opts: &IntakeOptions) -> Self {
        WarcRecords {
            inner,
            name: name.to_string(),
            opts: opts.clone(),
            offset: 0,
            done: false,
            pending: false,
        }
    }

    fn here(&self) -> String {
        format!("{}@{}", self.name, self.offset)
    }

    /// Read one line (with its newline), or `None` at the end.
    fn line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut buf = Vec::new();
        let n = (&mut self.inner)
            .take(MAX_LINE as u64)
            .read_until(b'\n', &mut buf)?;
        self.offset += n as u64;
        Ok((n > 0).then_some(buf))
    }

    fn fail(&mut self, id: String, e: IntakeError) -> Option<Record> {
        Some(Record { id, result: Err(e) })
    }

    fn io_error(&mut self, e: std::io::Error) -> Option<Record> {
        self.done = true;
        let id = self.here();
        let message = if e.kind() == std::io::ErrorKind::UnexpectedEof {
            "the file ends in the middle of a record (truncated)".to_string()
        } else {
            format!("cannot read on ({e}); a truncated or corrupt gzip stream?")
        };
        self.fail(id, IntakeError::Warc(message))
    }
}

impl<R: BufRead> Iterator for WarcRecords<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            // Find the next record's version line, passing over anything else.
            let start = self.offset;
            let mut skipped_bytes = 0u64;
            let found_already = std::mem::take(&mut self.pending);
            loop {
                if found_already {
                    break;
                }
                match self.line() {
                    Err(e) => return self.io_error(e),
                    Ok(None) => {
                        self.done = true;
                        if skipped_bytes > 0 {
                            let id = format!("{}@{start}", self.name);
                            return self.fail(
                                id,
                                IntakeError::Warc(format!(
                                    "{skipped_bytes} bytes at the end are not a WARC record"
                                )),
                            );
                        }
                        return None;
                    }
                    Ok(Some(l)) if l.starts_with(b"WARC/") => break,
                    Ok(Some(l)) => {
                        if !l.iter().all(u8::is_ascii_whitespace) {
                            skipped_bytes += l.len() as u64;
                        }
                    }
                }
            }
            if skipped_bytes > 0 {
                // Report the damage as its own record; the record just found comes next.
                self.opts.stats.resynced.fetch_add(1, Ordering::Relaxed);
                self.pending = true;
                let id = format!("{}@{start}", self.name);
                return self.fail(
                    id,
                    IntakeError::Warc(format!(
                        "{skipped_bytes} bytes between records are not WARC (the record before has a wrong Content-Length?)"
                    )),
                );
            }
            let record_at = self.here();
            // Headers.
            let mut headers: Vec<(String, String)> = Vec::new();
            loop {
                match self.line() {
                    Err(e) => return self.io_error(e),
                    Ok(None) => return self.io_error(std::io::ErrorKind::UnexpectedEof.into()),
                    Ok(Some(l)) => {
                        let l = String::from_utf8_lossy(&l);
                        let l = l.trim_end();
                        if l.is_empty() {
                            break;
                        }
                        if let Some((k, v)) = l.split_once(':') {
                            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                        }
                    }
                }
            }
            let header = |k: &str| {
                headers
                    .iter()
                    .find(|(n, _)| n == k)
                    .map(|(_, v)| v.as_str())
            };
            let id = header("warc-record-id")
                .map(str::to_string)
                .unwrap_or_else(|| record_at.clone());
            let Some(length) = header("content-length").and_then(|v| v.parse::<u64>().ok()) else {
                return self.fail(
                    id,
                    IntakeError::Warc("record has no valid Content-Length".into()),
                );
            };
            let is_response = header("warc-type") == Some("response");
            let url = header("warc-target-uri").map(str::to_string);
            if length > self.opts.max_bytes as u64 || !is_response {
                // Pass over the block without keeping it.
                match std::io::copy(&mut (&mut self.inner).take(length), &mut std::io::sink()) {
                    Ok(n) if n == length => self.offset += n,
                    Ok(_) => return self.io_error(std::io::ErrorKind::UnexpectedEof.into()),
                    Err(e) => return self.io_error(e),
                }
                if !is_response {
                    self.opts
                        .stats
                        .skipped_records
                        .fetch_add(1, Ordering::Relaxed);
                    continue;
                }
                return self.fail(
                    id,
                    IntakeError::TooLarge {
                        size: length as usize,
                        limit: self.opts.max_bytes,
                    },
                );
            }
            let mut block = vec![0; length as usize];
            if let Err(e) = self.inner.read_exact(&mut block) {
                return self.io_error(e);
            }
            self.offset += length;
            match http_page(&block) {
                None => {
                    self.opts
                        .stats
                        .skipped_records
                        .fetch_add(1, Ordering::Relaxed);
                    continue;
                }
                Some((charset, body)) => {
                    let result = charset::decode_html(body, charset.as_deref())
                        .and_then(|text| html::read(&id, &text, url.as_deref(), &self.opts));
                    return Some(Record { id, result });
                }
            }
        }
        None
    }
}

/// The HTML body of an HTTP response and its declared charset; `None` for anything that is
/// not a successful HTML response.
fn http_page(block: &[u8]) -> Option<(Option<String>, &[u8])> {
    let (head_len, sep) = match block.windows(4).position(|w| w == b"\r\n\r\n") {
        Some(p) => (p, 4),
        None => (block.windows(2).position(|w| w == b"\n\n")?, 2),
    };
    let head = String::from_utf8_lossy(&block[..head_len]);
    let mut lines = head.lines();
    let status: u16 = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    if !(200..300).contains(&status) {
        return None;
    }
    let content_type = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.trim().to_ascii_lowercase())
        .unwrap_or_else(|| "text/html".into());
    if !content_type.contains("html") {
        return None;
    }
    let charset = content_type
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .next()
        .map(|c| c.trim_matches('"').to_string());
    Some((charset, &block[head_len + sep..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, payload: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Target-URI: https://example.com/{uri}\r\nContent-Length: {}\r\n\r\n",
            payload.len()
        )
        .into_bytes();
        r.extend_from_slice(payload);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn page(body: &str, content_type: &str) -> Vec<u8> {
        format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n{body}").into_bytes()
    }

    const ARTICLE: &str = "<html><head><title>Talks | Example</title></head><body><article><p>Putin met Xi in Beijing on Monday for talks on trade, energy and security, officials said.</p><p>The two leaders agreed to meet again next year.</p></article></body></html>";

    fn read_all(bytes: &[u8], opts: &IntakeOptions) -> Vec<Record> {
        WarcRecords::new(std::io::Cursor::new(bytes.to_vec()), "t.warc", opts).collect()
    }

    #[test]
    fn reads_html_responses_and_skips_the_rest() {
        let mut w = record("warcinfo", "info", b"software: test\r\n");
        w.extend(record("request", "a", b"GET / HTTP/1.1\r\n\r\n"));
        w.extend(record(
            "response",
            "a",
            &page(ARTICLE, "text/html; charset=utf-8"),
        ));
        w.extend(record(
            "response",
            "b",
            &page("%PDF-1.4", "application/pdf"),
        ));
        let opts = IntakeOptions::default();
        let recs = read_all(&w, &opts);
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].id, "<urn:uuid:a>");
        let doc = recs[0].result.as_ref().unwrap();
        assert_eq!(doc.url.as_deref(), Some("https://example.com/a"));
        assert!(doc.text.contains("Putin met Xi"));
        assert_eq!(opts.stats.skipped_records.load(Ordering::Relaxed), 3);
    }

    #[test]
    fn a_lying_content_length_costs_one_record() {
        let good = record("response", "b", &page(ARTICLE, "text/html"));
        let mut bad = record("response", "a", &page(ARTICLE, "text/html"));
        // Claim fewer bytes than there are: the rest of the block is garbage to resync over.
        let text = String::from_utf8(bad.clone()).unwrap();
        let real = page(ARTICLE, "text/html").len();
        bad = text
            .replace(&format!("Content-Length: {real}"), "Content-Length: 40")
            .into_bytes();
        let mut w = bad;
        w.extend(good);
        let recs = read_all(&w, &IntakeOptions::default());
        let ok: Vec<&str> = recs
            .iter()
            .filter(|r| r.result.is_ok())
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(ok, ["<urn:uuid:b>"]);
        assert!(
            recs.iter().any(|r| r.result.is_err()),
            "the broken record is reported"
        );
    }

    #[test]
    fn truncation_and_oversize_are_errors() {
        let mut w = record("response", "a", &page(ARTICLE, "text/html"));
        w.truncate(w.len() - 60);
        let recs = read_all(&w, &IntakeOptions::default());
        assert_eq!(recs.len(), 1);
        assert!(
            recs[0]
                .result
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("truncated")
        );

        let w = record("response", "big", &page(ARTICLE, "text/html"));
        let opts = IntakeOptions {
            max_bytes: 100,
            ..Default::default()
        };
        let recs = read_all(&w, &opts);
        assert!(matches!(recs[0].result, Err(IntakeError::TooLarge { .. })));
    }

    #[test]
    fn legacy_charsets_in_http_headers() {
        let mut body = b"<html><body><article><p>".to_vec();
        let sentence = encoding_rs::WINDOWS_1251.encode("Президент России провёл переговоры с председателем КНР в Москве в понедельник вечером.").0.into_owned();
        body.extend_from_slice(&sentence);
        body.extend_from_slice(b"</p></article></body></html>");
        let mut payload =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n".to_vec();
        payload.extend(body);
        let recs = read_all(
            &record("response", "ru", &payload),
            &IntakeOptions::default(),
        );
        assert!(
            recs[0]
                .result
                .as_ref()
                .unwrap()
                .text
                .contains("Президент России")
        );
    }
}
