//! Names: the catalog's ways of naming each speaker (full names, aliases,
//! surnames, unique first names), indexed by word keys once per run, so that
//! reading an article looks names up instead of searching for them.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::keyset::KeySet;
use super::lexicon;
use super::mentions::{Identity, SourceKind, Via};
use crate::catalog::Catalog;
use crate::text::{Token, tokenize};

/// One way of naming a listed speaker.
pub(super) struct Variant {
    pub(super) speaker: usize,
    pub(super) via: Via,
    /// Which words must be capitalized in the article (those capitalized in
    /// quotes.yaml): `Price` the spokesman is not `the price of oil`.
    pub(super) capitalized: Vec<bool>,
}

/// The catalog's names, aliases and surnames, by their word keys.
pub struct Names {
    /// By the name's word keys joined with spaces (see [`name_key`]): an
    /// article's words are looked up by building one string, not a string
    /// for each word and a list of them.
    pub(super) variants: FxHashMap<String, Vec<Variant>>,
    pub(super) longest: usize,
    /// The lengths (bit `n` for `n` words) of the variants starting with
    /// each word: every word of an article is tried as the start of a name,
    /// and almost none starts one, so this answers before any lookup.
    pub(super) starts: FxHashMap<String, u64>,
    /// Every key a mention can start with but a capital or a determiner:
    /// the names' first words, `one` (as `a`), role nouns with their
    /// plurals and titles. One lookup rules out the lower-case words that
    /// make up most of an article, where each rule would ask its own list.
    pub(super) openers: KeySet<String>,
    /// Listed persons by surname key: (speaker, first-name key).
    pub(super) surnames: HashMap<String, Vec<(usize, Option<String>)>>,
    /// Indefinite aliases (`a club insider`): speaker and the alias's word keys.
    pub(super) anonymous: Vec<(usize, Vec<String>)>,
    /// Which listed speakers are organisations.
    pub(super) organisations: Vec<bool>,
    /// Listed organisations and the word keys of their names.
    pub(super) org_names: Vec<(usize, Vec<String>)>,
}

/// How close a first name must be to the listed one for the same surname to
/// be the same person: transliterations (`Sergei`/`Sergey`) score above
/// 0.9 in Jaro–Winkler; different names (`Ivanka`/`Donald`) below 0.6.
pub(super) const SAME_FIRST_NAME: f64 = 0.85;

