//! Touch tiles and text painting. Touch screens have no hover, so tiles change colour only
//! while pressed; every tile names itself to the accessibility tree.

use egui::{
    Align2, Color32, CornerRadius, FontFamily, FontId, Painter, Pos2, Rect, Response, Role, Sense,
    Stroke, StrokeKind, Vec2, WidgetInfo,
};
use talon_client::look::{self, colors};

/// Rounded corners of every tile.
pub const CORNER: u8 = 22;

pub fn bold(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(look::BOLD.into()))
}

pub fn regular(size: f32) -> FontId {
    FontId::proportional(size)
}

/// The colours of a tile.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub fill: Color32,
    pub pressed: Color32,
    pub text: Color32,
    pub stroke: Color32,
}

/// A topic: the theme's blue with white text.
pub const TOPIC: Look = Look {
    fill: colors::BUTTON,
    pressed: Color32::from_rgb(0x15, 0x48, 0x99),
    text: colors::TEXT,
    stroke: Color32::from_rgb(0x6f, 0xa8, 0xff),
};

/// The out-of-turn path: amber with near-black text, unlike any topic.
pub const OUT_OF_TURN: Look = Look {
    fill: colors::ACCENT,
    pressed: Color32::from_rgb(0xd9, 0xa2, 0x1c),
    text: Color32::from_rgb(0x10, 0x18, 0x2a),
    stroke: Color32::WHITE,
};

/// Back, done and the language switch: dark panel with a white border.
pub const PLAIN: Look = Look {
    fill: colors::PANEL,
    pressed: Color32::from_rgb(0x2c, 0x3a, 0x5c),
    text: colors::TEXT,
    stroke: colors::MUTED,
};

/// A clickable tile of `size`, painted by `paint` inside a padded rectangle. `name` is
/// what a screen reader says and what tests find it by.
pub fn tile(
    ui: &mut egui::Ui,
    size: Vec2,
    look: Look,
    name: &str,
    paint: impl FnOnce(&Painter, Rect, Color32),
) -> Response {
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| WidgetInfo::labeled(Role::Button, ui.is_enabled(), name));
    if ui.is_rect_visible(rect) {
        let fill = if response.is_pointer_button_down_on() {
            look.pressed
        } else {
            look.fill
        };
        let painter = ui.painter();
        painter.rect(
            rect,
            CornerRadius::same(CORNER),
            fill,
            Stroke::new(3.0, look.stroke),
            StrokeKind::Inside,
        );
        paint(painter, rect.shrink2(Vec2::new(32.0, 20.0)), look.text);
    }
    response
}

/// A tile with one centred line of text that is also its name.
pub fn text_tile(ui: &mut egui::Ui, size: Vec2, look: Look, text: &str, size_pt: f32) -> Response {
    tile(ui, size, look, text, |painter, rect, color| {
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            text,
            bold(size_pt),
            color,
        );
    })
}

/// Paints wrapped text with its top-left corner at `pos`; returns the rectangle it took.
pub fn paint_text(
    painter: &Painter,
    pos: Pos2,
    text: &str,
    font: FontId,
    color: Color32,
    wrap_width: f32,
) -> Rect {
    let galley = painter.layout(text.to_string(), font, color, wrap_width);
    let rect = Rect::from_min_size(pos, galley.size());
    painter.galley(pos, galley, color);
    rect
}

/// A label: wrapped text in `font` and `color`, laid out by the ui.
pub fn label(ui: &mut egui::Ui, text: &str, font: FontId, color: Color32) -> Response {
    ui.add(
        egui::Label::new(egui::RichText::new(text).font(font).color(color))
            .wrap_mode(egui::TextWrapMode::Wrap),
    )
}

/// A centred label.
pub fn centered(ui: &mut egui::Ui, text: &str, font: FontId, color: Color32) {
    ui.vertical_centered(|ui| {
        label(ui, text, font, color);
    });
}
