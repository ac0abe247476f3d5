//! Finds the line of a key in `quotes.yaml` for error messages.
//!
//! The YAML parser reports positions only for syntax and type errors; the
//! checks made after parsing (duplicate ids, unknown speakers, empty texts)
//! need the line of the item they are about. The list is block-style YAML
//! written by people, so the n-th `key:` line inside a top-level section is
//! the n-th item's key. When that does not hold (flow style), a search for the
//! value itself is the fallback, and a message without a line the last resort.

/// Lines of `source` (1-based) where `key:` appears inside the top-level
/// section `section:`, with the key's value as written.
pub fn key_lines(source: &str, section: &str, key: &str) -> Vec<(usize, String)> {
    let mut in_section = false;
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        if !line.starts_with([' ', '\t', '-', '#']) && !line.trim().is_empty() {
            in_section = line
                .split_once(':')
                .is_some_and(|(k, _)| k.trim().trim_matches(['"', '\'']) == section);
            continue;
        }
        if !in_section {
            continue;
        }
        let item = line.trim_start().trim_start_matches('-').trim_start();
        if let Some(value) = item
            .strip_prefix(key)
            .and_then(|rest| rest.strip_prefix(':'))
        {
            found.push((n + 1, clean_value(value)));
        }
    }
    found
}

/// The first line (1-based) on which `needle` appears, for a fallback.
pub fn line_containing(source: &str, needle: &str) -> Option<usize> {
    source
        .lines()
        .position(|l| l.contains(needle))
        .map(|n| n + 1)
}

/// The first line declaring the top-level key `key:`.
pub fn top_level_line(source: &str, key: &str) -> Option<usize> {
    source
        .lines()
        .position(|l| {
            l.split_once(':')
                .is_some_and(|(k, _)| !l.starts_with([' ', '\t']) && k.trim() == key)
        })
        .map(|n| n + 1)
}

fn clean_value(raw: &str) -> String {
    let value = match raw.find(" #") {
        Some(comment) => &raw[..comment],
        None => raw,
    };
    value.trim().trim_matches(['"', '\'']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_per_section() {
        let source = "speakers:\n  - id: a  # note\n    name: A\nquotes:\n  - id: q1\n    speaker: a\n  - id: \"q2\"\n    speaker: b\n";
        assert_eq!(key_lines(source, "speakers", "id"), [(2, "a".to_string())]);
        assert_eq!(
            key_lines(source, "quotes", "id"),
            [(5, "q1".to_string()), (7, "q2".to_string())]
        );
        assert_eq!(
            key_lines(source, "quotes", "speaker")[1],
            (8, "b".to_string())
        );
        assert_eq!(top_level_line(source, "quotes"), Some(4));
    }
}
