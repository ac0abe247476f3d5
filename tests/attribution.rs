//! Attribution, construction by construction, on realistic snippets: whom
//! does the article credit with the words of record?

mod support;

use std::path::Path;

use quotecheck::attribution::Status;
use quotecheck::catalog::Catalog;
use quotecheck::check::Checker;
use quotecheck::corpus::Article;
use quotecheck::report::{Levels, Parts, Report, Rule, Severity};

const LIST: &str = r#"
speakers:
  - id: jens-stoltenberg
    name: Jens Stoltenberg
    aliases: [NATO Secretary-General]
    pronouns: he
  - id: jen-psaki
    name: Jen Psaki
    aliases: [White House Press Secretary]
    pronouns: she
  - id: sergey-lavrov
    name: Sergey Lavrov
    aliases: [Russian Foreign Minister]
    pronouns: he
  - id: ned-price
    name: Ned Price
    pronouns: he
  - id: russian-foreign-ministry
    name: Russian Foreign Ministry
    aliases: [the foreign ministry]
    pronouns: it
  - id: us-official
    name: US official (anonymous)
    aliases: [a US official]
    pronouns: they
  - id: ruslan-bortnik
    name: Ruslan Bortnik
  - id: mary-kell
    name: Mary Kell
    aliases: [Professor Kell]
    pronouns: she
quotes:
  - id: finalizing
    speaker: jens-stoltenberg
    text: We are finalizing at NATO the proposals. The written document we will send to them later this week.
  - id: dangerous
    speaker: jen-psaki
    text: Our view is this is an extremely dangerous situation and Russia could at any point launch an attack.
  - id: on-paper
    speaker: sergey-lavrov
    text: We are waiting for an official response on paper to our proposals, after which we plan another meeting.
  - id: diplomatic-path
    speaker: ned-price
    text: Secretary Blinken emphasized the importance of continuing a diplomatic path to reduce tensions.
  - id: grushko
    speaker: russian-foreign-ministry
    text: Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.
  - id: too-early
    speaker: us-official
    text: I think it is still too early to say whether the Russian government is genuinely interested in diplomacy.
  - id: compromise
    speaker: ruslan-bortnik
    text: Currently, Kiev very fears it and suspects that Moscow and Washington are ready to reach compromises.
"#;

/// The attribution status and credited speaker of the one finding of `id`.
fn credit(id: &str, article: &str) -> (Status, Option<String>) {
    support::attribution_of(LIST, id, article)
}

fn matches(id: &str, article: &str) {
    let (status, speaker) = credit(id, article);
    assert_eq!(status, Status::Match, "{article:?} credited {speaker:?}");
}

fn credited_to(id: &str, article: &str, who: &str) {
    let (status, speaker) = credit(id, article);
    assert_eq!(
        (status, speaker.as_deref()),
        (Status::Mismatch, Some(who)),
        "{article:?}"
    );
}

/// Whatever the credit, it is not `who`'s.
#[track_caller]
fn not_credited_to(id: &str, article: &str, who: &str) {
    let (_, speaker) = credit(id, article);
    assert_ne!(speaker.as_deref(), Some(who), "{article:?}");
}

#[track_caller]
fn uncredited(id: &str, article: &str) {
    let (status, speaker) = credit(id, article);
    assert_eq!(
        status,
        Status::Unattributed,
        "{article:?} credited {speaker:?}"
    );
}

const FINAL: &str = "We are finalizing at NATO the proposals. The written document we will send to them later this week.";

#[test]
fn cue_after_the_quotation() {
    matches("finalizing", &format!("\"{FINAL}\" Stoltenberg told CNN."));
    matches(
        "finalizing",
        &format!("\"{FINAL}\", said Jens Stoltenberg."),
    );
    matches("finalizing", &format!("“{FINAL}” —Jens Stoltenberg"));
    matches(
        "finalizing",
        &format!("“{FINAL}”, NATO Secretary-General Jens Stoltenberg stressed"),
    );
}

#[test]
fn cue_before_the_quotation() {
    matches("finalizing", &format!("Stoltenberg stressed: \"{FINAL}\""));
    matches(
        "finalizing",
        &format!("As Jens Stoltenberg put it at his press conference: \"{FINAL}\""),
    );
    matches(
        "on-paper",
        "According to Sergey Lavrov, at least one more meeting should take place: \"We are waiting for an official response ‘on paper’ to our proposals, after which we plan another meeting.\"",
    );
    matches("finalizing", &format!("Stoltenberg said that \"{FINAL}\""));
    matches(
        "finalizing",
        &format!("The next quote from Jens Stoltenberg: \"{FINAL}\""),
    );
}

#[test]
fn titles_honorifics_and_surnames() {
    matches("finalizing", &format!("\"{FINAL}\" Mr. Stoltenberg said."));
    matches(
        "finalizing",
        &format!("\"{FINAL}\" said NATO Secretary-General Stoltenberg."),
    );
    // Another transliteration of a listed first name is the same person.
    matches(
        "on-paper",
        "\"We are waiting for an official response on paper to our proposals, after which we plan another meeting,\" Sergei Lavrov said.",
    );
}

#[test]
fn a_split_quotation_has_one_speaker() {
    matches(
        "finalizing",
        "\"We are finalizing at NATO the proposals,\" Stoltenberg told CNN. \"The written document we will send to them later this week.\"",
    );
}

#[test]
fn pronouns_go_to_the_last_person_who_fits() {
    matches(
        "dangerous",
        "White House Press Secretary Jen Psaki spoke on Tuesday. Russian Foreign Minister Sergey Lavrov was in Geneva.\n\n“Our view is this is an extremely dangerous situation and Russia could at any point launch an attack,” she said.",
    );
    credited_to(
        "dangerous",
        "Jen Psaki spoke on Tuesday. Sergey Lavrov was in Geneva.\n\n“Our view is this is an extremely dangerous situation and Russia could at any point launch an attack,” he said.",
        "sergey-lavrov",
    );
}

#[test]
fn descriptions_go_to_the_person_in_that_role_or_the_last_one_quoted() {
    matches(
        "compromise",
        "Head of the Ukrainian Institute of Politics Ruslan Bortnik told TASS following the press conference between Blinken and Ukrainian top diplomat Dmitry Kuleba.\n\"Currently, Kiev very fears it and suspects that Moscow and Washington are ready to reach compromises,\" the expert noted.",
    );
    matches(
        "too-early",
        "The US official said that it was possible.\n\n“I think it is still too early to say whether the Russian government is genuinely interested in diplomacy. ” said the official.",
    );
}

#[test]
fn continuation_keeps_the_speaker() {
    matches(
        "dangerous",
        "\"We will not be drawn,\" Psaki told reporters.\n\n\"Our view is this is an extremely dangerous situation and Russia could at any point launch an attack.\"",
    );
}

#[test]
fn names_inside_the_quotation_are_not_the_speaker() {
    matches(
        "diplomatic-path",
        "US State Department spokesman Ned Price said Blinken “emphasized the importance of continuing a diplomatic path to reduce tensions”.",
    );
    matches(
        "dangerous",
        "Jen Psaki briefed reporters. And she said that Russian President Vladimir Putin “our view is this is an extremely dangerous situation and Russia could at any point launch an attack”.",
    );
}

#[test]
fn the_leftmost_speech_verb_of_the_sentence_credits() {
    matches(
        "grushko",
        "Russia’s foreign ministry said Lavrov had urged Blinken “Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request”.",
    );
}

#[test]
fn organisations_and_anonymous_sources() {
    matches(
        "grushko",
        "\"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request,\" the foreign ministry said.",
    );
    matches(
        "too-early",
        "And a US official, speaking on condition of anonymity, said “I think it is still too early to say whether the Russian government is genuinely interested in diplomacy”.",
    );
    let (status, speaker) = credit(
        "too-early",
        "\"I think it is still too early to say whether the Russian government is genuinely interested in diplomacy,\" a senior diplomat said.",
    );
    assert_eq!(
        (status, speaker.as_deref()),
        (Status::Mismatch, Some("a senior diplomat"))
    );
}

#[test]
fn another_speaker_named_in_the_cue_is_a_mismatch() {
    credited_to(
        "dangerous",
        "“Our view is this is an extremely dangerous situation and Russia could at any point launch an attack,” Boris Johnson told reporters.",
        "Boris Johnson",
    );
    credited_to(
        "finalizing",
        &format!("\"{FINAL}\" Lavrov told CNN."),
        "sergey-lavrov",
    );
}

#[test]
fn no_cue_is_unattributed() {
    let (status, speaker) = credit(
        "finalizing",
        &format!("Talks went on.\n\n\"{FINAL}\"\n\nNothing else."),
    );
    assert_eq!((status, speaker), (Status::Unattributed, None));
}

#[test]
fn unverified_quotations_are_listed_with_their_speaker() {
    let catalog = Catalog::parse(Path::new("quotes.yaml"), LIST).unwrap();
    let checked = Checker::new(&catalog).article(&Article::new(
        "a.txt",
        "Stoltenberg told CNN: \"We will never accept a veto on enlargement.\" He also called it \"lethal aid\".",
    ));
    assert_eq!(
        checked.unverified.len(),
        1,
        "scare quotes of three words or fewer are not listed"
    );
    assert_eq!(
        checked.unverified[0].text,
        "We will never accept a veto on enlargement."
    );
    assert_eq!(
        checked.unverified[0].speaker.as_deref(),
        Some("jens-stoltenberg")
    );
}

