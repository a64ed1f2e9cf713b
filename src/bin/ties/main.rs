//! The `ties` command: parses arguments, calls the library, prints.

mod analyst;
mod build;
mod cli;
mod eval;
mod export;
mod level;
mod load;
mod query;
mod render;

use build::Mode;
use clap::Parser;
use cli::{Cli, Cmd};
use std::process::ExitCode;

/// mimalloc: the build allocates and frees many small strings per article,
/// and spends a quarter of its time in the system allocator without it.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's `mimalloc.h` (version 3, the one
/// libmimalloc-sys builds).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory for reuse instead of handing it back to the system
/// 10 ms later: a build frees each batch of articles and allocates the next,
/// and every page handed back is zeroed again by the kernel when touched
/// (6,700 page faults and about a tenth of a 20k build without this; 345 with).
fn keep_freed_memory() {
    // SAFETY: sets one of mimalloc's options, a plain integer it reads when
    // deciding to purge; any value is valid (-1: never purge).
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// A failure with its exit code: 1 nothing found, 2 usage or input error.
struct Fail(u8, anyhow::Error);

impl Fail {
    /// A failure with exit code `code` saying `message`.
    fn new(code: u8, message: String) -> Fail {
        Fail(code, anyhow::Error::msg(message))
    }
}

impl<E: Into<anyhow::Error>> From<E> for Fail {
    fn from(e: E) -> Self {
        Fail(2, e.into())
    }
}

fn main() -> ExitCode {
    // `ties ... | head` ends quietly, as Unix tools do, instead of panicking on a closed pipe
    #[cfg(unix)]
    // SAFETY: restoring the default action of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    keep_freed_memory();
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(Fail(code, e)) => {
            eprintln!("ties: {e:#}");
            ExitCode::from(code)
        }
    }
}

/// Runs the command `cli` names; its exit code.
fn run(cli: &Cli) -> Result<u8, Fail> {
    cli::check(&cli.cmd).map_err(|e| Fail::new(2, e))?;
    match &cli.cmd {
        Cmd::Build(a) => build::build(cli, Mode::Build, &a.inputs, a.max_bytes, &a.extractions),
        Cmd::Add(a) => build::build(cli, Mode::Add, &a.inputs, a.max_bytes, &a.extractions),
        Cmd::Extract(a) => build::extract(cli, a),
        Cmd::Export(a) => export::export(cli, a),
        Cmd::Show(a) => query::show(cli, a),
        Cmd::Entities(a) => query::entities(cli, a),
        Cmd::Completions { shell } => {
            cli::completions(*shell);
            Ok(0)
        }
        Cmd::Neighbors(a) => query::neighbors(cli, a),
        Cmd::Between(a) => query::between(cli, a),
        Cmd::Path(a) => query::path(cli, a),
        Cmd::Timeline(a) => query::timeline(cli, a),
        Cmd::Eval(a) => eval::eval(cli, a),
        Cmd::Explain { article } => eval::explain(cli, article),
        Cmd::Stats(a) => query::stats(cli, a),
        Cmd::Dyads(a) => analyst::dyads(cli, a),
        Cmd::Events(a) => analyst::events(cli, a),
        Cmd::Why(a) => analyst::why(cli, a),
    }
}
