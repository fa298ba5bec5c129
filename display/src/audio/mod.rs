//! The sound of a call: a chime, then the announcement assembled from recorded word
//! clips, as 16 kHz mono samples (pure, testable without a sound card), played by the
//! system's own player in a background queue.
//!
//! No audio library is linked (they need system development packages to build): the
//! samples are written to a WAV file that `pw-play`, `paplay` or `aplay` plays, which
//! covers PipeWire, PulseAudio and plain ALSA machines.

pub mod announcer;
pub mod chime;
pub mod clips;
pub mod compose;
pub mod player;
pub mod wav;

pub use announcer::{Announcer, SoundStatus};
pub use clips::ClipBank;
pub use compose::{Composition, Part, Segment, compose};
pub use player::{Player, Sound, SystemPlayer};

/// Samples per second of every clip, the chime and the composed announcement.
pub const SAMPLE_RATE: u32 = 16_000;

/// A number of milliseconds as a number of samples.
pub const fn ms(millis: u32) -> usize {
    (SAMPLE_RATE / 1000 * millis) as usize
}
