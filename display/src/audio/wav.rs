//! 16-bit mono WAV in and out of memory.

use super::SAMPLE_RATE;
use std::io::Cursor;

fn spec() -> hound::WavSpec {
    hound::WavSpec {
        channels: 1,
        sample_rate: SAMPLE_RATE,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    }
}

/// The samples as a WAV file.
pub fn encode(samples: &[i16]) -> Vec<u8> {
    let mut bytes = Cursor::new(Vec::new());
    {
        let mut writer = hound::WavWriter::new(&mut bytes, spec()).expect("WAV header to memory");
        for sample in samples {
            writer.write_sample(*sample).expect("WAV sample to memory");
        }
        writer.finalize().expect("WAV to memory");
    }
    bytes.into_inner()
}

/// The samples of a WAV file, which must be 16 kHz mono 16-bit like everything the
/// display plays (the clips are made so by `voice/make-clips.sh`).
pub fn decode(bytes: &[u8]) -> Result<Vec<i16>, String> {
    let reader = hound::WavReader::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    if reader.spec() != spec() {
        return Err(format!(
            "expected 16 kHz mono 16-bit, found {:?}",
            reader.spec()
        ));
    }
    reader
        .into_samples::<i16>()
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_survive_a_round_trip() {
        let samples: Vec<i16> = (0..1000).map(|i| (i * 37 % 2000 - 1000) as i16).collect();
        let bytes = encode(&samples);
        assert_eq!(&bytes[..4], b"RIFF");
        assert_eq!(decode(&bytes).unwrap(), samples);
    }

    #[test]
    fn other_formats_are_refused() {
        let mut bytes = Cursor::new(Vec::new());
        let stereo = hound::WavSpec {
            channels: 2,
            ..spec()
        };
        let mut writer = hound::WavWriter::new(&mut bytes, stereo).unwrap();
        writer.write_sample(0i16).unwrap();
        writer.write_sample(0i16).unwrap();
        writer.finalize().unwrap();
        assert!(decode(&bytes.into_inner()).is_err());
        assert!(decode(b"not a wav").is_err());
    }
}
