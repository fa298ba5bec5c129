//! An announcement as samples: the chime, then each phrase's clips with short pauses
//! between words, a longer one at the comma and a long one between languages.
//!
//! Pure: the same phrases and clips always give the same samples, and the composition
//! lists where each part lies, so tests check the audio itself without a sound card.

use super::chime::chime;
use super::clips::ClipBank;
use super::ms;
use crate::speech::{Clip, Phrase, letters};

pub const AFTER_CHIME_MS: u32 = 350;
pub const BETWEEN_WORDS_MS: u32 = 70;
/// The comma in "Талон А пятнадцать, окно три".
pub const BETWEEN_PARTS_MS: u32 = 280;
/// Between the Russian and the English sentence.
pub const BETWEEN_PHRASES_MS: u32 = 800;
/// Silence at the end, so no player cuts the last word short.
pub const TAIL_MS: u32 = 250;
/// What a word with no clip and nothing to spell it with becomes.
pub const UNSAID_WORD_MS: u32 = 300;

/// What a stretch of the announcement is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Chime,
    Clip(Clip),
    Silence,
}

/// A part and where it lies, in samples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub part: Part,
    pub start: usize,
    pub len: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Composition {
    pub samples: Vec<i16>,
    pub segments: Vec<Segment>,
}

impl Composition {
    /// The clips said, in order.
    pub fn clips(&self) -> Vec<&Clip> {
        self.segments
            .iter()
            .filter_map(|s| match &s.part {
                Part::Clip(clip) => Some(clip),
                _ => None,
            })
            .collect()
    }

    fn push(&mut self, part: Part, samples: &[i16]) {
        self.segments.push(Segment {
            part,
            start: self.samples.len(),
            len: samples.len(),
        });
        self.samples.extend_from_slice(samples);
    }

    fn silence(&mut self, millis: u32) {
        self.push(Part::Silence, &vec![0; ms(millis)]);
    }

    /// Says a clip; a word without a clip (a window called "Каб") is spelled letter by
    /// letter, and one that cannot be spelled either leaves a pause in its place.
    fn say(&mut self, clip: &Clip, bank: &ClipBank) {
        if let Some(samples) = bank.get(clip) {
            self.push(Part::Clip(clip.clone()), samples);
            return;
        }
        let spelled: Vec<(Clip, &[i16])> = clip
            .name
            .chars()
            .filter_map(|c| letters::name(c, clip.voice))
            .map(|name| Clip::new(name.voice, name.clip))
            .filter_map(|letter| bank.get(&letter).map(|samples| (letter, samples)))
            .collect();
        if spelled.is_empty() {
            tracing::warn!(word = %clip.name, "no clip for this word; a pause instead");
            self.silence(UNSAID_WORD_MS);
        }
        for (i, (letter, samples)) in spelled.into_iter().enumerate() {
            if i > 0 {
                self.silence(BETWEEN_WORDS_MS);
            }
            self.push(Part::Clip(letter), samples);
        }
    }
}

