//! Decides whether an article's bytes are text we can check honestly.
//!
//! Binary is judged by content (a NUL byte), never by leading "magic" bytes:
//! one sample article begins with the word "Blinken", which `file` takes for
//! an archive signature. UTF-16 is decoded when it says so (a byte-order
//! mark) or shows it unmistakably (every other byte NUL in mostly-ASCII
//! text): word processors save drafts that way. Other text that is not UTF-8
//! is refused with the position of the first bad byte, rather than decoded
//! by guesswork that could change the very words being checked.

use super::{Skip, Source};
use crate::text::LineIndex;

pub fn decode(source: &Source, mut bytes: Vec<u8>) -> Result<String, Skip> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        // A UTF-8 byte-order mark says nothing about the words; drop it so the
        // first line's columns start at 1.
        bytes.drain(..3);
    }
    if let Some(little_endian) = utf16_order(&bytes) {
        return utf16(source, &bytes, little_endian);
    }
    if let Some(at) = memchr::memchr(0, &bytes) {
        let named = matches!(source, Source::File { named: true, .. } | Source::Stdin);
        return Err(Skip {
            name: source.display_name(),
            reason: format!("binary file (NUL byte at offset {at})"),
            help: named.then(|| {
                "quotecheck reads UTF-8 and UTF-16 text; export the article as text".to_string()
            }),
            // A file met while walking a folder may be an image; a file the
            // user named was meant to be checked.
            is_error: named,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let prefix = String::from_utf8_lossy(&bytes[..valid]);
        let at = LineIndex::new(&prefix).position(&prefix, prefix.len());
        Skip::error(
            source,
            format!(
                "not valid UTF-8 (byte 0x{:02X} at line {}, column {})",
                bytes[valid], at.line, at.column
            ),
            "re-encode the file as UTF-8, e.g. `iconv -f windows-1252 -t utf-8`",
        )
    })
}

/// `Some(true)` for UTF-16 little-endian, `Some(false)` for big-endian.
fn utf16_order(bytes: &[u8]) -> Option<bool> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(true);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(false);
    }
    // No mark: text in a Latin script has a NUL in every other byte.
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let odd_nuls = bytes
        .chunks_exact(2)
        .filter(|p| p[1] == 0 && p[0] != 0)
        .count();
    let even_nuls = bytes
        .chunks_exact(2)
        .filter(|p| p[0] == 0 && p[1] != 0)
        .count();
    if odd_nuls * 10 >= pairs * 9 {
        Some(true)
    } else if even_nuls * 10 >= pairs * 9 {
        Some(false)
    } else {
        None
    }
}

fn utf16(source: &Source, bytes: &[u8], little_endian: bool) -> Result<String, Skip> {
    let mut units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|p| {
            if little_endian {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        })
        .collect();
    if units.first() == Some(&0xFEFF) {
        units.remove(0);
    }
    if !bytes.len().is_multiple_of(2) {
        return Err(Skip::error(
            source,
            "UTF-16 text with an odd number of bytes (truncated?)".into(),
            "re-save the article, or convert it with `iconv -f utf-16 -t utf-8`",
        ));
    }
    String::from_utf16(&units).map_err(|_| {
        Skip::error(
            source,
            "not valid UTF-16 (an unpaired surrogate)".into(),
            "re-save the article as UTF-8",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walked() -> Source {
        Source::File {
            path: "a.txt".into(),
            named: false,
        }
    }

    fn named() -> Source {
        Source::File {
            path: "a.txt".into(),
            named: true,
        }
    }

    #[test]
    fn archive_magic_is_still_text() {
        assert_eq!(
            decode(&walked(), b"Blinken arrives".to_vec()).unwrap(),
            "Blinken arrives"
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let skip = decode(&walked(), b"\xFF\xD8\xFF\x00\x10JFIF\x00\x00\x01".to_vec()).unwrap_err();
        assert!(!skip.is_error);
        assert!(skip.reason.contains("binary"));
        assert!(
            decode(&named(), b"\xFF\xD8\xFF\x00\x10JFIF\x00\x00\x01".to_vec())
                .unwrap_err()
                .is_error
        );
    }

    #[test]
    fn utf16_with_and_without_mark_is_decoded() {
        let text = "“We’re ready,” she said.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let with_mark = [&[0xFF, 0xFE][..], &le].concat();
        assert_eq!(decode(&walked(), with_mark).unwrap(), text);
        assert_eq!(
            decode(&walked(), [&[0xFE, 0xFF][..], &be].concat()).unwrap(),
            text
        );
        let plain = "We are ready to talk, she said.";
        let le: Vec<u8> = plain.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&walked(), le).unwrap(), plain);
    }

    #[test]
    fn latin1_is_refused_with_position() {
        let skip = decode(&walked(), b"line one\rcaf\xE9".to_vec()).unwrap_err();
        assert!(skip.is_error);
        assert!(skip.reason.contains("line 2, column 4"), "{}", skip.reason);
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode(&walked(), b"\xEF\xBB\xBFHi".to_vec()).unwrap(), "Hi");
    }
}
