//! Hostile and broken input, case by case: what a user sees when a list or
//! an article is malformed, huge, binary, unreadable, looping or crafted, and
//! that the rest of the run survives it. Each test names the case; the
//! README's "Guarantees" section lists them.
//!
//! Sizes here are what a debug build checks in a moment; the benchmark
//! (`examples/hostile.rs`) runs the same shapes at full size and times them.

mod support;

use std::time::Duration;

use support::{ONE_QUOTE, Test};

const EXACT: &str = "Psaki said: \"We're ready to talk, but we won't wait forever.\"\n";
const CONCISE: &[&str] = &[
    "check",
    "--isolated",
    "--color",
    "never",
    "--format",
    "concise",
];

fn concise() -> Test {
    Test::new().quotes(ONE_QUOTE).only_args(CONCISE)
}

// The quote list.

#[test]
fn a_truncated_list_names_the_line() {
    // Cut off in the middle of a key, as a failed copy leaves it.
    let list = format!("{}quotes:\n  - id: ready\n    speak", support::SPEAKERS);
    Test::new()
        .raw_quotes(&list)
        .article("a.txt", EXACT)
        .run()
        .status(2)
        .stdout_is("")
        .stderr_is("quotecheck: error: quotes.yaml:10:1: could not find expected ':', while scanning a simple key\n");
}

#[test]
fn an_oversized_list_is_refused_before_it_is_read() {
    let t = Test::new().article("a.txt", EXACT);
    // Sparse: 65 MiB on disk costs nothing.
    let file = std::fs::File::create(t.path().join("quotes.yaml")).unwrap();
    file.set_len(65 * 1024 * 1024).unwrap();
    t.run()
        .status(2)
        .stderr_has("quotes.yaml: is 68157440 bytes; quote lists are limited to 67108864 bytes");
}

#[test]
fn a_directory_where_a_file_is_expected() {
    let t = concise().article("a.txt", EXACT).file("d/x", "");
    t.run_with(&["check", "--isolated", "-q", "d"])
        .status(2)
        .stderr_has("quotecheck: error: d: is a directory, not a quote list");
    t.run_with(&["check", "--config", "d"])
        .status(2)
        .stderr_has("quotecheck: error: d: cannot read the configuration");
    t.run_with(&["check", "--isolated", "--baseline", "d"])
        .status(2)
        .stderr_has("quotecheck: error: d: cannot read the baseline");
}

#[test]
fn a_list_of_many_statements_loads_in_linear_time() {
    // Reading the lines of 5,000 items once each (it was once per item).
    let mut list = format!("{}quotes:\n{ONE_QUOTE}", support::SPEAKERS);
    for i in 0..5000 {
        list.push_str(&format!(
            "  - id: s{i}\n    speaker: antony-blinken\n    text: Statement number {i} of the long list of words.\n"
        ));
    }
    Test::new()
        .raw_quotes(&list)
        .article("a.txt", EXACT)
        .only_args(&["validate", "--isolated", "--format", "concise"])
        .run()
        .status(0)
        .stdout_has("quotes.yaml:8:1: QC102 statement `ready` has no date\n");
}

// Articles that are not plain UTF-8 text.

