//! Reports: the server's statistics for a period, per topic and per agent, with the
//! calendar-month average wait against its limit, and export to CSV; and the server's
//! report files (`report_files`).

use crate::cx::Cx;
use crate::forms::{parse_date, text_field};
use crate::head::report_files::ReportFiles;
use crate::office_live::OfficeLive;
use crate::report_csv::stats_csv;
use crate::text;
use crate::widgets::{muted, section};
use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};
use std::path::PathBuf;
use talon_client::look::colors;
use talon_client::{ClientError, Task};
use talon_protocol::stats::{OfficeStats, StatsRow};

#[derive(Default)]
pub struct Reports {
    /// The fields got their defaults (today, ~/talon-report-….csv).
    filled: bool,
    from: String,
    to: String,
    task: Option<Task<Result<OfficeStats, ClientError>>>,
    stats: Option<OfficeStats>,
    error: Option<String>,
    export_path: String,
    export_result: Option<Result<String, String>>,
    files: ReportFiles,
}

/// The first and last day of the month `months_back` months before `day`'s month.
fn month_of(day: NaiveDate, months_back: u32) -> (NaiveDate, NaiveDate) {
    let mut first = day.with_day(1).expect("day 1 exists");
    for _ in 0..months_back {
        first = (first - chrono::Duration::days(1))
            .with_day(1)
            .expect("day 1 exists");
    }
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    }
    .expect("valid date");
    (first, next - chrono::Duration::days(1))
}

/// ~/talon-report-YYYY-MM-DD.csv
fn default_export_path(day: NaiveDate) -> String {
    let home = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    home.join(format!("talon-report-{day}.csv"))
        .display()
        .to_string()
}

