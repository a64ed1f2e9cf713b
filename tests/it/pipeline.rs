//! The parallel build gives the same bytes as a one-core build, and building
//! from `ties extract` lines gives the same bytes as building from articles.

use std::path::PathBuf;
use ties::input::{self, Source};
use ties::pipeline::{self, Options};
use ties::Extractor;
use ties::Graph;

/// A small corpus: the seed article and variants of it with other ids and countries.
fn corpus(dir: &std::path::Path) -> Vec<PathBuf> {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_186ee53d8d80909e.txt"
    ))
    .unwrap();
    let swaps = [
        ("Pakistan", "Kenya"),
        ("China", "Brazil"),
        ("Islamabad", "Nairobi"),
        ("Qin", "Vieira"),
    ];
    let mut paths = Vec::new();
    for i in 0..24 {
        let mut t = seed.clone();
        for (k, (a, b)) in swaps.iter().enumerate() {
            if (i >> k) & 1 == 1 {
                t = t.replace(a, b);
            }
        }
        let p = dir.join(format!("a{:02}.txt", (i * 7) % 24));
        std::fs::write(&p, t).unwrap();
        paths.push(p);
    }
    paths
}

fn build(ex: &Extractor, sources: &[Source], threads: usize, batch: usize) -> String {
    let mut g = Graph::new();
    let opts = Options {
        threads: Some(threads),
        batch,
        ..Options::default()
    };
    let st = pipeline::build(ex, sources, &opts, &mut g, &mut |n| panic!("{n:?}"));
    assert_eq!(st.articles, 24);
    g.to_ron()
}

#[test]
fn same_bytes_on_any_number_of_threads_and_any_batch_and_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = corpus(dir.path());
    let ex = Extractor::new().unwrap();
    let (sources, errs) = input::sources(&paths);
    assert!(errs.is_empty());
    let one = build(&ex, &sources, 1, 1);
    assert_eq!(one, build(&ex, &sources, 2, 5));
    assert_eq!(one, build(&ex, &sources, 4, 512));
    paths.reverse();
    let (rev, _) = input::sources(&paths);
    assert_eq!(one, build(&ex, &rev, 2, 3));
}

#[test]
fn extraction_lines_rebuild_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let ex = Extractor::new().unwrap();
    let (sources, _) = input::sources(&[dir.path().to_path_buf()]);
    let direct = build(&ex, &sources, 2, 4);
    let mut lines = String::new();
    pipeline::extract_each(
        &ex,
        &sources,
        &Options::default(),
        &mut |n| panic!("{n:?}"),
        &mut |x| {
            lines.push_str(&pipeline::to_json_line(&x).unwrap());
            lines.push('\n');
        },
    );
    let mut g = Graph::new();
    let st =
        pipeline::merge_extractions("lines", lines.as_bytes(), &mut g, &mut |n| panic!("{n:?}"));
    assert_eq!(st.articles, 24);
    assert_eq!(direct, g.to_ron());
}

#[test]
fn a_bad_extraction_line_is_skipped_with_its_line_number() {
    let mut g = Graph::new();
    let mut notes = Vec::new();
    let st = pipeline::merge_extractions(
        "x.jsonl",
        "{\"nope\": 1}\n\n".as_bytes(),
        &mut g,
        &mut |n| notes.push(format!("{n:?}")),
    );
    assert_eq!((st.articles, st.skipped), (0, 1));
    assert!(notes[0].contains("x.jsonl:1"), "{notes:?}");
}

/// A graph built in bulk, its evidence spilled to disk in runs of any size,
/// is written byte for byte as the graph built in memory, cache included.
#[test]
fn a_bulk_build_spilling_runs_writes_the_same_file_and_cache() {
    use ties::Bulk;
    use ties::Skeleton;
    let dir = tempfile::tempdir().unwrap();
    let paths = corpus(dir.path());
    let ex = Extractor::new().unwrap();
    let (sources, _) = input::sources(&paths);
    let opts = Options::default();
    let mut g = Graph::new();
    pipeline::build(&ex, &sources, &opts, &mut g, &mut |n| panic!("{n:?}"));
    let want = dir.path().join("memory.ron");
    let want_sk = g.save(&want).unwrap();
    let want_bytes = std::fs::read(&want).unwrap();
    for limit in [1, 40_000, usize::MAX] {
        let p = dir.path().join(format!("bulk{limit}.ron"));
        let mut b = Bulk::with_limit(&p, limit);
        // every article twice: the repeats add nothing
        for _ in 0..2 {
            pipeline::build(&ex, &sources, &opts, &mut b, &mut |n| panic!("{n:?}"));
        }
        let runs = b.runs();
        assert_eq!(runs > 0, limit < usize::MAX, "limit {limit}: {runs} runs");
        let sk = b.save().unwrap();
        assert!(
            std::fs::read(&p).unwrap() == want_bytes,
            "limit {limit}: the bulk file differs"
        );
        let names = |s: &Skeleton| format!("{:?} {:?} {}", s.nodes, s.edges, s.articles);
        assert_eq!(names(&sk), names(&want_sk));
        let cached = Skeleton::load(&p).unwrap();
        assert_eq!(names(&cached), names(&want_sk));
        assert_eq!(Graph::load(&p).unwrap().to_ron(), g.to_ron());
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("spill"))
            .collect();
        assert!(left.is_empty(), "spill files left: {left:?}");
    }
    // out of order (the later half, then the earlier, then all again, as
    // the article ids sort): the same file as in order
    let p = dir.path().join("unordered.ron");
    let mut b = Bulk::with_limit(&p, 40_000);
    let mut sorted = paths.clone();
    sorted.sort_by_key(|p| p.file_stem().map(|s| s.to_owned()));
    for (k, part) in [&sorted[10..], &sorted[..10], &sorted[..]]
        .into_iter()
        .enumerate()
    {
        let (s, _) = input::sources(part);
        pipeline::build(&ex, &s, &opts, &mut b, &mut |n| panic!("{n:?}"));
        let stem = |p: &std::path::PathBuf| p.file_stem().unwrap().to_string_lossy().into_owned();
        assert_eq!(b.has_article(&stem(&sorted[0])), k > 0, "{k}");
        assert!(b.has_article(&stem(&sorted[10])), "{k}");
    }
    b.save().unwrap();
    assert!(
        std::fs::read(&p).unwrap() == want_bytes,
        "out of order differs"
    );
    // adding to a saved graph through its cache: half the articles, then the
    // rest (and the first half again), give the same file
    let (first, _) = input::sources(&paths[..10]);
    let p = dir.path().join("added.ron");
    let mut b = Bulk::with_limit(&p, 40_000);
    pipeline::build(&ex, &first, &opts, &mut b, &mut |n| panic!("{n:?}"));
    b.save().unwrap();
    let mut b = Bulk::extend(&p).expect("a fresh cache to add to");
    pipeline::build(&ex, &sources, &opts, &mut b, &mut |n| panic!("{n:?}"));
    b.save().unwrap();
    assert!(std::fs::read(&p).unwrap() == want_bytes, "adding differs");
    assert_eq!(Graph::load(&p).unwrap().to_ron(), g.to_ron());
}