fn words_of(text: &str) -> Vec<(String, bool)> {
    tokenize(text, false)
        .into_iter()
        .filter(Token::is_word)
        .map(|t| {
            let capitalized = text[t.span.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            (t.key.into_string(), capitalized)
        })
        .collect()
}

impl Names {
    /// Is listed speaker `s` an organisation?
    pub fn is_organisation(&self, s: usize) -> bool {
        self.organisations[s]
    }

    /// What kind of source an identity is.
    pub fn source_of(&self, identity: &Identity) -> SourceKind {
        match identity {
            Identity::Listed(s) if self.is_organisation(*s) => SourceKind::Organisation,
            Identity::Listed(_) => SourceKind::Person,
            Identity::Unlisted { kind, .. } => *kind,
        }
    }

    /// The listed organisations whose names hold the word `key`.
    pub(super) fn organisations_named<'a>(
        &'a self,
        key: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        self.org_names
            .iter()
            .filter(move |(_, words)| words.iter().any(|w| w == key))
            .map(|(s, _)| *s)
    }

    pub fn new(catalog: &Catalog) -> Self {
        let mut names = Names {
            variants: FxHashMap::default(),
            longest: 0,
            starts: FxHashMap::default(),
            openers: KeySet::default(),
            surnames: HashMap::new(),
            anonymous: Vec::new(),
            organisations: Vec::new(),
            org_names: Vec::new(),
        };
        let mut first_names: HashMap<String, usize> = HashMap::new();
        for speaker in &catalog.speakers {
            if let Some((first, _)) = words_of(&speaker.name).into_iter().next() {
                *first_names.entry(first).or_default() += 1;
            }
        }
        for (i, speaker) in catalog.speakers.iter().enumerate() {
            // Declared "it", or named like one ("Dordhaven Supporters'
            // Trust", declared "they").
            let name_words = words_of(&speaker.name);
            let organisation = match speaker.pronouns.as_deref() {
                Some("it") => true,
                Some("he" | "she") => false,
                // Only words that name bodies, not places: "Hyun-woo Park"
                // is a person.
                _ => name_words
                    .last()
                    .is_some_and(|(k, _)| lexicon::is_organisation_role(k)),
            };
            names.organisations.push(organisation);
            if organisation {
                names
                    .org_names
                    .push((i, name_words.iter().map(|(k, _)| k.clone()).collect()));
            }
            names.add(i, Via::Name, &speaker.name);
            for alias in &speaker.aliases {
                names.add(i, Via::Alias, alias);
                let words = words_of(alias);
                if words.len() > 1 && matches!(words[0].0.as_str(), "a" | "an") {
                    names
                        .anonymous
                        .push((i, words.into_iter().skip(1).map(|(k, _)| k).collect()));
                }
            }
            let name = words_of(&speaker.name);
            // A first name alone ("Joël") is the listed person when no other
            // listed person shares it.
            let first_shared = name
                .first()
                .is_none_or(|w| first_names.get(&w.0).copied().unwrap_or(0) > 1);
            let first_is_word = name
                .first()
                .is_some_and(|w| !lexicon::is_function_word(&w.0));
            if !organisation
                && name.len() >= 2
                && !first_shared
                && first_is_word
                && !speaker.name.contains('(')
            {
                names.add_words(i, Via::Name, vec![name[0].clone()]);
            }
            if !organisation && name.len() >= 2 {
                let (surname, _) = &name[name.len() - 1];
                names.add_words(i, Via::Surname, vec![(surname.clone(), true)]);
                names
                    .surnames
                    .entry(surname.clone())
                    .or_default()
                    .push((i, Some(name[0].0.clone())));
            }
        }
        names.openers = names
            .starts
            .keys()
            .cloned()
            .chain(lexicon::role_and_title_keys())
            .chain(["one".to_string()])
            .collect();
        names
    }

    fn add(&mut self, speaker: usize, via: Via, text: &str) {
        let words = words_of(text);
        // "the foreign ministry" is also written "foreign ministry"; "the
        // ministry" alone is not "ministry", which any ministry is.
        if words.len() > 2 && matches!(words[0].0.as_str(), "the" | "a" | "an") {
            self.add_words(speaker, via, words[1..].to_vec());
        }
        self.add_words(speaker, via, words);
    }

    fn add_words(&mut self, speaker: usize, via: Via, words: Vec<(String, bool)>) {
        if words.is_empty() {
            return;
        }
        self.longest = self.longest.max(words.len());
        let (keys, capitalized): (Vec<String>, Vec<bool>) = words.into_iter().unzip();
        *self.starts.entry(keys[0].clone()).or_default() |= 1 << keys.len().min(63);
        let entry = self.variants.entry(name_key(&keys)).or_default();
        if !entry.iter().any(|v| v.speaker == speaker) {
            entry.push(Variant {
                speaker,
                via,
                capitalized,
            });
        }
    }
}

/// The key [`Names::variants`] holds a name's word keys under: joined with
/// spaces, which no word key holds. (Room for most names is made at once:
/// growing the string word by word cost more than the lookup.)
pub(super) fn name_key<S: AsRef<str>>(keys: impl IntoIterator<Item = S>) -> String {
    let mut key = String::with_capacity(48);
    for (i, word) in keys.into_iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        key.push_str(word.as_ref());
    }
    key
}

impl Names {
    /// The one listed anonymous source whose aliases have `role` as their
    /// head noun (`a midwife at the unit`): whom an unresolved `my
    /// midwife` stands for when the article names no one else.
    pub(super) fn anonymous_by_role(&self, role: &str) -> Option<usize> {
        let mut speakers = self
            .anonymous
            .iter()
            .filter(|(_, words)| anonymous_head(words).0 == role)
            .map(|(s, _)| *s);
        let first = speakers.next()?;
        speakers.all(|s| s == first).then_some(first)
    }
}

/// The head noun of an indefinite alias's words (`club insider` →
/// `insider`) and the words after it, from a preposition or a relative
/// pronoun (`person familiar with the investigation` → `person`, `familiar
/// with the investigation`; `club employee who asked not to be named` →
/// `employee`, `who asked not to be named`).
pub(super) fn anonymous_head(words: &[String]) -> (&str, &[String]) {
    let cut = words
        .iter()
        .position(|w| w == "familiar" || lexicon::is_preposition(w) || lexicon::is_relative(w))
        .unwrap_or(words.len());
    let head = words[..cut].last().map_or("", String::as_str);
    (head, &words[cut..])
}

/// Anonymous sources are "a person", "people", "a source" or "sources"
/// interchangeably.
pub(super) fn same_anonymous_head(a: &str, b: &str) -> bool {
    let generic = |w: &str| matches!(w, "person" | "people" | "source" | "sources");
    a == b || (generic(a) && generic(b))
}
