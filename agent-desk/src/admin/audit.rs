//! The audit log: every administrative change with who, when, what, and the fields it
//! changed (before and after), filtered by office, person, kind and period.

use super::call::Call;
use crate::cx::Cx;
use crate::forms::{parse_date, text_field};
use crate::widgets::{muted, section};
use egui::{RichText, Ui};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use talon_client::api::AuditQuery;
use talon_client::look::colors;
use talon_protocol::api::User;
use talon_protocol::audit::{AuditAction, AuditEntry};
use talon_protocol::{Office, OfficeId, StaffId};

/// The action in words.
pub fn action_name(cx: &Cx, action: AuditAction) -> String {
    cx.text(match action {
        AuditAction::OfficeCreated => "desk-audit-office-created",
        AuditAction::OfficeChanged => "desk-audit-office-changed",
        AuditAction::TopicCreated => "desk-audit-topic-created",
        AuditAction::TopicChanged => "desk-audit-topic-changed",
        AuditAction::WindowCreated => "desk-audit-window-created",
        AuditAction::WindowChanged => "desk-audit-window-changed",
        AuditAction::StaffCreated => "desk-audit-staff-created",
        AuditAction::StaffChanged => "desk-audit-staff-changed",
        AuditAction::PasswordReset => "desk-audit-password-reset",
        AuditAction::PasswordChanged => "desk-audit-password-changed",
        AuditAction::DeviceCreated => "desk-audit-device-created",
        AuditAction::DeviceRevoked => "desk-audit-device-revoked",
        AuditAction::ReceptionChanged => "desk-audit-reception-changed",
        AuditAction::RegionCreated => "desk-audit-region-created",
        AuditAction::RegionChanged => "desk-audit-region-changed",
    })
}

/// One changed field: its path, the value before and after (none: absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

fn flatten(path: &str, value: &Value, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                flatten(&path, value, out);
            }
        }
        Value::Array(items) if items.iter().any(|v| v.is_object() || v.is_array()) => {
            for (n, value) in items.iter().enumerate() {
                flatten(&format!("{path}[{n}]"), value, out);
            }
        }
        Value::String(text) => {
            out.insert(path.to_string(), format!("«{text}»"));
        }
        other => {
            out.insert(path.to_string(), other.to_string());
        }
    }
}

/// The fields that differ between before and after, in path order.
pub fn changes(before: Option<&Value>, after: Option<&Value>) -> Vec<Change> {
    let mut old = BTreeMap::new();
    let mut new = BTreeMap::new();
    if let Some(before) = before {
        flatten("", before, &mut old);
    }
    if let Some(after) = after {
        flatten("", after, &mut new);
    }
    let fields: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    fields
        .into_iter()
        .filter(|field| old.get(*field) != new.get(*field))
        .map(|field| Change {
            field: field.clone(),
            before: old.get(field).cloned(),
            after: new.get(field).cloned(),
        })
        .collect()
}

#[derive(Default)]
pub struct AuditScreen {
    requested: bool,
    office: Option<OfficeId>,
    staff: Option<StaffId>,
    action: Option<AuditAction>,
    from: String,
    to: String,
    list: Call<Vec<AuditEntry>>,
    entries: Option<Vec<AuditEntry>>,
    open: BTreeSet<i64>,
    people: Call<Vec<User>>,
    users: Vec<User>,
}

/// Column widths: when, who, what kind, subject.
const COLUMNS: [f32; 4] = [190.0, 220.0, 300.0, 380.0];

fn cell(ui: &mut Ui, width: f32, text: RichText) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, 30.0),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_width(width);
            ui.add(egui::Label::new(text).truncate());
        },
    );
}