#[test]
fn mismatches_are_errors_and_unattributed_quotations_warnings() {
    let catalog = Catalog::parse(Path::new("quotes.yaml"), LIST).unwrap();
    let checker = Checker::new(&catalog);
    let judged = |text: String| {
        let article = Article::new("a.txt", text);
        let mut checked = checker.article(&article);
        checker.judge(&article, &mut checked);
        let parts = Parts {
            findings: checked.findings,
            articles: 1,
            ..Parts::default()
        };
        Report::new(parts, &Levels::default()).findings.remove(0)
    };
    let mismatch = judged(format!("\"{FINAL}\" Lavrov told CNN."));
    assert_eq!(mismatch.rules, [Rule::Misattribution]);
    assert_eq!(mismatch.severity, Severity::Error);
    let none = judged(format!("\"{FINAL}\""));
    assert_eq!(none.rules, [Rule::Unattributed]);
    assert_eq!(none.severity, Severity::Warning);
}

// Cases from an independent review.

#[test]
fn a_parenthetical_clause_before_the_verb_is_skipped() {
    matches(
        "finalizing",
        &format!("Stoltenberg, who met Lavrov on Friday, said \"{FINAL}\""),
    );
}

#[test]
fn back_to_back_quotations_keep_their_own_speakers() {
    let catalog = Catalog::parse(Path::new("quotes.yaml"), LIST).unwrap();
    let found = Checker::new(&catalog)
        .article(&Article::new(
            "a.txt",
            format!("\"{FINAL},\" Stoltenberg said. \"Our view is this is an extremely dangerous situation and Russia could at any point launch an attack,\" Psaki replied."),
        ))
        .findings;
    let credits: Vec<(&str, Status)> = found
        .iter()
        .map(|f| (f.quote_id.as_str(), f.attribution.status))
        .collect();
    assert_eq!(
        credits,
        [("finalizing", Status::Match), ("dangerous", Status::Match)]
    );
}

#[test]
fn another_ministry_is_not_the_listed_one() {
    let grushko = "\"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request,\"";
    credited_to(
        "grushko",
        &format!("{grushko} Ukraine's foreign ministry said."),
        "Ukraine's foreign ministry",
    );
}

#[test]
fn a_listed_surname_with_another_first_name_is_another_person() {
    let (status, speaker) = credit(
        "finalizing",
        &format!("\"{FINAL}\" Ingrid Stoltenberg said."),
    );
    assert_eq!(
        (status, speaker.as_deref()),
        (Status::Mismatch, Some("Ingrid Stoltenberg"))
    );
}

#[test]
fn a_capitalized_plural_is_no_antecedent_for_he() {
    matches(
        "finalizing",
        &format!(
            "Jens Stoltenberg arrived in Kyiv on Monday. Critics said the trip was pointless. \"{FINAL}\" he said."
        ),
    );
}

#[test]
fn a_singular_role_ending_in_s_is_one_person() {
    let (status, speaker) = credit(
        "finalizing",
        &format!("Maria Keel, a witness, saw the talks. \"{FINAL}\" the witness said."),
    );
    assert_eq!(
        (status, speaker.as_deref()),
        (Status::Mismatch, Some("Maria Keel"))
    );
}

const DANGER: &str = "Our view is this is an extremely dangerous situation and Russia could at any point launch an attack.";

#[test]
fn a_headline_quotation_is_credited_by_the_standfirst_under_it() {
    matches(
        "dangerous",
        &format!(
            "‘{DANGER}’\n\nWhite House Press Secretary Jen Psaki on the talks, as allies meet in Brussels\n\nWASHINGTON — The White House said on Tuesday ..."
        ),
    );
    credited_to(
        "dangerous",
        &format!("“{DANGER}”\nBoris Johnson warned allies meeting in Brussels.\n"),
        "Boris Johnson",
    );
    // Named in the standfirst without speaking or being described there.
    credited_to(
        "dangerous",
        &format!("‘{DANGER}’\n\nBoris Johnson on the first night of the talks\n"),
        "Boris Johnson",
    );
    // A paragraph that quotes someone itself is the story, not a standfirst.
    let (status, _) = credit(
        "dangerous",
        &format!("“{DANGER}”\n\nJens Stoltenberg said: “We are ready.”\n"),
    );
    assert_eq!(status, Status::Unattributed);
    // A quotation that is not the whole first paragraph is no headline.
    let (status, _) = credit(
        "dangerous",
        &format!("Allies met. “{DANGER}”\nJen Psaki spoke later.\n"),
    );
    assert_eq!(status, Status::Unattributed);
}

#[test]
fn a_surname_is_the_unlisted_person_named_in_full_before() {
    credited_to(
        "dangerous",
        &format!(
            "On Abbey Road, Dorota Wilk, 74, who has lived on the street since 1979, said the weeks had been long. “{DANGER}” Mrs Wilk said."
        ),
        "Dorota Wilk",
    );
}

#[test]
fn a_full_name_is_not_someone_else_of_that_surname() {
    credited_to(
        "dangerous",
        &format!("\"We will wait,\" Greta Moreau told reporters.\n\"{DANGER}\" Anna Moreau said."),
        "Anna Moreau",
    );
}

#[test]
fn a_name_beside_a_title_says_who_speaks() {
    matches(
        "on-paper",
        "According to the Russian Foreign Minister, Sergey Lavrov, talks will go on: \"We are waiting for an official response on paper to our proposals, after which we plan another meeting.\"",
    );
    // The list gives the title to Lavrov; the article gives it to someone
    // else by name, and the name is who the article credits.
    credited_to(
        "on-paper",
        "According to the Russian Foreign Minister, Boris Johnson, talks will go on: \"We are waiting for an official response on paper to our proposals, after which we plan another meeting.\"",
        "Boris Johnson",
    );
}

#[test]
fn a_quotation_without_a_cue_belongs_to_the_paragraph_s_speaker() {
    matches(
        "dangerous",
        &format!(
            "Psaki said the talks had barely moved, and that the State Department says allies agree. “{DANGER}”"
        ),
    );
}

#[test]
fn it_after_a_speech_verb_is_what_was_said() {
    matches(
        "dangerous",
        &format!(
            "The White House Press Secretary, Jen Psaki, told reporters that “{DANGER}”. She is right, and the ministry should have said it a year ago."
        ),
    );
}

#[test]
fn a_spokesperson_speaks_for_the_body_the_article_names() {
    matches(
        "grushko",
        "\"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request,\" said a spokesperson for the foreign ministry.",
    );
}

#[test]
fn a_pronoun_in_the_next_paragraph_is_the_one_who_spoke_not_the_one_spoken_to() {
    matches(
        "dangerous",
        &format!(
            "Speaking on the breakfast show, Jen Psaki told presenter Gwen Price: \"We are talking.\"\nShe repeated the warning. \"{DANGER}\" she said."
        ),
    );
}

#[test]
fn a_body_s_spokesperson_speaks_for_it() {
    matches(
        "grushko",
        "The foreign ministry says it is worried. \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request,\" the ministry's spokesperson told the programme.",
    );
}

#[test]
fn a_long_parenthetical_between_the_name_and_the_verb_after_the_quotation() {
    matches(
        "dangerous",
        &format!(
            "\"{}\" Jen Psaki, who was briefing reporters for the third time that week on the talks in Geneva, told the press corps.",
            DANGER.replace('.', ",")
        ),
    );
}

#[test]
fn a_headline_may_name_its_speaker_before_a_colon() {
    matches(
        "dangerous",
        &format!(
            "Jen Psaki: Russia \"{DANGER}\"\n\nWASHINGTON — The White House warned on Tuesday.\n"
        ),
    );
}

/// What a careful editor leaves uncredited stays uncredited: forms the
/// headline, paragraph and pronoun rules must not reach (found by a review).
#[test]
fn labels_bylines_reactions_and_asides_credit_no_one() {
    let unattributed = |article: &str| {
        let (status, speaker) = credit("dangerous", article);
        assert_eq!(
            status,
            Status::Unattributed,
            "{article:?} credited {speaker:?}"
        );
    };
    unattributed(&format!(
        "Analysis: why Kelso no longer believes \"{DANGER}\"\n\nThe talks went on.\n"
    ));
    unattributed(&format!(
        "Ann Cole: the nurse who turned \"{DANGER}\" into a chant\n\nThe talks went on.\n"
    ));
    unattributed(&format!(
        "“{DANGER}”\n\nBy Helen Carter, Environment Correspondent\n"
    ));
    unattributed(&format!(
        "“{DANGER}”\n\nFarmer Dan Crowe has heard that kind of plea before.\n"
    ));
    not_credited_to(
        "dangerous",
        &format!(
            "Union leader Pat Boyle said members were angry. The Press Secretary's warning in March — \"{DANGER}\" — now rings hollow."
        ),
        "Pat Boyle",
    );
}

#[test]
fn a_pronoun_beyond_its_paragraph_is_the_last_one_who_fits_and_was_not_spoken_to() {
    matches(
        "dangerous",
        &format!(
            "Nurse Ann Cole said she had voted for Psaki twice. The White House Press Secretary was booed as she arrived.\n“{DANGER}” she told the crowd."
        ),
    );
}

#[test]
fn an_honorific_that_does_not_fit_is_someone_else() {
    credited_to(
        "dangerous",
        &format!(
            "Maria Wilk, 74, who has lived on the street since 1979, said the weeks had been long.\n“{DANGER}” Mr Wilk said."
        ),
        "Mr Wilk",
    );
}

/// An organisation named in passing ("Pressure on ... grew") is what a
/// later description of a body ("The department struck a defiant note.")
/// points back to when no other body was named, and so the `it` after that;
/// words that come "from" a body are its own.
#[test]
fn organisations_named_in_passing_are_antecedents_of_last_resort() {
    matches(
        "grushko",
        "Pressure on the Russian Foreign Ministry grew on Monday. The department struck a defiant note. \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request,\" it said.",
    );
    matches(
        "grushko",
        "10:02 Strong words from the Russian Foreign Ministry, which answers to Sergey Lavrov. In a statement, it said: \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
    );
}

