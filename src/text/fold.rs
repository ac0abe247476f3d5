//! Typography folding: the rules that decide which characters are "the same"
//! when words are compared.
//!
//! The contract says typography never counts as drift. Everything a
//! typesetter, a CMS or a copy-paste can change without changing the words
//! is folded here, in one place, so the matcher never sees it: apostrophe
//! styles, Unicode normalization forms, compatibility forms (ligatures,
//! full-width letters), invisible characters (soft hyphens, zero-width and
//! bidirectional marks) and letter case. What is *not* folded is a change of
//! letters: a Cyrillic `а` inside a Latin word stays a different letter, so a
//! homoglyph substitution shows up as drift instead of slipping through.

use std::ops::DerefMut;

use unicode_normalization::UnicodeNormalization;

/// Characters that are invisible in print and may sit inside a word without
/// splitting it: soft hyphen, zero-width space/joiners, word joiner, BOM, and
/// the bidirectional control marks.
pub fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Apostrophe look-alikes that fold to `'` when they sit between letters.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '`' | '\u{FF07}'
    )
}

/// Combining marks are part of the letter before them (NFD text spells `é`
/// as `e` + U+0301); `char::is_alphanumeric` does not count them.
pub fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// A character that can be part of a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Folds the characters of one word into its comparison key.
///
/// The input is the word exactly as printed (it may contain ignorable
/// characters and any apostrophe style); the output is NFKC, lower case, with
/// `'` as the only apostrophe. Folding a key again returns it unchanged.
pub fn fold_word(printed: &str) -> String {
    fold(printed)
}

/// [`fold_word`], into any string type: the tokenizer folds every word of
/// an article into a [`compact_str::CompactString`], which holds a word
/// inline instead of allocating it.
pub fn fold<S>(printed: &str) -> S
where
    S: for<'a> From<&'a str> + DerefMut<Target = str> + FromIterator<char>,
{
    // Nearly every word of English copy is ASCII without a backtick: copied
    // whole and lowercased in place. Collecting it a character at a time
    // cost a capacity check per character (about 8% of a one-thread run).
    if printed.bytes().all(|b| b.is_ascii() && b != b'`') {
        let mut key = S::from(printed);
        key.make_ascii_lowercase();
        return key;
    }
    if printed.is_ascii() {
        return printed
            .bytes()
            .map(|b| {
                if b == b'`' {
                    '\''
                } else {
                    b.to_ascii_lowercase() as char
                }
            })
            .collect();
    }
    fold_word_slow(printed)
}

/// [`fold`] of a word made of ASCII letters and digits only (the tokenizer
/// knows when it has read one): its lower case, without checking it.
pub fn fold_plain(printed: &str) -> compact_str::CompactString {
    debug_assert!(printed.bytes().all(|b| b.is_ascii_alphanumeric()));
    let mut key = compact_str::CompactString::from(printed);
    key.make_ascii_lowercase();
    key
}

fn fold_word_slow<S: FromIterator<char>>(printed: &str) -> S {
    let apostrophe = |c: char| if is_apostrophe(c) { '\'' } else { c };
    // Apostrophes are mapped before NFKC (which would split `´` into a space
    // and a combining accent) and after it (which turns a full-width grave
    // accent into a backtick).
    printed
        .chars()
        .filter(|&c| !is_ignorable(c))
        .map(apostrophe)
        .nfkc()
        .flat_map(char::to_lowercase)
        .filter(|&c| !is_ignorable(c))
        .map(apostrophe)
        .collect()
}

/// Words whose insertion or removal flips the meaning of a statement. An
/// inserted or dropped negation is drift whatever the similarity score.
pub fn is_negation(key: &str) -> bool {
    matches!(
        key,
        "not" | "no" | "never" | "none" | "nothing" | "nobody" | "neither" | "nor" | "cannot"
    ) || key.ends_with("n't")
}

/// Very common English function words. A match made only of these says
/// nothing about whether a statement is being quoted.
pub fn is_stopword(key: &str) -> bool {
    matches!(
        key,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "from"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "it"
            | "its"
            | "this"
            | "that"
            | "these"
            | "those"
            | "we"
            | "i"
            | "you"
            | "he"
            | "she"
            | "they"
            | "our"
            | "their"
            | "his"
            | "her"
            | "us"
            | "them"
            | "will"
            | "would"
            | "can"
            | "could"
            | "there"
            | "which"
            | "who"
            | "what"
            | "have"
            | "has"
            | "had"
            | "do"
            | "does"
            | "did"
            | "so"
            | "if"
            | "about"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_and_case_fold_together() {
        assert_eq!(fold_word("We’re"), "we're");
        assert_eq!(fold_word("WE'RE"), "we're");
        assert_eq!(fold_word("weʼre"), "we're");
    }

    #[test]
    fn normalization_forms_fold_together() {
        let nfc = "Zelenskyy\u{00E9}";
        let nfd = "Zelenskyye\u{0301}";
        assert_eq!(fold_word(nfc), fold_word(nfd));
        assert_eq!(fold_word("\u{FB01}nal"), "final");
    }

    #[test]
    fn invisible_characters_do_not_split_or_change_words() {
        assert_eq!(fold_word("de\u{00AD}escalation"), "deescalation");
        assert_eq!(fold_word("Ukr\u{200B}aine"), "ukraine");
        assert_eq!(fold_word("\u{200F}Ukraine"), "ukraine");
    }

    #[test]
    fn homoglyphs_stay_different() {
        // Cyrillic а (U+0430) inside a Latin word.
        assert_ne!(fold_word("Ukr\u{0430}ine"), fold_word("Ukraine"));
    }

    #[test]
    fn negations_are_recognised() {
        assert!(is_negation("not"));
        assert!(is_negation("don't"));
        assert!(!is_negation("note"));
    }
}
