//! PDF (printpdf): A4 landscape with the title, the period, the offices, the charts
//! (bars of an average wait per topic, agent, hour or month, each with its norm marked)
//! and the tables. DejaVu Sans (the font the apps bundle, `client/assets`) is embedded,
//! subset to the glyphs used, so Cyrillic reads the same on every machine. A table wider
//! than the page is split into column groups, each repeating the table's text columns
//! (office, topic …); rows run on over pages under a repeated heading.

use super::table::{Cell, Chart, ChartUnit, ColumnKind, Report, RowKind, Table};
use super::texts::{Lang, decimal, duration, parse_lang, percent, t};
use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};
use std::collections::BTreeSet;
use std::sync::OnceLock;

const REGULAR: &[u8] = include_bytes!("../../../client/assets/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../client/assets/DejaVuSans-Bold.ttf");

const PAGE_W: f32 = 841.89;
const PAGE_H: f32 = 595.28;
const MARGIN: f32 = 32.0;
const BODY: f32 = 7.0;
const ROW_H: f32 = 10.5;
const PAD: f32 = 3.0;

fn fonts() -> Result<&'static (ParsedFont, ParsedFont), String> {
    static FONTS: OnceLock<Option<(ParsedFont, ParsedFont)>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut warnings = Vec::new();
            Some((
                ParsedFont::from_bytes(REGULAR, 0, &mut warnings)?,
                ParsedFont::from_bytes(BOLD, 0, &mut warnings)?,
            ))
        })
        .as_ref()
        .ok_or_else(|| "the bundled font could not be read".to_string())
}

