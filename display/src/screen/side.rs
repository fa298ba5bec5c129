//! The right column: how many wait for each topic and for about how long, and the
//! windows whose service is suspended, with the standard notice and the return time.

use super::{Scale, bold, text};
use crate::view::HallView;
use egui::{Align, Color32, Layout};
use talon_client::look::colors;
use talon_client::{Lang, text as words};

/// A dark amber behind the suspension notice: it must stand out without looking like
/// an alarm.
const NOTICE_FILL: Color32 = Color32::from_rgb(0x4a, 0x36, 0x0a);

pub(super) fn panel(ui: &mut egui::Ui, scale: Scale, view: &HallView, lang: Lang) {
    let width = ui.ctx().content_rect().width() * 0.36;
    egui::Panel::right("side")
        .exact_size(width)
        .resizable(false)
        .show_separator_line(false)
        .frame(super::background().inner_margin(scale.px(28.0)))
        .show(ui, |ui| {
            ui.label(bold(
                words(lang, "display-queue"),
                scale.px(40.0),
                colors::ACCENT,
            ));
            ui.add_space(scale.px(10.0));
            for line in &view.queues {
                queue_line(ui, scale, line);
                ui.add_space(scale.px(10.0));
            }
            if !view.paused.is_empty() {
                ui.add_space(scale.px(16.0));
                paused(ui, scale, view, lang);
            }
        });
}

fn queue_line(ui: &mut egui::Ui, scale: Scale, line: &crate::view::QueueLine) {
    egui::Frame::new()
        .fill(colors::PANEL)
        .corner_radius(scale.px(12.0))
        .inner_margin(egui::vec2(scale.px(18.0), scale.px(12.0)))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                // A fixed column, so the topic names line up whatever the letters.
                ui.add_sized(
                    [scale.px(76.0), scale.px(56.0)],
                    egui::Label::new(bold(&line.prefix, scale.px(48.0), colors::ACCENT)),
                );
                ui.vertical(|ui| {
                    ui.add(egui::Label::new(text(&line.name, scale.px(28.0), colors::TEXT)).wrap());
                    ui.horizontal(|ui| {
                        ui.label(bold(&line.waiting, scale.px(28.0), colors::TEXT));
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            ui.label(text(&line.wait, scale.px(28.0), colors::MUTED));
                        });
                    });
                });
            });
        });
}

fn paused(ui: &mut egui::Ui, scale: Scale, view: &HallView, lang: Lang) {
    egui::Frame::new()
        .fill(NOTICE_FILL)
        .stroke(egui::Stroke::new(scale.px(3.0), colors::WARNING))
        .corner_radius(scale.px(12.0))
        .inner_margin(scale.px(18.0))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            for line in &view.paused {
                ui.label(bold(line, scale.px(30.0), colors::WARNING));
            }
            ui.add_space(scale.px(8.0));
            ui.add(
                egui::Label::new(text(
                    words(lang, "common-paused-notice"),
                    scale.px(24.0),
                    colors::TEXT,
                ))
                .wrap(),
            );
        });
}
