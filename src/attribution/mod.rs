//! Attribution: whom does the article credit with the words?
//!
//! For each quotation (a chain of parts, see [`crate::quotations::Quoted`])
//! the speech cue is looked for where journalists put it, nearest first:
//! right after the quotation (`"...," Stoltenberg told CNN`, `"...," said the
//! official`, `"..." — Jen Psaki`), between the parts of a split quotation
//! (`"A," she said, "B."`), then before it in the same sentence (`Blinken
//! stressed: "..."`, `As Antony Blinken put it: "..."`, `According to Sergey
//! Lavrov, ...: "..."`, `Ned Price said Blinken "..."`). Before the
//! quotation, the leftmost speech verb of the sentence wins: in `Russia's
//! foreign ministry said Lavrov had urged Blinken "..."` the words are the
//! ministry's. Names inside quotation marks never count. A quotation with no
//! cue right after one by X is X's (continuation).
//!
//! Pronouns (`she said`) go to the person the article last introduced who
//! fits; descriptions (`the expert noted`) to the person introduced in that
//! role, else the last person the paragraph quotes or names, else the last
//! person the article quoted, else the last person it named.

mod history;
mod keyset;
mod lexicon;
mod mentions;
mod names;

use std::ops::Range;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::quotations::Quoted;
use crate::text::Token;
use history::{Entry, resolve_pronoun, resolve_pronoun_besides};
pub use mentions::{Identity, SourceKind, Via};
use mentions::{Mention, Reader, Reference};
pub use names::Names;

/// Whether the article's credit agrees with the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The article credits the speaker of record.
    Match,
    /// The article credits someone else.
    Mismatch,
    /// The article credits no one.
    Unattributed,
}

/// Whom the article credits, and the words that say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    pub identity: Identity,
    pub via: Via,
    /// Byte span of the cue (the speaker's mention and the speech verb).
    pub cue: Option<Range<usize>>,
}

/// Reads the attributions of one article.
pub struct Attributor<'a> {
    reader: Reader<'a>,
    names: &'a Names,
    catalog: &'a Catalog,
    quoted: &'a Quoted,
    history: Vec<Entry>,
    /// Unlisted full names by surname (see `known_as`), found on demand.
    surnames: std::cell::RefCell<std::collections::HashMap<String, Vec<(usize, String)>>>,
    /// Byte offsets where paragraphs start.
    paragraphs: Vec<usize>,
    /// Per quotation, how far into its content [`Attributor::nested_credit`]
    /// has looked for a single mark, and where the first stands if found. It
    /// is asked for every appearance in the quotation: searching from the
    /// start to each appearance again made a statement repeated thousands
    /// of times in one quotation quadratic.
    single_marks: Vec<std::cell::Cell<(usize, Option<usize>)>>,
}

/// After a quotation, the speech verb must come within this many words
/// (`"...," a senior official in the state health department said`): a verb
/// further on belongs to the next sentence's business.
const MAX_WORDS_TO_AFTER_CUE: usize = 12;

/// In a headline `Name: topic "quotation"`, the most words of topic: more
/// is a headline about the person, not one quoting them.
const MAX_HEADLINE_TOPIC_WORDS: usize = 3;

/// Words that start a byline or a caption, not a standfirst.
const BYLINE_WORDS: &[&str] = &[
    "by",
    "photo",
    "picture",
    "pictured",
    "posted",
    "review",
    "words",
    "reporting",
];

/// Nouns for someone's words: a standfirst that holds one is about the
/// headline's words, not by its subject.
const REACTION_NOUNS: &[&str] = &[
    "plea", "pleas", "promise", "promises", "pledge", "pledges", "vow", "vows", "claim", "claims",
    "words", "warning", "warnings", "remark", "remarks", "comment", "comments", "slogan", "boast",
];

/// Words a quotation inside a headline sentence needs to be the
/// headline's quotation rather than a phrase it quotes ("sat on its hands",
/// four words, is a phrase; a clause runs to six or more).
const MIN_HEADLINE_CLAUSE_WORDS: usize = 6;

/// How far before a nested quotation its cue may stand, in words, inside
/// the outer quotation ("He stood up in that court and said, '...'").
const MAX_NESTED_CUE_WORDS: usize = 12;

/// Words of a sentence that gives no comment (see `paragraph_speaker`).
const NO_COMMENT: &[&str] = &[
    "declined",
    "declines",
    "refused",
    "refuses",
    "unavailable",
    "comment",
    "commented",
    "comments",
];

/// Verbs of replying that, negated, give no comment: "has not replied".
const REPLIES: &[&str] = &[
    "reply",
    "replied",
    "respond",
    "responded",
    "answer",
    "answered",
    "spoken",
    "returned",
];

/// Verbs of asking: a sentence about someone asking is followed by the
/// answer, not their words (see `paragraph_speaker`).
const ASKING: &[&str] = &[
    "asked",
    "asks",
    "asking",
    "wanted",
    "wants",
    "wondered",
    "wonders",
    "pressed",
    "presses",
    "demanded",
    "demands",
    "queried",
    "questioned",
    "quizzed",
    "challenged",
];

/// Verbs for reading out, or pointing to, someone's document before a
/// colon: the words are the document's (see `cue_before`).
const DOCUMENT_USES: &[&str] = &[
    "read",
    "reads",
    "reading",
    "pointed",
    "points",
    "pointing",
    "quoted",
    "quotes",
    "quoting",
    "cited",
    "cites",
    "citing",
    "referred",
    "refers",
    "referring",
];

/// A later clause's speech verb decides only when at most this many words
/// stand between it and the quotation ("and Nadia Kovac told MPs on
/// Tuesday:").
const MAX_LEAD_WORDS: usize = 6;

/// Things with words on them that no one in the story says: "A sign went up
/// on the slipway. It reads: "..."".
const INSCRIPTIONS: &[&str] = &[
    "sign",
    "signs",
    "banner",
    "banners",
    "placard",
    "placards",
    "plaque",
    "poster",
    "posters",
    "notice",
    "graffiti",
    "sticker",
    "stickers",
    "t-shirt",
    "t-shirts",
    "mural",
    "billboard",
];

/// How far back (in words, within the paragraph) a sign is looked for
/// before "reads:": its sentence and the one before.
const MAX_INSCRIPTION_WORDS: usize = 40;

/// How far back a subject's head may stand before the prepositional
/// phrases that end at its verb ("A pharmacist with more than a decade at
/// the company said").
const MAX_PREPOSITIONAL_WORDS: usize = 8;

/// Passive verbs of naming before "by X as "..."": X's words.
const DESCRIBED: &[&str] = &[
    "described",
    "called",
    "branded",
    "labelled",
    "labeled",
    "dubbed",
];

/// Participles that open a sentence with the question someone was put
/// ("Asked about police claims that ..., Carver said:"); the phrase up to its
/// comma holds no cue.
const LEADING_QUESTION: &[&str] = &["asked", "pressed", "questioned", "challenged", "quizzed"];

/// How long a phrase may follow the source of words before a colon ("from
/// an engineer at the works:"): a place or an employer, not a clause.
const MAX_SOURCE_PHRASE_WORDS: usize = 5;

/// Nouns for what someone argued, before "that" and the words: "Sir Graham
/// Pell's complaint that "..."", "claims, made by an anonymous engineer in
/// the Courier, that "..."".
const ARGUMENT_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "complaint",
    "complaints",
    "argument",
    "assertion",
    "insistence",
    "allegation",
    "allegations",
    "accusation",
    "warning",
    "warnings",
    "promise",
    "pledge",
    "suggestion",
    "contention",
    "explanation",
    "boast",
    "statement",
    "assurance",
    "charge",
    "position",
    "admission",
    "prediction",
    "threat",
    "vow",
    "demand",
];

/// Nouns for someone's words that a quotation may stand beside, besides
/// the arguments: `Raman's own phrase for the change, "..."`.
const APPOSITIVE_NOUNS: &[&str] = &[
    "phrase",
    "words",
    "line",
    "mantra",
    "slogan",
    "message",
    "verdict",
    "answer",
    "reply",
    "response",
    "description",
    "assessment",
    "version",
    "apology",
];

/// Nouns for an account given of a source before a colon: `a less
/// flattering picture of the council:`, besides the words nouns and the
/// documents.
const OF_SOURCE_NOUNS: &[&str] = &[
    "behalf", "picture", "view", "account", "summary", "thoughts", "opinion",
];

/// A noun for someone's words: an argument or one a quotation may stand
/// beside.
fn is_words_noun(key: &str) -> bool {
    ARGUMENT_NOUNS.contains(&key) || APPOSITIVE_NOUNS.contains(&key)
}

/// The clause before such a quotation is a noun phrase of a few words
/// (`The leader's assurance to council on 9 June` is eight); longer, and it
/// says more than whose words they are.
const MAX_APPOSITIVE_WORDS: usize = 10;

/// "whose chief executive" before a name set off inside a relative clause:
/// the relative pronoun and a short noun phrase, not a clause of its own.
const MAX_RELATIVE_HEAD_WORDS: usize = 4;

/// A document's owner comes within a few words of it (`the council's own
/// timeline`): `document_owner` looks three words back from the noun.
const MAX_DOCUMENT_OWNER_WORDS: usize = 5;

/// A transcript's speaker label ("DAME PRIYA DESAI:") is a name and a title
/// or two: longer, and the capitals are a heading.
const MAX_TRANSCRIPT_LABEL_WORDS: usize = 5;

/// ... and so many bytes at most ("PROFESSOR ELLERY VANCE:" is 23).
const MAX_TRANSCRIPT_LABEL_BYTES: usize = 80;

/// A turn of a transcript runs over a few paragraphs at most; further back,
/// the text is no longer the transcript.
const MAX_TURN_PARAGRAPHS: usize = 3;

/// Words from a document's verb to the quotation it is the subject of
/// ("suspended only "...""): more, and the verb is about something else.
const MAX_DOCUMENT_VERB_WORDS: usize = 3;

/// How far before the quotation the "that" of "X's claim that ..." may
/// stand: a that-clause of a sentence's length.
const MAX_THAT_CLAUSE_WORDS: usize = 12;

/// Nouns for what a body put out: "a statement from the union" names the
/// one whose words they are.
const SOURCE_NOUNS: &[&str] = &[
    "words",
    "statement",
    "statements",
    "response",
    "reaction",
    "message",
    "letter",
    "email",
    "comment",
    "comments",
    "reply",
];

/// The longest sentence looked through for a cue before a quotation.
const MAX_SENTENCE_WORDS: usize = 200;

/// After a quotation that ends its sentence, a cue in a new sentence may run
/// this many words past its verb (`Lindqvist said on Tuesday.`).
const MAX_WORDS_AFTER_SHORT_CUE: usize = 3;

/// A subject may be separated from its verb by a parenthetical of at most
/// this many words (`a US official, speaking on condition of anonymity, said`;
/// `Kwame Osei, a fire scientist at Westmark State University who has
/// studied the region's fire history for two decades, said`).
const MAX_PARENTHETICAL_WORDS: usize = 25;

/// The words of a body's name before its "and" ("Wexmoor Fire and ...",
/// "Cumbria, Northumberland, Tyne and Wear ..." is past it): a name's
/// worth, so that a run of capitalized words is not read back for ever.
const MAX_WORDS_BEFORE_AND: usize = 4;

