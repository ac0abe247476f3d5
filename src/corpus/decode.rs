//! Decides whether an article's bytes are text we can check honestly.
//!
//! Binary is judged by content (a NUL byte), never by leading "magic" bytes:
//! one sample article begins with the word "Blinken", which `file` takes for
//! an archive signature. Text that is not UTF-8 is refused with the position
//! of the first bad byte, rather than decoded by guesswork that could change
//! the very words being checked.

use super::{Skip, Source};

pub fn decode(source: &Source, mut bytes: Vec<u8>) -> Result<String, Skip> {
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(Skip {
            name: source.display_name(),
            reason: format!("binary file (NUL byte at offset {at})"),
            help: None,
            is_error: false,
        });
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        // A UTF-8 byte-order mark says nothing about the words; drop it so the
        // first line's columns start at 1.
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let prefix = String::from_utf8_lossy(&bytes[..valid]);
        let line = prefix.matches('\n').count() + 1;
        let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Skip::error(
            source,
            format!(
                "not valid UTF-8 (byte 0x{:02X} at line {line}, column {column})",
                bytes[valid]
            ),
            "re-encode the file as UTF-8, e.g. `iconv -f windows-1252 -t utf-8`",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src() -> Source {
        Source::File("a.txt".into())
    }

    #[test]
    fn archive_magic_is_still_text() {
        assert_eq!(
            decode(&src(), b"Blinken arrives".to_vec()).unwrap(),
            "Blinken arrives"
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let skip = decode(&src(), b"ab\0cd".to_vec()).unwrap_err();
        assert!(!skip.is_error);
        assert!(skip.reason.contains("binary"));
    }

    #[test]
    fn latin1_is_refused_with_position() {
        let skip = decode(&src(), b"line one\ncaf\xE9".to_vec()).unwrap_err();
        assert!(skip.is_error);
        assert!(skip.reason.contains("line 2, column 4"), "{}", skip.reason);
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode(&src(), b"\xEF\xBB\xBFHi".to_vec()).unwrap(), "Hi");
    }
}
