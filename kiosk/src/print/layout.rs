//! The printed ticket: a pure function from the ticket to ESC/POS bytes, so a golden file
//! pins the exact output and the device code only moves bytes.
//!
//! Thermal printers sold in Russia understand code page PC866 (ESC t 17); text is mapped
//! to it, and characters it lacks (« », dashes) are replaced by close ASCII ones, because
//! an unmapped character would otherwise reach the printer as UTF-8 garbage.

use escpos::driver::Driver;
use escpos::errors::Result as EscposResult;
use escpos::printer::Printer;
use escpos::printer_options::PrinterOptions;
use escpos::utils::{
    JustifyMode, PageCode, Protocol, QRCodeCorrectionLevel, QRCodeModel, QRCodeOption,
};
use std::sync::{Arc, Mutex, MutexGuard};
use talon_client::{Lang, text};

/// Characters per line of an 80 mm printer in font A.
pub const LINE_WIDTH: usize = 42;

/// What goes on paper, already in the visitor's language and the office's local time.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedTicket {
    pub lang: Lang,
    pub office_name: String,
    pub label: String,
    pub topic_name: String,
    pub out_of_turn: bool,
    /// "20.11.2026 10:00", in the office's time zone.
    pub issued_local: String,
    pub people_ahead: u32,
    pub estimated_wait_ms: i64,
    pub wait_range: Option<talon_protocol::forecast::WaitRange>,
    /// The public status address the QR code carries.
    pub status_url: String,
}

/// The ESC/POS bytes of one ticket, ending with a cut. Text is sanitized and wrapped, so
/// the builder should never refuse; when it does (a QR address longer than the printer's
/// command can carry, a future escpos being stricter), the error says why, and the app
/// reports it like any printer failure: the ticket is on screen either way.
pub fn ticket_bytes(ticket: &PrintedTicket) -> Result<Vec<u8>, String> {
    let sink = MemoryDriver::default();
    build(sink.clone(), ticket).map_err(|e| format!("cannot encode the ticket: {e}"))?;
    Ok(sink.take())
}

fn build(sink: MemoryDriver, ticket: &PrintedTicket) -> EscposResult<()> {
    let lang = ticket.lang;
    let options = PrinterOptions::new(Some(PageCode::PC866), None, LINE_WIDTH as u8);
    let mut printer = Printer::new(sink, Protocol::default(), Some(options));
    printer.init()?.justify(JustifyMode::CENTER)?;
    for line in wrap(&printable(&ticket.office_name), LINE_WIDTH) {
        printer.writeln(&line)?;
    }
    printer
        .feed()?
        .writeln(&printable(&text(lang, "kiosk-your-ticket")))?
        .bold(true)?
        .size(4, 4)?
        .writeln(&printable(&ticket.label))?
        .reset_size()?
        .bold(false)?;
    if ticket.out_of_turn {
        printer
            .reverse(true)?
            .writeln(&printable(&format!(
                " {} ",
                text(lang, "kiosk-out-of-turn-mark")
            )))?
            .reverse(false)?;
    }
    printer.size(1, 2)?;
    for line in wrap(&printable(&ticket.topic_name), LINE_WIDTH) {
        printer.writeln(&line)?;
    }
    printer.reset_size()?.feed()?;
    let facts = crate::ui::ticket::facts(
        lang,
        &ticket.issued_local,
        ticket.people_ahead,
        ticket.estimated_wait_ms,
        ticket.wait_range.as_ref(),
    );
    for line in facts {
        printer.writeln(&printable(&line))?;
    }
    printer
        .writeln(&printable(&text(lang, "kiosk-watch-display")))?
        .feed()?
        .qrcode_option(
            &ticket.status_url,
            QRCodeOption::new(QRCodeModel::Model2, 6, QRCodeCorrectionLevel::M),
        )?
        .writeln(&printable(&text(lang, "kiosk-qr-caption")))?
        .feeds(4)?
        .print_cut()?;
    Ok(())
}

/// Text the PC866 code page can print: ASCII, Russian letters and a few signs; quotes and
/// dashes it lacks become their ASCII look-alikes, anything else a question mark.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c,
            'А'..='я' | 'Ё' | 'ё' | '№' | '°' | '·' => c,
            '«' | '»' | '„' | '“' | '”' => '"',
            '‘' | '’' => '\'',
            '–' | '—' | '−' => '-',
            '…' => '.',
            '\u{00A0}' | '\t' => ' ',
            _ => '?',
        })
        .collect()
}

/// Splits text into lines of at most `width` characters at spaces (a longer word is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Collects what the printer builder writes, instead of sending it anywhere.
#[derive(Clone, Default)]
struct MemoryDriver {
    bytes: Arc<Mutex<Vec<u8>>>,
}

impl MemoryDriver {
    /// The buffer; a poisoned lock still holds plain bytes, so printing never panics.
    fn bytes(&self) -> MutexGuard<'_, Vec<u8>> {
        self.bytes
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.bytes())
    }
}

impl Driver for MemoryDriver {
    fn name(&self) -> String {
        "memory".into()
    }

    fn write(&self, data: &[u8]) -> EscposResult<()> {
        self.bytes().extend_from_slice(data);
        Ok(())
    }

    fn read(&self, _buf: &mut [u8]) -> EscposResult<usize> {
        Ok(0)
    }