#[test]
fn utf16_with_and_without_a_byte_order_mark_is_read() {
    let utf16 = |bom: &[u8], big: bool| {
        let mut bytes = bom.to_vec();
        for unit in EXACT.encode_utf16() {
            bytes.extend(if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    };
    Test::new()
        .quotes(ONE_QUOTE)
        .file("articles/le.txt", utf16(&[0xFF, 0xFE], false))
        .file("articles/be.txt", utf16(&[0xFE, 0xFF], true))
        .file("articles/nobom.txt", utf16(&[], false))
        .run()
        .status(0)
        .stdout_has("articles/be.txt:1:14: ok  exact  ready  (Jen Psaki)\n")
        .stdout_has("articles/le.txt:1:14: ok  exact  ready  (Jen Psaki)\n")
        .stdout_has("articles/nobom.txt:1:14: ok  exact  ready  (Jen Psaki)\n");
}

#[test]
fn nul_bytes_make_a_named_file_an_error_and_a_walked_one_a_warning() {
    let t = concise()
        .article("a.txt", EXACT)
        .file("articles/b.bin", b"abc\0def".as_slice());
    t.run_with(CONCISE).status(0).stderr_is(
        "quotecheck: warning: articles/b.bin: skipped: binary file (NUL byte at offset 3)\n",
    );
    t.run_with(&[CONCISE, &["articles/b.bin", "articles/a.txt"]].concat())
        .status(2)
        .stderr_has(
            "quotecheck: error: articles/b.bin: skipped: binary file (NUL byte at offset 3)",
        );
}

#[test]
fn empty_files_are_articles_without_quotations() {
    concise()
        .article("empty.txt", "")
        .article("blank.md", "\n\n   \n")
        .article("a.txt", EXACT)
        .run()
        .status(0)
        .stdout_is("")
        .stderr_is("");
}

#[test]
fn an_unreadable_file_is_skipped_and_the_rest_checked() {
    use std::os::unix::fs::PermissionsExt;
    let t = Test::new()
        .quotes(ONE_QUOTE)
        .article("a.txt", EXACT)
        .article("locked.txt", EXACT);
    let locked = t.path().join("articles/locked.txt");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = if std::fs::read(&locked).is_ok() {
        // Running as root (CI containers do): permissions do not stop root,
        // so the run is made as `nobody`, with a copy of the binary that
        // user may execute.
        let binary = t.path().join("quotecheck");
        std::fs::copy(env!("CARGO_BIN_EXE_quotecheck"), &binary).unwrap();
        for path in [t.path(), binary.as_path()] {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let out = std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&binary)
            .args(["check", "--isolated", "--color", "never"])
            .current_dir(t.path())
            .output()
            .expect("setpriv (util-linux) runs the check as nobody");
        support::Output {
            status: out.status.code().expect("exit code"),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    } else {
        t.run_with(&["check", "--isolated", "--color", "never"])
    };
    out.status(2)
        .stderr_has("articles/locked.txt: skipped: cannot read: Permission denied")
        .stderr_has("help: give the user running quotecheck read access")
        .stdout_has("articles/a.txt:1:14: ok  exact  ready  (Jen Psaki)\n");
}

#[test]
fn symlink_loops_are_reported_when_named_and_not_followed_when_walked() {
    let t = concise().article("a.txt", EXACT);
    std::os::unix::fs::symlink("loop", t.path().join("articles/loop")).unwrap();
    std::os::unix::fs::symlink(".", t.path().join("articles/self")).unwrap();
    t.run_with(CONCISE).status(0).stdout_is("").stderr_is("");
    t.run_with(&[CONCISE, &["articles/loop", "articles/a.txt"]].concat())
        .status(2)
        .stderr_has("quotecheck: error: articles/loop: skipped: cannot read: Too many levels of symbolic links")
        .stderr_has("  help: check where the link points (`ls -l`); links in walked folders are not followed\n");
}

// Text that looks the same and is not, or is not and looks the same.

#[test]
fn line_endings_of_every_kind_keep_lines_and_columns() {
    concise()
        .article(
            "a.txt",
            "One.\r\nTwo.\rThree.\n\r\n\"We're ready to talk, but we won't wait long,\" Psaki said.\n",
        )
        .run()
        .status(1)
        .stdout_has("articles/a.txt:5:2: QC001");
}

#[test]
fn nfd_text_zero_width_and_soft_hyphens_are_typography() {
    // "ready" with a zero-width space, "forever" with a soft hyphen, a
    // right-to-left mark, and the record's "won't" in decomposed form
    // against a record in composed form.
    let list =
        "  - id: cafe\n    speaker: jen-psaki\n    text: We meet at the café, ready to talk.\n";
    concise()
        .quotes(list)
        .article(
            "a.txt",
            "Psaki said: \"We meet at the cafe\u{301}, rea\u{200B}dy to\u{200F} ta\u{AD}lk.\"\n",
        )
        .run()
        .status(0)
        .stdout_is("");
}

#[test]
fn a_look_alike_letter_is_drift() {
    Test::new()
        .quotes(ONE_QUOTE)
        .article(
            "a.txt",
            "Psaki said: \"We're r\u{0435}ady to talk, but we won't wait forever.\"\n",
        )
        .only_args(&["check", "--isolated", "--format", "json"])
        .run()
        .status(1)
        .stdout_has("\"lookalike\": true");
}

// Shapes that would make a naive matcher superlinear.

#[test]
fn forty_the_against_a_hundred_thousand() {
    let list = format!(
        "  - id: the\n    speaker: jen-psaki\n    text: {}\n",
        ["the"; 40].join(" ")
    );
    let out = concise()
        .quotes(&list)
        .article(
            "a.txt",
            &format!("Psaki said: \"{}\"\n", ["the"; 100_000].join(" ")),
        )
        .run()
        .status(0);
    assert!(out.stdout.is_empty(), "{}", &out.stdout[..200]);
}

#[test]
fn a_statement_of_five_thousand_words() {
    let words: Vec<String> = (0..5000).map(|i| format!("w{}x", i % 997)).collect();
    let statement = words.join(" ");
    let list = format!("  - id: long\n    speaker: jen-psaki\n    text: {statement}\n");
    let mut changed = words.clone();
    changed[2500] = "changed".into();
    concise()
        .quotes(&list)
        .article(
            "a.txt",
            &format!(
                "Psaki said: \"{statement}\"\n\nPsaki said: \"{}\"\n",
                changed.join(" ")
            ),
        )
        .run()
        .status(1)
        .stdout_has("articles/a.txt:3:14: QC001 `long`");
}

#[test]
fn thousands_of_marks_balanced_or_not() {
    concise()
        .article("marks.txt", &"\"a\" “b ” 'c' « d \" ".repeat(5000))
        .article("quotes.txt", &"\"".repeat(50_000))
        .article("open.txt", &"“We are ready ".repeat(20_000))
        .article("a.txt", EXACT)
        .run()
        .status(0)
        .stdout_has("articles/open.txt:1:2: QC005");
}

// Nothing is lost or changed.

#[test]
fn articles_and_the_list_are_never_written() {
    let t = concise()
        .article(
            "a.txt",
            "\"We're ready to talk, but we won't wait long,\" Psaki said.\n",
        )
        .file("quotecheck.toml", "baseline = \"known.json\"\n");
    let before = (t.read("articles/a.txt"), t.read("quotes.yaml"));
    t.run_with(&["baseline"]).status(0);
    t.run_with(&["check", "--prune", "--format", "sarif", "-o", "out.sarif"])
        .status(0);
    t.run_with(&["validate"]).status(0);
    assert_eq!((t.read("articles/a.txt"), t.read("quotes.yaml")), before);
}

#[test]
fn output_files_are_written_whole() {
    let t = concise().article(
        "a.txt",
        "\"We're ready to talk, but we won't wait long,\" Psaki said.\n",
    );
    t.run_with(&[CONCISE, &["-o", "report.txt"]].concat())
        .status(1)
        .stdout_is("");
    assert!(
        t.read("report.txt")
            .starts_with("articles/a.txt:1:2: QC001")
    );
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with(".tmp")), "{names:?}");
    // A folder that does not exist is an error naming it.
    t.run_with(&[CONCISE, &["-o", "no/such/dir/report.txt"]].concat())
        .status(2)
        .stderr_has("quotecheck: error: cannot write no/such/dir/report.txt");
}

#[test]
fn output_through_links_and_to_devices_replaces_neither() {
    use std::os::unix::fs::PermissionsExt;
    let t = concise().article("a.txt", EXACT).file("real/.keep", "");
    std::os::unix::fs::symlink("real/report.txt", t.path().join("link.txt")).unwrap();
    t.run_with(&[CONCISE, &["-o", "link.txt", "articles/a.txt"]].concat())
        .status(0);
    let link = std::fs::symlink_metadata(t.path().join("link.txt")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let report = std::fs::metadata(t.path().join("real/report.txt")).unwrap();
    assert_eq!(report.permissions().mode() & 0o777, 0o644);
    // A device is written to, never renamed over.
    t.run_with(&[CONCISE, &["-o", "/dev/null"]].concat())
        .status(0);
    assert!(!std::fs::metadata("/dev/null").unwrap().is_file());
}

#[test]
fn an_interrupted_run_leaves_no_partial_report() {
    // The report is rendered before its file is created: a run stopped
    // while checking leaves no file at all (and the write itself is a
    // rename, tested above).
    let t = concise()
        .article("big.txt", &EXACT.repeat(40_000))
        .only_args(&[]);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args([CONCISE, &["--format", "json", "-o", "report.json"]].concat())
        .current_dir(t.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let status = child.wait().unwrap();
    let report = t.path().join("report.json");
    if status.success() || status.code() == Some(1) {
        // It finished first: then the report is whole.
        let json: serde_json::Value = serde_json::from_str(&t.read("report.json")).unwrap();
        assert_eq!(json["version"], 1);
    } else {
        assert!(!report.exists(), "a killed run left a report");
    }
    let leftovers: Vec<String> = std::fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Ctrl-C after the temporary file is written and before it is renamed
/// over the target (held open by a debug-build hook): the handler removes
/// it, so neither a report nor half of one is left, and the process dies of
/// the signal like an interrupted program.
#[test]
fn ctrl_c_while_writing_leaves_no_temporary_file() {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: the pause before the rename exists in debug builds only");
        return;
    }
    let t = concise().article("a.txt", EXACT);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(CONCISE)
        .args(["-o", "report.txt"])
        .env("QUOTECHECK_PAUSE_BEFORE_RENAME_MS", "10000")
        .current_dir(t.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let temporary = || {
        std::fs::read_dir(t.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".tmp"))
            .collect::<Vec<_>>()
    };
    // Wait for the temporary file (the run itself takes milliseconds).
    let mut waited = 0;
    while temporary().is_empty() && waited < 200 {
        std::thread::sleep(Duration::from_millis(50));
        waited += 1;
    }
    assert_eq!(temporary().len(), 1, "the write never started");
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    // It dies of the signal, as a program without a handler does (a shell
    // reports 130, and a loop of runs stops).
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(2), "{status:?}");
    assert!(temporary().is_empty(), "{:?}", temporary());
    assert!(!t.path().join("report.txt").exists());
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let t = concise().article("many.txt", &EXACT.replace("forever", "long").repeat(3000));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(CONCISE)
        .current_dir(t.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    use std::io::Read;
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe is closed here, as `| head -c 64` closes it.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let mut t = Test::new().quotes(ONE_QUOTE);
    for i in 0..12 {
        let text = if i % 3 == 0 {
            EXACT.replace("forever", "long")
        } else {
            EXACT.to_string()
        };
        t = t.article(&format!("a{i}.txt"), &text);
    }
    let t = t.file("articles/bad.txt", b"Caf\xE9".as_slice());
    let run = |threads: &str| {
        let out = t.run_with(&["check", "--isolated", "--format", "json", "-j", threads]);
        (out.status, out.stdout, out.stderr)
    };
    let one = run("1");
    assert_eq!(one.0, 2);
    assert!(one.1.contains("\"articles\": 12"), "{}", one.1);
    for threads in ["2", "3", "16"] {
        assert_eq!(run(threads), one, "with {threads} threads");
    }
}

#[test]
fn a_statement_repeated_thousands_of_times_in_one_quotation() {
    let out = Test::new()
        .quotes(ONE_QUOTE)
        .article(
            "a.txt",
            &format!(
                "Psaki said: \"{}",
                "We're ready to talk, but we won't wait forever. ".repeat(3000)
            ),
        )
        .only_args(&["check", "--isolated", "--format", "json"])
        .run()
        .status(0);
    assert_eq!(out.json()["summary"]["exact"], 3000);
}

#[test]
fn thousands_of_suppression_comments() {
    let pair = "<!-- quotecheck-disable QC001 -->\n\"We're ready to talk, but we won't wait long,\" Psaki said.\n<!-- quotecheck-enable QC001 -->\n\n";
    let out = Test::new()
        .quotes(ONE_QUOTE)
        .article("a.md", &pair.repeat(3000))
        .only_args(&["check", "--isolated", "--format", "json"])
        .run()
        .status(0);
    assert_eq!(out.json()["summary"]["suppressed"], 3000);
    assert_eq!(out.json()["diagnostics"], serde_json::json!([]));
}

#[test]
fn words_added_at_the_top_of_a_long_quotation_do_not_move_the_findings_below() {
    // A never-closed quotation long enough to be searched in chunks, with
    // verbatim and drifted copies among filler sentences.
    let copies = [
        "We're ready to talk, but we won't wait forever.",
        "We are ready to talk, but we will not wait for long.",
        "We're ready to talk but we won't wait any more.",
    ];
    let mut body = String::new();
    for i in 0..600 {
        body.push_str(&format!(
            "Filler sentence number {i} says nothing much at all. "
        ));
        if i % 7 == 0 {
            body.push_str(copies[i % 3]);
            body.push(' ');
        }
    }
    let found = |filler: usize| {
        let text = format!("Psaki said: \"{}{body}\n", "and ".repeat(filler));
        let out = Test::new()
            .quotes(ONE_QUOTE)
            .article("a.txt", &text)
            .only_args(&["check", "--isolated", "--format", "json"])
            .run();
        let json = out.json();
        let mut kinds: Vec<(String, String)> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["text"].as_str().unwrap().to_string(),
                    f["kind"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        kinds.sort();
        kinds
    };
    let base = found(0);
    assert!(base.len() >= 80, "{}", base.len());
    for filler in [5, 40, 300] {
        assert_eq!(found(filler), base, "{filler} words added");
    }
}

/// The same with drifted copies (words changed, added, dropped) of a long
/// and a short statement in run-on filler, where a lenient alignment can run
/// on through chance agreements and fail the thresholds as a whole while a
/// drifted copy sits inside it or beside it: every copy must be found
/// wherever the chunks fall. (Before, 2 of 40 shifts of such a text lost a
/// copy.)
#[test]
fn drifted_copies_in_run_on_filler_are_found_wherever_the_chunks_fall() {
    let long: Vec<&str> =
        "We're now at a stage where Russia could at any point launch an attack in Ukraine"
            .split(' ')
            .collect();
    let short: Vec<&str> = "These claims are empty and unfounded".split(' ').collect();
    let filler: Vec<&str> = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do \
                             eiusmod tempor incididunt labore magna aliqua enim minim veniam \
                             quis nostrud"
        .split(' ')
        .collect();
    let mut seed: u64 = 1;
    let mut next = move |below: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % below
    };
    let mut words: Vec<String> = Vec::new();
    while words.len() < 6000 {
        let roll = next(1000);
        let statement = if roll < 30 {
            &long
        } else if roll < 50 {
            &short
        } else {
            words.push(filler[next(filler.len())].to_string());
            if next(100) < 5 {
                words.last_mut().unwrap().push('.');
            }
            continue;
        };
        let mut copy: Vec<String> = statement.iter().map(|w| w.to_string()).collect();
        for _ in 0..next(4) {
            let at = next(copy.len());
            match next(10) {
                0..4 => copy[at] = filler[next(filler.len())].to_string(),
                4..7 => copy.insert(at, filler[next(filler.len())].to_string()),
                _ if copy.len() > 3 => {
                    copy.remove(at);
                }
                _ => {}
            }
        }
        words.extend(copy);
    }
    let quotes = "  - id: attack
    speaker: jen-psaki
    text: We're now at a stage where Russia could at any point launch an attack in Ukraine.
  - id: claims
    speaker: antony-blinken
    text: These claims are empty and unfounded.
";
    let body = words.join(" ");
    let found = |shift: usize| {
        let text = format!("Psaki said: \"{}. {body}\n", "lorem ".repeat(shift));
        let json = Test::new()
            .quotes(quotes)
            .article("a.txt", &text)
            .only_args(&["check", "--isolated", "--format", "json"])
            .run()
            .json();
        let mut found: Vec<String> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| format!("{} {} {}", f["quote_id"], f["kind"], f["text"]))
            .collect();
        found.sort();
        found
    };
    let base = found(1);
    assert!(base.len() >= 100, "{}", base.len());
    for shift in (13..520).step_by(26) {
        let now = found(shift);
        let lost: Vec<&String> = base.iter().filter(|f| !now.contains(f)).collect();
        let gained: Vec<&String> = now.iter().filter(|f| !base.contains(f)).collect();
        assert!(
            lost.is_empty() && gained.is_empty(),
            "{shift} words added: lost {lost:?}, gained {gained:?}"
        );
    }
}
