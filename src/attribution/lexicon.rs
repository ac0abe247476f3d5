//! The words attribution is read by, kept as data in the files beside this
//! one (`speech_verbs.txt`, `roles.txt`, `titles.txt`, `first_names.txt`), so
//! that adding a verb, a role or a title is a one-line change that needs no
//! code. The short lists of organisation and place words stay here.

use std::sync::OnceLock;

// Looked up for nearly every word of every article: FxHash, not SipHash
// (the keys are our own word lists, not an attacker's).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::keyset::KeySet;

fn load(data: &'static str) -> HashSet<&'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn speech_verbs() -> &'static KeySet<&'static str> {
    static SET: OnceLock<KeySet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| load(include_str!("speech_verbs.txt")).into_iter().collect())
}

fn roles() -> &'static KeySet<&'static str> {
    static SET: OnceLock<KeySet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| load(include_str!("roles.txt")).into_iter().collect())
}

fn titles() -> &'static KeySet<&'static str> {
    static SET: OnceLock<KeySet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| load(include_str!("titles.txt")).into_iter().collect())
}

fn first_names() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        load(include_str!("first_names.txt"))
            .into_iter()
            .filter_map(|line| line.split_once(' ').map(|(pronoun, name)| (name, pronoun)))
            .collect()
    })
}

/// The pronoun usually used for bearers of a first name (`laura` → she).
pub fn first_name_pronoun(key: &str) -> Option<&'static str> {
    first_names().get(key).copied()
}

/// A verb that credits words to a speaker (`said`, `told`, `stressed`, ...).
pub fn is_speech_verb(key: &str) -> bool {
    speech_verbs().contains(key)
}

/// A headline's present-tense verb by which its subject speaks or answers
/// for themselves after the quotation (`‘...’: Threlfall accepts review`,
/// `‘...’: union chief vows to fight`): a speech verb ending in -s, or an
/// answer. Not "faces", "rejects", "denies": under those the words are
/// often the charge, not the subject's.
pub fn is_headline_answer(key: &str) -> bool {
    matches!(key, "accepts" | "defends" | "apologises" | "apologizes")
        || (key.ends_with('s') && !key.ends_with("ss") && is_speech_verb(key))
}

/// Verbs that are speech cues with "out" after them: "sets out", "hit out
/// at", "lashed out", "spelled out", "pointed out".
pub fn is_phrasal_speech_verb(key: &str) -> bool {
    matches!(
        key,
        "set"
            | "sets"
            | "setting"
            | "hit"
            | "hits"
            | "hitting"
            | "lash"
            | "lashes"
            | "lashed"
            | "lashing"
            | "spell"
            | "spells"
            | "spelled"
            | "spelt"
            | "spelling"
            | "lay"
            | "lays"
            | "laid"
            | "laying"
            | "point"
            | "points"
            | "pointed"
            | "pointing"
    )
}

/// Words that open a subordinate clause: "... after Sian Maddox told a
/// rally that", "when she told the inquiry:".
pub fn is_subordinator(key: &str) -> bool {
    matches!(
        key,
        "after"
            | "when"
            | "as"
            | "while"
            | "because"
            | "before"
            | "since"
            | "until"
            | "once"
            | "whereas"
    )
}

/// `saying`, `adding`: a participle, whose subject is the clause's.
pub fn is_participle(key: &str) -> bool {
    key.ends_with("ing")
}

/// A noun naming a person or body by role (`expert`, `official`, `ministry`).
pub fn is_role(key: &str) -> bool {
    roles().contains(key)
        || key
            .strip_suffix('s')
            .is_some_and(|stem| roles().contains(stem))
}

/// The singular of a role noun ([`is_role`]): `stewards` is `steward`.
pub fn singular_role(key: &str) -> Option<&str> {
    // (Some plurals are listed too: "officials", "sources".)
    key.strip_suffix('s')
        .filter(|stem| roles().contains(stem))
        .or_else(|| roles().contains(key).then_some(key))
}

/// Every key that [`is_role`] or [`is_title`] accepts (a title's key without
/// its full stop): role nouns, their plurals and titles.
pub fn role_and_title_keys() -> impl Iterator<Item = String> {
    roles()
        .iter()
        .flat_map(|r| [r.to_string(), format!("{r}s")])
        .chain(titles().iter().map(|t| t.to_string()))
}

