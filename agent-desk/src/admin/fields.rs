//! Form fields of the administration screens and the checks they share.

use crate::cx::Cx;
use chrono::NaiveTime;
use egui::accesskit::Role;
use egui::{Response, RichText, Ui};
use talon_client::look::colors;

/// A table's header row: each column's name, muted, then the end of the row.
pub fn header_row(ui: &mut Ui, cx: &Cx, ids: &[&str]) {
    for id in ids {
        ui.label(RichText::new(cx.text(id)).color(colors::MUTED));
    }
    ui.end_row();
}

/// A form's "save" and "cancel" buttons (Esc cancels too), save disabled while `busy`:
/// whether each was pressed.
pub fn save_or_cancel(ui: &mut Ui, cx: &Cx, save_text: &str, busy: bool) -> (bool, bool) {
    let mut pressed = (false, false);
    ui.horizontal(|ui| {
        let save = egui::Button::new(RichText::new(cx.text(save_text)).strong())
            .fill(colors::BUTTON)
            .min_size(egui::vec2(200.0, 44.0));
        pressed.0 = ui.add_enabled(!busy, save).clicked();
        pressed.1 = ui.button(cx.text("desk-form-cancel")).clicked()
            || ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    });
    pressed
}

/// A one-line field without a visible label (in a table), named `name` for screen
/// readers and tests.
pub fn cell_edit(ui: &mut Ui, name: &str, value: &mut String, width: f32) -> Response {
    // Sized, not only hinted: a table's column would otherwise keep its header's width.
    let height = ui.spacing().interact_size.y;
    let response = ui.add_sized([width, height], egui::TextEdit::singleline(value));
    named(&response, Role::TextInput, name, Some(value.clone()));
    response
}

/// Gives a widget the accessible name `name` (its visible text may be a symbol).
pub fn named(response: &Response, role: Role, name: &str, text: Option<String>) {
    let enabled = response.enabled();
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(role, enabled, name);
        info.current_text_value = text.clone();
        info
    });
}

/// A checkbox without visible text (in a table), named `name`.
pub fn cell_checkbox(ui: &mut Ui, name: &str, value: &mut bool) -> Response {
    let response = ui.checkbox(value, "");
    let (enabled, selected) = (response.enabled(), *value);
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(Role::CheckBox, enabled, name);
        info.selected = Some(selected);
        info
    });
    response
}

/// A button showing `symbol` (▲, ▼) named `name`.
pub fn symbol_button(ui: &mut Ui, symbol: &str, name: &str, enabled: bool) -> bool {
    let response = ui.add_enabled(enabled, egui::Button::new(symbol));
    named(&response, Role::Button, name, None);
    response.clicked()
}

/// A labelled multi-line field.
pub fn text_area(ui: &mut Ui, label: &str, value: &mut String, width: f32, rows: usize) {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::multiline(value)
            .desired_width(width)
            .desired_rows(rows),
    )
    .labelled_by(label.id);
}

/// A labelled password field.
pub fn password_field(ui: &mut Ui, label: &str, value: &mut String, width: f32) {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(
            egui::TextEdit::singleline(value)
                .password(true)
                .desired_width(width),
        )
        .labelled_by(label.id);
    });
}

/// "8:30" or "08:30".
pub fn parse_time(raw: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(raw.trim(), "%H:%M").ok()
}

pub fn time_text(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// Whole non-negative minutes, counts, hours.
pub fn parse_count(raw: &str) -> Option<u32> {
    raw.trim().parse().ok()
}

/// More than `max` characters.
pub fn too_long(value: &str, max: usize) -> bool {
    value.chars().nth(max).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_counts() {
        assert_eq!(
            parse_time(" 8:30 ").map(time_text).as_deref(),
            Some("08:30")
        );
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("8.30"), None);
        assert_eq!(parse_count(" 15 "), Some(15));
        assert_eq!(parse_count("-1"), None);
        assert!(too_long("абв", 2));
        assert!(!too_long("абв", 3));
    }
}
