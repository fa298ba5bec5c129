//! The hall display app: finds its office with the display token, keeps a live mirror
//! of it, flashes and announces each new call, and draws the hall every frame.

use crate::audio::{Announcer, Player, SoundStatus};
use crate::calls::CallTracker;
use crate::clock::Clock;
use crate::flash::Flash;
use crate::link::freshness;
use crate::screen::{self, SoundNotice};
use crate::speech::Voice;
use crate::texts;
use crate::view::{Now, ViewSettings, hall_view};
use std::sync::Arc;
use std::time::{Duration, Instant};
use talon_client::look;
use talon_client::{Api, ClientError, LiveLink, Runtime, Task};
use talon_client::{text, text_with};
use talon_protocol::Office;

/// How long to wait before asking the server again after it could not be reached.
const RETRY_AFTER: Duration = Duration::from_secs(5);
/// Frame rate while a call flashes, and when nothing moves but the clock.
const FLASH_FRAME: Duration = Duration::from_millis(250);
const IDLE_FRAME: Duration = Duration::from_secs(1);

/// How the display sounds.
pub enum SoundSetup {
    /// Turned off by the operator (`--mute`).
    Off,
    /// Announce through this player; `None` when the machine has none, which the
    /// screen then says.
    Player(Option<Box<dyn Player>>),
}

/// Everything the app is started with.
pub struct Options {
    pub server: String,
    pub token: String,
    pub view: ViewSettings,
    /// Announce in English too, after Russian.
    pub english: bool,
    pub sound: SoundSetup,
    pub clock: Arc<dyn Clock>,
    /// Where the live link runs (tests share the server's runtime).
    pub runtime: Runtime,
    /// Hide the mouse pointer (full-screen on a hall screen).
    pub hide_cursor: bool,
}

pub struct DisplayApp {
    settings: ViewSettings,
    server: String,
    api: Api,
    runtime: Runtime,
    clock: Arc<dyn Clock>,
    repaint: egui::Context,
    hide_cursor: bool,
    phase: Phase,
    flash: Option<Flash>,
    calls: CallTracker,
    /// `None` when sound is off.
    announcer: Option<Announcer>,
}

type OfficesTask = Task<Result<Vec<Office>, ClientError>>;

enum Phase {
    /// Asking the server which office this display belongs to.
    Finding {
        task: Option<OfficesTask>,
        problem: Option<String>,
        retry_at: Instant,
    },
    /// Following the office live.
    Live { link: LiveLink },
}

impl DisplayApp {
    pub fn new(cc: &eframe::CreationContext<'_>, options: Options) -> DisplayApp {
        let ctx = cc.egui_ctx.clone();
        look::install_fonts(&ctx);
        look::apply_theme(&ctx);
        let announcer = match options.sound {
            SoundSetup::Off => None,
            SoundSetup::Player(player) => {
                let mut voices = vec![Voice::Ru];
                if options.english {
                    voices.push(Voice::En);
                }
                let ctx = ctx.clone();
                Some(Announcer::start(player, voices, move || {
                    ctx.request_repaint()
                }))
            }
        };
        let api = Api::new(&options.server, Some(options.token));
        DisplayApp {
            settings: options.view,
            server: options.server,
            api,
            runtime: options.runtime,
            phase: Phase::Finding {
                task: None,
                problem: None,
                retry_at: options.clock.instant(),
            },
            clock: options.clock,
            repaint: ctx,
            hide_cursor: options.hide_cursor,
            flash: None,
            calls: CallTracker::default(),
            announcer,
        }
    }

    /// Moves the connection along: asks for the office, starts the live link.
    fn connect(&mut self) {
        let now = self.clock.instant();
        let Phase::Finding {
            task,
            problem,
            retry_at,
        } = &mut self.phase
        else {
            return;
        };
        let Some(pending) = task else {
            if now >= *retry_at {
                let api = self.api.clone();
                let ctx = self.repaint.clone();
                *task = Some(
                    self.runtime
                        .spawn(async move { api.offices().await }, move || {
                            ctx.request_repaint()
                        }),
                );
            }
            return;
        };
        let Some(answer) = pending.take() else {
            return;
        };
        *task = None;
        *retry_at = now + RETRY_AFTER;
        let lang = self.settings.lang;
        match answer {
            // A display token belongs to exactly one office.
            Ok(offices) => match offices.first() {
                Some(office) => {
                    let ctx = self.repaint.clone();
                    let link =
                        LiveLink::start(&self.runtime, self.api.clone(), office.id, move || {
                            ctx.request_repaint()
                        });
                    self.phase = Phase::Live { link };
                }
                None => *problem = Some(text(lang, "display-no-office")),
            },
            Err(ClientError::Unreachable(why)) => {
                tracing::info!(%why, "the server cannot be reached yet");
                *problem = Some(text(lang, "display-unreachable"));
            }
            Err(ClientError::Refused { message, .. }) => {
                *problem = Some(texts::refused(lang, &message));
            }
            Err(ClientError::Protocol(why)) => {
                *problem = Some(text_with(
                    lang,
                    "display-bad-answer",
                    &[("detail", why.as_str().into())],
                ))
            }
        }
    }

    /// Flashes and announces the calls that arrived since the last frame.
    fn take_calls(&mut self) {
        let Phase::Live { link } = &self.phase else {
            return;
        };
        let events = link.take_events();
        let tracker = &mut self.calls;
        let calls = link.with(|shared| match &shared.mirror {
            Some(mirror) => tracker.update(&events, mirror, shared.snapshots),
            None => Vec::new(),
        });
        for call in calls.into_iter().filter(|c| c.fresh) {
            tracing::info!(ticket = %call.call.ticket, window = %call.call.window, recall = call.recall, "call");
            self.flash = Some(Flash::new(call.ticket, call.at, self.clock.instant()));
            if let Some(announcer) = &self.announcer {
                announcer.announce(call.call);
            }
        }
    }

    fn sound_notice(&self) -> SoundNotice {
        match self.announcer.as_ref().map(Announcer::status) {
            None => SoundNotice::Off,
            Some(SoundStatus::Ready) => SoundNotice::None,
            Some(SoundStatus::Unavailable(_)) => SoundNotice::Unavailable,
        }
    }
}

impl eframe::App for DisplayApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.connect();
        self.take_calls();
        let lang = self.settings.lang;
        let sound = self.sound_notice();
        let now = self.clock.instant();
        if self.hide_cursor {
            ui.ctx().set_cursor_icon(egui::CursorIcon::None);
        }
        match &self.phase {
            Phase::Finding { problem, .. } => {
                screen::connecting(ui, lang, &self.server, problem.as_deref(), sound);
            }
            Phase::Live { link } => {
                let state = link.state();
                let view = link.with(|shared| {
                    shared.mirror.as_ref().map(|mirror| {
                        let at = Now {
                            utc: self.clock.utc(),
                            instant: now,
                            flash: self.flash.as_ref(),
                            freshness: freshness(&state, now),
                        };
                        hall_view(mirror, &self.settings, at)
                    })
                });
                match view {
                    Some(view) => screen::hall(ui, &view, lang, sound),
                    None => {
                        let problem =
                            matches!(state, talon_client::ConnectionState::Offline { .. })
                                .then(|| text(lang, "display-unreachable"));
                        screen::connecting(ui, lang, &self.server, problem.as_deref(), sound);
                    }
                }
            }
        }
        let flashing = self.flash.as_ref().is_some_and(|f| !f.is_over(now));
        ui.ctx()
            .request_repaint_after(if flashing { FLASH_FRAME } else { IDLE_FRAME });
    }
}
