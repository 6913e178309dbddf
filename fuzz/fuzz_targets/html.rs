//! Fuzz HTML intake (charset detection, nesting guard, extraction, metadata) with
//! arbitrary bytes: errors are fine, panics are not.
#![no_main]

use dyad_intake::{Format, IntakeOptions, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = IntakeOptions { max_bytes: 1 << 20, ..Default::default() };
    let _ = read_bytes("fuzz.html", data, Format::Html, &opts);
});
