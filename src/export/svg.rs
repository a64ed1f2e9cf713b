//! SVG and PNG export: the DOT export laid out by Graphviz's `dot -Tsvg` (`-Tpng`), when installed.

use crate::error::{Error, Result};
use std::io::{Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// What to tell a user who has no Graphviz.
pub const INSTALL_HINT: &str =
    "Graphviz's `dot` is not installed; install it (Debian/Ubuntu: `apt-get install graphviz`, \
     macOS: `brew install graphviz`) or export `--format dot` and lay it out elsewhere";

/// The most entities an SVG export lays out: Graphviz takes hours over
/// tens of thousands, and the drawing could not be read anyway.
pub const MAX_NODES: usize = 5000;

/// How long `dot` may take before it is stopped, in seconds, unless
/// `TIES_DOT_TIMEOUT` says otherwise: a layout that takes longer is of a
/// graph too large to read as a drawing.
pub const DEFAULT_TIMEOUT: u64 = 300;

/// Lays out DOT text as SVG with the `dot` program (`TIES_DOT` names
/// another), stopping it after [`DEFAULT_TIMEOUT`] seconds (or
/// `TIES_DOT_TIMEOUT`).
pub fn dot_to_svg(dot: &[u8]) -> Result<Vec<u8>> {
    dot_to(dot, "svg")
}

/// Lays out DOT text with `dot -T{format}` (`svg`, `png`), as
/// [`dot_to_svg`] does.
pub fn dot_to(dot: &[u8], format: &str) -> Result<Vec<u8>> {
    let program = std::env::var_os("TIES_DOT").unwrap_or_else(|| "dot".into());
    let timeout = std::env::var("TIES_DOT_TIMEOUT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_TIMEOUT);
    let mut child = match Command::new(&program)
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::Invalid(INSTALL_HINT.to_string()))
        }
        Err(e) => return Err(Error::io(program, e)),
    };
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| Error::Invalid("dot: no standard input".into()))?;
    // write and read from threads so a large SVG cannot fill a pipe and deadlock
    let input = dot.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = drain(child.stdout.take());
    let err = drain(child.stderr.take());
    let status = wait_for(&mut child, timeout).map_err(|e| Error::io(&program, e))?;
    let _ = writer.join();
    let Some(status) = status else {
        return Err(Error::Invalid(format!(
            "dot -T{format} did not finish within {timeout} s and was stopped: the graph is too large to lay out; narrow it (--focus, --between, --since) or export --format dot"
        )));
    };
    let (out, err) = (
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default(),
    );
    if !status.success() {
        return Err(Error::Invalid(format!(
            "dot -T{format} failed ({status}): {}",
            String::from_utf8_lossy(&err).trim()
        )));
    }
    Ok(out)
}

/// Reads a pipe to its end on a thread of its own.
fn drain(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut v);
        }
        v
    })
}

/// Waits for `child` at most `secs` seconds; `None` (the child killed) if
/// it did not end by then.
fn wait_for(child: &mut Child, secs: u64) -> std::io::Result<Option<ExitStatus>> {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
