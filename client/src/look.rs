//! Fonts and theme. The fonts are bundled (DejaVu Sans, free licence, see
//! `assets/DejaVu-LICENSE`) so that every machine, and every test snapshot, renders
//! Cyrillic and symbols such as → the same, without relying on system fonts.

use egui::{Color32, FontData, FontDefinitions, FontFamily, Visuals};
use std::sync::Arc;

const SANS: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");
const SANS_BOLD: &[u8] = include_bytes!("../assets/DejaVuSans-Bold.ttf");

/// The family of the bold face: `egui::FontFamily::Name(BOLD.into())`.
pub const BOLD: &str = "bold";

/// Installs the bundled fonts as the first choice of every family.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("dejavu".into(), Arc::new(FontData::from_static(SANS)));
    fonts.font_data.insert(
        "dejavu-bold".into(),
        Arc::new(FontData::from_static(SANS_BOLD)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "dejavu".into());
    }
    fonts.families.insert(
        FontFamily::Name(BOLD.into()),
        vec!["dejavu-bold".into(), "dejavu".into()],
    );
    fonts
}

/// Colours with strong contrast, readable from a distance.
pub mod colors {
    use egui::Color32;
    pub const BACKGROUND: Color32 = Color32::from_rgb(0x10, 0x18, 0x2a);
    pub const PANEL: Color32 = Color32::from_rgb(0x1c, 0x27, 0x3f);
    pub const TEXT: Color32 = Color32::WHITE;
    pub const MUTED: Color32 = Color32::from_rgb(0xc8, 0xd0, 0xe0);
    pub const ACCENT: Color32 = Color32::from_rgb(0xff, 0xc8, 0x3d);
    pub const OK: Color32 = Color32::from_rgb(0x3d, 0xd6, 0x8c);
    pub const WARNING: Color32 = Color32::from_rgb(0xff, 0xb0, 0x20);
    pub const BREACH: Color32 = Color32::from_rgb(0xff, 0x5a, 0x5a);
    pub const BUTTON: Color32 = Color32::from_rgb(0x1f, 0x5f, 0xbf);
}

/// Dark, high-contrast visuals with large spacing for touch screens.
pub fn apply_theme(ctx: &egui::Context) {
    let mut visuals = Visuals::dark();
    visuals.panel_fill = colors::BACKGROUND;
    visuals.window_fill = colors::PANEL;
    visuals.override_text_color = Some(colors::TEXT);
    visuals.widgets.inactive.weak_bg_fill = colors::BUTTON;
    visuals.widgets.inactive.bg_fill = colors::BUTTON;
    visuals.widgets.hovered.weak_bg_fill = Color32::from_rgb(0x2a, 0x74, 0xe0);
    visuals.widgets.active.weak_bg_fill = Color32::from_rgb(0x15, 0x48, 0x99);
    ctx.set_visuals(visuals);
}

/// The colour of a norm status.
pub fn norm_color(status: talon_protocol::NormStatus) -> Color32 {
    match status {
        talon_protocol::NormStatus::Ok => colors::OK,
        talon_protocol::NormStatus::Warning => colors::WARNING,
        talon_protocol::NormStatus::Breach => colors::BREACH,
    }
}
