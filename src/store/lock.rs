//! An exclusive lock on a graph file, held through load, change and save, so
//! that concurrent runs on one file lose nothing.

use crate::error::{Error, Result};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// Holds `PATH.lock` locked until dropped.
#[derive(Debug)]
pub struct GraphLock {
    _file: File,
    path: PathBuf,
}

impl GraphLock {
    /// The lock file beside `graph`: `graph` with `.lock` appended.
    pub fn path_for(graph: &Path) -> PathBuf {
        let mut s = graph.as_os_str().to_owned();
        s.push(".lock");
        PathBuf::from(s)
    }

    /// Locks `graph`, calling `waiting` once if another process holds it,
    /// then blocking until it is free.
    pub fn acquire(graph: &Path, waiting: impl FnOnce()) -> Result<GraphLock> {
        let path = GraphLock::path_for(graph);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                waiting();
                file.lock().map_err(|e| Error::io(&path, e))?;
            }
            Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        Ok(GraphLock { _file: file, path })
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let g = dir.path().join("g.ron");
        let first = GraphLock::acquire(&g, || panic!("nobody holds it yet")).unwrap();
        assert!(first.path().ends_with("g.ron.lock"));
        let (tx, rx) = std::sync::mpsc::channel();
        let g2 = g.clone();
        let t = std::thread::spawn(move || {
            let _second = GraphLock::acquire(&g2, || tx.send(()).unwrap()).unwrap();
        });
        rx.recv().unwrap();
        drop(first);
        t.join().unwrap();
    }
}