/// The chime followed by `phrases` (the Russian sentence, then the English one when the
/// office wants both).
pub fn compose(phrases: &[Phrase], bank: &ClipBank) -> Composition {
    let mut out = Composition::default();
    out.push(Part::Chime, &chime());
    for (i, phrase) in phrases.iter().enumerate() {
        out.silence(if i == 0 {
            AFTER_CHIME_MS
        } else {
            BETWEEN_PHRASES_MS
        });
        for (j, part) in phrase.parts.iter().enumerate() {
            if j > 0 {
                out.silence(BETWEEN_PARTS_MS);
            }
            for (k, clip) in part.iter().flat_map(|w| &w.clips).enumerate() {
                if k > 0 {
                    out.silence(BETWEEN_WORDS_MS);
                }
                out.say(clip, bank);
            }
        }
    }
    out.silence(TAIL_MS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::SAMPLE_RATE;
    use crate::speech::{Call, Voice, phrase};

    fn call(ticket: &str, window: &str) -> Call {
        Call {
            ticket: ticket.into(),
            window: window.into(),
        }
    }

    /// Clips of recognisable content: a constant level and a length of their own.
    fn test_bank(words: &[(Voice, &str)]) -> ClipBank {
        let mut bank = ClipBank::default();
        for (i, (voice, word)) in words.iter().enumerate() {
            let i = i as i16 + 1;
            bank.insert(Clip::new(*voice, word), vec![1000 * i; 100 * i as usize]);
        }
        bank
    }

    fn said(composition: &Composition) -> Vec<(Voice, &str)> {
        composition
            .clips()
            .into_iter()
            .map(|c| (c.voice, c.name.as_str()))
            .collect()
    }

    #[test]
    fn chime_then_clips_in_order_with_pauses() {
        let bank = test_bank(&[
            (Voice::Ru, "талон"),
            (Voice::Ru, "а"),
            (Voice::Ru, "пятнадцать"),
            (Voice::Ru, "окно"),
            (Voice::Ru, "три"),
        ]);
        let out = compose(&[phrase(&call("А015", "3"), Voice::Ru)], &bank);
        let parts: Vec<Part> = out.segments.iter().map(|s| s.part.clone()).collect();
        let clip = |w| Part::Clip(Clip::new(Voice::Ru, w));
        assert_eq!(
            parts,
            [
                Part::Chime,
                Part::Silence,
                clip("талон"),
                Part::Silence,
                clip("а"),
                Part::Silence,
                clip("пятнадцать"),
                Part::Silence,
                clip("окно"),
                Part::Silence,
                clip("три"),
                Part::Silence,
            ]
        );
        // Segments tile the samples exactly.
        let mut end = 0;
        for segment in &out.segments {
            assert_eq!(segment.start, end);
            end += segment.len;
        }
        assert_eq!(end, out.samples.len());
        // Each part holds what it says: the clip's own samples, or silence.
        for segment in &out.segments {
            let samples = &out.samples[segment.start..segment.start + segment.len];
            match &segment.part {
                Part::Clip(clip) => assert_eq!(samples, bank.get(clip).unwrap()),
                Part::Silence => assert!(samples.iter().all(|s| *s == 0)),
                Part::Chime => assert_eq!(samples, chime()),
            }
        }
        // The comma pauses longer than the gaps between words.
        let silences: Vec<usize> = out
            .segments
            .iter()
            .filter(|s| s.part == Part::Silence)
            .map(|s| s.len)
            .collect();
        assert_eq!(
            silences,
            [
                ms(AFTER_CHIME_MS),
                ms(BETWEEN_WORDS_MS),
                ms(BETWEEN_WORDS_MS),
                ms(BETWEEN_PARTS_MS),
                ms(BETWEEN_WORDS_MS),
                ms(TAIL_MS),
            ]
        );
        let words: usize = [1, 2, 3, 4, 5].iter().map(|i| 100 * i).sum();
        assert_eq!(
            out.samples.len(),
            chime().len() + words + silences.iter().sum::<usize>()
        );
    }

    #[test]
    fn russian_then_english_after_a_long_pause() {
        let bank = ClipBank::embedded();
        let call = call("Д021", "2");
        let out = compose(&[phrase(&call, Voice::Ru), phrase(&call, Voice::En)], bank);
        assert_eq!(
            said(&out),
            [
                (Voice::Ru, "талон"),
                (Voice::Ru, "дэ"),
                (Voice::Ru, "двадцать"),
                (Voice::Ru, "один"),
                (Voice::Ru, "окно"),
                (Voice::Ru, "два"),
                (Voice::En, "ticket"),
                (Voice::Ru, "дэ"),
                (Voice::En, "twenty"),
                (Voice::En, "one"),
                (Voice::En, "window"),
                (Voice::En, "two"),
            ]
        );
        let long_pauses = out
            .segments
            .iter()
            .filter(|s| s.part == Part::Silence && s.len == ms(BETWEEN_PHRASES_MS))
            .count();
        assert_eq!(long_pauses, 1);
        let seconds = out.samples.len() as f32 / SAMPLE_RATE as f32;
        assert!((5.0..14.0).contains(&seconds), "{seconds} s");
    }

    #[test]
    fn the_real_voice_announces_a_call_in_a_few_seconds() {
        let out = compose(
            &[phrase(&call("А015", "3"), Voice::Ru)],
            ClipBank::embedded(),
        );
        assert_eq!(
            said(&out),
            [
                (Voice::Ru, "талон"),
                (Voice::Ru, "а"),
                (Voice::Ru, "пятнадцать"),
                (Voice::Ru, "окно"),
                (Voice::Ru, "три"),
            ]
        );
        let seconds = out.samples.len() as f32 / SAMPLE_RATE as f32;
        assert!((2.5..7.0).contains(&seconds), "{seconds} s");
    }

    #[test]
    fn a_word_without_a_clip_is_spelled_or_left_as_a_pause() {
        let bank = ClipBank::embedded();
        // "Каб" has no clip of its own: spelled "ка а бэ".
        let out = compose(&[phrase(&call("А1", "Каб. 5"), Voice::Ru)], bank);
        assert_eq!(
            said(&out)[3..],
            [
                (Voice::Ru, "окно"),
                (Voice::Ru, "ка"),
                (Voice::Ru, "а"),
                (Voice::Ru, "бэ"),
                (Voice::Ru, "пять"),
            ]
        );
        // Nothing to say it with: a pause, and the rest is still said.
        let empty = ClipBank::default();
        let out = compose(&[phrase(&call("А1", "3"), Voice::Ru)], &empty);
        assert!(out.clips().is_empty());
        let pauses = out
            .segments
            .iter()
            .filter(|s| s.len == ms(UNSAID_WORD_MS))
            .count();
        assert_eq!(pauses, 5, "талон, а, один, окно, три");
        let partial = test_bank(&[(Voice::Ru, "окно"), (Voice::Ru, "три")]);
        let out = compose(&[phrase(&call("А1", "3"), Voice::Ru)], &partial);
        assert_eq!(said(&out), [(Voice::Ru, "окно"), (Voice::Ru, "три")]);
    }
}
