//! Charts: how many waited for each topic over the day, and today's waits against the
//! norm.
//!
//! The server keeps no series of waiting counts, so the first chart is sampled from the
//! live mirror while the app runs (it starts when the app opens the office). The second
//! uses the server's statistics for today: average, median and 90th percentile of the
//! wait of every called ticket, per topic, beside the topic's wait norm.

use crate::cx::Cx;
use crate::office_live::OfficeLive;
use crate::widgets::{muted, section};
use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, Corner, Legend, Line, Plot};
use talon_client::look::colors;

/// Distinct, readable on the dark background.
const PALETTE: [Color32; 6] = [
    Color32::from_rgb(0x4f, 0xc3, 0xf7),
    Color32::from_rgb(0xff, 0xb7, 0x4d),
    Color32::from_rgb(0xae, 0xd5, 0x81),
    Color32::from_rgb(0xf0, 0x62, 0x92),
    Color32::from_rgb(0xba, 0x68, 0xc8),
    Color32::from_rgb(0xff, 0xf1, 0x76),
];

pub fn ui(ui: &mut Ui, cx: &Cx, live: &OfficeLive) {
    let Some(mirror) = &live.mirror else {
        ui.spinner();
        return;
    };
    let office = &mirror.office;
    let topics: Vec<_> = office.topics.iter().filter(|t| t.active).collect();
    let half = (ui.available_height() - 120.0) / 2.0;

    section(ui, &cx.text("desk-chart-waiting-title"));
    muted(ui, &cx.text("desk-chart-waiting-hint"));
    Plot::new("waiting_over_day")
        .height(half.max(200.0))
        .legend(Legend::default().position(Corner::LeftTop))
        .allow_scroll(false)
        .include_y(0.0)
        .include_y(4.0)
        .x_axis_label(cx.text("desk-chart-office-time"))
        .x_axis_formatter(|mark, _| hour_label(mark.value))
        .y_axis_label(cx.text("desk-chart-waiting-axis"))
        .show(ui, |plot| {
            for (i, topic) in topics.iter().enumerate() {
                let points = live.history.series(topic.id);
                let name = format!("{} {}", topic.prefix, topic.name(cx.lang.code()));
                // Step lines have vertical segments: never merge them into bands.
                plot.line(
                    Line::new(name, points)
                        .color(PALETTE[i % PALETTE.len()])
                        .width(2.5)
                        .allow_band(false),
                );
            }
        });

    ui.add_space(10.0);
    section(ui, &cx.text("desk-chart-norm-title"));
    let Some(stats) = &live.today.latest else {
        muted(ui, &cx.text("desk-chart-loading"));
        return;
    };
    let mut average = Vec::new();
    let mut median = Vec::new();
    let mut p90 = Vec::new();
    let mut norms = Vec::new();
    let mut labels = Vec::new();
    for (i, topic) in topics.iter().enumerate() {
        let x = i as f64 * 4.0;
        labels.push((x + 1.0, topic.prefix.clone()));
        let row = stats.by_topic.iter().find(|r| r.topic_id == topic.id);
        let minutes = |ms: Option<i64>| ms.map_or(0.0, |ms| ms as f64 / 60_000.0);
        let wait = row.map(|r| r.stats.wait.clone()).unwrap_or_default();
        average.push(Bar::new(x, minutes(wait.average_ms)).width(0.9));
        median.push(Bar::new(x + 1.0, minutes(wait.median_ms)).width(0.9));
        p90.push(Bar::new(x + 2.0, minutes(wait.p90_ms)).width(0.9));
        norms.push(f64::from(topic.norms.wait.minutes));
    }
    Plot::new("waits_against_norm")
        .height(half.max(200.0))
        .legend(Legend::default())
        .allow_scroll(false)
        .include_y(0.0)
        .y_axis_label(cx.text("desk-chart-minutes-axis"))
        .x_axis_formatter(move |mark, _| {
            labels
                .iter()
                .find(|(x, _)| (x - mark.value).abs() < 0.01)
                .map(|(_, prefix)| prefix.clone())
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(cx.text("desk-chart-average"), average).color(PALETTE[0]));
            plot.bar_chart(BarChart::new(cx.text("desk-median"), median).color(PALETTE[2]));
            plot.bar_chart(BarChart::new(cx.text("desk-chart-p90"), p90).color(PALETTE[1]));
            for (i, norm) in norms.iter().enumerate() {
                let x = i as f64 * 4.0;
                plot.line(
                    Line::new(
                        cx.text("desk-chart-wait-norm"),
                        vec![[x - 0.5, *norm], [x + 2.5, *norm]],
                    )
                    .color(colors::BREACH)
                    .width(3.0)
                    .allow_band(false),
                );
            }
        });
}

/// 10.5 → "10:30".
fn hour_label(hours: f64) -> String {
    let minutes = (hours * 60.0).round() as i64;
    if !(0..=24 * 60).contains(&minutes) {
        return String::new();
    }
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    #[test]
    fn hours_read_as_clock_times() {
        assert_eq!(super::hour_label(10.5), "10:30");
        assert_eq!(super::hour_label(9.0 + 5.0 / 60.0), "09:05");
        assert_eq!(super::hour_label(-1.0), "");
    }
}
