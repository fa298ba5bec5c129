//! The appointments report: the bookings whose slot fell in the period — made, kept,
//! moved, cancelled, missed, still pending — and the booked visitors' wait against
//! their booked norm, per office (and the total over the pool), per booked topic or
//! person's reception.

use super::Ctx;
use crate::reports::table::{Cell, Chart, ChartUnit, ColumnKind, RowKind, Table, TableBuilder};
use crate::stats::{OfficeData, booking_stats};
use std::collections::HashMap;
use talon_protocol::stats::{BookingRow, BookingStats};

struct Item {
    office: String,
    name: String,
    row: BookingRow,
}

fn stats_of(d: &OfficeData) -> BookingStats {
    let by_id: HashMap<_, _> = d.tickets.iter().map(|t| (t.id, t)).collect();
    booking_stats(&d.bookings, &by_id, &d.topics, &d.receptions)
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
    let count = |k: &'static str, f: fn(&BookingRow) -> u32| (k, f);
    for (k, f) in [
        count("made", |r| r.made),
        count("kept", |r| r.kept),
        count("moved", |r| r.moved),
        count("cancelled", |r| r.cancelled),
        count("no_shows", |r| r.no_shows),
        count("pending", |r| r.pending),
    ] {
        b = b.column(
            k,
            ctx.t(&format!("report-col-booking-{}", k.replace('_', "-"))),
            ColumnKind::Count,
            move |i| Cell::count(f(&i.row)),
        );
    }
    b.column(
        "booked_wait_average",
        ctx.t("report-col-booked-wait-average"),
        ColumnKind::Duration,
        |i| Cell::duration(i.row.booked_wait.average_ms),
    )
    .column(
        "booked_wait_median",
        ctx.t("report-col-booked-wait-median"),
        ColumnKind::Duration,
        |i| Cell::duration(i.row.booked_wait.median_ms),
    )
    .column(
        "booked_wait_p90",
        ctx.t("report-col-booked-wait-p90"),
        ColumnKind::Duration,
        |i| Cell::duration(i.row.booked_wait.p90_ms),
    )
    .column(
        "within_booked_norm",
        ctx.t("report-col-within-booked-norm"),
        ColumnKind::Share,
        |i| Cell::share(i.row.within_booked_norm),
    )
    .column(
        "lead_average",
        ctx.t("report-col-lead-average"),
        ColumnKind::Duration,
        |i| Cell::duration(i.row.lead.average_ms),
    )
    .build(
        key,
        ctx.t(&format!("report-table-{}", key.replace('_', "-"))),
        items,
    )
}

pub fn appointments(ctx: &Ctx) -> (Vec<Table>, Vec<Chart>) {
    let mut offices = Vec::new();
    let mut targets = Vec::new();
    let mut chart = Chart {
        title: ctx.t("report-chart-booked-wait"),
        unit: ChartUnit::Duration,
        labels: Vec::new(),
        values: Vec::new(),
        norms: Vec::new(),
        norm_label: ctx.t("report-chart-booked-norm"),
        axis_label: ctx.t("report-chart-minutes"),
    };
    for d in ctx.data {
        let stats = stats_of(d);
        let office = d.office.name.clone();
        offices.push((
            RowKind::Detail,
            Item {
                office: office.clone(),
                name: String::new(),
                row: stats.total,
            },
        ));
        for s in stats.slices {
            let name = ctx.name(&s.name_ru, &s.name_en).to_string();
            chart.labels.push(if ctx.data.len() > 1 {
                format!("{office}: {name}")
            } else {
                name.clone()
            });
            chart.values.push(super::ms(s.row.booked_wait.average_ms));
            // A topic's booked norm (a person's reception has its own settings).
            chart.norms.push(match s.target {
                talon_protocol::booking::BookingTarget::Topic(id) => d
                    .topics
                    .iter()
                    .find(|t| t.id == id)
                    .map(|t| f64::from(t.booking.wait_norm_min) * 60_000.0),
                talon_protocol::booking::BookingTarget::Staff(_) => None,
            });
            targets.push((
                RowKind::Detail,
                Item {
                    office: office.clone(),
                    name,
                    row: s.row,
                },
            ));
        }
    }
    if let Some(pool) = ctx.pool() {
        offices.push((
            RowKind::Total,
            Item {
                office: ctx.t("report-total"),
                name: String::new(),
                row: stats_of(&pool).total,
            },
        ));
    }
    (
        vec![
            table(ctx, "by_office", None, &offices),
            table(ctx, "by_target", Some("report-col-booked-for"), &targets),
        ],
        vec![chart],
    )
}
