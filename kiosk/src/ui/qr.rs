//! The QR code of the ticket's public status page, painted as rectangles (no texture).

use egui::{Color32, Rect, Role, Sense, Vec2, WidgetInfo};

/// Light modules around the code, as the QR standard asks, so phones find its edges.
const QUIET_ZONE: usize = 4;

/// Paints `modules` (row by row, `width` per row, true = dark) in a white square of
/// `side` points, named `name` for screen readers and tests.
pub fn show(ui: &mut egui::Ui, modules: &[bool], width: usize, side: f32, name: &str) -> Rect {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(side), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, name));
    if !ui.is_rect_visible(rect) || width == 0 {
        return rect;
    }
    let painter = ui.painter();
    painter.rect_filled(rect, 8, Color32::WHITE);
    let cells = (width + 2 * QUIET_ZONE) as f32;
    // Whole pixels per module keep the code sharp.
    let module = (side / cells).floor().max(1.0);
    let origin = (rect.center() - Vec2::splat(module * width as f32 / 2.0)).round();
    for (index, dark) in modules.iter().enumerate() {
        if *dark {
            let (row, column) = (index / width, index % width);
            let min = origin + Vec2::new(column as f32 * module, row as f32 * module);
            painter.rect_filled(
                Rect::from_min_size(min, Vec2::splat(module)),
                0,
                Color32::BLACK,
            );
        }
    }
    rect
}
