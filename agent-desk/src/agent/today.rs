//! The agent's own figures for today, from the server's statistics (an agent receives
//! only their own row).

use crate::cx::Cx;
use crate::day_stats::DayStats;
use crate::text;
use crate::widgets::{muted, section};
use egui::{RichText, Ui};

pub fn show(ui: &mut Ui, cx: &Cx, today: &DayStats) {
    section(ui, &cx.text("desk-today-title"));
    let Some(stats) = &today.latest else {
        match &today.error {
            Some(error) => muted(ui, error),
            None => muted(ui, &cx.text("desk-loading")),
        }
        return;
    };
    let mine = stats.by_agent.iter().find(|a| a.agent_id == cx.user.id);
    let Some(row) = mine.map(|a| &a.stats) else {
        muted(ui, &cx.text("desk-today-none"));
        return;
    };
    let line = |ui: &mut Ui, name: &str, value: String| {
        ui.label(RichText::new(format!("{name}: {value}")).size(20.0));
    };
    line(ui, &cx.text("desk-served"), row.finished.to_string());
    line(ui, &cx.text("desk-no-shows"), row.no_shows.to_string());
    line(
        ui,
        &cx.text("desk-today-average-wait"),
        text::minutes_1(cx.lang, row.wait.average_ms),
    );
    line(
        ui,
        &cx.text("desk-today-average-service"),
        text::minutes_1(cx.lang, row.service.average_ms),
    );
    line(
        ui,
        &cx.text("desk-today-within-wait-norm"),
        text::share(row.within_wait_norm),
    );
    line(
        ui,
        &cx.text("desk-today-within-service-norm"),
        text::share(row.within_service_norm),
    );
}
