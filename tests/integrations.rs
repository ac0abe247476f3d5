//! The ready-made integrations in the repository must keep working with the
//! binary they call: every command of `.pre-commit-hooks.yaml` and of the
//! GitHub Actions example is run here against the sample corpus.

mod support;

use support::{repo_root, run_in};

/// The quotecheck arguments of a shell line (`quotecheck check --x > f`).
fn arguments(line: &str) -> Vec<String> {
    let line = line.split('>').next().unwrap();
    line.split_whitespace()
        .skip(1)
        .map(str::to_string)
        .collect()
}

fn run(args: &[String]) -> support::Output {
    let mut args = args.to_vec();
    // Keep the repository's own configuration (none today) out of it.
    args.push("--isolated".into());
    run_in(&repo_root(), &args, None, &[])
}

#[test]
fn the_pre_commit_hooks_run() {
    let text = std::fs::read_to_string(repo_root().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: Vec<serde_yaml::Value> = serde_yaml::from_str(&text).unwrap();
    let mut ids = Vec::new();
    for hook in &hooks {
        ids.push(hook["id"].as_str().unwrap().to_string());
        assert_eq!(hook["language"].as_str(), Some("rust"));
        let mut args = arguments(hook["entry"].as_str().unwrap());
        if let Some(extra) = hook["args"].as_sequence() {
            args.extend(extra.iter().map(|a| a.as_str().unwrap().to_string()));
        }
        let passes_files = hook["pass_filenames"].as_bool() != Some(false);
        if passes_files {
            // pre-commit appends the staged files that match `files`.
            args.push("articles/tass-2022-01-10-blinken-talks-unlikely-progress.txt".into());
        }
        let out = run(&args);
        assert_eq!(out.status, 0, "{args:?}\n{}{}", out.stdout, out.stderr);
    }
    assert_eq!(ids, ["quotecheck", "quotecheck-validate"]);
}

#[test]
fn the_github_actions_example_runs() {
    let text = std::fs::read_to_string(repo_root().join("examples/github-actions/quotecheck.yml"))
        .unwrap();
    let workflow: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let steps = workflow["jobs"]["quotes"]["steps"].as_sequence().unwrap();
    let commands: Vec<&str> = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .filter(|r| r.starts_with("quotecheck "))
        .collect();
    assert_eq!(commands.len(), 3, "{commands:?}");
    let statuses: Vec<i32> = commands.iter().map(|c| run(&arguments(c)).status).collect();
    // validate passes; the check fails on the sample's drift (as CI should);
    // the SARIF step never fails, so that the upload runs.
    assert_eq!(statuses, [0, 1, 0]);
    let github = run(&arguments(commands[1]));
    assert!(
        github.stdout.starts_with("::notice file=articles/"),
        "{}",
        github.stdout
    );
    assert!(github.stdout.contains(
        "::error file=articles/afp-2022-01-19-blinken-arrives-in-ukraine.txt,line=17,col=2,"
    ));
    let sarif: serde_json::Value =
        serde_json::from_str(&run(&arguments(commands[2])).stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
}
