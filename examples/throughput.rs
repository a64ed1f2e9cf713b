//! Builds a corpus (a folder or a .jsonl file) and prints words/s, MB/s,
//! articles/s and peak memory.
//!
//! `cargo run --release --example throughput -- CORPUS [OUT.ron] [THREADS]`

use std::path::PathBuf;
use std::time::Instant;
use ties::graph::Graph;
use ties::pipeline::{self, Options};
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(corpus) = args.first() else {
        anyhow::bail!("usage: throughput CORPUS [OUT.ron] [THREADS]");
    };
    let out = args.get(1).filter(|p| !p.is_empty()).map(PathBuf::from);
    let threads = args.get(2).and_then(|t| t.parse().ok());
    let ex = Extractor::new()?;
    let (sources, _) = ties::input::sources(&[PathBuf::from(corpus)]);
    let opts = Options {
        threads,
        ..Options::default()
    };
    let mut g = Graph::new();
    let t = Instant::now();
    let st = pipeline::extract_each(&ex, &sources, &opts, &mut |_| {}, &mut |x| {
        g.merge_extraction(&x);
    });
    g.settle();
    let build = t.elapsed().as_secs_f64();
    // words of the text read, counted after the timed build
    let mut words = 0u64;
    for s in &sources {
        ties::input::read_source(s, &opts.read, &mut |it| {
            if let ties::input::Item::Article(a, _) = it {
                words += a.text.split_whitespace().count() as u64;
            }
        });
    }
    let mut save = 0.0;
    if let Some(p) = &out {
        let t = Instant::now();
        g.save(p)?;
        save = t.elapsed().as_secs_f64();
    }
    println!(
        "{} articles, {:.1} MB, {} words in {:.2} s (threads: {}): {:.0} articles/s, {:.1} MB/s, {:.2} M words/s; \
         graph {} nodes {} edges; save {:.2} s; peak memory {} MB",
        st.articles,
        st.bytes as f64 / 1e6,
        words,
        build,
        threads.map(|t: usize| t.to_string()).unwrap_or_else(|| "all".into()),
        st.articles as f64 / build,
        st.bytes as f64 / 1e6 / build,
        words as f64 / 1e6 / build,
        g.node_count(),
        g.edge_count(),
        save,
        peak_kb() / 1024
    );
    Ok(())
}
