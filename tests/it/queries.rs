//! CLI tests of the queries (`neighbors`, `between`, `path`, `timeline`, `show`,
//! `entities`, `stats`, `completions`) on graphs built from the seed and dev articles.

use crate::common::{dev_graph, seed_graph, ties};

#[test]
fn any_alias_finds_an_entity_ignoring_case_and_the() {
    let b = seed_graph();
    for name in ["China", "china", "The China", "country:china", "Chinese"] {
        let v = b.json(&["show", name]);
        assert_eq!(v["id"], "country:china", "{name}");
    }
    assert_eq!(b.json(&["show", "qin"])["id"], "person:qin-gang");
}

#[test]
fn unknown_name_exits_1_with_suggestions() {
    let b = seed_graph();
    for cmd in [
        vec!["show", "Pakistn"],
        vec!["neighbors", "Pakistn"],
        vec!["between", "China", "Pakistn"],
    ] {
        let (code, out, err) = b.out(&cmd);
        assert_eq!(code, 1, "{cmd:?}");
        assert!(out.is_empty());
        assert!(
            err.contains("did you mean") && err.contains("Pakistan"),
            "{err}"
        );
    }
}

#[test]
fn missing_graph_file_and_bad_flags_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("none.ron");
    let o = ties(&["--graph", g.to_str().unwrap(), "stats"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("ties build"));
    let b = seed_graph();
    assert_eq!(
        b.out(&["neighbors", "China", "--direction", "sideways"]).0,
        2
    );
    assert_eq!(b.out(&["neighbors", "China", "--since", "May 2023"]).0, 2);
    assert_eq!(b.out(&["entities", "--sort", "size"]).0, 2);
}

