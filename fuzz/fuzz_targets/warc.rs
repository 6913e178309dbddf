//! Fuzz the WARC reader with arbitrary bytes, plain and as a gzip stream: it must never
//! panic, and every record it yields is a document or an error for that record.
#![no_main]

use dyad_intake::{Format, IntakeOptions, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = IntakeOptions { max_bytes: 1 << 20, ..Default::default() };
    for r in read_bytes("fuzz.warc", data, Format::Warc, &opts) {
        if let Ok(doc) = r.result {
            assert!(!doc.text.is_empty());
        }
    }
    let _ = read_bytes("fuzz.warc.gz", data, Format::Auto, &opts);
});
