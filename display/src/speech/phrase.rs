//! A call as a sentence: the lead word ("талон" / "ticket"), the ticket label spelled
//! and counted, then "окно" / "window" and the window label.

use super::{Voice, letters, numbers};

/// A call to announce, as the hall sees it: labels only, never a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// The ticket label, e.g. "А015".
    pub ticket: String,
    /// The window label, e.g. "3" or "Каб. 5".
    pub window: String,
}

/// A recorded word: which voice says it and its name in that voice's clip list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Clip {
    pub voice: Voice,
    pub name: String,
}

impl Clip {
    pub fn new(voice: Voice, name: &str) -> Clip {
        Clip {
            voice,
            name: name.to_string(),
        }
    }
}

/// One written word and the clips that say it ("twenty-one" is one word, two clips).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub written: String,
    pub clips: Vec<Clip>,
}

impl Word {
    fn said(voice: Voice, name: &str) -> Word {
        Word {
            written: name.to_string(),
            clips: vec![Clip::new(voice, name)],
        }
    }
}

/// A sentence in one language, in parts that a comma (a longer pause) separates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub voice: Voice,
    pub parts: Vec<Vec<Word>>,
}

impl Phrase {
    /// The sentence as written: "Талон А пятнадцать, окно три".
    pub fn text(&self) -> String {
        let parts: Vec<String> = self
            .parts
            .iter()
            .map(|words| {
                words
                    .iter()
                    .map(|w| w.written.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        letters::capitalised(&parts.join(", "))
    }

    /// Every clip, in the order it is said.
    pub fn clips(&self) -> impl Iterator<Item = &Clip> {
        self.parts.iter().flatten().flat_map(|w| w.clips.iter())
    }
}

/// The sentence announcing `call` in `voice`'s language.
pub fn phrase(call: &Call, voice: Voice) -> Phrase {
    let (ticket, window) = match voice {
        Voice::Ru => ("талон", "окно"),
        Voice::En => ("ticket", "window"),
    };
    let part = |lead: &str, label: &str| {
        let mut words = vec![Word::said(voice, lead)];
        words.extend(label_words(label, voice));
        words
    };
    Phrase {
        voice,
        parts: vec![part(ticket, &call.ticket), part(window, &call.window)],
    }
}

/// A label ("А015", "AB001", "12", "Каб. 5") as words: runs of digits are numbers
/// (leading zeros dropped), short upper-case runs of letters are spelled letter by
/// letter, longer runs are words of their own; anything else only separates.
fn label_words(label: &str, voice: Voice) -> Vec<Word> {
    let mut words = Vec::new();
    for run in runs(label) {
        if run.chars().all(|c| c.is_ascii_digit()) {
            words.extend(number_words(&run, voice));
        } else if is_spelled(&run) {
            words.extend(run.chars().filter_map(|c| letter_word(c, voice)));
        } else {
            // A word such as "Каб": said from its own clip when there is one; the
            // composer spells it otherwise.
            let voice = if run.chars().any(is_cyrillic) {
                Voice::Ru
            } else {
                voice
            };
            words.push(Word {
                written: run.clone(),
                clips: vec![Clip::new(voice, &run.to_lowercase())],
            });
        }
    }
    words
}

/// Splits a label into runs of digits and runs of letters.
fn runs(label: &str) -> Vec<String> {
    let mut runs: Vec<String> = Vec::new();
    let mut last_kind = None;
    for c in label.chars() {
        let kind = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        match (kind, last_kind) {
            (None, _) => {}
            (Some(k), Some(last)) if k == last => runs.last_mut().expect("a run").push(c),
            (Some(_), _) => runs.push(c.to_string()),
        }
        last_kind = kind;
    }
    runs
}

/// Ticket prefixes (one or two capitals) are spelled; "Каб" or "VIP" are words.
fn is_spelled(run: &str) -> bool {
    run.chars().count() <= 2 && run.chars().all(char::is_uppercase)
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

fn letter_word(c: char, voice: Voice) -> Option<Word> {
    letters::name(c, voice).map(|name| Word {
        written: name.written,
        clips: vec![Clip::new(name.voice, name.clip)],
    })
}

/// A run of digits as a number ("015" → fifteen); the number words say 0 and numbers
/// past 999 digit by digit, and so is a run too long for any number.
fn number_words(digits: &str, voice: Voice) -> Vec<Word> {
    match digits.parse::<u32>() {
        Ok(n) => said_number(n, voice),
        Err(_) => digits
            .chars()
            .filter_map(|c| c.to_digit(10))
            .flat_map(|d| said_number(d, voice))
            .collect(),
    }
}

fn said_number(n: u32, voice: Voice) -> Vec<Word> {
    match voice {
        Voice::Ru => numbers::russian(n)
            .into_iter()
            .map(|w| Word::said(Voice::Ru, w))
            .collect(),
        Voice::En => numbers::english(n)
            .into_iter()
            .map(|group| Word {
                written: group.join("-"),
                clips: group.iter().map(|w| Clip::new(Voice::En, w)).collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(ticket: &str, window: &str) -> Call {
        Call {
            ticket: ticket.into(),
            window: window.into(),
        }
    }

    fn ru(ticket: &str, window: &str) -> String {
        phrase(&call(ticket, window), Voice::Ru).text()
    }

    fn en(ticket: &str, window: &str) -> String {
        phrase(&call(ticket, window), Voice::En).text()
    }

    #[test]
    fn russian_sentences() {
        assert_eq!(ru("А015", "3"), "Талон А пятнадцать, окно три");
        assert_eq!(ru("Б101", "12"), "Талон Бэ сто один, окно двенадцать");
        assert_eq!(
            ru("П999", "1"),
            "Талон Пэ девятьсот девяносто девять, окно один"
        );
        assert_eq!(ru("AB001", "4"), "Талон А Бэ один, окно четыре");
        assert_eq!(ru("Ю020", "20"), "Талон Ю двадцать, окно двадцать");
    }

    #[test]
    fn english_sentences() {
        assert_eq!(en("A015", "3"), "Ticket A fifteen, window three");
        assert_eq!(en("А015", "3"), "Ticket A fifteen, window three");
        assert_eq!(en("Д021", "2"), "Ticket De twenty-one, window two");
        assert_eq!(en("B115", "10"), "Ticket B one hundred fifteen, window ten");
    }

    #[test]
    fn unusual_labels_are_still_said() {
        assert_eq!(ru("А1000", "3"), "Талон А один ноль ноль ноль, окно три");
        assert_eq!(ru("А000", "3"), "Талон А ноль, окно три");
        assert_eq!(
            ru("А12345678901", "3"),
            "Талон А один два три четыре пять шесть семь восемь девять ноль один, окно три"
        );
        assert_eq!(ru("А015", "Каб. 5"), "Талон А пятнадцать, окно Каб пять");
        assert_eq!(en("А015", "Room 5"), "Ticket A fifteen, window Room five");
    }

    #[test]
    fn clips_follow_the_words() {
        let said = phrase(&call("Д021", "2"), Voice::En);
        let clips: Vec<(Voice, &str)> = said.clips().map(|c| (c.voice, c.name.as_str())).collect();
        assert_eq!(
            clips,
            [
                (Voice::En, "ticket"),
                (Voice::Ru, "дэ"),
                (Voice::En, "twenty"),
                (Voice::En, "one"),
                (Voice::En, "window"),
                (Voice::En, "two"),
            ]
        );
        let word = &phrase(&call("А015", "Каб. 5"), Voice::En).parts[1][1];
        assert_eq!(word.clips, [Clip::new(Voice::Ru, "каб")]);
    }
}
