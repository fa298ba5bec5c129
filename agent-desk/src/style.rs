//! The shared Talon look (bundled fonts, dark high-contrast theme) with the desk's
//! larger text: the desk is used all day, often at arm's length.

use egui::{FontFamily, FontId, TextStyle};

pub fn apply(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Dark);
    talon_client::look::install_fonts(ctx);
    talon_client::look::apply_theme(ctx);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(28.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(19.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(19.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(18.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.button_padding = egui::vec2(12.0, 7.0);
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.interact_size.y = 34.0;
    });
}
