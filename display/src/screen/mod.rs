//! Drawing the hall: a header (office, link marker, clock), the calls in the middle,
//! the queue and paused windows on the right, office information at the bottom.
//! Everything is a text widget, so AccessKit (and the tests) can read it; sizes follow
//! the screen's height, so the same layout reads from across a hall on any display.

mod bars;
mod calls;
mod side;

use crate::view::HallView;
use egui::{Color32, FontFamily, FontId, RichText};
use talon_client::Lang;
use talon_client::look::{BOLD, colors};

/// A notice about sound at the bottom of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoundNotice {
    /// Sound works: nothing to say.
    None,
    /// Turned off by the operator.
    Off,
    /// No player or no output: calls are visual only.
    Unavailable,
}

/// Font sizes for a 1080-pixel-high screen, scaled to the real one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scale(f32);

impl Scale {
    fn of(ui: &egui::Ui) -> Scale {
        Scale((ui.ctx().content_rect().height() / 1080.0).clamp(0.4, 3.0))
    }

    pub(crate) fn px(self, size: f32) -> f32 {
        size * self.0
    }
}

pub(crate) fn text(text: impl Into<String>, size: f32, color: Color32) -> RichText {
    RichText::new(text).size(size).color(color)
}

pub(crate) fn bold(text: impl Into<String>, size: f32, color: Color32) -> RichText {
    RichText::new(text)
        .font(FontId::new(size, FontFamily::Name(BOLD.into())))
        .color(color)
}

/// The screen's dark background (panels draw their own; nothing else is painted).
pub(crate) fn background() -> egui::Frame {
    egui::Frame::new().fill(colors::BACKGROUND)
}

/// The hall screen.
pub fn hall(ui: &mut egui::Ui, view: &HallView, lang: Lang, sound: SoundNotice) {
    let scale = Scale::of(ui);
    bars::header(ui, scale, view, lang);
    bars::footer(ui, scale, view, lang, sound);
    side::panel(ui, scale, view, lang);
    egui::CentralPanel::default()
        .frame(background().inner_margin(scale.px(28.0)))
        .show(ui, |ui| calls::panel(ui, scale, view, lang));
}

/// Before the office is known: connecting, or why not.
pub fn connecting(
    ui: &mut egui::Ui,
    lang: Lang,
    server: &str,
    problem: Option<&str>,
    sound: SoundNotice,
) {
    let scale = Scale::of(ui);
    egui::CentralPanel::default()
        .frame(background().inner_margin(scale.px(60.0)))
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(scale.px(260.0));
                ui.label(bold(
                    talon_client::text(lang, "display-connecting"),
                    scale.px(56.0),
                    colors::TEXT,
                ));
                ui.add_space(scale.px(24.0));
                ui.label(text(server, scale.px(30.0), colors::MUTED));
                if let Some(problem) = problem {
                    ui.add_space(scale.px(40.0));
                    ui.add(egui::Label::new(text(problem, scale.px(32.0), colors::WARNING)).wrap());
                }
                ui.add_space(scale.px(40.0));
                bars::sound_notice(ui, scale, lang, sound);
            });
        });
}
