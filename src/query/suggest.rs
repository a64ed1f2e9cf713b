//! Names close to a name that found nothing ("did you mean").

use crate::graph::skeleton::Skeleton;
use crate::graph::Graph;

/// Names close to `name` for "did you mean": [`Graph::suggest`]'s spelling
/// matches, after initials ("UK" → United Kingdom) and prefixes ("Pak" → Pakistan).
pub fn suggest(g: &Graph, name: &str, k: usize) -> Vec<String> {
    suggest_in(&Skeleton::of(g), name, k)
}

/// [`suggest`] on a graph's skeleton.
pub fn suggest_in(sk: &Skeleton, name: &str, k: usize) -> Vec<String> {
    let key = crate::model::slug(name);
    let key = key.strip_prefix("the-").unwrap_or(&key).replace('-', "");
    let mut first: Vec<(usize, usize, String)> = Vec::new();
    if !key.is_empty() {
        for (n, node) in sk.nodes.iter().enumerate() {
            for alias in std::iter::once(&node.name)
                .chain(&node.aliases)
                .chain(&node.code)
            {
                let s = crate::model::slug(alias);
                let initials: String = s
                    .split('-')
                    .filter(|w| *w != "of" && *w != "the")
                    .filter_map(|w| w.chars().next())
                    .collect();
                let score = if initials.len() >= 2 && initials == key {
                    0
                } else if key.len() >= 3 && s.replace('-', "").starts_with(&key) {
                    1
                } else {
                    continue;
                };
                first.push((score, sk.incident(n as u32).count(), node.name.clone()));
            }
        }
    }
    first.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut out: Vec<String> = Vec::new();
    for name in first.into_iter().map(|x| x.2).chain(sk.suggest(name, k)) {
        if out.len() == k {
            break;
        }
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}
