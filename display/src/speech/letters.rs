//! How the letters of ticket prefixes are said.
//!
//! Russian: Cyrillic letters by their alphabet names ("Б" → "бэ", "Л" → "эль"); Latin
//! letters the way Russian speakers read them aloud ("G" → "гэ", "X" → "икс", "W" →
//! "дубль-вэ"), which shares most clips with Cyrillic.
//!
//! English: Latin letters by their English names. A Cyrillic letter keeps its Russian
//! name and voice, because the visitor reads that Cyrillic letter on the ticket and the
//! screen; its written form in an English sentence is a transliteration ("Be").

use super::Voice;

/// One letter as said: the voice and clip to play, and how it is written in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterName {
    pub voice: Voice,
    /// The clip name (lower case), e.g. "бэ".
    pub clip: &'static str,
    /// How the sentence writes it, e.g. "Бэ" or "Be".
    pub written: String,
}

/// Cyrillic letter, its Russian name (the clip) and the name transliterated.
const CYRILLIC: [(char, &str, &str); 33] = [
    ('А', "а", "A"),
    ('Б', "бэ", "Be"),
    ('В', "вэ", "Ve"),
    ('Г', "гэ", "Ge"),
    ('Д', "дэ", "De"),
    ('Е', "е", "Ye"),
    ('Ё', "ё", "Yo"),
    ('Ж', "жэ", "Zhe"),
    ('З', "зэ", "Ze"),
    ('И', "и", "I"),
    ('Й', "и краткое", "I kratkoye"),
    ('К', "ка", "Ka"),
    ('Л', "эль", "El"),
    ('М', "эм", "Em"),
    ('Н', "эн", "En"),
    ('О', "о", "O"),
    ('П', "пэ", "Pe"),
    ('Р', "эр", "Er"),
    ('С', "эс", "Es"),
    ('Т', "тэ", "Te"),
    ('У', "у", "U"),
    ('Ф', "эф", "Ef"),
    ('Х', "ха", "Kha"),
    ('Ц', "цэ", "Tse"),
    ('Ч', "че", "Che"),
    ('Ш', "ша", "Sha"),
    ('Щ', "ща", "Shcha"),
    ('Ъ', "твёрдый знак", "Tvyordy znak"),
    ('Ы', "ы", "Y"),
    ('Ь', "мягкий знак", "Myagky znak"),
    ('Э', "э", "E"),
    ('Ю', "ю", "Yu"),
    ('Я', "я", "Ya"),
];

/// Latin letters as Russian speakers read them aloud.
const LATIN_IN_RUSSIAN: [(char, &str); 26] = [
    ('A', "а"),
    ('B', "бэ"),
    ('C', "цэ"),
    ('D', "дэ"),
    ('E', "е"),
    ('F', "эф"),
    ('G', "гэ"),
    ('H', "аш"),
    ('I', "и"),
    ('J', "йот"),
    ('K', "ка"),
    ('L', "эль"),
    ('M', "эм"),
    ('N', "эн"),
    ('O', "о"),
    ('P', "пэ"),
    ('Q', "ку"),
    ('R', "эр"),
    ('S', "эс"),
    ('T', "тэ"),
    ('U', "у"),
    ('V', "вэ"),
    ('W', "дубль-вэ"),
    ('X', "икс"),
    ('Y', "игрек"),
    ('Z', "зэт"),
];

/// English letter names are clips named by the lower-case letter ("a" says "ay").
const LATIN_IN_ENGLISH: [(char, &str); 26] = [
    ('A', "a"),
    ('B', "b"),
    ('C', "c"),
    ('D', "d"),
    ('E', "e"),
    ('F', "f"),
    ('G', "g"),
    ('H', "h"),
    ('I', "i"),
    ('J', "j"),
    ('K', "k"),
    ('L', "l"),
    ('M', "m"),
    ('N', "n"),
    ('O', "o"),
    ('P', "p"),
    ('Q', "q"),
    ('R', "r"),
    ('S', "s"),
    ('T', "t"),
    ('U', "u"),
    ('V', "v"),
    ('W', "w"),
    ('X', "x"),
    ('Y', "y"),
    ('Z', "z"),
];