impl AuditScreen {
    fn query(&self, cx: &Cx) -> Result<AuditQuery, String> {
        let day = |raw: &str| -> Result<Option<chrono::NaiveDate>, String> {
            match raw.trim() {
                "" => Ok(None),
                raw => parse_date(raw)
                    .map(Some)
                    .ok_or_else(|| cx.text("desk-report-bad-dates")),
            }
        };
        Ok(AuditQuery {
            office: self.office,
            staff: self.staff,
            action: self.action,
            from: day(&self.from)?,
            to: day(&self.to)?,
        })
    }

    fn request(&mut self, cx: &Cx) {
        match self.query(cx) {
            Ok(query) => {
                let api = cx.api.clone();
                self.list.start(cx, async move { api.audit(&query).await });
            }
            Err(message) => self.list.refuse(message),
        }
    }

    /// Shows the log again from the server (after a change elsewhere).
    pub fn refresh(&mut self) {
        self.requested = false;
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &Cx, offices: &[Office]) {
        if !self.requested {
            self.requested = true;
            self.request(cx);
            let api = cx.api.clone();
            self.people.start(cx, async move { api.staff().await });
        }
        if let Some(entries) = self.list.poll(cx) {
            self.entries = Some(entries);
        }
        if let Some(mut users) = self.people.poll(cx) {
            users.sort_by(|a, b| a.name.cmp(&b.name));
            self.users = users;
        }
        // Without a staff list (a refusal) the person filter is simply not offered.
        self.people.error = None;
        section(ui, &cx.text("desk-admin-audit"));
        self.filters(ui, cx, offices);
        self.list.show_loading(ui, cx, self.entries.is_some());
        let Some(entries) = &self.entries else {
            return;
        };
        if entries.is_empty() {
            muted(ui, &cx.text("desk-audit-empty"));
            return;
        }
        ui.horizontal(|ui| {
            for (id, width) in [
                "desk-audit-when",
                "desk-audit-who",
                "desk-audit-action",
                "desk-audit-subject",
            ]
            .into_iter()
            .zip(COLUMNS)
            {
                cell(ui, width, RichText::new(cx.text(id)).color(colors::MUTED));
            }
        });
        let mut toggle = None;
        egui::ScrollArea::vertical()
            .id_salt("audit_entries")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for entry in entries {
                    let open = self.open.contains(&entry.id);
                    ui.horizontal(|ui| {
                        cell(ui, COLUMNS[0], RichText::new(when(offices, entry)));
                        cell(ui, COLUMNS[1], RichText::new(&entry.actor_name));
                        cell(
                            ui,
                            COLUMNS[2],
                            RichText::new(action_name(cx, entry.action)).strong(),
                        );
                        cell(ui, COLUMNS[3], RichText::new(&entry.subject));
                        let id = if open {
                            "desk-audit-hide"
                        } else {
                            "desk-audit-show"
                        };
                        let label = cx.text_with(
                            id,
                            &[
                                ("action", action_name(cx, entry.action).into()),
                                ("subject", entry.subject.as_str().into()),
                            ],
                        );
                        let response = ui.button(cx.text(if open {
                            "desk-audit-hide-short"
                        } else {
                            "desk-audit-show-short"
                        }));
                        super::fields::named(
                            &response,
                            egui::accesskit::Role::Button,
                            &label,
                            None,
                        );
                        if response.clicked() {
                            toggle = Some(entry.id);
                        }
                    });
                    if open {
                        details(ui, cx, entry);
                    }
                }
            });
        if let Some(id) = toggle
            && !self.open.remove(&id)
        {
            self.open.insert(id);
        }
    }

    fn filters(&mut self, ui: &mut Ui, cx: &Cx, offices: &[Office]) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(cx.text("desk-audit-office"));
            let office_name = |id: Option<OfficeId>| match id {
                None => cx.text("desk-audit-all-offices"),
                Some(id) => offices
                    .iter()
                    .find(|o| o.id == id)
                    .map_or_else(|| format!("#{id}"), |o| o.name.clone()),
            };
            egui::ComboBox::from_id_salt("audit_office")
                .selected_text(office_name(self.office))
                .width(220.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.office, None, office_name(None));
                    for office in offices {
                        ui.selectable_value(&mut self.office, Some(office.id), &office.name);
                    }
                })
                .response
                .labelled_by(label.id);
            if !self.users.is_empty() {
                let label = ui.label(cx.text("desk-audit-person"));
                let person = |id: Option<StaffId>| match id {
                    None => cx.text("desk-audit-everyone"),
                    Some(id) => self
                        .users
                        .iter()
                        .find(|u| u.id == id)
                        .map_or_else(|| format!("#{id}"), |u| u.name.clone()),
                };
                let chosen = person(self.staff);
                let mut staff = self.staff;
                egui::ComboBox::from_id_salt("audit_person")
                    .selected_text(chosen)
                    .width(220.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut staff, None, cx.text("desk-audit-everyone"));
                        for user in &self.users {
                            ui.selectable_value(&mut staff, Some(user.id), &user.name);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                self.staff = staff;
            }
            let label = ui.label(cx.text("desk-audit-kind"));
            let action_text = |action: Option<AuditAction>| match action {
                None => cx.text("desk-audit-all-actions"),
                Some(action) => action_name(cx, action),
            };
            egui::ComboBox::from_id_salt("audit_action")
                .selected_text(action_text(self.action))
                .width(300.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.action, None, action_text(None));
                    for action in AuditAction::all() {
                        ui.selectable_value(
                            &mut self.action,
                            Some(action),
                            action_name(cx, action),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            text_field(
                ui,
                &cx.text("desk-report-from"),
                &mut self.from,
                &cx.text("desk-date-hint"),
                150.0,
            );
            text_field(
                ui,
                &cx.text("desk-report-to"),
                &mut self.to,
                &cx.text("desk-date-hint"),
                150.0,
            );
            let show = egui::Button::new(RichText::new(cx.text("desk-audit-apply")).strong())
                .fill(colors::BUTTON);
            if ui.add_enabled(!self.list.busy(), show).clicked() {
                self.open.clear();
                self.request(cx);
            }
        });
    }
}

