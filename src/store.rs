//! Stage 7: the graph file. Our own versioned RON format with stable string
//! ids (not petgraph's internals), written sorted and atomically.

use crate::date::Date;
use crate::error::{Error, Result};
use crate::graph::{Edge, Graph, Node};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// The format version this build writes.
pub const VERSION: u32 = 1;

/// The file as stored.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphFile {
    /// Always "ties-graph".
    pub format: String,
    pub version: u32,
    /// Articles built in, with their dates.
    pub articles: BTreeMap<String, Option<Date>>,
    pub nodes: Vec<Node>,
    pub edges: Vec<StoredEdge>,
}

/// An edge as stored: its ends by node id.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredEdge {
    pub source: String,
    pub target: String,
    #[serde(flatten)]
    pub edge: Edge,
}

/// Just the header, read first to check the version.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

impl Graph {
    /// The graph as a file struct, sorted: the same graph gives the same bytes.
    pub fn to_file(&self) -> GraphFile {
        let nodes = self.nodes().into_iter().map(|n| self.node(n).clone()).collect();
        let edges = self
            .edges()
            .into_iter()
            .map(|(s, t, e)| StoredEdge {
                source: self.node(s).id.clone(),
                target: self.node(t).id.clone(),
                edge: e.clone(),
            })
            .collect();
        GraphFile {
            format: "ties-graph".into(),
            version: VERSION,
            articles: self.articles.clone(),
            nodes,
            edges,
        }
    }

    /// Rebuilds a graph from a file struct; `origin` names it in errors.
    pub fn from_file(f: GraphFile, origin: &Path) -> Result<Graph> {
        let mut g = Graph::new();
        g.articles = f.articles;
        for n in f.nodes {
            if g.node_by_id(&n.id).is_some() {
                return Err(Error::Invalid(format!("{}: node {:?} appears twice", origin.display(), n.id)));
            }
            g.insert_node(n);
        }
        for e in f.edges {
            let s = g.node_by_id(&e.source);
            let t = g.node_by_id(&e.target);
            match (s, t) {
                (Some(s), Some(t)) => g.insert_edge(s, t, e.edge),
                _ => {
                    return Err(Error::Invalid(format!(
                        "{}: an edge names a node that is not in the file ({} -> {}); the file was edited or damaged",
                        origin.display(),
                        e.source,
                        e.target
                    )))
                }
            }
        }
        Ok(g)
    }

    /// The graph as RON text.
    pub fn to_ron(&self) -> String {
        let cfg = ron::ser::PrettyConfig::new().struct_names(false).indentor("  ".to_string());
        let mut s = ron::ser::to_string_pretty(&self.to_file(), cfg).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Parses RON text of a graph file; `origin` names it in errors.
    pub fn from_ron(text: &str, origin: &Path) -> Result<Graph> {
        let header: Header = ron::Options::default()
            .from_str::<ron::Value>(text)
            .map_err(|e| Error::ron(origin, &e))
            .and_then(|v| {
                v.into_rust::<Header>().map_err(|e| Error::Parse {
                    path: origin.to_path_buf(),
                    line: 1,
                    column: 1,
                    message: format!("not a ties graph file ({e})"),
                })
            })?;
        if header.format != "ties-graph" {
            return Err(Error::Parse {
                path: origin.to_path_buf(),
                line: 1,
                column: 1,
                message: format!("format is {:?}, expected \"ties-graph\"", header.format),
            });
        }
        if header.version > VERSION {
            return Err(Error::Version {
                path: origin.to_path_buf(),
                found: header.version,
                supported: VERSION,
            });
        }
        let f: GraphFile = ron::from_str(text).map_err(|e| Error::ron(origin, &e))?;
        Graph::from_file(f, origin)
    }

    /// Loads a graph file.
    pub fn load(path: &Path) -> Result<Graph> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Graph::from_ron(&text, path)
    }

    /// Writes the graph to `path` atomically: a temporary file in the same
    /// folder, synced, then renamed over the old one.
    pub fn save(&self, path: &Path) -> Result<()> {
        write_atomic(path, self.to_ron().as_bytes())
    }
}

/// Writes `bytes` to `path` through a synced temporary file and a rename, so
/// that a failure leaves the old file as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "graph".into());
    let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}