impl Reports {
    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, live: &OfficeLive) {
        if let Some(task) = &self.task
            && let Some(result) = task.take()
        {
            self.task = None;
            match result {
                Ok(stats) => {
                    self.stats = Some(stats);
                    self.error = None;
                }
                Err(error) => {
                    cx.note_error(&error);
                    self.error = Some(text::client_error(cx.lang, &error));
                }
            }
        }
        let Some(mirror) = &live.mirror else {
            ui.spinner();
            return;
        };
        let today = mirror.office.service_day;
        if !self.filled {
            self.filled = true;
            self.from = today.to_string();
            self.to = today.to_string();
            self.export_path = default_export_path(today);
        }

        section(ui, &cx.text("desk-report-title"));
        ui.horizontal(|ui| {
            let hint = cx.text("desk-date-hint");
            text_field(
                ui,
                &cx.text("desk-report-from"),
                &mut self.from,
                &hint,
                150.0,
            );
            text_field(ui, &cx.text("desk-report-to"), &mut self.to, &hint, 150.0);
            let mut period = None;
            if ui.button(cx.text("desk-report-today")).clicked() {
                period = Some((today, today));
            }
            if ui.button(cx.text("desk-report-this-month")).clicked() {
                period = Some((month_of(today, 0).0, today));
            }
            if ui.button(cx.text("desk-report-last-month")).clicked() {
                period = Some(month_of(today, 1));
            }
            if let Some((from, to)) = period {
                self.from = from.to_string();
                self.to = to.to_string();
            }
            let show = egui::Button::new(RichText::new(cx.text("desk-report-show")).strong())
                .fill(colors::BUTTON);
            if ui.add_enabled(self.task.is_none(), show).clicked() || period.is_some() {
                self.request(cx, live);
            }
            if self.task.is_some() {
                ui.spinner();
            }
        });
        if let Some(error) = &self.error {
            ui.colored_label(colors::BREACH, error);
        }
        ui.add_space(6.0);
        let period = parse_date(&self.from).zip(parse_date(&self.to));
        self.files
            .ui(ui, cx, (live.id, &mirror.office.office.name), period);
        ui.add_space(6.0);
        let Some(stats) = self.stats.clone() else {
            muted(ui, &cx.text("desk-report-choose"));
            return;
        };
        ui.add_space(6.0);
        self.export(ui, cx, &stats);
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .id_salt("report")
            .show(ui, |ui| {
                ui.label(
                    RichText::new(cx.text_with(
                        "desk-report-period",
                        &[
                            ("from", stats.from.to_string().into()),
                            ("to", stats.to.to_string().into()),
                        ],
                    ))
                    .strong(),
                );
                monthly(ui, cx, &stats);
                ui.add_space(10.0);
                section(ui, &cx.text("desk-report-by-topic"));
                let mut rows: Vec<(String, &StatsRow)> =
                    vec![(cx.text("desk-report-total"), &stats.total)];
                rows.extend(stats.by_topic.iter().map(|t| {
                    let name = if cx.lang == talon_client::Lang::En && !t.name_en.is_empty() {
                        &t.name_en
                    } else {
                        &t.name_ru
                    };
                    (format!("{} {name}", t.prefix), &t.stats)
                }));
                stats_table(ui, cx, "report_topics", &rows);
                ui.add_space(10.0);
                section(ui, &cx.text("desk-report-by-agent"));
                let rows: Vec<(String, &StatsRow)> = stats
                    .by_agent
                    .iter()
                    .map(|a| (a.name.clone(), &a.stats))
                    .collect();
                if rows.is_empty() {
                    muted(ui, &cx.text("desk-report-no-visits"));
                } else {
                    stats_table(ui, cx, "report_agents", &rows);
                }
                ui.add_space(10.0);
                section(ui, &cx.text("desk-report-bookings"));
                bookings_table(ui, cx, &stats.bookings);
            });
    }

    fn request(&mut self, cx: &Cx, live: &OfficeLive) {
        let (Some(from), Some(to)) = (parse_date(&self.from), parse_date(&self.to)) else {
            self.error = Some(cx.text("desk-report-bad-dates"));
            return;
        };
        let api = cx.api.clone();
        let office = live.id;
        self.export_result = None;
        self.task = Some(cx.spawn(async move { api.stats(office, from, to).await }));
    }

    fn export(&mut self, ui: &mut Ui, cx: &Cx, stats: &OfficeStats) {
        ui.horizontal(|ui| {
            text_field(
                ui,
                &cx.text("desk-report-csv-file"),
                &mut self.export_path,
                "",
                520.0,
            );
            if ui.button(cx.text("desk-report-export")).clicked() {
                let path = PathBuf::from(self.export_path.trim());
                let csv = stats_csv(stats, cx.lang);
                self.export_result = Some(match std::fs::write(&path, csv) {
                    Ok(()) => Ok(cx.text_with(
                        "desk-report-saved",
                        &[("path", path.display().to_string().into())],
                    )),
                    Err(e) => Err(cx.text_with(
                        "desk-report-not-saved",
                        &[
                            ("path", path.display().to_string().into()),
                            ("error", e.to_string().into()),
                        ],
                    )),
                });
            }
        });
        match &self.export_result {
            Some(Ok(text)) => {
                ui.colored_label(colors::OK, text);
            }
            Some(Err(text)) => {
                ui.colored_label(colors::BREACH, text);
            }
            None => {}
        }
    }
}

fn monthly(ui: &mut Ui, cx: &Cx, stats: &OfficeStats) {
    for month in &stats.monthly_wait {
        if month.called == 0 {
            muted(
                ui,
                &cx.text_with(
                    "desk-month-no-calls",
                    &[("month", month.month.as_str().into())],
                ),
            );
            continue;
        }
        let (verdict, color) = if month.within_limit {
            (cx.text("desk-month-within-limit"), colors::OK)
        } else {
            (cx.text("desk-month-over-limit"), colors::BREACH)
        };
        ui.label(
            RichText::new(cx.text_with(
                "desk-month-wait",
                &[
                    ("month", month.month.as_str().into()),
                    (
                        "average",
                        text::minutes_1(cx.lang, month.average_wait_ms).into(),
                    ),
                    ("verdict", verdict.into()),
                    (
                        "limit",
                        text::minutes_1(cx.lang, Some(month.limit_ms)).into(),
                    ),
                    ("called", month.called.into()),
                ],
            ))
            .color(color),
        );
    }
}

