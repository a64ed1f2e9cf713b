//! Sentence-level extraction cases: every `tests/cases/*.ron` is a list of
//! short texts with the edges their extraction must hold (`expect`) and must
//! not hold (`forbid`); `tests/cases/README.md` describes the format. A case
//! marked `known_failure` must still fail, so the list of what the extractor
//! gets wrong stays honest: when such a case starts to pass, the runner fails
//! and asks for the marker to go.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use ties::{Article, EdgeKind, EntityKind, Extraction, Extractor};

/// An edge as a case names it: (source, kind, target), each end an entity's
/// id (`country:china`), name (`China`) or alias, in any case.
type Named = (String, EdgeKind, String);

/// One case of a `tests/cases/*.ron` file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    /// `YYYY-MM-DD`: the article's date, given as a header line.
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    expect: Vec<Named>,
    #[serde(default)]
    forbid: Vec<Named>,
    #[serde(default)]
    level: Level,
    /// Why the case fails today; it must fail while this is set.
    #[serde(default)]
    known_failure: Option<String>,
}

/// Which ends the edges of a case name.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
enum Level {
    /// A person's event edge counts for the country they serve (their Role
    /// edge to a country in the same extraction), as the country-level score
    /// counts it; Role and LocatedIn edges stay as written.
    #[default]
    Country,
    /// The edges as extracted.
    Written,
}

/// The edges of an extraction at a level, as (source id, kind, target id),
/// undirected kinds with their ends sorted.
fn edges_at(x: &Extraction, level: Level) -> BTreeSet<(String, EdgeKind, String)> {
    let kind_of: BTreeMap<&str, EntityKind> =
        x.entities.iter().map(|e| (e.id.as_str(), e.kind)).collect();
    // person -> the countries they hold a current title of
    let mut serves: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    if level == Level::Country {
        for e in &x.edges {
            if e.kind == EdgeKind::Role
                && !e.former
                && kind_of.get(e.source.as_str()) == Some(&EntityKind::Person)
                && kind_of.get(e.target.as_str()) == Some(&EntityKind::Country)
            {
                serves.entry(&e.source).or_default().push(&e.target);
            }
        }
    }
    let mut out = BTreeSet::new();
    for e in &x.edges {
        let lift = |id: &str| -> Vec<String> {
            match serves.get(id) {
                Some(cs) if e.kind.is_event() => cs.iter().map(|c| c.to_string()).collect(),
                _ => vec![id.to_string()],
            }
        };
        let targets = lift(&e.target);
        for s in lift(&e.source) {
            for t in &targets {
                if s == *t {
                    continue;
                }
                let (s, t) = if e.kind.is_directed() || s <= *t {
                    (s.clone(), t.clone())
                } else {
                    (t.clone(), s.clone())
                };
                out.insert((s, e.kind, t));
            }
        }
    }
    out
}

/// A name as cases compare it: lower case, without a leading "the".
fn norm(name: &str) -> String {
    let s = name.trim().to_lowercase();
    match s.strip_prefix("the ") {
        Some(rest) => rest.trim_start().to_string(),
        None => s,
    }
}

/// The ids of the extraction's entities that `name` names: by id, name or
/// alias, ignoring case and a leading "the".
fn ids_named<'a>(x: &'a Extraction, name: &str) -> BTreeSet<&'a str> {
    let name = norm(name);
    x.entities
        .iter()
        .filter(|e| {
            e.id == name || norm(&e.name) == name || e.aliases.iter().any(|a| norm(a) == name)
        })
        .map(|e| e.id.as_str())
        .collect()
}

/// Whether `edges` hold the named edge (either way round for undirected kinds).
fn holds(x: &Extraction, edges: &BTreeSet<(String, EdgeKind, String)>, n: &Named) -> bool {
    let (a, b) = (ids_named(x, &n.0), ids_named(x, &n.2));
    edges.iter().any(|(s, k, t)| {
        *k == n.1
            && ((a.contains(s.as_str()) && b.contains(t.as_str()))
                || (!k.is_directed() && b.contains(s.as_str()) && a.contains(t.as_str())))
    })
}

/// What is wrong with a case's extraction; empty when it passes.
fn problems(x: &Extraction, case: &Case) -> Vec<String> {
    let edges = edges_at(x, case.level);
    let mut out = Vec::new();
    if case.expect.is_empty() && case.forbid.is_empty() {
        out.push("the case expects and forbids nothing: it cannot fail".to_string());
    }
    for n in &case.expect {
        if !holds(x, &edges, n) {
            out.push(format!("missing   {} -{}-> {}", n.0, n.1, n.2));
        }
    }
    for n in &case.forbid {
        // a forbidden edge between names the extraction does not know could
        // never be there: the case would test nothing
        for name in [&n.0, &n.2] {
            if ids_named(x, name).is_empty() {
                out.push(format!(
                    "forbid names {name:?}, no entity of the extraction: it cannot fail"
                ));
            }
        }
        if holds(x, &edges, n) {
            out.push(format!("forbidden {} -{}-> {}", n.0, n.1, n.2));
        }
    }
    out
}

/// The case as an article: a header line with its date, when it has one.
fn article(id: &str, case: &Case) -> Result<Article, String> {
    let Some(d) = &case.date else {
        return Article::parse(id, case.text.as_str()).map_err(|e| e.to_string());
    };
    let a = Article::parse(id, format!(" date {d}\n{}", case.text)).map_err(|e| e.to_string())?;
    match a.date {
        Some(_) => Ok(a),
        None => Err(format!("date {d:?} is not YYYY-MM-DD")),
    }
}