impl<'a> Attributor<'a> {
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        quoted: &'a Quoted,
        catalog: &'a Catalog,
        names: &'a Names,
    ) -> Self {
        let mut inside = vec![false; tokens.len()];
        for range in &quoted.words {
            inside[range.clone()].fill(true);
        }
        let wrapped = crate::text::lines::hard_wrapped(text);
        let reader = Reader::new(text, tokens, names, inside, wrapped);
        let mut attributor = Attributor {
            reader,
            names,
            catalog,
            quoted,
            history: Vec::new(),
            surnames: Default::default(),
            paragraphs: paragraphs(text, wrapped),
            single_marks: vec![Default::default(); quoted.marks.len()],
        };
        attributor.history = attributor.read_history();
        attributor
    }

    fn tokens(&self) -> &'a [Token] {
        self.reader.tokens
    }

    fn token_paragraph(&self, i: usize) -> usize {
        self.paragraph_of(self.tokens()[i].span.start)
    }

    fn paragraph_of(&self, byte: usize) -> usize {
        self.paragraphs.partition_point(|&p| p <= byte)
    }

    /// The first token at or after byte `at`.
    fn token_at(&self, at: usize) -> usize {
        self.tokens().partition_point(|t| t.span.start < at)
    }

    /// Words outside quotation marks between bytes `from` and `to`.
    fn words_between(&self, from: usize, to: usize) -> Vec<usize> {
        (self.token_at(from)..self.token_at(to))
            .filter(|&i| self.tokens()[i].is_word() && !self.reader.is_quoted(i))
            .collect()
    }

    /// Credits for every chain of the article, in order (`None`:
    /// unattributed). Chains without words get `None`.
    pub fn credit_chains(&self) -> Vec<Option<Credit>> {
        let mut credits: Vec<Option<Credit>> = Vec::with_capacity(self.quoted.chains.len());
        for (c, chain) in self.quoted.chains.iter().enumerate() {
            let credit = self
                .cue_for_chain(chain.clone())
                .or_else(|| self.continuation(c, &credits))
                .or_else(|| self.headline(chain.clone()))
                .or_else(|| self.paragraph_speaker(chain.clone(), &credits))
                .or_else(|| self.dash_line(chain.clone()));
            credits.push(credit);
        }
        credits
    }

    /// Credits by quotation (index into the article's quotations). Each part
    /// of a chain takes the chain's credit, unless the part has a cue of its
    /// own right after it: in `"A," Blinken said. "B," Psaki replied.` the
    /// two parts were grouped, but A is Blinken's.
    pub fn credit_quotations(&self) -> Vec<Option<Credit>> {
        let chains = self.credit_chains();
        let marks = &self.quoted.marks;
        let mut credits = vec![None; marks.len()];
        for (chain, credit) in self.quoted.chains.iter().zip(chains) {
            for q in chain.clone() {
                let own = (chain.len() > 1 && q + 1 < chain.end)
                    .then(|| self.cue_after(marks[q].outer().end, marks[q + 1].open))
                    .flatten();
                credits[q] = own.or_else(|| credit.clone());
            }
        }
        credits
    }

    /// The credit of a quotation nested inside quotation `q` that holds byte
    /// `at` (`"Leanne came home and said, 'Mr Pryce came for a photograph
    /// ...'," he says`): the outer speaker is reporting someone else's
    /// words, and the cue for them is inside the outer quotation. `None`
    /// when `at` is in no nested quotation, or when the outer speaker's
    /// words do not say whose it is.
    pub fn nested_credit(
        &self,
        q: usize,
        at: usize,
        outer_credit: Option<&Credit>,
    ) -> Option<Credit> {
        let outer = &self.quoted.marks[q];
        let content = outer.content.clone();
        // Nested marks are single inside double ones.
        if outer.single || !content.contains(&at) {
            return None;
        }
        let inner = &self.reader.text[content.clone()];
        let local = at - content.start;
        // No single mark before `at`, so no nested quotation holds it.
        let (mut searched, mut first) = self.single_marks[q].get();
        if first.is_none() && searched < local {
            first = inner[searched..local]
                .find(['\'', '\u{2018}'])
                .map(|i| searched + i);
            searched = local;
            self.single_marks[q].set((searched, first));
        }
        if first.is_none_or(|i| i >= local) {
            return None;
        }
        // The outer quotation's words read as an article of their own, in
        // which the nested quotation is a quotation like any other.
        let tokens = crate::text::tokenize(inner, false);
        let quoted = Quoted::new(inner, &tokens);
        let nested = quoted
            .marks
            .iter()
            .position(|m| m.single && m.outer().contains(&local))?;
        let attributor = Attributor::new(inner, &tokens, &quoted, self.catalog, self.names);
        let Some(credit) = attributor.credit_quotations().swap_remove(nested) else {
            return self.nested_pronoun(&tokens, quoted.marks[nested].open, q, outer_credit);
        };
        // The outer words alone know no one the article introduced: a
        // description or a pronoun there ("The head teacher told us, '...'",
        // "He looked me in the eye and said, '...'") is left to the outer
        // credit unless it names a listed speaker.
        // Someone new, described with an indefinite article, needs no cast:
        // "A mother came up to me and said, '...'".
        // (Not when the outer speaker then speaks: "A parent asked me if I
        // would go, and I told her, '...'" is the outer speaker's.)
        let nested_open = quoted.marks[nested].open;
        let speaker_speaks = || {
            let from = credit.cue.as_ref().map_or(0, |c| c.end);
            tokens
                .iter()
                .filter(|t| t.span.start >= from && t.span.end <= nested_open)
                .any(|t| matches!(t.key.as_str(), "i" | "we"))
        };
        let new_person = matches!(&credit.identity, Identity::Unlisted { name, kind: SourceKind::Anonymous }
            if name.split(' ').next().is_some_and(|a| matches!(a.to_lowercase().as_str(), "a" | "an")))
            && !speaker_speaks();
        let named = matches!(credit.identity, Identity::Listed(_))
            || matches!(credit.via, Via::Name | Via::Unlisted | Via::Surname)
            || new_person;
        if !named {
            return None;
        }
        Some(Credit {
            cue: credit
                .cue
                .map(|c| c.start + content.start..c.end + content.start),
            ..credit
        })
    }

    /// "He stood up in that court and said, '...'" inside someone's
    /// quotation `q` (`tokens` are the outer quotation's, `open` the nested
    /// one's byte in it): a he or she who speaks there is not the outer
    /// speaker, who would say "I", but the one the article last introduced
    /// who fits, besides them.
    fn nested_pronoun(
        &self,
        tokens: &[Token],
        open: usize,
        q: usize,
        outer: Option<&Credit>,
    ) -> Option<Credit> {
        let before: Vec<&Token> = tokens
            .iter()
            .filter(|t| t.span.end <= open && t.is_word())
            .collect();
        let verb = before
            .iter()
            .rev()
            .take(MAX_NESTED_CUE_WORDS)
            .position(|t| lexicon::is_speech_verb(&t.key))?;
        let pronoun = before
            .iter()
            .rev()
            .skip(verb + 1)
            .take(MAX_NESTED_CUE_WORDS)
            .find_map(|t| lexicon::pronoun(&t.key).filter(|p| matches!(*p, "he" | "she")))?;
        // (Not someone of the speaker's own: "My son rang me at work and he
        // said, '...'".)
        if before
            .iter()
            .any(|t| matches!(t.key.as_str(), "my" | "our"))
        {
            return None;
        }
        let at = self.token_at(self.quoted.marks[q].open);
        let identity = resolve_pronoun_besides(
            &self.history,
            at,
            self.token_paragraph(at),
            pronoun,
            outer.map(|c| &c.identity),
        )?;
        Some(Credit {
            identity,
            via: Via::Pronoun,
            cue: None,
        })
    }

    /// The sentence before a quotation that has no cue of its own speaks of
    /// someone's words as its subject (`Psaki's verdict was blunter.`,
    /// `Margaret Lowell has spent twenty years studying small units, and
    /// her verdict is more nuanced than either side would like.`), or says
    /// its subject chose them (`Threlfall had chosen his words carefully.`):
    /// the words that follow are theirs. Not words someone else reacts to
    /// (`Threlfall rejected Whitlock's claim outright.`, `Asked about
    /// Raman's promise, Whitlock laughed.`, `Whitlock will never forget her
    /// words`).
    fn owned_words(&self, words: &[usize]) -> Option<Credit> {
        let key = |i: usize| self.reader.key(i);
        let first = *words.first()?;
        let noun = words.iter().copied().find(|&w| is_words_noun(key(w)))?;
        // "The mayor, Diane Whitcombe, has opened the item with something
        // close to an apology.": words of no one else's, offered by the
        // person the sentence opens with.
        let Some(owner) = self.reader.document_owner(noun) else {
            if !matches!(key(noun - 1), "a" | "an") || noun == first {
                return None;
            }
            // (`paragraph_speaker` has cut a live blog's time stamp off the
            // front: "18:15 – The mayor ...".)
            let subject = self.first_mention(std::iter::once(first))?;
            let credit = self.credit(&subject, None)?;
            return (!self.is_organisation(&credit.identity)).then_some(credit);
        };
        let start = owner.tokens.start;
        // The owner's noun phrase opens the sentence or a clause after
        // "and"/"but".
        let opens = start == first || (start > first && matches!(key(start - 1), "and" | "but"));
        let chosen = key(noun) == "words"
            && noun > first + 1
            && matches!(
                key(noun - 2),
                "chose" | "chosen" | "chooses" | "choosing" | "picked" | "weighed" | "measured"
            );
        let Reference::Pronoun(pronoun) = owner.reference else {
            return opens.then(|| self.credit(&owner, None)).flatten();
        };
        if !(opens || chosen) {
            return None;
        }
        // A possessive pronoun is the sentence's subject's when it can be.
        let subject = self.first_mention(words.iter().copied().take_while(|&w| w < start))?;
        let credit = self.credit(&subject, None)?;
        let fits = match self.known_pronoun(&credit.identity) {
            Some(known) => known == pronoun,
            // A full name whose pronoun is not known ("Critics" is no one).
            None => {
                matches!(pronoun, "he" | "she")
                    && !self.is_organisation(&credit.identity)
                    && subject.tokens.len() >= 2
            }
        };
        fits.then_some(credit)
    }

    /// `The report` at token `doc`, owned by no one in its sentence: the
    /// owner the article gave the same document just before (`The
    /// inspectorate published its report on Tuesday. The report said
    /// ...`), in this paragraph or the one before.
    fn earlier_owner(&self, doc: usize) -> Option<Mention> {
        if doc == 0 || self.reader.key(doc - 1) != "the" {
            return None;
        }
        let paragraph = self.token_paragraph(doc).saturating_sub(2);
        let floor = self
            .token_at(self.paragraphs[paragraph])
            .max(doc.saturating_sub(MAX_SENTENCE_WORDS));
        (floor..doc - 1)
            .rev()
            .filter(|&k| self.reader.key(k) == self.reader.key(doc) && !self.reader.is_quoted(k))
            .find_map(|k| self.reader.document_owner(k))
    }

    /// `one of them, Leanne Whitlock,` from token `at`: the person named
    /// after the part ("said one of the parents, Leanne Whitlock, who
    /// chairs ...").
    fn one_of(&self, at: usize) -> Option<Mention> {
        if self.reader.key_at(at) != "one" || self.reader.key_at(at + 1) != "of" {
            return None;
        }
        let comma = (at + 2..(at + 5).min(self.tokens().len()))
            .find(|&k| self.reader.gap_after(k).trim() == ",")?;
        // The name itself, set off: not "one of the mothers, Leanne
        // Whitlock's neighbour, who".
        let m = self.reader.mention_starting(comma + 1)?;
        let last = m.tokens.end - 1;
        let set_off = last + 1 >= self.tokens().len()
            || self.reader.gap_after(last).contains([',', '.', ';'])
            || self.reader.sentence_ends_after(last);
        (matches!(m.reference, Reference::Identity(_))
            && set_off
            && !self.reader.key(last).ends_with("'s"))
        .then_some(m)
    }

    /// Is quotation `q` in the article's headline: its first paragraph,
    /// when that paragraph does not end its sentence (a lede does)?
    pub fn in_headline(&self, q: usize) -> bool {
        self.headline_at(self.quoted.marks[q].open)
    }

    /// Is byte `at` in the article's headline (see [`Self::in_headline`])?
    fn headline_at(&self, at: usize) -> bool {
        let Some(&next) = self.paragraphs.get(1) else {
            return false;
        };
        self.paragraph_of(at) == 1 && self.is_headline(next)
    }

    /// Does quotation `q` open the article's headline (`‘There is no
    /// version of that story that ends well’: the mother who ...`)? Not a
    /// few words quoted inside one (`A company that “sat on its hands”
    /// should not be left in charge`). A topic before a colon may open it
    /// (`Millgate Park crush live: ‘Suspending the certificate ...’`).
    pub fn opens_headline(&self, q: usize) -> bool {
        let open = self.quoted.marks[q].open;
        let before = self.reader.text[..open].trim();
        self.in_headline(q) && (before.is_empty() || before.ends_with(':'))
    }

    /// Is quotation `q` the headline's own quotation: one that opens it, or
    /// a clause's worth of words inside it (`£10m fund ‘will be spent in
    /// Brackenford, on Brackenford people’ as sale hopes fade`)?
    pub fn headline_quotation(&self, q: usize) -> bool {
        let words = self.quoted.words[q]
            .clone()
            .filter(|&i| self.tokens()[i].is_word())
            .count();
        self.opens_headline(q) || (self.in_headline(q) && words >= MIN_HEADLINE_CLAUSE_WORDS)
    }

    /// Is the first paragraph, ending at byte `next`, a headline rather
    /// than a lede that ends its sentence?
    fn is_headline(&self, next: usize) -> bool {
        !self.reader.text[..next]
            .trim_end()
            .trim_end_matches(crate::quotations::is_mark)
            .ends_with(['.', '!', '?'])
    }

    /// The word before the colon that follows a headline's speaker `m`:
    /// right after the name ("Helena Marsh: ..."), or after what it is
    /// about ("Raman on the roof crisis: ‘...’", when the quotation at byte
    /// `open` follows the colon).
    fn speaker_colon(&self, m: &Mention, open: usize) -> Option<usize> {
        let colon = |w: usize| {
            self.reader
                .gap_after(w)
                .trim_end_matches(|c: char| c.is_whitespace() || crate::quotations::is_mark(c))
                .trim()
                == ":"
        };
        let last = m.tokens.end - 1;
        if colon(last) {
            return Some(last);
        }
        if self.reader.key_at(m.tokens.end) != "on" {
            return None;
        }
        let topic = (m.tokens.end + 1..self.token_at(open))
            .take(MAX_HEADLINE_TOPIC_WORDS + 1)
            .find(|&w| colon(w))?;
        (self.reader.text[self.tokens()[topic].span.end..open]
            .trim_matches(|c: char| c.is_whitespace() || c == ':' || crate::quotations::is_mark(c)))
        .is_empty()
        .then_some(topic)
    }

    /// A quotation printed as a headline of its own (the article's first
    /// paragraph, nothing but the quotation) is credited by the paragraph
    /// under it, standfirst or lede, to the first person or body it names:
    /// `‘I pray nobody leaves a tap running’⏎Café owner Sunniva Hale on
    /// the first night of the rota`.
    fn headline(&self, chain: Range<usize>) -> Option<Credit> {
        let marks = &self.quoted.marks;
        let text = self.reader.text;
        let (open, close) = (marks[chain.start].open, marks[chain.end - 1].outer().end);
        let paragraph = self.paragraph_of(open);
        // Both forms are in the article's first paragraph.
        if paragraph != 1 {
            return None;
        }
        // "Helena Marsh: Saltmere plant "will not reopen ..."": a headline
        // that opens with its speaker's name and a colon.
        // A listed person, or a person's name in two or three words (not a
        // section label: "Analysis:", "Review:", "Q:", or a programme: "Fen
        // Valley Radio Drive:"), and at most a few
        // words between the colon and the quotation ("Ann Cole: the nurse
        // who turned ..." is about her, not by her).
        // Counted only as far as the rule looks: a first paragraph may be a
        // whole wire story of many quotations.
        let mut headline_words = (0..self.token_at(open))
            .filter(|&i| self.tokens()[i].is_word() && !self.reader.is_quoted(i));
        if let Some(first) = headline_words.next()
            && let Some(m) = self.reader.mention_starting(first)
            && let Reference::Identity(id) = &m.reference
            && !self.is_organisation(id)
            && (matches!(id, Identity::Listed(_)) || (2..=3).contains(&m.tokens.len()))
            && m.via != Via::Descriptor
            && let Some(colon) = self.speaker_colon(&m, open)
            && headline_words
                .filter(|&w| w > colon)
                .take(MAX_HEADLINE_TOPIC_WORDS + 1)
                .count()
                <= MAX_HEADLINE_TOPIC_WORDS
        {
            return self.credit(&m, None).map(|c| Credit {
                via: Via::Headline,
                ..c
            });
        }
        // "‘They did it with radios’: the union organiser who won’t let
        // Halbridge forget": a headline that describes its listed speaker
        // after a colon (a person, and only that description or one with a
        // relative clause: not "‘...’: the council's plan explained").
        // Or one whose subject, a person, then speaks or answers for
        // themselves: "‘The ones that are painful for me personally’:
        // Threlfall accepts damning review" (not "‘Disgraceful’: Lowe faces
        // calls to quit", where the words are the critics').
        let after = self.token_at(close);
        if after < self.tokens().len()
            && text[close..self.tokens()[after].span.start].trim() == ":"
            && let Some(m) = self.reader.mention_starting(after)
            && let Reference::Identity(id) = &m.reference
            && !self.is_organisation(id)
            && m.via != Via::Descriptor
            && let described = (matches!(id, Identity::Listed(_))
                && (m.tokens.end >= self.tokens().len()
                    || self.token_paragraph(m.tokens.end) != paragraph
                    || lexicon::is_relative(self.reader.key(m.tokens.end))))
            && (described
                || (m.tokens.end < self.tokens().len()
                    && self.token_paragraph(m.tokens.end) == paragraph
                    && lexicon::is_headline_answer(self.reader.key(m.tokens.end))))
        {
            return self.credit(&m, None).map(|c| Credit {
                via: Via::Headline,
                ..c
            });
        }
        let next = self.paragraphs.get(paragraph).copied()?;
        let end = self
            .paragraphs
            .get(paragraph + 1)
            .copied()
            .unwrap_or(text.len());
        let alone = text[..open].trim().is_empty()
            && text
                .get(close..next)
                .is_some_and(|rest| !rest.chars().any(char::is_alphanumeric));
        // A standfirst says who without quoting: a paragraph with quotations
        // of its own is the story starting.
        let quotes_itself = marks.iter().any(|q| (next..end).contains(&q.open));
        if quotes_itself {
            return None;
        }
        let words = self.words_between(next, end);
        // "Transport Secretary Nadia Kovac's warning to MPs": the words are
        // the owner's, even under a headline that says more than the
        // quotation ("“Not a penny more” for Orbisfare as shares slide").
        // A first paragraph that ends its sentence is a lede, not a headline.
        if self.in_headline(chain.start)
            && let Some(m) = self.words_owner(&words)
        {
            return self.credit(&m, None).map(|c| Credit {
                via: Via::Headline,
                ..c
            });
        }
        // Under a headline that says more than the quotation ("“They
        // simply cannot get there”: island counts the cost"), a standfirst
        // saying that someone speaks ("Morag Sillars says patients are
        // missing appointments") may as well be other news ("Stefan Morrow
        // says Orbisfare will repay every passenger"): no credit.
        if !alone {
            return None;
        }
        // The cast holds those who speak or are described; a name that
        // does neither (`Idris Kemal’s family has grown apples`) is read
        // from the paragraph itself.
        let (identity, at) = self.first_named(paragraph + 1).or_else(|| {
            let m = self.first_mention(words.iter().copied())?;
            let Reference::Identity(id) = &m.reference else {
                return None;
            };
            (m.via != Via::Descriptor).then(|| (id.clone(), m.tokens.start))
        })?;
        // A byline or a caption names the writer or the photographer; a
        // standfirst about the words ("Farmer Dan Crowe has heard that kind
        // of plea before", "mocks the Water Minister's plea") names someone
        // reacting to them.
        let byline = words
            .first()
            .is_some_and(|&w| BYLINE_WORDS.contains(&self.reader.key(w)))
            || (at > 0 && self.reader.key(at - 1) == "by");
        if byline || self.reacting(&words) {
            return None;
        }
        let span = self.tokens()[at].span.clone();
        Some(Credit {
            identity,
            via: Via::Headline,
            cue: Some(span),
        })
    }

    /// A quotation with no cue of its own, in a paragraph that has already
    /// said who speaks in it (`She said the rain had barely registered at
    /// the reservoir, which Tarnside says is a quarter full. “Even a wet
    /// autumn will not refill Carrick.”`): the subject of the paragraph's
    /// first speech verb, as before a quotation in its own sentence.
    ///
    /// Failing a speech verb, the sentence's subject, when it is a pronoun
    /// or a description of someone the article has already quoted ("The
    /// same executive raised questions ...").
    ///
    /// Only a quotation that is a sentence of its own, right after the
    /// sentence that says so: a quotation inside a sentence ("The Health
    /// Secretary's promise — "..." — now rings hollow") or after one about
    /// something else ("Then the mayor arrived.") is no one's by this rule.
    fn paragraph_speaker(&self, chain: Range<usize>, earlier: &[Option<Credit>]) -> Option<Credit> {
        let open = self.quoted.marks[chain.start].open;
        let paragraph = self.paragraph_of(open).saturating_sub(1);
        let mut floor = self.token_at(self.paragraphs[paragraph]);
        // A quotation that opens its paragraph follows the last sentence
        // of the paragraph before ("Dan Okafor said the council would
        // publish the list. ⏎ "I am sorry ..."").
        // (A sentence that ends with its mark: a headline or a standfirst,
        // "Jess Whitlock reconstructs what went wrong – and asks who pays",
        // is not one.)
        // (A live blog's time stamp may stand first: "18:22 "...".")
        let lead = self.reader.text[self.paragraphs[paragraph]..open].trim();
        let opens = lead.is_empty() || is_timestamp(lead);
        let mut later = None;
        let mut ceiling = self.token_at(open);
        // (Nor when the quotation's own paragraph goes on to name someone:
        // ""..." Leanne Whitlock, a mother of three, is unconvinced.")
        if opens && paragraph > 0 {
            let before = floor.checked_sub(1)?;
            if !self.reader.gap_after(before).contains(['.', '!', '?']) {
                return None;
            }
            let close = self.quoted.marks[chain.end - 1].outer().end;
            let paragraph_end = self
                .paragraphs
                .get(paragraph + 1)
                .copied()
                .unwrap_or(self.reader.text.len());
            later = self.first_mention(self.words_between(close, paragraph_end).into_iter());
            ceiling = floor;
            floor = self.token_at(self.paragraphs[paragraph - 1]);
        }
        // The paragraph's words before the quotation, walked back from it
        // only as far as the sentence before (not from the paragraph's
        // start: a one-line article of many quotations stays linear).
        let mut back = (floor..ceiling)
            .rev()
            .filter(|&i| self.tokens()[i].is_word() && !self.reader.is_quoted(i));
        let last = back.next()?;
        if !self.reader.sentence_ends_after(last) {
            return None;
        }
        let mut words: Vec<usize> = back
            .take_while(|&i| !self.reader.sentence_ends_after(i))
            .collect();
        words.reverse();
        words.push(last);
        // (Past a live blog's time stamp: "18:21 Marcus Adeyemi has just
        // stood up to apologise.")
        let mut stamp = words
            .iter()
            .take_while(|&&w| self.reader.key(w).bytes().all(|b| b.is_ascii_digit()))
            .count();
        // ("11.12 GMT — ...": and its time zone.)
        if stamp > 0
            && let Some(&zone) = words.get(stamp)
            && is_time_zone(&self.reader.text[self.tokens()[zone].span.clone()])
        {
            stamp += 1;
        }
        if stamp > 0 && stamp < words.len() {
            words.drain(..stamp);
        }
        let first = *words.first()?;
        // A sentence that gives no comment ("Greg Threlfall declined to
        // comment.", "Dan Okafor has not replied.") or points to a sign
        // ("She pointed to a notice taped to the railings.") is followed by
        // someone else's words.
        let key = |i: usize| self.reader.key(i);
        let no_comment = words.iter().enumerate().any(|(k, &w)| {
            NO_COMMENT.contains(&key(w))
                || INSCRIPTIONS.contains(&key(w))
                || (matches!(key(w), "not" | "never") || key(w).ends_with("n't"))
                    && words[k + 1..]
                        .iter()
                        .take(2)
                        .any(|&r| REPLIES.contains(&key(r)))
        });
        if no_comment {
            return None;
        }
        let credit = words
            .iter()
            .find_map(|&v| {
                if !self.reader.is_speech_verb(v) {
                    return None;
                }
                let m = self.subject_of(v, first)?;
                self.credit(&m, Some(v))
            })
            .or_else(|| self.owned_words(&words))
            .or_else(|| {
                // A live blog's "More from the minister, who has just
                // announced a taskforce." (after its time stamp).
                let more = words
                    .iter()
                    .take(MAX_LEAD_WORDS)
                    .position(|&w| self.reader.key(w) == "more")?;
                let from = *words.get(more + 1)?;
                // (Not "More from our reporter Tom Pryce, who has been
                // speaking to parents".)
                if self.reader.key(from) != "from" || self.reader.key_at(from + 1) == "our" {
                    return None;
                }
                let m = self.reader.mention_starting(*words.get(more + 2)?)?;
                self.credit(&m, None)
            })
            .or_else(|| {
                // "The same executive raised questions about the authority's
                // line on jobs. "Privately the port told us ..."": the
                // sentence's subject, when it refers back to someone the
                // article has quoted. (A name there is news about them: "Tom
                // Hargreaves pressed the minister. "..."" is the minister's
                // answer; "It was the third closure." is no one.)
                let m = self.first_mention(std::iter::once(first))?;
                // ... and hands over to no one ("The campaigner then handed
                // the microphone to Helen Okafor.").
                if m.reference == Reference::Pronoun("it") {
                    return None;
                }
                let credit = self.credit(&m, None)?;
                // (Their own "her words" hands over to no one.)
                // (An owner is no one who takes over: "at the council's
                // jobs fair".)
                // (Past a description set off after the subject: "Samir
                // Haddad, a retired haulier who chairs the committee, made
                // the road his cause.", and past where they are from and a
                // relative clause about them: "Callum Breck of the
                // seafarers' union, who represents the crews, has taken the
                // microphone.")
                let mut predicate = m.tokens.end;
                if matches!(self.reader.key_at(predicate), "of" | "at" | "from")
                    && !self.reader.gap_after(predicate - 1).contains(',')
                    && let Some(from) = self.reader.mention_starting(predicate + 1)
                {
                    predicate = from.tokens.end;
                }
                if self.reader.gap_after(predicate - 1).contains(',')
                    && let Some(&close) = words
                        .iter()
                        .find(|&&w| w >= predicate && self.reader.gap_after(w).contains(','))
                {
                    predicate = close + 1;
                }
                // (Nor where they were: "did not mince his words at
                // Friday's meeting of Kestleigh District Council"; but
                // someone beside them may speak: "sat beside Leanne
                // Whitlock".)
                let whereabouts = |other: &Mention| {
                    let mut place = false;
                    for &w in words
                        .iter()
                        .filter(|&&w| w >= predicate && w < other.tokens.start)
                    {
                        let key = self.reader.key(w);
                        // (A clause or an agent after the place is no place:
                        // "was at the school gates when Leanne Whitlock
                        // confronted him", "heckled at the meeting by".)
                        if matches!(key, "at" | "in" | "during") {
                            place = true;
                        } else if (lexicon::is_preposition(key) && key != "of")
                            || key == "by"
                            || lexicon::is_subordinator(key)
                            || lexicon::is_relative(key)
                            || self.reader.gap_after(w).contains(',')
                        {
                            place = false;
                        }
                    }
                    place
                };
                let hands_over = self
                    .first_mention(words.iter().copied().filter(|&w| w >= predicate))
                    .filter(|other| !self.reader.key(other.tokens.end - 1).ends_with("'s"))
                    .is_some_and(|other| {
                        !whereabouts(&other) && self.someone_else(&other, &credit.identity)
                    });
                // ... nor meets anyone ("Priya Nair met union
                // representatives on Friday.").
                // (Not someone speaking to them: "has just stood up to
                // apologise to residents".)
                // ("meeting" as a verb only: not "at Friday's emergency
                // meeting of the district council".)
                let meeting = words.iter().any(|&w| {
                    w >= predicate
                        && match self.reader.key(w) {
                            "met" | "meets" | "visited" | "visits" | "joined" | "joins" => true,
                            "meeting" => lexicon::is_auxiliary(self.reader.key(w - 1)),
                            _ => false,
                        }
                });
                let meets = meeting
                    && words.iter().any(|&w| {
                        w >= predicate
                            && lexicon::is_role(self.reader.key(w))
                            && !self.reader.key(w).ends_with("'s")
                    });
                if hands_over || meets {
                    return None;
                }
                // Someone alone in their sentence, about how they took what
                // went before ("Jo Maitland, at the back of the hall, was
                // unmoved.", "She did not mince her words."), has the words
                // that follow.
                // (Not someone asking: "Tom Hargreaves wanted to know when
                // flights would resume." is followed by the answer.)
                let asks = words.iter().any(|&w| ASKING.contains(&self.reader.key(w)))
                    || self.reader.gap_after(last).contains('?');
                if matches!(
                    m.via,
                    Via::Name | Via::Surname | Via::Alias | Via::Unlisted | Via::Pronoun
                ) {
                    return (!asks).then_some(credit);
                }
                earlier
                    .iter()
                    .flatten()
                    .any(|c| c.identity == credit.identity)
                    .then_some(credit)
            })?;
        // (Someone else named after it: "... is unconvinced.")
        let other = later.is_some_and(|m| self.someone_else(&m, &credit.identity));
        (!other).then_some(credit)
    }

    /// Does `m` name someone other than `identity` (or no one the article
    /// can say)?
    fn someone_else(&self, m: &Mention, identity: &Identity) -> bool {
        self.credit(m, None).is_none_or(|c| c.identity != *identity)
    }

    /// The credit for a verbatim run printed without quotation marks: a
    /// cue before it in its sentence ("TOM HARGREAVES: Well, the minister
    /// told me herself, I have asked ..." is the minister), else in a
    /// transcript the speaker its paragraph opens with ("DAME PRIYA DESAI:
    /// Well, first of all ... I have asked for a rapid review ...").
    pub fn credit_span(&self, span: Range<usize>) -> Option<Credit> {
        self.cue_before(span.start)
            .or_else(|| self.transcript_speaker(span.start))
    }

    /// The speaker of the transcript turn holding byte `at`: the label
    /// opening its paragraph, a name in capitals and a colon ("RHYS COOK:
    /// It does."); or, for a paragraph with no label of its own, the turn
    /// it continues (a speaker's answer printed as two paragraphs).
    fn transcript_speaker(&self, at: usize) -> Option<Credit> {
        let paragraph = self.paragraph_of(at).saturating_sub(1);
        // Back to the turn's label, over paragraphs that open with none (a
        // label in other letters, "Helen Okafor:", is another turn, whose
        // speaker is not known).
        // A turn runs on only through plain speech: not past a paragraph
        // that names someone or reports speech ("Let me read you what the
        // trust told the committee in writing." introduces the trust's
        // words; "That exchange was the closest Raman came to an
        // apology. Dan Okafor went further" is the reporter's).
        for p in (paragraph.saturating_sub(MAX_TURN_PARAGRAPHS)..=paragraph).rev() {
            if self.label_prefix(p).is_some() {
                let (after, m) = self.label(p)?;
                if p < paragraph && !self.plain_speech(after, p) {
                    return None;
                }
                return self.credit(&m, None);
            }
            if p < paragraph && !self.plain_speech(self.paragraphs[p], p) {
                return None;
            }
        }
        None
    }

    /// Does paragraph `p`, from byte `from`, name no one and report no
    /// speech outside quotation marks?
    fn plain_speech(&self, from: usize, p: usize) -> bool {
        let end = self
            .paragraphs
            .get(p + 1)
            .copied()
            .unwrap_or(self.reader.text.len());
        let words = self.words_between(from, end);
        // (The speaker's own speech is plain: "But I'll say what I said on
        // Sunday, because people keep asking me".)
        let own = |v: usize| {
            v > 0
                && matches!(
                    self.reader.key(v - 1),
                    "i" | "we" | "i'll" | "we'll" | "i've" | "we've"
                )
        };
        words.iter().all(|&w| {
            (!self.reader.is_speech_verb(w) || own(w))
                && self
                    .reader
                    .mention_starting(w)
                    .is_none_or(|m| !matches!(m.reference, Reference::Identity(_)))
        })
    }

    /// A short prefix and a colon opening paragraph `p` (an index into
    /// `paragraphs`): where the colon is, and the prefix.
    fn label_prefix(&self, p: usize) -> Option<(usize, &str)> {
        let text = self.reader.text;
        let start = *self.paragraphs.get(p)?;
        let end = self.paragraphs.get(p + 1).copied().unwrap_or(text.len());
        // A label is short: looking no further than its longest keeps a
        // paragraph of many runs linear.
        let mut head = end.min(start + MAX_TRANSCRIPT_LABEL_BYTES);
        while !text.is_char_boundary(head) {
            head -= 1;
        }
        let colon = start + text[start..head].find(':')?;
        let label = text[start..colon].trim();
        let words = label.split_whitespace().count();
        (1..=MAX_TRANSCRIPT_LABEL_WORDS)
            .contains(&words)
            .then_some((colon, label))
    }

    /// The transcript label opening paragraph `p`, a name in capitals:
    /// where its colon ends, and the name it holds.
    fn label(&self, p: usize) -> Option<(usize, Mention)> {
        let (colon, label) = self.label_prefix(p)?;
        let capitals = label.chars().any(char::is_alphabetic)
            && label
                .chars()
                .all(|c| c.is_uppercase() || !c.is_alphabetic());
        if !capitals {
            return None;
        }
        let first = self.token_at(self.paragraphs[p]);
        let m = self
            .first_mention((first..self.token_at(colon)).filter(|&i| self.tokens()[i].is_word()))?;
        Some((colon + 1, m))
    }

    /// In a transcript, whom `you` addresses: the speaker of the last turn
    /// before paragraph `p` that is not the speaker of `p` itself
    /// ("PRIYA RAMAN: Good evening. ⏎ JO MAITLAND: Professor, you told MPs
    /// ..." is Raman).
    fn addressee(&self, p: usize) -> Option<Credit> {
        let (_, speaker) = self.label(p)?;
        (p.saturating_sub(MAX_TURN_PARAGRAPHS)..p)
            .rev()
            .filter_map(|q| self.label(q))
            .find(|(_, m)| m.reference != speaker.reference)
            .and_then(|(_, m)| self.credit(&m, None))
    }

    fn cue_for_chain(&self, chain: Range<usize>) -> Option<Credit> {
        let marks = &self.quoted.marks;
        let last = &marks[chain.end - 1];
        let after_end = marks
            .get(chain.end)
            .map_or(self.reader.text.len(), |q| q.open);
        let after = self.cue_after(last.outer().end, after_end);
        // `One teacher said: "... would be noted." FVLT said it "does not
        // monitor ..."`: a sentence after the words that leads on to
        // quotations of its own is their cue; the words' own cue before
        // them stands.
        if after.is_some()
            && self.leads_on(last.outer().end, after_end)
            && let Some(before) = self.cue_before(marks[chain.start].open)
        {
            return Some(before);
        }
        after
            .or_else(|| {
                chain
                    .clone()
                    .skip(1)
                    .find_map(|q| self.cue_after(marks[q - 1].outer().end, marks[q].open))
            })
            .or_else(|| self.cue_before(marks[chain.start].open))
    }

    /// Do the words of a quotation closing at byte `from` end with a
    /// sentence's stop (`"... would be noted."`)?
    fn quotation_ended_sentence(&self, from: usize) -> bool {
        self.reader.text[..from]
            .trim_end_matches(|c: char| c.is_whitespace() || crate::quotations::is_mark(c))
            .ends_with(['.', '!', '?'])
    }

    /// Does the sentence after a quotation that ended its own sentence
    /// (closing at byte `from`) run on into the next quotation, at byte
    /// `next`, in the same paragraph?
    fn leads_on(&self, from: usize, next: usize) -> bool {
        if !self.quotation_ended_sentence(from)
            || next >= self.reader.text.len()
            || self.paragraph_of(from) != self.paragraph_of(next)
        {
            return false;
        }
        let (start, end) = (self.token_at(from), self.token_at(next));
        start < end && (start..end).all(|i| !self.reader.sentence_ends_after(i))
    }

    /// A quotation standing alone in its paragraph, with no other cue,
    /// credited on the line under it: ""..." ⏎ — Richard Calloway, Bellgrove
    /// Care chief executive". The line is a name and its description, not a
    /// sentence ("— Tom Pryce contributed reporting", "— Additional
    /// reporting by Tom Pryce").
    fn dash_line(&self, chain: Range<usize>) -> Option<Credit> {
        let marks = &self.quoted.marks;
        let close = marks[chain.end - 1].outer().end;
        let paragraph = self.paragraph_of(close.saturating_sub(1));
        let paragraph_end = *self.paragraphs.get(paragraph)?;
        let open = marks[chain.start].open;
        // (One paragraph holds the whole quotation.)
        if self.paragraph_of(open) != paragraph || close > paragraph_end {
            return None;
        }
        let start = self.paragraphs[paragraph.checked_sub(1)?];
        let alone = !self.reader.text[start..open]
            .chars()
            .chain(self.reader.text[close..paragraph_end].chars())
            .any(char::is_alphanumeric);
        let dash = self.reader.text[paragraph_end..]
            .trim_start()
            .starts_with(['—', '–']);
        if !alone || !dash {
            return None;
        }
        let next = self.token_at(paragraph_end);
        let m = self.reader.mention_starting(next)?;
        let last = m.tokens.end - 1;
        let set_off = last + 1 >= self.tokens().len()
            || self.reader.gap_after(last).contains(',')
            || self.reader.breaks_paragraph(self.reader.gap_after(last));
        (set_off && self.names(&m))
            .then(|| self.credit(&m, None))
            .flatten()
    }

    /// Turns a mention found at a cue into a credit.
    fn credit(&self, m: &Mention, verb: Option<usize>) -> Option<Credit> {
        let at = m.tokens.start;
        if let Some(body) = self.spoken_for(m) {
            return self.credit(&body, verb);
        }
        let identity = match &m.reference {
            Reference::Identity(id) => self.known_as(id.clone(), m.tokens.start),
            Reference::Definite { role, text } => {
                self.resolve_definite(&self.history, at, role, text)
            }
            Reference::Pronoun(p) => {
                resolve_pronoun(&self.history, at, self.token_paragraph(at), p, false)?
            }
        };
        let tokens = self.tokens();
        let mut start = tokens[m.tokens.start].span.start;
        let mut end = tokens[m.tokens.end - 1].span.end;
        if let Some(v) = verb {
            start = start.min(tokens[v].span.start);
            end = end.max(tokens[v].span.end);
        }
        Some(Credit {
            identity,
            via: m.via,
            cue: Some(start..end),
        })
    }

    /// A cue after a quotation, in the words from byte `from` to `to`.
    fn cue_after(&self, from: usize, to: usize) -> Option<Credit> {
        // The words up to the end of the paragraph and of the sentence,
        // walked from `from`: `to` is often the end of the article, and
        // listing every word up to it cost more than the rest of this.
        let paragraph_end =
            if self.paragraph_of(from) != self.paragraph_of(to.saturating_sub(1).max(from)) {
                self.paragraphs
                    .get(self.paragraph_of(from))
                    .copied()
                    .unwrap_or(to)
            } else {
                usize::MAX
            };
        let mut words = Vec::new();
        for i in self.token_at(from)..self.token_at(to) {
            if !self.tokens()[i].is_word() || self.reader.is_quoted(i) {
                continue;
            }
            if self.tokens()[i].span.start >= paragraph_end {
                break;
            }
            words.push(i);
            if self.reader.sentence_ends_after(i) {
                break;
            }
        }
        let first = *words.first()?;
        // ""...", and Sato says she agrees with every word": someone else's
        // clause after the words, not their cue.
        if matches!(self.reader.key(first), "and" | "but") {
            return None;
        }
        // ""..." The soigneur who first said those words to the Echo still
        // works in the sport.": the next sentence names who said them.
        if let Some(m) = self.reader.mention_starting(first)
            && lexicon::is_relative(self.reader.key_at(m.tokens.end))
            && let Some(k) = words.iter().position(|&w| w == m.tokens.end)
            && words[k + 1..]
                .iter()
                .take(3)
                .any(|&v| self.reader.is_speech_verb(v))
            && words[k + 1..].iter().take(6).any(|&w| {
                matches!(
                    self.reader.key(w),
                    "words" | "it" | "this" | "that" | "them"
                )
            })
        {
            return self.credit(&m, None);
        }
        if matches!(self.reader.key(first), "that" | "this")
            && words
                .get(1)
                .is_some_and(|&w| matches!(self.reader.key(w), "was" | "is"))
        {
            // ""..." That was Sian Maddox's verdict on Monday.": the owner
            // of the words the next sentence names.
            if let Some(m) = self.words_owner(&words[2..]) {
                return self.credit(&m, None);
            }
            // ""..." — that was the council leader, Tom Bradley, on this
            // programme on Sunday.": a broadcast's way of saying who spoke.
            if let Some(m) = words.get(2).and_then(|&w| self.reader.mention_starting(w))
                && !self.reader.key(m.tokens.end - 1).ends_with("'s")
            {
                return self.credit(&self.named(m), None);
            }
        }
        // `"... knows it". Westmere says crewing meets the rules.`: the
        // sentence ended with the quotation; what follows is news of its own.
        // (Not `"..."? Kovac asked.` or an ellipsis.)
        let lead = self.reader.text[from..self.tokens()[first].span.start].trim_start();
        if lead.starts_with('.') && !lead.starts_with("..") && !lead.starts_with(". .") {
            return None;
        }
        // "...", a claim the authority disputes: someone answering the
        // words, not saying them.
        if matches!(self.reader.key(first), "a" | "an" | "the")
            && words
                .get(1)
                .is_some_and(|&w| REACTION_NOUNS.contains(&self.reader.key(w)))
            && words
                .iter()
                .take(8)
                .any(|&w| lexicon::is_rebuttal(self.reader.key(w)))
        {
            return None;
        }
        // "...," Colm Brennan, whose daughter was taken to hospital on the
        // night of the leak, told a public meeting: a subject and a long
        // parenthetical before the verb.
        if !self.quotation_ended_sentence(from)
            && let Some(m) = self.reader.mention_starting(first)
            && matches!(m.reference, Reference::Identity(_))
            && let Some(v) = self.speech_verb_after(m.tokens.end)
            && words.contains(&v)
            && words[..words.iter().position(|&w| w == v).unwrap_or(0)].len()
                >= MAX_WORDS_TO_AFTER_CUE
        {
            return self.credit(&self.named(m), Some(v));
        }
        // "...," according to a person familiar with the investigation.
        if words.len() > 2
            && self.reader.key(first) == "according"
            && self.reader.key(words[1]) == "to"
        {
            // "..., according to the council's director of environmental
            // health, Dr Helen Okafor": the name beside the description.
            let m = self
                .reader
                .mention_starting(words[2])
                .filter(|m| self.names(m))
                .or_else(|| {
                    let comma = words[2..]
                        .iter()
                        .position(|&w| self.reader.gap_after(w).contains(','))?;
                    let m = self.reader.mention_starting(*words.get(comma + 3)?)?;
                    // The name ends the cue: not "a union official, Sian
                    // Maddox's brother" or "the union, Tom Hargreaves said".
                    (self.names(&m) && m.tokens.end > *words.last()?).then_some(m)
                })
                .or_else(|| self.reader.mention_starting(words[2]))?;
            return self.credit(&m, Some(first));
        }
        // "...," as their flight operations boss Captain Rhys Callaghan put it.
        // (Not `"..." As Tom Hargreaves put it, "..."`: a new sentence.)
        if self.reader.key(first) == "as"
            && !self.reader.capitalized(first)
            && let Some(credit) = self.as_put_it(&words[..words.len().min(MAX_WORDS_TO_AFTER_CUE)])
        {
            return Some(credit);
        }
        // "..." — Jen Psaki
        let lead = &self.reader.text[from..self.tokens()[first].span.start];
        // (Not a clause about the words: "‘...’ – Kestleigh has heard
        // promises like that before".)
        if lead.trim().starts_with(['—', '–', '-']) {
            let m = self.reader.mention_starting(first).filter(|m| {
                let last = m.tokens.end - 1;
                last + 1 >= self.tokens().len()
                    || !self.reader.gap_after(last).chars().all(|c| c == ' ')
                    || !lexicon::is_auxiliary(self.reader.key(last + 1))
                    // (A clause of their speaking is still theirs: "– Hale
                    // has been saying that since Monday".)
                    || (last + 1..last + 5)
                        .take_while(|&w| w < self.tokens().len())
                        .find(|&w| {
                            let key = self.reader.key(w);
                            !lexicon::is_auxiliary(key)
                                && !lexicon::is_adverbial(key)
                                && !matches!(key, "been" | "since" | "just" | "still")
                        })
                        .is_some_and(|w| {
                            self.reader.is_speech_verb(w)
                                || matches!(self.reader.key(w), "speaking" | "spoke" | "speaks")
                        })
            });
            return m.and_then(|m| self.credit(&m, None));
        }
        for (n, &v) in words.iter().enumerate().take(MAX_WORDS_TO_AFTER_CUE) {
            // ""This administration," he read, "has spent ..."": someone
            // reading out words is their speaker here (before a quotation,
            // "It read:" may be a sign's).
            // (Not "read from the minister's letter": someone else's words.)
            let read = n > 0
                && self.reader.key(v) == "read"
                && !words[n + 1..]
                    .iter()
                    .take(2)
                    .any(|&w| self.reader.key(w) == "from");
            if !(self.reader.is_speech_verb(v) || read)
                || lexicon::is_participle(self.reader.key(v))
            {
                continue;
            }
            let subject = (n > 0)
                .then(|| self.subject_of(v, first))
                .flatten()
                .or_else(|| {
                    // "said the club captain, Tomás Oliveira,": the name.
                    // "... and said Orbisfare would co-operate": the
                    // subject of what was said.
                    let m = self.reader.mention_starting(v + 1).filter(|m| {
                        words.contains(&m.tokens.start)
                            && !self.is_object(m)
                            && !self.clause_follows(m)
                    })?;
                    Some(self.named(m))
                })
                .or_else(|| self.one_of(v + 1));
            // After a quotation that ends its own sentence (`"... matter."
            // The mayor said he knew it`), a capitalized word starts a new
            // sentence: a cue there must be short (`"..." Lindqvist said.`),
            // not a new statement about someone.
            let quotation_ended = self.reader.text[..from]
                .trim_end_matches(|c: char| c.is_whitespace() || crate::quotations::is_mark(c))
                .ends_with(['.', '!', '?']);
            let short = words.len() <= n + 1 + MAX_WORDS_AFTER_SHORT_CUE;
            if quotation_ended && self.reader.capitalized(first) && !short {
                return None;
            }
            return subject.and_then(|m| self.credit(&m, Some(v)));
        }
        None
    }

    /// The subject of the speech verb at token `v`, no earlier than token
    /// `floor`: skipping adverbials (`on Sunday`) and one parenthetical
    /// (`a US official, speaking on condition of anonymity, said`). When the
    /// parenthetical is the name of a description before it (`A picket
    /// captain, Luis Ferreira, said`), the name is the subject; a noun in a
    /// prepositional phrase is not (`a senior official in the state health
    /// department said`).
    fn subject_of(&self, v: usize, floor: usize) -> Option<Mention> {
        let skip_adverbials = |mut end: usize| {
            let mut skipped = 0;
            while end > floor && skipped < 3 && lexicon::is_adverbial(self.reader.key(end - 1)) {
                end -= 1;
                skipped += 1;
            }
            end
        };
        // A comma right before the verb ("Blinken, who met Lavrov on Friday,
        // said"), or before its auxiliaries ("Dr. Ada Okoro, the city's
        // public health director, has said") closes a parenthetical.
        let comma_before = |end: usize| end > floor && self.reader.gap_after(end - 1).contains(',');
        let mut end = if comma_before(v) {
            v
        } else {
            skip_adverbials(v)
        };
        // The comma that opens the parenthetical ending at `end`, and the
        // mention the parenthetical is, if it is one.
        let parenthetical = |end: usize| {
            let open = (floor..end - 1)
                .rev()
                .take(MAX_PARENTHETICAL_WORDS)
                .find(|&k| self.reader.gap_after(k).contains(','))?;
            let m = self
                .reader
                .mention_starting(open + 1)
                .filter(|m| m.tokens.end == end);
            Some((open, m))
        };
        let mut inner = None;
        if comma_before(end) {
            let (mut open, m) = parenthetical(end)?;
            // "The company, which runs branches across England, Scotland
            // and Wales, said", "Brightwing Airways, whose chief executive,
            // Marcus Hale, sat beside him, said": commas inside a relative
            // clause; the clause opens at the comma before its relative
            // pronoun.
            if m.is_none()
                && !lexicon::is_relative(self.reader.key(open + 1))
                && let Some(relative) = (floor..open)
                    .rev()
                    .take(MAX_PARENTHETICAL_WORDS)
                    .take_while(|&k| !self.reader.sentence_ends_after(k))
                    .find(|&k| {
                        self.reader.gap_after(k).contains(',')
                            && matches!(self.reader.key(k + 1), "which" | "who" | "whose")
                    })
                && self
                    .reader
                    .mention_ending(relative + 1)
                    .is_some_and(|h| h.tokens.start == floor || self.opens_clause(h.tokens.start))
            {
                open = relative;
            }
            inner = m;
            end = skip_adverbials(open + 1);
            // "Sian Maddox, regional organiser at the union, which represents
            // ground staff, blamed": a relative clause about the noun of an
            // apposition, which stands between it and its head.
            let relative = lexicon::is_relative(self.reader.key(open + 1))
                || self.reader.key(open + 1) == "where";
            // The head must open the sentence or its clause (not "In a
            // statement from Sian Maddox, the union, which ..., said",
            // "Contacted by the Calder Echo, the council, which ..., said").
            // The apposition is a bare or indefinite description ("regional
            // organiser at the union", "a spokeswoman at the ministry"): one
            // with "the" or a name ("Like Tom Hargreaves, the union, which
            // ...") is the subject itself.
            if relative
                && comma_before(end)
                && let Some((open, apposition)) = parenthetical(end)
                && (!self.reader.is_determiner(open + 1)
                    || matches!(self.reader.key(open + 1), "a" | "an"))
                && !self.reader.capitalized(open + 1)
                && let head_end = skip_adverbials(open + 1)
                && self.reader.mention_ending(head_end).is_some_and(|m| {
                    let start = m.tokens.start;
                    (start == floor || self.opens_clause(start))
                        && !(m.via == Via::Unlisted && m.tokens.len() == 1)
                })
            {
                inner = apposition;
                end = head_end;
            }
        }
        let Some(mut subject) = self
            .reader
            .mention_ending(end)
            .filter(|m| m.tokens.start >= floor)
        else {
            // "The report said": the document the article gave an owner
            // just before.
            // ("The IOPC report found that": the body named before it.)
            if end > floor
                && lexicon::is_document(self.reader.key(end - 1))
                && let Some(owner) = self
                    .reader
                    .document_owner(end - 1)
                    .filter(|m| m.via != Via::Pronoun && m.tokens.start >= floor)
                    .or_else(|| self.earlier_owner(end - 1))
            {
                return Some(owner);
            }
            // "Skylark's director of flight operations, Captain Rhys
            // Callaghan, said": a description the reader does not take
            // for one, and the name in apposition to it.
            return inner.filter(|m| self.names(m));
        };
        // "Chief Fire Officer Martin Cole of Wexmoor Fire and Rescue
        // Service told": a body's name with "and" in it is one name, and
        // the head before it speaks (not "Rescue Service").
        if let Some(name_start) = self.name_with_and(subject.tokens.start, floor)
            && lexicon::is_preposition(self.reader.key(name_start - 1))
        {
            subject.tokens.start = name_start;
        }
        // "[a senior official] in [the state health department] said",
        // "[A pharmacist] with more than a decade at [the company], who ...,
        // said": the head before the prepositional phrases.
        while subject.tokens.start > floor + 1
            && lexicon::is_preposition(self.reader.key(subject.tokens.start - 1))
            && let Some(head) = (floor + 1..subject.tokens.start)
                .rev()
                .take(MAX_PREPOSITIONAL_WORDS)
                .take_while(|&p| !self.reader.gap_after(p).contains([',', ';', ':']))
                // ("One of your own inspectors has told journalists": one of
                // them is the description after "of".)
                .take_while(|&p| {
                    !(self.reader.key(p) == "of"
                        && matches!(self.reader.key(p - 1), "one" | "some" | "many" | "several"))
                })
                .filter(|&p| lexicon::is_preposition(self.reader.key(p)))
                .find_map(|p| {
                    self.reader
                        .mention_ending(p)
                        .filter(|m| m.tokens.start >= floor)
                })
        {
            subject = head;
        }
        // "Priya Raman (KMT), which runs the buses, said": what stands in
        // brackets after a name is an abbreviation or an affiliation.
        if subject.tokens.start > floor
            && self
                .reader
                .gap_after(subject.tokens.start - 1)
                .contains('(')
            && let Some(head) = self
                .reader
                .mention_ending(subject.tokens.start)
                .filter(|m| m.tokens.start >= floor)
        {
            subject = head;
        }
        // "the bank's chief executive, Marcus Whitcombe, said": the name in
        // apposition decides over the title or description before it.
        let is_name = |m: &Mention| matches!(m.via, Via::Name | Via::Surname | Via::Unlisted);
        match inner {
            Some(name) if !is_name(&subject) && self.names(&name) => Some(name),
            _ => Some(subject),
        }
    }

    /// Where a capitalized name that holds "and" begins, when the mention
    /// starting at `start` is its part after "and" ("Wexmoor Fire and
    /// Rescue Service", "the Maritime and Seafarers' Union").
    fn name_with_and(&self, start: usize, floor: usize) -> Option<usize> {
        if start < floor + 3 || self.reader.key(start - 1) != "and" {
            return None;
        }
        let joined = |k: usize| self.reader.gap_after(k).trim().is_empty();
        let mut first = start - 1;
        while first > floor + 1
            && self.reader.capitalized(first - 1)
            && joined(first - 1)
            && start - first <= MAX_WORDS_BEFORE_AND
        {
            first -= 1;
        }
        // ("of the Transport and General Workers Union")
        if first < start - 1 && first > floor + 1 && self.reader.key(first - 1) == "the" {
            first -= 1;
        }
        (first < start - 1).then_some(first)
    }

    /// The "that" of "is right that", "was very clear that" when token `v`
    /// is its verb (see [`lexicon::is_stance`]). Not after "it" ("it is
    /// clear that" is the writer's).
    fn stance_that(&self, v: usize) -> Option<usize> {
        let key = |i: usize| self.reader.key_at(i);
        if !matches!(key(v), "is" | "was" | "are" | "were") || v == 0 || key(v - 1) == "it" {
            return None;
        }
        let mut at = v + 1;
        while at < v + 3
            && matches!(
                key(at),
                "very" | "quite" | "absolutely" | "entirely" | "perfectly" | "equally" | "so"
            )
        {
            at += 1;
        }
        if !lexicon::is_stance(key(at)) {
            return None;
        }
        // "was very clear yesterday that"
        let mut that = at + 1;
        // ... "is right, too, that"
        while that < at + 3
            && matches!(
                key(that),
                "yesterday" | "today" | "again" | "now" | "then" | "too" | "also"
            )
        {
            that += 1;
        }
        (key(that) == "that").then_some(that)
    }

    /// "As Antony Blinken put it" among `words`: the subject of "put", or
    /// the one "as" introduces when a relative clause stands between ("As
    /// one engineer who has worked on that airfield put it").
    fn as_put_it(&self, words: &[usize]) -> Option<Credit> {
        let key = |i: usize| self.reader.key(i);
        let k = words
            .windows(2)
            .position(|w| matches!(key(w[0]), "put" | "puts" | "putting") && key(w[1]) == "it")?;
        let put = words[k];
        let m = self.subject_of(put, words[0]).or_else(|| {
            let after_as = words[..k].iter().position(|&w| key(w) == "as")? + 1;
            let m = self.reader.mention_starting(*words.get(after_as)?)?;
            (m.tokens.end < put && matches!(key(m.tokens.end), "who" | "which" | "that"))
                .then_some(m)
        })?;
        self.credit(&m, Some(put))
    }

    /// Does `m` name someone rather than describe them: a name, listed or
    /// not, or a listed alias written as a name ("Captain Rhys Callaghan"
    /// listed as an alias of "Rhys Callaghan")?
    fn names(&self, m: &Mention) -> bool {
        matches!(m.via, Via::Name | Via::Surname | Via::Unlisted)
            || (m.via == Via::Alias
                && matches!(m.reference, Reference::Identity(Identity::Listed(_)))
                && m.tokens
                    .clone()
                    .any(|t| self.reader.capitalized(t) && !lexicon::is_title(self.reader.key(t))))
    }

    /// A cue before the quotation opening at byte `open`, in its sentence.
    fn cue_before(&self, open: usize) -> Option<Credit> {
        let paragraph = self.paragraph_of(open).saturating_sub(1);
        let mut paragraph_start = self.paragraphs[paragraph].min(open);
        // "Psaki said:⏎“We’re ready ...”": a colon ending the paragraph
        // before introduces a quotation that opens its own.
        if paragraph > 0
            && self.reader.text[paragraph_start..open].trim().is_empty()
            && self.reader.text[self.paragraphs[paragraph - 1]..paragraph_start]
                .trim_end()
                .ends_with(':')
        {
            paragraph_start = self.paragraphs[paragraph - 1];
        }
        // A transcript's label says who speaks the turn, not who speaks the
        // words it quotes ("JO MAITLAND: ... the line that went round every
        // school gate in June: "...""): the turn's text starts after it.
        let turn = self.paragraph_of(paragraph_start).saturating_sub(1);
        let label = self.label(turn).filter(|(after, _)| *after <= open);
        if let Some((after, m)) = &label {
            // ... unless the turn opens with the quotation: "MARGARET
            // LOWELL: "Small units are safe," I have said for years."
            if self.reader.text[*after..open].trim().is_empty() {
                return self.credit(m, None);
            }
            paragraph_start = paragraph_start.max(*after);
        }
        // The sentence that leads to the quotation; a colon right before it
        // ("Psaki said:⏎") does not end that sentence. Sentence ends are
        // looked for among quoted words too ("... were "end of life". Raman
        // told Ms Quinlan that ...").
        // Sentences are short; a cue further back than this is another
        // sentence's, and looking no further keeps long paragraphs linear.
        let window = self.token_at(open).saturating_sub(MAX_SENTENCE_WORDS);
        let all: Vec<usize> = (self.token_at(paragraph_start).max(window)..self.token_at(open))
            .filter(|&i| self.tokens()[i].is_word())
            .collect();
        let introduced = all
            .last()
            .is_some_and(|&w| self.reader.text[self.tokens()[w].span.end..open].contains(':'));
        let search = if introduced {
            all.len().saturating_sub(1)
        } else {
            all.len()
        };
        let sentence_start = all[..search]
            .iter()
            .rposition(|&i| self.reader.sentence_ends_after(i))
            .map_or(paragraph_start, |end| self.tokens()[all[end]].span.end);
        let words = self.words_between(sentence_start, open);
        let first = *words.first()?;
        let last = *words.last()?;
        let key = |i: usize| self.reader.key(i);
        // According to Sergey Lavrov, ...: "..."
        // ... and "In the words of Professor Adeyemi, a monitor "..."".
        let according = words
            .windows(2)
            .position(|w| key(w[0]) == "according" && key(w[1]) == "to")
            .or_else(|| {
                words
                    .windows(4)
                    .position(|w| {
                        key(w[0]) == "in"
                            && key(w[1]) == "the"
                            && key(w[2]) == "words"
                            && key(w[3]) == "of"
                    })
                    .map(|k| k + 2)
            });
        // "The key condition, in the minister's own words:": the owner of
        // the words, as "according to" ("in her words, ...").
        if let Some(&w) =
            words.iter().rev().take(MAX_LEAD_WORDS).find(|&&w| {
                key(w) == "words" && (w + 1..=last).all(|i| !self.reader.is_speech_verb(i))
            })
            && let Some(m) = self.reader.document_owner(w)
            && (m.tokens.start.saturating_sub(2)..m.tokens.start).any(|i| key(i) == "in")
            // (when the article says who that is)
            && let Some(credit) = self.credit(&m, None)
        {
            return Some(credit);
        }
        // "Ms Feld pointed reporters to the commission's written
        // statement:", "he picks up a copy of the company's January
        // statement and reads out the line he has underlined:": words read
        // or pointed to in someone's document are the owner's (when no one
        // speaks after the document).
        if introduced
            && let Some(doc) = words
                .iter()
                .rev()
                .take(MAX_SENTENCE_WORDS)
                .copied()
                .find(|&w| lexicon::is_document(key(w)))
            // (The document read from, not the one reading: "The union's
            // report quotes Helen Okafor's promise:".)
            && words
                .iter()
                .any(|&w| w < doc && DOCUMENT_USES.contains(&key(w)))
            // (Nor when the reader goes on to words of their own: "read the
            // council's statement twice before giving her own verdict:".)
            && !words.iter().any(|&w| {
                w > doc
                    && ((self.reader.is_speech_verb(w) && !DOCUMENT_USES.contains(&key(w)))
                        || matches!(key(w), "before" | "after" | "then" | "own"))
            })
            && let Some(m) = self.reader.document_owner(doc)
            // (Not "she read out her prepared statement": her own words.)
            && m.via != Via::Pronoun
            && let Some(credit) = self.credit(&m, None)
        {
            return Some(credit);
        }
        if let Some(k) = according {
            // "According to the council's own timeline, ...": the document's
            // owner.
            // Not when someone speaks after it: "According to the council's
            // own timeline, Okafor wrote to parents on 4 May:" is Okafor.
            let doc = words[k + 2..]
                .iter()
                .take(MAX_DOCUMENT_OWNER_WORDS)
                .copied()
                .find(|&w| lexicon::is_document(key(w)));
            let document = || {
                let doc = doc?;
                let speaks = words
                    .iter()
                    .any(|&w| w > doc && self.reader.is_speech_verb(w));
                (!speaks).then(|| self.reader.document_owner(doc)).flatten()
            };
            if let Some(m) = words
                .get(k + 2)
                .and_then(|&w| self.reader.mention_starting(w))
                .map(|m| self.named(m))
                .or_else(document)
            {
                return self.credit(&m, Some(words[k]));
            }
            // "According to a statement posted on its website, it "will
            // continue ..."": a document that names no owner; the subject
            // of the clause after it, who goes on to the words.
            if doc.is_some()
                && let Some(c) = words[k..]
                    .iter()
                    .position(|&w| self.reader.gap_after(w).contains(','))
                && let Some(&subject) = words.get(k + c + 1)
                && words.len() - (k + c + 1) <= MAX_LEAD_WORDS
                && let Some(m) = self.first_mention(std::iter::once(subject))
            {
                return self.credit(&m, None);
            }
        }
        // As Antony Blinken put it: "..."
        if let Some(credit) = self.as_put_it(&words) {
            return Some(credit);
        }
        // "Kieran Walsh, described by the club last season as "..."": the
        // one describing, not the one described.
        if key(last) == "as"
            && let Some(&by) = words
                .iter()
                .rev()
                .take(MAX_LEAD_WORDS + 2)
                .find(|&&w| key(w) == "by")
            && by > first
            && DESCRIBED.contains(&key(by - 1))
            && let Some(m) = self.reader.mention_starting(by + 1)
        {
            return self.credit(&self.named(m), Some(by - 1));
        }
        if let Some(m) = self
            .argument_owner(&words)
            .filter(|_| !introduced)
            .or_else(|| self.appositive_owner(&words, open))
        {
            return self.credit(&m, None);
        }
        // The leftmost speech verb with a subject; a participle after a
        // comma has the sentence's subject ("Even Terzi got in on the act,
        // telling a press conference that ...").
        // "Orbisfare has blamed "an expired certificate"": blame is a cue
        // only right before the words (not "which Kovac has blamed for the
        // chaos").
        let cue = |v: usize| {
            self.reader.is_speech_verb(v)
                || (v == last && matches!(self.reader.key(v), "blamed" | "blames"))
        };
        // "Asked about police claims that ..., Carver takes the question:":
        // a leading phrase about the question put holds no cue.
        // The phrase ends at its first comma, or past a relative clause
        // set off after it ("Asked about the claims, which Maitland repeated
        // on Tuesday, Okafor said:"); a quotation inside it belongs to it
        // ("Challenged by Maitland, who said "..."").
        let comma = |from: usize| {
            words[from..]
                .iter()
                .position(|&w| self.reader.gap_after(w).contains(','))
                .map(|c| c + from)
        };
        let phrase_end = comma(0).and_then(|c| match words.get(c + 1) {
            Some(&w) if lexicon::is_relative(key(w)) => comma(c + 1),
            _ => Some(c),
        });
        let asked = match phrase_end {
            // (after a live blog's time stamp: "11.10 Asked about ...")
            Some(c)
                if words[..c.min(3)]
                    .iter()
                    .any(|&w| self.reader.capitalized(w) && LEADING_QUESTION.contains(&key(w)))
                    && c + 1 < words.len() =>
            {
                &words[c + 1..]
            }
            _ => &words[..],
        };
        // "Aldana has also accused his critics of bad timing; on Friday,
        // Aldana said Ibsen "..."": a clause after a semicolon with a cue of
        // its own is the one that leads to the quotation.
        let clause_words = match asked
            .iter()
            .rposition(|&w| w < last && self.reader.gap_after(w).contains(';'))
        {
            Some(s)
                if asked[s + 1..]
                    .iter()
                    .enumerate()
                    .any(|(k, &v)| cue(v) && !self.in_relative_clause(k, &asked[s + 1..])) =>
            {
                &asked[s + 1..]
            }
            _ => asked,
        };
        let clause_first = clause_words[0];
        // "The fire service has declined to respond, but a spokesperson
        // pointed us to what Martin Cole said": a reply refused is no cue.
        let refused = |v: usize| {
            v >= clause_first + 2
                && self.reader.key(v - 1) == "to"
                && NO_COMMENT.contains(&self.reader.key(v - 2))
        };
        // "Firefighters responding to the blaze were praised by Martin
        // Cole:": a participle right after the sentence's subject, with no
        // auxiliary and no comma, describes it; it is no verb of the
        // sentence. (Not "I read Professor Castell in the Gazette saying".)
        let describes = |v: usize| {
            v > clause_first
                && self.reader.key(v).ends_with("ing")
                && !self.reader.gap_after(v - 1).contains(',')
                && !lexicon::is_auxiliary(self.reader.key(v - 1))
                && self
                    .reader
                    .mention_ending(v)
                    .is_some_and(|m| m.tokens.start == clause_first)
        };
        for (k, &v) in clause_words.iter().enumerate() {
            if !cue(v)
                || self.passive(v)
                || refused(v)
                || describes(v)
                || self.in_relative_clause(k, clause_words)
            {
                continue;
            }
            // "In the House on Monday, Mr Lyall went further, saying that":
            // a participle after a comma has the subject of the clause the
            // comma closes.
            if k > 0
                && self.reader.key(v).ends_with("ing")
                && self.reader.gap_after(clause_words[k - 1]).contains(',')
            {
                let clause = clause_words[..k - 1]
                    .iter()
                    .rposition(|&w| self.reader.gap_after(w).contains(','))
                    .map_or(0, |c| c + 1);
                // (A clause after an apposition has no subject of its own:
                // "Its national officer, Dave Hurst, has been blunt about
                // the government, saying" is the officer's.)
                let m = self
                    .first_mention(clause_words[clause..k].iter().copied())
                    .filter(|m| m.tokens.start == clause_words[clause])
                    .or_else(|| {
                        self.first_mention(clause_words[..k].iter().copied())
                            .map(|m| self.named(m))
                    });
                if let Some(m) = m {
                    return self.credit(&m, Some(v));
                }
            }
            // "JO MAITLAND: Professor, you told MPs in June that": the one
            // the turn speaks to.
            if label.is_some() && v > clause_first && self.reader.key(v - 1) == "you" {
                // Named, or titled, as it is addressed: "Minister, you told
                // MPs", "Councillor Okafor, you told parents".
                let vocative = clause_words[..k - 1]
                    .iter()
                    .rposition(|&w| self.reader.gap_after(w).contains(','))
                    .and_then(|c| {
                        let from = clause_words[..c]
                            .iter()
                            .rposition(|&w| self.reader.gap_after(w).contains(['.', ',', '?', '!']))
                            .map_or(0, |b| b + 1);
                        self.reader
                            .mention_starting(clause_words[from])
                            .filter(|m| m.tokens.end == clause_words[c] + 1)
                    })
                    .and_then(|m| self.credit(&m, None));
                if let Some(credit) = vocative.or_else(|| self.addressee(turn)) {
                    return Some(credit);
                }
            }
            if let Some(m) = self.subject_of(v, clause_first) {
                // "The Transport Secretary answered a question, and Nadia
                // Kovac told MPs:": the last clause that says who speaks.
                let later = clause_words[k + 1..].iter().rev().find_map(|&v| {
                    if !self.reader.is_speech_verb(v) || self.passive(v) {
                        return None;
                    }
                    let m = self.subject_of(v, clause_first)?;
                    // ... and leads to the quotation: "and Nadia Kovac told
                    // MPs:", not "and the union said the same on
                    // Wednesday, that".
                    // (", saying:" may follow: "and the union responded
                    // within hours, saying:".)
                    let leads = clause_words.iter().filter(|&&w| w > v).count() <= MAX_LEAD_WORDS
                        && (v..last).all(|w| {
                            !self.reader.gap_after(w).contains([',', ';'])
                                || (w + 1 == last && lexicon::is_participle(self.reader.key(last)))
                        });
                    // "After the council issued a statement on Friday, Sian
                    // Maddox told reporters:": the main clause after a
                    // leading subordinate one.
                    let main = m.tokens.start > 0
                        && self.reader.gap_after(m.tokens.start - 1).contains(',')
                        && lexicon::is_subordinator(self.reader.key(clause_first));
                    // A clause after a subordinator leads to words it
                    // reports with "that" ("after Sian Maddox told a rally
                    // that"); before a colon, the main clause's subject
                    // speaks ("Sian Maddox spoke after Helen Okafor told MPs
                    // on Monday:", "until the council said sorry:").
                    // ... or that it quotes right after its verb: "She points
                    // out that when Anita Brennan said "...", the trust was
                    // the only body to challenge her".
                    let subordinate = m.tokens.start > 0
                        && lexicon::is_subordinator(self.reader.key(m.tokens.start - 1));
                    let reported = !subordinate
                        || self.reader.key(last) == "that"
                        || (v == last && !introduced);
                    ((self.opens_clause(m.tokens.start) || main) && leads && reported)
                        .then_some((m, v))
                });
                if let Some((m, v)) = later {
                    return self.credit(&m, Some(v));
                }
                // "She had been rehearsing her line for days, an aide told
                // me, and she delivered it well:": a later clause with a
                // subject of its own that introduces the quotation.
                // (A coordinated clause only: not "said the intruders had
                // been inside well before the bank spotted them:".)
                // The cue itself is an aside set off by commas (", an aide
                // told me,"): not "Sian Maddox said nobody had been
                // consulted, and the council accepts it:".
                let aside = m.tokens.start > 0
                    && self.reader.gap_after(m.tokens.start - 1).contains(',')
                    && (v..=v + 2)
                        .take_while(|&w| w < self.tokens().len())
                        .any(|w| self.reader.gap_after(w).contains(','));
                if introduced
                    && aside
                    && let Some(p) = clause_words[k + 1..]
                        .iter()
                        .rposition(|&w| self.coordinated(w))
                    && let rest = &clause_words[k + 1 + p..]
                    && rest.len() <= MAX_LEAD_WORDS
                    && rest
                        .iter()
                        .all(|&w| !self.reader.gap_after(w).contains([',', ';']) || w == last)
                    && let Some(later) = self.first_mention(std::iter::once(rest[0]))
                {
                    return self.credit(&later, None);
                }
                return self.credit(&m, Some(v));
            }
            // "The central bank governor, Elena Marsh, was quick to insist":
            // no subject right before the verb; the sentence's subject.
            if let Some(m) = self.first_mention(clause_words.iter().copied().take_while(|&w| w < v))
            {
                return self.credit(&m, Some(v));
            }
        }
        // "The ASD's notice, issued on 28 February, suspended "..."": a
        // document that is the sentence's subject speaks for whoever issued
        // it, whatever its verb.
        if let Some(&doc) = words
            .iter()
            .take(6)
            .find(|&&w| lexicon::is_document(key(w)))
            && (first..doc).all(|w| !self.reader.gap_after(w).contains(','))
            // Its verb leads to the quotation (past a parenthetical): not
            // "The union's report, published on Thursday, quotes Helen
            // Okafor's promise to MPs:".
            // A prepositional phrase after the document is part of its
            // name: "The trust's written evidence to the committee states:"
            // counts from "states".
            && words
                .iter()
                .rev()
                .take_while(|&&w| w > doc && !self.reader.gap_after(w).contains(','))
                .take_while(|&&w| {
                    !(lexicon::is_preposition(key(doc + 1)) && self.reader.is_speech_verb(w))
                })
                .count()
                <= MAX_DOCUMENT_VERB_WORDS
            && let Some(m) = self
                .reader
                .document_owner(doc)
                .filter(|m| m.tokens.start <= first + 1)
                .or_else(|| self.earlier_owner(doc))
        {
            return self.credit(&m, None);
        }
        // The clause that leads to the quotation: a leading phrase set off
        // by a comma is not it ("Asked by the Dagblad's Noor Hendriks whether
        // ..., he didn't hesitate:", "Responding to Orbisfare's statement,
        // the authority was blunt:").
        let main_clause = words
            .iter()
            .rposition(|&w| w < last && self.reader.gap_after(w).contains(','))
            .map_or(&words[..], |c| &words[c + 1..]);
        // "The BCWU's verdict on the week was blunt:", "The Press
        // Secretary's warning in March — "..."": the owner's words, when
        // they are what the clause is about.
        if let Some(m) = self.words_owner(main_clause) {
            return self.credit(&m, None);
        }
        // "Sian Maddox is right that "..."": a stance, when the that-clause
        // reports no one else ("Residents were worried that Priya Nair had
        // told the inquiry:" is Nair).
        if let Some(&v) = asked.iter().find(|&&v| {
            self.stance_that(v).is_some_and(|that| {
                words
                    .iter()
                    .all(|&w| w <= that || !self.reader.is_speech_verb(w))
            })
        }) && let Some(m) = self.subject_of(v, first)
        {
            return self.credit(&m, Some(v));
        }
        // The next quote from Antony Blinken: "..."
        let colon = self.reader.text[self.tokens()[last].span.end..open].contains(':');
        if colon {
            // ("heard a blunt message from Sian Maddox:", "has been
            // criticised by the union:" before the relative-clause subject
            // below; "of" after it: "offered a picture of the council:").
            // The source may carry a short phrase and a relative clause
            // after it: "the account given ... by an engineer at the
            // works, who asked not to be named:".
            let ends_cue = |m: &Mention| {
                let mut end = m.tokens.end;
                if end <= last && lexicon::is_preposition(key(end)) {
                    let phrase = (end..=last)
                        .take(MAX_SOURCE_PHRASE_WORDS)
                        .position(|w| w == last || self.reader.gap_after(w).contains(','));
                    if let Some(p) = phrase {
                        end += p + 1;
                    }
                }
                // ... or a relative clause right after it that runs to the
                // colon and says no one else speaks: "It came from an
                // inspector who visited the market and who, understandably,
                // asked not to be named:".
                // (The mention may hold the first relative clause: "an
                // inspector who visited the market" is a listed alias.)
                let relative = if key(end) == "and" { end + 1 } else { end };
                let restrictive = relative <= last
                    && !self.reader.gap_after(end - 1).contains(',')
                    && lexicon::is_relative(key(relative))
                    && (end..=last).all(|w| {
                        !self.reader.gap_after(w).contains(';') && !self.reader.is_speech_verb(w)
                    });
                end == last + 1
                    || restrictive
                    || (self.reader.gap_after(end - 1).contains(',')
                        && lexicon::is_relative(key(end))
                        && (end..last).all(|w| !self.reader.gap_after(w).contains([',', ';'])))
            };
            let source_after = |prepositions: &[&str]| {
                words.iter().find_map(|&k| {
                    prepositions
                        .contains(&key(k))
                        .then(|| self.reader.mention_starting(k + 1).filter(ends_cue))?
                })
            };
            if let Some(m) = source_after(&["from", "by"]) {
                return self.credit(&m, None);
            }
            // "Another inspector, who visited the market in the spring,
            // offers a less flattering picture of the council:": a relative
            // clause about the subject, then its predicate.
            if let Some(m) = self.first_mention(std::iter::once(first))
                && let Some(&clause) = main_clause.first()
                && m.tokens.end < clause
                && self.reader.gap_after(m.tokens.end - 1).contains(',')
                && lexicon::is_relative(self.reader.key_at(m.tokens.end))
                && (m.tokens.end..clause - 1).all(|w| !self.reader.gap_after(w).contains(','))
            {
                return self.credit(&m, None);
            }
            // "of" gives a source only after words or a view ("the words
            // of the minister:", "a picture of the council:"), not after a
            // place ("was defiant outside the Royal Courts of Justice:").
            if let Some(m) = source_after(&["of"])
                && let Some(&noun) = words.iter().rev().find(|&&k| k + 2 <= m.tokens.start)
                && (is_words_noun(key(noun))
                    || OF_SOURCE_NOUNS.contains(&key(noun))
                    || lexicon::is_document(key(noun)))
            {
                return self.credit(&m, None);
            }
            // "A sign went up on the slipway. It reads:": what a sign, a
            // banner or a page says is no one's by its subject.
            // ("... than any report I have read:" is someone reading; "A
            // statement from Orbisfare read:" is Orbisfare's.)
            let reads = key(last) == "reads"
                || (key(last) == "read"
                    && !matches!(
                        key(last - 1),
                        "have" | "has" | "had" | "i" | "we" | "you" | "they" | "ever" | "once"
                    ));
            // Looked for only after "reads": collecting the paragraph for
            // every quotation introduced by a colon made a one-line article
            // of them quadratic.
            let sign = || {
                self.words_between(paragraph_start, open)
                    .iter()
                    .rev()
                    .take(MAX_INSCRIPTION_WORDS)
                    .any(|&w| INSCRIPTIONS.contains(&self.reader.key(w)))
            };
            if reads && sign() {
                return None;
            }
            // The subject of the sentence that introduces the quotation:
            // "the US Secretary of State identified the purpose ...:".
            // "Its chief executive, Stefan Morrow, went further than his
            // lawyers might have liked:": the last comma closed an
            // apposition to the sentence's subject, and what follows is its
            // predicate.
            // (After a leading participle's phrase: "Moving the Labour
            // motion, Cllr Priya Desai, the ward councillor for Eastmoor,
            // goes straight for the mayor:".)
            let opening =
                if lexicon::is_participle(key(first)) && !self.reader.capitalized(first + 1) {
                    words
                        .iter()
                        .position(|&w| self.reader.gap_after(w).contains(','))
                        .and_then(|c| words.get(c + 1).copied())
                        .unwrap_or(first)
                } else {
                    first
                };
            if let Some(m) = self.reader.mention_starting(opening)
                && let Some(other) = self.apposition(&m)
                && let other_end = self
                    .of_phrase_end(&other)
                    .map_or(other.tokens.end, |e| e + 1)
                && main_clause.first() == Some(&other_end.max(m.tokens.end))
            {
                return self.credit(&self.named(m), None);
            }
            // ... and past asides that are no mention: "Janet Pryor, 71, a
            // retired teacher and one of the claimants, was defiant outside
            // the Royal Courts of Justice:": a clause that opens with an
            // auxiliary or a speech verb is the predicate of the name that
            // opens the sentence (not "The Royal Courts of Justice").
            if let Some(m) = self.reader.mention_starting(opening)
                && matches!(m.reference, Reference::Identity(_))
                && let Some(&clause) = main_clause.first()
                && clause > m.tokens.end
                && self.reader.gap_after(m.tokens.end - 1).contains(',')
                && !self.reader.capitalized(clause)
                && (lexicon::is_auxiliary(key(clause)) || self.reader.is_speech_verb(clause))
                && self.reader.mention_starting(clause).is_none()
            {
                return self.credit(&m, None);
            }
            // A headline's words before a colon are its topic ("Millgate
            // Park crush live: ‘...’", "Fen Valley Radio Drive: ‘...’"): a
            // speaker's name there ("Pryce: ‘...’") is read by `headline`.
            if self.headline_at(open) {
                return None;
            }
            if let Some(m) = self
                .first_mention(main_clause.iter().copied())
                .or_else(|| self.first_mention(asked.iter().copied()))
            {
                return self.credit(&m, None);
            }
            // "The trust has published its demands. Top of the list: "..."",
            // "The answer, in the minister's own words:": words that go on
            // from the sentence before (not "... is the sentence that, for
            // many people, sums the whole thing up:", a sentence of its own
            // about the words).
            if words.iter().any(|&w| {
                matches!(
                    key(w),
                    "is" | "was" | "are" | "were" | "been" | "that" | "which"
                )
            }) {
                return None;
            }
            let sentence_start = self.tokens()[first].span.start;
            let from = self.tokens()[self
                .token_at(sentence_start)
                .saturating_sub(MAX_SENTENCE_WORDS)]
            .span
            .start;
            let previous = self.words_between(paragraph_start.max(from), sentence_start);
            let previous_start = previous
                .iter()
                .rposition(|&i| i + 1 < first && self.reader.sentence_ends_after(i))
                .map_or(0, |p| p + 1);
            if let Some(m) = self.first_mention(previous[previous_start..].iter().copied()) {
                return self.credit(&m, None);
            }
        }
        None
    }

    /// The first mention among `words` that can speak: a listed name, a
    /// pronoun, a description, or an unlisted name that looks like a person's
    /// (not a lone capitalized word such as "Best" or "Asked").
    fn first_mention(&self, words: impl Iterator<Item = usize>) -> Option<Mention> {
        let m = words
            .filter_map(|k| self.reader.mention_starting(k))
            .find(|m| {
                // (A surname the article gave in full before is someone:
                // "Lee Carver ... Carver takes the question:"; not the end
                // of a longer name: "the Corn Exchange".)
                let tail = m.tokens.start > 0 && self.reader.capitalized(m.tokens.start - 1);
                let lone = m.via == Via::Unlisted
                    && m.tokens.len() == 1
                    && m.roles.is_empty()
                    && (tail
                        || matches!(&m.reference, Reference::Identity(id)
                            if self.known_as(id.clone(), m.tokens.start) == *id));
                // "outside the Corn Exchange": a place.
                let start = m.tokens.start;
                let article = start > 0 && self.reader.key(start - 1) == "the";
                let before = if article {
                    start.checked_sub(2)
                } else {
                    start.checked_sub(1)
                };
                // ("Outside, Ruth Abernethy was furious:" is someone.)
                let place = m.via == Via::Unlisted
                    && before.is_some_and(|b| {
                        let key = self.reader.key(b);
                        (lexicon::is_preposition(key) || lexicon::is_locative(key))
                            && !self.reader.gap_after(b).contains(',')
                    });
                !lone && !place && !self.is_object(m)
            })?;
        Some(self.named(m))
    }

    /// "a spokesperson for the union", "a spokeswoman of the ministry": the
    /// body the words are spoken for, when the article names it.
    fn spoken_for(&self, m: &Mention) -> Option<Mention> {
        let end = m.tokens.end;
        let spokesperson = m.via == Via::Descriptor
            && matches!(
                self.reader.key(end - 1),
                "spokesperson" | "spokesman" | "spokeswoman" | "representative" | "spokespeople"
            );
        // "a former spokesperson for the council" speaks for no one now.
        let former = (m.tokens.start..end).any(|t| self.reader.key(t) == "former");
        if !spokesperson || former {
            return None;
        }
        // "the union's spokesperson": the body its owner word names.
        if let Some(owner) = (m.tokens.start..end - 1).find(|&t| self.reader.key(t).ends_with("'s"))
        {
            let role = self.reader.key(owner).trim_end_matches("'s").to_string();
            let text = self.reader.text[self.tokens()[owner].span.clone()].to_string();
            return lexicon::is_organisation_role(&role).then(|| Mention {
                tokens: owner..owner + 1,
                reference: Reference::Definite { role, text },
                via: Via::Descriptor,
                roles: Vec::new(),
            });
        }
        // "A council spokesperson said": the body its role word names (not
        // someone with that role, "council leader Priya Sandhu").
        if let Some(body) = (m.tokens.start..end - 1).rev().find(|&t| {
            !self.reader.capitalized(t) && lexicon::is_organisation_role(self.reader.key(t))
        }) {
            let text = &self.reader.text[self.tokens()[body].span.clone()];
            let identity = self.resolve_body(&self.history, body, self.reader.key(body), text);
            return Some(Mention {
                tokens: body..body + 1,
                reference: Reference::Identity(identity),
                via: Via::Descriptor,
                roles: Vec::new(),
            });
        }
        if end + 1 >= self.tokens().len() || !matches!(self.reader.key(end), "for" | "of") {
            // "Northline Rail Partners has responded. A spokesperson
            // repeats ...": the body just named.
            // Only "a spokesperson", someone new: "the spokeswoman" is the
            // one introduced in that role, "a Meridian spokesperson" the
            // listed body. (And once only.)
            let bare = (m.tokens.start + 1..end).all(|t| !self.reader.capitalized(t))
                && matches!(m.reference, Reference::Identity(Identity::Unlisted { .. }));
            let identity = self
                .body_before(m.tokens.start)
                .filter(|id| bare && m.reference != Reference::Identity(id.clone()))?;
            return Some(Mention {
                tokens: m.tokens.clone(),
                reference: Reference::Identity(identity),
                via: Via::Descriptor,
                roles: Vec::new(),
            });
        }
        let body = self.reader.mention_starting(end + 1)?;
        let named_body = match &body.reference {
            Reference::Identity(id) => self.is_organisation(id),
            Reference::Definite { role, .. } => lexicon::is_organisation_role(role),
            Reference::Pronoun(_) => false,
        };
        named_body.then_some(body)
    }

    /// Do `words` hold a noun for someone's words ("such warnings", "the
    /// Water Minister's plea"): a standfirst about the headline's words,
    /// by someone reacting to them? ("KMT chief Priya Raman tells
    /// councillors she had no warning" holds no one's words.)
    fn reacting(&self, words: &[usize]) -> bool {
        words.iter().any(|&w| {
            REACTION_NOUNS.contains(&self.reader.key(w).trim_end_matches("'s"))
                && !(w > 0 && matches!(self.reader.key(w - 1), "no" | "any" | "without"))
        })
    }

    /// The listed speaker whose words a noun among `words` names, in the
    /// possessive right before it: "Nadia Kovac's warning", "the union's
    /// verdict".
    ///
    /// Only when the owner is the first one `words` mention: "Priya Raman
    /// was unimpressed by Orbisfare's response:" is Raman's.
    fn words_owner(&self, words: &[usize]) -> Option<Mention> {
        let owner = words.iter().find_map(|&w| {
            let key = self.reader.key(w);
            let words_noun = REACTION_NOUNS.contains(&key)
                || SOURCE_NOUNS.contains(&key)
                || matches!(
                    key,
                    "verdict"
                        | "assessment"
                        | "answer"
                        | "line"
                        | "explanation"
                        | "decision"
                        | "ruling"
                        | "judgment"
                        | "judgement"
                );
            words_noun.then(|| self.reader.owner_before(w)).flatten()
        })?;
        let start = owner.tokens.start;
        let first = words.iter().take_while(|&&w| w < start).all(|&w| {
            self.reader
                .mention_starting(w)
                .is_none_or(|m| m.tokens.end > start)
        });
        first.then_some(owner)
    }

    /// Is `words[k]` in a relative clause set off by commas ("Priya Nair,
    /// whom the union has accused of misleading staff, told the BBC:")? Its
    /// verb is about the one it describes, not the quotation. (One that
    /// runs to the quotation, "to which Sian Maddox replied:", leads to it.)
    fn in_relative_clause(&self, k: usize, words: &[usize]) -> bool {
        let key = |i: usize| self.reader.key(i);
        let Some(comma) = words[..k]
            .iter()
            .rposition(|&w| self.reader.gap_after(w).contains([',', ';']))
        else {
            return false;
        };
        // ... or a subordinate one: "The commission's penalty notice,
        // published as Ms Marsh spoke, was blunt:".
        let opener = words[comma + 1..=k].iter().take(2).any(|&w| {
            lexicon::is_relative(key(w)) || (w < words[k] && lexicon::is_subordinator(key(w)))
        }) || self.names_inside_relative(comma, words);
        let closed = words[k..words.len() - 1]
            .iter()
            .any(|&w| self.reader.gap_after(w).contains(','));
        opener && closed
    }

    /// Whether the comma after `words[comma]` closes a name set off inside
    /// a relative clause that opens just before it: "Janet Pryor, whose
    /// husband, Derek, said little, told reporters:" (the clause is
    /// "whose husband, Derek, said little").
    fn names_inside_relative(&self, comma: usize, words: &[usize]) -> bool {
        let set_off = |w: usize| self.reader.gap_after(w).contains(',');
        let Some(before) = words[..comma].iter().rposition(|&w| set_off(w)) else {
            return false;
        };
        let named = self
            .reader
            .mention_starting(words[before + 1])
            .is_some_and(|m| m.tokens.end == words[comma] + 1);
        let start = words[..before]
            .iter()
            .rposition(|&w| set_off(w))
            .map_or(0, |c| c + 1);
        named
            && before - start < MAX_RELATIVE_HEAD_WORDS
            && lexicon::is_relative(self.reader.key(words[start]))
    }

    /// Whose argument the quotation at the end of `words` is: "Sir Graham
    /// Pell's complaint that "..."", "the consortium chairman's claim, at
    /// the opening ceremony, that the line had been "..."", "claims, made
    /// by an anonymous engineer in the Courier, that "..."". The owner
    /// speaks, or whoever the claim was made by; whoever reports or answers
    /// it ("Okafor rejected Doyle's claim that") does not.
    /// The owner of words a quotation stands beside, set off by a comma:
    /// `Raman's own phrase for the change, "..."`, `The leader's assurance
    /// to council on 9 June, '...'`. Only when the clause holds no speech
    /// verb: in `Raman told me about her mother's warning, "..."` Raman
    /// speaks.
    fn appositive_owner(&self, words: &[usize], open: usize) -> Option<Mention> {
        let last = *words.last()?;
        // ... or set off by a dash: "When I read her Linwood's statement
        // from the day after the announcement – "..." –".
        if !matches!(
            self.reader.text[self.tokens()[last].span.end..open].trim(),
            "," | "–" | "—"
        ) {
            return None;
        }
        let start = words[..words.len() - 1]
            .iter()
            .rposition(|&w| self.reader.gap_after(w).contains([',', ';', ':', '.']))
            .map_or(0, |p| p + 1);
        let clause = &words[start..];
        if clause.iter().any(|&w| self.reader.is_speech_verb(w)) {
            return None;
        }
        // The nearest such noun ("Okafor's reply to Raman's promise, "..."" is
        // Raman's), with at most a prepositional phrase after it: in
        // "Raman's answer drew a sharp rebuke from Whitlock, "..."" a verb
        // follows, and the words are the rebuke's.
        // A document without an owner is passed over for one further back
        // ("Linwood's statement from the day after the announcement"); the
        // nearest words noun decides.
        for &w in clause.iter().rev() {
            let key = self.reader.key(w);
            let words_noun = is_words_noun(key);
            if !words_noun && !lexicon::is_document(key) {
                continue;
            }
            let placed = w == last || lexicon::is_preposition(self.reader.key(w + 1));
            if let Some(owner) = placed.then(|| self.reader.document_owner(w)).flatten() {
                // The owner's noun phrase is short; what goes before it in
                // the clause ("When I read her") is no one's words.
                return (last + 1 - owner.tokens.start <= MAX_APPOSITIVE_WORDS).then_some(owner);
            }
            if words_noun {
                return None;
            }
        }
        None
    }

    fn argument_owner(&self, words: &[usize]) -> Option<Mention> {
        let key = |i: usize| self.reader.key(i);
        let tail = &words[words.len().saturating_sub(MAX_THAT_CLAUSE_WORDS)..];
        let that = tail.iter().rposition(|&w| key(w) == "that")?;
        let that = tail[that];
        // The quotation continues the that-clause: not "mocked the
        // council's insistence that it had consulted, saying:".
        let last = *words.last()?;
        if that == 0
            || (that..last).any(|w| self.reader.gap_after(w).contains([',', ';', ':']))
            || (that + 1..=last).any(|w| self.reader.is_speech_verb(w))
        {
            return None;
        }
        // The noun before "that", past a parenthetical set off by commas.
        let mut noun = that - 1;
        let mut made_by = None;
        if self.reader.gap_after(noun).contains(',') {
            let open = (that.saturating_sub(MAX_PARENTHETICAL_WORDS + 1)..that - 1)
                .rev()
                .find(|&k| self.reader.gap_after(k).contains(','))?;
            if let Some(by) = (open + 1..that).find(|&k| key(k) == "by")
                && by > 0
                && matches!(
                    key(by - 1),
                    "made" | "voiced" | "raised" | "levelled" | "leveled"
                )
            {
                made_by = self.reader.mention_starting(by + 1);
            }
            noun = open;
        }
        if !ARGUMENT_NOUNS.contains(&key(noun)) {
            return None;
        }
        made_by.or_else(|| self.reader.document_owner(noun))
    }

    /// Does a clause of its own follow mention `m` ("Orbisfare would
    /// co-operate"): a lower-case auxiliary in the same sentence?
    fn clause_follows(&self, m: &Mention) -> bool {
        let next = m.tokens.end;
        next < self.tokens().len()
            && !self.reader.sentence_ends_after(next - 1)
            && !self.reader.capitalized(next)
            && lexicon::is_auxiliary(self.reader.key(next))
    }

    /// A speech verb in the passive ("I'm told", "she was asked"): its
    /// subject is spoken to.
    fn passive(&self, v: usize) -> bool {
        // "has been saying", "is warning" are the subject speaking.
        v > 0
            && lexicon::is_passive_be(self.reader.key(v - 1))
            && !self.reader.key(v).ends_with("ing")
    }

    /// Does a subject starting at token `s` open a clause of its own: a
    /// coordinated one, or one after a subordinator or a relative pronoun
    /// ("after Sian Maddox told a rally that", "to which Sian Maddox
    /// replied:")?
    fn opens_clause(&self, s: usize) -> bool {
        self.coordinated(s)
            || (s > 1
                && (lexicon::is_subordinator(self.reader.key(s - 1))
                    || matches!(self.reader.key(s - 1), "which" | "whom")))
    }

    /// Does token `s` open a clause coordinated with the one before (",
    /// and Nadia Kovac told", "; Kovac said")?
    fn coordinated(&self, s: usize) -> bool {
        s > 1
            && (self.reader.gap_after(s - 1).contains(';')
                || (matches!(self.reader.key(s - 1), "and" | "but")
                    && self.reader.gap_after(s - 2).contains(',')))
    }

    /// `it` right after a speech verb or `put` is what was said, not who
    /// said it: "he should have said it two years ago", "Agnes Whitcombe,
    /// put it more simply".
    fn is_object(&self, m: &Mention) -> bool {
        let start = m.tokens.start;
        m.reference == Reference::Pronoun("it")
            && start > 0
            && (self.reader.is_speech_verb(start - 1)
                || matches!(self.reader.key(start - 1), "put" | "puts"))
    }

    /// The name beside a description or a title, when one stands there:
    /// "The central bank governor, Elena Marsh,", "said the club captain,
    /// Tomás Oliveira,", "the Water Minister, Teodor Maren,".
    fn named(&self, m: Mention) -> Mention {
        match self.apposition(&m) {
            Some(name)
                if m.via == Via::Descriptor
                    || (self.titles_a_person(&m) && name.via != Via::Descriptor) =>
            {
                name
            }
            _ => m,
        }
    }

    /// A chain with no cue, right after a chain credited to someone: in the
    /// same paragraph, or opening the next one.
    fn continuation(&self, c: usize, credits: &[Option<Credit>]) -> Option<Credit> {
        let chains = &self.quoted.chains;
        let prev = (0..c)
            .rev()
            .find(|&p| !self.chain_is_empty(chains[p].clone()))?;
        let previous = credits[prev].as_ref()?;
        let marks = &self.quoted.marks;
        let open = marks[chains[c].start].open;
        let prev_end = marks[chains[prev].end - 1].outer().end;
        let (pa, pb) = (
            self.paragraph_of(prev_end.saturating_sub(1)),
            self.paragraph_of(open),
        );
        // A live blog's timestamp may stand first ("11:03 “Everyone is
        // pointing at someone else ...”").
        // (Only for an entry that is the quotation alone: "11:03 "..." That
        // is the line from the union" is a new entry's news.)
        let lead = self.reader.text[self.paragraphs[pb - 1]..open].trim();
        let entry_end = self
            .paragraphs
            .get(pb)
            .copied()
            .unwrap_or(self.reader.text.len());
        let close = marks[chains[c].end - 1].outer().end;
        let alone = close <= entry_end
            && !self.reader.text[close..entry_end]
                .chars()
                .any(char::is_alphanumeric);
        let opens_paragraph = lead.is_empty() || (is_timestamp(lead) && alone);
        let follows = pa == pb || (pb == pa + 1 && opens_paragraph);
        follows.then(|| Credit {
            identity: previous.identity.clone(),
            via: Via::Continuation,
            cue: None,
        })
    }

    fn chain_is_empty(&self, chain: Range<usize>) -> bool {
        chain.clone().all(|q| {
            self.quoted.words[q]
                .clone()
                .all(|t| !self.tokens()[t].is_word())
        })
    }
}

