//! The hourly report: tickets issued and called, and the average wait, by hour of the
//! office's local day (summed over the period's days). Consolidated: by hour over every
//! office (each in its own local hours), then by office and hour (hours with nothing
//! left out).

use super::Ctx;
use super::ms;
use crate::reports::table::{Cell, Chart, ChartUnit, ColumnKind, RowKind, Table, TableBuilder};
use crate::stats::{HourLoad, hourly as hourly_load};

struct Item {
    office: String,
    load: HourLoad,
}

fn table(ctx: &Ctx, key: &'static str, items: &[(RowKind, Item)]) -> Table {
    TableBuilder::new()
        .column(
            "office",
            ctx.t("report-col-office"),
            ColumnKind::Text,
            |i: &Item| Cell::text(&i.office),
        )
        .column("hour", ctx.t("report-col-hour"), ColumnKind::Text, |i| {
            Cell::text(format!("{:02}:00–{:02}:00", i.load.hour, i.load.hour + 1))
        })
        .column(
            "issued",
            ctx.t("report-col-issued"),
            ColumnKind::Count,
            |i| Cell::count(i.load.issued),
        )
        .column(
            "called",
            ctx.t("report-col-called"),
            ColumnKind::Count,
            |i| Cell::count(i.load.called),
        )
        .column(
            "wait_average",
            ctx.t("report-col-wait-average"),
            ColumnKind::Duration,
            |i| Cell::duration(i.load.average_wait_ms),
        )
        .build(
            key,
            ctx.t(&format!("report-table-{}", key.replace('_', "-"))),
            items,
        )
}

pub fn hourly(ctx: &Ctx) -> (Vec<Table>, Vec<Chart>) {
    let all = hourly_load(
        ctx.data
            .iter()
            .flat_map(|d| d.tickets.iter().map(|t| (t, d.office.time_zone.tz()))),
    );
    let scope_name = match ctx.data {
        [one] => one.office.name.clone(),
        _ => ctx.t("report-total"),
    };
    let default_norm = i64::from(talon_protocol::Norms::default().wait.minutes) * 60_000;
    let chart = Chart {
        title: ctx.t("report-chart-wait-by-hour"),
        labels: all.iter().map(|h| format!("{:02}", h.hour)).collect(),
        unit: ChartUnit::Duration,
        values: all.iter().map(|h| ms(h.average_wait_ms)).collect(),
        norms: vec![ms(Some(default_norm)); all.len()],
        norm_label: ctx.t("report-chart-wait-norm"),
        axis_label: ctx.t("report-chart-minutes"),
    };
    let kind = if ctx.data.len() > 1 {
        RowKind::Total
    } else {
        RowKind::Detail
    };
    let by_hour: Vec<_> = all
        .into_iter()
        .map(|load| {
            (
                kind,
                Item {
                    office: scope_name.clone(),
                    load,
                },
            )
        })
        .collect();
    let mut tables = vec![table(ctx, "by_hour", &by_hour)];
    if ctx.data.len() > 1 {
        let mut items = Vec::new();
        for d in ctx.data {
            let tz = d.office.time_zone.tz();
            for load in hourly_load(d.tickets.iter().map(|t| (t, tz))) {
                if load.issued > 0 || load.called > 0 {
                    items.push((
                        RowKind::Detail,
                        Item {
                            office: d.office.name.clone(),
                            load,
                        },
                    ));
                }
            }
        }
        tables.push(table(ctx, "by_office_hour", &items));
    }
    (tables, vec![chart])
}
