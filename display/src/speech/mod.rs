//! What the hall display says for a call, as words: pure text, no audio.
//!
//! "А015" at window "3" becomes «Талон А пятнадцать, окно три» and "Ticket A fifteen,
//! window three". Every word names a recorded clip, so the audio module can assemble
//! the announcement from clips (see `audio::compose`).

pub mod letters;
pub mod numbers;
mod phrase;

pub use phrase::{Call, Clip, Phrase, Word, phrase};

/// The language of a spoken word (and so the set of clips it comes from).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Voice {
    Ru,
    En,
}
