//! Announces calls one after another: a queue in front of a worker thread that composes
//! each announcement and plays it to the end before taking the next, so calls that
//! arrive together are all heard, in order, none dropped and none talking over another.

use super::ClipBank;
use super::compose::compose;
use super::player::{Player, Sound};
use crate::speech::{Call, Voice, phrase};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

/// Whether the hall hears the calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SoundStatus {
    /// A player is there and the last announcement (if any) played.
    Ready,
    /// No player, or the last announcement failed; the display shows a notice and keeps
    /// working visually. The text says why, for the log.
    Unavailable(String),
}

/// Takes calls and has them said in the background.
pub struct Announcer {
    queue: mpsc::Sender<Call>,
    status: Arc<Mutex<SoundStatus>>,
}

impl Announcer {
    /// Starts the worker. `languages`: the sentences said for each call, in order
    /// (Russian, then English when asked). `player` is `None` when no player exists: the
    /// status is then unavailable from the start. `on_change` runs when the status
    /// changes (the app passes a repaint request).
    pub fn start(
        player: Option<Box<dyn Player>>,
        languages: Vec<Voice>,
        on_change: impl Fn() + Send + 'static,
    ) -> Announcer {
        let status = Arc::new(Mutex::new(match player {
            Some(_) => SoundStatus::Ready,
            None => {
                SoundStatus::Unavailable("no audio player found (pw-play, paplay or aplay)".into())
            }
        }));
        let (queue, calls) = mpsc::channel::<Call>();
        let shared = status.clone();
        std::thread::Builder::new()
            .name("talon-announcer".into())
            .spawn(move || {
                let Some(mut player) = player else {
                    // Nothing to play with: the calls are only shown.
                    while calls.recv().is_ok() {}
                    return;
                };
                while let Ok(call) = calls.recv() {
                    let sound = sound(&call, &languages);
                    let outcome = match player.play(&sound) {
                        Ok(()) => SoundStatus::Ready,
                        Err(why) => {
                            tracing::warn!(%why, "the announcement was not heard");
                            SoundStatus::Unavailable(why)
                        }
                    };
                    let changed = {
                        let mut status = shared.lock().expect("sound status");
                        let changed = *status != outcome;
                        *status = outcome;
                        changed
                    };
                    if changed {
                        on_change();
                    }
                }
            })
            .expect("starting the announcer thread");
        Announcer { queue, status }
    }

    /// Queues a call to be said after those before it.
    pub fn announce(&self, call: Call) {
        // The worker lives as long as the queue's sender, so this cannot fail.
        let _ = self.queue.send(call);
    }

    pub fn status(&self) -> SoundStatus {
        self.status.lock().expect("sound status").clone()
    }
}

/// The chime and the call's sentences as one sound.
pub fn sound(call: &Call, languages: &[Voice]) -> Sound {
    let phrases: Vec<_> = languages.iter().map(|v| phrase(call, *v)).collect();
    let text = phrases
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join(". ");
    Sound {
        text,
        samples: compose(&phrases, ClipBank::embedded()).samples,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// Records what it would play, taking a little time like a real player.
    struct Recorder {
        played: Arc<Mutex<Vec<String>>>,
        fail: bool,
    }

    impl Player for Recorder {
        fn play(&mut self, sound: &Sound) -> Result<(), String> {
            std::thread::sleep(Duration::from_millis(30));
            assert!(!sound.samples.is_empty());
            self.played.lock().unwrap().push(sound.text.clone());
            if self.fail {
                Err("aplay: no soundcards found".into())
            } else {
                Ok(())
            }
        }
    }

    fn call(ticket: &str, window: &str) -> Call {
        Call {
            ticket: ticket.into(),
            window: window.into(),
        }
    }

    fn wait_for(what: &str, done: impl Fn() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !done() {
            assert!(Instant::now() < deadline, "never happened: {what}");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn calls_are_said_one_after_another_none_dropped() {
        let played = Arc::new(Mutex::new(Vec::new()));
        let player = Recorder {
            played: played.clone(),
            fail: false,
        };
        let announcer = Announcer::start(Some(Box::new(player)), vec![Voice::Ru, Voice::En], || {});
        assert_eq!(announcer.status(), SoundStatus::Ready);
        announcer.announce(call("А015", "3"));
        announcer.announce(call("Д001", "1"));
        announcer.announce(call("П002", "2"));
        wait_for("three announcements", || played.lock().unwrap().len() == 3);
        assert_eq!(
            *played.lock().unwrap(),
            [
                "Талон А пятнадцать, окно три. Ticket A fifteen, window three",
                "Талон Дэ один, окно один. Ticket De one, window one",
                "Талон Пэ два, окно два. Ticket Pe two, window two",
            ]
        );
        assert_eq!(announcer.status(), SoundStatus::Ready);
    }

    #[test]
    fn a_failing_player_makes_sound_unavailable_but_calls_go_on() {
        let played = Arc::new(Mutex::new(Vec::new()));
        let changes = Arc::new(Mutex::new(0));
        let counted = changes.clone();
        let player = Recorder {
            played: played.clone(),
            fail: true,
        };
        let announcer = Announcer::start(Some(Box::new(player)), vec![Voice::Ru], move || {
            *counted.lock().unwrap() += 1
        });
        announcer.announce(call("А1", "1"));
        announcer.announce(call("А2", "1"));
        wait_for("both tried", || played.lock().unwrap().len() == 2);
        wait_for(
            "the status",
            || matches!(announcer.status(), SoundStatus::Unavailable(why) if why.contains("soundcards")),
        );
        assert_eq!(
            *changes.lock().unwrap(),
            1,
            "one change: ready → unavailable"
        );
    }

    #[test]
    fn without_a_player_sound_is_unavailable_from_the_start() {
        let announcer = Announcer::start(None, vec![Voice::Ru], || {});
        assert!(matches!(announcer.status(), SoundStatus::Unavailable(_)));
        announcer.announce(call("А1", "1"));
    }
}
