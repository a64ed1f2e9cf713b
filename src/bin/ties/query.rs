//! The commands that read the graph file: neighbors, between, path, timeline,
//! show, entities and stats. Each returns its exit code: 1 when it finds nothing.

use crate::cli::{Cli, EntitiesArgs, NeighborsArgs, PairArgs, ShowArgs, StatsArgs, TimelineArgs};
use crate::level::at_level;
use crate::load::{find_in, load, load_around, load_skeleton};
use crate::render::{self, print_json};
use crate::Fail;
use ties::query;

/// Exit code 1 ("nothing found") when `empty`, else 0.
fn found_any(empty: bool) -> u8 {
    if empty {
        1
    } else {
        0
    }
}

/// `ties neighbors`: the entities around one.
pub fn neighbors(cli: &Cli, args: &NeighborsArgs) -> Result<u8, Fail> {
    // the skeleton is enough, and the cache serves it without the evidence
    let sk = load_skeleton(&cli.graph)?;
    let n = find_in(&sk, &args.entity)?;
    let structural = |k: &ties::EdgeKind| !k.is_event();
    let kinds = &args.filter.kind;
    let level = args.level.unwrap_or(match sk.nodes[n as usize].kind {
        ties::EntityKind::Country if kinds.is_empty() || !kinds.iter().all(structural) => {
            query::Level::Country
        }
        _ => query::Level::Written,
    });
    let id = sk.nodes[n as usize].id.clone();
    let (g, lift) = at_level(cli, sk, level)?;
    let Some(n) = g.node_by_id(lift.of(&id)) else {
        return Err(Fail::new(
            2,
            format!("{id} is not in the graph at {level:?} level"),
        ));
    };
    let f = args.filter.filter();
    let mut rows = query::neighbors_in(&g, n, &f, args.direction, args.depth);
    rows.truncate(args.limit.unwrap_or(usize::MAX));
    if args.json {
        print_json(&rows)?;
    } else {
        render::neighbors(&g.nodes[n as usize], &rows);
    }
    Ok(found_any(rows.is_empty()))
}

/// `ties between`: everything between two entities.
pub fn between(cli: &Cli, args: &PairArgs) -> Result<u8, Fail> {
    let (g, a, b, lift) =
        crate::level::around_pair(cli, &args.a, &args.b, false, crate::level::Roles::Thin)?;
    let mut view = query::bilateral_at(&g, a, b, &args.filter.filter(), &lift);
    view.statements.truncate(args.limit.unwrap_or(usize::MAX));
    if args.json {
        print_json(&view)?;
    } else {
        render::bilateral(&view, args.full);
    }
    Ok(found_any(view.statements.is_empty()))
}

/// `ties path`: the shortest chain of edges between two entities.
pub fn path(cli: &Cli, args: &PairArgs) -> Result<u8, Fail> {
    // the search runs on the skeleton; then only the path's edges are read
    let f = args.filter.filter();
    let sk = load_skeleton(&cli.graph)?;
    let (sa, sb) = (find_in(&sk, &args.a)?, find_in(&sk, &args.b)?);
    let name = |n: u32| sk.nodes[n as usize].name.clone();
    if sa == sb {
        let (a, b) = (&args.a, &args.b);
        return Err(Fail::new(
            2,
            format!("{a:?} and {b:?} are the same entity, {}", name(sa)),
        ));
    }
    let no_path = || Fail::new(1, format!("no path between {} and {}", name(sa), name(sb)));
    let Some(edges) = query::path_edges_in(&sk, sa, sb, &f) else {
        return Err(no_path());
    };
    let g = match ties::store::read_edges(&cli.graph, &edges) {
        Some(g) => g,
        None => load(&cli.graph)?,
    };
    let Some(steps) = query::path_steps(&g, &sk, &edges, &f) else {
        return Err(no_path());
    };
    if args.json {
        print_json(&steps)?;
    } else {
        render::path(&steps, args.full);
    }
    Ok(0)
}

/// `ties timeline`: statements about an entity, or between two, in date order.
pub fn timeline(cli: &Cli, args: &TimelineArgs) -> Result<u8, Fail> {
    let f = args.filter.filter();
    let mut rows = match &args.other {
        Some(other) => {
            let (g, a, b, lift) = crate::level::around_pair(
                cli,
                &args.entity,
                other,
                false,
                crate::level::Roles::Thin,
            )?;
            query::timeline_at(&g, a, Some(b), &f, &lift)
        }
        None => {
            let (g, found) = load_around(&cli.graph, &[&args.entity], false)?;
            query::timeline(&g, found[0], None, &f)
        }
    };
    if let Some(by) = args.by {
        let mut periods = query::by_period(&rows, by);
        periods.truncate(args.limit.unwrap_or(usize::MAX));
        crate::analyst::periods(&periods, args.json, args.csv)?;
        return Ok(found_any(periods.is_empty()));
    }
    rows.truncate(args.limit.unwrap_or(usize::MAX));
    if args.json {
        print_json(&rows)?;
    } else {
        render::statements(&rows, args.full);
    }
    Ok(found_any(rows.is_empty()))
}

/// `ties show`: everything about one entity.
pub fn show(cli: &Cli, args: &ShowArgs) -> Result<u8, Fail> {
    let (g, found) = load_around(&cli.graph, &[&args.entity], true)?;
    let info = query::show(&g, found[0]);
    if args.json {
        print_json(&info)?;
    } else {
        crate::width::print(&render::show_text(&info));
    }
    Ok(0)
}

/// `ties entities`: the entities, most connected first or by name.
pub fn entities(cli: &Cli, args: &EntitiesArgs) -> Result<u8, Fail> {
    let (g, _) = at_level(cli, load_skeleton(&cli.graph)?, args.level)?;
    let mut rows = query::entities_in(&g, &args.kind, args.sort);
    rows.truncate(args.limit.unwrap_or(usize::MAX));
    if args.json {
        print_json(&rows)?;
    } else {
        render::entities(&rows);
    }
    Ok(found_any(rows.is_empty()))
}

/// `ties stats`: counts, dates, the most connected entities, the strongest ties.
pub fn stats(cli: &Cli, args: &StatsArgs) -> Result<u8, Fail> {
    let (g, _) = at_level(cli, load_skeleton(&cli.graph)?, args.level)?;
    let st = query::stats_in(&g, args.top);
    if args.json {
        print_json(&st)?;
    } else {
        crate::width::print(&render::stats_text(&st, &cli.graph));
    }
    Ok(0)
}
