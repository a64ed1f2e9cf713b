//! CLI tests of what an analyst does with the graph: the country view
//! (`--level`), dyad tables, lookups by code and alias, event rows, `why`.

use crate::common::Built;

/// Sanctions news: a state body (the US Treasury) and two ministers.
const SANCTIONS: &str = " date 2018-08-03 Sanctions\nThe US Treasury criticised Turkey on Friday. \
Turkish Foreign Minister Mevlut Cavusoglu met Chinese Foreign Minister Wang Yi in Ankara on Thursday. \
Turkey criticised the United States.\n";

/// A graph built from articles written by the test: `(file name, text)`.
fn graph_of(articles: &[(&str, &str)]) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("articles");
    std::fs::create_dir(&src).unwrap();
    for (name, text) in articles {
        std::fs::write(src.join(name), text).unwrap();
    }
    let graph = dir.path().join("g.ron");
    crate::common::build_into(&graph, &src);
    Built { dir, graph }
}

/// The names of the rows of a JSON list.
fn names(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn neighbors_of_a_country_count_people_and_state_bodies_for_their_state() {
    let b = graph_of(&[("a.txt", SANCTIONS)]);
    let v = b.json(&["neighbors", "Turkey"]);
    assert_eq!(names(&v), ["United States", "China", "Ankara"], "{v}");
    // the Treasury's criticism and Turkey's own, both ways
    assert_eq!(v[0]["edges"]["Criticism"], 3, "{v}");
    assert_eq!(v[1]["edges"]["Meeting"], 1, "{v}");
    let written = names(&b.json(&["neighbors", "Turkey", "--level", "written"]));
    assert!(written.contains(&"US Treasury".to_string()), "{written:?}");
    assert!(
        written.contains(&"Mevlut Cavusoglu".to_string()),
        "{written:?}"
    );
    // a person's neighbors stay as written unless asked
    let wang = names(&b.json(&["neighbors", "Wang Yi"]));
    assert!(wang.contains(&"Mevlut Cavusoglu".to_string()), "{wang:?}");
    let lifted = names(&b.json(&["neighbors", "Wang Yi", "--level", "country"]));
    assert_eq!(lifted, ["Turkey"], "China's view: {lifted:?}");
}

#[test]
fn entities_and_stats_at_country_level_merge_people_into_their_state() {
    let b = graph_of(&[("a.txt", SANCTIONS)]);
    let rows = b.json(&["entities", "--level", "country"]);
    let all = names(&rows);
    assert!(!all.contains(&"Wang Yi".to_string()) && !all.contains(&"US Treasury".to_string()));
    let us = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "United States")
        .unwrap();
    assert_eq!(us["statements"], 3, "{us}");
    let st = b.json(&["stats", "--level", "country"]);
    assert_eq!(st["strongest"][0]["weight"], 2, "{st}");
    assert_eq!(
        st["entities_by_kind"]["Person"],
        serde_json::Value::Null,
        "{st}"
    );
    let written = b.json(&["stats"]);
    assert_eq!(written["entities_by_kind"]["Person"], 2, "{written}");
}

#[test]
fn dyads_list_country_pairs_by_kind_with_people_lifted() {
    let b = graph_of(&[("a.txt", SANCTIONS)]);
    let v = b.json(&["dyads"]);
    let rows: Vec<(String, String, String, u64)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            (
                s("source_code"),
                s("target_code"),
                s("kind"),
                r["statements"].as_u64().unwrap(),
            )
        })
        .collect();
    let row = |s: &str, t: &str, k: &str, n: u64| (s.into(), t.into(), k.into(), n);
    // the Treasury's criticism is the United States'
    let us_tur = rows
        .iter()
        .find(|r| (r.0.as_str(), r.1.as_str(), r.2.as_str()) == ("USA", "TUR", "Criticism"));
    let written = b.json(&[
        "neighbors",
        "Turkey",
        "--level",
        "written",
        "--kind",
        "criticism",
        "--direction",
        "in",
    ]);
    let sum: u64 = written
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["name"] != "Turkey")
        .map(|r| r["edges"]["Criticism"].as_u64().unwrap())
        .sum();
    assert_eq!(us_tur.map(|r| r.3), Some(sum), "{rows:?} {written}");
    assert!(
        rows.contains(&row("TUR", "USA", "Criticism", 1)),
        "{rows:?}"
    );
    assert!(rows.contains(&row("CHN", "TUR", "Visit", 1)), "{rows:?}");
    assert!(rows.iter().any(|r| r.2 == "Meeting"), "{rows:?}");
    let (code, csv, _) = b.out(&["dyads", "--csv", "--kind", "CRITICISM"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].starts_with("source,source_name,source_code,target"),
        "{csv}"
    );
    assert_eq!(lines.len(), 3, "{csv}");
    assert_eq!(
        b.out(&["dyads", "--limit", "1", "--csv"]).1.lines().count(),
        2
    );
    let (code, _, _) = b.out(&["dyads", "--kind", "praise"]);
    assert_eq!(code, 1, "no dyad: nothing found");
}

