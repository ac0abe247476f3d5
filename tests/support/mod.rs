//! A fluent helper for CLI tests: each test builds a scratch folder with a
//! quote list and articles, runs the real binary in it, and pins the exit
//! code and output in one readable chain.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub const SPEAKERS: &str = "speakers:
  - id: antony-blinken
    name: Antony Blinken
    aliases: [Blinken]
  - id: jen-psaki
    name: Jen Psaki
";

/// A list of one statement, for tests about everything but matching.
pub const ONE_QUOTE: &str = "  - id: ready
    speaker: jen-psaki
    text: We're ready to talk, but we won't wait forever.
";

pub struct Test {
    dir: tempfile::TempDir,
    /// Where the binary runs, below `dir`.
    cwd: PathBuf,
    args: Vec<String>,
    stdin: Option<Vec<u8>>,
    env: Vec<(String, String)>,
}

pub struct Output {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Test {
    pub fn new() -> Self {
        Test {
            dir: tempfile::tempdir().expect("temp dir"),
            cwd: PathBuf::new(),
            args: vec!["check".into(), "--color".into(), "never".into()],
            stdin: None,
            env: Vec::new(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `quotes.yaml` with the standard speakers and these quotes.
    pub fn quotes(self, quotes: &str) -> Self {
        self.file("quotes.yaml", format!("{SPEAKERS}quotes:\n{quotes}"))
    }

    /// Writes `quotes.yaml` exactly as given.
    pub fn raw_quotes(self, yaml: &str) -> Self {
        self.file("quotes.yaml", yaml)
    }

    pub fn article(self, name: &str, text: &str) -> Self {
        self.file(&format!("articles/{name}"), text)
    }

    pub fn file(self, name: &str, contents: impl AsRef<[u8]>) -> Self {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
        self
    }

    pub fn args(mut self, args: &[&str]) -> Self {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    /// Replaces the default `check --color never` arguments.
    pub fn only_args(mut self, args: &[&str]) -> Self {
        self.args = args.iter().map(|a| a.to_string()).collect();
        self
    }

    pub fn stdin(mut self, input: &str) -> Self {
        self.stdin = Some(input.as_bytes().to_vec());
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Runs the binary in `sub`, a folder of the scratch folder.
    pub fn cwd(mut self, sub: &str) -> Self {
        std::fs::create_dir_all(self.dir.path().join(sub)).unwrap();
        self.cwd = PathBuf::from(sub);
        self
    }

    pub fn run(self) -> Output {
        run_in(
            &self.dir.path().join(&self.cwd),
            &self.args,
            self.stdin,
            &self.env,
        )
    }

    /// Runs with exactly `args`, and keeps the scratch folder for the next
    /// run (tests of state across runs: baselines).
    pub fn run_with(&self, args: &[&str]) -> Output {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        run_in(&self.dir.path().join(&self.cwd), &args, None, &self.env)
    }

    /// Rewrites a file between runs.
    pub fn rewrite(&self, name: &str, contents: &str) {
        std::fs::write(self.dir.path().join(name), contents).unwrap();
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).unwrap()
    }
}

/// Runs the binary in `dir`.
pub fn run_in(
    dir: &Path,
    args: &[String],
    stdin: Option<Vec<u8>>,
    env: &[(String, String)],
) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_quotecheck"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().expect("binary runs");
    let mut pipe = child.stdin.take().unwrap();
    if let Some(input) = stdin {
        pipe.write_all(&input).unwrap();
    }
    drop(pipe);
    let out = child.wait_with_output().unwrap();
    Output {
        status: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

/// The repository root, where the sample corpus lives.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl Output {
    #[track_caller]
    pub fn status(self, code: i32) -> Self {
        assert_eq!(
            self.status, code,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stdout_is(self, expected: &str) -> Self {
        assert_eq!(self.stdout, expected, "stdout");
        self
    }

    #[track_caller]
    pub fn stderr_is(self, expected: &str) -> Self {
        assert_eq!(self.stderr, expected, "stderr");
        self
    }

    #[track_caller]
    pub fn stdout_has(self, needle: &str) -> Self {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(self, needle: &str) -> Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).expect("stdout is JSON")
    }
}

/// The attribution status and credited speaker of the first finding of
/// statement `id` when `article` is checked against the list `list`.
pub fn attribution_of(
    list: &str,
    id: &str,
    article: &str,
) -> (quotecheck::attribution::Status, Option<String>) {
    let catalog = quotecheck::catalog::Catalog::parse(Path::new("quotes.yaml"), list).unwrap();
    let found = quotecheck::check::Checker::new(&catalog)
        .article(&quotecheck::corpus::Article::new("a.txt", article))
        .findings;
    let f = found
        .iter()
        .find(|f| f.quote_id == id)
        .unwrap_or_else(|| panic!("{id} not found in {article:?}: {found:#?}"));
    (f.attribution.status, f.attribution.speaker.clone())
}
