//! Finds the line of an item or a field in `quotes.yaml` for error messages.
//!
//! The YAML parser reports positions only for syntax and type errors; the
//! checks made after parsing (duplicate ids, unknown speakers, empty texts)
//! need the line of the item they are about. The list is block-style YAML
//! written by people: a top-level section (`quotes:`) holds items that start
//! with `- ` at one indentation, and each item's keys stand at the column of
//! its first key. Text inside block scalars (`note: |`) is indented further
//! and never taken for a key. When the shape is otherwise (flow style), the
//! caller falls back to a message without a line.

use std::ops::Range;

/// One item of a top-level sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// 1-based line of the item's `- `.
    pub line: usize,
    /// 0-based line indices the item spans.
    lines: Range<usize>,
    /// Byte range of those lines in the source: reading an item costs its
    /// own length, not the length of the list before it (a list of 50,000
    /// statements is read in a moment, not in minutes).
    bytes: Range<usize>,
    /// Column of the item's keys.
    key_indent: usize,
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

fn is_top_level_key(line: &str) -> bool {
    !line.is_empty() && !line.starts_with([' ', '\t', '-', '#']) && line.contains(':')
}

/// The items of the top-level section `section:`, in order.
pub fn items(source: &str, section: &str) -> Vec<Item> {
    let lines: Vec<&str> = source.lines().collect();
    // Byte offset of each line, as `str::lines` splits them.
    let mut offsets = Vec::with_capacity(lines.len() + 1);
    let mut at = 0;
    for piece in source.split_inclusive('\n') {
        offsets.push(at);
        at += piece.len();
    }
    offsets.push(at);
    let Some(start) = lines.iter().position(|l| {
        is_top_level_key(l)
            && l.split_once(':')
                .is_some_and(|(k, _)| k.trim().trim_matches(['"', '\'']) == section)
    }) else {
        return Vec::new();
    };
    let end = (start + 1..lines.len())
        .find(|&i| is_top_level_key(lines[i]))
        .unwrap_or(lines.len());
    let dashes: Vec<usize> = (start + 1..end)
        .filter(|&i| {
            let t = lines[i].trim_start();
            t == "-" || t.starts_with("- ")
        })
        .collect();
    let Some(dash_indent) = dashes.iter().map(|&i| indent(lines[i])).min() else {
        return Vec::new();
    };
    let starts: Vec<usize> = dashes
        .into_iter()
        .filter(|&i| indent(lines[i]) == dash_indent)
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(n, &s)| {
            let next = starts.get(n + 1).copied().unwrap_or(end);
            let after_dash = &lines[s][dash_indent + 1..];
            let key_indent = dash_indent + 1 + indent(after_dash);
            Item {
                line: s + 1,
                lines: s..next,
                bytes: offsets[s]..offsets[next],
                key_indent,
            }
        })
        .collect()
}

impl Item {
    /// The 1-based line of the item's `key:` and its value as written.
    pub fn field(&self, source: &str, key: &str) -> Option<(usize, String)> {
        self.numbered_lines(source).find_map(|(n, line)| {
            let body = if n == self.lines.start {
                line.get(self.key_indent..)?
            } else {
                (indent(line) == self.key_indent).then(|| &line[self.key_indent..])?
            };
            let value = body.strip_prefix(key)?.strip_prefix(':')?;
            Some((n + 1, clean_value(value)))
        })
    }

    /// The item's lines with their 0-based line indices.
    fn numbered_lines<'s>(&self, source: &'s str) -> impl Iterator<Item = (usize, &'s str)> {
        source[self.bytes.clone()]
            .lines()
            .enumerate()
            .map(move |(i, line)| (self.lines.start + i, line))
    }

    /// The line of `key:` in this item, or the item's first line.
    pub fn line_of(&self, source: &str, key: &str) -> usize {
        self.field(source, key).map_or(self.line, |(l, _)| l)
    }

    /// The line of entry `n` (0-based) of the list under `key:` in this
    /// item. A list written in flow style (`key: [a, b]`), or one this
    /// reader cannot follow, is reported at the line of `key:`.
    pub fn entry_line(&self, source: &str, key: &str, n: usize) -> usize {
        let Some((key_line, value)) = self.field(source, key) else {
            return self.line;
        };
        if !value.is_empty() {
            return key_line;
        }
        // Block style: the entries are the lines opening with `- ` at one
        // indentation, which YAML allows to be the key's own; deeper lines
        // continue an entry, and a key at the item's indentation ends the
        // list.
        let mut dash_indent = None;
        let mut seen = 0;
        for (i, line) in self
            .numbered_lines(source)
            .skip_while(|&(i, _)| i < key_line)
        {
            let t = line.trim_start_matches([' ', '\t']);
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            let at = indent(line);
            let is_dash = t == "-" || t.starts_with("- ");
            if at < self.key_indent || (at == self.key_indent && !is_dash) {
                break;
            }
            if is_dash && dash_indent.is_none_or(|d| d == at) {
                dash_indent = Some(at);
                if seen == n {
                    return i + 1;
                }
                seen += 1;
            }
        }
        key_line
    }
}

/// The first line declaring the top-level key `key:`.
pub fn top_level_line(source: &str, key: &str) -> Option<usize> {
    source
        .lines()
        .position(|l| {
            is_top_level_key(l) && l.split_once(':').is_some_and(|(k, _)| k.trim() == key)
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

    const SOURCE: &str = "speakers:\n  - id: a  # note\n    name: A\nquotes:\n  - id: q1\n    speaker: a\n    note: |\n      id: not-a-key\n  - id: \"q2\"\n    speaker: b\n    date: 2022-13-01\n";

    #[test]
    fn finds_items_and_fields() {
        let quotes = items(SOURCE, "quotes");
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[0].line, 5);
        assert_eq!(quotes[1].field(SOURCE, "id"), Some((9, "q2".to_string())));
        assert_eq!(quotes[1].line_of(SOURCE, "date"), 11);
        // Optional fields missing from the first item do not shift the second.
        assert_eq!(quotes[0].field(SOURCE, "date"), None);
        assert_eq!(
            items(SOURCE, "speakers")[0].field(SOURCE, "id"),
            Some((2, "a".to_string()))
        );
        assert_eq!(top_level_line(SOURCE, "quotes"), Some(4));
    }

    #[test]
    fn list_entries_have_lines() {
        let source = "quotes:\n  - id: q\n    variants:\n      - One\n      # note\n      - Two\n        continued\n      - Three\n    date: x\n  - id: r\n    variants: [a, b]\n  - id: s\n    variants:\n    - Same indentation\n    - as the key\n";
        let quotes = items(source, "quotes");
        let lines: Vec<usize> = (0..4)
            .map(|n| quotes[0].entry_line(source, "variants", n))
            .collect();
        assert_eq!(lines, [4, 6, 8, 3]);
        assert_eq!(quotes[1].entry_line(source, "variants", 1), 11);
        assert_eq!(quotes[2].entry_line(source, "variants", 1), 15);
        assert_eq!(quotes[2].entry_line(source, "date", 0), 12);
    }

    #[test]
    fn block_scalars_hold_no_keys() {
        let quotes = items(SOURCE, "quotes");
        assert_eq!(quotes[0].field(SOURCE, "id"), Some((5, "q1".to_string())));
        assert_eq!(quotes.len(), 2);
    }
}
