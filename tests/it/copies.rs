//! Issue 15: one story printed by several outlets is one statement. The
//! same edge stated by sentences with the same words (whitespace aside) in
//! different articles counts once, every article kept as its evidence,
//! however and in whatever order the articles are built.

use std::path::{Path, PathBuf};

/// Three articles: a wire story, the same story printed by a paper (another
/// byline, other spacing, the next day), and another story whose meeting
/// sentence differs but whose headline is the same.
fn articles(dir: &Path) -> Vec<PathBuf> {
    let texts = [
        ("wire-1", " date 2024-03-01 Pakistan and China vow to deepen ties\n\nBy A. Reporter, Wire Agency\n\nPakistan and China held talks in Islamabad on Friday.\n\nJapan praised India for its support.\n"),
        ("paper-2", " date 2024-03-02 Pakistan and China vow to deepen ties\n\nStaff report, The Paper\n\nPakistan and  China held talks in Islamabad on Friday.\n\nJapan praised India for its support.\n"),
        ("other-3", " date 2024-03-05 Pakistan and China vow to deepen ties\n\nPakistan and China held talks in Beijing on Monday.\n"),
    ];
    texts
        .iter()
        .map(|(id, text)| {
            let p = dir.join(format!("{id}.txt"));
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect()
}

/// Runs `ties --graph g args...` with `env`, asserting success.
fn run(g: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_ties"))
        .arg("--graph")
        .arg(g)
        .args(args)
        .envs(env.iter().copied())
        .env_remove("TIES_GRAPH")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "ties {args:?}: {err}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn paths(v: &[&PathBuf]) -> Vec<String> {
    v.iter().map(|p| p.display().to_string()).collect()
}

/// `ties build` of `files`, in that order.
fn build(g: &Path, files: &[&PathBuf], env: &[(&str, &str)]) {
    let files = paths(files);
    let mut args = vec!["build"];
    args.extend(files.iter().map(String::as_str));
    run(g, &args, env);
}

#[test]
fn a_story_from_two_outlets_counts_once_with_both_as_evidence() {
    let d = tempfile::tempdir().unwrap();
    let a = articles(d.path());
    let (one, two) = (d.path().join("one.ron"), d.path().join("two.ron"));
    build(&one, &[&a[0]], &[]);
    build(&two, &[&a[0], &a[1]], &[]);
    let statements = |g: &Path| {
        let v: serde_json::Value =
            serde_json::from_str(&run(g, &["stats", "--json"], &[])).unwrap();
        v["statements"].as_u64().unwrap()
    };
    assert_eq!(statements(&two), statements(&one), "the copy counts once");
    let why: serde_json::Value =
        serde_json::from_str(&run(&two, &["why", "China", "Pakistan", "--json"], &[])).unwrap();
    let meeting = why
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "Meeting")
        .unwrap();
    let said = meeting["sentences"].as_array().unwrap();
    assert_eq!(said.len(), 1, "one statement: {meeting}");
    // the least article leads, the other is its copy
    assert_eq!(said[0]["article"], "paper-2", "{meeting}");
    assert_eq!(said[0]["copies"][0]["article"], "wire-1", "{meeting}");
    let text = run(&two, &["why", "China", "Pakistan"], &[]);
    assert!(
        text.contains("Meeting ×1") && text.contains("also [wire-1 #2]"),
        "{text}"
    );
    let events = run(&two, &["events", "--kind", "meeting"], &[]);
    let rows: Vec<&str> = events.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "one row per statement: {events}");
    assert!(
        rows[0].starts_with("2024-03-01,") && rows[0].ends_with(",wire-1"),
        "{events}"
    );
    let dyads: serde_json::Value =
        serde_json::from_str(&run(&two, &["dyads", "--json"], &[])).unwrap();
    let meets = dyads
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "Meeting")
        .unwrap();
    assert_eq!(meets["statements"], 1, "{meets}");
    let json = |args: &[&str]| -> serde_json::Value {
        serde_json::from_str(&run(&two, &[args, &["--json"]].concat(), &[])).unwrap()
    };
    let near = json(&["neighbors", "China"]);
    assert_eq!(near[0]["edges"]["Meeting"], 1, "{near}");
    let between = json(&["between", "China", "Pakistan"]);
    assert_eq!(between["balance"]["meetings"], 1, "{between}");
    // the meeting and the headline's two commitments, once each
    let timeline = json(&["timeline", "China"]);
    assert_eq!(timeline.as_array().unwrap().len(), 3, "{timeline}");
    let meeting = timeline
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "Meeting")
        .unwrap();
    assert_eq!(meeting["copies"][0], "wire-1", "{meeting}");
    let text = run(&two, &["timeline", "China"], &[]);
    assert!(text.contains("[paper-2] (also wire-1)"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&run(&two, &["export", "--format", "json"], &[])).unwrap();
    let edge = json["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "Meeting")
        .unwrap();
    assert_eq!(edge["weight"], 1, "{edge}");
    assert_eq!(edge["evidence"].as_array().unwrap().len(), 2, "{edge}");
}

#[test]
fn a_different_sentence_for_the_same_edge_still_counts() {
    let d = tempfile::tempdir().unwrap();
    let a = articles(d.path());
    let g = d.path().join("g.ron");
    build(&g, &[&a[0], &a[1], &a[2]], &[]);
    let why: serde_json::Value =
        serde_json::from_str(&run(&g, &["why", "China", "Pakistan", "--json"], &[])).unwrap();
    let count = |kind: &str| {
        why.as_array()
            .unwrap()
            .iter()
            .find(|r| r["kind"] == kind)
            .map(|r| r["sentences"].as_array().unwrap().len())
    };
    assert_eq!(count("Meeting"), Some(2), "Islamabad and Beijing: {why}");
    // the headline all three print is one statement
    assert_eq!(count("Commitment"), Some(1), "{why}");
}

#[test]
fn copies_give_the_same_graph_in_any_order_and_by_any_path() {
    let d = tempfile::tempdir().unwrap();
    let a = articles(d.path());
    let at = |name: &str| d.path().join(name);
    let reference = at("ref.ron");
    build(&reference, &[&a[0], &a[1], &a[2]], &[]);
    let want = std::fs::read(&reference).unwrap();
    let same = |g: &Path, how: &str| {
        assert!(
            std::fs::read(g).unwrap() == want,
            "{how} gives another graph"
        );
    };
    let g = at("reversed.ron");
    build(&g, &[&a[2], &a[1], &a[0]], &[]);
    same(&g, "building in reverse");
    // spilled runs of the bulk build, one occurrence each
    let g = at("spilled.ron");
    build(
        &g,
        &[&a[1], &a[0], &a[2]],
        &[("TIES_TEST_SPILL_BYTES", "1")],
    );
    same(&g, "a bulk build spilling every statement");
    for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
        // adding to the cache (bulk), or to the loaded RON (no cache)
        for drop_cache in [false, true] {
            let g = at(&format!("added-{order:?}-{drop_cache}.ron"));
            build(&g, &[&a[order[0]]], &[]);
            for &i in &order[1..] {
                if drop_cache {
                    std::fs::remove_file(format!("{}.cache", g.display())).unwrap();
                }
                run(&g, &["add", a[i].to_str().unwrap()], &[]);
            }
            same(
                &g,
                &format!("adding in order {order:?} (cache dropped: {drop_cache})"),
            );
            // the lead article built again: its copies stand in, then it leads again
            run(&g, &["add", a[1].to_str().unwrap()], &[]);
            same(&g, "adding the lead article again");
        }
    }
    // extraction lines merged in reverse order (the map/reduce path)
    let lines = at("x.jsonl");
    let files = paths(&[&a[2], &a[1], &a[0]]);
    let mut args = vec!["extract"];
    args.extend(files.iter().map(String::as_str));
    std::fs::write(&lines, run(&at("unused.ron"), &args, &[])).unwrap();
    let g = at("extractions.ron");
    run(
        &g,
        &["build", "--extractions", lines.to_str().unwrap()],
        &[],
    );
    same(&g, "merging extraction lines");
}