/// A plural role noun (`officials`, `sources`): many people, not one.
pub fn is_plural_role(key: &str) -> bool {
    !roles().contains(key)
        && key
            .strip_suffix('s')
            .is_some_and(|stem| roles().contains(stem))
}

/// A word that stands before a name as a title (`President`, `Mr`).
pub fn is_title(key: &str) -> bool {
    titles().contains(key.trim_end_matches('.'))
}

/// Words that open a prepositional phrase after a subject (`an official
/// in the ministry said`).
pub fn is_preposition(key: &str) -> bool {
    matches!(
        key,
        "in" | "of" | "at" | "for" | "from" | "with" | "on" | "to" | "inside" | "within"
    )
}

/// Prepositions of place: "placards outside the Corn Exchange" names a
/// place, not a speaker.
pub fn is_locative(key: &str) -> bool {
    matches!(
        key,
        "outside" | "near" | "beside" | "behind" | "across" | "opposite" | "around" | "into"
    )
}

/// Auxiliaries and modals: a name followed by one is the subject of a
/// clause of its own ("said Orbisfare would co-operate").
pub fn is_auxiliary(key: &str) -> bool {
    matches!(
        key,
        "would"
            | "will"
            | "could"
            | "should"
            | "might"
            | "may"
            | "must"
            | "can"
            | "had"
            | "has"
            | "have"
            | "was"
            | "were"
            | "is"
            | "are"
            | "did"
            | "does"
    )
}

/// Verbs of answering words rather than saying them: "a claim the
/// authority disputes".
pub fn is_rebuttal(key: &str) -> bool {
    matches!(
        key,
        "disputes"
            | "disputed"
            | "denies"
            | "denied"
            | "rejects"
            | "rejected"
            | "contests"
            | "contested"
            | "dismisses"
            | "dismissed"
            | "challenges"
            | "challenged"
            | "questions"
            | "questioned"
            | "rebuts"
            | "rebutted"
    )
}

/// A form of "to be" (or one glued to its subject) before a participle:
/// "I'm told", "she was asked" are passives, whose subject is spoken to.
pub fn is_passive_be(key: &str) -> bool {
    matches!(
        key,
        "am" | "i'm"
            | "is"
            | "are"
            | "was"
            | "were"
            | "been"
            | "be"
            | "being"
            | "he's"
            | "she's"
            | "we're"
            | "they're"
            | "you're"
    )
}

/// The role a title gives (`Dr` → doctor), for "the doctor said".
pub fn title_role(key: &str) -> Option<&'static str> {
    match key.trim_end_matches('.') {
        "dr" => Some("doctor"),
        "prof" => Some("professor"),
        "gen" => Some("general"),
        "sen" => Some("senator"),
        "gov" => Some("governor"),
        "rep" => Some("representative"),
        "cllr" | "clr" => Some("councillor"),
        "capt" => Some("captain"),
        "col" => Some("colonel"),
        "lt" => Some("lieutenant"),
        "sgt" => Some("sergeant"),
        "supt" => Some("superintendent"),
        "insp" => Some("inspector"),
        "rev" | "revd" => Some("reverend"),
        _ => None,
    }
}

/// Adjectives of a speaker's stance that, after "is" or "was" and before
/// "that", report what they said: "the chief inspector was very clear that
/// "..."", "Sian Maddox is right that "..."".
pub fn is_stance(key: &str) -> bool {
    matches!(
        key,
        "right"
            | "clear"
            | "adamant"
            | "confident"
            | "convinced"
            | "sure"
            | "certain"
            | "correct"
            | "insistent"
            | "emphatic"
            | "firm"
            | "explicit"
            | "categorical"
            | "unequivocal"
            | "optimistic"
            | "hopeful"
            | "worried"
            | "concerned"
    )
}

/// Relative pronouns: "Priya Nair, whom the union has accused ...,".
pub fn is_relative(key: &str) -> bool {
    matches!(key, "who" | "whom" | "which" | "whose")
}

/// Words that end a description's modifiers by opening a clause: "the news
/// that passengers had been waiting for" describes no passenger.
pub fn is_clause_word(key: &str) -> bool {
    is_relative(key) || matches!(key, "that" | "and" | "or" | "but")
}

