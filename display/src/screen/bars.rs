//! The header (office, connection marker, date and clock) and the footer (office
//! information, out-of-turn categories, sound notice).

use super::{Scale, SoundNotice, bold, text};
use crate::link::Freshness;
use crate::view::HallView;
use egui::{Align, Layout};
use talon_client::look::colors;
use talon_client::{Lang, text as words};

pub(super) fn header(ui: &mut egui::Ui, scale: Scale, view: &HallView, lang: Lang) {
    egui::Panel::top("header")
        .exact_size(scale.px(110.0))
        .show_separator_line(false)
        .frame(
            egui::Frame::new()
                .fill(colors::PANEL)
                .inner_margin(egui::vec2(scale.px(28.0), 0.0)),
        )
        .show(ui, |ui| {
            ui.horizontal_centered(|ui| {
                ui.add(
                    egui::Label::new(bold(&view.office, scale.px(36.0), colors::TEXT)).truncate(),
                );
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.label(bold(&view.time, scale.px(64.0), colors::TEXT));
                    ui.add_space(scale.px(20.0));
                    ui.label(text(&view.date, scale.px(28.0), colors::MUTED));
                    if view.freshness != Freshness::Live {
                        ui.add_space(scale.px(28.0));
                        disconnected_marker(ui, scale, lang);
                    }
                });
            });
        });
}

/// A small red marker, shown as soon as the link drops.
fn disconnected_marker(ui: &mut egui::Ui, scale: Scale, lang: Lang) {
    ui.label(
        bold(
            format!(" ● {} ", words(lang, "common-offline")),
            scale.px(28.0),
            colors::TEXT,
        )
        .background_color(colors::BREACH),
    );
}

pub(super) fn footer(
    ui: &mut egui::Ui,
    scale: Scale,
    view: &HallView,
    lang: Lang,
    sound: SoundNotice,
) {
    egui::Panel::bottom("footer")
        .show_separator_line(false)
        .frame(
            egui::Frame::new()
                .fill(colors::PANEL)
                .inner_margin(egui::vec2(scale.px(28.0), scale.px(14.0))),
        )
        .show(ui, |ui| {
            if !view.info_line.is_empty() {
                ui.add(
                    egui::Label::new(text(&view.info_line, scale.px(28.0), colors::TEXT)).wrap(),
                );
            }
            if !view.out_of_turn.is_empty() {
                let line = format!(
                    "{} {}",
                    words(lang, "display-out-of-turn"),
                    view.out_of_turn.join("; ")
                );
                ui.add(egui::Label::new(text(line, scale.px(24.0), colors::MUTED)).wrap());
            }
            sound_notice(ui, scale, lang, sound);
        });
}

pub(super) fn sound_notice(ui: &mut egui::Ui, scale: Scale, lang: Lang, sound: SoundNotice) {
    match sound {
        SoundNotice::None => {}
        SoundNotice::Off => {
            ui.label(text(
                words(lang, "display-sound-off"),
                scale.px(22.0),
                colors::MUTED,
            ));
        }
        SoundNotice::Unavailable => {
            ui.label(bold(
                words(lang, "display-sound-unavailable"),
                scale.px(24.0),
                colors::WARNING,
            ));
        }
    }
}