/// A time zone after a live blog's time: two to four capitals ("GMT",
/// "ET").
fn is_time_zone(word: &str) -> bool {
    (2..=4).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// A live blog's time of entry: "11:03", "9.45am", "08:40 –".
fn is_timestamp(lead: &str) -> bool {
    let lead = lead.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | '-'));
    // "11.12 GMT", "9:40am ET": a time zone's capitals after the time.
    let zone = lead.len()
        - lead
            .trim_end_matches(|c: char| c.is_ascii_uppercase())
            .len();
    let lead = if is_time_zone(&lead[lead.len() - zone..]) {
        lead[..lead.len() - zone].trim_end()
    } else {
        lead
    };
    let lead = lead
        .strip_suffix("am")
        .or_else(|| lead.strip_suffix("pm"))
        .unwrap_or(lead)
        .trim_end();
    let (hours, minutes) = match lead.split_once([':', '.']) {
        Some(parts) => parts,
        None => return false,
    };
    (1..=2).contains(&hours.len())
        && minutes.len() == 2
        && hours
            .bytes()
            .chain(minutes.bytes())
            .all(|b| b.is_ascii_digit())
}

/// Paragraph start offsets: blank-line separated blocks in hard-wrapped
/// text, otherwise every line.
fn paragraphs(text: &str, wrapped: bool) -> Vec<usize> {
    let spans: Vec<Range<usize>> = crate::text::lines::line_spans(text).collect();
    let blank = |r: &Range<usize>| text[r.clone()].trim().is_empty();
    let mut starts = vec![0];
    for pair in spans.windows(2) {
        if !blank(&pair[1]) && (!wrapped || blank(&pair[0])) {
            starts.push(pair[1].start);
        }
    }
    starts
}

/// Whether a credit agrees with a statement's speaker.
pub fn status(credit: Option<&Credit>, speaker: usize) -> Status {
    match credit.map(|c| &c.identity) {
        None => Status::Unattributed,
        Some(Identity::Listed(s)) if *s == speaker => Status::Match,
        Some(_) => Status::Mismatch,
    }
}
