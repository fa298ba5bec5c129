//! Ticket labels: a topic prefix of one or two letters and a three-digit number ("А015").

/// The label shown on the ticket and the display: prefix + number, zero-padded to three
/// digits (numbers past 999 simply grow: "A1000").
pub fn ticket_label(prefix: &str, number: u32) -> String {
    format!("{prefix}{number:03}")
}

/// Why a prefix was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrefixError {
    Length,
    NotALetter,
}

impl std::fmt::Display for PrefixError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrefixError::Length => f.write_str("a topic prefix has one or two letters"),
            PrefixError::NotALetter => {
                f.write_str("a topic prefix may only contain Latin or Cyrillic letters")
            }
        }
    }
}

/// Checks a topic prefix: one or two Latin or Cyrillic letters. Returns it upper-cased.
pub fn parse_prefix(raw: &str) -> Result<String, PrefixError> {
    let trimmed = raw.trim();
    let count = trimmed.chars().count();
    if !(1..=2).contains(&count) {
        return Err(PrefixError::Length);
    }
    let is_allowed = |c: char| {
        c.is_ascii_alphabetic() || ('\u{0410}'..='\u{044F}').contains(&c) || c == 'Ё' || c == 'ё'
    };
    if !trimmed.chars().all(is_allowed) {
        return Err(PrefixError::NotALetter);
    }
    Ok(trimmed.to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_zero_padded() {
        assert_eq!(ticket_label("А", 15), "А015");
        assert_eq!(ticket_label("AB", 1), "AB001");
        assert_eq!(ticket_label("A", 1000), "A1000");
    }

    #[test]
    fn prefixes_are_one_or_two_letters() {
        assert_eq!(parse_prefix("а").unwrap(), "А");
        assert_eq!(parse_prefix(" ks ").unwrap(), "KS");
        assert_eq!(parse_prefix(""), Err(PrefixError::Length));
        assert_eq!(parse_prefix("ABC"), Err(PrefixError::Length));
        assert_eq!(parse_prefix("A1"), Err(PrefixError::NotALetter));
        assert_eq!(parse_prefix("Ω"), Err(PrefixError::NotALetter));
    }
}
