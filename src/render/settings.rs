//! `quotecheck config`: the configuration a run would use, resolved from
//! the command line, `quotecheck.toml` and the defaults, printed as TOML that
//! can be pasted back into a `quotecheck.toml`.

use std::fmt::Write;
use std::path::Path;

use crate::config::Config;
use crate::report::Rule;

pub fn render(config: &Config) -> String {
    let mut out = String::new();
    match &config.file {
        Some(file) => {
            let _ = writeln!(out, "# configuration file: {}", file.display());
        }
        None => out.push_str("# no configuration file: defaults and command line only\n"),
    }
    let _ = writeln!(out, "quotes = {}", string(&path(&config.quotes)));
    let paths: Vec<String> = config.paths.iter().map(|p| string(&path(p))).collect();
    let _ = writeln!(out, "paths = [{}]", paths.join(", "));
    // Globs are not rebased like paths: they stay relative to the folder of
    // the configuration file.
    let _ = writeln!(out, "include = [{}]", list(&config.include));
    let _ = writeln!(out, "exclude = [{}]", list(&config.exclude));
    let _ = writeln!(out, "fail-on = {}", string(config.fail_on.as_str()));
    match &config.baseline {
        Some(b) => {
            let _ = writeln!(out, "baseline = {}", string(&path(b)));
        }
        None => out.push_str("# baseline: none\n"),
    }
    out.push_str("\n[rules]\n");
    for rule in Rule::ALL {
        let _ = writeln!(
            out,
            "{} = {}  # {}",
            rule.code(),
            string(config.levels.get(rule).as_str()),
            rule.name()
        );
    }
    out.push_str("\n[matching]\n");
    let matching = toml::to_string(&config.thresholds).expect("thresholds serialize");
    out.push_str(&matching);
    out
}

fn path(p: &Path) -> String {
    p.display().to_string()
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| string(s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A TOML basic string.
fn string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
