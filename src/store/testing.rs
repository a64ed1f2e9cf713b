//! Hooks for tests that need a race to happen at one exact moment. Not part
//! of the API: nothing calls them but tests, and unset they cost one atomic
//! load.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// A hook and the graph file it is for.
type Hook = (PathBuf, Arc<dyn Fn() + Send + Sync>);

static SET: AtomicBool = AtomicBool::new(false);
static HOOK: Mutex<Option<Hook>> = Mutex::new(None);

/// Calls `f` each time a cache of the graph file `graph` is about to be put
/// in place (after the graph was read and the cache written, before it is
/// checked against the file and renamed): a test pauses there to change
/// the file meanwhile. `None` removes the hook.
#[doc(hidden)]
pub fn on_cache_install(hook: Option<(PathBuf, Arc<dyn Fn() + Send + Sync>)>) {
    let mut h = HOOK.lock().unwrap_or_else(|e| e.into_inner());
    SET.store(hook.is_some(), Ordering::SeqCst);
    *h = hook;
}

/// The environment variable that makes a process stop before it puts a
/// cache in place, for tests of what a signal leaves behind: it creates the
/// file the variable names, then waits to be stopped.
const HOLD: &str = "TIES_TEST_HOLD_BEFORE_CACHE";

/// The environment variable that makes the store's writes fail with "no
/// space left on device" once a file passes this many bytes.
const DISK: &str = "TIES_TEST_DISK_BYTES";

/// The environment variable that makes a bulk build spill its buffer
/// whenever it holds this many bytes (to test spilling on small inputs).
const SPILL: &str = "TIES_TEST_SPILL_BYTES";

/// What the environment asks of the store, read once.
struct Env {
    hold: Option<PathBuf>,
    disk: Option<u64>,
    spill: Option<usize>,
}

fn env() -> &'static Env {
    static ENV: std::sync::OnceLock<Env> = std::sync::OnceLock::new();
    ENV.get_or_init(|| Env {
        hold: std::env::var_os(HOLD).map(PathBuf::from),
        disk: std::env::var(DISK).ok().and_then(|v| v.parse().ok()),
        spill: std::env::var(SPILL).ok().and_then(|v| v.parse().ok()),
    })
}

/// The spill limit the environment sets for tests, if any.
pub(crate) fn spill_limit() -> Option<usize> {
    env().spill
}

/// A full disk, as tests inject it: an error if a file written by the
/// store has reached the size [`DISK`] allows.
pub(crate) fn disk_room(len: u64) -> std::io::Result<()> {
    match env().disk {
        Some(max) if len > max => Err(std::io::Error::from_raw_os_error(28)),
        _ => Ok(()),
    }
}

/// Runs the hook set for `graph`, if any.
pub(crate) fn before_cache_install(graph: &Path) {
    if let Some(mark) = &env().hold {
        let _ = std::fs::write(mark, b"");
        loop {
            std::thread::park();
        }
    }
    if !SET.load(Ordering::Relaxed) {
        return;
    }
    let hook = {
        let h = HOOK.lock().unwrap_or_else(|e| e.into_inner());
        h.as_ref()
            .filter(|(p, _)| p == graph)
            .map(|(_, f)| Arc::clone(f))
    };
    if let Some(f) = hook {
        f();
    }
}
