//! Builds a corpus (a folder or a .jsonl file) as `ties build` does (in
//! bulk, evidence spilled beside the graph file) and prints words/s, MB/s,
//! articles/s and peak memory.
//!
//! `cargo run --release --example throughput -- CORPUS [OUT.ron] [THREADS] [BATCH]`
//! (without OUT.ron the graph goes to a temporary folder; BATCH: articles
//! read per batch, 512 as `ties build`). The start (the lexicons compiled)
//! is timed apart: `ties build` pays it once per run.

use std::path::PathBuf;

/// The command's allocator and its settings (`src/bin/ties/alloc.rs`).
#[path = "../src/bin/ties/alloc.rs"]
mod alloc;

/// mimalloc: the build allocates and frees many small strings per article,
/// and spends a quarter of its time in the system allocator without it.
#[global_allocator]
static ALLOC: alloc::Mi = alloc::Mi;
use std::time::Instant;
use ties::pipeline::{self, Options};
use ties::Bulk;
use ties::Extractor;

/// Peak resident memory in KB (VmHWM), where /proc has it.
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() -> anyhow::Result<()> {
    alloc::keep_freed_memory();
    alloc::small_pages();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(corpus) = args.first() else {
        anyhow::bail!("usage: throughput CORPUS [OUT.ron] [THREADS] [BATCH]");
    };
    let tmp = tempfile::tempdir()?;
    let out = args
        .get(1)
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().join("graph.ron"));
    let threads = args.get(2).and_then(|t| t.parse().ok());
    let t = Instant::now();
    let ex = Extractor::new()?;
    let start = t.elapsed().as_secs_f64();
    let (sources, _) = ties::input::sources(&[PathBuf::from(corpus)]);
    let mut opts = Options {
        threads,
        ..Options::default()
    };
    if let Some(b) = args.get(3).and_then(|b| b.parse().ok()) {
        opts.batch = b;
    }
    let mut bulk = Bulk::new(&out);
    let t = Instant::now();
    let st = pipeline::build(&ex, &sources, &opts, &mut bulk, &mut |_| {});
    let build = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let sk = bulk.save()?;
    let save = t.elapsed().as_secs_f64();
    let size = std::fs::metadata(&out)?.len();
    // words of the text read, counted after the timed build
    let mut words = 0u64;
    for s in &sources {
        ties::input::read_source(s, &opts.read, &mut |it| {
            if let ties::input::Item::Article(a, _) = it {
                words += a.text.split_whitespace().count() as u64;
            }
        });
    }
    let all = build + save;
    println!(
        "{} articles, {:.1} MB, {} words (threads: {}): extract+merge {:.2} s = {:.0} articles/s, {:.1} MB/s, {:.2} M words/s; \
         save {:.2} s; total {:.2} s = {:.2} M words/s; graph {} nodes {} edges, {:.1} MB RON; peak memory {} MB; \
         start {:.3} s (with it {:.2} M words/s)",
        st.articles,
        st.bytes as f64 / 1e6,
        words,
        threads.map(|t: usize| t.to_string()).unwrap_or_else(|| "all".into()),
        build,
        st.articles as f64 / build,
        st.bytes as f64 / 1e6 / build,
        words as f64 / 1e6 / build,
        save,
        all,
        words as f64 / 1e6 / all,
        sk.nodes.len(),
        sk.edges.len(),
        size as f64 / 1e6,
        peak_kb() / 1024,
        start,
        words as f64 / 1e6 / (all + start)
    );
    Ok(())
}
