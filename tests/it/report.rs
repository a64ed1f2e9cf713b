//! Pictures to read: the diagram of a relationship (`export --between`,
//! `--focus`: roles of its own people only, legend, title, widths, labels
//! that do not overlap once laid out) and `ties report`'s page (escaped,
//! the same bytes each time, without Graphviz, and in a real browser).

use crate::common::{dev_corpus_graph, dev_graph, seed_graph, seeds, Built};
use std::path::Path;
use ties::export::filter::Selection;
use ties::export::report::{html, relationship};
use ties::{Article, Extractor, Graph};

/// `ties export --format dot ARGS...`, asserting success.
fn dot(b: &Built, args: &[&str]) -> String {
    let (code, out, err) = b.out(&[&["export", "--format", "dot"], args].concat());
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

/// The SVG Graphviz lays `dot` out as; `None` (with a note) without Graphviz.
fn layout(dot: &str) -> Option<String> {
    match ties::export::svg::dot_to_svg(dot.as_bytes()) {
        Ok(svg) => Some(String::from_utf8(svg).unwrap()),
        Err(e) => {
            eprintln!("skipped: Graphviz's dot absent ({e})");
            None
        }
    }
}

/// The box a `<text>` of a Graphviz SVG takes, approximately: from its
/// anchor, font size and length (Helvetica's letters are about 0.55 em wide).
fn boxes(svg: &str) -> Vec<(String, [f64; 4])> {
    let doc = roxmltree::Document::parse(&svg[svg.find("<svg").unwrap()..]).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let num = |a: &str| n.attribute(a).unwrap_or("0").parse::<f64>().unwrap();
            let (x, y, size) = (num("x"), num("y"), num("font-size"));
            let text = n.text().unwrap_or("").to_string();
            let w = text.chars().count() as f64 * size * 0.55;
            let left = match n.attribute("text-anchor") {
                Some("middle") => x - w / 2.0,
                Some("end") => x - w,
                _ => x,
            };
            (text, [left, y - size * 0.75, left + w, y + size * 0.2])
        })
        .collect()
}

/// Pairs of labels whose boxes overlap (by more than half a point each way).
fn overlaps(svg: &str) -> Vec<String> {
    let b = boxes(svg);
    let mut out = Vec::new();
    for (i, (ta, a)) in b.iter().enumerate() {
        for (tb, c) in &b[i + 1..] {
            let dx = a[2].min(c[2]) - a[0].max(c[0]);
            let dy = a[3].min(c[3]) - a[1].max(c[1]);
            if dx > 0.5 && dy > 0.5 {
                out.push(format!("{ta:?} {a:?} overlaps {tb:?} {c:?}"));
            }
        }
    }
    out
}

#[test]
fn diagram_labels_do_not_overlap_once_laid_out() {
    let b = dev_graph().unwrap_or_else(seed_graph);
    let cases: [&[&str]; 4] = [
        &["--between", "China", "Pakistan"],
        &["--between", "China", "Pakistan", "--level", "written"],
        &["--focus", "Qin Gang"],
        &["--focus", "China", "--no-legend"],
    ];
    for args in cases {
        if !no_overlap(&b, args) {
            return;
        }
    }
    // the size users export: the whole dev corpus around China, two steps out
    let Some(dev) = dev_corpus_graph() else {
        return;
    };
    no_overlap(&dev, &["--focus", "China", "--depth", "2"]);
}

/// Lays out `export ARGS` of `b` and asserts no two labels overlap; false
/// (with a note) without Graphviz.
fn no_overlap(b: &Built, args: &[&str]) -> bool {
    let Some(svg) = layout(&dot(b, args)) else {
        return false;
    };
    assert!(boxes(&svg).len() > 4, "{args:?}: labels drawn");
    let bad = overlaps(&svg);
    assert!(bad.is_empty(), "{args:?}:\n{}", bad.join("\n"));
    true
}

