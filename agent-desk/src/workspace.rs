//! A signed-in person at work: the top bar (office, person, connection, language,
//! sign out) and, by role, the agent's desk or the office head's monitor.

use crate::agent::AgentDesk;
use crate::cx::Cx;
use crate::head::{HeadMonitor, alerts_view, charts};
use crate::office_live::OfficeLive;
use egui::{RichText, Ui};
use std::cell::Cell;
use talon_client::look::colors;
use talon_client::{Api, ClientError, ConnectionState, Lang, Runtime, Task};
use talon_protocol::api::{Role, User};
use talon_protocol::{Office, OfficeId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Board,
    Charts,
    Norms,
    Reports,
    Offices,
    Desk,
    Bookings,
    Admin,
}

impl Tab {
    const HEAD_TABS: [Tab; 8] = [
        Tab::Board,
        Tab::Charts,
        Tab::Norms,
        Tab::Reports,
        Tab::Offices,
        Tab::Desk,
        Tab::Bookings,
        Tab::Admin,
    ];
    const AGENT_TABS: [Tab; 2] = [Tab::Desk, Tab::Bookings];
    /// Region heads and the head office watch many offices; they neither serve nor
    /// administer.
    const ABOVE_OFFICE_TABS: [Tab; 4] = [Tab::Offices, Tab::Board, Tab::Charts, Tab::Reports];

    fn of(user: &User) -> &'static [Tab] {
        match user.role {
            Role::Agent => &Tab::AGENT_TABS,
            Role::Head | Role::Admin => &Tab::HEAD_TABS,
            Role::RegionHead | Role::HeadOffice => &Tab::ABOVE_OFFICE_TABS,
        }
    }

    fn name(self, lang: Lang) -> String {
        let id = match self {
            Tab::Board => "desk-tab-board",
            Tab::Charts => "desk-tab-charts",
            Tab::Norms => "desk-tab-norms",
            Tab::Reports => "desk-tab-reports",
            Tab::Offices => "desk-tab-offices",
            Tab::Desk => "desk-tab-desk",
            Tab::Bookings => "desk-tab-bookings",
            Tab::Admin => "desk-tab-admin",
        };
        talon_client::text(lang, id)
    }
}

/// Why the workspace ended.
pub enum Exit {
    /// The person pressed "Sign out".
    SignOut,
    /// The server no longer accepts the token (revoked, expired, deactivated).
    SessionEnded,
}

pub struct Workspace {
    api: Api,
    user: User,
    signed_out: Cell<bool>,
    state: State,
}

/// Everything the screens change; kept apart from what a frame's `Cx` borrows.
struct State {
    offices_task: Option<Task<Result<Vec<Office>, ClientError>>>,
    offices: Vec<Office>,
    offices_error: Option<String>,
    live: Option<OfficeLive>,
    agent: AgentDesk,
    head: HeadMonitor,
    bookings: crate::bookings::BookingsTab,
    admin: crate::admin::AdminTab,
    /// The own-password form, while open.
    password: Option<crate::admin::PasswordForm>,
    tab: Tab,
    /// A problem to mention once (e.g. the sign-in could not be saved).
    notice: Option<String>,
    chimes: u64,
}

pub struct Frame<'a> {
    pub lang: &'a mut Lang,
    pub now: chrono::DateTime<chrono::Utc>,
    pub runtime: &'a Runtime,
    pub sound: bool,
}

fn is_supervisor(user: &User) -> bool {
    user.role.oversees()
}

impl Workspace {
    pub fn new(api: Api, user: User, notice: Option<String>) -> Workspace {
        let tab = match user.role {
            Role::Agent => Tab::Desk,
            Role::Head | Role::Admin => Tab::Board,
            // The company board first.
            Role::RegionHead | Role::HeadOffice => Tab::Offices,
        };
        Workspace {
            api,
            user,
            signed_out: Cell::new(false),
            state: State {
                offices_task: None,
                offices: Vec::new(),
                offices_error: None,
                live: None,
                agent: AgentDesk::default(),
                head: HeadMonitor::default(),
                bookings: Default::default(),
                admin: Default::default(),
                password: None,
                tab,
                notice,
                chimes: 0,
            },
        }
    }

    pub fn api(&self) -> &Api {
        &self.api
    }

