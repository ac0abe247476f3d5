//! The shipped sample corpus (five real articles on the January 2022
//! Russia–US security talks) checked against the shipped quotes.yaml: every
//! curated quote at its file, line and kind, and nothing else.

mod support;

use support::{repo_root, run_in};

fn sample_json() -> serde_json::Value {
    let args = ["check", "--format", "json"].map(String::from);
    let out = run_in(&repo_root(), &args, None, &[]);
    assert_eq!(
        out.status, 1,
        "the corpus holds one drifted quotation\n{}",
        out.stderr
    );
    assert_eq!(out.stderr, "", "no file is skipped");
    serde_json::from_str(&out.stdout).expect("JSON")
}

const RUSSIA_MUST_ACT: &str = "articles/2022-01-22-russia-must-act-without-regard-to-dialogue.txt";
const US_SENT: &str = "articles/2022-01-26-us-sent-russia-response-security-guarantees.txt";
const AFP: &str = "articles/afp-2022-01-19-blinken-arrives-in-ukraine.txt";
const TASS_ABC: &str = "articles/tass-2022-01-10-blinken-talks-unlikely-progress.txt";
const TASS_BORTNIK: &str = "articles/tass-2022-01-20-bortnik-blinken-kiev-compromise.txt";

#[test]
fn every_curated_quote_is_found_where_it_is_and_nothing_else() {
    // article line:column statement kind attribution credited-speaker
    let expected = [
        "RUSSIA_MUST_ACT 3:149 blinken-geneva-objective exact match antony-blinken",
        "RUSSIA_MUST_ACT 6:39 blinken-no-trade-space exact match antony-blinken",
        "RUSSIA_MUST_ACT 9:91 blinken-nothing-about-ukraine exact match antony-blinken",
        "RUSSIA_MUST_ACT 12:77 ryabkov-usa-plus exact match sergey-ryabkov",
        "RUSSIA_MUST_ACT 14:115 blinken-share-response exact match antony-blinken",
        "RUSSIA_MUST_ACT 16:211 lavrov-blinken-satisfied exact match sergey-lavrov",
        "RUSSIA_MUST_ACT 17:132 lavrov-response-on-paper exact match sergey-lavrov",
        "RUSSIA_MUST_ACT 21:176 lithuania-stingers-javelins exact match lithuanian-defence-ministry",
        "RUSSIA_MUST_ACT 22:201 blinken-continue-assistance exact match antony-blinken",
        "US_SENT 4:2 mfa-grushko-received-sullivan exact match russian-foreign-ministry",
        "US_SENT 9:45 blinken-fully-coordinated exact match antony-blinken",
        "US_SENT 9:190 blinken-chooses-de-escalation exact match antony-blinken",
        "US_SENT 15:142 state-department-best-chance exact match us-state-department",
        "US_SENT 23:2 stoltenberg-finalizing-proposals exact match jens-stoltenberg",
        "AFP 17:2 psaki-attack-at-any-point drift match jen-psaki",
        "AFP 19:2 psaki-no-alternative exact match jen-psaki",
        "AFP 19:61 psaki-extremely-dangerous partial match jen-psaki",
        "AFP 21:53 psaki-putin-created-crisis partial match jen-psaki",
        // The section heading "Diplomatic exit" echoes the official's words
        // and credits no one.
        "AFP 25:2 us-official-diplomatic-exit partial unattributed -",
        "AFP 25:156 mfa-lavrov-urged-no-speculation partial match russian-foreign-ministry",
        "AFP 27:55 price-diplomatic-path exact match ned-price",
        "AFP 29:88 us-official-diplomatic-exit exact match us-official",
        "AFP 29:124 us-official-common-ground exact match us-official",
        "AFP 43:2 us-official-too-early exact match us-official",
        "AFP 47:132 us-official-beyond-normal exact match us-official",
        "TASS_ABC 5:2 blinken-de-escalation-progress partial match antony-blinken",
        "TASS_ABC 9:2 blinken-gun-to-the-head exact match antony-blinken",
        "TASS_ABC 9:252 blinken-de-escalation-progress exact match antony-blinken",
        "TASS_BORTNIK 2:2 bortnik-compromise-models partial match ruslan-bortnik",
        "TASS_BORTNIK 3:150 bortnik-minsk-proposals exact match ruslan-bortnik",
        "TASS_BORTNIK 3:473 bortnik-west-not-ready exact match ruslan-bortnik",
        "TASS_BORTNIK 5:168 peskov-claims-empty-unfounded partial match dmitry-peskov",
    ];
    let report = sample_json();
    let short = |path: &str| match path {
        RUSSIA_MUST_ACT => "RUSSIA_MUST_ACT",
        US_SENT => "US_SENT",
        AFP => "AFP",
        TASS_ABC => "TASS_ABC",
        TASS_BORTNIK => "TASS_BORTNIK",
        other => panic!("unexpected article {other}"),
    };
    let found: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert_eq!(f["quoted"], true, "no unquoted run in the sample: {f}");
            let a = &f["attribution"];
            format!(
                "{} {}:{} {} {} {} {}",
                short(f["article"].as_str().unwrap()),
                f["line"],
                f["column"],
                f["quote_id"].as_str().unwrap(),
                f["kind"].as_str().unwrap(),
                a["status"].as_str().unwrap(),
                a["speaker"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(found, expected);
    assert_eq!(
        report["missing"],
        serde_json::json!(["blinken-no-major-breakthroughs"])
    );
    assert_eq!(report["summary"]["articles"], 5);
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["summary"]["unattributed"], 1);
    assert_eq!(report["summary"]["mismatched"], 0);
    assert_eq!(
        report["unverified"],
        serde_json::json!([{
            "article": RUSSIA_MUST_ACT, "line": 15, "column": 265, "end_line": 15, "end_column": 297,
            "text": "we did not understand each other", "speaker": null,
            "rules": ["QC005"], "fingerprint": "fc7ea5d9c65f1aa6"
        }])
    );
}

fn finding<'a>(report: &'a serde_json::Value, quote_id: &str) -> &'a serde_json::Value {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["quote_id"] == quote_id)
        .unwrap_or_else(|| panic!("{quote_id} found"))
}