#[test]
fn overlap_check_sees_labels_that_overlap() {
    // the check itself: two labels at one spot are caught
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg"><text text-anchor="middle" x="10" y="10" font-size="10">Meeting</text><text x="12" y="12" font-size="10">Visit</text><text x="200" y="12" font-size="10">Visit</text></svg>"#;
    assert_eq!(overlaps(svg).len(), 1, "{:?}", overlaps(svg));
}

#[test]
fn legend_lists_the_kinds_shown_unless_turned_off() {
    let b = seed_graph();
    let with = dot(&b, &["--between", "China", "Pakistan"]);
    let legend = &with[with.find("cluster_").expect("a legend")..];
    assert!(legend.contains("label=\"Commitment\"") && legend.contains("label=\"Country\""));
    assert!(
        !legend.contains("Criticism") && !legend.contains("\"Person\""),
        "only kinds present: {legend}"
    );
    let without = dot(&b, &["--between", "China", "Pakistan", "--no-legend"]);
    assert!(!without.contains("cluster_") && !without.contains("legend_"));
    assert!(without.contains("Commitment ×6"), "{without}");
}

#[test]
fn title_names_the_sides_and_the_dates() {
    let b = seed_graph();
    let between = dot(&b, &["--between", "china", "pakistan"]);
    assert!(
        between.contains("label=\"China ↔ Pakistan, 2023-05-05 – 2023-05-06\";"),
        "{between}"
    );
    let focus = dot(&b, &["--focus", "qin"]);
    assert!(
        focus.contains("label=\"Qin Gang, 2023-05-05 – 2023-05-06\";"),
        "{focus}"
    );
    assert!(!dot(&b, &["--kind", "meeting"]).contains("labelloc"));
    // the events' dates, not a role's (stated here years before)
    let mut ex = seed_extraction("seed");
    for e in ex
        .edges
        .iter_mut()
        .filter(|e| e.kind == ties::EdgeKind::Role)
    {
        e.date = "2020-01-01".parse().ok();
    }
    let mut g = Graph::new();
    g.add_extraction(&ex);
    let sel = Selection {
        between: Some(("China".into(), "Pakistan".into())),
        ..Selection::default()
    };
    let sub = ties::export::filter::subgraph(&g, &sel).unwrap();
    assert!(sub.edges().iter().any(|e| e.2.kind == ties::EdgeKind::Role));
    let t = ties::export::filter::title(&g, &sel, &sub);
    assert_eq!(
        t.as_deref(),
        Some("China ↔ Pakistan, 2023-05-05 – 2023-05-06")
    );
    // one day: one date
    let sel = Selection {
        filter: ties::Filter {
            until: "2023-05-05".parse().ok(),
            ..ties::Filter::default()
        },
        ..sel
    };
    let sub = ties::export::filter::subgraph(&g, &sel).unwrap();
    let t = ties::export::filter::title(&g, &sel, &sub);
    assert_eq!(t.as_deref(), Some("China ↔ Pakistan, 2023-05-05"));
}

/// The seed's extraction, as the article `id`.
fn seed_extraction(id: &str) -> ties::Extraction {
    let text = std::fs::read_to_string(seeds().join("000_186ee53d8d80909e.txt")).unwrap();
    let a = Article::parse(id, &text).unwrap();
    Extractor::new().unwrap().extract(&a)
}

/// Each edge's (kind, count, penwidth) in a DOT text.
fn widths(dot: &str) -> Vec<(String, usize, f64)> {
    dot.lines()
        .filter(|l| l.contains(" -> ") && !l.contains("legend_"))
        .map(|l| {
            let label = l.split("label=\"").nth(1).unwrap();
            let head = label.split("\\n").next().unwrap();
            let kind = head.split(' ').next().unwrap().to_string();
            let count = head.split('×').nth(1).map_or(1, |c| c.parse().unwrap());
            let w = l.split("penwidth=").nth(1).unwrap();
            let w = w.split([',', ']']).next().unwrap().parse().unwrap();
            (kind, count, w)
        })
        .collect()
}

