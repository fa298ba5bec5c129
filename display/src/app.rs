//! The hall display app: finds its office with the display token, keeps a live mirror
//! of it, flashes and announces each new call, and draws the hall every frame.

use crate::audio::{Announcer, Player, SoundStatus};
use crate::calls::CallTracker;
use crate::flash::Flash;
use crate::link::freshness;
use crate::screen::{self, SoundNotice};
use crate::speech::Voice;
use crate::texts;
use crate::view::{Now, ViewSettings, hall_view};
use std::time::Duration;
use talon_client::look;
use talon_client::{Api, ClientError, FindError, LinkState, OfficeLink, Runtime, SharedClock};
use talon_client::{text, text_with};

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
    pub clock: SharedClock,
    /// Where the live link runs (tests share the server's runtime).
    pub runtime: Runtime,
    /// Hide the mouse pointer (full-screen on a hall screen).
    pub hide_cursor: bool,
}

pub struct DisplayApp {
    settings: ViewSettings,
    server: String,
    clock: SharedClock,
    hide_cursor: bool,
    /// The office this display's token belongs to, found and followed live.
    link: OfficeLink,
    flash: Option<Flash>,
    calls: CallTracker,
    /// `None` when sound is off.
    announcer: Option<Announcer>,
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
        let repaint = ctx.clone();
        let link = OfficeLink::start(&options.runtime, api, RETRY_AFTER, move || {
            repaint.request_repaint()
        });
        DisplayApp {
            settings: options.view,
            server: options.server,
            link,
            clock: options.clock,
            hide_cursor: options.hide_cursor,
            flash: None,
            calls: CallTracker::default(),
            announcer,
        }
    }

    /// What the screen says while the office is not known: why the last attempt
    /// failed (the next one is on its way).
    fn problem(&self, failure: &FindError) -> String {
        let lang = self.settings.lang;
        match failure {
            FindError::NoOffice => text(lang, "display-no-office"),
            FindError::Client(ClientError::Unreachable(_)) => text(lang, "display-unreachable"),
            FindError::Client(ClientError::Refused { message, .. }) => {
                texts::refused(lang, message)
            }
            FindError::Client(ClientError::Protocol(why)) => text_with(
                lang,
                "display-bad-answer",
                &[("detail", why.as_str().into())],
            ),
        }
    }

    /// Flashes and announces the calls that arrived since the last frame.
    fn take_calls(&mut self) {
        let Some((_, link)) = self.link.live() else {
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
        self.link.advance(self.clock.instant());
        self.take_calls();
        let lang = self.settings.lang;
        let sound = self.sound_notice();
        let now = self.clock.instant();
        if self.hide_cursor {
            ui.ctx().set_cursor_icon(egui::CursorIcon::None);
        }
        match self.link.state() {
            LinkState::Asking { last_failure: None } => {
                screen::connecting(ui, lang, &self.server, None, sound);
            }
            LinkState::Asking {
                last_failure: Some(failure),
            }
            | LinkState::Failed { failure } => {
                let problem = self.problem(failure);
                screen::connecting(ui, lang, &self.server, Some(&problem), sound);
            }
            LinkState::Live { link, .. } => {
                let state = link.state();
                let view = link.with(|shared| {
                    shared.mirror.as_ref().map(|mirror| {
                        let at = Now {
                            utc: self.clock.now(),
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