/// Cues that name someone who is not speaking: a reaction after the
/// quotation, the subject of a reported clause after an inverted verb, a
/// passive, a place before a colon, a noun inside the predicate.
#[test]
fn reactions_reported_clauses_passives_and_places_are_not_cues() {
    // "a claim X disputes": X answers the words.
    matches(
        "dangerous",
        &format!("Jen Psaki has said \"{DANGER}\", a claim the foreign ministry disputes."),
    );
    // "said X would ...": X is what was said about.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki also insisted that \"{DANGER}\" on Monday, and said Lavrov would have to answer."
        ),
    );
    // "I'm told ... saying": the one saying it.
    matches(
        "dangerous",
        &format!(
            "I'm told we've also had the White House Press Secretary on the wires saying \"{DANGER}\""
        ),
    );
    // A later clause with its own subject and speech verb says who.
    credited_to(
        "dangerous",
        &format!(
            "Jen Psaki answered a question this afternoon, and Ned Price told reporters: \"{DANGER}\""
        ),
        "ned-price",
    );
    // The subject of a sentence whose comma closed an apposition, not a noun
    // in its predicate.
    matches(
        "dangerous",
        &format!(
            "Her spokesperson, Jen Psaki, went further than her lawyers might have liked: \"{DANGER}\""
        ),
    );
    // A place before the colon is no one.
    uncredited(
        "dangerous",
        &format!(
            "One sentence has been shared all week, and has even turned up on placards outside the Corn Exchange: \"{DANGER}\""
        ),
    );
}

/// "X's warning", "the ministry's verdict": the words are the owner's, in a
/// standfirst under a headline quotation or before the quotation itself;
/// listed or not.
#[test]
fn a_possessive_before_a_noun_for_words_credits_its_owner() {
    let headline = |standfirst: &str| {
        format!(
            "“Our view is this is an extremely dangerous situation” as markets slide\n\n{standfirst}\n\nThe talks went on.\n"
        )
    };
    let (status, speaker) = credit(
        "dangerous",
        &headline(
            "White House Press Secretary Jen Psaki’s warning to reporters deepens the crisis",
        ),
    );
    assert_eq!(
        (status, speaker.as_deref()),
        (Status::Match, Some("jen-psaki"))
    );
    credited_to(
        "dangerous",
        &headline("Boris Johnson’s warning to reporters deepens the crisis"),
        "Boris Johnson",
    );
    // A standfirst where the one named speaks is not about someone else's
    // words, whatever noun it holds.
    let (status, _) = credit(
        "dangerous",
        &format!(
            "“{DANGER}”\n\nPress Secretary Jen Psaki tells reporters she had no warning of the attack\n"
        ),
    );
    assert_eq!(status, Status::Match);
    matches(
        "dangerous",
        &format!("The talks ended. Jen Psaki's verdict on the week was blunt: \"{DANGER}\""),
    );
}

/// Other ways a cue is written: a name with its institution after "of", an
/// anonymous source introduced with "one", "blamed" as a speech verb.
#[test]
fn names_with_their_institution_one_source_and_blame() {
    matches(
        "dangerous",
        &format!("\"{DANGER},\" said Jen Psaki of the White House, who briefed reporters."),
    );
    matches(
        "too-early",
        "One US official has claimed that \"it is still too early to say whether the Russian government is genuinely interested in diplomacy\".",
    );
    matches(
        "grushko",
        "The Russian Foreign Ministry, which handles such visits, has blamed \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request\".",
    );
}

/// What stands in brackets after a name is its abbreviation or affiliation:
/// the name before it speaks.
#[test]
fn brackets_after_a_name_do_not_speak() {
    matches(
        "grushko",
        "The Russian Foreign Ministry (MID), which handles such visits, said \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request\".",
    );
    credited_to(
        "grushko",
        "Boris Johnson (Russian Foreign Ministry), who handles such visits, said \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request\".",
        "Boris Johnson",
    );
}

/// What an independent review found the rules above got wrong, kept right.
#[test]
fn the_new_rules_keep_to_their_constructions() {
    // Progressive tenses are the subject speaking, not passives.
    matches(
        "dangerous",
        &format!("Jen Psaki has been saying for weeks that \"{DANGER}\""),
    );
    matches(
        "dangerous",
        &format!("Jen Psaki is warning that \"{DANGER}\""),
    );
    // An auxiliary starting the next sentence, or a name, says nothing.
    matches(
        "dangerous",
        &format!("\"{DANGER},\" said Jen Psaki. Was she believed?"),
    );
    matches(
        "dangerous",
        &format!("\"{DANGER},\" said Jen Psaki. May, however, was unconvinced."),
    );
    // A possessive inside a leading phrase or after the subject.
    matches(
        "dangerous",
        &format!("Jen Psaki was unimpressed by Lavrov's response: \"{DANGER}\""),
    );
    matches(
        "dangerous",
        &format!("Responding to Sergey Lavrov's statement, Jen Psaki was blunt: \"{DANGER}\""),
    );
    // A subject with an adjective before it.
    matches(
        "dangerous",
        &format!(
            "Asked about Sergey Lavrov, a visibly angry Jen Psaki did not hold back: \"{DANGER}\""
        ),
    );
    // "no response from X" does not make X speak.
    matches(
        "grushko",
        "The Russian Foreign Ministry said the meeting had gone ahead. There was no immediate response from the White House.\n\n\"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request,\" it added.",
    );
    // "a warning X reiterated" is X repeating the words.
    matches(
        "dangerous",
        &format!("\"{DANGER},\" a warning Jen Psaki reiterated on Tuesday."),
    );
    // A standfirst about someone else's words, or a lede, credits no owner.
    let (status, _) = credit(
        "dangerous",
        &format!("“{DANGER}”\n\nSergey Lavrov hits back at Jen Psaki’s claim as talks stall\n"),
    );
    assert_ne!(status, Status::Mismatch);
    uncredited(
        "dangerous",
        &format!(
            "“{DANGER}”\n\nRussian Foreign Minister Sergey Lavrov says such warnings are unfair\n"
        ),
    );
    // A later clause that does not lead to the quotation.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki told reporters on Tuesday, and Ned Price said the same on Wednesday, that \"{DANGER}\""
        ),
    );
    // "Outside," before a name is no place.
    credited_to(
        "dangerous",
        &format!("Outside, Ruth Abernethy was furious: \"{DANGER}\""),
        "Ruth Abernethy",
    );
}

/// Constructions from the dev-11 set: a quotation that ends its sentence
/// takes no cue from the next; a participle after a comma has its clause's
/// subject; what a sign reads is no one's; a standfirst under a headline
/// that says more than the quotation credits no one (the standfirst may be
/// other news); "X's line was that".
#[test]
fn sentence_ends_participles_inscriptions_and_standfirsts() {
    credited_to(
        "dangerous",
        &format!(
            "Ned Price said this week that \"{DANGER}\". Jen Psaki says the talks will go on."
        ),
        "ned-price",
    );
    matches(
        "dangerous",
        &format!(
            "In the briefing room on Monday, Jen Psaki went further, saying that \"{DANGER}\""
        ),
    );
    uncredited(
        "dangerous",
        &format!("Ned Price spoke first. A banner went up outside. It reads: \"{DANGER}\""),
    );
    uncredited(
        "dangerous",
        "“This is an extremely dangerous situation”: Washington counts the cost\n\nPress Secretary Jen Psaki says Russia could launch an attack at any point\n\nThe talks went on.\n",
    );
    // What a statement reads is its author's; punctuation outside the
    // marks that is not a full stop ends no sentence.
    matches(
        "grushko",
        "A statement from the Russian Foreign Ministry read: \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
    );
    matches(
        "dangerous",
        "\"Our view is this is an extremely dangerous situation and Russia could at any point launch an attack\"? Jen Psaki asked.",
    );
    matches(
        "dangerous",
        &format!("On Monday, Jen Psaki's line was that \"{DANGER}\""),
    );
}

/// A name with its institution before the verb ("Professor ... of Calder
/// Business School said"); abbreviated titles ("Cllr"); a quotation with no
/// cue after a sentence about its speaker; "pointed out that"; "no." ends a
/// sentence where "No. 10" does not.
#[test]
fn institutions_before_the_verb_abbreviated_titles_and_the_sentence_before() {
    matches(
        "dangerous",
        &format!("Dr Jen Psaki of Georgetown University said: \"{DANGER}\""),
    );
    credited_to(
        "dangerous",
        &format!(
            "As Professor Alan Smith of Calder Business School put it in a briefing note, \"{DANGER}\""
        ),
        "Professor Alan Smith",
    );
    matches(
        "dangerous",
        &format!("Cllr Psaki told the meeting: \"{DANGER}\""),
    );
    matches(
        "dangerous",
        &format!(
            "\"We are watching closely,\" Jen Psaki said.\n\nThe same official raised questions about the deployment. \"{DANGER}\""
        ),
    );
    // A lone capitalized word is no subject.
    uncredited("dangerous", &format!("Q: Is it safe?\n\nYes. \"{DANGER}\""));
    matches(
        "dangerous",
        &format!("Jen Psaki has pointed out that \"{DANGER}\""),
    );
    matches(
        "dangerous",
        &format!("The Kremlin is saying no. Jen Psaki told a briefing on Wednesday: \"{DANGER}\""),
    );
    matches(
        "dangerous",
        &format!("Jen Psaki, who visited No. 10 on Monday, said: \"{DANGER}\""),
    );
}