#[test]
fn width_grows_with_statements_and_roles_stay_thin() {
    assert_eq!(ties::export::dot::penwidth(ties::EdgeKind::Meeting, 1), 1.0);
    assert_eq!(ties::export::dot::penwidth(ties::EdgeKind::Meeting, 4), 3.0);
    assert_eq!(
        ties::export::dot::penwidth(ties::EdgeKind::Meeting, 1 << 20),
        6.0
    );
    assert_eq!(ties::export::dot::penwidth(ties::EdgeKind::Role, 100), 0.5);
    let Some(b) = dev_graph() else { return };
    let mut rows = widths(&dot(&b, &["--focus", "China"]));
    rows.extend(widths(&dot(&b, &["--focus", "Li Keqiang"])));
    assert!(rows.iter().any(|r| r.0 == "Role" && r.1 > 1), "{rows:?}");
    for r in rows.iter().filter(|r| r.0 == "Role" || r.0 == "LocatedIn") {
        assert_eq!(r.2, 0.5, "a role's width does not follow its count: {r:?}");
    }
    rows.retain(|r| r.0 != "Role" && r.0 != "LocatedIn");
    rows.sort_by_key(|r| r.1);
    assert!(rows.first().unwrap().1 < rows.last().unwrap().1, "{rows:?}");
    for w in rows.windows(2) {
        assert!(w[0].2 <= w[1].2, "wider for fewer statements: {w:?}");
    }
}

#[test]
fn between_shows_roles_of_its_own_people_at_the_level_asked() {
    let Some(b) = dev_graph() else { return };
    let written = dot(
        &b,
        &["--between", "China", "Pakistan", "--level", "written"],
    );
    for actor in ["Qin Gang", "Arif Alvi"] {
        assert!(written.contains(actor), "{actor} takes part: {written}");
    }
    for other in ["Li Keqiang", "Xi Jinping", "Wang Yi", "Zhang Yesui"] {
        assert!(!written.contains(other), "{other} takes no part: {written}");
    }
    assert_eq!(widths(&written).iter().filter(|r| r.0 == "Role").count(), 2);
    // two countries: the country view unless asked otherwise
    let country = dot(&b, &["--between", "China", "Pakistan"]);
    assert!(!country.contains("label=\"Qin Gang") && !country.contains("label=\"Role"));
    assert!(country.contains("Commitment ×"), "{country}");
}

/// The seed's graph with names and sentences a page must not run as markup.
fn hostile_graph() -> Graph {
    let mut ex = seed_extraction("seed<i>\"x\"</i>");
    for e in ex
        .entities
        .iter_mut()
        .filter(|e| e.id == "country:pakistan")
    {
        e.name = "Pak<script>alert(\"x\")</script>'s".into();
    }
    for e in &mut ex.edges {
        e.evidence.text = format!("<img src=x onerror='alert(1)'> {}", e.evidence.text);
    }
    let mut g = Graph::new();
    g.add_extraction(&ex);
    g
}

#[test]
fn report_escapes_names_and_sentences() {
    let g = hostile_graph();
    let sel = Selection {
        between: Some(("country:china".into(), "country:pakistan".into())),
        ..Selection::default()
    };
    let page = html(&relationship(&g, None, &sel).unwrap());
    assert!(page.contains("Pak&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&apos;s"));
    assert!(page.contains("&lt;img src=x onerror=&apos;alert(1)&apos;&gt;"));
    assert!(page.contains("seed&lt;i&gt;&quot;x&quot;&lt;/i&gt;"));
    for bad in ["<script>alert", "<img src", "<i>\"x\"", "Pak<"] {
        assert!(!page.contains(bad), "{bad} unescaped");
    }
    assert_eq!(
        page.matches("<script>").count(),
        1,
        "the page's own script only"
    );
}