    fn flush(&self) -> EscposResult<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The demo office's first ticket of the day, as the golden file pins it.
    pub(crate) fn sample(lang: Lang) -> PrintedTicket {
        PrintedTicket {
            lang,
            office_name: "Клиентский офис «Центральный»".into(),
            label: "П001".into(),
            topic_name: match lang {
                Lang::Ru => "Передача показаний",
                Lang::En => "Meter readings",
            }
            .into(),
            out_of_turn: false,
            issued_local: "20.11.2026 10:00".into(),
            people_ahead: 2,
            estimated_wait_ms: 14 * 60_000,
            wait_range: None,
            status_url: "http://127.0.0.1:8080/t/Ab3dE5gH".into(),
        }
    }

    const GOLDEN_RU: &[u8] = include_bytes!("../../tests/golden/ticket_ru.bin");

    /// Set UPDATE_GOLDEN=1 to rewrite the golden file after a deliberate layout change
    /// (then read it back with `xxd` before committing).
    #[test]
    fn ticket_bytes_match_the_golden_file() {
        let bytes = ticket_bytes(&sample(Lang::Ru)).unwrap();
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/ticket_ru.bin");
            std::fs::write(path, &bytes).unwrap();
            return;
        }
        assert_eq!(
            bytes, GOLDEN_RU,
            "the printed ticket changed; if on purpose, UPDATE_GOLDEN=1 and check the bytes"
        );
    }

    #[test]
    fn ticket_starts_with_init_and_pc866_and_ends_with_a_cut() {
        let bytes = ticket_bytes(&sample(Lang::Ru)).unwrap();
        // ESC @ (initialize), then ESC t 17 (code page PC866).
        assert_eq!(&bytes[..5], &[0x1b, b'@', 0x1b, b't', 17]);
        // GS V A 0: feed to the cutter and cut fully.
        assert_eq!(&bytes[bytes.len() - 4..], &[0x1d, b'V', b'A', 0]);
        // "П001" in PC866: П is 0x8F.
        assert!(bytes.windows(4).any(|w| w == [0x8f, b'0', b'0', b'1']));
        // Quadruple size (GS ! 0x33) right before the label.
        assert!(bytes.windows(3).any(|w| w == [0x1d, b'!', 0x33]));
        // No UTF-8 leaked through: Cyrillic in UTF-8 starts with 0xD0 / 0xD1 followed by
        // a continuation byte, which never follows those in PC866 text.
        assert!(
            !bytes
                .windows(2)
                .any(|w| matches!(w[0], 0xd0 | 0xd1) && (0x80..0xc0).contains(&w[1]))
        );
    }

    #[test]
    fn the_qr_code_carries_the_status_address() {
        let bytes = ticket_bytes(&sample(Lang::En)).unwrap();
        let url = b"http://127.0.0.1:8080/t/Ab3dE5gH";
        let at = bytes
            .windows(url.len())
            .position(|w| w == url)
            .expect("the address is in the QR data");
        // GS ( k pL pH 49 80 48: "store the QR data", with pL pH = data length + 3.
        let header = &bytes[at - 8..at];
        let length = url.len() + 3;
        assert_eq!(
            header,
            &[
                0x1d,
                b'(',
                b'k',
                (length % 256) as u8,
                (length / 256) as u8,
                49,
                80,
                48
            ]
        );
        assert!(bytes.windows(6).any(|w| w == b"Ticket"));
    }

    #[test]
    fn out_of_turn_tickets_say_so_in_reverse_print() {
        let mut ticket = sample(Lang::Ru);
        ticket.out_of_turn = true;
        let bytes = ticket_bytes(&ticket).unwrap();
        let mark = printable_pc866(" ВНЕ ОЧЕРЕДИ ");
        let at = bytes
            .windows(mark.len())
            .position(|w| w == mark.as_slice())
            .expect("the mark is printed");
        // ESC B 1: reverse on, just before the mark.
        assert_eq!(&bytes[at - 3..at], &[0x1d, b'B', 1]);
    }

    #[test]
    fn the_counts_are_printed_in_words() {
        let bytes = ticket_bytes(&sample(Lang::En)).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("Ahead of you: 2 people"), "{text}");
        assert!(text.contains("Estimated wait: about 14 minutes"), "{text}");
    }

    #[test]
    fn a_ticket_that_cannot_be_encoded_is_an_error_not_a_panic() {
        // The QR store command carries its length in two bytes: 64 KiB is too long.
        let mut ticket = sample(Lang::Ru);
        ticket.status_url = format!("http://127.0.0.1:8080/{}", "x".repeat(70_000));
        let error = ticket_bytes(&ticket).unwrap_err();
        assert!(error.contains("cannot encode the ticket"), "{error}");
    }

    #[test]
    fn text_is_reduced_to_what_pc866_prints() {
        assert_eq!(
            printable("Офис «Центральный» — №1…"),
            "Офис \"Центральный\" - №1."
        );
        assert_eq!(printable("€"), "?");
    }

    #[test]
    fn long_text_wraps_at_spaces() {
        assert_eq!(wrap("один два три", 8), vec!["один два", "три"]);
        assert_eq!(wrap("абвгдежзик", 4), vec!["абвг", "дежз", "ик"]);
        assert!(wrap("", 10).is_empty());
    }

    /// Russian capitals А..П are 0x80..0x8F, Р..Я 0x90..0x9F in PC866 (enough for a mark).
    fn printable_pc866(text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| match c {
                'А'..='Я' => 0x80 + (c as u32 - 'А' as u32) as u8,
                _ => c as u8,
            })
            .collect()
    }
}
