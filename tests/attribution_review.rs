//! Attribution on constructions an independent review wrote against the
//! rules added for the dev-12 to dev-14 sets: leading phrases, relative
//! clauses, subordinate clauses, stances, documents and the sentence
//! before a quotation. Each line is a snippet as a newspaper would print
//! it, with «id» standing for the statement of record in quotation marks,
//! and whom a careful reader says the article credits.

mod support;

use std::path::Path;

use quotecheck::attribution::Status;
use quotecheck::catalog::Catalog;

const LIST: &str = r#"
speakers:
  - id: sian-maddox
    name: Sian Maddox
    pronouns: she
  - id: rhys-callaghan
    name: Rhys Callaghan
    aliases: [Captain Rhys Callaghan]
    pronouns: he
  - id: tom-hargreaves
    name: Tom Hargreaves
    pronouns: he
  - id: ruairi-mcendoo
    name: Ruairi McEndoo
    pronouns: he
  - id: priya-nair
    name: Priya Nair
    pronouns: she
  - id: calder-council
    name: Calder Council
    aliases: [the council]
    pronouns: it
  - id: nau
    name: Northern Aviation Union
    aliases: [the union, NAU]
    pronouns: it
  - id: calder-airport
    name: Calder Airport
    aliases: [the airport]
    pronouns: it
  - id: airport-source
    name: airport source (anonymous)
    aliases: [a source at the airport]
    pronouns: they
  - id: helen-okafor
    name: Helen Okafor
    aliases: [Transport Minister, the minister]
    pronouns: she
  - id: calder-chamber
    name: Calder Chamber of Commerce
    aliases: [the chamber]
    pronouns: it
  - id: royal-borough
    name: Royal Borough of Calder
    aliases: [the borough]
    pronouns: it
quotes:
  - id: qM
    speaker: sian-maddox
    text: Nobody in this town was asked whether they wanted the runway shut for six weeks.
  - id: qC
    speaker: rhys-callaghan
    text: We will not fly an aircraft off a surface we have not inspected ourselves.
  - id: qH
    speaker: tom-hargreaves
    text: The council has done everything it can to keep the airport open.
  - id: qR
    speaker: ruairi-mcendoo
    text: Every week the runway is shut costs the regional economy about two million pounds.
  - id: qN
    speaker: priya-nair
    text: We expect to reopen the runway before the summer timetable begins.
  - id: qCC
    speaker: calder-council
    text: The closure was agreed with the operator and the regulator in January.
  - id: qU
    speaker: nau
    text: Our members were told about the closure by text message on a Sunday night.
  - id: qA
    speaker: calder-airport
    text: Passengers booked on affected flights will be offered a full refund or a free transfer.
  - id: qS
    speaker: airport-source
    text: The resurfacing contract was signed before anyone had looked at the drainage.
  - id: qO
    speaker: helen-okafor
    text: I have asked officials to review the regulator's decision as a matter of urgency.
  - id: qCh
    speaker: calder-chamber
    text: Local firms have lost bookings worth millions since the closure was announced.
  - id: qB
    speaker: royal-borough
    text: Residents near the airport deserve a proper say on the noise from night flights.
"#;

/// The finding of the one statement the snippet quotes (the first «id»):
/// its status and credited speaker.
fn attribution(article: &str) -> (Status, Option<String>) {
    let catalog = Catalog::parse(Path::new("quotes.yaml"), LIST).unwrap();
    let first = article
        .split('«')
        .nth(1)
        .and_then(|s| s.split('»').next())
        .unwrap();
    let mut text = article.to_string();
    for q in &catalog.quotes {
        text = text.replace(&format!("«{}»", q.id), &format!("\"{}\"", q.text));
    }
    support::attribution_of(LIST, first, &text)
}

#[track_caller]
fn credited(speaker: &str, article: &str) {
    assert_eq!(
        attribution(article).1.as_deref(),
        Some(speaker),
        "{article}"
    );
}

