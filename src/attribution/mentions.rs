//! Mentions: the places where an article names, describes or points at
//! someone who could be a speaker.
//!
//! A mention is read at a given token, forwards (`said the official`,
//! `according to Sergey Lavrov`) or backwards from a verb (`Stoltenberg told`,
//! `a US official, speaking on condition of anonymity, said`). It is one of:
//! a name of the catalog (full name, alias, or surname alone), a name the
//! catalog does not list (a capitalized run, titles stripped), a description
//! (`the expert`, `a US official`, `Russia's foreign ministry`), or a pronoun.

use std::ops::Range;

use super::lexicon;
use super::names::{Names, SAME_FIRST_NAME, anonymous_head, name_key, same_anonymous_head};
use crate::text::Token;
use crate::text::lines::line_breaks;

/// How far back (in tokens) a lone `One` looks for the role it stands for:
/// the sentence or two before, not the paragraph ("Not every steward
/// agrees. One, speaking anonymously, said:"; "Drivers were reluctant to
/// talk. One, who ..., told me that ...: "..." Another said simply").
const MAX_ELLIPSIS_WORDS: usize = 40;

/// How far a finding's that-clause is read for someone else's words
/// (`is_speech_verb`: "found that the council had told parents").
const MAX_FINDING_WORDS: usize = 15;

/// How far an anonymous description's own qualifier is read ("in the
/// languages department", "at the city's main hospital"): a phrase, not the
/// rest of the sentence.
const MAX_QUALIFIER_WORDS: usize = 6;

/// How long a body's name may be before a document it modifies ("the Harwick
/// Transport Authority report").
const MAX_MODIFIER_WORDS: usize = 4;

/// How a mention was recognised, reported as the attribution's `via`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// The speaker's full name as listed (titles around it allowed).
    Name,
    /// One of the speaker's aliases.
    Alias,
    /// The listed speaker's surname alone.
    Surname,
    /// A name the catalog does not list.
    Unlisted,
    /// A description: `the expert`, `a US official`.
    Descriptor,
    /// `he`, `she`, `they`, `it`.
    Pronoun,
    /// No cue of its own; the quotation before it was this speaker's.
    Continuation,
    /// A headline quotation, credited by the standfirst or lede under it.
    Headline,
}

/// What kind of source the article credits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Person,
    Organisation,
    /// Unnamed: `a US official`, `sources`.
    Anonymous,
}

/// Who a mention refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    /// A speaker of the catalog (index).
    Listed(usize),
    /// Someone the catalog does not list, as the article writes them.
    Unlisted { name: String, kind: SourceKind },
}