fn rgb(r: f32, g: f32, b: f32) -> Color {
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

/// Text widths from the font's advances.
fn text_width(font: &ParsedFont, text: &str, size: f32) -> f32 {
    let units: u32 = text
        .chars()
        .map(|c| {
            font.lookup_glyph_index(c as u32)
                .and_then(|g| font.get_glyph_width(g))
                .map_or(600, u32::from)
        })
        .sum();
    units as f32 * size / f32::from(font.units_per_em.max(1))
}

/// Pages being written: the current page's operations and the cursor (from the top).
struct Writer<'f> {
    regular: (&'f ParsedFont, FontId),
    bold: (&'f ParsedFont, FontId),
    pages: Vec<Vec<Op>>,
    /// Distance from the top edge of the next line.
    y: f32,
    footer: String,
    /// The characters written in each font (regular, bold), to embed only their glyphs.
    used: [BTreeSet<char>; 2],
}

impl<'f> Writer<'f> {
    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        self.pages.last_mut().expect("a page")
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Makes room for `height` more, on a new page if needed.
    fn room(&mut self, height: f32) -> bool {
        if self.y + height > PAGE_H - MARGIN {
            self.new_page();
            true
        } else {
            false
        }
    }

    fn font(&self, bold: bool) -> (&'f ParsedFont, FontId) {
        let (f, id) = if bold { &self.bold } else { &self.regular };
        (f, id.clone())
    }

    /// Text with its baseline `baseline` below the top edge.
    fn text(&mut self, x: f32, baseline: f32, text: &str, size: f32, bold: bool, color: Color) {
        if text.is_empty() {
            return;
        }
        let (_, id) = self.font(bold);
        self.used[usize::from(bold)].extend(text.chars());
        let ops = self.ops();
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFillColor { col: color });
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(id),
            size: Pt(size),
        });
        ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(x),
                y: Pt(PAGE_H - baseline),
            },
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        });
        ops.push(Op::EndTextSection);
    }

    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        text_width(self.font(bold).0, text, size)
    }

    /// A filled rectangle whose top edge is `top` below the page's top.
    fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, color: Color) {
        let ops = self.ops();
        ops.push(Op::SetFillColor { col: color });
        ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(PAGE_H - top - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32, color: Color) {
        let ops = self.ops();
        ops.push(Op::SetOutlineColor { col: color });
        ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: Point {
                            x: Pt(x1),
                            y: Pt(PAGE_H - y1),
                        },
                        bezier: false,
                    },
                    LinePoint {
                        p: Point {
                            x: Pt(x2),
                            y: Pt(PAGE_H - y2),
                        },
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }

    /// Words of `text` in lines no wider than `width`.
    fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        for word in text.split_whitespace() {
            let candidate = if current.is_empty() {
                word.to_string()
            } else {
                format!("{current} {word}")
            };
            if !current.is_empty() && self.width(&candidate, size, bold) > width {
                lines.push(std::mem::take(&mut current));
                current = word.to_string();
            } else {
                current = candidate;
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        lines
    }
}

fn black() -> Color {
    rgb(0.0, 0.0, 0.0)
}

/// A cell as the PDF shows it.
fn cell_text(lang: Lang, cell: &Cell) -> String {
    match cell {
        Cell::Empty => "—".into(),
        Cell::Text(s) => s.clone(),
        Cell::Count(n) => n.to_string(),
        Cell::Share(s) => percent(lang, *s),
        Cell::Duration(ms) => duration(*ms),
        Cell::Date(d) => super::texts::date(lang, *d),
        Cell::Number(x) => decimal(lang, *x, 2),
    }
}

fn heading(w: &mut Writer, report: &Report, lang: Lang) {
    w.y = MARGIN;
    w.text(MARGIN, w.y + 16.0, &report.title, 16.0, true, black());
    w.y += 26.0;
    w.text(
        MARGIN,
        w.y + 10.0,
        &report.period_text,
        10.0,
        false,
        black(),
    );
    w.y += 14.0;
    let offices = report
        .offices
        .iter()
        .map(|o| format!("{} ({})", o.name, o.time_zone))
        .collect::<Vec<_>>()
        .join(", ");
    let line = format!("{}: {offices}", t(lang, "report-scope"));
    for l in w.wrap(&line, 10.0, false, PAGE_W - 2.0 * MARGIN) {
        w.text(MARGIN, w.y + 10.0, &l, 10.0, false, black());
        w.y += 14.0;
    }
    w.y += 8.0;
}

/// Horizontal bars of the chart's times, each with its norm marked in red.
fn chart(w: &mut Writer, chart: &Chart, lang: Lang) {
    if chart.labels.is_empty() {
        return;
    }
    let bar_h = 11.0;
    let height = 24.0 + bar_h * chart.labels.len() as f32 + 24.0;
    w.room(height.min(PAGE_H - 2.0 * MARGIN));
    w.text(MARGIN, w.y + 11.0, &chart.title, 11.0, true, black());
    w.y += 20.0;
    let label_w = chart
        .labels
        .iter()
        .map(|l| w.width(l, BODY, false))
        .fold(0.0, f32::max)
        .min(260.0)
        + 6.0;
    let left = MARGIN + label_w;
    let right = PAGE_W - MARGIN - 50.0;
    // The axis counts minutes for times, points for ratings.
    let (unit, floor, steps): (f64, f64, &[f64]) = match chart.unit {
        ChartUnit::Duration => (
            60_000.0,
            60_000.0,
            &[1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 240.0],
        ),
        ChartUnit::Rating => (1.0, 5.0, &[1.0]),
    };
    let max = chart
        .values
        .iter()
        .chain(&chart.norms)
        .flatten()
        .copied()
        .fold(floor, f64::max);
    // A tick every 1, 2, 5 … units so at most eight fit.
    let step = steps
        .iter()
        .copied()
        .find(|s| max / unit / s <= 8.0)
        .unwrap_or(480.0);
    let scale = f64::from(right - left) / (max * 1.05);
    let show = |value: f64| match chart.unit {
        ChartUnit::Duration => duration(value.round() as i64),
        ChartUnit::Rating => decimal(lang, value, 2),
    };
    let top = w.y;
    for (i, label) in chart.labels.iter().enumerate() {
        if w.room(bar_h) {
            w.y += 4.0;
        }
        let row = w.y;
        w.text(MARGIN, row + 8.0, label, BODY, false, black());
        let norm = chart.norms.get(i).copied().flatten();
        if let Some(value) = chart.values.get(i).copied().flatten() {
            let color = if norm.is_some_and(|n| value > n) {
                rgb(0.85, 0.45, 0.2)
            } else {
                rgb(0.3, 0.5, 0.75)
            };
            let len = ((value * scale) as f32).max(0.5);
            w.rect(left, row + 1.5, len, bar_h - 3.0, color);
            w.text(
                left + len + 3.0,
                row + 8.0,
                &show(value),
                BODY - 0.5,
                false,
                black(),
            );
        }
        if let Some(norm) = norm {
            let x = left + (norm * scale) as f32;
            w.line(x, row, x, row + bar_h, 1.2, rgb(0.8, 0.1, 0.1));
        }
        w.y += bar_h;
    }
    // The axis under the bars of the last page.
    let axis_top = if w.y < top { MARGIN } else { top };
    w.line(left, axis_top, left, w.y, 0.5, black());
    w.line(left, w.y, right, w.y, 0.5, black());
    let mut tick = 0.0;
    while tick * unit <= max * 1.05 {
        let x = left + (tick * unit * scale) as f32;
        w.line(x, w.y, x, w.y + 3.0, 0.5, black());
        let label = format!("{tick}");
        let lw = w.width(&label, BODY - 1.0, false);
        w.text(x - lw / 2.0, w.y + 10.0, &label, BODY - 1.0, false, black());
        tick += step;
    }
    w.y += 24.0;
    if chart.norms.iter().any(Option::is_some) {
        w.line(
            MARGIN,
            w.y - 3.0,
            MARGIN + 12.0,
            w.y - 3.0,
            1.2,
            rgb(0.8, 0.1, 0.1),
        );
        w.text(MARGIN + 16.0, w.y, &chart.norm_label, BODY, false, black());
    }
    let axis = &chart.axis_label;
    let aw = w.width(axis, BODY, false);
    w.text(right - aw, w.y, axis, BODY, false, black());
    w.y += 16.0;
}

/// Column widths: each column as wide as its widest figure, its heading wrapping onto
/// lines no narrower than its longest word.
fn widths(w: &Writer, table: &Table, lang: Lang) -> Vec<f32> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cells = table
                .rows
                .iter()
                .filter_map(|r| r.cells.get(i))
                .map(|cell| w.width(&cell_text(lang, cell), BODY, true))
                .fold(0.0, f32::max);
            let word = c
                .title
                .split_whitespace()
                .map(|word| w.width(word, BODY, true))
                .fold(0.0, f32::max);
            let text_cap = if c.kind == ColumnKind::Text {
                150.0
            } else {
                90.0
            };
            cells.max(word).max(28.0).min(text_cap) + 2.0 * PAD
        })
        .collect()
}

