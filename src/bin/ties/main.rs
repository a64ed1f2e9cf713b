//! The `ties` command: parses arguments, calls the library, prints.

mod alloc;
mod analyst;
mod build;
mod cli;
mod eval;
mod export;
mod level;
mod load;
mod query;
mod render;
mod width;

use build::Mode;
use clap::Parser;
use cli::{Cli, Cmd};
use std::process::ExitCode;

/// mimalloc: the build allocates and frees many small strings per article,
/// and spends a quarter of its time in the system allocator without it.
#[global_allocator]
static ALLOC: alloc::Mi = alloc::Mi;

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
    #[cfg(unix)]
    clean_up_on_signals();
    alloc::keep_freed_memory();
    alloc::small_pages();
    let cli = Cli::parse();
    match checked(cli).and_then(|cli| run(&cli)) {
        Ok(code) => ExitCode::from(code),
        Err(Fail(code, e)) => {
            eprintln!("ties: {}", message(&e));
            ExitCode::from(code)
        }
    }
}

/// An error and its causes on one line, each cause once: a cause whose
/// text the message already holds (an OS error quoted by the error above
/// it) is not repeated.
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

/// The command line with its paths checked before anything is read or
/// written: each `--lexicon` file is there, and the graph file is a regular
/// file (a symbolic link followed to it) in a folder that exists.
fn checked(mut cli: Cli) -> Result<Cli, Fail> {
    for p in &cli.lexicon {
        if !p.is_file() {
            return Err(Fail::new(
                2,
                format!(
                    "{}: no such lexicon file; name an existing RON lexicon with --lexicon",
                    p.display()
                ),
            ));
        }
    }
    if matches!(
        cli.cmd,
        Cmd::Completions { .. } | Cmd::Man | Cmd::Extract(_) | Cmd::Eval(_)
    ) {
        return Ok(cli);
    }
    cli.graph = ties::store::resolve(&cli.graph)?;
    if let Some(dir) = cli.graph.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            return Err(Fail::new(
                2,
                format!(
                    "{}: no such folder for the graph file {}; create it first or name another path with --graph",
                    dir.display(),
                    cli.graph.display()
                ),
            ));
        }
    }
    Ok(cli)
}

/// Removes this process's temporary files when it is asked to stop
/// (Ctrl-C, SIGTERM, SIGHUP), then stops as the signal would have: the
/// signals are blocked in every thread and taken by one that waits for them.
/// Called before any other thread starts, so that all inherit the mask.
#[cfg(unix)]
fn clean_up_on_signals() {
    // SAFETY: plain libc calls on a sigset_t we own, before any thread starts.
    let set = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            libc::sigaddset(&mut set, sig);
        }
        if libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) != 0 {
            return;
        }
        set
    };
    std::thread::spawn(move || {
        let mut sig: libc::c_int = 0;
        // SAFETY: waits on the set built above; `sig` is ours to write.
        if unsafe { libc::sigwait(&set, &mut sig) } != 0 {
            return;
        }
        ties::store::remove_temp_files();
        // SAFETY: the default action back, the signal unblocked in this
        // thread and sent to it: the process ends as the signal says.
        unsafe {
            libc::signal(sig, libc::SIG_DFL);
            libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
            libc::raise(sig);
        }
        std::process::exit(128 + sig);
    });
}

/// The reading options of `--max-bytes` and `--id`.
fn read(max_bytes: u64, id: &Option<String>) -> ties::input::ReadOptions {
    ties::input::ReadOptions {
        max_bytes,
        stdin_id: id.clone(),
    }
}

/// Runs the command `cli` names; its exit code.
fn run(cli: &Cli) -> Result<u8, Fail> {
    cli::check(&cli.cmd).map_err(|e| Fail::new(2, e))?;
    match &cli.cmd {
        Cmd::Build(a) => {
            build::refuse_overwrite(&cli.graph, a.force)?;
            build::build(
                cli,
                Mode::Build,
                &a.inputs,
                read(a.max_bytes, &a.id),
                &a.extractions,
            )
        }
        Cmd::Add(a) => build::build(
            cli,
            Mode::Add,
            &a.inputs,
            read(a.max_bytes, &a.id),
            &a.extractions,
        ),
        Cmd::Extract(a) => build::extract(cli, a),
        Cmd::Export(a) => export::export(cli, a),
        Cmd::Show(a) => query::show(cli, a),
        Cmd::Entities(a) => query::entities(cli, a),
        Cmd::Completions { shell } => {
            cli::completions(*shell);
            Ok(0)
        }
        Cmd::Man => {
            cli::man()?;
            Ok(0)
        }
        Cmd::Neighbors(a) => query::neighbors(cli, a),
        Cmd::Between(a) => query::between(cli, a),
        Cmd::Path(a) => query::path(cli, a),
        Cmd::Timeline(a) => query::timeline(cli, a),
        Cmd::Eval(a) => eval::eval(cli, a),
        Cmd::Explain(a) => eval::explain(cli, a),
        Cmd::Stats(a) => query::stats(cli, a),
        Cmd::Dyads(a) => analyst::dyads(cli, a),
        Cmd::Events(a) => analyst::events(cli, a),
        Cmd::Why(a) => analyst::why(cli, a),
        Cmd::Report(a) => export::report(cli, a),
    }
}
