//! A file written with its finished parts sent to disk along the way.

use std::fs::File;
use std::io::{self, Write};
use std::sync::mpsc::{self, SyncSender};
use std::thread::JoinHandle;

/// Bytes written between two early syncs.
pub const AHEAD: u64 = 8 << 20;

/// The temporary file of [`super::write_atomic_with`]: every [`AHEAD`]
/// bytes a helper thread syncs what is written so far, so that the final
/// sync of a large file waits for its last part only, not for all of it
/// (RocksDB's `bytes_per_sync`). A small file never starts the thread.
pub struct Ahead<'f> {
    file: &'f mut File,
    /// Bytes written since the last early sync was asked for.
    since: u64,
    /// The helper thread, once started, and how to wake it.
    syncer: Option<(SyncSender<()>, JoinHandle<io::Result<()>>)>,
}

impl<'f> Ahead<'f> {
    /// Writes to `file`.
    pub fn new(file: &'f mut File) -> Ahead<'f> {
        Ahead {
            file,
            since: 0,
            syncer: None,
        }
    }

    /// Stops the helper thread and returns its first error: an early sync
    /// that failed may be the only one to hear of a failed write, so it
    /// must fail the whole.
    pub fn finish(self) -> io::Result<()> {
        let Some((wake, thread)) = self.syncer else {
            return Ok(());
        };
        drop(wake);
        thread
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the thread syncing the file failed")))
    }

    /// Asks for an early sync, starting the helper thread the first time;
    /// skipped while one is still running (or when no thread can start:
    /// the final sync does it all then).
    fn sync_soon(&mut self) {
        if self.syncer.is_none() {
            let Ok(file) = self.file.try_clone() else {
                return;
            };
            let (wake, woken) = mpsc::sync_channel::<()>(1);
            let thread = std::thread::Builder::new()
                .name("ties-sync".into())
                .spawn(move || woken.iter().try_for_each(|()| file.sync_data()));
            match thread {
                Ok(t) => self.syncer = Some((wake, t)),
                Err(_) => return,
            }
        }
        if let Some((wake, _)) = &self.syncer {
            // full: a sync is asked for already; gone: it failed (`finish` says)
            let _ = wake.try_send(());
        }
    }
}

impl Write for Ahead<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.since += n as u64;
        if self.since >= AHEAD {
            self.since = 0;
            self.sync_soon();
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn a_large_file_written_in_pieces_keeps_every_byte() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        let mut f = File::create(&p).unwrap();
        let piece: Vec<u8> = (0..=255u8).cycle().take(1_000_003).collect();
        let pieces = (2 * AHEAD / piece.len() as u64 + 3) as usize;
        let mut w = Ahead::new(&mut f);
        for _ in 0..pieces {
            w.write_all(&piece).unwrap();
        }
        assert!(w.syncer.is_some(), "no early sync for a file past AHEAD");
        w.finish().unwrap();
        let mut back = Vec::new();
        File::open(&p).unwrap().read_to_end(&mut back).unwrap();
        assert_eq!(back.len(), piece.len() * pieces);
        assert!(back.chunks(piece.len()).all(|c| c == piece));
    }

    #[test]
    fn a_small_file_starts_no_thread() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = File::create(dir.path().join("f")).unwrap();
        let mut w = Ahead::new(&mut f);
        w.write_all(b"small").unwrap();
        assert!(w.syncer.is_none());
        w.finish().unwrap();
    }
}