/// What the runner says of a case, given its problems: `Ok(false)` passes,
/// `Ok(true)` is a known failure that still fails, `Err` the reasons it fails
/// the run.
fn verdict(case: &Case, problems: Vec<String>) -> Result<bool, Vec<String>> {
    match (&case.known_failure, problems.is_empty()) {
        (None, true) => Ok(false),
        (None, false) => Err(problems),
        (Some(_), false) => Ok(true),
        (Some(why), true) => Err(vec![format!(
            "passes now, though marked known_failure ({why:?}): remove the marker"
        )]),
    }
}

/// A report of one case: where it is, its text, what went wrong, and what
/// the extraction holds.
fn report(file: &Path, i: usize, case: &Case, x: &Extraction, what: &[String]) -> String {
    let mut s = format!(
        "{} case {i} ({:?} level):\n  text: {:?}\n",
        shown(file),
        case.level,
        case.text
    );
    for w in what {
        let _ = writeln!(s, "  {w}");
    }
    let _ = writeln!(s, "  extracted, as written:");
    for e in &x.edges {
        let _ = writeln!(s, "    {} -{}-> {}", e.source, e.kind, e.target);
    }
    if case.level == Level::Country {
        let _ = writeln!(s, "  extracted, at country level:");
        for (a, k, b) in edges_at(x, Level::Country) {
            let _ = writeln!(s, "    {a} -{k}-> {b}");
        }
    }
    s
}

/// A case file's path as the author knows it: `tests/cases/NAME.ron`.
fn shown(file: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    file.strip_prefix(root)
        .unwrap_or(file)
        .display()
        .to_string()
}

fn case_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// Cases from RON text; `Some(..)` may be left out around a date or a
/// known_failure.
fn parse_cases(text: &str) -> Result<Vec<Case>, ron::error::SpannedError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
}

fn read_cases(file: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", shown(file)));
    parse_cases(&text).unwrap_or_else(|e| panic!("{}:{e}", shown(file)))
}

#[test]
fn every_case_behaves_and_every_known_failure_still_fails() {
    let ex = Extractor::new().unwrap();
    let files = case_files();
    assert!(!files.is_empty(), "no tests/cases/*.ron");
    let (mut total, mut known) = (0, 0);
    let mut failures = Vec::new();
    for file in &files {
        let cases = read_cases(file);
        assert!(!cases.is_empty(), "{}: no cases", shown(file));
        for (i, case) in cases.iter().enumerate() {
            total += 1;
            let stem = file.file_stem().unwrap().to_string_lossy();
            let a = match article(&format!("{stem}-{i}"), case) {
                Ok(a) => a,
                Err(e) => {
                    failures.push(format!("{} case {i}: {e}", shown(file)));
                    continue;
                }
            };
            let x = ex.extract(&a);
            match verdict(case, problems(&x, case)) {
                Ok(true) => known += 1,
                Ok(false) => {}
                Err(what) => failures.push(report(file, i, case, &x, &what)),
            }
        }
    }
    eprintln!(
        "cases: {total} in {} files, {} pass, {known} known failures",
        files.len(),
        total - known - failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {total} cases fail (cases count from 0):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The runner's checks can fail: a missing, a forbidden, a lifted edge, a
/// name not found, a case that tests nothing, a known failure that passes.
#[test]
fn the_case_checks_see_what_is_wrong() {
    let ex = Extractor::new().unwrap();
    let met =
        "Chinese Foreign Minister Wang Yi met Pakistani Foreign Minister Bilawal Bhutto Zardari.";
    let cases = parse_cases(&format!(
        r#"[
        (text: "{met}", expect: [("pakistan", Meeting, "The China")]),
        (text: "{met}", level: Written,
         expect: [("Wang Yi", Meeting, "Bilawal Bhutto Zardari"), ("person:wang-yi", Role, "China")]),
        (text: "{met}", expect: [("Wang Yi", Meeting, "Bilawal Bhutto Zardari")]),
        (text: "{met}", forbid: [("China", Meeting, "Pakistan")]),
        (text: "China supports Pakistan.", expect: [("Pakistan", Support, "China")]),
        (text: "China supports Pakistan.", forbid: [("China", Support, "Japan")]),
        (text: "China supports Pakistan.", level: Written),
        (text: "China supports Pakistan.", date: "2023-05-06", expect: [("China", Support, "Pakistan")],
         known_failure: "it passes"),
        (text: "China supports Pakistan.", date: Some("2023-02-30")),
        (text: "China supports Pakistan.", date: "6 May 2023"),
    ]"#
    ))
    .unwrap();
    let got: Vec<Vec<String>> = cases[..8]
        .iter()
        .map(|c| problems(&ex.extract(&article("t", c).unwrap()), c))
        .collect();
    assert!(got[0].is_empty(), "lifted, either order: {:?}", got[0]);
    assert!(got[1].is_empty(), "as written: {:?}", got[1]);
    assert!(
        got[2][0].starts_with("missing"),
        "lifted away: {:?}",
        got[2]
    );
    assert!(got[3][0].starts_with("forbidden"), "{:?}", got[3]);
    assert!(got[4][0].starts_with("missing"), "directed: {:?}", got[4]);
    assert!(got[5][0].contains("\"Japan\", no entity"), "{:?}", got[5]);
    assert!(got[6][0].contains("cannot fail"), "{:?}", got[6]);
    assert!(got[7].is_empty(), "{:?}", got[7]);
    let passes_now = verdict(&cases[7], got[7].clone()).unwrap_err();
    assert!(
        passes_now[0].contains("remove the marker"),
        "{passes_now:?}"
    );
    assert_eq!(verdict(&cases[3], got[3].clone()), Err(got[3].clone()));
    assert!(article("t", &cases[8]).unwrap_err().contains("2023-02-30"));
    assert!(article("t", &cases[9]).unwrap_err().contains("YYYY-MM-DD"));
}