#[track_caller]
fn uncredited(article: &str) {
    let (status, speaker) = attribution(article);
    assert_eq!(
        status,
        Status::Unattributed,
        "{article} credited {speaker:?}"
    );
}

/// Not a match with `speaker`: someone else, or no one.
#[track_caller]
fn not_credited_to(speaker: &str, article: &str) {
    let (status, credited) = attribution(article);
    assert!(
        status != Status::Match && credited.as_deref() != Some(speaker),
        "{article} credited {credited:?}"
    );
}

#[test]
fn the_review_s_constructions() {
    credited(
        "calder-council",
        "Contacted by the Calder Echo, the council, which owns the airport, said: «qCC»",
    );
    credited(
        "helen-okafor",
        "Interviewed by BBC Radio Calder, Helen Okafor, who visited the airport on Friday, said: «qO»",
    );
    credited(
        "helen-okafor",
        "Pressed by Tom Hargreaves, Helen Okafor, who visited the airport on Friday, said: «qO»",
    );
    credited(
        "nau",
        "Asked about Priya Nair, the union, which represents ground staff, said: «qU»",
    );
    credited(
        "nau",
        "After meeting Priya Nair, the union, which represents ground staff, said: «qU»",
    );
    credited(
        "nau",
        "Like Tom Hargreaves, the union, which represents ground staff, said: «qU»",
    );
    credited(
        "calder-chamber",
        "Unlike Tom Hargreaves, the chamber, which represents local firms, said: «qCh»",
    );
    credited(
        "calder-chamber",
        "Echoing Sian Maddox, the Calder Chamber of Commerce, which represents local firms, said: «qCh»",
    );
    credited(
        "sian-maddox",
        "Unlike Tom Hargreaves, Sian Maddox, who leads the campaign, said: «qM»",
    );
    credited(
        "priya-nair",
        "Speaking alongside Tom Hargreaves, Priya Nair, who runs the airport, said: «qN»",
    );
    credited(
        "sian-maddox",
        "Sian Maddox, regional organiser at the union, which represents ground staff, said: «qM»",
    );
    credited(
        "priya-nair",
        "Priya Nair, whom the union has accused of misleading staff, told the BBC: «qN»",
    );
    credited(
        "priya-nair",
        "Priya Nair, who Sian Maddox accused last week of treating staff with contempt, told the BBC: «qN»",
    );
    credited(
        "sian-maddox",
        "The airport has accused the union of scaremongering after Sian Maddox told a rally on Saturday that «qM»",
    );
    credited(
        "sian-maddox",
        "After the council issued a statement on Friday, Sian Maddox told reporters: «qM»",
    );
    credited(
        "priya-nair",
        "Sian Maddox pointed at the empty runway as Priya Nair told reporters: «qN»",
    );
    credited(
        "nau",
        "Tom Hargreaves laid out the council's case on Monday, and the union responded within hours, saying: «qU»",
    );
    credited(
        "sian-maddox",
        "The council spelled out its position in a letter to residents, to which Sian Maddox replied: «qM»",
    );
    credited(
        "priya-nair",
        "Residents were worried that Priya Nair had told the inquiry: «qN»",
    );
    credited(
        "calder-airport",
        "Sian Maddox was right that the airport's first notice said only that «qA»",
    );
    credited(
        "helen-okafor",
        "The minister's message to Tom Hargreaves was clear that «qO»",
    );
    uncredited(
        "Calder Council approved the plan in January. It has been a difficult spring for everyone in the town. «qM»",
    );
    uncredited("Priya Nair runs the airport. It was the third closure in five years. «qM»");
    uncredited(
        "Calder MP Tom Hargreaves pressed the minister on the closure at Tuesday's hearing. «qO»",
    );
    uncredited("Tom Hargreaves wanted to know when flights would resume. «qN»");
    // The sentence after names the words' owner.
    credited(
        "sian-maddox",
        "Priya Nair has been under pressure since the closure was announced. «qM» That was Sian Maddox's verdict on Monday.",
    );
    uncredited("Tom Hargreaves received a letter from the council on Monday. «qCC»");
    uncredited("Sian Maddox's members walked out at noon. «qU»");
    uncredited("Priya Nair met union representatives on Friday. «qU»");
    credited(
        "calder-council",
        "The council's statement was brief: «qCC» As Sian Maddox put it on Monday: «qM»",
    );
    // Someone alone in the sentence before, about how they took it, has
    // the words that follow.
    credited(
        "priya-nair",
        "Priya Nair was upbeat. «qN» As Tom Hargreaves put it, «qH»",
    );
    credited(
        "helen-okafor",
        "The union's report, published on Thursday, quotes Helen Okafor's promise to MPs: «qO»",
    );
    not_credited_to(
        "calder-council",
        "The council's statement, released on Friday, angered the union's members, whose message was simple: «qU»",
    );
    credited(
        "calder-airport",
        "Tom Hargreaves lashed out at the airport's statement that «qA»",
    );
    credited(
        "priya-nair",
        "Priya Nair of Calder Airport told the BBC: «qN»",
    );
    credited(
        "ruairi-mcendoo",
        "Professor McEndoo of Calder Business School said: «qR»",
    );
    not_credited_to(
        "calder-chamber",
        "Calder Chamber of Commerce president Tony Ellwood said: «qCh»",
    );
    // Named alone in the sentence before: the words that follow are hers.
    credited(
        "sian-maddox",
        "The same organiser, Sian Maddox, raised questions about the closure. «qM»",
    );
    credited(
        "calder-airport",
        "The airport's notice, issued on Friday, suspended «qA»",
    );
    credited("helen-okafor", "Helen Okafor was very clear that «qO»");
}

