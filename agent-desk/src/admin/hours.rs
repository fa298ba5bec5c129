//! An office's hours: the week, day by day with a lunch break, and the special days
//! (holidays closed, shortened or one-off hours) that replace a weekday's hours.

use super::fields::{cell_checkbox, cell_edit, named, parse_time, time_text, too_long};
use crate::cx::Cx;
use egui::accesskit::Role;
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_protocol::limits::{SPECIAL_DAY_NOTE, SPECIAL_DAYS};
use talon_protocol::{DayHours, SpecialDay, WeekSchedule};

const WEEKDAYS: [&str; 7] = [
    "desk-weekday-mon",
    "desk-weekday-tue",
    "desk-weekday-wed",
    "desk-weekday-thu",
    "desk-weekday-fri",
    "desk-weekday-sat",
    "desk-weekday-sun",
];

/// One day's hours as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct DayForm {
    pub open: bool,
    pub from: String,
    pub to: String,
    pub lunch_from: String,
    pub lunch_to: String,
}

impl DayForm {
    pub fn of(hours: Option<&DayHours>) -> DayForm {
        match hours {
            Some(h) => DayForm {
                open: true,
                from: time_text(h.open),
                to: time_text(h.close),
                lunch_from: h.lunch_start.map(time_text).unwrap_or_default(),
                lunch_to: h.lunch_end.map(time_text).unwrap_or_default(),
            },
            None => DayForm {
                open: false,
                from: "09:00".into(),
                to: "18:00".into(),
                lunch_from: String::new(),
                lunch_to: String::new(),
            },
        }
    }

    /// The hours, or what is wrong with them, naming the day.
    pub fn hours(&self, cx: &Cx, day: &str) -> Result<Option<DayHours>, String> {
        if !self.open {
            return Ok(None);
        }
        let said = |id: &str| cx.text_with(id, &[("day", day.into())]);
        let time = |raw: &str| parse_time(raw).ok_or_else(|| said("desk-admin-bad-time"));
        let optional = |raw: &str| match raw.trim() {
            "" => Ok(None),
            raw => time(raw).map(Some),
        };
        let hours = DayHours {
            open: time(&self.from)?,
            close: time(&self.to)?,
            lunch_start: optional(&self.lunch_from)?,
            lunch_end: optional(&self.lunch_to)?,
        };
        if hours.open >= hours.close {
            return Err(said("desk-admin-open-before-close"));
        }
        match (hours.lunch_start, hours.lunch_end) {
            (None, None) => {}
            (Some(start), Some(end)) if start < end && start > hours.open && end < hours.close => {}
            (Some(_), Some(_)) => return Err(said("desk-admin-lunch-inside")),
            _ => return Err(said("desk-admin-lunch-both")),
        }
        Ok(Some(hours))
    }
}

/// A special day as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct SpecialForm {
    pub date: String,
    /// `day.open` false: closed all day.
    pub day: DayForm,
    pub note: String,
}

/// The week and its special days as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct HoursForm {
    pub week: [DayForm; 7],
    pub special: Vec<SpecialForm>,
}

impl HoursForm {
    pub fn of(schedule: &WeekSchedule) -> HoursForm {
        HoursForm {
            week: std::array::from_fn(|n| DayForm::of(schedule.day(n as u32))),
            special: schedule
                .special_days
                .iter()
                .map(|d| SpecialForm {
                    date: d.date.to_string(),
                    day: DayForm::of(d.hours.as_ref()),
                    note: d.note.clone(),
                })
                .collect(),
        }
    }

    pub fn schedule(&self, cx: &Cx) -> Result<WeekSchedule, String> {
        let mut days = Vec::with_capacity(7);
        for (form, id) in self.week.iter().zip(WEEKDAYS) {
            days.push(form.hours(cx, &cx.text(id))?);
        }
        if self.special.len() > SPECIAL_DAYS {
            return Err(cx.text_with(
                "desk-admin-too-many-special-days",
                &[("count", SPECIAL_DAYS.into())],
            ));
        }
        let mut special_days: Vec<SpecialDay> = Vec::new();
        for form in &self.special {
            let date = form
                .date
                .trim()
                .parse::<chrono::NaiveDate>()
                .map_err(|_| cx.text("desk-admin-bad-date"))?;
            if special_days.iter().any(|d| d.date == date) {
                return Err(cx.text_with(
                    "desk-admin-date-twice",
                    &[("date", date.to_string().into())],
                ));
            }
            if too_long(form.note.trim(), SPECIAL_DAY_NOTE) {
                return Err(cx.text_with(
                    "desk-admin-too-long",
                    &[
                        ("field", cx.text("desk-admin-special-note").into()),
                        ("count", SPECIAL_DAY_NOTE.into()),
                    ],
                ));
            }
            special_days.push(SpecialDay {
                date,
                hours: form.day.hours(cx, &date.to_string())?,
                note: form.note.trim().to_string(),
            });
        }
        special_days.sort_by_key(|d| d.date);
        let mut days = days.into_iter();
        let mut next = || days.next().flatten();
        Ok(WeekSchedule {
            mon: next(),
            tue: next(),
            wed: next(),
            thu: next(),
            fri: next(),
            sat: next(),
            sun: next(),
            special_days,
        })
    }
}

