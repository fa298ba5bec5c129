//! Small pieces of UI used on several screens.

use egui::{Color32, RichText, Ui};
use talon_client::look::{colors, norm_color};
use talon_client::{Lang, text, text_with};
use talon_protocol::NormStatus;

/// The status in words, so that colour is never the only signal.
pub fn norm_word(lang: Lang, status: NormStatus) -> String {
    match status {
        NormStatus::Ok => text(lang, "desk-norm-ok"),
        NormStatus::Warning => text(lang, "desk-norm-warning"),
        NormStatus::Breach => text(lang, "desk-norm-breach"),
    }
}

/// "Ожидание  12:05  норма 15 мин · в норме", coloured by the status.
pub fn timer_line(
    ui: &mut Ui,
    lang: Lang,
    what: &str,
    ms: i64,
    status: NormStatus,
    norm_minutes: u32,
    size: f32,
) {
    let color = norm_color(status);
    ui.horizontal(|ui| {
        ui.label(RichText::new(what).size(size).color(colors::MUTED));
        ui.label(
            RichText::new(Lang::clock_duration(ms))
                .size(size * 1.4)
                .strong()
                .color(color),
        );
        ui.label(
            RichText::new(text_with(
                lang,
                "desk-norm-line",
                &[
                    ("minutes", norm_minutes.into()),
                    ("verdict", norm_word(lang, status).into()),
                ],
            ))
            .size(size)
            .color(color),
        );
    });
}

/// A coloured tag such as "ВНЕ ОЧЕРЕДИ".
pub fn badge(ui: &mut Ui, text: &str, fill: Color32) {
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(8, 3))
        .corner_radius(4)
        .show(ui, |ui| {
            ui.label(RichText::new(text).strong().color(Color32::BLACK));
        });
}

/// A heading with the section's accent.
pub fn section(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).size(24.0).strong());
}

/// A grey "nothing here" line.
pub fn muted(ui: &mut Ui, text: &str) {
    ui.colored_label(colors::MUTED, text);
}

/// Splits the space left in `ui` into a main area and a column of `right_width` on the
/// right, with a thin line between them; returns (main, right). Fill each with
/// [`in_rect`].
pub fn split_right(ui: &mut Ui, right_width: f32) -> (egui::Rect, egui::Rect) {
    let rect = ui.available_rect_before_wrap();
    let gap = 24.0;
    let right =
        egui::Rect::from_min_max(egui::pos2(rect.max.x - right_width, rect.min.y), rect.max);
    let main = egui::Rect::from_min_max(rect.min, egui::pos2(right.min.x - gap, rect.max.y));
    ui.painter().vline(
        right.min.x - gap / 2.0,
        rect.y_range(),
        egui::Stroke::new(1.0, colors::MUTED.gamma_multiply(0.4)),
    );
    ui.advance_cursor_after_rect(rect);
    (main, right)
}

/// Lays out `add` top-down inside `rect`, clipped to it.
pub fn in_rect<R>(ui: &mut Ui, rect: egui::Rect, add: impl FnOnce(&mut Ui) -> R) -> R {
    let builder = egui::UiBuilder::new()
        .max_rect(rect)
        .layout(egui::Layout::top_down(egui::Align::Min));
    ui.scope_builder(builder, |ui| {
        ui.shrink_clip_rect(rect);
        add(ui)
    })
    .inner
}