/// Appositions past a relative clause, "as X put it" after the words or
/// with a relative clause before "put", a semicolon's clause, documents and
/// their owners, stances ("is right that"), phrasal cues ("sets out").
#[test]
fn appositions_documents_stances_and_phrasal_cues() {
    matches(
        "dangerous",
        &format!("The White House's director of communications, Jen Psaki, said: \"{DANGER}\""),
    );
    matches(
        "dangerous",
        &format!(
            "Jen Psaki, a spokeswoman at the Russian Foreign Ministry, which she joined in May, told reporters: \"{DANGER}\""
        ),
    );
    matches(
        "grushko",
        "In a statement issued after talks with Jen Psaki, the foreign ministry, which rarely gives interviews, said: \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
    );
    matches(
        "dangerous",
        &format!("\"{DANGER},\" as the White House's spokeswoman Jen Psaki put it."),
    );
    matches(
        "too-early",
        "As one US official who attended the talks put it, \"I think it is still too early to say whether the Russian government is genuinely interested in diplomacy.\"",
    );
    // "Another" official may be the one of record: nothing says otherwise.
    matches(
        "too-early",
        "As another US official who attended the talks put it, \"I think it is still too early to say whether the Russian government is genuinely interested in diplomacy.\"",
    );
    matches(
        "dangerous",
        &format!("\"{DANGER},\" according to the White House's chief spokeswoman, Jen Psaki."),
    );
    matches(
        "dangerous",
        &format!(
            "Ned Price has also accused critics of bad timing; on Friday, Jen Psaki said that \"{DANGER}\""
        ),
    );
    matches(
        "grushko",
        "The foreign ministry spoke on Friday. Its updated statement repeats that \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
    );
    matches(
        "grushko",
        "The Russian Foreign Ministry's notice, issued on Friday, recorded that \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
    );
    matches(
        "dangerous",
        &format!("Jen Psaki is right that \"{DANGER}\""),
    );
    matches(
        "dangerous",
        &format!("Jen Psaki was very clear yesterday that \"{DANGER}\""),
    );
    uncredited(
        "dangerous",
        &format!("Ned Price left early.\n\nIt is clear that \"{DANGER}\""),
    );
    matches("dangerous", &format!("Jen Psaki reckons \"{DANGER}\""));
    matches(
        "dangerous",
        "“Russia could at any point launch an attack”: tensions rise as Psaki sets out US fears\n\nThe talks went on.\n",
    );
}

/// "As X puts it"; an anonymous source described with other details than
/// the listed alias's; a clause inside a description.
#[test]
fn puts_it_anonymous_details_and_clauses_in_descriptions() {
    matches("dangerous", &format!("As Psaki puts it, \"{DANGER}\""));
    let list = LIST.replace(
        "aliases: [a US official]",
        "aliases: [a US official at the talks]",
    );
    let catalog = Catalog::parse(Path::new("quotes.yaml"), &list).unwrap();
    let credit = |article: &str| {
        let found = Checker::new(&catalog)
            .article(&Article::new("a.txt", article))
            .findings;
        found[0].attribution.speaker.clone()
    };
    let words = "\"I think it is still too early to say whether the Russian government is genuinely interested in diplomacy.\"";
    assert_eq!(
        credit(&format!(
            "A US official who spoke on condition of anonymity went further: {words}"
        )),
        Some("us-official".to_string())
    );
    // Details of their own: someone else.
    assert_eq!(
        credit(&format!("A US official in Brussels went further: {words}")),
        Some("A US official".to_string())
    );
    uncredited(
        "dangerous",
        &format!("By teatime came the news that officials had been waiting for: \"{DANGER}\""),
    );
}

/// Cues added with dev-13 and dev-14 that the tests above do not cover.
#[test]
fn issued_phrasal_accused_nouns_owners_and_arguments() {
    matches(
        "grushko",
        "The Russian Foreign Ministry issued a statement on Friday: \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
    );
    matches(
        "dangerous",
        &format!("Jen Psaki hit out at Moscow, saying \"{DANGER}\""),
    );
    matches(
        "dangerous",
        &format!("Jen Psaki has accused Moscow of stalling, warning that \"{DANGER}\""),
    );
    // After an article a speech verb is a noun, not a cue.
    uncredited(
        "dangerous",
        &format!("Ned Price spoke first.\n\nThe warning was plain: \"{DANGER}\""),
    );
    credited_to(
        "dangerous",
        &format!("Boris Johnson's weekend statement said \"{DANGER}\""),
        "Boris Johnson",
    );
    matches(
        "dangerous",
        &format!("Capt Psaki told the crew: \"{DANGER}\""),
    );
    // "A spokesperson" speaks for the body just named.
    matches(
        "grushko",
        "The Russian Foreign Ministry has responded to Washington. A spokesperson repeated yesterday's line: \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
    );
    credited_to(
        "grushko",
        "Jen Psaki spoke first. A spokesperson repeated yesterday's line: \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
        "A spokesperson",
    );
    // An argument's owner, or whoever made it, speaks; not whoever answers it.
    matches(
        "dangerous",
        &format!("Ned Price rejected Jen Psaki's claim that \"{DANGER}\""),
    );
    matches(
        "too-early",
        "Ned Price was pressed on claims, made by a US official in the Courier, that \"I think it is still too early to say whether the Russian government is genuinely interested in diplomacy.\"",
    );
}

/// Someone reading words out; a later coordinated clause that introduces
/// the quotation; a pronoun that an anonymous source quoted beside a known
/// "she" does not take; a headline that describes its speaker after a colon.
#[test]
fn reading_out_later_clauses_anonymous_pronouns_and_headline_descriptions() {
    matches(
        "finalizing",
        "Jens Stoltenberg rose with a printed sheet. \"We are finalizing at NATO the proposals,\" he read. \"The written document we will send to them later this week.\"",
    );
    matches(
        "dangerous",
        &format!(
            "Jen Psaki followed him to the lectern. She had been rehearsing her line for days, an aide told me, and she delivered it well: \"{DANGER}\""
        ),
    );
    // A subordinate clause after the cue is no new speaker.
    matches(
        "too-early",
        "A US official said the intruders had been inside well before the foreign ministry spotted them: \"I think it is still too early to say whether the Russian government is genuinely interested in diplomacy.\"",
    );
    matches(
        "dangerous",
        "“Russia could at any point launch an attack”: the White House Press Secretary who will not let it rest\n\nBy Ann Smith\n\nThe talks went on.\n",
    );
}

/// A transcript prints who speaks as a label in capitals, and the words
/// without quotation marks.
#[test]
fn a_transcript_s_label_is_its_speaker() {
    matches(
        "dangerous",
        &format!(
            "LEANNE MOSS: Who is responsible?\n\nJEN PSAKI: Well, first of all. {DANGER} I'm not going to prejudge it.\n"
        ),
    );
    credited_to(
        "dangerous",
        &format!("LEANNE MOSS: Who is responsible?\n\nNED PRICE: {DANGER}\n"),
        "ned-price",
    );
    // A cue inside the run's own sentence comes first: the label's speaker
    // is quoting someone.
    matches(
        "dangerous",
        &format!("NED PRICE: Well, Jen Psaki told me herself on Friday, {DANGER}\n"),
    );
    // A turn printed as two paragraphs: the second has no label of its own.
    matches(
        "dangerous",
        &format!(
            "LEANNE MOSS: Who is responsible?\n\nJEN PSAKI: We are watching closely.\n\n{DANGER}\n"
        ),
    );
    // ... but a label in other letters is another turn.
    credited_to(
        "dangerous",
        &format!("JEN PSAKI: We are watching closely.\n\nLeanne Moss: {DANGER}\n"),
        "Leanne Moss",
    );
    // The label says who speaks the turn, not who spoke the words it
    // quotes.
    uncredited(
        "dangerous",
        &format!(
            "LEANNE MOSS: Thank you. Now, you will remember the line from June: \"{DANGER}\"\n"
        ),
    );
    // `you` is the one the turn speaks to.
    matches(
        "dangerous",
        &format!(
            "LEANNE MOSS: With me is Jen Psaki.\n\nJEN PSAKI: Good evening.\n\nLEANNE MOSS: You told reporters that \"{DANGER}\"\n"
        ),
    );
}

/// A live blog's timestamp before a quotation opening its entry does not
/// break the continuation from the entry before.
#[test]
fn a_live_blog_timestamp_keeps_the_continuation() {
    matches(
        "dangerous",
        "11:02 \"We are watching closely,\" Jen Psaki said.\n\n11:03 \"Our view is this is an extremely dangerous situation and Russia could at any point launch an attack.\"\n",
    );
    // A new entry with news of its own around the quotation is not.
    let (status, _) = credit(
        "dangerous",
        "11:02 \"We are watching closely,\" Jen Psaki said.\n\n11:03 \"Our view is this is an extremely dangerous situation and Russia could at any point launch an attack.\" That is the line from the Russian Foreign Ministry.\n",
    );
    assert_ne!(status, Status::Match);
    uncredited(
        "dangerous",
        "11:02 \"We are watching closely,\" Jen Psaki said.\n\nThe talks resumed. \"Our view is this is an extremely dangerous situation and Russia could at any point launch an attack.\"\n",
    );
}

/// A relative clause about the subject before a colon: the subject speaks,
/// not a body named in its predicate.
#[test]
fn a_relative_clause_about_the_subject_before_a_colon() {
    matches(
        "too-early",
        "A US official, who attended the talks, offered a less flattering picture of the foreign ministry: \"I think it is still too early to say whether the Russian government is genuinely interested in diplomacy.\"",
    );
}

/// A headline's quotation that names no one is credited where the body
/// quotes the same statement and says who spoke; a headline that credits
/// someone itself keeps its own credit.
#[test]
fn a_headline_quotation_takes_the_body_s_credit() {
    let body = format!("\n\nThe talks ended without agreement.\n\n\"{DANGER}\" Jen Psaki said.\n");
    matches(
        "dangerous",
        &format!(
            "‘An extremely dangerous situation and Russia could at any point launch an attack’: inside the Geneva talks{body}"
        ),
    );
    credited_to(
        "dangerous",
        &format!(
            "‘An extremely dangerous situation and Russia could at any point launch an attack’, Ned Price warns{body}"
        ),
        "ned-price",
    );
    // A few words quoted inside a headline's sentence are not its quotation.
    uncredited(
        "dangerous",
        "A crisis that is “an extremely dangerous situation” and may get worse\n\nThe talks ended.\n\n\"Our view is this is an extremely dangerous situation and Russia could at any point launch an attack,\" Jen Psaki said.\n",
    );
}

