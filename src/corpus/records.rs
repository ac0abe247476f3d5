//! Archives kept as records rather than files: JSON Lines, one article per
//! line, `{"id": ..., "text": ...}`.
//!
//! A newsroom's archive is often a database export, not a folder: millions
//! of articles in a few large files, or a stream on standard input. Such a
//! file is read a line at a time and never held whole, so memory stays the
//! size of one article whatever the archive's size. Each record is an
//! article of its own, named `FILE#ID`; a line that is not a record is
//! skipped with its line number and the run goes on, as with a bad file.

use std::io::BufRead;

use serde::Deserialize;

use crate::report::appearances::day_of;

use super::{Article, Skip, Source};

/// One line of a JSON Lines corpus. Other fields (url, outlet) are allowed
/// and ignored: exports carry them.
#[derive(Deserialize)]
struct Record {
    id: Id,
    text: String,
    /// When the article was published; read when it starts `YYYY-MM-DD`,
    /// ignored otherwise (exports write dates in every shape).
    #[serde(default)]
    date: Option<serde_json::Value>,
}

/// Record ids are strings or numbers in the exports we have seen.
#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(serde_json::Number),
}

/// Reads the records of `source` from `reader`, handing each article (or
/// the reason a line was skipped) to `each` in order, until `each` says
/// `false` (nobody wants more).
pub fn read(
    source: &Source,
    reader: impl BufRead,
    mut each: impl FnMut(Result<Article, Skip>) -> bool,
) {
    let file = source.display_name();
    let mut reader = reader;
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => return,
            Ok(_) => number += 1,
            Err(e) => {
                each(Err(skip(
                    &file,
                    number + 1,
                    format!("cannot read: {e}"),
                    "check the file; the records before this line were checked",
                )));
                return;
            }
        }
        // A byte-order mark says nothing about the first record.
        let bytes = match number {
            1 => line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line),
            _ => &line,
        };
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text.trim_end(),
            Err(e) => {
                let go_on = each(Err(skip(
                    &file,
                    number,
                    format!("not valid UTF-8 (byte {} of the line)", e.valid_up_to() + 1),
                    "JSON Lines are UTF-8; re-encode the export",
                )));
                if !go_on {
                    return;
                }
                continue;
            }
        };
        if text.trim_start().is_empty() {
            continue;
        }
        let go_on = match serde_json::from_str::<Record>(text) {
            Ok(record) => {
                let id = match record.id {
                    Id::Text(id) => id,
                    Id::Number(n) => n.to_string(),
                };
                each(Ok(Article {
                    date: record
                        .date
                        .as_ref()
                        .and_then(serde_json::Value::as_str)
                        .and_then(day_of),
                    ..Article::new(format!("{file}#{id}"), record.text)
                }))
            }
            Err(e) => each(Err(skip(
                &file,
                number,
                // The error's own line is always 1: the line is parsed alone.
                format!("not a record: {e}").replace(" at line 1 column ", " at column "),
                r#"each line of a JSON Lines corpus is one article: {"id": "a1", "text": "..."}"#,
            ))),
        };
        if !go_on {
            return;
        }
    }
}

fn skip(file: &str, line: usize, reason: String, help: &str) -> Skip {
    Skip {
        name: format!("{file}:{line}"),
        reason,
        help: Some(help.to_string()),
        is_error: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &str) -> Vec<Result<(String, String), String>> {
        let mut out = Vec::new();
        let source = Source::File {
            path: "archive.jsonl".into(),
            named: true,
        };
        read(&source, input.as_bytes(), |r| {
            out.push(
                r.map(|a| (a.name, a.text))
                    .map_err(|s| format!("{}: {}", s.name, s.reason)),
            );
            true
        });
        out
    }

    #[test]
    fn each_line_is_an_article_named_by_its_id() {
        let got = read_all(
            "{\"id\": \"a1\", \"text\": \"One.\", \"url\": \"https://x\"}\n\n{\"id\": 7, \"text\": \"Two.\"}",
        );
        assert_eq!(
            got,
            vec![
                Ok(("archive.jsonl#a1".into(), "One.".into())),
                Ok(("archive.jsonl#7".into(), "Two.".into())),
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_before_the_first_record_is_dropped() {
        let got = read_all("\u{feff}{\"id\": \"a1\", \"text\": \"One.\"}\n");
        assert_eq!(got, vec![Ok(("archive.jsonl#a1".into(), "One.".into()))]);
    }

    #[test]
    fn a_bad_line_is_skipped_with_its_number_and_the_rest_is_read() {
        let got = read_all("{\"id\": \"a1\"}\nnot json\n{\"id\": \"a3\", \"text\": \"Three.\"}\n");
        assert_eq!(got.len(), 3);
        assert!(
            matches!(&got[0], Err(e) if e.starts_with("archive.jsonl:1: not a record: missing field `text`")),
            "{got:?}"
        );
        assert!(matches!(&got[1], Err(e) if e.starts_with("archive.jsonl:2: not a record")));
        assert_eq!(got[2], Ok(("archive.jsonl#a3".into(), "Three.".into())));
    }
}
