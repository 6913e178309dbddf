//! Fuzz the whole analysis of a text: intake of scraped text, tokens, sentences, actors,
//! time, quotes and events. Every span in the result must cut the text on character
//! boundaries.
#![no_main]

use std::sync::LazyLock;

use dyad_intake::{Format, IntakeOptions, read_bytes};
use dyad_lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

fuzz_target!(|data: &[u8]| {
    for r in read_bytes("fuzz.txt", data, Format::Text, &IntakeOptions::default()) {
        let Ok(doc) = r.result else { continue };
        let coded = dyad_code::code_document(doc, &LEXICON);
        let text = coded.text();
        for m in &coded.actors {
            assert!(m.span.slice(text).is_some());
        }
        for e in &coded.events {
            assert!(e.trigger.span.slice(text).is_some() && e.sentence.slice(text).is_some());
        }
        for q in &coded.quotes {
            assert!(q.span.slice(text).is_some());
        }
        for t in &coded.times {
            assert!(t.span.slice(text).is_some());
        }
    }
});
