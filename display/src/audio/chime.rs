//! The two-tone chime before every announcement ("ding-dong"), synthesised: a bell-like
//! tone (fundamental and a softer octave) with a short attack and an exponential decay,
//! first E5 then C5.

use super::{SAMPLE_RATE, ms};
use std::f32::consts::TAU;

/// (frequency in Hz, duration in ms) of each note.
pub const NOTES: [(f32, u32); 2] = [(659.25, 450), (523.25, 750)];
/// The loudest sample as a share of full scale: clearly audible, below the clips.
const LEVEL: f32 = 0.5;
const ATTACK_MS: u32 = 8;
/// The fade at the very end of each note, so it stops without a click.
const RELEASE_MS: u32 = 30;
/// How fast the tone decays (time constant).
const DECAY_S: f32 = 0.22;

/// The chime's samples.
pub fn chime() -> Vec<i16> {
    NOTES
        .iter()
        .flat_map(|&(frequency, duration)| note(frequency, duration))
        .collect()
}

fn note(frequency: f32, duration_ms: u32) -> Vec<i16> {
    let len = ms(duration_ms);
    let (attack, release) = (ms(ATTACK_MS), ms(RELEASE_MS));
    (0..len)
        .map(|i| {
            let t = i as f32 / SAMPLE_RATE as f32;
            let tone = (TAU * frequency * t).sin() + 0.3 * (TAU * 2.0 * frequency * t).sin();
            let rise = (i as f32 / attack as f32).min(1.0);
            let fall = ((len - i) as f32 / release as f32).min(1.0);
            let envelope = rise * fall * (-t / DECAY_S).exp();
            (tone / 1.3 * envelope * LEVEL * i16::MAX as f32) as i16
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dominant frequency by counting upward zero crossings.
    fn frequency(samples: &[i16]) -> f32 {
        let crossings = samples.windows(2).filter(|w| w[0] < 0 && w[1] >= 0).count();
        crossings as f32 * SAMPLE_RATE as f32 / samples.len() as f32
    }

    #[test]
    fn two_notes_high_then_low() {
        let samples = chime();
        assert_eq!(samples.len(), ms(450) + ms(750));
        let first = &samples[ms(20)..ms(200)];
        let second = &samples[ms(470)..ms(650)];
        assert!(
            (frequency(first) - 659.0).abs() < 15.0,
            "{}",
            frequency(first)
        );
        assert!(
            (frequency(second) - 523.0).abs() < 15.0,
            "{}",
            frequency(second)
        );
    }

    #[test]
    fn loud_enough_without_clipping_or_clicks() {
        let samples = chime();
        let peak = samples.iter().map(|s| s.unsigned_abs()).max().unwrap();
        assert!(peak > 10_000 && peak < 20_000, "peak {peak}");
        // Each note starts and ends near silence.
        for edge in [0, ms(450) - 1, ms(450), samples.len() - 1] {
            assert!(
                samples[edge].abs() < 500,
                "click at {edge}: {}",
                samples[edge]
            );
        }
    }
}
