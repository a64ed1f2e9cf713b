//! The README, run as written: every `$ ` command of its `text` and
//! `console` blocks runs in order, through `sh`, in one fresh folder holding
//! what a clone holds (`seeds/`, `tools/make_corpus.py`) and what the earlier
//! commands made; every line shown after a command appears in what it prints
//! (standard output, then standard error), in order ("..." stands for text
//! left out, inside a line or as a line of its own). A block followed by
//! `(exit N)` expects its last command to exit with N; every other command
//! must succeed.

use std::path::Path;
use std::process::Command;

/// Commands of the README that are not run here, and why. (The `sh` block
/// at its top holds no `$ ` command: its `cargo install` gives the binary
/// this test takes from cargo, and its `cargo test` is this run.)
const NOT_RUN: &[(&str, &str)] = &[(
    "neo4j-admin ",
    "needs a Neo4j installation, stopped; the CSV files it imports are made and checked by the command before it",
)];

/// One `$ ` command of the README, the lines shown after it, and the exit
/// code it must end with.
#[derive(Debug)]
struct Step {
    cmd: String,
    shown: Vec<String>,
    exit: i32,
}

/// Every step of the README's `text` and `console` blocks, in order.
fn steps(readme: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut rest = readme;
    while let Some(at) = rest.find("```") {
        let fence = &rest[at + 3..];
        let (lang, body) = fence.split_once('\n').unwrap_or((fence, ""));
        let Some((block, after)) = body.split_once("\n```") else {
            break;
        };
        let after = after.split_once('\n').map_or("", |(_, a)| a);
        if lang == "text" || lang == "console" {
            steps.extend(block_steps(block, exit_after(after)));
        }
        rest = after;
    }
    steps
}

/// The exit code a `(exit N)` line right after a block asks for, else 0.
fn exit_after(after: &str) -> i32 {
    let first = after.lines().next().unwrap_or_default().trim();
    first
        .strip_prefix("(exit ")
        .and_then(|s| s.strip_suffix(')'))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The commands of one block and the lines shown after each; the last one
/// must exit with `exit`.
fn block_steps(block: &str, exit: i32) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    for line in block.lines() {
        match (line.strip_prefix("$ "), steps.last_mut()) {
            (Some(cmd), _) => steps.push(Step {
                cmd: cmd.to_string(),
                shown: Vec::new(),
                exit: 0,
            }),
            (None, Some(step)) if !line.trim().is_empty() && line.trim() != "..." => {
                step.shown.push(line.to_string());
            }
            _ => {}
        }
    }
    if let Some(last) = steps.last_mut() {
        last.exit = exit;
    }
    steps
}

/// Whether `line` holds the pieces of `shown` between its "...", in order.
fn shows(line: &str, shown: &str) -> bool {
    let mut rest = line;
    for piece in shown.split("...").map(str::trim).filter(|p| !p.is_empty()) {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    true
}

/// A fresh folder holding what a clone gives the README's commands.
fn clone_folder(root: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("seeds")).unwrap();
    for seed in std::fs::read_dir(root.join("seeds")).unwrap() {
        let seed = seed.unwrap().path();
        std::fs::copy(
            &seed,
            dir.path().join("seeds").join(seed.file_name().unwrap()),
        )
        .unwrap();
    }
    std::fs::create_dir_all(dir.path().join("tools")).unwrap();
    std::fs::copy(
        root.join("tools/make_corpus.py"),
        dir.path().join("tools/make_corpus.py"),
    )
    .unwrap();
    dir
}

/// Runs `cmd` through `sh` in `dir` with the built `ties` first on the path;
/// its exit code and what it printed (standard output, then error).
fn run(cmd: &str, dir: &Path) -> (i32, String) {
    let bin = Path::new(env!("CARGO_BIN_EXE_ties")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let o = Command::new("sh")
        .args(["-c", cmd])
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("TIES_GRAPH")
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.code().unwrap_or(-1), printed)
}

/// Whether Graphviz's `dot` can be run (the SVG export needs it).
fn has_dot() -> bool {
    Command::new("dot").arg("-V").output().is_ok()
}

#[test]
fn every_readme_command_prints_what_it_shows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let steps = steps(&readme);
    assert!(steps.len() >= 20, "the README has commands: {steps:?}");
    let dir = clone_folder(root);
    for step in steps {
        assert!(
            !step.cmd.contains("../shared"),
            "a newcomer has no ../shared: {}",
            step.cmd
        );
        if let Some((_, why)) = NOT_RUN.iter().find(|(p, _)| step.cmd.starts_with(p)) {
            eprintln!("not run: `{}`: {why}", step.cmd);
            continue;
        }
        if step.cmd.contains("svg") && !has_dot() {
            eprintln!("note: no Graphviz `dot`; `{}` skipped", step.cmd);
            continue;
        }
        check(&step, dir.path());
    }
}

/// Runs one step and checks its exit code and the lines it shows.
fn check(step: &Step, dir: &Path) {
    let (code, out) = run(&step.cmd, dir);
    assert_eq!(code, step.exit, "`{}` exits {code}:\n{out}", step.cmd);
    let mut lines = out.lines();
    for s in &step.shown {
        assert!(
            lines.any(|l| shows(l, s)),
            "`{}` does not print, in this order, the README's line\n{s}\nIt prints:\n{out}",
            step.cmd
        );
    }
}

/// The parser sees every block's commands, the lines after them and the
/// exit code a block asks for.
#[test]
fn steps_are_read_from_text_and_console_blocks() {
    let md = "a\n```text\n$ ties a\nx\n...\ny\n```\n```sh\n$ no\n```\n```console\n$ ties b\n$ ties c\nz\n```\n(exit 2)\n";
    let s = steps(md);
    let cmds: Vec<_> = s.iter().map(|s| (s.cmd.as_str(), s.exit)).collect();
    assert_eq!(cmds, [("ties a", 0), ("ties b", 0), ("ties c", 2)]);
    assert_eq!(s[0].shown, ["x", "y"]);
    assert_eq!(s[2].shown, ["z"]);
    assert!(shows("abc def ghi", "abc ... ghi"));
    assert!(!shows("abc def", "def ... abc"));
}

/// `ties man` prints a manual page made from the same definitions as
/// `--help`: every command is in it.
#[test]
fn the_manual_page_names_every_command() {
    let o = crate::common::ties(&["man"]);
    assert!(o.status.success());
    let page = String::from_utf8_lossy(&o.stdout);
    assert!(page.contains(".TH ties 1"), "{page}");
    for cmd in [
        "build", "add", "between", "export", "report", "events", "why", "explain",
    ] {
        assert!(page.contains(&format!("ties\\-{cmd}(1)")), "{cmd} missing");
    }
}
