//! Criterion benchmarks per stage: sentence split, mentions (everything
//! before resolution), relations (the whole extraction), merge, save (RON; bulk with cache), load (RON, cache,
//! skeleton). `cargo bench --bench stages`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use ties::Graph;
use ties::{Article, Extractor};

fn seed() -> Article {
    let text = include_str!("../seeds/000_186ee53d8d80909e.txt");
    Article::parse("seed", text).expect("the seed article parses")
}

fn stages(c: &mut Criterion) {
    let ex = Extractor::new().expect("built-in lexicon");
    let a = seed();
    let words = a.text.split_whitespace().count() as u64;
    let mut g = c.benchmark_group("article");
    g.throughput(Throughput::Elements(words));
    g.bench_function("sentence_split", |b| {
        b.iter(|| black_box(ties::stages::split(black_box(&a))))
    });
    g.bench_function("mentions", |b| {
        b.iter(|| black_box(ties::stages::mentions(ex.gazetteer(), black_box(&a))))
    });
    g.bench_function("extract_whole", |b| {
        b.iter(|| black_box(ex.extract(black_box(&a))))
    });
    let x = ex.extract(&a);
    g.bench_function("merge_one_into_empty", |b| {
        b.iter(|| {
            let mut gr = Graph::new();
            gr.add_extraction(black_box(&x));
            black_box(gr)
        })
    });
    g.finish();

    // a graph of 200 variants of the seed for save and load
    let mut gr = Graph::new();
    for i in 0..200 {
        let mut v = a.clone();
        v.id = format!("v{i:03}");
        gr.add_extraction(&ex.extract(&v));
    }
    let ron = gr.to_ron();
    let mut g = c.benchmark_group("graph_200_articles");
    g.throughput(Throughput::Bytes(ron.len() as u64));
    g.sample_size(10);
    g.bench_function("save_to_ron", |b| b.iter(|| black_box(gr.to_ron())));
    let path = std::path::Path::new("bench.ron");
    g.bench_function("load_from_ron", |b| {
        b.iter(|| black_box(Graph::from_ron(black_box(&ron), path)))
    });
    // the file path: bulk save (RON + cache) and the cold loads a query makes
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("g.ron");
    let xs: Vec<_> = (0..200)
        .map(|i| {
            let mut v = a.clone();
            v.id = format!("v{i:03}");
            ex.extract(&v)
        })
        .collect();
    g.bench_function("bulk_merge_and_save", |b| {
        b.iter(|| {
            let mut bulk = ties::Bulk::new(&file);
            for x in &xs {
                bulk.add(x);
            }
            black_box(bulk.save().expect("saved"))
        })
    });
    g.bench_function("load_through_cache", |b| {
        b.iter(|| black_box(Graph::load(&file).expect("loads")))
    });
    g.bench_function("load_skeleton_for_neighbors", |b| {
        b.iter(|| black_box(ties::Skeleton::load(&file).expect("loads")))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