/// The name of a letter in `voice`'s announcement; `None` for anything that is not a
/// Latin or Cyrillic letter. Case does not matter.
pub fn name(letter: char, voice: Voice) -> Option<LetterName> {
    let upper = letter.to_uppercase().next()?;
    if let Some((_, clip, latin)) = CYRILLIC.iter().find(|(c, ..)| *c == upper) {
        let written = match voice {
            Voice::Ru => capitalised(clip),
            Voice::En => latin.to_string(),
        };
        return Some(LetterName {
            voice: Voice::Ru,
            clip,
            written,
        });
    }
    match voice {
        Voice::Ru => LATIN_IN_RUSSIAN
            .iter()
            .find(|(c, _)| *c == upper)
            .map(|(_, clip)| LetterName {
                voice: Voice::Ru,
                clip,
                written: capitalised(clip),
            }),
        Voice::En => LATIN_IN_ENGLISH
            .iter()
            .find(|(c, _)| *c == upper)
            .map(|(_, clip)| LetterName {
                voice: Voice::En,
                clip,
                written: upper.to_string(),
            }),
    }
}

/// "бэ" → "Бэ", "и краткое" → "И краткое".
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Every letter the tables know, for tests that check each has a clip.
pub fn all_letters() -> impl Iterator<Item = char> {
    CYRILLIC
        .iter()
        .map(|(c, ..)| *c)
        .chain(LATIN_IN_RUSSIAN.iter().map(|(c, _)| *c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ru(c: char) -> (&'static str, String) {
        let name = name(c, Voice::Ru).unwrap();
        assert_eq!(name.voice, Voice::Ru);
        (name.clip, name.written)
    }

    #[test]
    fn cyrillic_letters_in_russian() {
        assert_eq!(ru('А'), ("а", "А".into()));
        assert_eq!(ru('Б'), ("бэ", "Бэ".into()));
        assert_eq!(ru('Д'), ("дэ", "Дэ".into()));
        assert_eq!(ru('Й'), ("и краткое", "И краткое".into()));
        assert_eq!(ru('Л'), ("эль", "Эль".into()));
        assert_eq!(ru('О'), ("о", "О".into()));
        assert_eq!(ru('П'), ("пэ", "Пэ".into()));
        assert_eq!(ru('Ъ'), ("твёрдый знак", "Твёрдый знак".into()));
        assert_eq!(ru('Ю'), ("ю", "Ю".into()));
        assert_eq!(ru('Я'), ("я", "Я".into()));
        assert_eq!(
            ru('б'),
            ("бэ", "Бэ".into()),
            "lower case is the same letter"
        );
    }

    #[test]
    fn latin_letters_in_russian() {
        assert_eq!(ru('A'), ("а", "А".into()));
        assert_eq!(ru('B'), ("бэ", "Бэ".into()));
        assert_eq!(ru('C'), ("цэ", "Цэ".into()));
        assert_eq!(ru('H'), ("аш", "Аш".into()));
        assert_eq!(ru('W'), ("дубль-вэ", "Дубль-вэ".into()));
        assert_eq!(ru('X'), ("икс", "Икс".into()));
        assert_eq!(ru('Y'), ("игрек", "Игрек".into()));
        assert_eq!(ru('Z'), ("зэт", "Зэт".into()));
    }

    #[test]
    fn letters_in_english() {
        let a = name('A', Voice::En).unwrap();
        assert_eq!((a.voice, a.clip, a.written.as_str()), (Voice::En, "a", "A"));
        let w = name('w', Voice::En).unwrap();
        assert_eq!((w.voice, w.clip, w.written.as_str()), (Voice::En, "w", "W"));
        // A Cyrillic letter keeps its Russian name and voice.
        let be = name('Б', Voice::En).unwrap();
        assert_eq!(
            (be.voice, be.clip, be.written.as_str()),
            (Voice::Ru, "бэ", "Be")
        );
        let p = name('П', Voice::En).unwrap();
        assert_eq!(
            (p.voice, p.clip, p.written.as_str()),
            (Voice::Ru, "пэ", "Pe")
        );
    }

    #[test]
    fn every_letter_has_a_name_in_both_voices() {
        for letter in all_letters() {
            assert!(name(letter, Voice::Ru).is_some(), "{letter}");
            assert!(name(letter, Voice::En).is_some(), "{letter}");
        }
    }

    #[test]
    fn non_letters_have_no_name() {
        assert_eq!(name('1', Voice::Ru), None);
        assert_eq!(name('.', Voice::En), None);
        assert_eq!(name('Ω', Voice::Ru), None);
    }
}
