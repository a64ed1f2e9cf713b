//! SVG export: the DOT export laid out by Graphviz's `dot -Tsvg`, when installed.

use crate::error::{Error, Result};
use std::io::Write;
use std::process::{Command, Stdio};

/// What to tell a user who has no Graphviz.
pub const INSTALL_HINT: &str =
    "Graphviz's `dot` is not installed; install it (Debian/Ubuntu: `apt-get install graphviz`, \
     macOS: `brew install graphviz`) or export `--format dot` and lay it out elsewhere";

/// Lays out DOT text as SVG with the `dot` program (`TIES_DOT` names another).
pub fn dot_to_svg(dot: &[u8]) -> Result<Vec<u8>> {
    let program = std::env::var_os("TIES_DOT").unwrap_or_else(|| "dot".into());
    let mut child = match Command::new(&program)
        .arg("-Tsvg")
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
    // write from a thread so a large SVG cannot fill the pipe and deadlock
    let input = dot.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child
        .wait_with_output()
        .map_err(|e| Error::io(&program, e))?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(Error::Invalid(format!(
            "dot -Tsvg failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(out.stdout)
}
