//! The topics and agents reports: visits by outcome, no-shows, transfers; the wait,
//! service and total times (average, median, 90th percentile, share within the norm,
//! count over it) and the overruns' reasons; for agents also their time serving, idle
//! while their topics had people waiting, and on breaks.

use super::Ctx;
use super::ms;
use crate::reports::table::{Cell, Chart, ChartUnit, ColumnKind, RowKind, Table, TableBuilder};
use crate::stats::{AgentTime, OfficeData, Overruns, compute, overrun_slices};
use talon_protocol::stats::{Distribution, OfficeStats, StatsRow};

/// One row's figures.
pub struct Item {
    pub office: String,
    pub name: String,
    pub row: StatsRow,
    pub over: Overruns,
    pub time: Option<AgentTime>,
}

fn stats_of(data: &OfficeData) -> OfficeStats {
    compute(&data.input())
}

/// A row per office, and the pooled total when there are several.
fn office_items(ctx: &Ctx, agents: bool) -> Vec<(RowKind, Item)> {
    let mut items: Vec<(RowKind, Item)> = ctx
        .data
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let time = agents
                .then(|| sum_times(ctx.agent_times.get(i).into_iter().flatten().map(|(_, t)| t)));
            (RowKind::Detail, office_item(d, d.office.name.clone(), time))
        })
        .collect();
    if let Some(pool) = ctx.pool() {
        let time = agents.then(|| sum_times(ctx.agent_times.iter().flatten().map(|(_, t)| t)));
        items.push((
            RowKind::Total,
            office_item(&pool, ctx.t("report-total"), time),
        ));
    }
    items
}

fn office_item(data: &OfficeData, office: String, time: Option<AgentTime>) -> Item {
    Item {
        office,
        name: String::new(),
        row: stats_of(data).total,
        over: overrun_slices(&data.tickets, &data.topics).total,
        time,
    }
}

fn sum_times<'a>(times: impl Iterator<Item = &'a AgentTime>) -> AgentTime {
    times.fold(AgentTime::default(), |a, b| AgentTime {
        serving_ms: a.serving_ms + b.serving_ms,
        idle_waiting_ms: a.idle_waiting_ms + b.idle_waiting_ms,
        breaks: a.breaks + b.breaks,
        break_ms: a.break_ms + b.break_ms,
    })
}

fn dist_columns<'a>(
    b: TableBuilder<'a, Item>,
    ctx: &Ctx,
    what: &'static str,
    pick: fn(&StatsRow) -> &Distribution,
    share: fn(&StatsRow) -> Option<f64>,
    over: fn(&Overruns) -> u32,
) -> TableBuilder<'a, Item> {
    let keys: [&'static str; 5] = match what {
        "wait" => [
            "wait_average",
            "wait_median",
            "wait_p90",
            "wait_within_norm",
            "wait_over_norm",
        ],
        "service" => [
            "service_average",
            "service_median",
            "service_p90",
            "service_within_norm",
            "service_over_norm",
        ],
        _ => [
            "total_average",
            "total_median",
            "total_p90",
            "total_within_norm",
            "total_over_norm",
        ],
    };
    let head = |col: &str| ctx.t(&format!("report-col-{what}-{col}"));
    b.column(keys[0], head("average"), ColumnKind::Duration, move |i| {
        Cell::duration(pick(&i.row).average_ms)
    })
    .column(keys[1], head("median"), ColumnKind::Duration, move |i| {
        Cell::duration(pick(&i.row).median_ms)
    })
    .column(keys[2], head("p90"), ColumnKind::Duration, move |i| {
        Cell::duration(pick(&i.row).p90_ms)
    })
    .column(keys[3], head("within"), ColumnKind::Share, move |i| {
        Cell::share(share(&i.row))
    })
    .column(keys[4], head("over"), ColumnKind::Count, move |i| {
        Cell::count(over(&i.over))
    })
}

/// The columns of a quality table: the label columns, then the figures.
fn table(
    ctx: &Ctx,
    key: &'static str,
    name_col: Option<&str>,
    agents: bool,
    items: &[(RowKind, Item)],
) -> Table {
    let mut b = TableBuilder::new().column(
        "office",
        ctx.t("report-col-office"),
        ColumnKind::Text,
        |i: &Item| Cell::text(&i.office),
    );
    if let Some(name_col) = name_col {
        b = b.column("name", ctx.t(name_col), ColumnKind::Text, |i: &Item| {
            Cell::text(&i.name)
        });
    }
    let count = |k: &'static str, f: fn(&StatsRow) -> u32| (k, f);
    for (k, f) in [
        count("issued", |r| r.issued),
        count("finished", |r| r.finished),
        count("resolved", |r| r.resolved),
        count("deferred", |r| r.deferred),
        count("refused", |r| r.refused),
        count("other", |r| r.other),
        count("no_shows", |r| r.no_shows),
        count("cancelled", |r| r.cancelled),
        count("unfinished", |r| r.unfinished),
        count("transfers", |r| r.transfers),
    ] {
        b = b.column(
            k,
            ctx.t(&format!("report-col-{}", k.replace('_', "-"))),
            ColumnKind::Count,
            move |i| Cell::count(f(&i.row)),
        );
    }
    b = dist_columns(
        b,
        ctx,
        "wait",
        |r| &r.wait,
        |r| r.within_wait_norm,
        |o| o.over_wait,
    );
    b = dist_columns(
        b,
        ctx,
        "service",
        |r| &r.service,
        |r| r.within_service_norm,
        |o| o.over_service,
    );
    b = dist_columns(
        b,
        ctx,
        "total",
        |r| &r.total,
        |r| r.within_total_norm,
        |o| o.over_total,
    );
    let reason = |k: &'static str, f: fn(&Overruns) -> u32| (k, f);
    for (k, f) in [
        reason("over_any", |o| o.over_any),
        reason("force_majeure", |o| o.force_majeure),
        reason("technical_failure", |o| o.technical_failure),
        reason("visitor_case", |o| o.visitor_case),
        reason("no_reason", |o| o.no_reason),
    ] {
        b = b.column(
            k,
            ctx.t(&format!("report-col-{}", k.replace('_', "-"))),
            ColumnKind::Count,
            move |i| Cell::count(f(&i.over)),
        );
    }
    if agents {
        b = b
            .column(
                "serving_time",
                ctx.t("report-col-serving-time"),
                ColumnKind::Duration,
                |i| Cell::duration(i.time.map(|t| t.serving_ms)),
            )
            .column(
                "idle_waiting_time",
                ctx.t("report-col-idle-waiting-time"),
                ColumnKind::Duration,
                |i| Cell::duration(i.time.map(|t| t.idle_waiting_ms)),
            )
            .column(
                "breaks",
                ctx.t("report-col-breaks"),
                ColumnKind::Count,
                |i| i.time.map_or(Cell::Empty, |t| Cell::count(t.breaks)),
            )
            .column(
                "break_time",
                ctx.t("report-col-break-time"),
                ColumnKind::Duration,
                |i| Cell::duration(i.time.map(|t| t.break_ms)),
            );
    }
    b.build(
        key,
        ctx.t(&format!("report-table-{}", key.replace('_', "-"))),
        items,
    )
}

