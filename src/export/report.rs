//! `ties report`: one self-contained HTML page about a relationship: the
//! diagram (SVG inline), a chart of statements per month by kind
//! (cooperation above the axis, conflict below) and the table of statements
//! with their sentences, filtered in the page by kind and date. No network,
//! no script library: the chart is SVG written here, the filter a few lines
//! of plain JavaScript. Every text goes through [`escape`].

use super::dot::{edge_style, to_dot_drawn, Drawing};
use super::filter::{subgraph, title, Selection};
use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::model::EdgeKind;
use crate::query::{events, Event, Filter, Goldstein, Lift};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Escapes text for HTML, element text and quoted attribute values alike:
/// the GraphML export's XML escaping, valid HTML5 too.
pub use super::xml::escape;

/// What a report page shows.
#[derive(Clone, Debug)]
pub struct Report {
    /// The page's heading (`China ↔ Pakistan, 2013-03-21 – 2023-05-06`).
    pub title: String,
    /// The diagram as SVG, or why there is none (Graphviz absent).
    pub diagram: std::result::Result<Vec<u8>, String>,
    /// The statements, in the order the table lists them.
    pub events: Vec<Event>,
}

/// Whether a statement is conflict (drawn below the chart's axis): a
/// Criticism, or any code of negative Goldstein weight.
pub fn is_conflict(e: &Event) -> bool {
    e.kind == EdgeKind::Criticism || e.goldstein.is_some_and(|w| w < 0.0)
}

/// The report on the relationship `sel` selects (`between` two sides) in
/// `g`: the table and chart from the statements as written, the diagram from
/// `drawn` (the country view, say; `g` when `None`) laid out by `dot`.
/// Fails when a side is unknown.
pub fn relationship(g: &Graph, drawn: Option<&Graph>, sel: &Selection) -> Result<Report> {
    let gs = Goldstein::builtin()?;
    let sub = subgraph(g, sel)?;
    let heading = title(g, sel, &sub).unwrap_or_else(|| "ties report".to_string());
    let all = Filter::default();
    let lift = Lift::default();
    let mut rows: Vec<Event> = events(&sub, &all, &lift, &gs).collect();
    rows.sort_by(|a, b| {
        let key = |e: &Event| {
            (
                e.date.is_none(),
                e.date,
                e.article.clone(),
                e.sentence_index,
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| (&a.source, &a.target, a.kind).cmp(&(&b.source, &b.target, b.kind)))
    });
    let drawn = drawn.unwrap_or(g);
    let picture = subgraph(drawn, sel)?;
    let how = Drawing {
        title: title(drawn, sel, &picture),
        legend: true,
    };
    let diagram = match super::svg::dot_to_svg(&to_dot_drawn(&picture, &how)) {
        Ok(svg) => Ok(svg),
        Err(Error::Invalid(why)) => Err(why),
        Err(e) => Err(e.to_string()),
    };
    Ok(Report {
        title: heading,
        diagram,
        events: rows,
    })
}

/// The style sheet of the page.
const STYLE: &str = "body{font-family:Helvetica,Arial,sans-serif;margin:1.5em;color:#222}\
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}\
.diagram svg{max-width:100%;height:auto}.note{color:#a33}\
.legend span{display:inline-block;margin-right:1em}.legend i{display:inline-block;width:.8em;height:.8em;margin-right:.3em}\
table{border-collapse:collapse;font-size:.9em}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}\
td.sentence{max-width:40em}td.date{white-space:nowrap}fieldset{display:inline-block;border:1px solid #ccc}#filters{margin-bottom:1em}";

/// The page's script: filters the table by the ticked kinds and the date
/// range, reads `#kind=A,B&since=D&until=D` from the address on load, and
/// marks the body `data-ok="1"` when it ran to its end.
const SCRIPT: &str = r#"(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('#statements tbody tr'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name=kind]'));
  var since = document.getElementById('since'), until = document.getElementById('until');
  function apply() {
    var on = {}, shown = 0;
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    rows.forEach(function (r) {
      var d = r.getAttribute('data-date');
      var ok = on[r.getAttribute('data-kind')] &&
        (!since.value || (d !== '' && d >= since.value)) &&
        (!until.value || (d !== '' && d <= until.value));
      r.hidden = !ok;
      if (ok) { shown++; }
    });
    document.getElementById('count').textContent = shown + ' of ' + rows.length + ' statements shown';
  }
  function fromAddress() {
    (location.hash || '').replace(/^#/, '').split('&').forEach(function (p) {
      var kv = p.split('='), v = kv[1] || '';
      try { v = decodeURIComponent(v); } catch (e) { /* a bad escape: the text as it is */ }
      if (kv[0] === 'kind') {
        var want = v.toLowerCase().split(',');
        boxes.forEach(function (b) { b.checked = want.indexOf(b.value.toLowerCase()) >= 0; });
      }
      if (kv[0] === 'since') { since.value = v; }
      if (kv[0] === 'until') { until.value = v; }
    });
  }
  boxes.concat([since, until]).forEach(function (e) { e.addEventListener('change', apply); });
  window.addEventListener('hashchange', function () { fromAddress(); apply(); });
  fromAddress();
  apply();
  document.body.setAttribute('data-ok', '1');
})();"#;