/// A relative named as background (`her younger daughter, Isla`) is not
/// whom a later `she says` points at: the passage is about the possessor.
#[test]
fn a_relative_named_in_passing_is_not_the_pronoun_s_speaker() {
    matches(
        "dangerous",
        &format!(
            "Jen Psaki keeps the briefing notes in a binder.\n\nThe story she tells most often is about the night her younger daughter, Isla, was born. \"{DANGER}\" she says.\n"
        ),
    );
    matches(
        "dangerous",
        &format!(
            "Jen Psaki has a folder of notes, and her daughter Maisie, seven, has drawings.\n\n\"{DANGER}\" she says.\n"
        ),
    );
    // A relative the article quotes is someone who speaks.
    credited_to(
        "dangerous",
        &format!(
            "Jen Psaki keeps the notes. Her sister, Carla Moss, said: \"We talk daily.\"\n\n\"{DANGER}\" she says.\n"
        ),
        "Carla Moss",
    );
}

/// A quotation nested inside another is credited by the cue inside the
/// outer one: the outer speaker is reporting someone else's words.
#[test]
fn a_nested_quotation_has_the_speaker_its_outer_quotation_names() {
    matches(
        "dangerous",
        &format!(
            "Ned Price recalled the day. \"Jen came back and said, '{DANGER}' Then she sat down and wrote it up,\" he says.\n"
        ),
    );
    // A possession in the outer quotation: "the spokeswoman's warning".
    matches(
        "dangerous",
        &format!(
            "\"The press secretary's warning on Friday, '{DANGER}', was accurate in its first part,\" Ned Price writes.\n"
        )
        .replace("The press secretary", "White House Press Secretary Jen Psaki"),
    );
    // "My official": the listed anonymous source with that head noun, when
    // the words name no one else.
    matches(
        "too-early",
        "\"Our official told us, 'I think it is still too early to say whether the Russian government is genuinely interested in diplomacy.' We agreed,\" Ned Price said.\n",
    );
    // With no cue for the nested words, the outer speaker's credit stands.
    credited_to(
        "dangerous",
        &format!("\"The line we heard was '{DANGER}' and nothing else,\" Ned Price said.\n"),
        "ned-price",
    );
}

/// A quotation beside a noun for someone's words, set off by a comma, is
/// the owner's; a clause with a speech verb of its own says who speaks.
#[test]
fn a_quotation_beside_someone_s_words_is_theirs() {
    matches(
        "dangerous",
        &format!("Psaki's own phrase for the crisis, \"{DANGER}\", is one the Kremlin mocks.\n"),
    );
    credited_to(
        "dangerous",
        &format!("Ned Price told me about Psaki's warning, \"{DANGER}\"\n"),
        "ned-price",
    );
}

/// `said one of them, Jen Psaki,`: the person named after the part.
#[test]
fn one_of_them_then_a_name() {
    matches(
        "dangerous",
        &format!("\"{DANGER}\" said one of them, Jen Psaki, who briefs reporters daily.\n"),
    );
}

/// A document as the source: `according to the ministry's own timeline`,
/// `The ministry's written evidence to the committee states:`.
#[test]
fn a_document_speaks_for_its_owner_with_a_phrase_after_it() {
    let paper = "We are waiting for an official response on paper to our proposals, after which we plan another meeting.";
    credited_to(
        "on-paper",
        &format!(
            "According to the foreign ministry's own timeline, published on Friday, the plan \"{paper}\"\n"
        ),
        "russian-foreign-ministry",
    );
    credited_to(
        "on-paper",
        &format!("The foreign ministry's written evidence to the committee states: \"{paper}\"\n"),
        "russian-foreign-ministry",
    );
    // "The report" is the one the article just gave an owner.
    credited_to(
        "on-paper",
        &format!(
            "The foreign ministry published its report on Tuesday. The report said officials had noted \"{paper}\"\n"
        ),
        "russian-foreign-ministry",
    );
}

/// A sentence about someone's words before a quotation with no cue: the
/// words are theirs (a possessive pronoun only when it is the subject's).
#[test]
fn a_sentence_about_someone_s_words_introduces_them() {
    matches(
        "dangerous",
        &format!("Jen Psaki had chosen her words carefully that evening. \"{DANGER}\"\n"),
    );
    matches(
        "dangerous",
        &format!("Ned Price spoke first. Psaki's verdict was blunter. \"{DANGER}\"\n"),
    );
    uncredited(
        "dangerous",
        &format!("Critics mocked her words. \"{DANGER}\"\n"),
    );
}

/// What a review of this session's rules found, each now read as a careful
/// reader does.
#[test]
fn the_session_s_rules_keep_to_their_constructions() {
    // A relative who opens the sentence before the quotation is its subject.
    credited_to(
        "dangerous",
        &format!(
            "Jen Psaki has barely slept. Her sister, Carla Moss, moved in to help. \"{DANGER}\" she says.\n"
        ),
        "Carla Moss",
    );
    // Words someone reacts to are not the next quotation's owner.
    matches(
        "dangerous",
        &format!(
            "\"We were lied to,\" Jen Psaki said.\n\nShe also raised questions about the government's response. \"{DANGER}\"\n"
        ),
    );
    uncredited(
        "dangerous",
        &format!("Jen Psaki rejected Ned Price's claim outright. \"{DANGER}\"\n"),
    );
    // A document named first, then someone who speaks.
    matches(
        "dangerous",
        &format!(
            "According to the foreign ministry's own timeline, Jen Psaki wrote to reporters on 4 May: \"{DANGER}\"\n"
        ),
    );
    // A turn that opens with its speaker's own quotation.
    matches(
        "dangerous",
        &format!("JEN PSAKI: \"{DANGER}\" I have said that for weeks.\n"),
    );
    // `you` after a form of address is the one addressed.
    matches(
        "dangerous",
        &format!(
            "LEANNE MOSS: With me are Jen Psaki and Ned Price.\n\nJEN PSAKI: Good evening.\n\nNED PRICE: Good evening.\n\nLEANNE MOSS: Ms Psaki, you told reporters that \"{DANGER}\"\n"
        ),
    );
    // A possessive after "one of them" is a description, not the name.
    not_credited_to(
        "dangerous",
        &format!(
            "\"{DANGER}\" said one of the aides, Jen Psaki's deputy, who asked not to be named.\n"
        ),
        "jen-psaki",
    );
    // The nearest noun for someone's words.
    matches(
        "dangerous",
        &format!("Ned Price's reply to Psaki's warning, \"{DANGER}\", was a shrug.\n"),
    );
    // A description inside the outer quotation cannot reach the people the
    // article introduced: the outer credit stands.
    credited_to(
        "dangerous",
        &format!("\"The spokeswoman told us, '{DANGER}' and we left,\" Ned Price said.\n"),
        "ned-price",
    );
}

/// A pronoun in the paragraph prefers the one who opened a sentence to
/// someone named later in it.
#[test]
fn a_pronoun_prefers_the_sentence_s_subject() {
    matches(
        "dangerous",
        &format!(
            "Jen Psaki, the press secretary, sat beside Professor Kell throughout. Asked whether the White House had got it wrong, she pointed to a pledge she made in May: \"{DANGER}\"\n"
        ),
    );
}

/// `In the words of X,` is `according to X`; `put it to Y that` is a cue.
#[test]
fn in_the_words_of_and_put_it_to() {
    matches(
        "dangerous",
        &format!("In the words of Jen Psaki, the situation \"{DANGER}\"\n"),
    );
    matches(
        "dangerous",
        &format!(
            "Jen Psaki, who sits on the council, has just put it to Ned Price that \"{DANGER}\"\n"
        ),
    );
}

const EARLY: &str = "I think it is still too early to say whether the Russian government is genuinely interested in diplomacy.";

#[test]
fn a_role_with_a_word_before_it_names_its_speaker() {
    matches(
        "dangerous",
        &format!("\"{DANGER}\" according to press secretary Jen Psaki, who spoke on Friday."),
    );
    // An alias beside a description is the name ("Professor Kell, a crowd
    // safety expert,"), and a person of somewhere is the person.
    credited_to(
        "dangerous",
        &format!(
            "Professor Kell, a crowd safety expert, said the approach was vulnerable.\n\n\"{DANGER}\" she said."
        ),
        "mary-kell",
    );
    credited_to(
        "dangerous",
        &format!(
            "Professor Kell of Northbridge University, who knows the field, told me that \"{DANGER}\""
        ),
        "mary-kell",
    );
}

#[test]
fn the_source_of_words_read_out_is_their_speaker() {
    matches(
        "too-early",
        &format!(
            "Ned Price has read out the account given in February by a US official at the embassy, who asked not to be named: \"{EARLY}\""
        ),
    );
    // "One" standing for one of the people the sentence before named.
    matches(
        "too-early",
        &format!("Not every US official agrees. One, speaking anonymously, said: \"{EARLY}\""),
    );
}

#[test]
fn a_question_put_is_not_the_cue() {
    matches(
        "dangerous",
        &format!(
            "Asked about Ned Price's claims that the talks had failed, Jen Psaki takes the question: \"{DANGER}\""
        ),
    );
    // A surname the article gave in full before is that person.
    credited_to(
        "dangerous",
        &format!(
            "Jen Psaki sat beside Lee Carver.\n\n11.10 Asked about Ned Price's claims that the talks had failed, Carver takes the question: \"{DANGER}\""
        ),
        "Lee Carver",
    );
}

#[test]
fn a_headline_topic_before_a_colon_is_no_one() {
    matches(
        "dangerous",
        &format!(
            "Moscow talks live: ‘Our view is this is an extremely dangerous situation’\n\n10.02 \"{DANGER}\" Psaki says."
        ),
    );
    uncredited(
        "dangerous",
        "Moscow talks live: ‘Our view is this is an extremely dangerous situation’\n\nThe talks go on.\n",
    );
}

