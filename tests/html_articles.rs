//! Saved web pages as articles: each sample article, published as a news
//! site would (head, scripts, navigation, links on names, references for
//! the quotation marks, hard-wrapped source), must give the findings the
//! plain text gives, at the lines and columns of the page's source.

mod support;

use serde_json::{Value, json};
use support::{repo_root, run_in};

/// A sample article (a paragraph per line) as a web page of its site.
fn page(text: &str, date: &str) -> String {
    let mut paragraphs = text.lines().map(str::trim).filter(|p| !p.is_empty());
    let headline = paragraphs.next().unwrap();
    let mut body = String::new();
    for paragraph in paragraphs {
        if paragraph.starts_with("This website uses cookies") {
            body.push_str(&format!("<footer><p>{}</p></footer>\n", escape(paragraph)));
            continue;
        }
        body.push_str("      <p>");
        body.push_str(&wrap(&link_names(&escape(paragraph))));
        body.push_str("</p>\n");
    }
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | World News</title>
  <meta property="article:published_time" content="{date}T09:30:00+00:00">
  <style>q {{ quotes: "“" "”"; }} .lead {{ font-weight: bold; }}</style>
  <script>window.dataLayer = [{{"event": "article", "quote": "we are not ready to talk"}}];</script>
</head>
<body>
  <nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/tag/x">“Russia must act”: all stories</a></nav>
  <main>
    <article>
      <header><h1>{title}</h1><p class="byline">By <a href="/staff">Staff</a> &middot; <time datetime="{date}">{date}</time></p></header>
{body}    </article>
    <aside><h2>Related</h2><ul><li><a href="/r">“We are now at a stage where Russia can launch an attack”</a></li></ul></aside>
  </main>
</body>
</html>
"#,
        title = escape(headline),
    )
}

/// Marks and apostrophes as character references, as many CMSes write them.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('“', "&ldquo;")
        .replace('”', "&rdquo;")
        .replace('’', "&#8217;")
}

/// Surnames as links to the site's tag pages.
fn link_names(s: &str) -> String {
    ["Blinken", "Lavrov", "Ryabkov", "Psaki", "Bortnik"]
        .iter()
        .fold(s.to_string(), |s, name| {
            s.replace(
                name,
                &format!("<a href=\"/tag/{}\">{name}</a>", name.to_lowercase()),
            )
        })
}

/// Hard-wraps at 72 bytes, between words, as page sources often are.
fn wrap(s: &str) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in s.split(' ') {
        if line > 0 && line + word.len() > 72 {
            out.push_str("\n        ");
            line = 0;
        } else if line > 0 {
            out.push(' ');
        }
        out.push_str(word);
        line += word.len() + 1;
    }
    out
}

/// What a finding or unverified quotation says, without where it is.
fn what(item: &Value) -> Value {
    let mut item = item.clone();
    let object = item.as_object_mut().unwrap();
    for key in [
        "article",
        "date",
        "line",
        "column",
        "end_line",
        "end_column",
    ] {
        object.remove(key);
    }
    if let Some(cue) = object
        .get_mut("attribution")
        .and_then(|a| a.get_mut("cue"))
        .and_then(Value::as_object_mut)
    {
        cue.remove("line");
        cue.remove("column");
    }
    item
}