/// The whole page: the same report gives the same bytes.
pub fn html(r: &Report) -> String {
    let mut out = String::new();
    let title = escape(&r.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    out.push_str("<h2>Diagram</h2>\n<div class=\"diagram\">\n");
    match &r.diagram {
        Ok(svg) => out.push_str(inline_svg(svg)),
        Err(why) => {
            let _ = writeln!(
                out,
                "<p class=\"note\">The diagram needs Graphviz: {}</p>",
                escape(why)
            );
        }
    }
    out.push_str("</div>\n<h2>Statements per month</h2>\n");
    out.push_str(&chart(&r.events));
    out.push_str("<h2>Statements</h2>\n");
    out.push_str(&controls(&r.events));
    out.push_str(&table(&r.events));
    let _ = write!(out, "<script>\n{SCRIPT}\n</script>\n</body>\n</html>\n");
    out
}

/// An SVG document from `dot` without its XML prolog, to sit in a page;
/// the text before `<svg` (declaration, doctype, comments) is left out.
fn inline_svg(svg: &[u8]) -> &str {
    let text = std::str::from_utf8(svg).unwrap_or("");
    text.find("<svg").map_or("", |at| &text[at..])
}

/// The kinds the statements hold, in [`EdgeKind::ALL`] order.
fn kinds(events: &[Event]) -> Vec<EdgeKind> {
    let present: BTreeSet<EdgeKind> = events.iter().map(|e| e.kind).collect();
    EdgeKind::ALL
        .into_iter()
        .filter(|k| present.contains(k))
        .collect()
}

/// The filter controls: a box per kind, two dates, the count shown.
fn controls(events: &[Event]) -> String {
    let mut out = String::from("<form id=\"filters\">\n<fieldset><legend>Kinds</legend>\n");
    for k in kinds(events) {
        let (color, _) = edge_style(k);
        let _ = writeln!(
            out,
            "<label><input type=\"checkbox\" name=\"kind\" value=\"{k}\" checked> <span style=\"color:{color}\">{k}</span></label>"
        );
    }
    out.push_str(
        "</fieldset>\n<label>From <input type=\"date\" id=\"since\"></label>\n\
         <label>to <input type=\"date\" id=\"until\"></label>\n<p id=\"count\"></p>\n</form>\n",
    );
    out
}

/// The table of statements: date, source, kind, target, sentence, article.
fn table(events: &[Event]) -> String {
    let mut out = String::from(
        "<table id=\"statements\">\n<thead><tr><th>Date</th><th>Source</th><th>Kind</th>\
         <th>Target</th><th>Sentence</th><th>Article</th></tr></thead>\n<tbody>\n",
    );
    for e in events {
        let date = e.date.map(|d| d.to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr data-kind=\"{k}\" data-date=\"{date}\"><td class=\"date\">{date}</td><td>{}</td><td>{k}</td>\
             <td>{}</td><td class=\"sentence\">{}</td><td>{}</td></tr>",
            escape(&e.source_name),
            escape(&e.target_name),
            escape(&e.sentence),
            escape(&e.article),
            k = e.kind,
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// A month as `(year, month)`.
type Month = (i32, u8);

/// The month after `m`.
fn next(m: Month) -> Month {
    if m.1 == 12 {
        (m.0 + 1, 1)
    } else {
        (m.0, m.1 + 1)
    }
}

/// Statements per month and kind, split cooperation / conflict: every month
/// from the first dated statement's to the last's, empty ones included.
type Counts = BTreeMap<Month, BTreeMap<(bool, EdgeKind), u32>>;

/// The counts the chart draws.
fn counts(events: &[Event]) -> Counts {
    let mut by: Counts = BTreeMap::new();
    for e in events {
        if let Some(d) = e.date {
            *by.entry((d.year, d.month))
                .or_default()
                .entry((is_conflict(e), e.kind))
                .or_default() += 1;
        }
    }
    if let (Some(&first), Some(&last)) = (by.keys().next(), by.keys().next_back()) {
        let mut m = first;
        while m < last {
            m = next(m);
            by.entry(m).or_default();
        }
    }
    by
}

/// The chart of statements per month as inline SVG, with its legend.
fn chart(events: &[Event]) -> String {
    let by = counts(events);
    if by.is_empty() {
        return "<p>No dated statement.</p>\n".to_string();
    }
    let total = |m: &BTreeMap<(bool, EdgeKind), u32>, conflict: bool| -> u32 {
        m.iter()
            .filter(|((c, _), _)| *c == conflict)
            .map(|(_, n)| n)
            .sum()
    };
    let up = by.values().map(|m| total(m, false)).max().unwrap_or(0);
    let down = by.values().map(|m| total(m, true)).max().unwrap_or(0);
    let bar = (720 / by.len()).clamp(3, 24) as u32;
    let (left, top, plot) = (40u32, 10u32, 200u32);
    let unit = plot as f64 / (up + down).max(1) as f64;
    let axis = top as f64 + up as f64 * unit;
    let width = left + bar * by.len() as u32 + 10;
    let mut out = format!(
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{}\" \
         viewBox=\"0 0 {width} {}\" font-family=\"Helvetica\" font-size=\"10\">\n",
        top + plot + 30,
        top + plot + 30
    );
    let mut labelled = left;
    for (i, (m, c)) in by.iter().enumerate() {
        let x = left + bar * i as u32;
        out.push_str(&month_bars(*m, c, x, bar, axis, unit));
        // a year's label at each January, unless too near the one before
        if i == 0 || (m.1 == 1 && x >= labelled + 40) {
            labelled = x;
            let label = match i {
                0 => format!("{:04}-{:02}", m.0, m.1),
                _ => m.0.to_string(),
            };
            let _ = writeln!(
                out,
                "<text x=\"{x}\" y=\"{}\">{label}</text>",
                top + plot + 20
            );
        }
    }
    let _ = writeln!(
        out,
        "<line x1=\"{left}\" y1=\"{axis:.1}\" x2=\"{width}\" y2=\"{axis:.1}\" stroke=\"#333\"/>\n\
         <text x=\"0\" y=\"{}\">+{up}</text>",
        top + 8
    );
    if down > 0 {
        let _ = writeln!(out, "<text x=\"0\" y=\"{}\">−{down}</text>", top + plot);
    }
    out.push_str("</svg>\n");
    out.push_str(&chart_legend(events));
    out
}

/// One month's bars: cooperation kinds stacked up from the axis, conflict down.
fn month_bars(
    m: Month,
    c: &BTreeMap<(bool, EdgeKind), u32>,
    x: u32,
    bar: u32,
    axis: f64,
    unit: f64,
) -> String {
    let mut out = String::new();
    let (mut above, mut below) = (axis, axis);
    for (&(conflict, kind), &n) in c {
        let h = n as f64 * unit;
        let y = if conflict {
            below += h;
            below - h
        } else {
            above -= h;
            above
        };
        let side = if conflict { "conflict" } else { "cooperation" };
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"{y:.1}\" width=\"{}\" height=\"{h:.1}\" fill=\"{}\"><title>{:04}-{:02} {kind} ({side}): {n}</title></rect>",
            bar.saturating_sub(1).max(1),
            edge_style(kind).0,
            m.0,
            m.1
        );
    }
    out
}

/// The chart's legend (the kinds' colours) and how many statements it leaves out for want of a date.
fn chart_legend(events: &[Event]) -> String {
    let mut out = String::from("<p class=\"legend\">");
    for k in kinds(events) {
        let _ = write!(
            out,
            "<span><i style=\"background:{}\"></i>{k}</span>",
            edge_style(k).0
        );
    }
    out.push_str("cooperation above the axis, conflict below.");
    let undated = events.iter().filter(|e| e.date.is_none()).count();
    if undated > 0 {
        let _ = write!(out, " {undated} statement(s) without a date are not drawn.");
    }
    out.push_str("</p>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert(\"x\")</script> & 'y'"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;y&apos;"
        );
    }

    /// A statement of `kind` on `date` weighing `goldstein`.
    fn event(kind: EdgeKind, date: &str, goldstein: f64) -> Event {
        Event {
            date: date.parse().ok(),
            source: "country:a".into(),
            source_name: "A".into(),
            source_iso3: None,
            target: "country:b".into(),
            target_name: "B".into(),
            target_iso3: None,
            kind,
            cameo: String::new(),
            goldstein: Some(goldstein),
            speaker: None,
            place: None,
            planned: false,
            article: "x".into(),
            outlet: None,
            url: None,
            sentence_index: 0,
            start: 0,
            end: 0,
            sentence: String::new(),
            topics: Vec::new(),
            copies: Vec::new(),
        }
    }

    /// The (kind, top, bottom) of each bar of a chart.
    fn bars(svg: &str) -> Vec<(String, f64, f64)> {
        svg.lines()
            .filter(|l| l.starts_with("<rect"))
            .map(|l| {
                let num = |a: &str| -> f64 {
                    let v = l.split(&format!(" {a}=\"")).nth(1).unwrap();
                    v[..v.find('"').unwrap()].parse().unwrap()
                };
                let kind = l
                    .split("<title>")
                    .nth(1)
                    .unwrap()
                    .split(' ')
                    .nth(1)
                    .unwrap();
                (kind.to_string(), num("y"), num("y") + num("height"))
            })
            .collect()
    }

    #[test]
    fn cooperation_above_the_axis_conflict_below() {
        let events = [
            event(EdgeKind::Meeting, "2023-01-05", 1.0),
            event(EdgeKind::Meeting, "2023-01-06", 1.0),
            event(EdgeKind::Criticism, "2023-01-07", -2.0),
            event(EdgeKind::Commitment, "2023-03-01", 4.0),
            event(EdgeKind::Commitment, "2023-03-02", -1.0),
        ];
        assert!(is_conflict(&events[2]) && is_conflict(&events[4]));
        let svg = chart(&events);
        let axis: f64 = {
            let l = svg.lines().find(|l| l.starts_with("<line")).unwrap();
            let v = l.split(" y1=\"").nth(1).unwrap();
            v[..v.find('"').unwrap()].parse().unwrap()
        };
        let b = bars(&svg);
        assert_eq!(b.len(), 4, "a bar per month, kind and side: {svg}");
        for (kind, top, bottom) in &b {
            assert!(*top >= axis - 0.1 || *bottom <= axis + 0.1, "{kind}: {svg}");
        }
        let below: Vec<&str> = b
            .iter()
            .filter(|r| r.1 >= axis - 0.1)
            .map(|r| r.0.as_str())
            .collect();
        assert_eq!(below, ["Criticism", "Commitment"]);
        // February has no statement and still has its place
        assert_eq!(counts(&events).len(), 3);
        // twice the statements, twice the height
        let meeting = &b[0];
        let commitment_up = &b[2];
        assert!((meeting.2 - meeting.1 - 2.0 * (commitment_up.2 - commitment_up.1)).abs() < 0.2);
    }

    #[test]
    fn months_run_without_gaps() {
        assert_eq!(next((2023, 12)), (2024, 1));
        assert_eq!(next((2023, 5)), (2023, 6));
    }
}
