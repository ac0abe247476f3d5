//! The fuzz targets' checks on stable Rust: every saved input of
//! `fuzz/corpus/` and every input that once failed (`fuzz/regressions/`) is
//! run through its target, so a crash found by fuzzing stays fixed in CI.
//! The fuzzing itself (`fuzz/run.sh`) needs nightly Rust and runs by hand.

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs = 0;
    for folder in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder).join(target)) else {
            continue;
        };
        let mut paths: Vec<_> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| !p.ends_with(".gitkeep"))
            .collect();
        paths.sort();
        for path in paths {
            let data = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(outcome.is_ok(), "{target} fails on {}", path.display());
            inputs += 1;
        }
    }
    assert!(inputs > 0, "no saved inputs for {target}");
}

#[test]
fn quotation_marks() {
    replay("quotation_marks", quotecheck::fuzz::quotation_marks);
}

#[test]
fn folding() {
    replay("folding", quotecheck::fuzz::folding);
}

#[test]
fn quote_list() {
    replay("quote_list", quotecheck::fuzz::quote_list);
}

#[test]
fn matcher() {
    replay("matcher", quotecheck::fuzz::matcher);
}
