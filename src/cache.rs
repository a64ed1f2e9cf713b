//! A compact binary copy of a graph file, kept next to it as `PATH.cache`,
//! so that a cold start does not parse RON. The RON file stays the format
//! users read and exchange; the cache is only ever a faster way to read it.
//!
//! **Never stale.** The cache records the RON file's length, modification
//! time and a 64-bit hash of all its bytes. [`read`] serves the cache only
//! when all three match the file as it is now (the whole file is hashed on
//! every load, in parallel with decoding the cache; about 0.3 s a GB from the
//! page cache). A same-length edit within the same mtime tick is caught by
//! the hash. The hash is not cryptographic: a file crafted to collide with
//! the one cached could be missed, an accidental edit practically cannot (two
//! inputs differing in a single 8-byte word never collide). The payload has
//! its own hash, and the cache records the layout of this build (a schema
//! fingerprint), so a damaged cache or one written by another version is
//! ignored. Every failure means "no cache": loading falls back to the RON.

use crate::date::Date;
use crate::graph::{Edge, Graph, Node, Occurrence};
use crate::model::{EdgeKind, EntityKind, Evidence};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// FxHash's hasher: fast, not collision-resistant; for in-memory tables.
#[derive(Clone, Copy, Debug, Default)]
pub struct Fx(u64);

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(K);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(K);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`Fx`] hashers.
#[derive(Clone, Copy, Debug, Default)]
pub struct FxBuild;

impl std::hash::BuildHasher for FxBuild {
    type Hasher = Fx;
    fn build_hasher(&self) -> Fx {
        Fx(0)
    }
}

/// A streaming 64-bit hash of a byte stream: four FxHash-like lanes over
/// 8-byte words (each step a bijection of the lane, so changing one word
/// always changes the result), folded with the length.
#[derive(Clone, Debug, Default)]
pub struct FileHash {
    lanes: [u64; 4],
    pending: Vec<u8>,
    len: u64,
}

impl FileHash {
    /// A new hash of nothing yet.
    pub fn new() -> FileHash {
        FileHash {
            lanes: [1, 2, 3, 4],
            pending: Vec::with_capacity(32),
            len: 0,
        }
    }

    fn block(&mut self, b: &[u8]) {
        for (i, lane) in self.lanes.iter_mut().enumerate() {
            let o = i * 8;
            let w = u64::from_le_bytes([
                b[o],
                b[o + 1],
                b[o + 2],
                b[o + 3],
                b[o + 4],
                b[o + 5],
                b[o + 6],
                b[o + 7],
            ]);
            *lane = (lane.rotate_left(5) ^ w).wrapping_mul(K);
        }
    }

    /// Hashes more bytes.
    pub fn update(&mut self, mut data: &[u8]) {
        self.len += data.len() as u64;
        if !self.pending.is_empty() {
            let take = (32 - self.pending.len()).min(data.len());
            self.pending.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.pending.len() < 32 {
                return;
            }
            let p = std::mem::take(&mut self.pending);
            self.block(&p);
            self.pending = p;
            self.pending.clear();
        }
        let mut chunks = data.chunks_exact(32);
        for c in &mut chunks {
            self.block(c);
        }
        self.pending.extend_from_slice(chunks.remainder());
    }

    /// The hash of everything given.
    pub fn finish(&self) -> u64 {
        let mut h = Fx(self.len);
        for l in self.lanes {
            std::hash::Hasher::write_u64(&mut h, l);
        }
        std::hash::Hasher::write(&mut h, &self.pending);
        // spread the bits (splitmix64's finaliser)
        let mut z = h.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// The hash of `bytes`.
    pub fn of(bytes: &[u8]) -> u64 {
        let mut h = FileHash::new();
        h.update(bytes);
        h.finish()
    }
}

/// Hashes a whole file, reading it in 1 MB pieces.
fn hash_file(path: &Path) -> std::io::Result<u64> {
    let mut f = std::fs::File::open(path)?;
    let mut buf = vec![0u8; 1 << 20];
    let mut h = FileHash::new();
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            return Ok(h.finish());
        }
        h.update(&buf[..n]);
    }
}

/// Where the cache of the graph file `path` lives: `PATH.cache`.
pub fn cache_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "graph".into());
    name.push(".cache");
    path.with_file_name(name)
}

const MAGIC: &[u8; 8] = b"TIESBIN1";
const HEADER: usize = 8 + 8 * 7;

/// The layout this build writes: changes when the payload or the kinds do.
fn schema() -> u64 {
    FileHash::of(
        format!(
            "payload 1 {:?} {:?} {}",
            EntityKind::ALL,
            EdgeKind::ALL,
            env!("CARGO_PKG_VERSION")
        )
        .as_bytes(),
    )
}