/// A second review, of the rules written for dev-14 and dev-15: arguments
/// answered rather than made, subordinate clauses before a colon, asides,
/// transcripts quoting others, live-blog entries, "a spokesperson" between
/// two bodies.
#[test]
fn the_second_review_s_constructions() {
    credited(
        "sian-maddox",
        "Sian Maddox mocked the council's insistence that it had consulted, saying: «qM»",
    );
    credited(
        "sian-maddox",
        "Asked about the airport's promise that refunds would follow, Sian Maddox said: «qM»",
    );
    credited(
        "priya-nair",
        "Priya Nair, responding to the union's claim that staff were kept in the dark, said: «qN»",
    );
    credited(
        "sian-maddox",
        "Sian Maddox laughed at the council's claim that it had consulted: «qM»",
    );
    credited(
        "sian-maddox",
        "Sian Maddox said the campaign would go on until the council said sorry: «qM»",
    );
    credited(
        "sian-maddox",
        "Sian Maddox, who has lived under the flight path for 30 years, told the meeting before the council spoke: «qM»",
    );
    credited(
        "sian-maddox",
        "Sian Maddox said that while the council said it had listened, «qM»",
    );
    credited(
        "sian-maddox",
        "Sian Maddox spoke after Helen Okafor told MPs on Monday: «qM»",
    );
    credited(
        "sian-maddox",
        "Sian Maddox said on Friday that the petition had passed 4,000 names, and the council should take note: «qM»",
    );
    credited(
        "sian-maddox",
        "Sian Maddox said nobody had been consulted, and the council accepts it: «qM»",
    );
    credited(
        "sian-maddox",
        "Helen Okafor, who was in Calder on Friday, heard a blunt message from Sian Maddox: «qM»",
    );
    credited(
        "nau",
        "The council, which owns the airport, has been criticised by the union: «qU»",
    );
    not_credited_to(
        "tom-hargreaves",
        "«qO», Tom Hargreaves read from the minister's letter, to laughter from the hall.",
    );
    not_credited_to(
        "sian-maddox",
        "«qU», according to a union official, Sian Maddox's brother.",
    );
    credited("nau", "«qU», according to the union, Tom Hargreaves said.");
    not_credited_to(
        "calder-council",
        "Calder Airport has blamed Calder Council for the delay. A spokesperson said: «qA»",
    );
}
