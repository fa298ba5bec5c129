//! A short two-note chime for a new alert. The sound is made here (no audio library,
//! so the app builds everywhere) and handed to the system's player; when there is none,
//! the blinking banner is the cue.

use std::path::PathBuf;
use std::process::{Command, Stdio};

const RATE: u32 = 22_050;

/// 16-bit mono PCM WAV of two decaying sine notes.
pub fn chime_wav() -> Vec<u8> {
    let mut samples: Vec<i16> = Vec::new();
    for (frequency, seconds) in [(880.0_f32, 0.18_f32), (660.0, 0.32)] {
        let count = (RATE as f32 * seconds) as usize;
        for n in 0..count {
            let t = n as f32 / RATE as f32;
            let envelope = (1.0 - n as f32 / count as f32).powi(2);
            let value = (t * frequency * std::f32::consts::TAU).sin() * envelope * 0.5;
            samples.push((value * f32::from(i16::MAX)) as i16);
        }
    }
    let data_len = (samples.len() * 2) as u32;
    let mut wav = Vec::with_capacity(44 + data_len as usize);
    wav.extend_from_slice(b"RIFF");
    wav.extend_from_slice(&(36 + data_len).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt ");
    wav.extend_from_slice(&16u32.to_le_bytes()); // format chunk size
    wav.extend_from_slice(&1u16.to_le_bytes()); // PCM
    wav.extend_from_slice(&1u16.to_le_bytes()); // mono
    wav.extend_from_slice(&RATE.to_le_bytes());
    wav.extend_from_slice(&(RATE * 2).to_le_bytes()); // bytes per second
    wav.extend_from_slice(&2u16.to_le_bytes()); // block align
    wav.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    wav.extend_from_slice(b"data");
    wav.extend_from_slice(&data_len.to_le_bytes());
    for sample in samples {
        wav.extend_from_slice(&sample.to_le_bytes());
    }
    wav
}

/// Plays the chime in the background; failures are logged, never shown.
pub fn play() {
    std::thread::spawn(|| {
        let path: PathBuf = std::env::temp_dir().join("talon-desk-chime.wav");
        if !path.exists()
            && let Err(e) = std::fs::write(&path, chime_wav())
        {
            tracing::debug!(error = %e, "cannot write the chime");
            return;
        }
        let file = path.display().to_string();
        let players: Vec<(&str, Vec<String>)> = if cfg!(windows) {
            vec![(
                "powershell",
                vec![
                    "-NoProfile".into(),
                    "-Command".into(),
                    format!("(New-Object Media.SoundPlayer '{file}').PlaySync()"),
                ],
            )]
        } else {
            vec![
                ("paplay", vec![file.clone()]),
                ("pw-play", vec![file.clone()]),
                ("aplay", vec!["-q".into(), file.clone()]),
                ("afplay", vec![file]),
            ]
        };
        for (program, args) in players {
            let played = Command::new(program)
                .args(&args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            if played.is_ok_and(|s| s.success()) {
                return;
            }
        }
        tracing::debug!("no audio player found for the alert chime");
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_wav() {
        let wav = chime_wav();
        assert_eq!(&wav[0..4], b"RIFF");
        assert_eq!(&wav[8..16], b"WAVEfmt ");
        let data_len = u32::from_le_bytes(wav[40..44].try_into().unwrap()) as usize;
        assert_eq!(wav.len(), 44 + data_len);
        assert_eq!(
            u32::from_le_bytes(wav[4..8].try_into().unwrap()) as usize,
            wav.len() - 8
        );
        // Half a second of sound.
        assert_eq!(
            data_len / 2,
            (22_050.0_f32 * 0.18) as usize + (22_050.0_f32 * 0.32) as usize
        );
    }
}