/// Documents that speak for whoever issued them (`the bank's statement said`).
pub fn is_document(key: &str) -> bool {
    matches!(
        key,
        "statement"
            | "letter"
            | "report"
            | "filing"
            | "release"
            | "announcement"
            | "email"
            | "memo"
            | "post"
            | "notice"
            | "website"
            | "timeline"
            | "evidence"
            | "submission"
    )
}

/// The pronoun a title implies (`Dame Alison Kerr`, `Mr Brandt`).
pub fn title_pronoun(key: &str) -> Option<&'static str> {
    match key.trim_end_matches('.') {
        "mrs" | "ms" | "miss" | "dame" | "lady" | "madam" | "madame" | "baroness" | "duchess"
        | "queen" | "princess" => Some("she"),
        "mr" | "sir" | "lord" | "baron" | "duke" | "king" | "prince" => Some("he"),
        _ => None,
    }
}

/// The pronoun a family role implies (`his daughter Ffion`).
pub fn role_pronoun(role: &str) -> Option<&'static str> {
    match role {
        "daughter" | "mother" | "wife" | "sister" | "aunt" | "niece" | "grandmother"
        | "granddaughter" | "widow" | "spokeswoman" | "chairwoman" | "businesswoman"
        | "congresswoman" => Some("she"),
        "son" | "father" | "husband" | "brother" | "uncle" | "nephew" | "grandfather"
        | "grandson" | "widower" | "spokesman" | "chairman" | "businessman" | "congressman" => {
            Some("he")
        }
        _ => None,
    }
}

/// Titles written after a name (`Deborah Quinlan MP`).
pub fn is_post_nominal(key: &str) -> bool {
    matches!(
        key.trim_end_matches('.'),
        "mp" | "mep" | "msp" | "qc" | "kc" | "jr" | "sr" | "phd" | "md" | "obe" | "mbe" | "cbe"
    )
}

/// Roles whose words are their organisation's (`a company spokesperson`).
pub fn speaks_for_others(role: &str) -> bool {
    matches!(
        role,
        "spokesperson" | "spokesman" | "spokeswoman" | "representative" | "spokespeople"
    )
}

/// Abbreviations whose full stop ends no sentence (`Mr. Blinken`).
pub fn is_abbreviation(key: &str) -> bool {
    matches!(
        key,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "st"
            | "jr"
            | "sr"
            | "prof"
            | "gen"
            | "sen"
            | "rep"
            | "gov"
            | "lt"
            | "col"
            | "capt"
            | "cllr"
            | "sgt"
            | "supt"
            | "insp"
            | "rev"
            | "revd"
            | "u.s"
            | "u.k"
            | "no"
            | "vs"
    )
}

/// Roles that make the thing described an organisation, not a person.
pub fn is_organisation_role(key: &str) -> bool {
    matches!(
        key,
        "ministry"
            | "department"
            | "government"
            | "administration"
            | "council"
            | "agency"
            | "kremlin"
            | "company"
            | "office"
            | "utility"
            | "club"
            | "league"
            | "trust"
            | "firm"
            | "board"
            | "union"
            | "authority"
            | "commission"
            | "service"
            | "group"
            | "campaign"
            | "coalition"
            | "charity"
            | "organisation"
            | "organization"
            | "association"
            | "society"
            | "party"
            | "network"
            | "alliance"
            | "institute"
            | "foundation"
    )
}

/// Words that end a company's name ("Carrow Securities", "Hartwell
/// Logistics"): a body, not a place or a person.
pub fn is_corporate_word(key: &str) -> bool {
    matches!(
        key,
        "securities"
            | "logistics"
            | "holdings"
            | "systems"
            | "capital"
            | "partners"
            | "industries"
            | "technologies"
            | "airlines"
            | "energy"
            | "motors"
            | "media"
            | "plc"
            | "ltd"
            | "inc"
            | "llc"
            | "limited"
            | "pharmaceuticals"
            | "insurance"
            | "investments"
            | "consulting"
            | "solutions"
            | "company"
            | "corporation"
            | "group"
    )
}