#[test]
fn show_lists_code_aliases_roles_degree_and_articles() {
    let b = seed_graph();
    let v = b.json(&["show", "Qin Gang"]);
    assert_eq!(v["kind"], "Person");
    assert_eq!(v["roles"][0]["of"]["id"], "country:china");
    assert!(v["roles"][0]["role"]
        .as_str()
        .unwrap()
        .contains("Foreign Minister"));
    assert_eq!(v["articles"][0]["id"], "000_186ee53d8d80909e");
    assert_eq!(v["articles"][0]["date"], "2023-05-06");
    let china = b.json(&["show", "China"]);
    assert_eq!(china["code"], "CHN");
    assert!(china["members"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["name"] == "Qin Gang"));
    let total: u64 = china["degree"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert!(total >= 3, "{china}");
    let (code, out, _) = b.out(&["show", "china"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("China (Country, country:china)"), "{out}");
    assert!(
        out.contains("code:       CHN") && out.contains("Qin Gang"),
        "{out}"
    );
}

#[test]
fn entities_filter_by_kind_and_sort() {
    let b = seed_graph();
    let rows = b.json(&["entities", "--kind", "country"]);
    let rows = rows.as_array().unwrap();
    assert!(rows.iter().all(|r| r["kind"] == "Country"));
    let degrees: Vec<u64> = rows.iter().map(|r| r["degree"].as_u64().unwrap()).collect();
    assert!(
        degrees.windows(2).all(|w| w[0] >= w[1]),
        "most connected first: {degrees:?}"
    );
    assert!(rows.iter().any(|r| r["id"] == "country:pakistan"));
    let by_name = b.json(&["entities", "--sort", "name"]);
    let names: Vec<String> = by_name
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_lowercase())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    let (code, out, _) = b.out(&["entities", "--kind", "person,country"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("NAME") && out.contains("Qin Gang") && !out.contains("Islamabad"),
        "{out}"
    );
}

#[test]
fn stats_counts_kinds_dates_and_most_connected() {
    let b = seed_graph();
    let v = b.json(&["stats"]);
    assert_eq!(v["articles"], 1);
    assert_eq!(v["first_date"], "2023-05-06");
    assert_eq!(v["last_date"], "2023-05-06");
    let by_kind: u64 = v["entities_by_kind"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(Some(by_kind), v["entities"].as_u64());
    let top = &v["most_connected"][0];
    assert!(top["name"] == "China" || top["name"] == "Pakistan", "{top}");
    let (code, out, _) = b.out(&["stats", "--top", "3"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("most connected:") && out.contains("from 2023-05-06 to 2023-05-06"),
        "{out}"
    );
}

#[test]
fn neighbors_respect_kind_direction_depth_and_dates() {
    let b = seed_graph();
    let all = b.json(&["neighbors", "China"]);
    let all = all.as_array().unwrap();
    assert!(all.iter().any(|n| n["id"] == "country:pakistan"));
    let roles = b.json(&["neighbors", "China", "--kind", "role"]);
    for n in roles.as_array().unwrap() {
        assert_eq!(n["kind"], "Person");
        assert!(n["edges"].get("Role").is_some());
    }
    // Role edges go from the person to the country: none leave China
    let (code, _, _) = b.out(&["neighbors", "China", "--kind", "role", "--direction", "out"]);
    assert_eq!(code, 1, "nothing found exits 1");
    let deep = b.json(&["neighbors", "Qin Gang", "--depth", "2"]);
    assert!(deep.as_array().unwrap().iter().any(|n| n["depth"] == 2));
    assert!(
        deep.as_array().unwrap().len()
            > b.json(&["neighbors", "Qin Gang"]).as_array().unwrap().len()
    );
    assert_eq!(
        b.out(&[
            "neighbors",
            "China",
            "--since",
            "2024-01-01",
            "--kind",
            "commitment"
        ])
        .0,
        1
    );
    assert_eq!(
        b.out(&[
            "neighbors",
            "China",
            "--until",
            "2023-05-06",
            "--kind",
            "commitment"
        ])
        .0,
        0
    );
}

#[test]
fn between_counts_people_for_their_side() {
    let b = seed_graph();
    let v = b.json(&["between", "china", "pakistan"]);
    assert_eq!(v["a"]["id"], "country:china");
    let st = v["statements"].as_array().unwrap();
    // Qin Gang holds a role for China: his visit and meeting count for it
    assert!(
        st.iter()
            .any(|s| s["source"] == "Qin Gang" && s["kind"] == "Visit"),
        "{v}"
    );
    assert!(st
        .iter()
        .all(|s| !s["sentence"].as_str().unwrap().is_empty()));
    let c = &v["balance"]["commitments"];
    let commitments = st.iter().filter(|s| s["kind"] == "Commitment").count() as u64;
    assert_eq!(
        c["a_to_b"].as_u64().unwrap() + c["b_to_a"].as_u64().unwrap(),
        commitments
    );
    let (code, out, _) = b.out(&["between", "China", "Pakistan"]);
    assert_eq!(code, 0);
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("China ↔ Pakistan: meetings"), "{first}");
    assert!(
        out.contains("\nVisit (") && out.contains("\nCommitment ("),
        "grouped by kind: {out}"
    );
}

#[test]
fn path_and_timeline() {
    let Some(b) = dev_graph() else { return };
    let steps = b.json(&["path", "Qin Gang", "Narendra Modi"]);
    let steps = steps.as_array().unwrap();
    assert!(!steps.is_empty());
    assert!(steps
        .iter()
        .all(|s| !s["sentence"].as_str().unwrap().is_empty()));
    let (code, out, _) = b.out(&["path", "Qin", "Modi"]);
    assert_eq!(code, 0);
    assert!(out.contains("Narendra Modi") && out.contains('“'), "{out}");
    let tl = b.json(&["timeline", "China"]);
    let dates: Vec<&str> = tl
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["date"].as_str())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "date order");
    assert!(dates.first() < dates.last(), "several dates: {dates:?}");
    let pair = b.json(&["timeline", "India", "Pakistan"]);
    let pair = pair.as_array().unwrap();
    assert!(
        !pair.is_empty()
            && pair
                .iter()
                .all(|s| s["date"].as_str().unwrap().starts_with("2016-11"))
    );
    // Syed Haider Shah holds a role for Pakistan: what India said to him counts
    assert!(pair.iter().any(|s| s["target"] == "Syed Haider Shah"));
    let (code, _, err) = b.out(&["path", "China", "Chinese"]);
    assert_eq!(code, 2, "one entity under two names is no path: {err}");
    // Myanmar only appears, and has no edge: no path, exit 1
    let (code, _, err) = b.out(&["path", "Myanmar", "India"]);
    assert_eq!(code, 1, "{err}");
}

#[test]
fn completions_for_each_shell() {
    for (shell, mark) in [
        ("bash", "_ties()"),
        ("zsh", "#compdef ties"),
        ("fish", "complete -c ties"),
    ] {
        let o = ties(&["completions", shell]);
        assert!(o.status.success());
        let s = String::from_utf8_lossy(&o.stdout);
        assert!(
            s.contains(mark) && s.contains("neighbors") && s.contains("graphml"),
            "{shell}"
        );
    }
    assert_eq!(ties(&["completions", "cmd.exe"]).status.code(), Some(2));
}

#[test]
fn suggestions_know_initials_prefixes_and_codes() {
    let Some(b) = dev_graph() else { return };
    // a code or a name the lexicon gives a country finds it
    for typed in ["the UK", "GBR"] {
        assert_eq!(b.json(&["show", typed])["id"], "country:united-kingdom");
    }
    for (typed, meant) in [("Pak", "Pakistan"), ("Modhi", "Narendra Modi")] {
        // `show` loads the graph, `neighbors` and `between` only its skeleton
        for cmd in [
            vec!["show", typed],
            vec!["neighbors", typed],
            vec!["between", "China", typed],
        ] {
            let (code, _, err) = b.out(&cmd);
            assert_eq!(code, 1);
            let first = err.split("did you mean ").nth(1).unwrap_or_default();
            assert!(first.starts_with(meant), "{cmd:?}: {err}");
        }
    }
}

/// `between`, `timeline` and `show` read only the edges around their entities from
/// the cache; they must print what the whole graph gives.
#[test]
fn between_and_timeline_from_the_cache_match_the_whole_graph() {
    use ties::query::{self, Filter};
    let Some(b) = crate::common::dev_corpus_graph() else {
        return;
    };
    assert!(
        ties::store::read_skeleton(&b.graph).is_some(),
        "the build wrote a cache"
    );
    let g = ties::Graph::load_ron(&b.graph).unwrap();
    let mut countries: Vec<_> = g
        .nodes()
        .into_iter()
        .filter(|&n| g.node(n).kind == ties::EntityKind::Country)
        .collect();
    countries.sort_by_key(|&n| std::cmp::Reverse(g.degree(n)));
    countries.truncate(6);
    let ids: Vec<&str> = countries.iter().map(|&n| g.node(n).id.as_str()).collect();
    let part =
        ties::store::read_around(&b.graph, &ids[..2], false).expect("the cache serves a part");
    assert!(
        part.edge_count() < g.edge_count(),
        "only the edges around them"
    );
    // stats and entities come from the cache's skeleton alone
    let want = serde_json::to_value(query::stats(&g, 10)).unwrap();
    assert_eq!(b.json(&["stats", "--top", "10"]), want);
    let want = serde_json::to_value(query::entities(&g, &[], query::Sort::Degree)).unwrap();
    assert_eq!(b.json(&["entities"]), want);
    let f = Filter::default();
    // `between` counts state bodies for their state, as the lexicon gives them
    let lex = ties::Lexicon::builtin().unwrap();
    let lift = query::Lift::new(&g, &query::StateBodies::new(lex.state_body_names()));
    let mut compared = 0;
    for &x in &countries {
        let xid = g.node(x).id.as_str();
        let want = serde_json::to_value(query::timeline(&g, x, None, &f)).unwrap();
        assert_eq!(b.json(&["timeline", xid]), want, "timeline {xid}");
        let want = serde_json::to_value(query::show(&g, x)).unwrap();
        assert_eq!(b.json(&["show", xid]), want, "show {xid}");
        for &y in &countries {
            if x == y {
                continue;
            }
            let yid = g.node(y).id.as_str();
            let want = serde_json::to_value(query::bilateral_at(&g, x, y, &f, &lift)).unwrap();
            let (code, out, err) = b.out(&["between", xid, yid, "--json"]);
            assert!(code == 0 || code == 1, "{err}");
            let got: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(got, want, "between {xid} {yid}");
            compared += 1;
        }
    }
    assert_eq!(compared, 30);
}

/// `path` searches the skeleton and reads only the edges of the path it finds;
/// it must print what a search of the whole graph gives, filters included.
#[test]
fn a_path_from_the_skeleton_matches_the_whole_graph() {
    use ties::query::{self, Filter};
    use ties::EdgeKind;
    let Some(b) = crate::common::dev_corpus_graph() else {
        return;
    };
    let g = ties::Graph::load_ron(&b.graph).unwrap();
    let mut ends: Vec<_> = g.nodes();
    ends.sort_by_key(|&n| (std::cmp::Reverse(g.degree(n)), g.node(n).id.clone()));
    // the most connected entities and a few of the least
    let ends: Vec<_> = ends
        .iter()
        .take(6)
        .chain(ends.iter().rev().take(3))
        .copied()
        .collect();
    let filters = [
        (Filter::default(), vec![]),
        (
            Filter {
                kinds: vec![EdgeKind::Meeting, EdgeKind::Visit],
                ..Filter::default()
            },
            vec!["--kind", "meeting,visit"],
        ),
        (
            Filter {
                since: ties::Date::parse_iso("2019-01-01"),
                ..Filter::default()
            },
            vec!["--since", "2019-01-01"],
        ),
    ];
    let (mut found, mut none) = (0, 0);
    for (f, flags) in &filters {
        for &x in &ends {
            for &y in &ends {
                if x == y {
                    continue;
                }
                let (xid, yid) = (g.node(x).id.as_str(), g.node(y).id.as_str());
                let args = [&["path", xid, yid, "--json"][..], flags].concat();
                let (code, out, err) = b.out(&args);
                match query::path(&g, x, y, f) {
                    Some(steps) => {
                        assert_eq!(code, 0, "{args:?}: {err}");
                        let got: serde_json::Value = serde_json::from_str(&out).unwrap();
                        assert_eq!(got, serde_json::to_value(steps).unwrap(), "{args:?}");
                        found += 1;
                    }
                    None => {
                        assert_eq!(code, 1, "{args:?}: {out}");
                        assert!(err.contains("no path between"), "{err}");
                        none += 1;
                    }
                }
            }
        }
    }
    assert!(found >= 40 && none > 0, "{found} paths, {none} without");
}