#[test]
fn the_one_a_passage_is_about() {
    // Someone named in a clause of the paragraph before is not its subject.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki does not accept that. She points out that when Mary Kell said \"talks were going nowhere\", the press office was silent.\n\n\"{DANGER}\" she said at the time."
        ),
    );
    // ... but a quotation right after that clause's verb is theirs.
    credited_to(
        "dangerous",
        &format!(
            "Jen Psaki does not accept that. She points out that when Mary Kell said \"{DANGER}\", the press office was silent."
        ),
        "mary-kell",
    );
}

#[test]
fn words_owned_in_other_forms() {
    // "in the minister's own words:" reads as "according to".
    matches(
        "dangerous",
        &format!("Jen Psaki briefed reporters. The key point, in Psaki's own words: \"{DANGER}\""),
    );
    matches(
        "dangerous",
        &format!("Jen Psaki briefed reporters. The key point, in her own words: \"{DANGER}\""),
    );
    // A charge or a position that is someone's.
    matches(
        "dangerous",
        &format!(
            "Ned Price was then asked about Jen Psaki's charge, made an hour earlier, that \"{DANGER}\""
        ),
    );
    matches(
        "grushko",
        "The foreign ministry held to its February position that \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request\".\n",
    );
    // Reading out a statement of one's own.
    credited_to(
        "dangerous",
        &format!(
            "When the talks ended, the trust's vice-chair, Dev Sandhu, read a statement on the steps of Geneva Town Hall: \"{DANGER}\""
        ),
        "Dev Sandhu",
    );
    // A sentence of its own about the words names no one.
    uncredited(
        "dangerous",
        &format!(
            "Jen Psaki spoke for an hour. It was long. Somewhere among the pages of evidence is the sentence that, for many people, sums it up: \"{DANGER}\""
        ),
    );
}

#[test]
fn a_new_person_inside_a_quotation_speaks_the_words_they_quote() {
    credited_to(
        "dangerous",
        &format!(
            "Jen Psaki remembers it. \"A mother came up to me after a talk and said, '{DANGER}' I could not forget it,\" she says."
        ),
        "A mother",
    );
}

#[test]
fn a_chain_of_pronouns_keeps_to_its_person() {
    matches(
        "dangerous",
        &format!(
            "Jen Psaki does not give up. When Mary Kell spoke, she listened.\n\nThe campaign has been the most visible. In February she told members that \"{DANGER}\""
        ),
    );
}

#[test]
fn a_subject_past_its_clauses_and_phrases() {
    // Commas inside a relative clause between the subject and its verb.
    matches(
        "grushko",
        "The foreign ministry, which has offices across Europe, Asia and Africa from its headquarters in Moscow, said in a statement that \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request\".\n",
    );
    // The head before its prepositional phrases.
    matches(
        "too-early",
        &format!(
            "A US official with more than a decade at the foreign ministry, who spoke on condition of anonymity, said: \"{EARLY}\""
        ),
    );
    // A role before a listed name.
    matches(
        "dangerous",
        &format!("According to White House Press Secretary Jen Psaki, \"{DANGER}\""),
    );
}

#[test]
fn a_sentence_offering_words_introduces_its_subject() {
    matches(
        "dangerous",
        &format!(
            "18:15 – The press secretary, Jen Psaki, has opened the briefing with something close to a warning. \"{DANGER}\""
        ),
    );
    // Words that are someone else's are not the subject's offer.
    uncredited(
        "dangerous",
        &format!("Ned Price held the floor. It was an apology of sorts. \"{DANGER}\""),
    );
}

#[test]
fn another_of_them_and_a_document_past_its_aside() {
    matches(
        "too-early",
        &format!(
            "US officials were reluctant to talk on the record. One, who didn't want to give a name, told me that people were already looking elsewhere. Another said simply, \"{EARLY}\""
        ),
    );
    // A subordinate clause inside the aside holds no cue.
    matches(
        "grushko",
        "Ned Price said it was bad.\n\nThe foreign ministry's statement, published as Mr Price spoke, was blunt: \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"\n",
    );
}

#[test]
fn this_session_s_rules_keep_to_their_constructions() {
    // A name alone, or a name and what it is about, before a headline's
    // colon is its speaker, whether or not the body quotes it again.
    matches(
        "dangerous",
        &format!("Psaki: ‘{DANGER}’\n\nBy Anna Cole\n\nThe talks went on.\n"),
    );
    matches(
        "dangerous",
        &format!("Psaki on the talks: ‘{DANGER}’\n\nThe press secretary spoke on Tuesday.\n"),
    );
    // Someone who takes over, or heckles, is who a later pronoun means.
    credited_to(
        "dangerous",
        &format!(
            "Ned Price spoke first, and briefly. Then Mary Kell, the chair, took the microphone.\n\n\"{DANGER}\" she said."
        ),
        "mary-kell",
    );
    credited_to(
        "dangerous",
        &format!(
            "Jen Psaki was heckled on Tuesday by Mary Kell, whose son attends the school.\n\n\"{DANGER}\" she shouted."
        ),
        "mary-kell",
    );
    // A relative clause inside the question put; the main clause speaks.
    matches(
        "dangerous",
        &format!(
            "Asked about the claims, which Mary Kell repeated on Tuesday, Jen Psaki said: \"{DANGER}\""
        ),
    );
    // A statement read on someone's behalf is theirs.
    matches(
        "dangerous",
        &format!("A spokesman read a statement on behalf of Ms Psaki: \"{DANGER}\""),
    );
    // The outer speaker who then speaks keeps the nested words.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki said: \"A reporter asked me if it was serious, and I told her, '{DANGER}' I meant it.\""
        ),
    );
}

#[test]
fn a_partial_quotation_nested_in_another_s_is_its_own() {
    // Matched inside the nested marks, not as the whole outer quotation, so
    // the cue inside the outer quotation credits it.
    matches(
        "dangerous",
        "Mary Kell remembers the briefing. \"When Jen Psaki stood at the podium and said 'our view is this is an extremely dangerous situation', I believed her,\" she says.\n",
    );
}

#[test]
fn a_person_of_a_listed_body_is_the_person() {
    credited_to(
        "grushko",
        "Dr Anna Lowell of the foreign ministry said: \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"\n",
        "Dr Anna Lowell",
    );
}

/// Rules from the blind sets dev-23 (an inquest) and dev-24 (a car plant's
/// closure), each on the construction that needed it.
#[test]
fn someone_alone_in_the_sentence_before_has_the_words() {
    // A name or a pronoun alone in the sentence before a cue-less quotation.
    matches(
        "dangerous",
        &format!("Jen Psaki, at the back of the room, was unmoved. \"{DANGER}\""),
    );
    matches(
        "dangerous",
        &format!("Jen Psaki took the podium at noon. She did not mince her words. \"{DANGER}\""),
    );
    // ... also when the quotation opens the next paragraph.
    matches(
        "dangerous",
        &format!("Jen Psaki said the talks would go on.\n\n\"{DANGER}\"\n"),
    );
    // Not someone asking, meeting others, or handing over.
    uncredited(
        "dangerous",
        &format!("Ned Price wanted to know when the talks would resume. \"{DANGER}\""),
    );
    uncredited(
        "dangerous",
        &format!("Ned Price met union representatives on Friday. \"{DANGER}\""),
    );
    // Not after a standfirst, which ends without a full stop.
    uncredited(
        "dangerous",
        &format!(
            "How the talks failed\n\nNed Price reconstructs what went wrong – and asks who pays\n\n\"{DANGER}\" It became a proverb.\n"
        ),
    );
    // "That was X's verdict" after the quotation names its owner.
    matches(
        "dangerous",
        &format!(
            "Ned Price was under pressure. \"{DANGER}\" That was Jen Psaki's verdict on Monday."
        ),
    );
}

#[test]
fn findings_groups_and_dash_lines_name_the_speaker() {
    // "found that": a finding given in words.
    matches(
        "dangerous",
        &format!("The press secretary, Jen Psaki, found that \"{DANGER}\"."),
    );
    // "One of them": one of the group just named, matched to the listed
    // anonymous source with that head noun.
    matches(
        "too-early",
        "Officials in Washington were cautious. One of them told reporters that \"I think it is still too early to say whether the Russian government is genuinely interested in diplomacy.\"",
    );
    // A pull quote credited on the line under it.
    matches(
        "dangerous",
        &format!("Quote of the week\n\n\"{DANGER}\"\n\n— Jen Psaki, White House Press Secretary\n"),
    );
    // A live blog's "More from ...".
    matches(
        "dangerous",
        &format!(
            "10.38 – Jen Psaki is speaking now.\n\n10.41 – More from the White House Press Secretary, who has just left the room. \"{DANGER}\"\n"
        ),
    );
}

#[test]
fn apposition_participles_and_documents() {
    // Someone named in apposition "who spoke" is the "she" that follows.
    credited_to(
        "dangerous",
        &format!(
            "When Professor Kell finished her evidence, it was his sister, Anna Marsh, who spoke for the family. \"{DANGER},\" she told reporters."
        ),
        "Anna Marsh",
    );
    // A participle after an apposition's clause has the sentence's subject.
    matches(
        "dangerous",
        &format!(
            "The White House Press Secretary, Jen Psaki, has been blunt about the Kremlin, saying \"{DANGER}\"."
        ),
    );
    // Words pointed to in a body's document are the body's ...
    matches(
        "grushko",
        "Asked what came next, Ned Price pointed reporters to the foreign ministry's written statement: \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
    );
    // ... not when the document is what quotes them.
    matches(
        "dangerous",
        &format!("The foreign ministry's report quotes Jen Psaki's warning: \"{DANGER}\""),
    );
}

