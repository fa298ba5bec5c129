//! The app: sign in (or resume the saved sign-in), then work until signing out.

use crate::session_file::{self, SavedSession};
use crate::signin::{Resumed, Resuming, SignIn};
use crate::workspace::{Exit, Frame, Workspace};
use std::path::PathBuf;
use std::time::Duration;
use talon_client::{Api, Lang, Runtime, SharedClock};
use talon_protocol::api::User;

/// How the app is set up (from the command line, or by a test).
pub struct DeskOptions {
    /// The server the sign-in form suggests.
    pub server: String,
    /// Where the sign-in is kept between runs.
    pub session_file: PathBuf,
    pub lang: Lang,
    /// "Now" for live timers and norm colours (tests pass the server's manual clock).
    pub clock: SharedClock,
    /// A runtime to use (tests share theirs); `None` starts the app's own.
    pub runtime: Option<Runtime>,
    /// Chime when a new alert appears on the head board.
    pub sound: bool,
    /// Sign in with this login and password at start when no saved sign-in for
    /// `server` exists (the demo starts the desk this way).
    pub sign_in: Option<(String, String)>,
}

enum Screen {
    SignIn(SignIn),
    Resuming(Resuming),
    Working(Box<Workspace>),
}

pub struct DeskApp {
    session_file: PathBuf,
    lang: Lang,
    clock: SharedClock,
    runtime: Runtime,
    sound: bool,
    screen: Screen,
}

impl DeskApp {
    pub fn new(cc: &eframe::CreationContext<'_>, options: DeskOptions) -> DeskApp {
        crate::style::apply(&cc.egui_ctx);
        let runtime = options
            .runtime
            .unwrap_or_else(|| Runtime::new().expect("the app's background runtime starts"));
        let saved = session_file::load(&options.session_file).filter(|saved| {
            // Automatic sign-in names its server; a session kept for another one waits.
            options.sign_in.is_none() || saved.server == options.server.trim_end_matches('/')
        });
        let screen = match saved {
            Some(saved) => Screen::Resuming(Resuming::new(saved)),
            None => {
                let mut form = SignIn::new(&options.server, None);
                if let Some((login, password)) = &options.sign_in {
                    form.submit_at_start(login, password);
                }
                Screen::SignIn(form)
            }
        };
        DeskApp {
            session_file: options.session_file,
            lang: options.lang,
            clock: options.clock,
            runtime,
            sound: options.sound,
            screen,
        }
    }

    fn start_work(&mut self, api: Api, user: User, save: bool) {
        let mut notice = None;
        if save {
            let saved = SavedSession {
                server: api.servers(),
                token: api.token().unwrap_or_default().to_string(),
            };
            if let Err(e) = session_file::save(&self.session_file, &saved) {
                tracing::warn!(error = %e, "cannot keep the sign-in");
                notice = Some(talon_client::text_with(
                    self.lang,
                    "desk-sign-in-not-kept",
                    &[
                        ("path", self.session_file.display().to_string().into()),
                        ("error", e.to_string().into()),
                    ],
                ));
            }
        }
        self.screen = Screen::Working(Box::new(Workspace::new(api, user, notice)));
    }

    fn sign_in_again(&mut self, server: &str, message: Option<&str>) {
        if let Err(e) = session_file::delete(&self.session_file) {
            tracing::warn!(error = %e, "cannot delete the saved sign-in");
        }
        self.screen = Screen::SignIn(SignIn::new(server, message.map(String::from)));
    }
}

impl eframe::App for DeskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let now = self.clock.now();
        let lang = self.lang;
        match &mut self.screen {
            Screen::SignIn(form) => {
                let done = egui::CentralPanel::default()
                    .show(ui, |ui| form.ui(ui, lang, &self.runtime))
                    .inner;
                if let Some((api, user)) = done {
                    self.start_work(api, user, true);
                }
            }
            Screen::Resuming(resuming) => {
                let resumed = egui::CentralPanel::default()
                    .show(ui, |ui| resuming.ui(ui, lang, &self.runtime))
                    .inner;
                let server = resuming.saved.server.clone();
                match resumed {
                    Resumed::Waiting => {}
                    Resumed::Ready(api, user) => self.start_work(api, user, false),
                    Resumed::Rejected => self.sign_in_again(
                        &server,
                        Some(&talon_client::text(lang, "desk-session-ended")),
                    ),
                    Resumed::SignInAgain => {
                        self.screen = Screen::SignIn(SignIn::new(&server, None));
                    }
                }
            }
            Screen::Working(workspace) => {
                let frame = Frame {
                    lang: &mut self.lang,
                    now,
                    runtime: &self.runtime,
                    sound: self.sound,
                };
                let exit = workspace.ui(ui, frame);
                let api = workspace.api().clone();
                match exit {
                    None => {}
                    Some(Exit::SignOut) => {
                        let server = api.servers();
                        // Revoke the token on the server; the local copy goes at once, so
                        // the app is signed out even if the server cannot be reached now.
                        self.runtime.handle().spawn(async move {
                            if let Err(e) = api.logout().await {
                                tracing::warn!(error = %e, "sign-out was not confirmed by the server");
                            }
                        });
                        self.sign_in_again(&server, None);
                    }
                    Some(Exit::SessionEnded) => {
                        let server = api.servers();
                        self.sign_in_again(
                            &server,
                            Some(&talon_client::text(lang, "desk-session-ended")),
                        );
                    }
                }
            }
        }
        // Live timers tick every second.
        ui.ctx().request_repaint_after(Duration::from_secs(1));
    }
}
