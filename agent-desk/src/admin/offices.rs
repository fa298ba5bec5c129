//! Offices: the list (an administrator adds new ones) and one office's form: name, time
//! zone, settings, and its hours on a part of its own. One save sends the whole office.

use super::call::Call;
use super::fields::{parse_count, text_area, too_long};
use super::hours::{self, HoursForm};
use super::zones;
use crate::cx::Cx;
use crate::forms::text_field;
use crate::widgets::{muted, section};
use egui::{RichText, Ui};
use talon_client::look::colors;
use talon_protocol::api::{OfficeInput, Role, default_schedule};
use talon_protocol::limits::{Bounded, CATEGORIES, CATEGORY, INFO_LINE, NAME};
use talon_protocol::{Office, OfficeId, OfficeSettings, TimeZone};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Part {
    #[default]
    Main,
    Hours,
}

/// The settings' number fields: (the text id of the label, the value as typed).
type Numbers = [(&'static str, String); 8];

struct OfficeForm {
    id: Option<OfficeId>,
    name: String,
    zone: String,
    zone_search: String,
    hours: HoursForm,
    numbers: Numbers,
    categories: String,
    info_line: String,
    /// Kept as the office has it (set by an administrator).
    region: Option<talon_protocol::RegionId>,
}

impl OfficeForm {
    fn of(id: Option<OfficeId>, name: &str, zone: &str, input: &OfficeInput) -> OfficeForm {
        let s = &input.settings;
        OfficeForm {
            id,
            name: name.to_string(),
            zone: zone.to_string(),
            zone_search: String::new(),
            hours: HoursForm::of(&input.schedule),
            numbers: [
                (
                    "desk-admin-stop-before-close",
                    s.issuing_stops_before_close_min.to_string(),
                ),
                (
                    "desk-admin-queue-threshold",
                    s.queue_alert_threshold.to_string(),
                ),
                (
                    "desk-admin-monthly-limit",
                    s.monthly_wait_limit_min.to_string(),
                ),
                ("desk-admin-idle-after", s.idle_alert_after_min.to_string()),
                (
                    "desk-admin-device-offline-after",
                    s.device_offline_after_min.to_string(),
                ),
                ("desk-admin-soon-when-ahead", s.soon_when_ahead.to_string()),
                ("desk-admin-feedback-hours", s.feedback_hours.to_string()),
                (
                    "desk-admin-escalate-after",
                    s.escalate_after_min.to_string(),
                ),
            ],
            categories: s.out_of_turn_categories.join("\n"),
            info_line: s.info_line.clone(),
            region: input.region_id,
        }
    }

    fn new_office() -> OfficeForm {
        let input = OfficeInput {
            name: String::new(),
            time_zone: chrono_tz::Europe::Moscow.into(),
            schedule: default_schedule(),
            settings: OfficeSettings::default(),
            region_id: None,
        };
        OfficeForm::of(None, "", "Europe/Moscow", &input)
    }

    fn of_office(office: &Office) -> OfficeForm {
        let input = OfficeInput::from(office.clone());
        OfficeForm::of(
            Some(office.id),
            &office.name,
            office.time_zone.name(),
            &input,
        )
    }

    /// The request body, or the first thing the server would refuse, in words.
    fn input(&self, cx: &Cx) -> Result<OfficeInput, String> {
        let too_long_said = |field: &str, count: usize| {
            cx.text_with(
                "desk-admin-too-long",
                &[("field", field.into()), ("count", count.into())],
            )
        };
        let name = self.name.trim();
        if name.is_empty() {
            return Err(cx.text("desk-admin-office-needs-name"));
        }
        if too_long(name, NAME) {
            return Err(too_long_said(&cx.text("desk-admin-office-name"), NAME));
        }
        let time_zone =
            TimeZone::parse(&self.zone).map_err(|_| cx.text("desk-admin-choose-zone"))?;
        let schedule = self.hours.schedule(cx)?;
        let mut numbers = [0u32; 8];
        for (value, (id, raw)) in numbers.iter_mut().zip(&self.numbers) {
            *value = parse_count(raw).ok_or_else(|| {
                cx.text_with("desk-admin-bad-number", &[("field", cx.text(id).into())])
            })?;
        }
        let categories: Vec<String> = self
            .categories
            .lines()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect();
        if categories.len() > CATEGORIES {
            return Err(cx.text_with(
                "desk-admin-too-many-categories",
                &[("count", CATEGORIES.into())],
            ));
        }
        if categories.iter().any(|c| too_long(c, CATEGORY)) {
            return Err(too_long_said(&cx.text("desk-admin-category"), CATEGORY));
        }
        let info_line = self.info_line.trim().to_string();
        if too_long(&info_line, INFO_LINE) {
            return Err(too_long_said(&cx.text("desk-admin-info-line"), INFO_LINE));
        }
        let [
            stop,
            threshold,
            monthly,
            idle,
            offline,
            soon,
            feedback,
            escalate,
        ] = numbers;
        let input = OfficeInput {
            name: name.to_string(),
            time_zone,
            schedule,
            settings: OfficeSettings {
                issuing_stops_before_close_min: stop,
                queue_alert_threshold: threshold,
                monthly_wait_limit_min: monthly,
                idle_alert_after_min: idle,
                out_of_turn_categories: categories,
                info_line,
                soon_when_ahead: soon,
                feedback_hours: feedback,
                device_offline_after_min: offline,
                escalate_after_min: escalate,
            },
            region_id: self.region,
        };
        // The protocol's own limits and rules, as the server applies them.
        input.check_bounds().map_err(|e| e.to_string())?;
        if let Some(problem) = input.schedule.problem() {
            return Err(problem);
        }
        Ok(input)
    }
}

#[derive(Default)]
pub struct OfficesScreen {
    form: Option<OfficeForm>,
    /// The office the form was made from (a new selection makes a new form).
    form_of: Option<OfficeId>,
    part: Part,
    save: Call<Office>,
    saved: Option<String>,
}

impl OfficesScreen {
    /// Returns the office just saved.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &Cx,
        offices: &[Office],
        selected: &mut Option<OfficeId>,
    ) -> Option<Office> {
        let saved = self.save.poll(cx);
        if let Some(office) = &saved {
            self.saved = Some(cx.text_with(
                "desk-admin-office-saved",
                &[("office", office.name.as_str().into())],
            ));
            *selected = Some(office.id);
            self.form = Some(OfficeForm::of_office(office));
            self.form_of = Some(office.id);
        }
        let admin = cx.user.role == Role::Admin;
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(260.0);
                section(ui, &cx.text("desk-admin-offices"));
                if offices.is_empty() {
                    muted(ui, &cx.text("desk-admin-no-offices"));
                }
                let editing = self.form.as_ref().and_then(|f| f.id);
                for office in offices {
                    if ui
                        .selectable_label(editing == Some(office.id), &office.name)
                        .clicked()
                    {
                        *selected = Some(office.id);
                        self.form = Some(OfficeForm::of_office(office));
                        self.form_of = Some(office.id);
                        self.saved = None;
                        self.save.error = None;
                    }
                }
                if admin {
                    ui.add_space(8.0);
                    if ui.button(cx.text("desk-admin-office-new")).clicked() {
                        self.form = Some(OfficeForm::new_office());
                        self.form_of = None;
                        self.saved = None;
                        self.save.error = None;
                    }
                }
            });
            ui.separator();
            ui.vertical(|ui| {
                // The selection moved (here or on another screen): a fresh form.
                if let Some(id) = *selected
                    && self.form_of != Some(id)
                    && self.form.as_ref().is_none_or(|f| f.id.is_some())
                    && let Some(office) = offices.iter().find(|o| o.id == id)
                {
                    self.form = Some(OfficeForm::of_office(office));
                    self.form_of = Some(id);
                    self.saved = None;
                    self.save.error = None;
                }
                self.form_ui(ui, cx);
            });
        });
        saved
    }

    fn form_ui(&mut self, ui: &mut Ui, cx: &Cx) {
        let Some(form) = &mut self.form else {
            muted(ui, &cx.text("desk-admin-office-choose"));
            return;
        };
        let title = match form.id {
            Some(_) => cx.text_with(
                "desk-admin-office-title",
                &[("office", form.name.as_str().into())],
            ),
            None => cx.text("desk-admin-office-new-title"),
        };
        ui.label(
            RichText::new(title)
                .size(24.0)
                .strong()
                .color(colors::ACCENT),
        );
        ui.horizontal(|ui| {
            let save = egui::Button::new(RichText::new(cx.text("desk-admin-office-save")).strong())
                .fill(colors::BUTTON)
                .min_size(egui::vec2(220.0, 44.0));
            if ui.add_enabled(!self.save.busy(), save).clicked() {
                self.saved = None;
                match form.input(cx) {
                    Ok(input) => {
                        let api = cx.api.clone();
                        match form.id {
                            Some(id) => self
                                .save
                                .start(cx, async move { api.update_office(id, &input).await }),
                            None => self
                                .save
                                .start(cx, async move { api.create_office(&input).await }),
                        }
                    }
                    Err(message) => self.save.refuse(message),
                }
            }
            ui.add_space(12.0);
            for (part, id) in [
                (Part::Main, "desk-admin-office-main"),
                (Part::Hours, "desk-admin-office-hours"),
            ] {
                ui.selectable_value(&mut self.part, part, RichText::new(cx.text(id)).size(20.0));
            }
        });
        self.save.show(ui, cx, "desk-admin-saving");
        if let Some(saved) = &self.saved {
            ui.colored_label(colors::OK, saved);
        }
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .id_salt("office_form")
            .auto_shrink([false, false])
            .show(ui, |ui| match self.part {
                Part::Main => main_part(ui, cx, form),
                Part::Hours => {
                    hours::week_ui(ui, cx, &mut form.hours);
                    ui.add_space(14.0);
                    hours::special_ui(ui, cx, &mut form.hours);
                }
            });
    }
}

fn main_part(ui: &mut Ui, cx: &Cx, form: &mut OfficeForm) {
    text_field(
        ui,
        &cx.text("desk-admin-office-name"),
        &mut form.name,
        "",
        420.0,
    );
    zones::picker(ui, cx, &mut form.zone, &mut form.zone_search);
    ui.add_space(10.0);
    ui.label(
        RichText::new(cx.text("desk-admin-settings"))
            .size(22.0)
            .strong(),
    );
    egui::Grid::new("office_numbers")
        .num_columns(2)
        .spacing([18.0, 6.0])
        .show(ui, |ui| {
            for (id, value) in &mut form.numbers {
                let label = ui.label(cx.text(id));
                ui.add(egui::TextEdit::singleline(value).desired_width(80.0))
                    .labelled_by(label.id);
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    text_area(
        ui,
        &cx.text("desk-admin-categories"),
        &mut form.categories,
        700.0,
        3,
    );
    text_field(
        ui,
        &cx.text("desk-admin-info-line"),
        &mut form.info_line,
        "",
        700.0,
    );
}