fn stats_table(ui: &mut Ui, cx: &Cx, id: &str, rows: &[(String, &StatsRow)]) {
    egui::Grid::new(id)
        .num_columns(15)
        .spacing([16.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            for head in [
                String::new(),
                cx.text("desk-report-column-issued"),
                cx.text("desk-served"),
                cx.text("desk-no-shows"),
                cx.text("desk-report-column-transfers"),
                cx.text("desk-report-column-wait-average"),
                cx.text("desk-median"),
                cx.text("desk-report-column-wait-p90"),
                cx.text("desk-report-column-wait-in-norm"),
                cx.text("desk-report-column-service-average"),
                cx.text("desk-report-column-service-in-norm"),
                cx.text("desk-report-column-ratings"),
                cx.text("desk-report-column-rating-average"),
                cx.text("desk-report-column-rating-within"),
                cx.text("desk-report-column-rating-over"),
            ] {
                ui.label(RichText::new(head).color(colors::MUTED));
            }
            ui.end_row();
            for (name, row) in rows {
                ui.label(RichText::new(name).strong());
                ui.label(row.issued.to_string());
                ui.label(row.finished.to_string());
                ui.label(row.no_shows.to_string());
                ui.label(row.transfers.to_string());
                ui.label(text::minutes_1(cx.lang, row.wait.average_ms));
                ui.label(text::minutes_1(cx.lang, row.wait.median_ms));
                ui.label(text::minutes_1(cx.lang, row.wait.p90_ms));
                ui.label(text::share(row.within_wait_norm));
                ui.label(text::minutes_1(cx.lang, row.service.average_ms));
                ui.label(text::share(row.within_service_norm));
                ui.label(row.ratings.count.to_string());
                ui.label(text::rating(row.ratings.average));
                ui.label(text::rating(row.ratings.average_within_wait_norm));
                ui.label(text::rating(row.ratings.average_over_wait_norm));
                ui.end_row();
            }
        });
}

fn bookings_table(ui: &mut Ui, cx: &Cx, bookings: &talon_protocol::stats::BookingStats) {
    if bookings.total.made == 0 {
        muted(ui, &cx.text("desk-report-no-bookings"));
        return;
    }
    let mut rows = vec![(cx.text("desk-report-total"), &bookings.total)];
    rows.extend(bookings.slices.iter().map(|s| {
        let name = if cx.lang == talon_client::Lang::En && !s.name_en.is_empty() {
            s.name_en.clone()
        } else {
            s.name_ru.clone()
        };
        (name, &s.row)
    }));
    egui::Grid::new("report_bookings")
        .num_columns(10)
        .spacing([16.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            for head in [
                String::new(),
                cx.text("desk-report-bookings-made"),
                cx.text("desk-report-bookings-kept"),
                cx.text("desk-report-bookings-moved"),
                cx.text("desk-report-bookings-cancelled"),
                cx.text("desk-report-bookings-no-shows"),
                cx.text("desk-report-bookings-pending"),
                cx.text("desk-report-bookings-wait"),
                cx.text("desk-report-bookings-in-norm"),
                cx.text("desk-report-bookings-lead"),
            ] {
                ui.label(RichText::new(head).color(colors::MUTED));
            }
            ui.end_row();
            for (name, row) in rows {
                ui.label(RichText::new(name).strong());
                for count in [
                    row.made,
                    row.kept,
                    row.moved,
                    row.cancelled,
                    row.no_shows,
                    row.pending,
                ] {
                    ui.label(count.to_string());
                }
                ui.label(text::minutes_1(cx.lang, row.booked_wait.average_ms));
                ui.label(text::share(row.within_booked_norm));
                ui.label(text::hours_1(cx.lang, row.lead.average_ms));
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_back() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        assert_eq!(
            month_of(day, 0),
            (
                NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                NaiveDate::from_ymd_opt(2026, 1, 31).unwrap()
            )
        );
        assert_eq!(
            month_of(day, 1),
            (
                NaiveDate::from_ymd_opt(2025, 12, 1).unwrap(),
                NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
            )
        );
    }
}
