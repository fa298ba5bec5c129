//! The middle of the screen: the current call, large (flashing while new), and the
//! previous calls beneath it, so a visitor who missed a call can still read it.

use super::{Scale, bold, text};
use crate::link::Freshness;
use crate::view::{CurrentCall, HallView};
use egui::{Align, Color32, FontFamily, FontId, Layout};
use talon_client::look::{BOLD, colors};
use talon_client::{Lang, text as words};

/// Greys for what may no longer be true: the banner, and text and borders.
const STALE_GREY: Color32 = Color32::from_rgb(0x5c, 0x66, 0x7a);
const STALE_INK: Color32 = Color32::from_rgb(0x8a, 0x93, 0xa6);

pub(super) fn panel(ui: &mut egui::Ui, scale: Scale, view: &HallView, lang: Lang) {
    if view.freshness == Freshness::Stale {
        stale_banner(ui, scale, lang);
        ui.add_space(scale.px(18.0));
    }
    match &view.current {
        Some(call) => current(ui, scale, call, view.freshness == Freshness::Stale),
        None => {
            ui.add_space(scale.px(120.0));
            ui.vertical_centered(|ui| {
                ui.label(bold(
                    words(lang, "display-no-calls-yet"),
                    scale.px(48.0),
                    colors::MUTED,
                ));
            });
        }
    }
    if !view.recent.is_empty() {
        ui.add_space(scale.px(30.0));
        recent(ui, scale, view, lang);
    }
}

fn stale_banner(ui: &mut egui::Ui, scale: Scale, lang: Lang) {
    egui::Frame::new()
        .fill(STALE_GREY)
        .corner_radius(scale.px(10.0))
        .inner_margin(egui::vec2(scale.px(24.0), scale.px(12.0)))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(bold(
                words(lang, "display-stale"),
                scale.px(34.0),
                colors::TEXT,
            ));
        });
}

fn current(ui: &mut egui::Ui, scale: Scale, call: &CurrentCall, stale: bool) {
    // Flashing: yellow on dark and dark on yellow in turn; steady: white on the panel.
    let (fill, ink, heading_ink) = match (stale, call.flashing, call.bright) {
        (true, ..) => (colors::PANEL, STALE_INK, STALE_INK),
        (false, true, true) => (colors::ACCENT, colors::BACKGROUND, colors::ACCENT),
        (false, true, false) => (colors::PANEL, colors::ACCENT, colors::ACCENT),
        (false, false, _) => (colors::PANEL, colors::TEXT, colors::MUTED),
    };
    ui.label(bold(&call.heading, scale.px(40.0), heading_ink));
    ui.add_space(scale.px(10.0));
    egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(
            scale.px(4.0),
            if stale { STALE_GREY } else { colors::ACCENT },
        ))
        .corner_radius(scale.px(18.0))
        .inner_margin(egui::vec2(scale.px(30.0), scale.px(26.0)))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let size = fitting_size(ui, &call.text, scale.px(170.0), ui.available_width());
            ui.vertical_centered(|ui| {
                ui.label(bold(&call.text, size, ink));
            });
        });
}

/// The largest font size, up to `largest`, at which `line` fits in `width`.
fn fitting_size(ui: &egui::Ui, line: &str, largest: f32, width: f32) -> f32 {
    let probe = 100.0;
    let measured = ui
        .painter()
        .layout_no_wrap(
            line.to_string(),
            FontId::new(probe, FontFamily::Name(BOLD.into())),
            Color32::WHITE,
        )
        .size()
        .x;
    if measured <= 0.0 {
        return largest;
    }
    (probe * width / measured * 0.98).min(largest).floor()
}

fn recent(ui: &mut egui::Ui, scale: Scale, view: &HallView, lang: Lang) {
    ui.label(bold(
        words(lang, "display-recent-calls"),
        scale.px(32.0),
        colors::MUTED,
    ));
    ui.add_space(scale.px(8.0));
    // Rows share the height left, within readable bounds.
    let rows = view.recent.len() as f32;
    let row_height = (ui.available_height() / rows).clamp(scale.px(44.0), scale.px(84.0));
    let size = row_height * 0.62;
    let ink = if view.freshness == Freshness::Stale {
        STALE_INK
    } else {
        colors::TEXT
    };
    for line in &view.recent {
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), row_height),
            Layout::left_to_right(Align::Center),
            |ui| {
                ui.label(bold(&line.text, size, ink));
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.label(text(&line.time, size * 0.7, colors::MUTED));
                });
            },
        );
    }
}
