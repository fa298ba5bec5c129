//! The compliance report: per office and calendar month (the office's service days,
//! so its own zone), the monthly average wait against the office's limit and the shares
//! of visits within the topics' wait, service and total norms; consolidated, a total
//! per month over the pooled tickets (with the limit when every office has the same).

use super::Ctx;
use super::ms;
use crate::reports::table::{Cell, Chart, ChartUnit, ColumnKind, RowKind, Table, TableBuilder};
use crate::stats::{MonthCompliance, monthly_compliance};

struct Item {
    office: String,
    month: MonthCompliance,
    /// `None` for a total over offices of different limits.
    limit_ms: Option<i64>,
}

fn months_of(data: &crate::stats::OfficeData) -> Vec<MonthCompliance> {
    monthly_compliance(
        data.from,
        data.to,
        &data.month_tickets,
        &data.topics,
        data.office.settings.monthly_wait_limit_min,
    )
}

pub fn compliance(ctx: &Ctx) -> (Vec<Table>, Vec<Chart>) {
    let mut items = Vec::new();
    for d in ctx.data {
        for month in months_of(d) {
            let limit = Some(month.wait.limit_ms);
            items.push((
                RowKind::Detail,
                Item {
                    office: d.office.name.clone(),
                    month,
                    limit_ms: limit,
                },
            ));
        }
    }
    let mut chart = Chart {
        title: ctx.t("report-chart-wait-by-month"),
        labels: Vec::new(),
        unit: ChartUnit::Duration,
        values: Vec::new(),
        norms: Vec::new(),
        norm_label: ctx.t("report-chart-month-limit"),
        axis_label: ctx.t("report-chart-minutes"),
    };
    for (_, i) in &items {
        chart.labels.push(if ctx.data.len() > 1 {
            format!("{}: {}", i.office, i.month.wait.month)
        } else {
            i.month.wait.month.clone()
        });
        chart.values.push(ms(i.month.wait.average_wait_ms));
        chart.norms.push(ms(i.limit_ms));
    }
    if let Some(pool) = ctx.pool() {
        let limits: Vec<u32> = ctx
            .data
            .iter()
            .map(|d| d.office.settings.monthly_wait_limit_min)
            .collect();
        let same = limits.windows(2).all(|w| w[0] == w[1]);
        for month in months_of(&pool) {
            let limit_ms = same.then_some(month.wait.limit_ms);
            items.push((
                RowKind::Total,
                Item {
                    office: ctx.t("report-total"),
                    month,
                    limit_ms,
                },
            ));
        }
    }
    let yes = ctx.t("report-yes");
    let no = ctx.t("report-no");
    let table = TableBuilder::new()
        .column(
            "office",
            ctx.t("report-col-office"),
            ColumnKind::Text,
            |i: &Item| Cell::text(&i.office),
        )
        .column("month", ctx.t("report-col-month"), ColumnKind::Text, |i| {
            Cell::text(&i.month.wait.month)
        })
        .column(
            "called",
            ctx.t("report-col-called"),
            ColumnKind::Count,
            |i| Cell::count(i.month.wait.called),
        )
        .column(
            "wait_average",
            ctx.t("report-col-wait-average"),
            ColumnKind::Duration,
            |i| Cell::duration(i.month.wait.average_wait_ms),
        )
        .column(
            "limit",
            ctx.t("report-col-month-limit"),
            ColumnKind::Duration,
            |i| Cell::duration(i.limit_ms),
        )
        .column(
            "within_limit",
            ctx.t("report-col-within-limit"),
            ColumnKind::Text,
            move |i| match (i.limit_ms, i.month.wait.average_wait_ms) {
                (Some(limit), Some(avg)) => Cell::text(if avg <= limit { &yes } else { &no }),
                (Some(_), None) => Cell::text(&yes),
                (None, _) => Cell::Empty,
            },
        )
        .column(
            "within_wait_norm",
            ctx.t("report-col-wait-within"),
            ColumnKind::Share,
            |i| Cell::share(i.month.within_wait_norm),
        )
        .column(
            "within_service_norm",
            ctx.t("report-col-service-within"),
            ColumnKind::Share,
            |i| Cell::share(i.month.within_service_norm),
        )
        .column(
            "within_total_norm",
            ctx.t("report-col-total-within"),
            ColumnKind::Share,
            |i| Cell::share(i.month.within_total_norm),
        )
        .build("by_month", ctx.t("report-table-by-month"), &items);
    (vec![table], vec![chart])
}