/// The RON file's length and modification time, as the cache records them.
fn stamp(path: &Path) -> Option<(u64, u64, u64)> {
    let m = std::fs::metadata(path).ok()?;
    let t = m
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some((m.len(), t.as_secs(), u64::from(t.subsec_nanos())))
}

type CDate = Option<(i32, u8, u8)>;

fn cdate(d: Option<Date>) -> CDate {
    d.map(|d| (d.year, d.month, d.day))
}

#[derive(Serialize, Deserialize)]
struct Payload {
    /// Every string an occurrence or a node's article list names, once.
    strings: Vec<String>,
    articles: Vec<(u32, CDate)>,
    nodes: Vec<CNode>,
    edges: Vec<CEdge>,
}

#[derive(Serialize, Deserialize)]
struct CNode {
    id: String,
    name: String,
    kind: u8,
    aliases: Vec<String>,
    code: Option<String>,
    articles: Vec<u32>,
}

#[derive(Serialize, Deserialize)]
struct CEdge {
    source: u32,
    target: u32,
    kind: u8,
    occurrences: Vec<COcc>,
}

#[derive(Serialize, Deserialize)]
struct COcc {
    date: CDate,
    speaker: Option<u32>,
    place: Option<u32>,
    topics: Vec<u32>,
    role: Option<u32>,
    planned: bool,
    former: bool,
    cameo: u32,
    article: u32,
    sentence: u64,
    start: u64,
    end: u64,
    text: u32,
}

#[derive(Default)]
struct Interner<'a> {
    index: HashMap<&'a str, u32, FxBuild>,
    strings: Vec<&'a str>,
}

impl<'a> Interner<'a> {
    fn id(&mut self, s: &'a str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.strings.len() as u32;
        self.strings.push(s);
        self.index.insert(s, i);
        i
    }
}

fn encode(g: &Graph) -> Vec<u8> {
    let mut names = Interner::default();
    let articles = g
        .articles
        .iter()
        .map(|(a, d)| (names.id(a), cdate(*d)))
        .collect();
    let order = g.nodes();
    let mut at: HashMap<petgraph::stable_graph::NodeIndex, u32> = HashMap::new();
    let mut nodes = Vec::with_capacity(order.len());
    for (i, &n) in order.iter().enumerate() {
        at.insert(n, i as u32);
        let node = g.node(n);
        nodes.push(CNode {
            id: node.id.clone(),
            name: node.name.clone(),
            kind: EntityKind::ALL
                .iter()
                .position(|k| *k == node.kind)
                .unwrap_or(0) as u8,
            aliases: node.aliases.iter().cloned().collect(),
            code: node.code.clone(),
            articles: node.articles.iter().map(|a| names.id(a)).collect(),
        });
    }
    let mut edges = Vec::new();
    for (s, t, e) in g.edges() {
        let mut occs: Vec<&Occurrence> = e.occurrences.iter().collect();
        occs.sort();
        let occurrences = occs
            .into_iter()
            .map(|o| COcc {
                date: cdate(o.date),
                speaker: o.speaker.as_deref().map(|x| names.id(x)),
                place: o.place.as_deref().map(|x| names.id(x)),
                topics: o.topics.iter().map(|x| names.id(x)).collect(),
                role: o.role.as_deref().map(|x| names.id(x)),
                planned: o.planned,
                former: o.former,
                cameo: names.id(&o.cameo),
                article: names.id(&o.evidence.article),
                sentence: o.evidence.sentence as u64,
                start: o.evidence.start as u64,
                end: o.evidence.end as u64,
                text: names.id(&o.evidence.text),
            })
            .collect();
        edges.push(CEdge {
            source: at[&s],
            target: at[&t],
            kind: EdgeKind::ALL.iter().position(|k| *k == e.kind).unwrap_or(0) as u8,
            occurrences,
        });
    }
    let p = Payload {
        strings: names.strings.iter().map(|s| s.to_string()).collect(),
        articles,
        nodes,
        edges,
    };
    postcard::to_allocvec(&p).unwrap_or_default()
}

