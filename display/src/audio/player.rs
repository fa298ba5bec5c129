//! Who plays an announcement: the [`Player`] trait, and [`SystemPlayer`], which hands a
//! WAV file to the first of `pw-play` (PipeWire), `paplay` (PulseAudio) and `aplay`
//! (ALSA) it finds on `PATH`. Tests plug in a player that records instead.

use super::{SAMPLE_RATE, wav};
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// An announcement ready to play.
#[derive(Debug, Clone, PartialEq)]
pub struct Sound {
    /// What is said, as written (for logs and tests).
    pub text: String,
    /// 16 kHz mono.
    pub samples: Vec<i16>,
}

impl Sound {
    pub fn duration(&self) -> Duration {
        Duration::from_secs_f64(self.samples.len() as f64 / SAMPLE_RATE as f64)
    }
}

/// Plays sounds, one at a time, to the end.
pub trait Player: Send + 'static {
    /// Plays `sound` and returns when it has been played; an error means the hall did
    /// not hear it (no sound card, no sound server, …), in words for the log.
    fn play(&mut self, sound: &Sound) -> Result<(), String>;
}

/// The system players tried, in order, with the arguments they need.
const CANDIDATES: [(&str, &[&str]); 3] = [("pw-play", &[]), ("paplay", &[]), ("aplay", &["-q"])];

/// How much longer than the sound a player may take before it is taken to hang.
const GRACE: Duration = Duration::from_secs(10);

/// Plays through a system program given a WAV file.
#[derive(Debug, Clone)]
pub struct SystemPlayer {
    program: PathBuf,
    args: Vec<String>,
}

impl SystemPlayer {
    /// The first known player on `PATH`.
    pub fn find() -> Option<SystemPlayer> {
        Self::find_in(&std::env::var_os("PATH").unwrap_or_default())
    }

    /// The first known player in the directories of `path` (a `PATH`-style list).
    pub fn find_in(path: &OsStr) -> Option<SystemPlayer> {
        CANDIDATES.iter().find_map(|(name, args)| {
            std::env::split_paths(path)
                .map(|dir| dir.join(name))
                .find(|file| is_executable(file))
                .map(|program| SystemPlayer::new(program, args))
        })
    }

    pub fn new(program: impl Into<PathBuf>, args: &[&str]) -> SystemPlayer {
        SystemPlayer {
            program: program.into(),
            args: args.iter().map(|a| a.to_string()).collect(),
        }
    }

    pub fn program(&self) -> &Path {
        &self.program
    }
}

fn is_executable(file: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        file.is_file()
    }
}

impl Player for SystemPlayer {
    fn play(&mut self, sound: &Sound) -> Result<(), String> {
        let mut file = tempfile::Builder::new()
            .prefix("talon-call-")
            .suffix(".wav")
            .tempfile()
            .map_err(|e| format!("cannot write the announcement: {e}"))?;
        file.write_all(&wav::encode(&sound.samples))
            .and_then(|_| file.flush())
            .map_err(|e| format!("cannot write the announcement: {e}"))?;
        let name = self.program.display().to_string();
        let mut child = Command::new(&self.program)
            .args(&self.args)
            .arg(file.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("{name} does not start: {e}"))?;
        // Read the player's complaints while it runs, so a full pipe cannot stall it.
        let mut stderr = child.stderr.take().expect("stderr is piped");
        let complaints = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let deadline = Instant::now() + sound.duration() + GRACE;
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) if Instant::now() > deadline => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Err(format!("{name} did not finish playing"));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                Err(e) => break Err(format!("{name}: {e}")),
            }
        };
        let complaints = complaints.join().unwrap_or_default();
        match status? {
            status if status.success() => Ok(()),
            status => {
                let why = complaints.lines().next().unwrap_or("").trim();
                Err(format!("{name} failed ({status}): {why}"))
            }
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// Writing a script while another test thread forks can leave the script "busy"
    /// when it is run (ETXTBSY): these tests take turns.
    static TURNS: std::sync::Mutex<()> = std::sync::Mutex::new(());

    fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    fn sound() -> Sound {
        Sound {
            text: "Талон А один, окно один".into(),
            samples: (0..1600).map(|i| (i % 100) as i16 * 100).collect(),
        }
    }

    #[test]
    fn hands_the_player_a_wav_of_the_samples() {
        let _turn = TURNS.lock().unwrap_or_else(|e| e.into_inner());
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("played.wav");
        // The file is the last argument, after the player's own options.
        let program = script(
            dir.path(),
            "aplay",
            &format!("for last; do :; done; cp \"$last\" '{}'", copy.display()),
        );
        let mut player = SystemPlayer::new(program, &["-q"]);
        player.play(&sound()).unwrap();
        let played = wav::decode(&std::fs::read(&copy).unwrap()).unwrap();
        assert_eq!(played, sound().samples);
    }

    #[test]
    fn a_failing_player_reports_why() {
        let _turn = TURNS.lock().unwrap_or_else(|e| e.into_inner());
        let dir = tempfile::tempdir().unwrap();
        let program = script(
            dir.path(),
            "aplay",
            "echo 'aplay: no soundcards found' >&2; exit 1",
        );
        let error = SystemPlayer::new(program, &[]).play(&sound()).unwrap_err();
        assert!(error.contains("no soundcards found"), "{error}");
        let missing = SystemPlayer::new(dir.path().join("nothing"), &[]).play(&sound());
        assert!(missing.unwrap_err().contains("does not start"));
    }

    #[test]
    fn finds_the_first_known_player_on_the_path() {
        let _turn = TURNS.lock().unwrap_or_else(|e| e.into_inner());
        let empty = tempfile::tempdir().unwrap();
        let alsa = tempfile::tempdir().unwrap();
        let both = tempfile::tempdir().unwrap();
        script(alsa.path(), "aplay", "exit 0");
        script(both.path(), "aplay", "exit 0");
        script(both.path(), "paplay", "exit 0");
        // A file that is not executable is not a player.
        std::fs::write(empty.path().join("pw-play"), "").unwrap();
        let path = |dirs: &[&Path]| std::env::join_paths(dirs).unwrap();
        assert!(SystemPlayer::find_in(&path(&[empty.path()])).is_none());
        let found = SystemPlayer::find_in(&path(&[empty.path(), alsa.path()])).unwrap();
        assert_eq!(found.program(), alsa.path().join("aplay"));
        assert_eq!(found.args, ["-q"]);
        let found = SystemPlayer::find_in(&path(&[alsa.path(), both.path()])).unwrap();
        assert_eq!(found.program(), both.path().join("paplay"));
    }
}
