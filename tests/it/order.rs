//! Issue 14 point 9: the graph does not depend on the order articles
//! arrive. Entities of different articles merge by id alone; a surname or
//! an acronym two entities share merges neither (it picked one or the other
//! by arrival before). Articles: the seed and three written here, sharing
//! an acronym (NTC) and the words of people's names (Ali, Anwar).

use crate::common::seeds;
use std::path::{Path, PathBuf};
use ties::{Article, Extractor, Graph};

/// The articles, written into `dir`: the seed's copy and three small ones.
fn articles(dir: &Path) -> Vec<PathBuf> {
    let texts = [
        ("acr-a", " date 2024-04-01 Corridor launched\n\nPakistan and China launched the Northern Trade Corridor (NTC) on Monday.\n\nPakistani minister Imran Ali met Chinese Foreign Minister Wang Yi in Beijing.\n"),
        ("acr-b", " date 2024-04-02 Second corridor\n\nIndia and Iran signed the North Transit Corridor (NTC) agreement on Tuesday.\n\nIndian minister Ali Khan visited Tehran.\n"),
        ("bare-c", " date 2024-04-03 Talks\n\nChina vowed to advance NTC projects with Pakistan.\n\nMinister Ali praised China for its support.\n\nAnwar met Xi Jinping in Beijing.\n"),
    ];
    let mut v = vec![dir.join("seed.txt")];
    std::fs::copy(seeds().join("000_186ee53d8d80909e.txt"), &v[0]).unwrap();
    for (id, text) in texts {
        let p = dir.join(format!("{id}.txt"));
        std::fs::write(&p, text).unwrap();
        v.push(p);
    }
    v
}

/// Every order of `0..n`.
fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for p in permutations(n - 1) {
        for at in 0..=p.len() {
            let mut q = p.clone();
            q.insert(at, n - 1);
            out.push(q);
        }
    }
    out
}

#[test]
fn merging_extractions_in_every_order_gives_the_same_graph() {
    let d = tempfile::tempdir().unwrap();
    let ex = Extractor::new().unwrap();
    let xs: Vec<_> = articles(d.path())
        .iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy();
            let a = Article::parse(id, std::fs::read_to_string(p).unwrap()).unwrap();
            ex.extract(&a)
        })
        .collect();
    let mut first: Option<String> = None;
    for order in permutations(xs.len()) {
        let mut g = Graph::new();
        for &i in &order {
            g.add_extraction(&xs[i]);
        }
        let ron = g.to_ron();
        // an article removed and built again gets its old number back, an
        // article number below the others' in its nodes' lists: the same file
        let again = &xs[order[0]];
        g.remove_article(&again.article);
        g.add_extraction(again);
        assert!(
            g.to_ron() == ron,
            "order {order:?}: removed and added again"
        );
        assert!(g.to_ron_reference() == ron, "the serde writer agrees");
        match &first {
            None => first = Some(ron),
            Some(f) => assert!(*f == ron, "order {order:?} gives another graph"),
        }
    }
    let g = Graph::from_ron(&first.unwrap(), Path::new("g")).unwrap();
    // the acronym both corridors have merges neither with the other
    for id in [
        "initiative:trade-corridor",
        "initiative:north-transit-corridor",
        "person:ali",
        "person:imran-ali",
        "person:ali-khan",
    ] {
        assert!(g.node_by_id(id).is_some(), "{id} is a node of its own");
    }
}

/// Runs `ties --graph g args...`, asserting success.
fn run(g: &Path, args: &[&str]) {
    let o = crate::common::ties(&[&["--graph", g.to_str().unwrap()], args].concat());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn adding_articles_in_any_order_gives_the_same_file() {
    let d = tempfile::tempdir().unwrap();
    let a = articles(d.path());
    let path = |p: &PathBuf| p.to_str().unwrap().to_string();
    let once = d.path().join("once.ron");
    let all: Vec<String> = a.iter().map(path).collect();
    let mut args = vec!["build"];
    args.extend(all.iter().map(String::as_str));
    run(&once, &args);
    let want = std::fs::read(&once).unwrap();
    for (k, order) in [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]]
        .iter()
        .enumerate()
    {
        // through the cache (a bulk build extending it), or the RON alone
        for drop_cache in [false, true] {
            let g = d.path().join(format!("added-{k}-{drop_cache}.ron"));
            for &i in order {
                if drop_cache && g.exists() {
                    std::fs::remove_file(format!("{}.cache", g.display())).unwrap();
                }
                run(&g, &["add", &path(&a[i])]);
            }
            assert!(
                std::fs::read(&g).unwrap() == want,
                "adding in order {order:?} (cache dropped: {drop_cache}) gives another graph"
            );
        }
    }
}
