//! Embeds the recorded word clips listed in `voice/{ru,en}/clips.tsv`: generates a table
//! of (voice, word, WAV bytes) with `include_bytes!`, so the binary carries its voice
//! and needs no files at run time.

use std::fmt::Write;
use std::path::Path;

fn main() {
    // Read at run time, not baked in with env!: a build script compiled for one checkout
    // may be reused by another that shares the target directory.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("voice");
    let mut table = String::from("&[\n");
    for (dir, voice) in [("ru", "Ru"), ("en", "En")] {
        let list = root.join(dir).join("clips.tsv");
        println!("cargo:rerun-if-changed={}", list.display());
        let text = std::fs::read_to_string(&list)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", list.display()));
        for line in text.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(stem), Some(word)) = (fields.next(), fields.next()) else {
                panic!(
                    "{}: a line needs a file stem and a word: {line:?}",
                    list.display()
                );
            };
            let wav = root.join(dir).join(format!("{stem}.wav"));
            assert!(
                wav.exists(),
                "{} is listed but missing: run voice/make-clips.sh",
                wav.display()
            );
            println!("cargo:rerun-if-changed={}", wav.display());
            writeln!(
                table,
                "    (crate::speech::Voice::{voice}, {word:?}, include_bytes!({:?})),",
                wav.display().to_string()
            )
            .expect("writing to a string");
        }
    }
    table.push(']');
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("clips.rs");
    std::fs::write(out, table).expect("writing the clip table");
}