/// When, in the office's zone (the desk's own for changes outside an office).
fn when(offices: &[Office], entry: &AuditEntry) -> String {
    const FORMAT: &str = "%d.%m.%Y %H:%M";
    match entry
        .office_id
        .and_then(|id| offices.iter().find(|o| o.id == id))
    {
        Some(office) => entry
            .at
            .with_timezone(&office.time_zone.tz())
            .format(FORMAT)
            .to_string(),
        None => entry
            .at
            .with_timezone(&chrono::Local)
            .format(FORMAT)
            .to_string(),
    }
}

/// A label's text without its colon, as a field's name.
fn bare(cx: &Cx, id: &str) -> String {
    cx.text(id).trim_end_matches(':').trim().to_string()
}

/// A changed field in words where the desk knows it ("Понедельник: Открытие"), else its
/// path as the API names it.
pub fn field_name(cx: &Cx, path: &str) -> String {
    const WEEKDAYS: [(&str, &str); 7] = [
        ("mon", "desk-weekday-mon"),
        ("tue", "desk-weekday-tue"),
        ("wed", "desk-weekday-wed"),
        ("thu", "desk-weekday-thu"),
        ("fri", "desk-weekday-fri"),
        ("sat", "desk-weekday-sat"),
        ("sun", "desk-weekday-sun"),
    ];
    const HOURS: [(&str, &str); 4] = [
        ("open", "desk-admin-hours-open"),
        ("close", "desk-admin-hours-close"),
        ("lunch_start", "desk-admin-hours-lunch-from"),
        ("lunch_end", "desk-admin-hours-lunch-to"),
    ];
    let simple = match path {
        "time_zone" => Some("desk-admin-zone"),
        "settings.issuing_stops_before_close_min" => Some("desk-admin-stop-before-close"),
        "settings.queue_alert_threshold" => Some("desk-admin-queue-threshold"),
        "settings.monthly_wait_limit_min" => Some("desk-admin-monthly-limit"),
        "settings.idle_alert_after_min" => Some("desk-admin-idle-after"),
        "settings.device_offline_after_min" => Some("desk-admin-device-offline-after"),
        "settings.escalate_after_min" => Some("desk-admin-escalate-after"),
        "settings.soon_when_ahead" => Some("desk-admin-soon-when-ahead"),
        "settings.feedback_hours" => Some("desk-admin-feedback-hours"),
        "settings.out_of_turn_categories" => Some("desk-admin-categories"),
        "settings.info_line" => Some("desk-admin-info-line"),
        "prefix" => Some("desk-admin-topic-prefix"),
        "name_ru" => Some("desk-admin-topic-name-ru"),
        "name_en" => Some("desk-admin-topic-name-en"),
        "norms.wait.minutes" => Some("desk-norm-edit-wait"),
        "norms.service.minutes" => Some("desk-norm-edit-service"),
        "norms.total.minutes" => Some("desk-norm-edit-total"),
        "display_order" => Some("desk-admin-order"),
        "label" => Some("desk-admin-window-label"),
        "login" => Some("desk-admin-staff-login"),
        "role" => Some("desk-admin-staff-role"),
        "offices" => Some("desk-admin-staff-offices"),
        _ => None,
    };
    if let Some(id) = simple {
        return bare(cx, id);
    }
    if let Some(rest) = path.strip_prefix("schedule.")
        && let Some((day, field)) = rest.split_once('.')
        && let Some((_, day_id)) = WEEKDAYS.iter().find(|(d, _)| *d == day)
        && let Some((_, field_id)) = HOURS.iter().find(|(f, _)| *f == field)
    {
        return format!("{}: {}", cx.text(day_id), cx.text(field_id));
    }
    path.to_string()
}

