//! `quotecheck suggest`: proposed `quotes.yaml` entries, as YAML to paste
//! under `quotes:` once a person has checked them.

use std::fmt::Write;

use super::human::plural;
use crate::report::suggest::Suggestion;

pub fn yaml(suggestions: &[Suggestion]) -> String {
    let mut out = String::new();
    if suggestions.is_empty() {
        out.push_str(
            "# quotecheck suggest: no quotation off the list is printed in two or more articles.\n",
        );
        return out;
    }
    let _ = writeln!(
        out,
        "# quotecheck suggest: {} printed in two or more articles {} not on the list.\n\
         # Check each against its source before pasting it under `quotes:`: the\n\
         # wording of record is the speaker's, not an article's.",
        plural(suggestions.len(), "quotation", "quotations"),
        if suggestions.len() == 1 { "is" } else { "are" },
    );
    for s in suggestions {
        let _ = writeln!(out, "  - id: {}", scalar(&s.id));
        match (s.speaker, s.listed) {
            (Some(id), true) => {
                let _ = writeln!(out, "    speaker: {}", scalar(id));
            }
            (Some(name), false) => {
                let _ = writeln!(
                    out,
                    "    speaker: TODO   # printed as {}: add them under `speakers:` first",
                    json(name)
                );
            }
            (None, _) => {
                let _ = writeln!(out, "    speaker: TODO   # no article credits anyone");
            }
        }
        let _ = writeln!(out, "    text: {}", json(s.text));
        let places: Vec<String> = s
            .seen
            .iter()
            .map(|u| format!("{}:{}:{}", u.article, u.line, u.column))
            .collect();
        let parts = match s.parts {
            0 => String::new(),
            n => format!(" ({n} in part)"),
        };
        let _ = writeln!(
            out,
            "    # printed {} times{parts}: {}",
            s.seen.len(),
            places.join(", ")
        );
    }
    out
}

/// A double-quoted YAML scalar (JSON strings are valid YAML).
fn json(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// An id as YAML: plain when it is letters, digits, `-` and `_` (not all
/// digits), double-quoted otherwise (`"@ap"` would not parse plain).
fn scalar(id: &str) -> String {
    let plain = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !id.chars().all(|c| c.is_ascii_digit())
        && !id.starts_with('-');
    if plain { id.to_string() } else { json(id) }
}

#[cfg(test)]
mod tests {
    use super::scalar;

    #[test]
    fn ids_are_quoted_when_plain_yaml_would_misread_them() {
        assert_eq!(scalar("jen-psaki-we-are-ready"), "jen-psaki-we-are-ready");
        assert_eq!(scalar("@ap"), "\"@ap\"");
        assert_eq!(scalar("1917"), "\"1917\"");
        assert_eq!(scalar("-x"), "\"-x\"");
        assert_eq!(scalar("a b: c"), "\"a b: c\"");
    }
}