#[test]
fn back_translated_psaki_quote_is_drift_with_its_word_diff() {
    let report = sample_json();
    let f = finding(&report, "psaki-attack-at-any-point");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["speaker"], "jen-psaki");
    assert_eq!(
        f["text"],
        "We are now at a stage where Russia can launch an attack on Ukraine at any time"
    );
    assert_eq!(
        f["diff"],
        serde_json::json!([
            {"op": "delete", "text": "We're"},
            {"op": "insert", "text": "We are"},
            {"op": "equal", "text": "now at a stage where Russia"},
            {"op": "delete", "text": "could at any point"},
            {"op": "insert", "text": "can"},
            {"op": "equal", "text": "launch an attack"},
            {"op": "delete", "text": "in"},
            {"op": "insert", "text": "on"},
            {"op": "equal", "text": "Ukraine"},
            {"op": "insert", "text": "at any time,"},
        ])
    );
    assert_eq!(f["changes"]["moved"], 2);
    assert_eq!(f["changes"]["negation"], false);
    let similarity = f["similarity"].as_f64().unwrap();
    assert!(similarity > 0.3 && similarity < 0.7, "{similarity}");
}

#[test]
fn tass_bracketed_word_is_an_edit_not_drift() {
    let report = sample_json();
    let f = finding(&report, "bortnik-compromise-models");
    assert_eq!(f["kind"], "partial");
    assert_eq!(f["edits"], serde_json::json!(["brackets"]));
    assert_eq!(f["similarity"], 1.0);
    let bracket = f["diff"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["edit"] == "brackets")
        .unwrap();
    assert_eq!(bracket["op"], "equal");
    assert_eq!(bracket["text"], "[solutions]");
}

#[test]
fn quotation_never_closed_is_found_and_flagged() {
    let report = sample_json();
    let f = finding(&report, "blinken-continue-assistance");
    assert_eq!(f["kind"], "exact");
    assert_eq!(f["unclosed"], true);
    assert_eq!(f["end_line"], 22);
}

#[test]
fn headline_quote_is_a_verbatim_part() {
    let report = sample_json();
    let f = &report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["article"] == TASS_ABC && f["line"] == 5)
        .unwrap();
    assert_eq!(f["quote_id"], "blinken-de-escalation-progress");
    assert_eq!(f["kind"], "partial");
    assert_eq!(f["edits"], serde_json::json!([]));
}

#[test]
fn human_output_is_grouped_with_a_summary() {
    let args = ["check", "--color", "never"].map(String::from);
    let out = run_in(&repo_root(), &args, None, &[]);
    assert_eq!(out.status, 1);
    assert!(out.stdout.contains(concat!(
        "error[QC001]: `psaki-attack-at-any-point` (Jen Psaki) is quoted with changed words (similarity 0.41)\n",
        "  --> articles/afp-2022-01-19-blinken-arrives-in-ukraine.txt:17:2\n",
        "   |\n",
        "17 | “We are now at a stage where Russia can launch an attack on Ukraine at any time,” White House Press…\n",
        "   |  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n",
        "   = diff: [-We're-]{+We are+} now at a stage where Russia [-could at any point-]{+can+} launch an attack [-in-]{+on+} Ukraine {+at any time,+}\n",
        "   = note: 2 word(s) moved\n",
    )), "{}", out.stdout);
    assert!(out.stdout.contains(
        "articles/afp-2022-01-19-blinken-arrives-in-ukraine.txt:19:2: ok  exact  psaki-no-alternative  (Jen Psaki)\n"
    ), "{}", out.stdout);
    assert!(out.stdout.ends_with(
        "5 articles checked: 32 findings (24 exact, 7 partial, 1 drift), 1 unattributed, 1 quotation unverified, 1 statement not found, 1 error, 1 warning\n"
    ), "{}", out.stdout);
}