#[test]
fn names_bylines_and_organisations_in_the_cast() {
    // A known first name makes an unlisted person, who can be a "she"
    // before speaking.
    credited_to(
        "dangerous",
        &format!("Karen Doyle came in the afternoon. She told the inquiry: \"{DANGER}\""),
        "Karen Doyle",
    );
    // An institution before its name is an organisation, not a "she".
    credited_to(
        "dangerous",
        &format!(
            "\"{DANGER},\" Anna Marsh told me at the University of Brackford.\n\nShe pulls up a photograph.\n\n\"{DANGER}\"\n"
        ),
        "Anna Marsh",
    );
    // A role before the name decides: a council's chief executive is a he.
    credited_to(
        "dangerous",
        &format!(
            "Ned Price spoke first.\n\nCouncil chief executive Martin Fairbrother, who toured the stalls, said the council was worried. \"{DANGER},\" he said."
        ),
        "Council chief executive Martin Fairbrother",
    );
    // A byline's writer is no one the story quotes.
    not_credited_to(
        "dangerous",
        &format!(
            "Talks end\n\nBy Paolo Brandt, diplomatic editor\n\nThe press secretary repeated the warning. \"{DANGER},\" the press secretary said."
        ),
        "Paolo Brandt",
    );
}

#[test]
fn headline_clauses_and_nested_pronouns() {
    // A clause quoted inside a headline takes the body's credit.
    matches(
        "dangerous",
        &format!(
            "Warning ‘Russia could at any point launch an attack’ as talks stall\n\nThe White House spoke on Tuesday. \"{DANGER},\" Jen Psaki said.\n"
        ),
    );
    // A "he" who speaks inside someone's own quotation is the one the
    // paragraph named, not the speaker.
    matches(
        "finalizing",
        "In October, Jens Stoltenberg wrote offering to meet. Mary Kell has not replied. \"He stood up in that hall and said, 'We are finalizing at NATO the proposals. The written document we will send to them later this week.' Fine. Then show me the paper,\" she says.\n",
    );
}

/// The review of this session's rules (/tmp/rv9): each near miss a rule
/// must not fire on, as a guard.
#[test]
fn this_session_s_rules_stand_down_where_they_should() {
    // A sentence that gives no comment, or points to a notice, is followed
    // by someone else's words.
    uncredited(
        "dangerous",
        &format!("Ned Price declined to comment. \"{DANGER}\""),
    );
    uncredited(
        "dangerous",
        &format!("Ned Price has not replied.\n\n\"{DANGER}\"\n"),
    );
    uncredited(
        "dangerous",
        &format!("She pointed to a handwritten notice taped to the railings. \"{DANGER}\""),
    );
    // The quotation's own paragraph names someone else after it.
    not_credited_to(
        "dangerous",
        &format!(
            "Ned Price said the talks would go on.\n\n\"{DANGER}\" Mary Kell, a historian, is unconvinced.\n"
        ),
        "ned-price",
    );
    // A finding that reports someone else's words is theirs.
    matches(
        "dangerous",
        &format!("Inspectors found that Jen Psaki had told reporters that \"{DANGER}\"."),
    );
    // "One of them" after letters sent to people is a letter.
    not_credited_to(
        "too-early",
        "The embassy published three letters it sent to officials. One of them reads: \"I think it is still too early to say whether the Russian government is genuinely interested in diplomacy.\"",
        "us-official",
    );
    // A dash line that is a sentence, or comes after a cue, is no credit.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki told the briefing:\n\n\"{DANGER}\"\n\n– Ned Price will speak on Friday.\n"
        ),
    );
    uncredited(
        "dangerous",
        &format!("The talks went on.\n\n\"{DANGER}\"\n\n— Ned Price contributed reporting.\n"),
    );
    // Someone who "told the meeting" after another's verb is not the she.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki thanked Mary Kell, who told the meeting about her children. \"{DANGER},\" she said."
        ),
    );
    // A reader who goes on to words of their own.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki read the foreign ministry's statement twice before giving her own verdict: \"{DANGER}\""
        ),
    );
    // A live blog's own reporter is not the speaker.
    not_credited_to(
        "dangerous",
        &format!(
            "14.40\n\nMore from our reporter Ned Price, who has been speaking to officials.\n\n\"{DANGER}\"\n"
        ),
        "ned-price",
    );
    // "My son ... he said" inside a quotation is the son.
    not_credited_to(
        "finalizing",
        "Mary Kell and Jens Stoltenberg have not spoken since. \"My son rang me and he said, 'We are finalizing at NATO the proposals. The written document we will send to them later this week.' I just sat there,\" she says.\n",
        "jens-stoltenberg",
    );
}

/// Rules from the held-out dev-25 and dev-26, after their one measurement.
#[test]
fn ages_stamps_and_next_sentences() {
    // A description by age, with its role, after the verb.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki has now spent a week in Geneva.\n\n\"{DANGER},\" said the 43-year-old press secretary.\n"
        ),
    );
    // A live blog's entry that says who stood up, then the words.
    matches(
        "dangerous",
        &format!(
            "18:21 Jen Psaki has just stood up to speak to reporters, to a mixed reception.\n\n18:22 \"{DANGER}\"\n"
        ),
    );
    // A document's participle is no cue; the speaker after it is.
    matches(
        "dangerous",
        &format!("UPDATE Jan 15 - In a statement posted on Thursday, Psaki said: \"{DANGER}\""),
    );
    // Someone agreeing after the words is not their speaker.
    matches(
        "dangerous",
        &format!(
            "According to Jen Psaki, \"{DANGER}\", and Ned Price says he agrees with every word."
        ),
    );
    // The next sentence names who said them.
    matches(
        "too-early",
        "\"I think it is still too early to say whether the Russian government is genuinely interested in diplomacy.\" The US official who first said those words to reporters still works at the embassy.",
    );
}

#[test]
fn a_body_s_spokesperson_speaks_for_the_body_not_its_people() {
    // "the foreign ministry" is listed; a person with a ministry role is
    // named first, and is not the one the spokesperson speaks for.
    matches(
        "grushko",
        "Deputy ministry official Anna Marsh was at the talks. A ministry spokesperson said: \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
    );
}

#[test]
fn a_headline_s_subject_who_speaks_after_its_quotation_is_its_speaker() {
    let headline = |after: &str| {
        format!(
            "‘Our view is this is an extremely dangerous situation’: {after}\n\nThe talks go on.\n"
        )
    };
    matches("dangerous", &headline("Psaki warns Moscow over troops"));
    matches("dangerous", &headline("Jen Psaki defends her briefing"));
    credited_to(
        "dangerous",
        &headline("Ned Price warns Moscow over troops"),
        "ned-price",
    );
    credited_to(
        "dangerous",
        &headline("Mark Hollis insists talks will go on"),
        "Mark Hollis",
    );
    // Under "faces" the words are often the charge, not the subject's.
    uncredited("dangerous", &headline("Ned Price faces questions"));
    uncredited("dangerous", &headline("Ned Price rejects criticism"));
}

#[test]
fn session_ten_subjects_past_asides_and_owners() {
    // A clause that opens with an auxiliary after asides that are no
    // mention is the predicate of the name that opens the sentence; a place
    // "of" someone is no source.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki, 43, a former adviser and one of the briefers, was defiant outside the Royal Courts of Justice: \"{DANGER}\""
        ),
    );
    matches(
        "dangerous",
        &format!("Jen Psaki was defiant outside the offices of Mary Kell: \"{DANGER}\""),
    );
    // Commas inside a "whose" clause between the subject and its verb.
    matches(
        "grushko",
        "The Russian Foreign Ministry, whose spokesperson, Mary Kell, sat beside the minister but took no questions, said in a statement that \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
    );
    // Someone named only as an owner is whom the next "she" means.
    matches(
        "dangerous",
        &format!(
            "Ned Price approved the plan.\n\nThe embassy offered seats to the press, including Ms Psaki’s.\n\nShe was unimpressed. \"{DANGER}\" she said."
        ),
    );
    // An owner is not what the sentence is about.
    credited_to(
        "dangerous",
        &format!(
            "Ms Psaki’s office referred questions to Mary Kell. She told reporters: \"{DANGER}\""
        ),
        "mary-kell",
    );
    // ... and a body's possessive is not a person.
    credited_to(
        "dangerous",
        &format!(
            "Mary Kell approved the plan. The Russian Foreign Ministry’s envoy was away. \"{DANGER}\" she said."
        ),
        "mary-kell",
    );
}

#[test]
fn a_sentence_leading_on_to_its_own_quotation_is_not_the_one_before_s_cue() {
    // The words have a cue before them; the sentence after them introduces
    // other words.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki emailed: \"{DANGER}\" Another reader, Mark, wrote simply: \"Pay them.\""
        ),
    );
    matches(
        "dangerous",
        &format!(
            "One official, Jen Psaki, said: \"{DANGER}\" The ministry said it \"does not comment on briefings\"."
        ),
    );
    // A cue after the words, with nothing before them, still counts.
    credited_to(
        "dangerous",
        &format!("\"{DANGER}\" Ned Price said, and added that \"talks go on\"."),
        "ned-price",
    );
}

#[test]
fn an_anonymous_alias_with_a_relative_clause_has_its_head_noun() {
    const STAFF: &str = r#"
speakers:
  - id: anon-staffer
    name: Club staff member (anonymous)
    aliases: [a club employee who asked not to be named]
    pronouns: they
quotes:
  - id: sold
    speaker: anon-staffer
    text: We were told the training ground was being sold weeks before anyone outside the building knew about it.
    date: 2026-06-01
    source: Supporters' Trust
"#;
    let words = "“We were told the training ground was being sold weeks before anyone outside the building knew about it,”";
    for cue in [
        "one employee, who asked not to be named, told the trust.",
        "a club employee told the trust.",
    ] {
        let (status, speaker) = support::attribution_of(STAFF, "sold", &format!("{words} {cue}"));
        assert_eq!(
            (status, speaker.as_deref()),
            (Status::Match, Some("anon-staffer")),
            "{cue}"
        );
    }
}

