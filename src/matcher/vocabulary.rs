//! The catalog's words as a table that an article's words are looked up in.
//!
//! Every word of every article is looked up once, to take its id (some
//! 830,000 lookups on 2,000 articles), and nearly all of them are words a
//! statement uses. A general hashed map cost some 90 instructions a lookup
//! there: hashing the bytes, probing, a call to compare the key found. Here
//! each slot of the table keeps its word's length and its first and last
//! eight bytes (see [`ends`]), which for a word of up to 16 bytes are all
//! of it: a key is read by two loads, hashed from them, and compared with a
//! slot without reading the slot's word. Longer words are compared in full.
//! So the answers are a map's (a test compares the two).

use super::index::WordId;

/// Interned words, looked up by their bytes.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// The words' bytes, one after another, in id order.
    bytes: Vec<u8>,
    /// Where each word's bytes start, and where the last one ends.
    starts: Vec<u32>,
    /// Open addressing, at most half full.
    slots: Box<[Slot]>,
    /// 64 minus the number of bits of a slot index.
    shift: u32,
}

/// A word of the table, as [`Vocabulary::get`] compares it.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// The word's [`ends`].
    head: u64,
    tail: u64,
    len: u32,
    /// Its id + 1; 0 for an empty slot.
    id: u32,
}

impl Vocabulary {
    /// The table of `words`, the word of id `i` at place `i`.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut bytes = Vec::new();
        let mut starts = vec![0u32];
        for word in words {
            bytes.extend_from_slice(word.as_bytes());
            starts.push(u32::try_from(bytes.len()).expect("under 4 GB of words"));
        }
        let len = starts.len() - 1;
        let size = (2 * len).max(16).next_power_of_two();
        let mut table = Vocabulary {
            bytes,
            starts,
            slots: vec![Slot::default(); size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
        };
        for id in 0..len {
            let word = table.word(id);
            let (head, tail) = ends(word);
            let slot = Slot {
                head,
                tail,
                len: word.len() as u32,
                id: id as u32 + 1,
            };
            let mut i = (hash(word, head, tail) >> table.shift) as usize;
            while table.slots[i].id != 0 {
                i = (i + 1) & (size - 1);
            }
            table.slots[i] = slot;
        }
        table
    }

    fn word(&self, id: usize) -> &[u8] {
        &self.bytes[self.starts[id] as usize..self.starts[id + 1] as usize]
    }

    /// The id of `key`, if the table holds it.
    #[inline]
    pub fn get(&self, key: &str) -> Option<WordId> {
        if self.slots.is_empty() {
            return None;
        }
        let key = key.as_bytes();
        let (head, tail) = ends(key);
        let mask = self.slots.len() - 1;
        let mut i = (hash(key, head, tail) >> self.shift) as usize;
        loop {
            let slot = self.slots[i];
            if slot.id == 0 {
                return None;
            }
            if slot.head == head
                && slot.tail == tail
                && slot.len as usize == key.len()
                && (key.len() <= 16 || self.word(slot.id as usize - 1) == key)
            {
                return Some(slot.id - 1);
            }
            i = (i + 1) & mask;
        }
    }
}

/// Eight bytes of `b` from `at` (which has eight more).
#[inline]
fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"))
}

/// Four bytes of `b` from `at` (which has four more).
#[inline]
fn u32_at(b: &[u8], at: usize) -> u64 {
    u64::from(u32::from_le_bytes(
        b[at..at + 4].try_into().expect("four bytes"),
    ))
}

/// The first and last bytes of `b` as two numbers that, with its length,
/// tell any two keys of up to 16 bytes apart: the first and last eight
/// bytes (overlapping below 16), the first and last four below 8, and
/// below 4 the first, middle and last byte, which are all of them.
#[inline]
fn ends(b: &[u8]) -> (u64, u64) {
    let n = b.len();
    if n >= 8 {
        (u64_at(b, 0), u64_at(b, n - 8))
    } else if n >= 4 {
        (u32_at(b, 0), u32_at(b, n - 4))
    } else if n > 0 {
        (
            u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
            0,
        )
    } else {
        (0, 0)
    }
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// The hash of `b`, whose [`ends`] are `head` and `tail`; a slot index is
/// its top bits.
#[inline]
fn hash(b: &[u8], head: u64, tail: u64) -> u64 {
    let mut h = (head ^ (b.len() as u64).rotate_left(56)).wrapping_mul(K) ^ tail;
    // Past 16 bytes, the bytes between the first and last eight.
    let mut at = 8;
    while at + 8 < b.len() {
        h = (h ^ u64_at(b, at)).wrapping_mul(K).rotate_left(23);
        at += 8;
    }
    h = h.wrapping_mul(K);
    h ^ h >> 29
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The table answers as a map does, for the words it holds and for
    /// words one byte away from them, longer, shorter, of every length from
    /// 0 to 40, ASCII or not.
    #[test]
    fn answers_as_a_map_does() {
        let mut words: Vec<String> = vec![
            String::new(),
            "a".into(),
            "é".into(),
            "the".into(),
            "minister".into(),
            "ministers".into(),
            "o'neill".into(),
            "mid-2024".into(),
            "straße".into(),
            "國際".into(),
        ];
        for len in 1..=40 {
            words.push(
                (0..len)
                    .map(|i| (b'a' + (i * 7 % 26) as u8) as char)
                    .collect(),
            );
            words.push((0..len).map(|i| (b'z' - (i % 26) as u8) as char).collect());
        }
        for i in 0..3000 {
            words.push(format!("w{i}x"));
        }
        words.sort();
        words.dedup();
        let table = Vocabulary::new(words.iter().map(String::as_str));
        let map: HashMap<&str, WordId> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_str(), i as WordId))
            .collect();
        let mut asked = 0;
        let mut ask = |key: &str| {
            assert_eq!(table.get(key), map.get(key).copied(), "{key:?}");
            asked += 1;
        };
        for word in &words {
            ask(word);
            ask(&format!("{word}s"));
            ask(&format!("x{word}"));
            for cut in (0..word.len()).filter(|&c| word.is_char_boundary(c)) {
                ask(&word[..cut]);
                ask(&word[cut..]);
            }
            let bytes = word.as_bytes();
            for at in 0..bytes.len() {
                let mut other = bytes.to_vec();
                other[at] = if other[at] == b'q' { b'r' } else { b'q' };
                if let Ok(other) = String::from_utf8(other) {
                    ask(&other);
                }
            }
        }
        assert!(asked > 50_000, "{asked}");
        assert_eq!(Vocabulary::default().get("the"), None);
        assert_eq!(Vocabulary::new([]).get(""), None);
    }
}