/// What a mention says, before pronouns and descriptions are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    Identity(Identity),
    Pronoun(&'static str),
    /// `the expert`: someone introduced earlier.
    Definite {
        role: String,
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub tokens: Range<usize>,
    pub reference: Reference,
    pub via: Via,
    /// Role words around it (`spokesman` in `Kremlin Spokesman Dmitry Peskov`).
    pub roles: Vec<String>,
}

/// Does `token` start with an upper-case letter?
fn starts_capitalized(text: &str, token: &Token) -> bool {
    let span = token.span.clone();
    // Nearly every word starts with an ASCII byte, whose case is the
    // byte's.
    match text.as_bytes().get(span.start) {
        Some(&b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text[span].chars().next().is_some_and(char::is_uppercase),
    }
}

/// Reads mentions in one article.
pub struct Reader<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    names: &'a Names,
    /// Tokens inside quotation marks: never mentions of the speaker.
    quoted: Vec<bool>,
    /// Tokens that start with a capital ([`Reader::capitalized`]): asked
    /// of nearly every word of an article, some words several times (a
    /// mention may start there, or two words before), so worked out once.
    capitals: Vec<bool>,
    /// Hard-wrapped text: a single line break is a space.
    wrapped: bool,
}

impl<'a> Reader<'a> {
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        names: &'a Names,
        quoted: Vec<bool>,
        wrapped: bool,
    ) -> Self {
        let capitals = tokens.iter().map(|t| starts_capitalized(text, t)).collect();
        Reader {
            text,
            tokens,
            names,
            quoted,
            capitals,
            wrapped,
        }
    }

    /// Does the gap end a paragraph (or, outside hard-wrapped text, a line)?
    pub(super) fn breaks_paragraph(&self, gap: &str) -> bool {
        let breaks = line_breaks(gap);
        breaks >= 2 || (breaks == 1 && !self.wrapped)
    }

    pub fn key(&self, i: usize) -> &str {
        &self.tokens[i].key
    }

    /// The key of token `i`, or nothing past the last token: for rules
    /// that look a few words ahead of a cue.
    pub fn key_at(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.key.as_str())
    }

    pub fn is_quoted(&self, i: usize) -> bool {
        self.quoted[i]
    }

    fn usable(&self, i: usize) -> bool {
        i < self.tokens.len() && self.tokens[i].is_word() && !self.quoted[i]
    }

    pub fn capitalized(&self, i: usize) -> bool {
        self.capitals[i]
    }

    /// The text between tokens `i` and `i + 1`.
    pub fn gap_after(&self, i: usize) -> &str {
        let end = self
            .tokens
            .get(i + 1)
            .map_or(self.text.len(), |t| t.span.start);
        &self.text[self.tokens[i].span.end..end]
    }

    /// Are tokens `i` and `i + 1` parts of one name: nothing but spaces
    /// between them (or the full stop of `Mr.`)?
    fn joined(&self, i: usize) -> bool {
        // A single space, the usual gap, joins: asked of the bytes, before
        // the gap is cut out of the text (this runs for most words read).
        let from = self.tokens[i].span.end;
        let to = self
            .tokens
            .get(i + 1)
            .map_or(self.text.len(), |t| t.span.start);
        if to == from + 1 && self.text.as_bytes()[from] == b' ' {
            return true;
        }
        let raw = self.gap_after(i);
        if line_breaks(raw) > 0 && self.breaks_paragraph(raw) {
            return false;
        }
        let gap = raw.trim();
        // A plural possessive: "the patients’ advocate".
        let possessive = matches!(gap, "'" | "\u{2019}") && self.key(i).ends_with('s');
        gap.is_empty() || possessive || (gap == "." && lexicon::is_abbreviation(self.key(i)))
    }

    /// Does a lower-case role noun follow at token `i` (`club captain`)?
    fn role_follows(&self, i: usize) -> bool {
        i < self.tokens.len()
            && self.usable(i)
            && self.joined(i - 1)
            && !self.capitalized(i)
            && lexicon::is_role(self.key(i))
    }

    /// Is token `i` a speech verb? Capitalized, it is a name ("United
    /// States"); after an article, a noun ("the accused", "a warning").
    ///
    /// Asked of most words near a mention, and nearly every answer is no:
    /// the capital is tested first (one load), the word is read once, and
    /// each rule below looks further only for the words it is about.
    pub fn is_speech_verb(&self, i: usize) -> bool {
        // (Past the last token the key is empty, and no rule holds.)
        if i >= self.tokens.len() || self.capitalized(i) {
            return false;
        }
        let key = |i: usize| self.key_at(i);
        let word = key(i);
        // "issued a notice": a cue with its document ("a statement issued
        // after the talks" is not).
        // ... or "put out a statement last night," (not "put out a
        // statement after Ellis had told MPs:", "quoting Dave Hurst:", "on
        // behalf of": a clause that goes on to someone else).
        let issued = || {
            let (at, own) = match word {
                "issue" | "issues" | "issued" | "issuing" => (i + 1, false),
                "put" | "puts" | "putting" if key(i + 1) == "out" => (i + 2, true),
                _ => return false,
            };
            if !matches!(key(at), "a" | "an" | "its" | "their" | "his" | "her") {
                return false;
            }
            let Some(d) = (at + 1..at + 3).find(|&d| lexicon::is_document(key(d))) else {
                return false;
            };
            !own || (d..(d + 4).min(self.tokens.len()))
                .take_while(|&w| {
                    w == d || !matches!(key(w), "after" | "quoting" | "on" | "from" | "by" | "when")
                })
                .any(|w| self.gap_after(w).contains([',', '.', ':', ';']))
        };
        // "Dev Sandhu read a statement on the steps:": reading out words of
        // one's own (not "read a statement from the club").
        let read = || {
            matches!(word, "read" | "reads")
                && matches!(key(i + 1), "a" | "an")
                && (i + 2..i + 4)
                    .find(|&d| lexicon::is_document(key(d)))
                    .is_some_and(|d| {
                        let someone_else = matches!(key(d + 1), "from" | "by" | "of")
                            || (key(d + 1) == "on" && key(d + 2) == "behalf");
                        !someone_else
                    })
        };
        // "has just put it to Threlfall that": said it to him.
        let put_to = || {
            matches!(word, "put" | "puts" | "putting") && key(i + 1) == "it" && key(i + 2) == "to"
        };
        // "who asked not to be named", "asked for anonymity": a source's
        // terms, not a cue.
        let anonymity = || {
            matches!(word, "asked" | "asks" | "asking")
                && (key(i + 1) == "not" || (key(i + 1) == "for" && key(i + 2) == "anonymity"))
        };
        // "The coroner, Alison Pryce, found that her death "..."": a
        // finding given in words (not "She was found in the morning").
        // (Not when the that-clause reports someone else's words or owns
        // them: "Inspectors found that the council had told parents that",
        // "The judge ruled that Okafor's remark – "..." –".)
        // (Someone's words, not someone's anything: "found that Maisie's
        // disappearance "was wrongly graded"" is a finding.)
        let owned_words = |k: usize| {
            key(k).ends_with("'s")
                && (super::is_words_noun(key(k + 1)) || lexicon::is_document(key(k + 1)))
        };
        let finding = || {
            matches!(word, "found" | "finds" | "ruled" | "rules")
                && key(i + 1) == "that"
                && (i + 2..(i + 2 + MAX_FINDING_WORDS).min(self.tokens.len()))
                    .take_while(|&k| !self.quoted[k])
                    .all(|k| !lexicon::is_speech_verb(key(k)) && !owned_words(k))
        };
        // "as Linwood went on:", "..., she went on.": went on speaking
        // (not "the strike went on for weeks"); ""...," Okoro-Hart
        // remembers.": remembering aloud, with nothing remembered after it
        // (not "when she remembers the minister saying", "nobody remembers
        // where it started:").
        // A full stop after either only right after a quotation's close
        // (""...," she went on."; not "Talks went on.").
        let after_quotation =
            || (i.saturating_sub(3)..i).any(|k| self.gap_after(k).contains(['"', '”', '’', '\'']));
        let ends = |gap: &str| gap.contains([':', ',']) || (gap.contains('.') && after_quotation());
        let speaking_on = || {
            (matches!(word, "went" | "goes" | "go" | "going")
                && key(i + 1) == "on"
                && ends(self.gap_after(i + 1)))
                || (matches!(word, "remembers" | "remembered") && ends(self.gap_after(i)))
        };
        let verb = (lexicon::is_speech_verb(word) && !anonymity())
            || finding()
            || issued()
            || read()
            || put_to()
            || (lexicon::is_phrasal_speech_verb(word) && key(i + 1) == "out")
            || speaking_on();
        if !verb {
            return false;
        }
        // After an article or an owner it is a noun: "the accused", "a
        // warning", "Ned Price's reply" (but "she's said" is a verb).
        let before = if i > 0 { self.key(i - 1) } else { "" };
        let owner = before.ends_with("'s")
            && lexicon::pronoun(before.trim_end_matches("'s")).is_none()
            && !matches!(before, "that's" | "there's" | "who's" | "what's" | "here's");
        let noun = i > 0 && self.joined(i - 1) && (matches!(before, "a" | "an" | "the") || owner);
        // "was told by the airline in writing:": how, not who.
        let in_writing = before == "in" && word == "writing";
        // "In a statement posted on social media, Doyle said": a participle
        // that says where a document went, not who spoke.
        let participle = lexicon::is_document(before)
            && matches!(
                word,
                "posted" | "published" | "released" | "sent" | "circulated" | "shared" | "emailed"
            );
        !noun && !participle && !in_writing
    }

    /// Does a sentence end between tokens `i` and `i + 1`?
    pub fn sentence_ends_after(&self, i: usize) -> bool {
        let gap = self.gap_after(i);
        if self.breaks_paragraph(gap) {
            return true;
        }
        if !gap.contains(['.', '!', '?']) {
            return false;
        }
        // "Mr. Blinken", "Alexander V. Grushko", "U.S. officials".
        let word = &self.text[self.tokens[i].span.clone()];
        // "No. 10" but "The government is saying no.": a number's
        // abbreviation only before a number.
        let number_follows = || {
            self.tokens.get(i + 1).is_some_and(|t| {
                self.text[t.span.clone()].starts_with(|c: char| c.is_ascii_digit())
            })
        };
        let abbreviation = word.chars().count() == 1
            || (lexicon::is_abbreviation(self.key(i)) && (self.key(i) != "no" || number_follows()));
        !(abbreviation && gap.trim_start().starts_with('.') && !gap.contains(['!', '?']))
    }

    /// The listed speakers named by tokens `range`, if it is a variant.
    fn variant(&self, range: Range<usize>) -> Option<(usize, Via)> {
        if !range.clone().all(|i| self.usable(i)) {
            return None;
        }
        // "One person with knowledge of the procurement" is the alias "a
        // person with knowledge of the procurement" (but "One Nation" is a
        // name of its own). Most words start no name: the first word's
        // lengths are checked before any key is built.
        let listed = |first: &str| {
            let lengths = self.names.starts.get(first)?;
            if lengths & (1 << range.len().min(63)) == 0 {
                return None;
            }
            let keys =
                std::iter::once(first).chain((range.start + 1..range.end).map(|i| self.key(i)));
            self.names.variants.get(&name_key(keys))
        };
        let first = self.key(range.start);
        let variants = listed(first).or_else(|| (first == "one").then(|| listed("a")).flatten())?;
        // A lower-case alias ("foreign ministry") after a name or a
        // possessive ("Ukraine's foreign ministry", "the Ukrainian foreign
        // ministry") is someone else's.
        let qualified =
            range.start > 0 && self.usable(range.start - 1) && self.joined(range.start - 1) && {
                let before = self.key(range.start - 1);
                before.ends_with("'s")
                    || (self.capitalized(range.start - 1) && !lexicon::is_function_word(before))
            };
        let first = variants.iter().find(|v| {
            v.capitalized
                .iter()
                .zip(range.clone())
                .all(|(&must, i)| !must || self.capitalized(i))
                && !(qualified && v.capitalized.first() == Some(&false))
        })?;
        Some((first.speaker, first.via))
    }

    /// The longest variant ending at token `end` (exclusive).
    fn variant_ending(&self, end: usize) -> Option<(Range<usize>, usize, Via)> {
        (1..=self.names.longest.min(end)).rev().find_map(|len| {
            self.variant(end - len..end)
                .map(|(s, via)| (end - len..end, s, via))
        })
    }

    /// The longest variant starting at token `start`.
    ///
    /// The lengths of the names the first word starts are looked up once:
    /// this runs for every word of the article.
    fn variant_starting(&self, start: usize) -> Option<(Range<usize>, usize, Via)> {
        let lengths = |first: &str| self.names.starts.get(first).copied().unwrap_or(0);
        let first = self.key(start);
        let mut mask = lengths(first);
        if first == "one" {
            mask |= lengths("a");
        }
        if mask == 0 {
            return None;
        }
        let max = self.names.longest.min(self.tokens.len() - start);
        (1..=max)
            .rev()
            .filter(|&len| mask & (1 << len.min(63)) != 0)
            .find_map(|len| {
                self.variant(start..start + len)
                    .map(|(s, via)| (start..start + len, s, via))
            })
    }

    /// Can token `i` be part of a capitalized name or title run?
    fn in_name_run(&self, i: usize) -> bool {
        self.usable(i)
            && (self.capitalized(i) || lexicon::is_title(self.key(i)))
            && !self.key(i).ends_with("'s")
            // "I'm told": the writer, capitalized by rule, not a name.
            && !matches!(self.key(i), "i" | "i'm" | "i've" | "i'd" | "i'll")
    }

    /// Role words among tokens `range` (titles and role nouns).
    fn roles_in(&self, range: Range<usize>) -> Vec<String> {
        range
            .filter_map(|i| {
                let key = self.key(i);
                lexicon::title_role(key)
                    .map(str::to_string)
                    .or_else(|| lexicon::is_role(key).then(|| key.to_string()))
            })
            .collect()
    }

    /// A word that describes rather than names: a title in any case
    /// (`President`, `Gov.`), or a role noun in lower case (`resident`,
    /// `spokesman`); a capitalized role noun ends an organisation's name
    /// (`Westmark State University`). A listed surname is always a name.
    fn describes(&self, i: usize) -> bool {
        let key = self.key(i);
        let title = lexicon::is_title(key) || lexicon::title_role(key).is_some();
        (title || (lexicon::is_role(key) && !self.capitalized(i)))
            && !self.names.surnames.contains_key(key)
    }

    /// Do the tokens `run` name a person: two words or more after any
    /// title, or a listed surname ("Professor McEndoo"), none of them an
    /// institution's? Then "of" after them says
    /// where they are from ("Dr Imogen Pryce of Kelsford University"); after
    /// a title or an institution it is part of the name ("Secretary of
    /// State", "Royal Bank of Scotland").
    fn names_a_person(&self, run: Range<usize>) -> bool {
        let name = run
            .clone()
            .rev()
            .find(|&i| self.describes(i))
            .map_or(run.start, |i| i + 1)..run.end;
        (name.len() >= 2
            || (name.len() == 1
                && run.start < name.start
                && self.names.surnames.contains_key(self.key(name.start))))
            && !name
                .clone()
                .any(|i| lexicon::is_institution_word(self.key(i)))
    }

    /// Resolves a run of capitalized words and titles to an identity.
    fn name_run(&self, run: Range<usize>) -> Option<Mention> {
        // Post-nominal titles are not the name: "Deborah Quinlan MP".
        let mut run_end = run.end;
        while run_end > run.start + 1 && lexicon::is_post_nominal(self.key(run_end - 1)) {
            run_end -= 1;
        }
        let run = run.start..run_end;
        // The name is what follows the last title or role word.
        let name_start = run
            .clone()
            .rev()
            .find(|&i| self.describes(i))
            .map_or(run.start, |i| i + 1);
        let roles = self.roles_in(run.start..name_start);
        let name = name_start..run.end;
        if name.is_empty() {
            // Titles only ("the Foreign Minister"): a description.
            let role = roles.last()?.clone();
            return Some(Mention {
                tokens: run.clone(),
                reference: Reference::Definite {
                    role,
                    text: self.written(run),
                },
                via: Via::Descriptor,
                roles,
            });
        }
        let Some((variant, mut speaker, mut via)) = self
            .variant_ending(name.end)
            .filter(|(r, _, _)| r.start >= name.start)
        else {
            return Some(self.unlisted(run, name, roles));
        };
        // "Sergei Lavrov" for the listed "Sergey Lavrov": the same person if
        // the first names are close; "Ivanka Trump" is not "Donald Trump".
        let surname =
            variant.len() == 1 && self.names.surnames.contains_key(self.key(variant.start));
        if surname && variant.start > name.start {
            let first = self.key(name.start);
            let same = self.names.surnames[self.key(name.end - 1)]
                .iter()
                .find(|(_, listed)| {
                    listed
                        .as_deref()
                        .is_some_and(|l| strsim::jaro_winkler(l, first) >= SAME_FIRST_NAME)
                });
            match same {
                Some(&(listed, _)) => (speaker, via) = (listed, Via::Name),
                None => return Some(self.unlisted(run, name, roles)),
            }
        }
        Some(Mention {
            tokens: run,
            reference: Reference::Identity(Identity::Listed(speaker)),
            via,
            roles,
        })
    }

    fn unlisted(&self, run: Range<usize>, name: Range<usize>, roles: Vec<String>) -> Mention {
        // The role right before the name says what it names: "housing
        // association Woonkracht Dordhaven", "University of Brackford" are
        // organisations, "Council chief executive Martin Fairbrother" is a
        // person.
        let organisation = name
            .clone()
            .any(|i| lexicon::is_institution_word(self.key(i)))
            || roles.last().is_some_and(|r| {
                lexicon::is_organisation_role(r) || lexicon::is_institution_word(r)
            });
        Mention {
            reference: Reference::Identity(Identity::Unlisted {
                name: self.written(run.clone()),
                kind: if organisation {
                    SourceKind::Organisation
                } else {
                    SourceKind::Person
                },
            }),
            tokens: run,
            via: Via::Unlisted,
            roles,
        }
    }

    /// The article's words `range`, as printed.
    pub fn written(&self, range: Range<usize>) -> String {
        crate::text::squeeze(
            &self.text[self.tokens[range.start].span.start..self.tokens[range.end - 1].span.end],
        )
    }

    /// A description `det [modifiers] role` over tokens `range`.
    fn descriptor(&self, det: usize, role_at: usize) -> Option<Mention> {
        let mut range = det..role_at + 1;
        if !range.clone().all(|i| self.usable(i)) || !lexicon::is_role(self.key(role_at)) {
            return None;
        }
        let mut role = self.key(role_at).to_string();
        // "One of your own inspectors": one of them, an inspector.
        let one_of = det >= 2
            && self.key(det - 1) == "of"
            && self.key(det - 2) == "one"
            && self.joined(det - 2)
            && self.joined(det - 1);
        if one_of && let Some(singular) = lexicon::singular_role(&role) {
            role = singular.to_string();
            range.start = det - 2;
        }
        let text = self.written(range.clone());
        let determiner = self.key(det);
        // "Ukraine's foreign ministry": a body of someone named, not one
        // introduced before.
        let possessed = determiner.ends_with("'s") && self.capitalized(det);
        // ... unless the possessor names a listed body with that role:
        // "Russia's foreign ministry" for the Russian Foreign Ministry.
        if possessed
            && let Some(speaker) = self.possessed_body(determiner.trim_end_matches("'s"), &role)
        {
            return Some(Mention {
                tokens: range,
                reference: Reference::Identity(Identity::Listed(speaker)),
                via: Via::Descriptor,
                roles: vec![role],
            });
        }
        let indefinite = one_of
            || matches!(determiner, "a" | "an" | "one" | "another")
            || lexicon::is_plural_role(&role)
            || possessed;
        // "a Meridian Urban Partners spokesperson": the organisation speaks.
        if lexicon::speaks_for_others(&role)
            && let Some((_, speaker, _)) = (det + 1..role_at).find_map(|i| self.variant_starting(i))
        {
            return Some(Mention {
                tokens: range,
                reference: Reference::Identity(Identity::Listed(speaker)),
                via: Via::Descriptor,
                roles: vec![role],
            });
        }
        // "an insider at the club" for the listed "a club insider": the
        // anonymous source of record, when the head noun is the same and no
        // capitalized word tells them apart ("a Russian official" is not
        // "a US official").
        // ("Another inspector, who visited the market," may be the one of
        // record: the article cannot say otherwise.)
        if indefinite && let Some(speaker) = self.anonymous_alias(range.clone(), &role) {
            return Some(Mention {
                tokens: range,
                reference: Reference::Identity(Identity::Listed(speaker)),
                via: Via::Alias,
                roles: vec![role],
            });
        }
        let reference = if indefinite {
            // "a US official", "officials": someone new and unnamed.
            Reference::Identity(Identity::Unlisted {
                name: text,
                kind: if lexicon::is_organisation_role(&role) {
                    SourceKind::Organisation
                } else {
                    SourceKind::Anonymous
                },
            })
        } else {
            Reference::Definite {
                role: role.clone(),
                text,
            }
        };
        Some(Mention {
            tokens: range,
            reference,
            via: Via::Descriptor,
            roles: vec![role],
        })
    }

    /// "Not every steward agrees. One, speaking anonymously, said:": `one`
    /// (or `another`) standing alone for one of the people the sentence before named by
    /// their role (the nearest role noun in the paragraph, a few words back).
    fn elliptical_one(&self, start: usize) -> Option<Mention> {
        // "One of them told the Courier": one of the group just named.
        let of_them = self.key_at(start + 1) == "of"
            && matches!(self.key_at(start + 2), "them" | "those" | "these")
            && self.joined(start)
            && self.joined(start + 1);
        if !matches!(self.key(start), "one" | "another")
            || start + 1 >= self.tokens.len()
            || (self.joined(start) && !self.is_speech_verb(start + 1) && !of_them)
        {
            return None;
        }
        let roles = (start.saturating_sub(MAX_ELLIPSIS_WORDS)..start)
            .rev()
            .take_while(|&i| !self.breaks_paragraph(self.gap_after(i)))
            .filter(|&i| self.tokens[i].is_word() && !self.quoted[i])
            .filter_map(|i| {
                // ("people were already looking elsewhere" is no role.)
                lexicon::singular_role(self.key(i))
                    .filter(|r| !matches!(*r, "people" | "person"))
                    .map(|r| (i, r))
            });
        // One of a group: a plural or a quantified noun ("Several mothers
        // ... spoke to a midwife. One, ...", "Not every midwife agrees with
        // the trust. One, ...") before the nearest role noun.
        // "One of them" is one of a group of people named as such, not the
        // object of a preposition ("three letters it sent to parents. One
        // of them reads:") or a body ("the council").
        let roles = roles.filter(|&(i, r)| {
            !of_them
                || !(lexicon::is_organisation_role(r)
                    || (i > 0 && lexicon::is_preposition(self.key(i - 1))))
        });
        let group = |&(i, r): &(usize, &str)| {
            self.key(i) != r
                || (i > 0
                    && matches!(
                        self.key(i - 1),
                        "every" | "each" | "many" | "some" | "several" | "most" | "few"
                    ))
        };
        let role = roles
            .clone()
            .find(group)
            .or_else(|| roles.clone().next())?
            .1
            .to_string();
        let reference = match self.anonymous_alias(start..start + 1, &role) {
            Some(speaker) => Reference::Identity(Identity::Listed(speaker)),
            None => Reference::Identity(Identity::Unlisted {
                name: format!("one {role}"),
                kind: if lexicon::is_organisation_role(&role) {
                    SourceKind::Organisation
                } else {
                    SourceKind::Anonymous
                },
            }),
        };
        Some(Mention {
            tokens: start..start + if of_them { 3 } else { 1 },
            reference,
            via: Via::Descriptor,
            roles: vec![role],
        })
    }

    /// The listed speaker with an indefinite alias (`a club insider`) whose
    /// head noun is `role` and whose words hold every capitalized word of
    /// the description `range`.
    fn anonymous_alias(&self, range: Range<usize>, role: &str) -> Option<usize> {
        // ("A crew member" opening a sentence: its article is no name.)
        let article = |i: usize| matches!(self.key(i), "a" | "an" | "one" | "another" | "the");
        let capitalized: Vec<&str> = range
            .clone()
            .filter(|&i| self.capitalized(i) && !(i == range.start && article(i)))
            .map(|i| self.key(i))
            .collect();
        // "A crew member who spoke to the Herald" for the listed "a crew
        // member on the Corran Star": the article's description says
        // nothing else of where they are from (not "a crew member on
        // another ferry").
        let unqualified = range.end >= self.tokens.len()
            || !self.joined(range.end - 1)
            || !lexicon::is_preposition(self.key(range.end));
        // ... or says it in other words: "a senior lecturer in the languages
        // department" for the listed "a senior lecturer in modern
        // languages" (a word of substance in common).
        let written: Vec<&str> = if unqualified {
            Vec::new()
        } else {
            (range.end + 1..self.tokens.len())
                .take(MAX_QUALIFIER_WORDS)
                .take_while(|&i| self.joined(i - 1))
                .map(|i| self.key(i))
                .collect()
        };
        // The qualifier's last word (its noun) must be there, and the
        // description must not point elsewhere ("at a neighbouring unit",
        // "at another school", "in modern history").
        let elsewhere = written.iter().any(|w| {
            matches!(
                *w,
                "a" | "an" | "another" | "other" | "neighbouring" | "neighboring"
            )
        });
        let shared = |qualifier: &[String]| {
            !elsewhere
                && qualifier
                    .last()
                    .is_some_and(|w| !lexicon::is_relative(w) && written.contains(&w.as_str()))
        };
        self.names.anonymous.iter().find_map(|(speaker, words)| {
            let (head, qualifier) = anonymous_head(words);
            (same_anonymous_head(head, role)
                && (qualifier.is_empty() || unqualified || shared(qualifier))
                && capitalized.iter().all(|c| words.iter().any(|w| w == c)))
            .then_some(*speaker)
        })
    }

    /// The listed speaker named in possessive form (`Halden's`, `the
    /// bank's`) within three words before token `at`.
    pub(super) fn possessor_before(&self, at: usize) -> Option<Mention> {
        let p = (at.saturating_sub(3)..at)
            .rev()
            .find(|&i| self.key(i).ends_with("'s"))?;
        let base = self.key(p).trim_end_matches("'s").to_string();
        (1..=self.names.longest.min(p + 1)).rev().find_map(|len| {
            let start = p + 1 - len;
            let keys = (start..p).map(|i| self.key(i)).chain([base.as_str()]);
            let variant = self.names.variants.get(&name_key(keys))?.first()?;
            Some(Mention {
                tokens: start..at + 1,
                reference: Reference::Identity(Identity::Listed(variant.speaker)),
                via: variant.via,
                roles: Vec::new(),
            })
        })
    }

    /// The person or body named in possessive form right before token `at`
    /// ("Nadia Kovac's warning"): a listed one (see
    /// [`Reader::possessor_before`]), or else a name the list does not hold,
    /// two capitalized words or more ("Boris Johnson's warning"; a lone
    /// "Kelsford's" is as likely a place).
    pub(super) fn owner_before(&self, at: usize) -> Option<Mention> {
        if at == 0 || !self.key(at - 1).ends_with("'s") {
            return None;
        }
        if let Some(m) = self.possessor_before(at).filter(|m| m.tokens.end == at + 1) {
            return Some(m);
        }
        let owner = at - 1;
        let start = (owner.saturating_sub(3)..=owner).find(|&s| {
            (s..=owner).all(|i| self.usable(i) && self.capitalized(i) && !self.describes(i))
        })?;
        if owner == start || (start..=owner).any(|i| lexicon::is_function_word(self.key(i))) {
            return None;
        }
        let mut m = self.unlisted(start..at, start..at, Vec::new());
        if let Reference::Identity(Identity::Unlisted { name, .. }) = &mut m.reference {
            let bare = ["'s", "’s", "'", "’"]
                .iter()
                .find_map(|suffix| name.strip_suffix(suffix));
            if let Some(bare) = bare {
                *name = bare.to_string();
            }
        }
        m.tokens = start..at + 1;
        Some(m)
    }

    /// Who issued the document named at token `doc`: a listed possessor
    /// ("Halden's first statement"), an unlisted one of two words or more
    /// ("Boris Johnson's weekend notice"), or a possessive pronoun ("Its
    /// updated statement"), within three words before it.
    pub(super) fn document_owner(&self, doc: usize) -> Option<Mention> {
        if let Some(m) = self.possessor_before(doc) {
            return Some(m);
        }
        // "The IOPC report found that": a listed body's name before the
        // document, as its modifier.
        if let Some(m) = (doc.saturating_sub(MAX_MODIFIER_WORDS)..doc).find_map(|s| {
            let (range, speaker, via) = self.variant_starting(s)?;
            (range.end == doc && self.names.organisations[speaker] && self.joined(doc - 1)).then(
                || Mention {
                    tokens: range,
                    reference: Reference::Identity(Identity::Listed(speaker)),
                    via,
                    roles: Vec::new(),
                },
            )
        }) {
            return Some(m);
        }
        let owner = (doc.saturating_sub(3)..doc)
            .rev()
            .take_while(|&i| self.usable(i) && self.joined(i))
            .find(|&i| {
                self.key(i).ends_with("'s") || lexicon::possessive_pronoun(self.key(i)).is_some()
            })?;
        if let Some(p) = lexicon::possessive_pronoun(self.key(owner)) {
            return Some(Mention {
                tokens: owner..owner + 1,
                reference: Reference::Pronoun(p),
                via: Via::Pronoun,
                roles: Vec::new(),
            });
        }
        self.owner_before(owner + 1)
    }

    /// "a source familiar with the investigation", ending at token `end`
    /// (exclusive): the standard formula for an anonymous source, matched to
    /// a listed alias with the same qualifier ("a person familiar with the
    /// investigation").
    fn familiar_with(&self, end: usize) -> Option<Mention> {
        let familiar = (end.saturating_sub(6)..end)
            .find(|&i| self.key(i) == "familiar" && self.key(i + 1) == "with")?;
        let head = familiar.checked_sub(1)?;
        if !lexicon::is_role(self.key(head)) {
            return None;
        }
        let det = (head.saturating_sub(3)..head)
            .rev()
            .find(|&i| self.is_determiner(i))
            .unwrap_or(head);
        let tail: Vec<&str> = (familiar..end).map(|i| self.key(i)).collect();
        let listed = self.names.anonymous.iter().find_map(|(speaker, words)| {
            let (alias_head, qualifier) = anonymous_head(words);
            let same = same_anonymous_head(alias_head, self.key(head))
                && qualifier
                    .iter()
                    .map(String::as_str)
                    .eq(tail.iter().copied());
            same.then_some(*speaker)
        });
        let reference = match listed {
            Some(speaker) => Reference::Identity(Identity::Listed(speaker)),
            None => Reference::Identity(Identity::Unlisted {
                name: self.written(det..end),
                kind: SourceKind::Anonymous,
            }),
        };
        Some(Mention {
            tokens: det..end,
            reference,
            via: if listed.is_some() {
                Via::Alias
            } else {
                Via::Descriptor
            },
            roles: vec![self.key(head).to_string()],
        })
    }

    /// The listed organisation whose name holds `role` and a word close to
    /// `possessor` (`russia` and `russian`).
    fn possessed_body(&self, possessor: &str, role: &str) -> Option<usize> {
        self.names.org_names.iter().find_map(|(speaker, words)| {
            let fits = words.iter().any(|w| w == role)
                && words
                    .iter()
                    .any(|w| strsim::jaro_winkler(w, possessor) >= SAME_FIRST_NAME);
            fits.then_some(*speaker)
        })
    }

    /// Is token `i` a determiner (`the`, `a`, `his`, an owner's `Halden's`)?
    /// Asked of nearly every word: the key is read once, and its length
    /// picks the few words it could be before any is compared.
    pub(super) fn is_determiner(&self, i: usize) -> bool {
        let key = self.key(i);
        match (key.len(), key) {
            (1, "a")
            | (2, "an" | "my")
            | (3, "the" | "one" | "his" | "her" | "its" | "our")
            | (4, "your")
            | (5, "their")
            | (7, "another") => true,
            _ => key.ends_with("'s"),
        }
    }

    /// "the 26-year-old" from token `the`: a description by age, and with
    /// `role`, the role noun right after it when there is one ("the
    /// 61-year-old grandmother").
    fn age_description(&self, the: usize, role: bool) -> Option<Mention> {
        let age = self.key_at(the) == "the"
            && self.key_at(the + 2) == "year"
            && self.key_at(the + 3) == "old"
            && self.key_at(the + 1).bytes().all(|b| b.is_ascii_digit());
        if !age {
            return None;
        }
        let noun =
            lexicon::singular_role(self.key_at(the + 4)).filter(|_| role && self.joined(the + 3));
        let end = the + 4 + usize::from(noun.is_some());
        let role = noun.unwrap_or("year-old").to_string();
        Some(Mention {
            tokens: the..end,
            reference: Reference::Definite {
                role: role.clone(),
                text: self.written(the..end),
            },
            via: Via::Descriptor,
            roles: vec![role],
        })
    }

    /// The mention that ends at token `end` (exclusive), if any.
    pub fn mention_ending(&self, end: usize) -> Option<Mention> {
        if end == 0 || !self.usable(end - 1) {
            return None;
        }
        let last = end - 1;
        if let Some(p) = lexicon::pronoun(self.key(last)) {
            return Some(Mention {
                tokens: last..end,
                reference: Reference::Pronoun(p),
                via: Via::Pronoun,
                roles: Vec::new(),
            });
        }
        if matches!(self.key(last), "one" | "another")
            && let Some(m) = self.elliptical_one(last)
        {
            return Some(m);
        }
        // "the 26-year-old": a description by age.
        if last >= 3
            && let Some(m) = self.age_description(last - 3, false)
        {
            return Some(m);
        }
        if let Some(m) = self.familiar_with(end) {
            return Some(m);
        }
        // "Halden's first statement told customers": the possessor speaks.
        if lexicon::is_document(self.key(last))
            && let Some(m) = self.document_owner(last)
        {
            return Some(m);
        }
        // "Dr Imogen Pryce of Kelsford University said", "Priya Nair of
        // Calder Airport told": the person, of somewhere (as
        // `mention_starting` reads it forwards), even when the place is
        // listed.
        if self.capitalized(last) {
            let start = self.name_run_start(last);
            if let Some(of) =
                (start + 1..last).find(|&i| self.key(i) == "of" && self.names_a_person(start..i))
                // (The person's name as the list knows it: "Professor Alan
                // Rudd of Northbridge University".)
                && let Some(mut m) = self.mention_ending(of).or_else(|| self.name_run(start..of))
            {
                m.tokens.end = end;
                return Some(m);
            }
        }
        if let Some((range, speaker, via)) = self.variant_ending(end) {
            // "Dr Lowell of the Fenmoor trust said": the person, of a body
            // the list holds.
            if let Some(of) = (range.start.saturating_sub(2)..range.start).find(|&i| {
                self.key(i) == "of" && (i + 1..range.start).all(|k| self.key(k) == "the")
            }) && of > 0
                && self.capitalized(of - 1)
                && let start = self.name_run_start(of - 1)
                && self.names_a_person(start..of)
                && let Some(mut m) = self.mention_ending(of).or_else(|| self.name_run(start..of))
            {
                m.tokens.end = end;
                return Some(m);
            }
            // "Ingrid Stoltenberg" is not the listed Jens Stoltenberg: a
            // listed surname after another first name goes through the
            // first-name check.
            let first_name = range.start > 0
                && range.len() == 1
                && self.names.surnames.contains_key(self.key(range.start))
                && self.usable(range.start - 1)
                && self.joined(range.start - 1)
                && self.capitalized(range.start - 1)
                && !self.describes(range.start - 1)
                && !lexicon::is_function_word(self.key(range.start - 1));
            if first_name {
                return self.name_run(range.start - 1..end);
            }
            // Take in the titles before it, for the cue and the roles.
            let mut start = range.start;
            while start > 0 && self.in_name_run(start - 1) && self.joined(start - 1) {
                start -= 1;
            }
            return Some(Mention {
                roles: self.roles_in(start..range.start),
                tokens: start..end,
                reference: Reference::Identity(Identity::Listed(speaker)),
                via,
            });
        }
        if lexicon::is_role(self.key(last)) {
            // Up to four modifiers back to a determiner: "a senior US official".
            // ("the news that passengers": a clause, not a modifier.)
            for det in (last.saturating_sub(5)..last).rev() {
                if !self.usable(det) || !self.joined(det) || lexicon::is_clause_word(self.key(det))
                {
                    break;
                }
                if self.is_determiner(det) {
                    return self.descriptor(det, last);
                }
            }
        }
        if self.in_name_run(last)
            && self.capitalized(last)
            && !lexicon::is_function_word(self.key(last))
        {
            let start = self.name_run_start(last);
            // "the Italian", "the Dutchman": a description by nationality.
            if start == last && start > 0 && self.key(start - 1) == "the" && self.joined(start - 1)
            {
                return self.nationality(start - 1, last);
            }
            return self.name_run(start..end);
        }
        None
    }

    /// Where the run of capitalized words and titles ending at token
    /// `last` starts, past any function words that open it ("Like Tom
    /// Hargreaves" is "Tom Hargreaves").
    fn name_run_start(&self, last: usize) -> usize {
        let mut start = last;
        while start > 0 && self.joined(start - 1) && self.in_name_run(start - 1) {
            start -= 1;
        }
        while start < last && lexicon::is_function_word(self.key(start)) {
            start += 1;
        }
        start
    }

    /// `the Italian` (tokens `the` and `noun`), unless the noun is a listed
    /// name: a description of someone introduced earlier.
    fn nationality(&self, the: usize, noun: usize) -> Option<Mention> {
        if self.variant(noun..noun + 1).is_some() {
            return self.name_run(noun..noun + 1);
        }
        let role = self.key(noun).to_string();
        Some(Mention {
            tokens: the..noun + 1,
            reference: Reference::Definite {
                role: role.clone(),
                text: self.written(the..noun + 1),
            },
            via: Via::Descriptor,
            roles: vec![role],
        })
    }

    /// The mention that starts at token `start`, if any.
    pub fn mention_starting(&self, start: usize) -> Option<Mention> {
        if !self.usable(start) {
            return None;
        }
        if let Some(p) = lexicon::pronoun(self.key(start)) {
            return Some(Mention {
                tokens: start..start + 1,
                reference: Reference::Pronoun(p),
                via: Via::Pronoun,
                roles: Vec::new(),
            });
        }
        // Nearly every word of an article is a lower-case word that starts
        // no mention. Each rule below would ask its word list again; a word
        // that is no determiner, title or role and starts no listed name is
        // answered here, with one lookup.
        let key = self.key(start);
        let may_open = self.capitalized(start)
            || self.is_determiner(start)
            || self.names.openers.contains(key)
            || (key.ends_with('.') && lexicon::is_title(key));
        // "according to water minister Alistair Drummond": a lower-case
        // word that modifies the role before a name (not "said minister
        // Alistair Drummond", "yesterday minister ...").
        let modifier = || {
            // (A name two words on is asked first: it is rare, and cheap to
            // ask.)
            start + 2 < self.tokens.len()
                && self.tokens[start + 2].is_word()
                && self.capitalized(start + 2)
                && !self.capitalized(start)
                && self.role_follows(start + 1)
                && !lexicon::is_function_word(key)
                && !lexicon::is_preposition(key)
                && !lexicon::is_adverbial(key)
                && !self.is_speech_verb(start)
        };
        if !may_open && !modifier() {
            return None;
        }
        // "said the 61-year-old grandmother", "said the 26-year-old".
        if key == "the"
            && let Some(m) = self.age_description(start, true)
        {
            return Some(m);
        }
        // "the club captain", "club chairman Hendrik Vos": a name used as a
        // modifier of a role noun is not the one speaking.
        let variant = self
            .variant_starting(start)
            .filter(|(range, _, _)| !self.role_follows(range.end));
        if let Some((range, speaker, via)) = variant {
            // "US Secretary of State Antony Blinken": the alias is followed by
            // the name; the name, if there is one, decides.
            // Only capitalized words: "Colm Brennan of the Council" is
            // Brennan, of somewhere.
            let mut end = range.end;
            while end < self.tokens.len()
                && self.in_name_run(end)
                && self.capitalized(end)
                && self.joined(end - 1)
            {
                end += 1;
            }
            // ("security researcher Dr Priya Natarajan": the name as the
            // list knows it.)
            if end > range.end
                && let Some(mut m) = self
                    .mention_starting(range.end)
                    .filter(|m| {
                        matches!(m.reference, Reference::Identity(Identity::Listed(_)))
                            && m.tokens.end == end
                    })
                    .or_else(|| self.name_run(start..end))
            {
                if m.tokens.start > start {
                    m.roles.extend(self.roles_in(start..m.tokens.start));
                    m.tokens.start = start;
                }
                return Some(m);
            }
            return Some(Mention {
                roles: self.roles_in(range.clone()),
                tokens: range,
                reference: Reference::Identity(Identity::Listed(speaker)),
                via,
            });
        }
        // "said coach Marco Terzi", "club chairman Hendrik Vos": lower-case
        // role words before a name.
        let mut name_at = start + usize::from(modifier());
        while name_at < (start + 3).min(self.tokens.len())
            && self.usable(name_at)
            && !self.capitalized(name_at)
            && (lexicon::is_role(self.key(name_at)) || self.variant(name_at..name_at + 1).is_some())
            && self.joined(name_at)
        {
            name_at += 1;
        }
        if name_at > start
            && name_at < self.tokens.len()
            && self.capitalized(name_at)
            && let Some(mut m) = self.mention_starting(name_at)
            && matches!(m.reference, Reference::Identity(_))
        {
            m.tokens.start = start;
            m.roles.extend(self.roles_in(start..name_at));
            // "housing association Woonkracht Dordhaven": an organisation.
            if let Reference::Identity(Identity::Unlisted { kind, .. }) = &mut m.reference
                && m.roles
                    .last()
                    .is_some_and(|r| lexicon::is_organisation_role(r))
            {
                *kind = SourceKind::Organisation;
            }
            return Some(m);
        }
        if self.is_determiner(start) {
            // "the US Secretary of State": the alias after the article.
            if self.joined(start)
                && let Some(mut m) = self.mention_starting(start + 1)
                && matches!(m.reference, Reference::Identity(Identity::Listed(_)))
            {
                m.tokens.start = start;
                return Some(m);
            }
            // The longest description within four modifiers: "the US
            // Secretary of State" holds both "secretary" and "state".
            let mut role_at = None;
            for i in start + 1..(start + 6).min(self.tokens.len()) {
                // The head noun comes before any prepositional phrase: "a
                // labour economist at Corwin University" is an economist.
                if !self.usable(i)
                    || !self.joined(i - 1)
                    || self.is_determiner(i)
                    || self.is_speech_verb(i)
                    || lexicon::is_preposition(self.key(i))
                    || lexicon::is_clause_word(self.key(i))
                {
                    break;
                }
                if lexicon::is_role(self.key(i)) {
                    role_at = Some(i);
                }
            }
            return role_at
                .and_then(|r| self.descriptor(start, r))
                .or_else(|| self.elliptical_one(start));
        }
        if self.in_name_run(start)
            && self.capitalized(start)
            && !lexicon::is_function_word(self.key(start))
        {
            let mut end = start + 1;
            loop {
                if end < self.tokens.len()
                    && self.joined(end - 1)
                    && self.in_name_run(end)
                    && !(self.key(end) == "of" && self.names_a_person(start..end))
                {
                    end += 1;
                    continue;
                }
                // Lower-case role words between names: "Pine Hollow resident
                // Gary Pruitt", "Ukrainian top diplomat Dmitry Kuleba".
                let mut k = end;
                while k < self.tokens.len()
                    && k < end + 2
                    && self.joined(k - 1)
                    && self.usable(k)
                    && !self.capitalized(k)
                    && lexicon::is_role(self.key(k))
                {
                    k += 1;
                }
                if k > end
                    && k < self.tokens.len()
                    && self.joined(k - 1)
                    && self.capitalized(k)
                    && self.in_name_run(k)
                {
                    // "Hydrology lecturer Dr Leila Nasser": the listed
                    // person after the role words.
                    if let Some(mut m) = self
                        .mention_starting(k)
                        .filter(|m| matches!(m.reference, Reference::Identity(Identity::Listed(_))))
                    {
                        m.roles.extend(self.roles_in(start..k));
                        m.tokens.start = start;
                        return Some(m);
                    }
                    end = k + 1;
                    continue;
                }
                break;
            }
            return self.name_run(start..end);
        }
        None
    }
}