#[test]
fn dates_take_a_year_or_a_month_and_empty_ranges_are_errors() {
    let b = graph_of(&[("a.txt", SANCTIONS)]);
    let count = |args: &[&str]| {
        b.json(&[&["dyads"], args].concat())
            .as_array()
            .unwrap()
            .len()
    };
    let all = count(&[]);
    assert_eq!(count(&["--since", "2018", "--until", "2018"]), all);
    assert_eq!(count(&["--since", "2018-08", "--until", "2018-08"]), all);
    assert_eq!(b.out(&["dyads", "--until", "2018-07"]).0, 1);
    assert_eq!(b.out(&["dyads", "--since", "2018-09"]).0, 1);
    let (code, _, err) = b.out(&["dyads", "--since", "2019", "--until", "2018"]);
    assert_eq!(code, 2);
    assert!(err.contains("after --until"), "{err}");
    let (code, _, err) = b.out(&["neighbors", "Turkey", "--depth", "0"]);
    assert_eq!(code, 2);
    assert!(err.contains("--depth 0"), "{err}");
    let (code, _, err) = b.out(&["dyads", "--since", "2018-13"]);
    assert_eq!(code, 2);
    assert!(err.contains("YYYY-MM"), "{err}");
    assert_eq!(b.out(&["neighbors", "Turkey", "--kind", "Meeting"]).0, 0);
}

#[test]
fn codes_and_lexicon_names_find_countries_and_ambiguous_names_say_so() {
    let b = crate::common::seed_graph();
    for name in ["CHN", "PRC", "People's Republic of China", "Mainland China"] {
        assert_eq!(b.json(&["show", name])["id"], "country:china", "{name}");
    }
    assert_eq!(b.json(&["show", "PAK"])["id"], "country:pakistan");
    // a code is written in capitals: "Pak" is a prefix to suggest from
    assert_eq!(b.out(&["show", "Pak"]).0, 1);
    // Islamabad is a place of the graph and Pakistan's capital
    let (code, out, err) = b.out(&["neighbors", "Islamabad"]);
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("ambiguous")
            && err.contains("place:islamabad")
            && err.contains("country:pakistan"),
        "{err}"
    );
    assert_eq!(b.out(&["neighbors", "place:islamabad"]).0, 0);
    let (_, out, _) = b.out(&["entities", "--kind", "country", "--limit", "1"]);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.lines().nth(1).unwrap().ends_with("country:pakistan"),
        "{out}"
    );
    let rows = b.json(&[
        "neighbors",
        "Pakistan",
        "--level",
        "written",
        "--limit",
        "2",
    ]);
    assert_eq!(rows.as_array().unwrap().len(), 2);
}

#[test]
fn a_country_the_graph_lacks_is_no_match_for_its_lexicon_name() {
    let b = graph_of(&[("a.txt", SANCTIONS)]);
    assert_eq!(b.json(&["show", "America"])["id"], "country:united-states");
    assert_eq!(b.json(&["show", "USA"])["id"], "country:united-states");
    let (code, _, err) = b.out(&["show", "FRA"]);
    assert_eq!(code, 1, "{err}");
}

