//! The matcher's accept thresholds, as data.
//!
//! How many words make a quotation, how long a shared run must be, how much
//! a drifted quotation must still agree: these decide what is reported, and a
//! newsroom may need them stricter or looser than the defaults (a wire service
//! quoting in fragments, an archive full of paraphrase). They live in one
//! struct that a configuration file can fill, key by key in kebab-case, and
//! that is checked before any article is read. The defaults are the values
//! the matching contract in the README describes; each field says why.

use serde::{Deserialize, Serialize};

/// When an alignment of printed words with a statement counts as an
/// appearance of it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Thresholds {
    /// A quotation part that is exactly a verbatim part of a statement counts
    /// from this many words (default 2): short quotations ("empty and
    /// unfounded", "fully coordinated") are how papers quote officials.
    pub min_quoted_words: usize,
    /// ... and this many of them not stopwords (default 2), unless the part is
    /// the whole statement. With one distinctive word ("the bank", "the
    /// data") it is a scare quote or a title, not a quotation of the speaker.
    pub min_quoted_content: usize,
    /// Inside a longer quotation that holds other words too, a verbatim run
    /// of a statement counts from this many words (default 5); shorter shared
    /// runs ("the United States") are coincidences of language.
    pub min_embedded_run: usize,
    /// A quotation whose words differ from a statement is the statement with
    /// drift only if this many words still agree (default 4) ...
    pub drift_min_matched: usize,
    /// ... this many of them not stopwords (default 3) ...
    pub drift_min_content: usize,
    /// ... and the agreeing words make up at least this share of both sides,
    /// the Dice coefficient (default 0.5). The back-translated Psaki quote of
    /// the sample corpus agrees on 10 words of 15 and 17, a Dice of 0.63;
    /// unrelated quotations on the same topic stay below 0.4. A verbatim
    /// appearance takes in the changed words at its edges only while it
    /// still agrees this well.
    pub drift_min_dice: f64,
    /// Outside quotation marks, a verbatim run of a statement counts from
    /// this many words (default 8). Reported speech borrows a few words all
    /// the time ("in parallel with the United States", "US Secretary of State
    /// Antony Blinken": six words each in the sample); a run this long is the
    /// statement itself, printed without marks.
    pub min_unquoted_run: usize,
}

/// The default of [`Thresholds::min_unquoted_run`], for callers that need
/// the number without a configuration.
pub const MIN_UNQUOTED_RUN: usize = Thresholds::DEFAULT.min_unquoted_run;

/// Runs outside quotation marks are found from word trigrams (see
/// [`super::Index`]), so no shorter run can be found there.
const UNQUOTED_SEED: usize = 3;

impl Thresholds {
    /// How many distinct distinctive words (not stopwords) every accepted
    /// appearance shares with its statement, at least (or all the statement
    /// has, if fewer): the smaller of the two content counts. A verbatim run
    /// of `min-embedded-run` words is held to it too, so that five
    /// stopwords in a row ("and we will do it") are not a quotation of a
    /// statement that has other words. The index relies on it to skip
    /// statements without aligning them.
    pub fn shared_words(&self) -> usize {
        self.min_quoted_content.min(self.drift_min_content)
    }

    /// The values the README's matching contract describes.
    pub const DEFAULT: Thresholds = Thresholds {
        min_quoted_words: 2,
        min_quoted_content: 2,
        min_embedded_run: 5,
        drift_min_matched: 4,
        drift_min_content: 3,
        drift_min_dice: 0.5,
        min_unquoted_run: 8,
    };

    /// Refuses settings that make no sense, naming the key as a
    /// configuration file spells it.
    ///
    /// Refused: a word count of zero (every alignment holds at least one
    /// agreeing word, so zero would be a silent 1); a Dice share outside
    /// 0..=1 or not a number; `min-unquoted-run` below 3, since runs outside
    /// quotation marks are found from three-word seeds and a lower value
    /// would silently act as 3; and `min-quoted-words` above
    /// `min-embedded-run`: any verbatim run of `min-embedded-run` words
    /// counts, whole quotation or not, so a higher `min-quoted-words` would
    /// have no effect, and a setting that silently does nothing is a
    /// mistake. Equal values are allowed (short quotations get no leniency).
    /// The content counts may exceed the word counts: they then simply
    /// decide.
    pub fn validate(&self) -> Result<(), String> {
        let counts = [
            ("min-quoted-words", self.min_quoted_words),
            ("min-quoted-content", self.min_quoted_content),
            ("min-embedded-run", self.min_embedded_run),
            ("drift-min-matched", self.drift_min_matched),
            ("drift-min-content", self.drift_min_content),
            ("min-unquoted-run", self.min_unquoted_run),
        ];
        if let Some((key, _)) = counts.iter().find(|(_, n)| *n == 0) {
            return Err(format!("{key} must be at least 1 word, not 0"));
        }
        let dice = self.drift_min_dice;
        if !(0.0..=1.0).contains(&dice) {
            return Err(format!(
                "drift-min-dice must be a share between 0 and 1, not {dice}"
            ));
        }
        if self.min_unquoted_run < UNQUOTED_SEED {
            return Err(format!(
                "min-unquoted-run must be at least {UNQUOTED_SEED} words, not {}: runs outside quotation marks are found from {UNQUOTED_SEED}-word seeds",
                self.min_unquoted_run
            ));
        }
        if self.min_quoted_words > self.min_embedded_run {
            return Err(format!(
                "min-quoted-words ({}) must not exceed min-embedded-run ({}): a verbatim run of min-embedded-run words counts even when it is the whole quotation",
                self.min_quoted_words, self.min_embedded_run
            ));
        }
        Ok(())
    }
}

impl Default for Thresholds {
    fn default() -> Self {
        Self::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        assert_eq!(Thresholds::default().validate(), Ok(()));
    }

    #[test]
    fn nonsense_is_refused_by_key() {
        let with = |f: fn(&mut Thresholds)| {
            let mut t = Thresholds::default();
            f(&mut t);
            t.validate().unwrap_err()
        };
        assert_eq!(
            with(|t| t.drift_min_matched = 0),
            "drift-min-matched must be at least 1 word, not 0"
        );
        assert!(with(|t| t.drift_min_dice = 1.5).starts_with("drift-min-dice must"));
        assert!(with(|t| t.drift_min_dice = -0.1).starts_with("drift-min-dice must"));
        assert!(with(|t| t.drift_min_dice = f64::NAN).starts_with("drift-min-dice must"));
        assert!(with(|t| t.min_unquoted_run = 2).starts_with("min-unquoted-run must"));
        assert!(with(|t| t.min_quoted_words = 6).starts_with("min-quoted-words (6)"));
        let equal = Thresholds {
            min_quoted_words: 5,
            ..Thresholds::default()
        };
        assert_eq!(equal.validate(), Ok(()));
    }

    #[test]
    fn keys_are_kebab_case_and_optional() {
        let t: Thresholds =
            serde_json::from_str(r#"{"min-embedded-run": 7, "drift-min-dice": 0.6}"#).unwrap();
        assert_eq!(t.min_embedded_run, 7);
        assert_eq!(t.drift_min_dice, 0.6);
        assert_eq!(t.min_unquoted_run, MIN_UNQUOTED_RUN);
        let e = serde_json::from_str::<Thresholds>(r#"{"min_embedded_run": 7}"#).unwrap_err();
        assert!(e.to_string().contains("unknown field"), "{e}");
        let round: Thresholds =
            serde_json::from_str(&serde_json::to_string(&Thresholds::default()).unwrap()).unwrap();
        assert_eq!(round, Thresholds::default());
    }
}
