//! Issue 15: work is not destroyed (build refuses to replace a graph,
//! `--out` formats from extensions, stdin ids, sources kept) and evidence
//! can be followed (explain by article id, one story counted once).

use crate::common::{seed_graph, seeds, ties};
use std::process::Output;

/// (exit code, stdout, stderr) of a run.
fn parts(o: &Output) -> (i32, String, String) {
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn build_onto_an_existing_graph_refuses_without_force() {
    let b = seed_graph();
    let before = std::fs::read(&b.graph).unwrap();
    let seed = seeds().join("000_186ee53d8d80909e.txt");
    let (code, _, err) = parts(&b.run(&["build", seed.to_str().unwrap()]));
    assert_eq!(code, 2, "{err}");
    let name = b.graph.display().to_string();
    assert!(err.contains(&name), "names the file: {err}");
    assert!(err.contains("ties add") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&b.graph).unwrap(), before, "nothing written");
    let (code, out, err) = parts(&b.run(&["build", "--force", seed.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 article(s) read"), "{out}");
    // a fresh path needs no --force
    let fresh = b.dir.path().join("fresh.ron");
    let o = ties(&[
        "--graph",
        fresh.to_str().unwrap(),
        "build",
        seed.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", parts(&o).2);
}

/// Whether Graphviz's `dot` runs here (the SVG and PNG checks need it).
fn has_dot() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn export_out_takes_its_format_from_the_extension() {
    let b = seed_graph();
    let out = |name: &str| b.dir.path().join(name);
    let export = |name: &str, extra: &[&str]| {
        let p = out(name);
        let mut args = vec!["export", "--out", p.to_str().unwrap()];
        args.extend(extra);
        parts(&b.run(&args))
    };
    assert_eq!(export("g.graphml", &[]).0, 0);
    assert!(std::fs::read_to_string(out("g.graphml"))
        .unwrap()
        .contains("<graphml"));
    assert_eq!(export("g.json", &[]).0, 0);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out("g.json")).unwrap()).unwrap();
    assert!(v["edges"].as_array().is_some_and(|e| !e.is_empty()));
    assert_eq!(export("g.gv", &[]).0, 0);
    assert!(std::fs::read_to_string(out("g.gv"))
        .unwrap()
        .starts_with("digraph"));
    assert_eq!(export("neo.csv", &[]).0, 0);
    assert!(out("neo.csv").join("relationships.csv").is_file());
    if has_dot() {
        assert_eq!(export("g.svg", &[]).0, 0);
        assert!(std::fs::read_to_string(out("g.svg"))
            .unwrap()
            .contains("<svg"));
        assert_eq!(export("g.png", &[]).0, 0);
        assert!(std::fs::read(out("g.png")).unwrap().starts_with(b"\x89PNG"));
    } else {
        eprintln!("note: Graphviz's dot is absent: the .svg and .png exports are not checked");
    }
}

#[test]
fn export_refuses_a_format_its_out_contradicts() {
    let b = seed_graph();
    let p = b.dir.path().join("g.svg");
    let (code, _, err) =
        parts(&b.run(&["export", "--format", "json", "--out", p.to_str().unwrap()]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--format json contradicts --out") && err.contains("svg"),
        "{err}"
    );
    assert!(!p.exists(), "nothing written");
    // a name without a known extension takes any format
    let q = b.dir.path().join("g.txt");
    let (code, _, err) =
        parts(&b.run(&["export", "--format", "json", "--out", q.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn csv_out_reuses_a_folder_and_names_a_file_in_the_way_once() {
    let b = seed_graph();
    let dir = b.dir.path().join("neo4j");
    for _ in 0..2 {
        let (code, _, err) =
            parts(&b.run(&["export", "--format", "csv", "--out", dir.to_str().unwrap()]));
        assert_eq!(code, 0, "an existing folder is reused: {err}");
    }
    // an existing folder alone means csv
    let (code, _, err) = parts(&b.run(&["export", "--out", dir.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    let file = b.dir.path().join("taken");
    std::fs::write(&file, "mine").unwrap();
    let (code, _, err) =
        parts(&b.run(&["export", "--format", "csv", "--out", file.to_str().unwrap()]));
    assert_eq!(code, 2);
    assert!(err.contains("is a file, not a folder"), "{err}");
    assert!(
        !err.contains("os error"),
        "one message, not the system's: {err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
}

/// Runs `ties --graph GRAPH args...` with `input` on standard input.
fn with_stdin(graph: &std::path::Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ties"))
        .arg("--graph")
        .arg(graph)
        .args(args)
        .env_remove("TIES_GRAPH")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// The article ids of a graph's JSON export.
fn article_ids(graph: &std::path::Path) -> Vec<String> {
    let o = ties(&["--graph", graph.to_str().unwrap(), "stats", "--json"]);
    assert!(o.status.success(), "{}", parts(&o).2);
    let text = std::fs::read_to_string(graph).unwrap();
    let start = text.find("articles: {").expect("an articles table");
    let end = start + text[start..].find("}").unwrap();
    text[start..end]
        .lines()
        .skip(1)
        .filter_map(|l| l.trim().split('"').nth(1).map(str::to_string))
        .collect()
}

#[test]
fn standard_input_articles_get_distinct_ids() {
    let d = tempfile::tempdir().unwrap();
    let g = d.path().join("g.ron");
    let one = " date 2023-05-06 One\nChina and Pakistan vowed to deepen ties.\n";
    let two = " date 2023-05-07 Two\nIndia and Japan vowed to deepen ties.\n";
    let o = with_stdin(&g, &["build", "-"], one);
    assert!(o.status.success(), "{}", parts(&o).2);
    let o = with_stdin(&g, &["add", "-"], two);
    assert!(o.status.success(), "{}", parts(&o).2);
    let (_, _, err) = parts(&o);
    assert!(
        !err.contains("replaced"),
        "a second text is another article: {err}"
    );
    let ids = article_ids(&g);
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(
        ids.iter().all(|i| i.starts_with("stdin-") && i.len() == 22),
        "{ids:?}"
    );
    // the same text again is the same article; --id names it
    let o = with_stdin(&g, &["add", "-", "--id", "mine"], one);
    assert!(o.status.success(), "{}", parts(&o).2);
    let ids = article_ids(&g);
    assert!(
        ids.contains(&"mine".to_string()) && ids.len() == 3,
        "{ids:?}"
    );
}

#[test]
fn a_folder_without_articles_names_what_it_skipped() {
    let d = tempfile::tempdir().unwrap();
    let docs = d.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.pdf"), "%PDF").unwrap();
    std::fs::write(docs.join("b.doc"), "x").unwrap();
    let g = d.path().join("g.ron");
    let (code, _, err) = parts(&ties(&[
        "--graph",
        g.to_str().unwrap(),
        "build",
        docs.to_str().unwrap(),
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no *.txt or *.jsonl article"), "{err}");
    assert!(err.contains("skipped: a.pdf, b.doc"), "{err}");
    assert!(!g.exists());
}

#[test]
fn undated_articles_are_warned_about_once() {
    let d = tempfile::tempdir().unwrap();
    for i in 0..5 {
        let p = d.path().join(format!("u{i}.txt"));
        std::fs::write(
            p,
            format!("China and Pakistan vowed to deepen ties. Note {i}.\n"),
        )
        .unwrap();
    }
    std::fs::write(
        d.path().join("dated.txt"),
        " date 2023-05-06 T\nIndia and Japan vowed to deepen ties.\n",
    )
    .unwrap();
    let g = d.path().join("g.ron");
    let (code, _, err) = parts(&ties(&[
        "--graph",
        g.to_str().unwrap(),
        "build",
        d.path().to_str().unwrap(),
    ]));
    assert_eq!(code, 0, "{err}");
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("no date")).collect();
    assert_eq!(warnings.len(), 1, "{err}");
    // the dated article (first by id) is not among those named
    let want = "5 article(s) have no date (u0, u1, u2, ...)";
    assert!(warnings[0].contains(want), "{err}");
}

/// A folder with a JSON Lines file of two outlets' articles (with `url`
/// and `source`) and a text article; the graph built from them.
fn sourced_graph() -> (tempfile::TempDir, std::path::PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let lines = [
        serde_json::json!({"id": "wire-1", "date": "2023-05-06", "url": "https://wire.example/1",
            "source": "Wire Agency", "text": "China and Pakistan vowed to deepen ties."}),
        serde_json::json!({"id": "paper-2", "date": "2023-05-08", "source": "The Paper",
            "text": "India criticised Pakistan over the attack."}),
    ];
    let body: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    std::fs::write(d.path().join("news.jsonl"), body.join("\n") + "\n").unwrap();
    let text = " date 2023-05-07 Talks\nJapan and India vowed to deepen ties.\n";
    std::fs::write(d.path().join("talks.txt"), text).unwrap();
    let g = d.path().join("g.ron");
    let o = ties(&[
        "--graph",
        g.to_str().unwrap(),
        "build",
        d.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", parts(&o).2);
    (d, g)
}

#[test]
fn url_and_source_are_kept_and_shown_with_the_evidence() {
    let (_d, g) = sourced_graph();
    let gs = g.to_str().unwrap();
    let (code, out, err) = parts(&ties(&["--graph", gs, "why", "China", "Pakistan"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("[wire-1, Wire Agency, https://wire.example/1 #"),
        "{out}"
    );
    let (code, out, err) = parts(&ties(&["--graph", gs, "between", "India", "Pakistan"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("[paper-2, The Paper]"), "{out}");
    let o = ties(&["--graph", gs, "between", "China", "Pakistan", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let st = &v["statements"][0];
    assert_eq!(st["outlet"], "Wire Agency", "{v}");
    assert_eq!(st["url"], "https://wire.example/1", "{v}");
    let (_, out, _) = parts(&ties(&["--graph", gs, "events"]));
    let header = out.lines().next().unwrap();
    assert!(header.ends_with(",outlet,url,copies"), "{header}");
    assert!(
        out.lines()
            .any(|l| l.ends_with(",Wire Agency,https://wire.example/1,")),
        "{out}"
    );
    // the cache serves the same provenance as the RON file
    std::fs::remove_file(format!("{gs}.cache")).unwrap();
    let (_, again, _) = parts(&ties(&["--graph", gs, "events"]));
    assert_eq!(again, out);
}

#[test]
fn explain_takes_the_article_id_evidence_shows() {
    let (d, g) = sourced_graph();
    let gs = g.to_str().unwrap();
    // from another folder: the paths kept are found beside the graph too
    let run = |args: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_ties"))
            .args(["--graph", gs])
            .args(args)
            .current_dir(std::env::temp_dir())
            .output()
            .unwrap();
        parts(&o)
    };
    let (code, out, err) = run(&["explain", "wire-1"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("article wire-1, dated 2023-05-06"), "{out}");
    assert!(out.contains("EDGE China -Commitment-> Pakistan"), "{out}");
    let (code, out, err) = run(&["explain", "talks", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["article"], "talks");
    assert!(
        v["sentences"].as_array().is_some_and(|s| s.len() >= 2),
        "{v}"
    );
    let (code, _, err) = run(&["explain", "nowhere-9"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("nowhere-9") && err.contains("nor an article of the graph"),
        "{err}"
    );
    std::fs::remove_file(d.path().join("talks.txt")).unwrap();
    let (code, _, err) = run(&["explain", "talks"]);
    assert_eq!(code, 2);
    assert!(err.contains("no longer there"), "{err}");
}

#[test]
fn explain_speaks_in_names_not_lexicon_numbers() {
    let seed = seeds().join("000_186ee53d8d80909e.txt");
    let (code, out, err) = parts(&ties(&["explain", seed.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    for noise in [
        "Capital(",
        "Country {",
        "Some(",
        "Person {",
        "TitleRef",
        "Place(",
    ] {
        assert!(!out.contains(noise), "{noise} in:\n{out}");
    }
    assert!(out.contains("= country China"), "{out}");
    assert!(out.contains("= person Qin Gang"), "{out}");
}

#[test]
fn a_graph_of_the_format_before_provenance_still_loads() {
    let (_d, g) = sourced_graph();
    let text = std::fs::read_to_string(&g).unwrap();
    assert!(text.contains("version: 4,") && text.contains("provenance: {"));
    // version 1: no provenance table
    let start = text.find("  provenance: {").unwrap();
    let end = start + text[start..].find("\n  },\n").unwrap() + "\n  },\n".len();
    let old = format!("{}{}", &text[..start], &text[end..]).replace("version: 4,", "version: 1,");
    std::fs::write(&g, old).unwrap();
    let gs = g.to_str().unwrap();
    let (code, out, err) = parts(&ties(&["--graph", gs, "why", "China", "Pakistan"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("[wire-1 #"), "{out}");
    let (code, _, err) = parts(&ties(&["--graph", gs, "explain", "wire-1"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("does not know where this article came from"),
        "{err}"
    );
}

#[test]
fn the_same_sentence_twice_in_one_article_counts_once() {
    let d = tempfile::tempdir().unwrap();
    let head = "Pakistan and China vowed to deepen cooperation";
    let once = format!(" date 2015-10-27 {head}\n\nJapan praised India for its support.\n");
    let twice =
        format!(" date 2015-10-27 {head}\n\n{head}\n\nJapan praised India for its support.\n");
    let count = |name: &str, text: &str| {
        let dir = d.path().join(name);
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), text).unwrap();
        let g = dir.join("g.ron");
        let o = ties(&[
            "--graph",
            g.to_str().unwrap(),
            "build",
            dir.join("a.txt").to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", parts(&o).2);
        let o = ties(&[
            "--graph",
            g.to_str().unwrap(),
            "why",
            "China",
            "Pakistan",
            "--json",
        ]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["kind"].as_str().unwrap().to_string(),
                    r["sentences"].as_array().unwrap().len(),
                )
            })
            .collect::<Vec<_>>()
    };
    let one = count("once", &once);
    assert!(
        !one.is_empty() && one.iter().all(|(_, n)| *n == 1),
        "{one:?}"
    );
    assert_eq!(
        count("twice", &twice),
        one,
        "the repeated headline counts once"
    );
}

/// Issue 15's one story printed by two outlets (a real dev article, again
/// under another id, with another byline line and source): it counts once,
/// with both articles as evidence (`tests/it/copies.rs` without ../shared).
#[test]
fn one_story_from_two_outlets_counts_once() {
    let Some(dev) = crate::common::dev_dir() else {
        return;
    };
    let name = "2015-10-27-china-summons-us-ambassador";
    let text = std::fs::read_to_string(dev.join(format!("{name}.txt"))).unwrap();
    let d = tempfile::tempdir().unwrap();
    let wire = text.replacen(
        "(Beijing Time)  Xinhua English",
        "By a staff reporter, Reuters",
        1,
    );
    let line = |id: &str, source: &str, text: &str| {
        serde_json::json!({"id": id, "date": "2015-10-27", "source": source, "text": text})
            .to_string()
    };
    std::fs::write(
        d.path().join("one.jsonl"),
        line("xinhua-1", "Xinhua", &text) + "\n",
    )
    .unwrap();
    let both = [
        line("xinhua-1", "Xinhua", &text),
        line("reuters-7", "Reuters", &wire),
    ];
    std::fs::write(d.path().join("two.jsonl"), both.join("\n") + "\n").unwrap();
    let stats = |file: &str| {
        let g = d.path().join(format!("{file}.ron"));
        let input = d.path().join(format!("{file}.jsonl"));
        let o = ties(&[
            "--graph",
            g.to_str().unwrap(),
            "build",
            input.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", parts(&o).2);
        let o = ties(&["--graph", g.to_str().unwrap(), "stats", "--json"]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        (v["statements"].clone(), g)
    };
    let ((one, _), (two, g)) = (stats("one"), stats("two"));
    assert_eq!(two, one, "the story counts once");
    let o = ties(&[
        "--graph",
        g.to_str().unwrap(),
        "why",
        "China",
        "Max Baucus",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = v.to_string();
    assert!(
        text.contains("xinhua-1") && text.contains("reuters-7"),
        "both outlets are evidence: {text}"
    );
}