/// Writes `ties report A B` of `b` to `out` (more options in `args`); the page.
fn report(b: &Built, out: &Path, args: &[&str]) -> String {
    let o = out.to_str().unwrap();
    let (code, _, err) = b.out(&[&["report", "China", "Pakistan", "--out", o], args].concat());
    assert_eq!(code, 0, "{err}");
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn report_is_one_page_the_same_each_time() {
    let b = seed_graph();
    let (p1, p2) = (b.dir.path().join("a.html"), b.dir.path().join("b.html"));
    let page = report(&b, &p1, &[]);
    assert_eq!(page, report(&b, &p2, &[]), "same graph, same bytes");
    assert_eq!(
        page.matches("<tr data-kind=").count(),
        18,
        "a row per statement"
    );
    assert!(page.contains("<svg class=\"chart\""), "the chart");
    for fetch in ["src=\"http", "href=\"http", "<link", "@import"] {
        assert!(!page.contains(fetch), "the page fetches nothing: {fetch}");
    }
    let meetings = report(&b, &p2, &["--kind", "meeting"]);
    assert_eq!(meetings.matches("<tr data-kind=").count(), 2);
    assert_eq!(meetings.matches("<tr data-kind=\"Meeting\"").count(), 2);
    let (code, _, _) = b.out(&["report", "China", "Pakistan", "--since", "2030"]);
    assert_eq!(code, 1, "nothing to report");
}

#[test]
fn report_without_graphviz_still_has_chart_and_table() {
    let b = seed_graph();
    let out = b.dir.path().join("r.html");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_ties"))
        .args(["--graph", b.graph.to_str().unwrap(), "report", "China"])
        .args(["Pakistan", "--out", out.to_str().unwrap()])
        .env("TIES_DOT", "/nonexistent/dot")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.contains("The diagram needs Graphviz"), "{page}");
    assert!(page.contains("<svg class=\"chart\"") && page.contains("<tr data-kind="));
}

/// The DOM headless Chromium makes of `url` once its script ran; `None`
/// (with a note) when Chromium is absent.
fn browse(url: &str, profile: &Path) -> Option<String> {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("skipped: chromium absent (apt-get install chromium)");
        return None;
    }
    // `timeout` stops a browser that hangs instead of the whole test run
    let o = std::process::Command::new("timeout")
        .arg("120")
        .arg(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
        ])
        .args(["--no-first-run", "--disable-background-networking"])
        .args(["--disable-component-update", "--disable-sync"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--dump-dom", "--virtual-time-budget=2000", url])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(String::from_utf8(o.stdout).unwrap())
}

/// Each table row's (kind, hidden) in a dumped DOM.
fn rows(dom: &str) -> Vec<(String, bool)> {
    dom.split("<tr data-kind=\"")
        .skip(1)
        .map(|r| {
            let tag = &r[..r.find('>').unwrap()];
            (
                tag[..tag.find('"').unwrap()].to_string(),
                tag.contains("hidden"),
            )
        })
        .collect()
}

#[test]
fn report_loads_and_filters_in_a_browser() {
    let b = seed_graph();
    let out = b.dir.path().join("r.html");
    report(&b, &out, &[]);
    let url = format!("file://{}", out.display());
    let profile = b.dir.path().join("chromium");
    let Some(all) = browse(&url, &profile) else {
        return;
    };
    assert!(all.contains("data-ok=\"1\""), "the script ran to its end");
    let every = rows(&all);
    assert_eq!(every.len(), 18);
    assert!(every.iter().all(|r| !r.1), "no filter, every row shown");
    assert!(all.contains("18 of 18 statements shown"));
    let dom = browse(
        &format!("{url}#kind=meeting,visit&since=2023-05-05"),
        &profile,
    )
    .unwrap();
    assert!(dom.contains("data-ok=\"1\""));
    let shown: Vec<_> = rows(&dom).into_iter().filter(|r| !r.1).collect();
    assert_eq!(shown.len(), 4, "{shown:?}");
    assert!(shown.iter().all(|r| r.0 == "Meeting" || r.0 == "Visit"));
    let dom = browse(&format!("{url}#until=2023-05-05"), &profile).unwrap();
    assert_eq!(rows(&dom).iter().filter(|r| !r.1).count(), 4);
}
