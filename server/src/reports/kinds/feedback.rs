//! The feedback report: the visitors' ratings (count, average, each level, the average
//! of visits within and over the wait norm) per office (and the total), per topic and
//! per agent. Comments are not shown (they may hold personal data).

use super::Ctx;
use crate::reports::table::{Cell, Chart, ChartUnit, ColumnKind, RowKind, Table, TableBuilder};
use crate::stats::compute;
use talon_protocol::stats::RatingStats;

struct Item {
    office: String,
    name: String,
    ratings: RatingStats,
}

fn table(ctx: &Ctx, key: &'static str, name_col: Option<&str>, items: &[(RowKind, Item)]) -> Table {
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
    b = b
        .column(
            "ratings",
            ctx.t("report-col-ratings"),
            ColumnKind::Count,
            |i| Cell::count(i.ratings.count),
        )
        .column(
            "rating_average",
            ctx.t("report-col-rating-average"),
            ColumnKind::Number,
            |i| Cell::number(i.ratings.average),
        );
    const LEVELS: [&str; 5] = ["rating_1", "rating_2", "rating_3", "rating_4", "rating_5"];
    for (level, key) in LEVELS.into_iter().enumerate() {
        b = b.column(
            key,
            ctx.t(&format!("report-col-rating-{}", level + 1)),
            ColumnKind::Count,
            move |i| Cell::count(i.ratings.by_level.get(level).copied().unwrap_or(0)),
        );
    }
    b.column(
        "rating_within_wait_norm",
        ctx.t("report-col-rating-within"),
        ColumnKind::Number,
        |i| Cell::number(i.ratings.average_within_wait_norm),
    )
    .column(
        "rating_over_wait_norm",
        ctx.t("report-col-rating-over"),
        ColumnKind::Number,
        |i| Cell::number(i.ratings.average_over_wait_norm),
    )
    .build(
        key,
        ctx.t(&format!("report-table-{}", key.replace('_', "-"))),
        items,
    )
}

pub fn feedback(ctx: &Ctx) -> (Vec<Table>, Vec<Chart>) {
    let mut offices = Vec::new();
    let mut topics = Vec::new();
    let mut agents = Vec::new();
    for d in ctx.data {
        let stats = compute(&d.input());
        let office = d.office.name.clone();
        offices.push((
            RowKind::Detail,
            Item {
                office: office.clone(),
                name: String::new(),
                ratings: stats.total.ratings,
            },
        ));
        for t in stats.by_topic {
            let name = format!("{} {}", t.prefix, ctx.name(&t.name_ru, &t.name_en));
            topics.push((
                RowKind::Detail,
                Item {
                    office: office.clone(),
                    name,
                    ratings: t.stats.ratings,
                },
            ));
        }
        for a in stats.by_agent {
            agents.push((
                RowKind::Detail,
                Item {
                    office: office.clone(),
                    name: a.name,
                    ratings: a.stats.ratings,
                },
            ));
        }
    }
    let chart = Chart {
        title: ctx.t("report-chart-rating-by-topic"),
        unit: ChartUnit::Rating,
        labels: topics
            .iter()
            .map(|(_, i)| {
                if ctx.data.len() > 1 {
                    format!("{}: {}", i.office, i.name)
                } else {
                    i.name.clone()
                }
            })
            .collect(),
        values: topics.iter().map(|(_, i)| i.ratings.average).collect(),
        norms: vec![None; topics.len()],
        norm_label: String::new(),
        axis_label: ctx.t("report-chart-points"),
    };
    if let Some(pool) = ctx.pool() {
        let total = compute(&pool.input()).total.ratings;
        offices.push((
            RowKind::Total,
            Item {
                office: ctx.t("report-total"),
                name: String::new(),
                ratings: total,
            },
        ));
    }
    (
        vec![
            table(ctx, "by_office", None, &offices),
            table(ctx, "by_topic", Some("report-col-topic"), &topics),
            table(ctx, "by_agent", Some("report-col-agent"), &agents),
        ],
        vec![chart],
    )
}
