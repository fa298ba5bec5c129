//! The day's figures, from the server's own statistics.

use crate::agents::Counters;
use std::fmt::Write;
use talon_protocol::stats::{Distribution, OfficeStats, StatsRow};

pub struct Report {
    pub stats: OfficeStats,
    pub counters: Counters,
    pub alerts_raised: u32,
}

fn minutes(d: &Distribution, pick: fn(&Distribution) -> Option<i64>) -> String {
    pick(d).map_or("—".into(), |ms| format!("{:.1}", ms as f64 / 60_000.0))
}

fn share(value: Option<f64>) -> String {
    value.map_or("—".into(), |v| format!("{:.0}%", v * 100.0))
}

fn row(name: &str, r: &StatsRow) -> String {
    format!(
        "{name:<26} {:>6} {:>6} {:>5} {:>9} {:>9} {:>8} {:>9} {:>9} {:>8}\n",
        r.issued,
        r.finished,
        r.no_shows,
        minutes(&r.wait, |d| d.average_ms),
        minutes(&r.wait, |d| d.p90_ms),
        share(r.within_wait_norm),
        minutes(&r.service, |d| d.average_ms),
        minutes(&r.service, |d| d.p90_ms),
        share(r.within_service_norm),
    )
}

impl Report {
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Day {} — figures from the server's statistics (minutes)",
            self.stats.from
        );
        let _ = writeln!(
            out,
            "{:<26} {:>6} {:>6} {:>5} {:>9} {:>9} {:>8} {:>9} {:>9} {:>8}",
            "topic",
            "issued",
            "served",
            "no-sh",
            "wait avg",
            "wait p90",
            "in norm",
            "serv avg",
            "serv p90",
            "in norm"
        );
        for topic in &self.stats.by_topic {
            out.push_str(&row(
                &format!("{} {}", topic.prefix, topic.name_ru),
                &topic.stats,
            ));
        }
        out.push_str(&row("all topics", &self.stats.total));
        for month in &self.stats.monthly_wait {
            let _ = writeln!(
                out,
                "month {}: average wait {} min (limit {} min) — {}",
                month.month,
                month
                    .average_wait_ms
                    .map_or("—".into(), |ms| format!("{:.1}", ms as f64 / 60_000.0)),
                month.limit_ms / 60_000,
                if month.within_limit { "within" } else { "OVER" }
            );
        }
        let bookings = &self.stats.bookings.total;
        if bookings.made > 0 {
            let _ = writeln!(
                out,
                "bookings: {} made, {} kept, {} missed, {} came too late; booked wait avg {} min, p90 {} min, within the booked norm {}",
                bookings.made,
                bookings.kept,
                bookings.no_shows,
                self.counters.late_for_booking,
                minutes(&bookings.booked_wait, |d| d.average_ms),
                minutes(&bookings.booked_wait, |d| d.p90_ms),
                share(bookings.within_booked_norm),
            );
        }
        let c = &self.counters;
        let _ = writeln!(
            out,
            "unfinished at the end: {}; turned away after issuing ended: {}; transfers: {}; breaks: {}; alerts raised: {}; unexpected refusals: {}",
            self.stats.total.unfinished,
            c.turned_away,
            c.transfers,
            c.breaks,
            self.alerts_raised,
            c.unexpected
        );
        out
    }
}
