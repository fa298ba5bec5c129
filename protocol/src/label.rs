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

/// A prefix with the Latin letters that print like Cyrillic ones written in Cyrillic:
/// "A" and "А" would print, show and sound the same, so two topics of an office may not
/// have prefixes that are equal this way (the server refuses it; the desk's form says so
/// first).
pub fn look_alike(prefix: &str) -> String {
    prefix
        .chars()
        .map(|c| match c {
            'A' => 'А',
            'B' => 'В',
            'C' => 'С',
            'E' => 'Е',
            'H' => 'Н',
            'K' => 'К',
            'M' => 'М',
            'O' => 'О',
            'P' => 'Р',
            'T' => 'Т',
            'X' => 'Х',
            'Y' => 'У',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_letters_that_look_cyrillic_count_as_cyrillic() {
        assert_eq!(look_alike("KA"), look_alike("КА"));
        assert_ne!(look_alike("D"), look_alike("Д"));
    }

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