/// Cuts `text` to fit `width` with an ellipsis.
fn fit(w: &Writer, text: &str, width: f32, bold: bool) -> String {
    if w.width(text, BODY, bold) <= width {
        return text.to_string();
    }
    let mut out: String = text.to_string();
    while !out.is_empty() && w.width(&format!("{out}…"), BODY, bold) > width {
        out.pop();
    }
    format!("{out}…")
}

fn table_part(
    w: &mut Writer,
    table: &Table,
    cols: &[usize],
    widths: &[f32],
    title: &str,
    lang: Lang,
) {
    let lines: Vec<Vec<String>> = cols
        .iter()
        .map(|&c| w.wrap(&table.columns[c].title, BODY, true, widths[c] - 2.0 * PAD))
        .collect();
    let head_h = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * (BODY + 1.5) + 2.0 * PAD;
    let total_w: f32 = cols.iter().map(|&c| widths[c]).sum();
    let draw_head = |w: &mut Writer| {
        let top = w.y;
        w.rect(MARGIN, top, total_w, head_h, rgb(0.87, 0.89, 0.93));
        let mut x = MARGIN;
        for (k, &c) in cols.iter().enumerate() {
            for (n, l) in lines[k].iter().enumerate() {
                w.text(
                    x + PAD,
                    top + PAD + (n as f32 + 1.0) * (BODY + 1.5) - 1.5,
                    l,
                    BODY,
                    true,
                    black(),
                );
            }
            x += widths[c];
        }
        w.y += head_h;
    };
    w.room(14.0 + head_h + 3.0 * ROW_H);
    w.text(MARGIN, w.y + 10.0, title, 10.0, true, black());
    w.y += 15.0;
    draw_head(w);
    for (r, row) in table.rows.iter().enumerate() {
        if w.room(ROW_H) {
            draw_head(w);
        }
        let top = w.y;
        let total = row.kind == RowKind::Total;
        if total {
            w.rect(MARGIN, top, total_w, ROW_H, rgb(0.93, 0.93, 0.85));
        } else if r % 2 == 1 {
            w.rect(MARGIN, top, total_w, ROW_H, rgb(0.96, 0.96, 0.96));
        }
        let mut x = MARGIN;
        for &c in cols {
            let text = fit(
                w,
                &cell_text(lang, &row.cells[c]),
                widths[c] - 2.0 * PAD,
                total,
            );
            let tx = if table.columns[c].kind == ColumnKind::Text {
                x + PAD
            } else {
                x + widths[c] - PAD - w.width(&text, BODY, total)
            };
            w.text(tx, top + ROW_H - 3.0, &text, BODY, total, black());
            x += widths[c];
        }
        w.y += ROW_H;
    }
    w.line(MARGIN, w.y, MARGIN + total_w, w.y, 0.4, rgb(0.5, 0.5, 0.5));
    w.y += 14.0;
}