#[test]
fn events_are_one_row_per_statement_with_state_codes_and_goldstein_weights() {
    let b = crate::common::seed_graph();
    let (code, jsonl, err) = b.out(&["events", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // every statement of an event edge is a row
    let st = b.json(&["stats"]);
    let n = rows.len() as u64; // Role and LocatedIn statements are no events
    assert!(n > 10 && n < st["statements"].as_u64().unwrap());
    let qin = rows
        .iter()
        .find(|r| r["source"] == "person:qin-gang" || r["target"] == "person:qin-gang")
        .expect("a statement of Qin Gang");
    let side = if qin["source"] == "person:qin-gang" {
        "source_iso3"
    } else {
        "target_iso3"
    };
    assert_eq!(qin[side], "CHN", "{qin}");
    for r in &rows {
        let span = r["end"].as_u64().unwrap() - r["start"].as_u64().unwrap();
        assert_eq!(span as usize, r["sentence"].as_str().unwrap().len(), "{r}");
        if r["cameo"] == "030" {
            assert_eq!(r["goldstein"], 4.0, "{r}");
        }
    }
    let (_, csv, _) = b.out(&["events", "--kind", "meeting"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].starts_with("date,source,source_name,source_iso3,target"),
        "{csv}"
    );
    let meetings = rows.iter().filter(|r| r["kind"] == "Meeting").count();
    assert_eq!(lines.len(), meetings + 1, "{csv}");
    let (_, tsv, _) = b.out(&["events", "--format", "tsv", "--limit", "2"]);
    assert_eq!(tsv.lines().count(), 3);
    assert!(tsv.lines().all(|l| l.split('\t').count() == 22), "{tsv}");
}

#[test]
fn why_lists_each_edge_between_two_sides_with_its_full_sentences() {
    let b = crate::common::seed_graph();
    let v = b.json(&["why", "China", "Pakistan", "--kind", "visit"]);
    let rows = v.as_array().unwrap();
    // Qin Gang's visit counts for China, both ways are looked at
    assert!(
        rows.iter()
            .any(|r| r["source"]["id"] == "person:qin-gang"
                && r["target"]["id"] == "country:pakistan"),
        "{v}"
    );
    for r in rows {
        assert_eq!(r["kind"], "Visit");
        for s in r["sentences"].as_array().unwrap() {
            let text = s["sentence"].as_str().unwrap();
            assert_eq!(
                s["end"].as_u64().unwrap() - s["start"].as_u64().unwrap(),
                text.len() as u64
            );
            assert_eq!(s["article"], "000_186ee53d8d80909e");
        }
    }
    // two people: their own edges only
    let people = b.json(&["why", "Qin Gang", "Arif Alvi"]);
    assert!(
        people
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["kind"] == "Meeting"),
        "{people}"
    );
    let (code, out, _) = b.out(&["why", "China", "Pakistan", "--kind", "meeting"]);
    assert_eq!(code, 0);
    // the text prints whole sentences, past 160 characters
    assert!(out.lines().any(|l| l.chars().count() > 200), "{out}");
    assert_eq!(b.out(&["why", "Qin Gang", "Afghanistan"]).0, 1);
}

#[test]
fn full_prints_whole_sentences_and_json_statements_carry_ids_and_spans() {
    let b = crate::common::seed_graph();
    let longest = |out: &str| {
        let quoted = out.lines().filter(|l| l.trim_start().starts_with('“'));
        quoted.map(|l| l.chars().count()).max().unwrap_or(0)
    };
    let (_, cut, _) = b.out(&["between", "China", "Pakistan"]);
    let (_, full, _) = b.out(&["between", "China", "Pakistan", "--full"]);
    assert!(longest(&cut) < 200 && longest(&full) > 200, "{full}");
    let (_, full, _) = b.out(&["timeline", "China", "--full"]);
    assert!(longest(&full) > 200, "{full}");
    let v = b.json(&["between", "China", "Pakistan"]);
    for s in v["statements"].as_array().unwrap() {
        assert!(s["source_id"].as_str().unwrap().contains(':'), "{s}");
        assert!(s["target_id"].as_str().unwrap().contains(':'), "{s}");
        let span = s["end"].as_u64().unwrap() - s["start"].as_u64().unwrap();
        assert_eq!(span as usize, s["sentence"].as_str().unwrap().len(), "{s}");
        assert!(s["sentence_index"].is_u64(), "{s}");
    }
    let rows = b.json(&["timeline", "China", "--limit", "3"]);
    assert_eq!(rows.as_array().unwrap().len(), 3);
    let steps = b.json(&["path", "Qin Gang", "Arif Alvi"]);
    assert_eq!(steps[0]["source_id"], "person:arif-alvi", "{steps}");
    assert_eq!(steps[0]["article"], "000_186ee53d8d80909e", "{steps}");
}

#[test]
fn timeline_by_period_counts_statements_per_kind() {
    let b = crate::common::seed_graph();
    let listed = b.json(&["timeline", "China", "Pakistan"]);
    let months = b.json(&["timeline", "China", "Pakistan", "--by", "month"]);
    let months = months.as_array().unwrap();
    let total: u64 = months.iter().map(|m| m["total"].as_u64().unwrap()).sum();
    assert_eq!(total as usize, listed.as_array().unwrap().len());
    assert_eq!(months[0]["period"], "2023-05", "{months:?}");
    let years = b.json(&["timeline", "China", "Pakistan", "--by", "year"]);
    assert_eq!(years[0]["period"], "2023");
    assert_eq!(years[0]["total"], months[0]["total"]);
    let (code, csv, _) = b.out(&["timeline", "China", "Pakistan", "--by", "year", "--csv"]);
    assert_eq!(code, 0);
    assert_eq!(csv.lines().next(), Some("period,kind,statements"));
    let meetings = years[0]["counts"]["Meeting"].as_u64().unwrap();
    assert!(csv.contains(&format!("2023,Meeting,{meetings}\n")), "{csv}");
    let (_, text, _) = b.out(&["timeline", "China", "Pakistan", "--by", "year"]);
    assert!(
        text.starts_with("2023") && text.contains("Meeting"),
        "{text}"
    );
}

#[test]
fn export_at_country_level_merges_people_into_their_state() {
    let b = crate::common::seed_graph();
    let (code, out, err) = b.out(&["export", "--format", "json", "--level", "country"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(
        !ids.contains(&"person:qin-gang") && ids.contains(&"country:china"),
        "{ids:?}"
    );
    let meeting = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "Meeting")
        .expect("the ministers' meeting, lifted");
    assert_eq!(
        (meeting["source"].as_str(), meeting["target"].as_str()),
        (Some("country:china"), Some("country:pakistan"))
    );
    let (_, written, _) = b.out(&["export", "--format", "json"]);
    assert!(written.contains("person:qin-gang"));
}

#[test]
fn between_counts_state_bodies_for_their_state_as_dyads_do() {
    let b = graph_of(&[("a.txt", SANCTIONS)]);
    let v = b.json(&["between", "Turkey", "United States"]);
    let sources: Vec<&str> = v["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["source_id"].as_str().unwrap())
        .collect();
    assert!(sources.contains(&"organization:us-treasury"), "{v}");
    let us_to_turkey = v["balance"]["criticism"]["b_to_a"].as_u64().unwrap();
    let dyads = b.json(&["dyads", "--kind", "criticism"]);
    let row = dyads
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["source_code"] == "USA")
        .unwrap();
    assert_eq!(
        row["statements"].as_u64(),
        Some(us_to_turkey),
        "{v}\n{dyads}"
    );
}

#[test]
fn timeline_of_two_sides_holds_what_between_holds() {
    let b = graph_of(&[("a.txt", SANCTIONS)]);
    let between = b.json(&["between", "Turkey", "United States"]);
    let timeline = b.json(&["timeline", "Turkey", "United States"]);
    assert_eq!(
        timeline.as_array().unwrap().len(),
        between["statements"].as_array().unwrap().len()
    );
}

/// `explain` says which frame and CAMEO code each cue takes its agent and
/// partner by: a verb's subject, a noun's possessor, the host of a guest.
#[test]
fn explain_names_the_frame_and_code_of_each_cue() {
    let text = " date 2018-08-06 Row\nThe row grew over Swedish criticism of Saudi Arabia. \
Kenyan President William Ruto received Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday.\n";
    let b = graph_of(&[("row.txt", text)]);
    let file = b.dir.path().join("articles").join("row.txt");
    let (code, out, err) = b.out(&["explain", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("cue \"criticism of\" Criticism (frame Nominal, CAMEO 111)"),
        "{out}"
    );
    assert!(out.contains("(frame Subject, CAMEO 043)"), "{out}");
    assert!(out.contains("-Criticism-> Saudi Arabia"), "{out}");
}