#[test]
fn a_graph_of_the_format_before_copies_folds_them_on_load() {
    let d = tempfile::tempdir().unwrap();
    let a = articles(d.path());
    let g = d.path().join("g.ron");
    build(&g, &[&a[0], &a[2]], &[]);
    let meetings = |g: &Path| {
        let why: serde_json::Value =
            serde_json::from_str(&run(g, &["why", "China", "Pakistan", "--json"], &[])).unwrap();
        let m = why
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["kind"] == "Meeting")
            .cloned()
            .unwrap();
        m["sentences"].as_array().unwrap().len()
    };
    assert_eq!(meetings(&g), 2);
    // a version 2 file where both articles print the same sentence: each
    // occurrence stood alone then; loading makes them one statement
    // (written in full, as `GraphFile`'s serde form writes copies)
    let file = ties::Graph::load(&g).unwrap().to_file();
    let full = ron::ser::to_string_pretty(&file, Default::default()).unwrap();
    let text = full.replace(
        "Pakistan and China held talks in Beijing on Monday.",
        "Pakistan and China held talks in Islamabad on Friday.",
    );
    let old = d.path().join("old.ron");
    std::fs::write(&old, text.replacen("version: 3,", "version: 2,", 1)).unwrap();
    assert_eq!(meetings(&old), 1);
    let o = run(&old, &["why", "China", "Pakistan"], &[]);
    assert!(
        o.contains("also [other-3 #1]") || o.contains("also [wire-1 #2]"),
        "{o}"
    );
}

/// A version 3 graph file (each copy written in full), as ties wrote it
/// before version 4: [`articles`], built from their folder
/// (`ties build wire-1.txt paper-2.txt other-3.txt`).
const VERSION_3: &str = include_str!("../data/copies-v3.ron");

#[test]
fn a_version_3_file_reads_as_it_did() {
    let d = tempfile::tempdir().unwrap();
    articles(d.path());
    let old = d.path().join("old.ron");
    std::fs::write(&old, VERSION_3).unwrap();
    // the same articles built today, from their folder as the file was
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_ties"))
        .current_dir(d.path())
        .args(["build", "wire-1.txt", "paper-2.txt", "other-3.txt"])
        .args(["--graph", "new.ron"])
        .env_remove("TIES_GRAPH")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let new = d.path().join("new.ron");
    let text = std::fs::read_to_string(&new).unwrap();
    assert!(VERSION_3.contains("\n  version: 3,\n") && text.contains("\n  version: 4,\n"));
    // a copy is written as what differs from its leader: its date, its text
    assert!(text.len() < VERSION_3.len());
    assert!(
        text.contains("          copies: [\n            (\n              evidence: (\n                article: \"wire-1\",\n                sentence: 2,\n                start: 85,\n                end: 138,\n                text: \"Pakistan and China held talks in Islamabad on Friday.\",\n              ),\n            ),\n          ],\n"),
        "{text}"
    );
    for format in ["json", "ron"] {
        let export = |g: &Path| run(g, &["export", "--format", format], &[]);
        assert_eq!(export(&old), export(&new), "{format}");
    }
    assert_eq!(run(&old, &["export", "--format", "ron"], &[]), text);
}
