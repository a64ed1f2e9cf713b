//! Temporary files written beside graph files: each registered while it
//! exists, so that the tool can remove them when it is interrupted
//! ([`remove_temp_files`]); those left by processes that died (killed, the
//! machine stopped) are removed at the next write beside the same file.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary files this process is writing now.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Notes that the temporary file `p` is being written.
pub(crate) fn created(p: &Path) {
    live().push(p.to_path_buf());
}

/// Notes that the temporary file `p` was renamed into place or removed.
pub(crate) fn gone(p: &Path) {
    let mut l = live();
    if let Some(i) = l.iter().position(|x| x == p) {
        l.swap_remove(i);
    }
}

/// Removes every temporary file this process is writing (for a program
/// stopped by a signal: its graph files stay as they were).
pub fn remove_temp_files() {
    for p in live().drain(..) {
        let _ = std::fs::remove_file(p);
    }
}

/// The process that wrote a temporary file beside the graph file named
/// `name`, from the temporary file's name: `.NAME.tmpPID-N` (a file being
/// written), `.NAME.spillPID` (a build's spilled evidence) or
/// `.NAME.cache.tmpPID` (a cache being written).
fn writer_of(entry: &str, name: &str) -> Option<u32> {
    let rest = entry
        .strip_prefix('.')?
        .strip_prefix(name)?
        .strip_prefix('.')?;
    let digits = if let Some(r) = rest.strip_prefix("cache.tmp") {
        r
    } else if let Some(r) = rest.strip_prefix("spill") {
        r
    } else {
        let r = rest.strip_prefix("tmp")?;
        let (pid, n) = r.split_once('-')?;
        n.bytes().all(|b| b.is_ascii_digit()).then_some(pid)?
    };
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())?
}

/// Removes the temporary files beside `path` left by processes that are no
/// longer running. Only where running processes can be told (`/proc`).
pub(crate) fn sweep(path: &Path) {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    for e in entries.flatten() {
        let entry = e.file_name().to_string_lossy().into_owned();
        if let Some(pid) = writer_of(&entry, &name) {
            if pid != me && !proc.join(pid.to_string()).exists() {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_give_their_writer() {
        assert_eq!(writer_of(".g.ron.tmp42-7", "g.ron"), Some(42));
        assert_eq!(writer_of(".g.ron.spill42", "g.ron"), Some(42));
        assert_eq!(writer_of(".g.ron.cache.tmp42", "g.ron"), Some(42));
        assert_eq!(writer_of(".g.ron.tmp42", "g.ron"), None);
        assert_eq!(writer_of(".h.ron.tmp42-7", "g.ron"), None);
        assert_eq!(writer_of("g.ron.cache", "g.ron"), None);
        assert_eq!(writer_of(".g.ron.spillx", "g.ron"), None);
    }
}