#[test]
fn pages_give_the_findings_of_their_text_at_their_own_lines() {
    let dir = tempfile::tempdir().unwrap();
    let articles = repo_root().join("articles");
    let mut names: Vec<String> = std::fs::read_dir(&articles)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    std::fs::create_dir(dir.path().join("text")).unwrap();
    std::fs::create_dir(dir.path().join("pages")).unwrap();
    std::fs::copy(
        repo_root().join("quotes.yaml"),
        dir.path().join("quotes.yaml"),
    )
    .unwrap();
    for (i, name) in names.iter().enumerate() {
        let text = std::fs::read_to_string(articles.join(name)).unwrap();
        let stem = name.trim_end_matches(".txt");
        std::fs::write(dir.path().join("text").join(format!("{stem}.txt")), &text).unwrap();
        let date = format!("2022-01-{:02}", 10 + i);
        std::fs::write(
            dir.path().join("pages").join(format!("{stem}.html")),
            page(&text, &date),
        )
        .unwrap();
    }
    let check = |folder: &str| -> Value {
        let args: Vec<String> = ["check", "--isolated", "--format", "json", folder]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let out = run_in(dir.path(), &args, None, &[]);
        assert_eq!(out.status, 1, "{}", out.stderr);
        serde_json::from_str(&out.stdout).unwrap()
    };
    let (text, pages) = (check("text"), check("pages"));
    for list in ["findings", "unverified"] {
        let of = |report: &Value| -> Vec<Value> {
            report[list].as_array().unwrap().iter().map(what).collect()
        };
        let (want, got) = (of(&text), of(&pages));
        assert!(!want.is_empty());
        for (w, g) in want.iter().zip(&got) {
            for (key, value) in w.as_object().unwrap() {
                assert_eq!(&g[key], value, "{list}: `{key}` differs in {}", w["text"]);
            }
            assert_eq!(g, w);
        }
        assert_eq!(got.len(), want.len(), "{list}: {got:#?}");
    }

    // A page's date is the one its metadata gives, not its name's.
    for finding in pages["findings"].as_array().unwrap() {
        let name = finding["article"]
            .as_str()
            .unwrap()
            .trim_start_matches("pages/");
        let i = names
            .iter()
            .position(|n| n.trim_end_matches(".txt") == name.trim_end_matches(".html"))
            .unwrap();
        assert_eq!(finding["date"], json!(format!("2022-01-{:02}", 10 + i)));
    }

    // Every position names the page's own line and column: the printed
    // words start there in its source (a link's tag may come first).
    for item in pages["findings"]
        .as_array()
        .unwrap()
        .iter()
        .chain(pages["unverified"].as_array().unwrap())
    {
        let source =
            std::fs::read_to_string(dir.path().join(item["article"].as_str().unwrap())).unwrap();
        let line = source
            .lines()
            .nth(item["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        let at: String = line
            .chars()
            .skip(item["column"].as_u64().unwrap() as usize - 1)
            .collect();
        let first_word: String = item["text"]
            .as_str()
            .unwrap()
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        assert!(
            at.starts_with(&first_word) || at.starts_with("<a href"),
            "{} line {}: {at:?} does not start with {first_word:?}",
            item["article"],
            item["line"]
        );
    }
    assert!(
        pages["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["line"].as_u64() > Some(20)),
        "positions are in the page, not in its prose"
    );
}

#[test]
fn a_page_is_read_as_html_by_its_extension_or_when_told() {
    let page = "<html><head><script>var q = \"We're ready to talk, but we won't wait forever.\";</script></head>\n\
        <body><p>&ldquo;We&#8217;re ready to talk, but we won&#8217;t wait forever,&rdquo;\n\
        <a href=\"/psaki\">Jen Psaki</a> said.</p></body></html>\n";
    let out = support::Test::new()
        .quotes(support::ONE_QUOTE)
        .file("articles/briefing.html", page)
        .args(&["--format", "concise"])
        .run()
        .status(0);
    assert_eq!(out.stdout, "");
    // Read as plain text, the script's copy is what is found (uncredited),
    // and the page's own words, spelt with references, are not.
    let out = support::Test::new()
        .quotes(support::ONE_QUOTE)
        .file("articles/briefing.txt", page)
        .args(&["--format", "concise"])
        .run()
        .status(0);
    assert_eq!(
        out.stdout,
        "articles/briefing.txt:1:30: QC003 `ready` (Jen Psaki) is quoted without crediting anyone\n"
    );
    let out = support::Test::new()
        .quotes(support::ONE_QUOTE)
        .file("articles/briefing.txt", page)
        .args(&["--format", "json", "--input-format", "html"])
        .run()
        .status(0);
    let findings = out.json()["findings"].clone();
    assert_eq!(
        findings,
        json!([findings[0].clone()]),
        "one appearance: the script is not read"
    );
    assert_eq!(findings[0]["line"], 2);
    assert_eq!(findings[0]["column"], 17);
    assert_eq!(
        findings[0]["text"],
        "We’re ready to talk, but we won’t wait forever"
    );
    assert_eq!(findings[0]["attribution"]["speaker"], "jen-psaki");
    assert_eq!(findings[0]["attribution"]["cue"]["line"], 3);
}

#[test]
fn suppression_comments_work_in_pages() {
    let page = |code: &str| {
        format!(
            "<html><body>\n<!-- quotecheck-disable-next-line {code} -- credited in the headline -->\n\
             <p>&ldquo;We&#8217;re ready to talk, but we won&#8217;t wait forever.&rdquo;</p>\n</body></html>\n"
        )
    };
    support::Test::new()
        .quotes(support::ONE_QUOTE)
        .file("articles/b.html", page("QC003"))
        .args(&["--format", "concise"])
        .run()
        .status(0)
        .stdout_is("");
    support::Test::new()
        .quotes(support::ONE_QUOTE)
        .file("articles/b.html", page("QC001"))
        .args(&["--format", "concise"])
        .run()
        .status(0)
        .stdout_is(
            "articles/b.html:2:1: QC006 the suppression of QC001 suppresses nothing\n\
             articles/b.html:3:11: QC003 `ready` (Jen Psaki) is quoted without crediting anyone\n",
        );
}

#[test]
fn a_comment_inside_a_script_is_no_comment() {
    // The script's `<!--` and backtick are its own; the suppression below
    // them still works.
    let page = "<html><body><script>var t = \"<!--\"; var u = \"`\";</script>\n\
        <!-- quotecheck-disable-next-line QC003 -- credited in the headline -->\n\
        <p>&ldquo;We&#8217;re ready to talk, but we won&#8217;t wait forever.&rdquo;</p>\n</body></html>\n";
    support::Test::new()
        .quotes(support::ONE_QUOTE)
        .file("articles/b.html", page)
        .args(&["--format", "concise"])
        .run()
        .status(0)
        .stdout_is("");
}

#[test]
fn an_unverified_quotation_starts_at_its_first_word_not_at_the_reference_before_it() {
    let out = support::Test::new()
        .quotes(support::ONE_QUOTE)
        .file(
            "articles/b.html",
            "<p>Peskov said &ldquo;we did not understand each other at all&rdquo;.</p>\n",
        )
        .args(&["--format", "json"])
        .run()
        .status(0);
    let unverified = &out.json()["unverified"][0];
    assert_eq!(
        unverified["text"],
        "we did not understand each other at all"
    );
    assert_eq!(
        (&unverified["line"], &unverified["column"]),
        (&json!(1), &json!(23))
    );
}