/// The topics report: per office (and the total), then per topic of each office.
pub fn topics(ctx: &Ctx) -> (Vec<Table>, Vec<Chart>) {
    let offices = office_items(ctx, false);
    let mut items = Vec::new();
    let mut chart = Chart {
        title: ctx.t("report-chart-wait-by-topic"),
        labels: Vec::new(),
        unit: ChartUnit::Duration,
        values: Vec::new(),
        norms: Vec::new(),
        norm_label: ctx.t("report-chart-wait-norm"),
        axis_label: ctx.t("report-chart-minutes"),
    };
    for data in ctx.data {
        let stats = stats_of(data);
        let over = overrun_slices(&data.tickets, &data.topics);
        for topic in stats.by_topic {
            let norm = data
                .topics
                .iter()
                .find(|t| t.id == topic.topic_id)
                .map(|t| i64::from(t.norms.wait.minutes) * 60_000);
            let name = format!(
                "{} {}",
                topic.prefix,
                ctx.name(&topic.name_ru, &topic.name_en)
            );
            chart.labels.push(if ctx.data.len() > 1 {
                format!("{}: {name}", data.office.name)
            } else {
                name.clone()
            });
            chart.values.push(ms(topic.stats.wait.average_ms));
            chart.norms.push(ms(norm));
            items.push((
                RowKind::Detail,
                Item {
                    office: data.office.name.clone(),
                    name,
                    over: over
                        .by_topic
                        .get(&topic.topic_id)
                        .copied()
                        .unwrap_or_default(),
                    row: topic.stats,
                    time: None,
                },
            ));
        }
    }
    (
        vec![
            table(ctx, "by_office", None, false, &offices),
            table(ctx, "by_topic", Some("report-col-topic"), false, &items),
        ],
        vec![chart],
    )
}

/// The agents report: per office (and the total), then per agent of each office.
pub fn agents(ctx: &Ctx) -> (Vec<Table>, Vec<Chart>) {
    let offices = office_items(ctx, true);
    let mut items = Vec::new();
    let mut chart = Chart {
        title: ctx.t("report-chart-wait-by-agent"),
        labels: Vec::new(),
        unit: ChartUnit::Duration,
        values: Vec::new(),
        norms: Vec::new(),
        norm_label: ctx.t("report-chart-wait-norm"),
        axis_label: ctx.t("report-chart-minutes"),
    };
    let default_norm = i64::from(talon_protocol::Norms::default().wait.minutes) * 60_000;
    for (i, data) in ctx.data.iter().enumerate() {
        let stats = stats_of(data);
        let over = overrun_slices(&data.tickets, &data.topics);
        let times = ctx.agent_times.get(i);
        // Agents with time at a window but no ticket of the period still get a row.
        let mut rows: Vec<(talon_protocol::StaffId, String, StatsRow)> = stats
            .by_agent
            .into_iter()
            .map(|a| (a.agent_id, a.name, a.stats))
            .collect();
        for id in times.into_iter().flat_map(|t| t.keys()) {
            if !rows.iter().any(|(a, _, _)| a == id) {
                let name = data
                    .staff_names
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| format!("#{id}"));
                rows.push((*id, name, StatsRow::default()));
            }
        }
        rows.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        for (id, name, row) in rows {
            chart.labels.push(if ctx.data.len() > 1 {
                format!("{}: {name}", data.office.name)
            } else {
                name.clone()
            });
            chart.values.push(ms(row.wait.average_ms));
            chart.norms.push(ms(Some(default_norm)));
            items.push((
                RowKind::Detail,
                Item {
                    office: data.office.name.clone(),
                    name,
                    row,
                    over: over.by_agent.get(&id).copied().unwrap_or_default(),
                    time: Some(times.and_then(|t| t.get(&id)).copied().unwrap_or_default()),
                },
            ));
        }
    }
    (
        vec![
            table(ctx, "by_office", None, true, &offices),
            table(ctx, "by_agent", Some("report-col-agent"), true, &items),
        ],
        vec![chart],
    )
}