#[test]
fn describing_is_speaking_and_a_lone_word_is_no_one_s_description() {
    matches(
        "dangerous",
        &format!(
            "19:23 — Psaki describes the ministry’s only meeting with the envoy, earlier this month. \"{DANGER}\""
        ),
    );
    // "Colleagues" speaks, but "the press secretary" is not them.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki grew up in Connecticut.\nColleagues describe her as meticulous.\n\"{DANGER}\" the press secretary told reporters."
        ),
    );
}

#[test]
fn owners_of_people_groups_and_subjects_from_somewhere() {
    // The owner of a person is not who the next pronoun means.
    not_credited_to(
        "dangerous",
        &format!("Ms Psaki’s deputy spoke to reporters. She said: \"{DANGER}\""),
        "jen-psaki",
    );
    // A group speaking of "she" gives itself no pronoun.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki was questioned for two hours. Directors say she was composed throughout. She told reporters: \"{DANGER}\""
        ),
    );
    // Where the subject is from, and a relative clause about them, hand
    // over to no one.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki of Unite, who briefs Ned Price daily, has taken the microphone. \"{DANGER}\""
        ),
    );
}

#[test]
fn a_description_completed_by_a_phrase_before_its_name() {
    // The name set off after "The chair of ..." is the one who speaks.
    credited_to(
        "dangerous",
        &format!("The chair of the transport committee, Lucy Frayne, was blunt: \"{DANGER}\""),
        "Lucy Frayne",
    );
    matches(
        "dangerous",
        &format!("\"{DANGER}\" said a spokesperson for the White House, Jen Psaki."),
    );
}

#[test]
fn a_speech_verb_inside_a_whose_clause_is_not_the_sentence_s() {
    // "whose deputy, Ned Price, said ...," is an aside; Psaki told.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki, whose deputy, Ned Price, said little all week, told reporters: \"{DANGER}\""
        ),
    );
}

#[test]
fn went_on_and_remembers_as_cues() {
    // "as X went on:" is X speaking, whatever the main clause does.
    matches(
        "dangerous",
        &format!("Ned Price shook his head as Jen Psaki went on: \"{DANGER}\""),
    );
    matches("dangerous", &format!("\"{DANGER}\" Jen Psaki remembers."));
    // Remembering someone is no cue: "she" is Psaki's, not Kell's.
    not_credited_to(
        "dangerous",
        &format!(
            "Mary Kell still bristles when she remembers the press secretary, Jen Psaki, saying \"{DANGER}\""
        ),
        "mary-kell",
    );
}

#[test]
fn an_anonymous_source_qualified_in_other_words_is_the_listed_one() {
    let list = "speakers:\n  - id: anon-lecturer\n    name: Lecturer (anonymous)\n    aliases: [a senior lecturer in modern languages]\n    pronouns: she\nquotes:\n  - id: workload\n    speaker: anon-lecturer\n    text: Half of us have been told to prepare teaching for courses that we know will never run again.\n";
    let (status, _) = support::attribution_of(
        list,
        "workload",
        "A senior lecturer in the languages department told me: \"Half of us have been told to prepare teaching for courses that we know will never run again.\"",
    );
    assert_eq!(status, Status::Match);
    // Qualified as somewhere else, it is someone else.
    let (status, _) = support::attribution_of(
        list,
        "workload",
        "A senior lecturer at another university told me: \"Half of us have been told to prepare teaching for courses that we know will never run again.\"",
    );
    assert_ne!(status, Status::Match);
}

#[test]
fn bodies_named_with_and_participles_and_stances_with_too() {
    // "of Wexmoor Fire and Rescue Service": one body's name, after the
    // speaker.
    matches(
        "dangerous",
        &format!("\"{DANGER}\" Jen Psaki of the Office of Management and Budget told reporters."),
    );
    // "since admitting that": a participle of the sentence's subject.
    matches(
        "dangerous",
        &format!("Jen Psaki has been criticised since admitting that \"{DANGER}\""),
    );
    // "is right, too, that".
    matches(
        "dangerous",
        &format!(
            "Jen Psaki spoke first. The White House Press Secretary is right, too, that \"{DANGER}\""
        ),
    );
}

#[test]
fn sentences_before_a_quotation_that_say_where_or_what_was_refused() {
    // Where someone spoke is no one who takes over.
    matches(
        "dangerous",
        &format!(
            "Jen Psaki did not mince her words at Friday's emergency meeting of the Senate Armed Services Committee. \"{DANGER}\""
        ),
    );
    // A reply refused is no cue.
    matches(
        "dangerous",
        &format!(
            "The foreign ministry has declined to respond, but an aide pointed us to what Jen Psaki said yesterday, when she told the briefing that \"{DANGER}\""
        ),
    );
    // A live blog's time stamp with its time zone.
    matches(
        "dangerous",
        &format!(
            "11.09 GMT — Jen Psaki is taking questions. \"We are ready,\" she said.\n\n11.12 GMT — \"{DANGER}\"\n"
        ),
    );
}

#[test]
fn who_is_no_one_and_who_that_was() {
    // "Nobody" names no one.
    uncredited(
        "dangerous",
        &format!("A line went round all winter: \"{DANGER}\" Nobody has claimed it."),
    );
    // A broadcast's "— that was X".
    matches(
        "dangerous",
        &format!(
            "MOSS: \"{DANGER}\" — that was the press secretary, Jen Psaki, on this programme on Sunday.\n"
        ),
    );
    // A clause after a dash is about the words, not a dash attribution.
    not_credited_to(
        "dangerous",
        &format!(
            "‘{DANGER}’ – Washington has heard warnings like that before\n\nBy a correspondent\n"
        ),
        "Washington",
    );
}

#[test]
fn a_transcript_turn_and_a_statement_put_out() {
    // The speaker's own "I said" keeps a turn running on.
    matches(
        "dangerous",
        &format!(
            "LEANNE MOSS: Are you worried?\n\nJEN PSAKI: I'll say what I said on Sunday.\n\n{DANGER}\n"
        ),
    );
    // "put out a statement" is the body's cue.
    matches(
        "grushko",
        "The foreign ministry put out a statement last night. \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
    );
}

#[test]
fn an_anonymous_source_just_quoted_comes_after_the_person_the_passage_is_about() {
    matches(
        "dangerous",
        &format!(
            "Jen Psaki is 43. Colleagues describe her as methodical. \"She would rather not talk,\" says one former aide.\n\nThat changed in January. She has had to explain it many times since. \"{DANGER}\" she says.\n"
        ),
    );
}

#[test]
fn a_document_s_words_set_off_and_according_to_a_document() {
    // Set off by dashes after the owner's statement.
    matches(
        "dangerous",
        &format!(
            "When I read him Jen Psaki's statement from the day after the briefing – \"{DANGER}\" – Ned Price was quiet for a moment."
        ),
    );
    // "According to a statement posted on its website, it "..."": the
    // subject after the document that names no owner.
    matches(
        "grushko",
        "The foreign ministry did not hold a briefing. According to a statement posted on its website, it \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
    );
}

#[test]
fn told_in_writing_and_described_by_someone() {
    // "in writing" is how the words came, not a cue of the one told.
    matches(
        "grushko",
        "Ned Price was told by the foreign ministry in writing: \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
    );
    // "described by X as" is X's description.
    matches(
        "dangerous",
        &format!(
            "The situation, described by Jen Psaki last week as \"{DANGER}\", has not changed."
        ),
    );
}

#[test]
fn review_guards_for_the_session_s_rules() {
    // A participle describing the subject is no verb of the sentence.
    matches(
        "dangerous",
        &format!("Officials responding to the question were told by Jen Psaki: \"{DANGER}\""),
    );
    // A nurse just quoted is the "she" of the next paragraph's cue.
    not_credited_to(
        "dangerous",
        &format!(
            "Jen Psaki's mother spent six weeks on the ward.\n\n\"It was chaos,\" said one nurse, who did not want to be named.\n\n\"{DANGER}\" she said.\n"
        ),
        "jen-psaki",
    );
    // "put out a statement after X had told": X.
    matches(
        "dangerous",
        &format!(
            "The foreign ministry put out a statement after Jen Psaki had told reporters: \"{DANGER}\""
        ),
    );
    // A dash, then a clause of the speaker's speaking.
    matches(
        "dangerous",
        &format!("\"{DANGER}\" – Psaki has been saying that since Monday."),
    );
    // Someone who confronts the subject at a place may be the one quoted.
    not_credited_to(
        "dangerous",
        &format!("Ned Price was at the gates when Jen Psaki confronted him. \"{DANGER}\""),
        "ned-price",
    );
}

#[test]
fn a_leading_participle_and_a_nested_pronoun_from_the_paragraph_before() {
    // "Moving the motion, X, the ..., goes straight for Y:" is X.
    matches(
        "dangerous",
        &format!(
            "Moving the motion, Jen Psaki, the press secretary for the White House, goes straight for Ned Price: \"{DANGER}\""
        ),
    );
    // A "he said" inside someone's words, when their paragraph names no
    // one else, is the man named just before.
    let (status, speaker) = credit(
        "finalizing",
        &format!(
            "Jens Stoltenberg spoke first.\n\nMary Kell has become his fiercest critic. \"He stood on that stage and said '{FINAL}' as if that settled it,\" Kell says.\n"
        ),
    );
    assert_eq!(
        (status, speaker),
        (Status::Match, Some("jens-stoltenberg".to_string()))
    );
}

#[test]
fn a_body_s_report_that_found() {
    // A listed body's name before its report; a finding about someone's
    // anything (not someone's words) is still a finding.
    matches(
        "grushko",
        "The foreign ministry report found that Mr Sullivan's visit \"Russian Deputy Foreign Minister Alexander Grushko received US Ambassador John Sullivan at his request.\"",
    );
}