fn decode(bytes: &[u8]) -> Option<Graph> {
    let p: Payload = postcard::from_bytes(bytes).ok()?;
    let s = |i: u32| p.strings.get(i as usize).cloned();
    let date = |d: CDate| -> Option<Option<Date>> {
        match d {
            None => Some(None),
            Some((year, month, day)) => Some(Some(Date { year, month, day })),
        }
    };
    let mut g = Graph::new();
    for &(a, d) in &p.articles {
        g.articles.insert(s(a)?, date(d)?);
    }
    let mut idx = Vec::with_capacity(p.nodes.len());
    for n in &p.nodes {
        if g.node_by_id(&n.id).is_some() {
            return None;
        }
        let node = Node {
            id: n.id.clone(),
            name: n.name.clone(),
            kind: *EntityKind::ALL.get(n.kind as usize)?,
            aliases: n.aliases.iter().cloned().collect(),
            code: n.code.clone(),
            articles: n.articles.iter().map(|&a| s(a)).collect::<Option<_>>()?,
        };
        idx.push(g.insert_node(node));
    }
    for e in &p.edges {
        let mut occurrences = Vec::with_capacity(e.occurrences.len());
        for o in &e.occurrences {
            occurrences.push(Occurrence {
                date: date(o.date)?,
                speaker: o.speaker.map(s).map_or(Some(None), |x| x.map(Some))?,
                place: o.place.map(s).map_or(Some(None), |x| x.map(Some))?,
                topics: o.topics.iter().map(|&t| s(t)).collect::<Option<_>>()?,
                role: o.role.map(s).map_or(Some(None), |x| x.map(Some))?,
                planned: o.planned,
                former: o.former,
                cameo: s(o.cameo)?,
                evidence: Evidence {
                    article: s(o.article)?,
                    sentence: usize::try_from(o.sentence).ok()?,
                    start: usize::try_from(o.start).ok()?,
                    end: usize::try_from(o.end).ok()?,
                    text: s(o.text)?,
                },
            });
        }
        let edge = Edge {
            kind: *EdgeKind::ALL.get(e.kind as usize)?,
            occurrences,
        };
        g.insert_edge(
            *idx.get(e.source as usize)?,
            *idx.get(e.target as usize)?,
            edge,
        );
    }
    Some(g)
}

/// Writes the cache of the graph file `path`, which holds `g` and whose
/// bytes hash to `ron_hash` (see [`FileHash`]). Atomic, like the file.
pub fn write(path: &Path, g: &Graph, ron_hash: u64) -> crate::Result<()> {
    let (len, secs, nanos) = stamp(path).ok_or_else(|| {
        crate::Error::Invalid(format!("{}: no modification time", path.display()))
    })?;
    let payload = encode(g);
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    for v in [
        schema(),
        len,
        secs,
        nanos,
        ron_hash,
        payload.len() as u64,
        FileHash::of(&payload),
    ] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&payload);
    crate::store::write_atomic(&cache_path(path), &out)
}