fn table(w: &mut Writer, table: &Table, lang: Lang) {
    let widths = widths(w, table, lang);
    // The leading text columns (office, topic …) repeat in every column group.
    let keys: Vec<usize> = (0..table.columns.len())
        .take_while(|&c| table.columns[c].kind == ColumnKind::Text)
        .collect();
    let key_w: f32 = keys.iter().map(|&c| widths[c]).sum();
    let room = PAGE_W - 2.0 * MARGIN - key_w;
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut used = f32::INFINITY;
    for (c, width) in widths.iter().enumerate().skip(keys.len()) {
        if used + width > room {
            groups.push(Vec::new());
            used = 0.0;
        }
        used += width;
        if let Some(group) = groups.last_mut() {
            group.push(c);
        }
    }
    if groups.is_empty() {
        groups.push(Vec::new());
    }
    let n = groups.len();
    for (i, group) in groups.into_iter().enumerate() {
        let cols: Vec<usize> = keys.iter().copied().chain(group).collect();
        let title = if n > 1 {
            format!("{} ({}/{n})", table.title, i + 1)
        } else {
            table.title.clone()
        };
        table_part(w, table, &cols, &widths, &title, lang);
    }
}

/// `font` cut down to the glyphs of `chars` (and .notdef): the same advances and
/// outlines, a few kilobytes instead of the whole face.
fn subset(font: &ParsedFont, bytes: &[u8], chars: &BTreeSet<char>) -> Result<ParsedFont, String> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile};
    let mut glyphs: Vec<u16> = chars
        .iter()
        .filter_map(|&c| font.lookup_glyph_index(c as u32))
        .collect();
    glyphs.push(0);
    glyphs.sort_unstable();
    glyphs.dedup();
    let data = ReadScope::new(bytes)
        .read::<FontData<'_>>()
        .map_err(|e| e.to_string())?;
    let provider = data.table_provider(0).map_err(|e| e.to_string())?;
    let cut =
        allsorts::subset::subset(&provider, &glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode)
            .map_err(|e| e.to_string())?;
    ParsedFont::from_bytes(&cut, 0, &mut Vec::new())
        .ok_or_else(|| "the font's subset could not be read".to_string())
}

pub fn render(report: &Report) -> Result<Vec<u8>, String> {
    let lang = parse_lang(&report.lang).unwrap_or(Lang::Ru);
    let (regular, bold) = fonts()?;
    // Laid out with the whole faces under ids of their own; the subsets used only by
    // the characters written replace them at the end.
    let (regular_id, bold_id) = (FontId::new(), FontId::new());
    let mut w = Writer {
        regular: (regular, regular_id.clone()),
        bold: (bold, bold_id.clone()),
        pages: Vec::new(),
        y: MARGIN,
        footer: format!("{} · {}", report.title, report.period_text),
        used: [BTreeSet::new(), BTreeSet::new()],
    };
    heading(&mut w, report, lang);
    for c in &report.charts {
        chart(&mut w, c, lang);
    }
    for tbl in &report.tables {
        table(&mut w, tbl, lang);
    }
    let count = w.pages.len();
    let footer = w.footer.clone();
    let pages: Vec<Vec<Op>> = std::mem::take(&mut w.pages);
    let mut laid_out = Vec::with_capacity(count);
    for (i, ops) in pages.into_iter().enumerate() {
        w.pages = vec![ops];
        let label = format!("{footer} · {}/{count}", i + 1);
        w.text(
            MARGIN,
            PAGE_H - MARGIN / 2.0,
            &label,
            BODY - 1.0,
            false,
            rgb(0.4, 0.4, 0.4),
        );
        laid_out.push(w.pages.pop().unwrap_or_default());
    }
    let mut doc = PdfDocument::new(&report.title);
    let regular_cut = doc.add_font(&subset(regular, REGULAR, &w.used[0])?);
    let bold_cut = doc.add_font(&subset(bold, BOLD, &w.used[1])?);
    let done = laid_out
        .into_iter()
        .map(|mut ops| {
            for op in &mut ops {
                if let Op::SetFont {
                    font: PdfFontHandle::External(id),
                    ..
                } = op
                {
                    *id = if *id == regular_id {
                        regular_cut.clone()
                    } else if *id == bold_id {
                        bold_cut.clone()
                    } else {
                        id.clone()
                    };
                }
            }
            PdfPage::new(Mm(297.0), Mm(210.0), ops)
        })
        .collect();
    let mut warnings = Vec::new();
    Ok(doc
        .with_pages(done)
        .save(&PdfSaveOptions::default(), &mut warnings))
}