/// Open, close and lunch cells of one day; `name` prefixes their accessible names.
fn day_cells(ui: &mut Ui, cx: &Cx, name: &str, day: &mut DayForm) {
    let enabled = day.open;
    for (field, id) in [
        (&mut day.from, "desk-admin-hours-open"),
        (&mut day.to, "desk-admin-hours-close"),
        (&mut day.lunch_from, "desk-admin-hours-lunch-from"),
        (&mut day.lunch_to, "desk-admin-hours-lunch-to"),
    ] {
        ui.add_enabled_ui(enabled, |ui| {
            cell_edit(ui, &format!("{name}: {}", cx.text(id)), field, 80.0);
        });
    }
}

/// The week, one row a day: the weekday's checkbox opens it.
pub fn week_ui(ui: &mut Ui, cx: &Cx, hours: &mut HoursForm) {
    ui.label(
        RichText::new(cx.text("desk-admin-week"))
            .size(22.0)
            .strong(),
    );
    egui::Grid::new("admin_week")
        .num_columns(5)
        .spacing([18.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            super::fields::header_row(
                ui,
                cx,
                &[
                    "desk-admin-hours-day",
                    "desk-admin-hours-open",
                    "desk-admin-hours-close",
                    "desk-admin-hours-lunch-from",
                    "desk-admin-hours-lunch-to",
                ],
            );
            for (day, id) in hours.week.iter_mut().zip(WEEKDAYS) {
                let name = cx.text(id);
                ui.checkbox(&mut day.open, &name);
                day_cells(ui, cx, &name, day);
                ui.end_row();
            }
        });
    ui.label(RichText::new(cx.text("desk-admin-week-hint")).color(colors::MUTED));
}

/// The special days, one row each, with a button to add one and one to remove each.
pub fn special_ui(ui: &mut Ui, cx: &Cx, hours: &mut HoursForm) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(cx.text("desk-admin-special-days"))
                .size(22.0)
                .strong(),
        );
        if ui.button(cx.text("desk-admin-special-add")).clicked() {
            hours.special.push(SpecialForm {
                date: String::new(),
                day: DayForm::of(None),
                note: String::new(),
            });
        }
    });
    if hours.special.is_empty() {
        ui.label(RichText::new(cx.text("desk-admin-special-none")).color(colors::MUTED));
        return;
    }
    let mut remove = None;
    egui::Grid::new("admin_special_days")
        .num_columns(9)
        .spacing([14.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            super::fields::header_row(
                ui,
                cx,
                &[
                    "desk-admin-special-date",
                    "desk-admin-special-works",
                    "desk-admin-hours-open",
                    "desk-admin-hours-close",
                    "desk-admin-hours-lunch-from",
                    "desk-admin-hours-lunch-to",
                    "desk-admin-special-note",
                ],
            );
            for (n, special) in hours.special.iter_mut().enumerate() {
                let name = cx.text_with("desk-admin-special-row", &[("n", (n + 1).into())]);
                cell_edit(
                    ui,
                    &format!("{name}: {}", cx.text("desk-admin-special-date")),
                    &mut special.date,
                    130.0,
                );
                cell_checkbox(
                    ui,
                    &format!("{name}: {}", cx.text("desk-admin-special-works")),
                    &mut special.day.open,
                );
                day_cells(ui, cx, &name, &mut special.day);
                cell_edit(
                    ui,
                    &format!("{name}: {}", cx.text("desk-admin-special-note")),
                    &mut special.note,
                    220.0,
                );
                let name = cx.text_with("desk-admin-special-remove", &[("n", (n + 1).into())]);
                let button = ui.button(cx.text("desk-admin-special-remove-short"));
                named(&button, Role::Button, &name, None);
                if button.clicked() {
                    remove = Some(n);
                }
                ui.end_row();
            }
        });
    ui.label(RichText::new(cx.text("desk-admin-special-hint")).color(colors::MUTED));
    if let Some(n) = remove {
        hours.special.remove(n);
    }
}
