//! Text that a client sent, made safe for a log line: control characters (a newline that
//! would start a forged line, escape sequences for a terminal) are written as escapes.
//! Printable text, Cyrillic included, stays as it is.

use std::fmt;

/// Displays `text` with every control character escaped (`\n`, `\u{1b}`, …).
pub fn escaped(text: &str) -> Escaped<'_> {
    Escaped(text)
}

pub struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c.is_control() || is_line_break(c) {
                write!(f, "{}", c.escape_default())?;
            } else {
                f.write_fmt(format_args!("{c}"))?;
            }
        }
        Ok(())
    }
}

/// Unicode line and paragraph separators end a line in some viewers without being
/// control characters.
fn is_line_break(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}')
}

#[cfg(test)]
mod tests {
    use super::escaped;

    #[test]
    fn line_breaks_and_escape_sequences_are_escaped_and_cyrillic_is_kept() {
        let forged = "нет бумаги\n2026-11-20T07:00:00Z  INFO signed in staff=1\r\u{1b}[2J\u{2028}";
        let line = escaped(forged).to_string();
        assert!(!line.chars().any(|c| c.is_control()));
        assert_eq!(
            line,
            "нет бумаги\\n2026-11-20T07:00:00Z  INFO signed in staff=1\\r\\u{1b}[2J\\u{2028}"
        );
    }
}
