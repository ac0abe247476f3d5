//! Fuzz target: see `quotecheck::fuzz::quotation_marks` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| quotecheck::fuzz::quotation_marks(data));
