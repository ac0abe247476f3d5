//! Fuzz target: see `quotecheck::fuzz::quote_list` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| quotecheck::fuzz::quote_list(data));