/// The fields the change touched, before → after.
fn details(ui: &mut Ui, cx: &Cx, entry: &AuditEntry) {
    let changes = changes(entry.before.as_ref(), entry.after.as_ref());
    egui::Frame::new()
        .fill(colors::PANEL)
        .inner_margin(egui::Margin {
            left: 24,
            right: 10,
            top: 6,
            bottom: 6,
        })
        .corner_radius(6)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if changes.is_empty() {
                muted(ui, &cx.text("desk-audit-no-fields"));
                return;
            }
            egui::Grid::new(("audit_changes", entry.id))
                .num_columns(3)
                .spacing([18.0, 4.0])
                .show(ui, |ui| {
                    super::fields::header_row(
                        ui,
                        cx,
                        &["desk-audit-field", "desk-audit-before", "desk-audit-after"],
                    );
                    for change in changes {
                        let words = field_name(cx, &change.field);
                        let shown = if words == change.field {
                            RichText::new(words).monospace()
                        } else {
                            RichText::new(words)
                        };
                        ui.label(shown).on_hover_text(&change.field);
                        ui.label(change.before.unwrap_or_else(|| "—".into()));
                        ui.label(
                            RichText::new(change.after.unwrap_or_else(|| "—".into()))
                                .color(colors::ACCENT),
                        );
                        ui.end_row();
                    }
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_changed_fields_are_listed_with_their_paths() {
        let before = json!({"name": "Окно 1", "topics": [1, 2], "active": true,
            "schedule": {"mon": {"open": "08:00"}}});
        let after = json!({"name": "Окно 1", "topics": [2, 1], "active": false,
            "schedule": {"mon": {"open": "09:00"}}});
        let found = changes(Some(&before), Some(&after));
        let fields: Vec<&str> = found.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["active", "schedule.mon.open", "topics"]);
        assert_eq!(found[0].before.as_deref(), Some("true"));
        assert_eq!(found[1].after.as_deref(), Some("«09:00»"));
        let created = changes(None, Some(&json!({"login": "olga"})));
        assert_eq!(
            created,
            [Change {
                field: "login".into(),
                before: None,
                after: Some("«olga»".into())
            }]
        );
    }
}
