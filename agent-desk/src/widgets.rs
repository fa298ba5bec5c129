//! Small pieces of UI used on several screens.

use egui::{Color32, RichText, Ui};
use talon_client::Lang;
use talon_client::look::{colors, norm_color};
use talon_protocol::NormStatus;

/// The status in words, so that colour is never the only signal.
pub fn norm_word(lang: Lang, status: NormStatus) -> &'static str {
    match status {
        NormStatus::Ok => lang.pick("в норме", "within norm"),
        NormStatus::Warning => lang.pick("близко к норме", "near the norm"),
        NormStatus::Breach => lang.pick("сверх нормы", "over the norm"),
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
            RichText::new(format!(
                "{} {norm_minutes} {} · {}",
                lang.pick("норма", "norm"),
                lang.pick("мин", "min"),
                norm_word(lang, status)
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
