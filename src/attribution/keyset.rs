//! A set of word keys that rules most words out without hashing them.
//!
//! Attribution asks its word lists (role nouns, titles, speech verbs, the
//! words that may open a mention) about nearly every word of every article,
//! and nearly every answer is no. A hashed lookup costs some seventy
//! instructions; a [`KeySet`] first tests one bit of a sketch (32,768 bits,
//! one per a cheap hash of the key's length and its first, middle and last
//! bytes), which a key the set does not hold finds clear in about 49 cases
//! of 50 for a list of a few hundred keys. The answer is the set's, always:
//! the sketch only says no when the set would.

use std::borrow::Borrow;
use std::hash::Hash;

use rustc_hash::FxHashSet;

/// Bits in a sketch: 4 KiB, a few hundred times the keys of the largest
/// list, so that few keys outside it share a bit with one inside.
const SKETCH_BITS: u32 = 1 << 15;

/// A hashed set of keys with a sketch in front of it.
#[derive(Debug, Clone)]
pub struct KeySet<K> {
    set: FxHashSet<K>,
    sketch: Box<[u64]>,
}

/// The sketch bit of `key`: its length and its first, middle and last
/// bytes, mixed by one multiplication (a few instructions, where hashing
/// the whole key and probing the table cost some seventy).
fn bit(key: &str) -> usize {
    let b = key.as_bytes();
    let n = b.len();
    if n == 0 {
        return 0;
    }
    let x = n as u64 | u64::from(b[0]) << 8 | u64::from(b[n / 2]) << 16 | u64::from(b[n - 1]) << 24;
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SKETCH_BITS.trailing_zeros())) as usize
}

impl<K: Borrow<str> + Hash + Eq> KeySet<K> {
    /// Does the set hold `key`? (Inlined: most calls end at the sketch.)
    #[inline]
    pub fn contains(&self, key: &str) -> bool {
        let b = bit(key);
        self.sketch[b / 64] & (1 << (b % 64)) != 0 && self.set.contains(key)
    }

    /// The keys, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &K> {
        self.set.iter()
    }
}

impl<K: Borrow<str> + Hash + Eq> FromIterator<K> for KeySet<K> {
    fn from_iter<I: IntoIterator<Item = K>>(keys: I) -> Self {
        let set: FxHashSet<K> = keys.into_iter().collect();
        let mut sketch = vec![0u64; SKETCH_BITS as usize / 64].into_boxed_slice();
        for key in &set {
            let b = bit(key.borrow());
            sketch[b / 64] |= 1 << (b % 64);
        }
        KeySet { set, sketch }
    }
}

impl<K: Borrow<str> + Hash + Eq> Default for KeySet<K> {
    fn default() -> Self {
        std::iter::empty().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sketch never says no to a key the set holds, whatever its
    /// length or bytes (empty, one byte, non-ASCII, with a full stop).
    #[test]
    fn answers_as_the_set_does() {
        let held = [
            "",
            "a",
            "an",
            "the",
            "minister",
            "ministers",
            "dr.",
            "é",
            "chef",
            "o'neill",
            "spokeswoman",
            "x",
        ];
        let set: KeySet<&str> = held.iter().copied().collect();
        for key in held {
            assert!(set.contains(key), "{key:?}");
        }
        let others = [
            "ab",
            "b",
            "then",
            "ministerial",
            "dr",
            "e",
            "chefs",
            "said",
            "of",
            "to",
            "in",
            "spokeswomen",
            "xx",
            "the ",
            " the",
        ];
        for key in others {
            assert!(!set.contains(key), "{key:?}");
        }
        let plain = std::fs::read_to_string("src/attribution/roles.txt").unwrap();
        let roles: KeySet<String> = plain.lines().map(str::to_string).collect();
        for line in plain.lines() {
            assert!(roles.contains(line));
            assert!(!roles.contains(&format!("{line}zz")));
        }
        assert_eq!(
            roles.iter().count(),
            plain.lines().collect::<FxHashSet<_>>().len()
        );
    }

    /// Most words outside a list of a few hundred keys are ruled out by
    /// the sketch alone (the reason for it).
    #[test]
    fn rules_most_other_words_out() {
        let plain = std::fs::read_to_string("src/attribution/roles.txt").unwrap();
        let roles: KeySet<String> = plain.lines().map(str::to_string).collect();
        let words: Vec<String> = (0..10_000).map(|i| format!("w{i}x")).collect();
        let passed = words
            .iter()
            .filter(|w| {
                let b = bit(w);
                roles.sketch[b / 64] & (1 << (b % 64)) != 0
            })
            .count();
        assert!(passed < words.len() / 10, "{passed}");
    }
}