/// Words in a capitalized run that make it an organisation or a place
/// rather than a person's name.
pub fn is_institution_word(key: &str) -> bool {
    is_corporate_word(key)
        || matches!(
            key,
            "ministry"
                | "department"
                | "house"
                | "states"
                | "federation"
                | "council"
                | "union"
                | "organisation"
                | "organization"
                | "alliance"
                | "office"
                | "republic"
                | "kingdom"
                | "nations"
                | "institute"
                | "agency"
                | "times"
                | "post"
                | "news"
                | "television"
                | "defence"
                | "defense"
                | "government"
                | "chamber"
                | "authority"
                | "radio"
                | "parliament"
                | "commission"
                | "court"
                | "bank"
                | "committee"
                | "party"
                | "army"
                | "forces"
                | "university"
                | "college"
                | "school"
                | "service"
                | "county"
                | "city"
                | "street"
                | "lane"
                | "road"
                | "avenue"
                | "square"
                | "park"
                | "station"
                | "airport"
                | "hospital"
                | "centre"
                | "center"
                | "church"
                | "river"
                | "valley"
                | "bridge"
                | "highway"
                | "stadium"
                | "club"
                | "league"
                | "trust"
                | "foundation"
                | "association"
                | "board"
        )
}

/// Subject pronouns that credit a quotation.
pub fn pronoun(key: &str) -> Option<&'static str> {
    match key {
        "he" => Some("he"),
        "she" => Some("she"),
        "they" => Some("they"),
        "it" => Some("it"),
        _ => None,
    }
}

/// The pronoun a possessive stands for (`its` → it).
/// A family relation (`daughter`, `husband`): `her daughter, Isla` is
/// someone's relative, named as background to that someone.
pub fn is_kin(key: &str) -> bool {
    matches!(
        key.strip_suffix('s').unwrap_or(key),
        "daughter"
            | "son"
            | "husband"
            | "wife"
            | "partner"
            | "mother"
            | "father"
            | "mum"
            | "dad"
            | "brother"
            | "sister"
            | "child"
            | "grandson"
            | "granddaughter"
            | "grandmother"
            | "grandfather"
            | "niece"
            | "nephew"
    ) || key == "children"
}

pub fn possessive_pronoun(key: &str) -> Option<&'static str> {
    match key {
        "his" => Some("he"),
        "her" => Some("she"),
        "its" => Some("it"),
        "their" => Some("they"),
        _ => None,
    }
}

/// Words that may stand between a subject and its speech verb
/// (`Blinken on Sunday said`, `Lavrov had also said`).
pub fn is_adverbial(key: &str) -> bool {
    matches!(
        key,
        "also"
            | "later"
            | "then"
            | "repeatedly"
            | "recently"
            | "had"
            | "has"
            | "have"
            | "was"
            | "is"
            | "would"
            | "will"
            | "again"
            | "further"
            | "earlier"
            | "once"
            | "too"
            | "on"
            | "yesterday"
            | "today"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "previously"
            | "separately"
            | "publicly"
            | "firmly"
            | "flatly"
            | "simply"
            | "only"
            | "just"
            | "now"
            | "still"
    )
}

/// Words that start a sentence without being a name (`The`, `However`).
pub fn is_function_word(key: &str) -> bool {
    crate::text::fold::is_stopword(key)
        || matches!(
            key,
            "however" | "meanwhile" | "moreover" | "thus" | "therefore" | "yet" | "still" | "while" | "when" | "after"
                | "before" | "since" | "although" | "though" | "because" | "despite" | "according" | "let" | "all"
                | "not" | "no" | "both" | "each" | "every" | "some" | "many" | "most" | "other" | "such"
                // Indefinite pronouns: "Nobody has claimed it." names no one.
                | "nobody" | "somebody" | "someone" | "anybody" | "anyone" | "everybody" | "everyone"
                | "none" | "nothing"
                // Sentence adverbs, days and months are capitalized at times
                // but name no one ("Even Terzi got in on the act").
                | "even" | "perhaps" | "indeed" | "only" | "just" | "later" | "today" | "yesterday"
                | "earlier" | "finally" | "instead" | "now" | "then" | "here" | "asked" | "speaking"
                | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
                | "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august"
                | "september" | "october" | "november" | "december"
        )
}