    pub fn ui(&mut self, ui: &mut Ui, frame: Frame) -> Option<Exit> {
        let cx = Cx {
            lang: *frame.lang,
            now: frame.now,
            runtime: frame.runtime,
            api: &self.api,
            user: &self.user,
            egui: ui.ctx().clone(),
            signed_out: &self.signed_out,
        };
        let state = &mut self.state;
        state.load_offices(&cx);
        if let Some(live) = &mut state.live {
            live.refresh(&cx);
            if frame.sound && is_supervisor(cx.user) && live.alerts.raised > state.chimes {
                crate::chime::play();
            }
            state.chimes = live.alerts.raised;
        }

        let mut exit = None;
        let mut toggle_lang = false;
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                identity(ui, &cx, state);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button(cx.text("desk-sign-out")).clicked() {
                        exit = Some(Exit::SignOut);
                    }
                    if ui.button(cx.text("desk-password-open")).clicked() {
                        state.password = Some(Default::default());
                    }
                    // The button names the language it switches to, in that language.
                    let other = talon_client::text(cx.lang.next(), "common-language-name");
                    if ui.button(other).clicked() {
                        toggle_lang = true;
                    }
                    if let Some(live) = &state.live {
                        connection(ui, &cx, &live.connection());
                    }
                });
            });
            let supervisor = is_supervisor(cx.user);
            {
                let tabs = Tab::of(cx.user);
                ui.horizontal(|ui| {
                    for &tab in tabs {
                        let text = RichText::new(tab.name(cx.lang)).size(20.0);
                        ui.selectable_value(&mut state.tab, tab, text);
                    }
                    ui.add_space(16.0);
                    if supervisor
                        && let Some(live) = &mut state.live
                        && let Some(mirror) = &live.mirror
                    {
                        alerts_view::banner(ui, &cx, &mirror.office, &mut live.alerts);
                    }
                });
            }
            if let Some(notice) = &state.notice {
                ui.colored_label(colors::WARNING, notice);
            }
            ui.add_space(4.0);
        });

        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(form) = &mut state.password {
                if form.ui(ui, &cx) {
                    state.password = None;
                }
                return;
            }
            if state.tab == Tab::Admin && Tab::of(cx.user).contains(&Tab::Admin) {
                if state.admin.ui(ui, &cx) && state.live.is_none() {
                    // The first office exists now: open it for the other tabs.
                    state.offices.clear();
                    state.offices_error = None;
                }
                return;
            }
            let Some(live) = &mut state.live else {
                match &state.offices_error {
                    Some(error) => {
                        ui.colored_label(colors::BREACH, error);
                    }
                    None => {
                        ui.spinner();
                    }
                }
                return;
            };
            let mut open = None;
            match state.tab {
                Tab::Desk => state.agent.ui(ui, &cx, live),
                Tab::Board => state.head.board.ui(ui, &cx, live),
                Tab::Charts => charts::ui(ui, &cx, live),
                Tab::Norms => {
                    egui::ScrollArea::vertical()
                        .id_salt("norms_and_plan")
                        .show(ui, |ui| {
                            state.head.norms.ui(ui, &cx, live);
                            ui.add_space(16.0);
                            state.head.what_if.ui(ui, &cx, live);
                        });
                }
                Tab::Reports => state.head.reports.ui(ui, &cx, live),
                Tab::Offices => open = state.head.offices.ui(ui, &cx, Some(live.id)),
                Tab::Bookings => state.bookings.ui(ui, &cx, live),
                Tab::Admin => {}
            }
            if let Some(id) = open {
                state.open_office(&cx, id);
                state.tab = Tab::Board;
            }
        });

        if toggle_lang {
            *frame.lang = frame.lang.next();
        }
        if self.signed_out.get() {
            return Some(Exit::SessionEnded);
        }
        exit
    }
}

fn identity(ui: &mut Ui, cx: &Cx, state: &State) {
    ui.label(
        RichText::new("Talon")
            .size(24.0)
            .strong()
            .color(colors::ACCENT),
    );
    let office = state
        .live
        .as_ref()
        .and_then(|l| l.mirror.as_ref())
        .map(|m| m.office.office.name.clone());
    if let Some(name) = office {
        ui.label(RichText::new(name).size(20.0));
    }
    let role = crate::admin::role_name(cx, cx.user.role);
    ui.label(RichText::new(format!("· {} ({role})", cx.user.name)).color(colors::MUTED));
}

impl State {
    fn load_offices(&mut self, cx: &Cx) {
        if self.live.is_none()
            && self.offices_task.is_none()
            && self.offices.is_empty()
            && self.offices_error.is_none()
        {
            let api = cx.api.clone();
            self.offices_task = Some(cx.spawn(async move { api.offices().await }));
        }
        let Some(task) = &self.offices_task else {
            return;
        };
        let Some(result) = task.take() else { return };
        self.offices_task = None;
        match result {
            Ok(offices) => {
                // One's own office first; an administrator sees every office.
                let first = offices
                    .iter()
                    .find(|o| cx.user.offices.contains(&o.id))
                    .or(offices.first())
                    .map(|o| o.id);
                self.offices = offices;
                match first {
                    Some(id) => self.open_office(cx, id),
                    None => {
                        self.offices_error = Some(cx.text("desk-no-office"));
                        // An administrator on a new server starts by setting it up.
                        if cx.user.role == Role::Admin {
                            self.tab = Tab::Admin;
                        }
                    }
                }
            }
            Err(error) => {
                cx.note_error(&error);
                self.offices_error = Some(crate::text::client_error(cx.lang, &error));
            }
        }
    }

    fn open_office(&mut self, cx: &Cx, id: OfficeId) {
        self.live = Some(OfficeLive::open(cx, id));
        // What was selected belongs to the previous office.
        self.agent = AgentDesk::default();
        self.head.board = Default::default();
        self.head.norms = Default::default();
        self.head.reports = Default::default();
        self.bookings = Default::default();
    }
}

fn connection(ui: &mut Ui, cx: &Cx, state: &ConnectionState) {
    match state {
        ConnectionState::Online => {
            ui.colored_label(colors::OK, cx.text("common-online"));
        }
        ConnectionState::Connecting => {
            ui.colored_label(colors::WARNING, cx.text("common-connecting"));
        }
        ConnectionState::Offline { since, .. } => {
            let seconds = since.elapsed().as_secs();
            let text = cx.text_with("desk-offline-for", &[("seconds", seconds.into())]);
            ui.colored_label(colors::BREACH, text);
        }
    }
}
