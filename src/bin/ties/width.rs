//! The width text output must fit: `COLUMNS` when set, else the terminal's,
//! else none (a pipe or a file keeps whole lines). Widths are counted in
//! characters, not bytes; long text is cut with "…" (or, where it must
//! stay whole, wrapped). ties prints no colour, so `NO_COLOR` has nothing
//! to turn off.

/// The characters a line may take: `COLUMNS` when it is a positive number,
/// else the width of the terminal standard output is, else no limit.
pub fn columns() -> usize {
    from(std::env::var("COLUMNS").ok().as_deref(), terminal)
}

/// The width `COLUMNS` (`env`) gives, else the terminal's, else no limit.
fn from(env: Option<&str>, terminal: impl Fn() -> Option<usize>) -> usize {
    env.and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(terminal)
        .unwrap_or(usize::MAX)
}

/// The width of the terminal standard output is, if it is one.
#[cfg(unix)]
fn terminal() -> Option<usize> {
    // SAFETY: TIOCGWINSZ fills the winsize we own; on a pipe or a file it
    // fails and leaves it untouched.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ as _, &mut size) } == 0;
    (ok && size.ws_col > 0).then_some(size.ws_col as usize)
}

/// No terminal size elsewhere: whole lines.
#[cfg(not(unix))]
fn terminal() -> Option<usize> {
    None
}

/// `s` cut to at most `n` characters, its last one "…" when it was cut.
pub fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    match n {
        0 => String::new(),
        n => format!("{}…", s.chars().take(n - 1).collect::<String>()),
    }
}

/// The width a text column gets: `want`, or less so that a line with `rest`
/// other characters fits `cols`, but never under `min`.
pub fn share(cols: usize, rest: usize, want: usize, min: usize) -> usize {
    want.min(cols.saturating_sub(rest)).max(min)
}

/// `s` padded with spaces to `n` characters (`{:<n}`), and cut to `n` when
/// the line has a limit (`cols`): with none, a long name stays whole.
pub fn pad(s: &str, n: usize, cols: usize) -> String {
    if cols == usize::MAX {
        format!("{s:<n$}")
    } else {
        format!("{:<n$}", cut(s, n))
    }
}

/// Each line of `text` cut to `cols` characters (the safety net of every
/// table: what its columns could not give back is cut at the end).
pub fn lines(text: &str, cols: usize) -> String {
    text.split_inclusive('\n')
        .map(|l| match l.strip_suffix('\n') {
            Some(l) => cut(l, cols) + "\n",
            None => cut(l, cols),
        })
        .collect()
}

/// `text` broken at spaces into lines of at most `cols` characters, the
/// first after `first` characters already on its line, the others after
/// `indent` spaces (added here); a word longer than a line is cut.
pub fn wrap(text: &str, cols: usize, first: usize, indent: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut room = cols.saturating_sub(first).max(1);
    for word in text.split(' ') {
        let last = lines.last_mut().expect("one line at least");
        let used = last.chars().count();
        if used > 0 && used + 1 + word.chars().count() > room {
            room = cols.saturating_sub(indent).max(1);
            lines.push(String::new());
        }
        let last = lines.last_mut().expect("one line at least");
        if !last.is_empty() {
            last.push(' ');
        }
        last.push_str(word);
        if last.chars().count() > room {
            *last = cut(last, room);
        }
    }
    let pad = " ".repeat(indent);
    for l in lines.iter_mut().skip(1) {
        l.insert_str(0, &pad);
    }
    lines
}

/// Prints `text`, each line cut to the width output must fit.
pub fn print(text: &str) {
    print!("{}", lines(text, columns()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_come_from_the_variable_then_the_terminal() {
        assert_eq!(from(Some("60"), || Some(100)), 60);
        assert_eq!(from(Some(" 72 "), || None), 72);
        assert_eq!(from(Some("0"), || Some(100)), 100);
        assert_eq!(from(Some("wide"), || None), usize::MAX);
        assert_eq!(from(None, || Some(80)), 80);
        assert_eq!(from(None, || None), usize::MAX);
    }

    #[test]
    fn cut_counts_characters_and_marks_the_cut() {
        assert_eq!(cut("Qin Gang", 20), "Qin Gang");
        assert_eq!(cut("Qin Gang", 8), "Qin Gang");
        assert_eq!(cut("Qin Gang", 5), "Qin …");
        assert_eq!(cut("“Brazil → Peru”", 9), "“Brazil …");
        assert_eq!(cut("“Brazil → Peru”", 9).chars().count(), 9);
        assert_eq!(cut("abc", 1), "…");
        assert_eq!(cut("abc", 0), "");
    }

    #[test]
    fn a_column_shrinks_to_fit_but_not_below_its_minimum() {
        assert_eq!(share(usize::MAX, 50, 36, 8), 36);
        assert_eq!(share(80, 50, 36, 8), 30);
        assert_eq!(share(60, 58, 36, 8), 8);
        assert_eq!(share(10, 58, 36, 8), 8);
    }

    #[test]
    fn pad_gives_the_width_and_cuts_only_under_a_limit() {
        assert_eq!(pad("Peru", 6, 60), "Peru  ");
        assert_eq!(pad("South Africa", 6, 60), "South…");
        assert_eq!(pad("South Africa", 6, usize::MAX), "South Africa");
    }

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        let w = wrap("India summoned the deputy high commissioner", 20, 6, 4);
        assert_eq!(
            w,
            ["India summoned", "    the deputy high", "    commissioner"]
        );
        assert!(w.iter().all(|l| l.chars().count() <= 20));
        assert_eq!(w.join(" ").split_whitespace().count(), 6);
        assert_eq!(wrap("one line", usize::MAX, 10, 4), ["one line"]);
        assert_eq!(
            wrap("a Peru-Brazil-Economic-Corridor", 12, 0, 2),
            ["a", "  Peru-Braz…"]
        );
    }

    #[test]
    fn every_line_is_cut_and_line_ends_kept() {
        let t = "short\na much longer line\n";
        assert_eq!(lines(t, 8), "short\na much …\n");
        assert_eq!(lines("no end", 3), "no…");
        assert_eq!(lines(t, usize::MAX), t);
    }
}
