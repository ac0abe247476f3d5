//! Fuzz target: see `quotecheck::fuzz::folding` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| quotecheck::fuzz::folding(data));