/// The graph the cache of `path` holds, if it is there, whole, of this
/// build's layout and made from the RON file exactly as it is now.
pub fn read(path: &Path) -> Option<Graph> {
    let (len, secs, nanos) = stamp(path)?;
    let bytes = std::fs::read(cache_path(path)).ok()?;
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return None;
    }
    let word = |i: usize| {
        let o = 8 + i * 8;
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[o..o + 8]);
        u64::from_le_bytes(w)
    };
    if word(0) != schema() || word(1) != len || word(2) != secs || word(3) != nanos {
        return None;
    }
    let payload = &bytes[HEADER..];
    if word(5) != payload.len() as u64 {
        return None;
    }
    let ron_hash = word(4);
    let payload_hash = word(6);
    // hash the RON file while the payload is checked and decoded
    std::thread::scope(|scope| {
        let file = scope.spawn(|| hash_file(path).ok());
        let g = (FileHash::of(payload) == payload_hash)
            .then(|| decode(payload))
            .flatten();
        let fresh = file.join().ok().flatten() == Some(ron_hash);
        g.filter(|_| fresh)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_hash_does_not_depend_on_how_the_bytes_come() {
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        let whole = FileHash::of(&data);
        for step in [1, 3, 31, 32, 33, 500] {
            let mut h = FileHash::new();
            for c in data.chunks(step) {
                h.update(c);
            }
            assert_eq!(h.finish(), whole, "step {step}");
        }
        let mut other = data.clone();
        other[517] ^= 1;
        assert_ne!(FileHash::of(&other), whole);
        assert_ne!(FileHash::of(&data[..999]), whole);
    }

    fn extractions() -> Vec<crate::model::Extraction> {
        use crate::model::{EdgeRecord, EntityRecord, Extraction};
        let rec = |id: &str, name: &str| EntityRecord {
            id: id.into(),
            name: name.into(),
            kind: EntityKind::Country,
            aliases: vec![],
            code: None,
        };
        (0..30)
            .map(|a| {
                let article = format!("a{a:02}");
                let date = Some(Date {
                    year: 2024,
                    month: 12 - (a % 12) as u8,
                    day: 3,
                });
                let edges = [EdgeKind::Meeting, EdgeKind::Praise]
                    .into_iter()
                    .enumerate()
                    .map(|(k, kind)| EdgeRecord {
                        source: "country:peru".into(),
                        target: "country:china".into(),
                        kind,
                        cameo: "040".into(),
                        date,
                        speaker: None,
                        place: None,
                        topics: vec!["trade".into()],
                        role: None,
                        planned: a % 2 == 0,
                        former: false,
                        evidence: Evidence {
                            article: article.clone(),
                            sentence: k,
                            start: 0,
                            end: 20,
                            text: format!("China and Peru met, said {a}."),
                        },
                    })
                    .collect();
                Extraction {
                    article,
                    date,
                    entities: vec![rec("country:china", "China"), rec("country:peru", "Peru")],
                    edges,
                }
            })
            .collect()
    }

    fn graph() -> Graph {
        let mut g = Graph::new();
        for x in extractions() {
            g.add_extraction(&x);
        }
        g
    }

    #[test]
    fn loading_through_the_cache_gives_the_graph_the_ron_gives() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.ron");
        let g = graph();
        g.save(&p).unwrap();
        assert!(cache_path(&p).exists());
        let cached = read(&p).expect("fresh cache served");
        let parsed = Graph::load_ron(&p).unwrap();
        assert_eq!(cached.to_ron(), parsed.to_ron());
        assert_eq!(cached.to_ron(), g.to_ron());
        assert_eq!(cached.node_count(), 2);
        assert!(cached.lookup("peru").is_some());
    }

    #[test]
    fn a_changed_file_of_the_same_length_and_time_is_not_served_from_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.ron");
        graph().save(&p).unwrap();
        let mtime = std::fs::metadata(&p).unwrap().modified().unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        let edited = text.replacen("said 7.", "said 8.", 1);
        assert_ne!(edited, text);
        assert_eq!(edited.len(), text.len());
        std::fs::write(&p, &edited).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&p)
            .unwrap()
            .set_modified(mtime)
            .unwrap();
        assert!(read(&p).is_none(), "stale cache served");
        let g = Graph::load(&p).unwrap();
        assert!(g.to_ron().contains("said 8."));
        assert_eq!(g.to_ron(), edited);
        // the load rewrote the cache for the file as it is now
        assert_eq!(read(&p).unwrap().to_ron(), edited);
    }

    #[test]
    fn a_damaged_or_missing_cache_falls_back_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.ron");
        let g = graph();
        g.save(&p).unwrap();
        let c = cache_path(&p);
        let good = std::fs::read(&c).unwrap();
        let damaged: Vec<Vec<u8>> = vec![
            vec![],
            good[..good.len() / 2].to_vec(),
            {
                let mut b = good.clone();
                let at = b.len() - 10;
                b[at] ^= 0x55;
                b
            },
            {
                let mut b = good.clone();
                b[3] = b'X';
                b
            },
            b"not a cache at all".to_vec(),
        ];
        for bad in damaged {
            std::fs::write(&c, &bad).unwrap();
            assert!(read(&p).is_none());
            assert_eq!(Graph::load(&p).unwrap().to_ron(), g.to_ron());
        }
        std::fs::remove_file(&c).unwrap();
        assert_eq!(Graph::load(&p).unwrap().to_ron(), g.to_ron());
        // a cache that cannot be written does not stop a load
        std::fs::create_dir(&c).ok();
        std::fs::remove_file(&c).ok();
        assert_eq!(Graph::load(&p).unwrap().to_ron(), g.to_ron());
    }

    #[test]
    fn merging_unsorted_then_settling_gives_the_same_graph() {
        let g = graph();
        let mut h = Graph::new();
        for x in extractions().iter().chain(&extractions()) {
            h.merge_extraction(x);
        }
        assert!(
            !h.is_settled(),
            "dates run backwards: appended out of order"
        );
        // saving needs no settling
        assert_eq!(h.to_ron(), g.to_ron());
        h.settle();
        assert!(h.is_settled());
        let occs = |g: &Graph| -> Vec<Vec<Occurrence>> {
            g.edges().iter().map(|e| e.2.occurrences.clone()).collect()
        };
        assert_eq!(occs(&h), occs(&g));
        assert_eq!(h.edges()[0].2.weight(), 30);
    }

    #[test]
    fn the_cache_sits_next_to_the_file() {
        assert_eq!(
            cache_path(Path::new("/a/g.ron")),
            PathBuf::from("/a/g.ron.cache")
        );
    }
}
