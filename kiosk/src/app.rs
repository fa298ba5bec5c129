//! The kiosk app: finds its office, keeps it live, and walks a visitor from the topic
//! buttons to a ticket on screen and on paper.

use crate::config::KioskConfig;
use crate::issuing::{self, Tap};
use crate::office_view::{self, OfficeView};
use crate::print::{self, PrintedTicket, PrinterTarget};
use crate::screen::{
    BOOKING_CODE_DIGITS, IDLE_RESET, Issuing, NOTICE_SHOWN, Notice, NoticeScreen, PrintState,
    Screen, TicketScreen,
};
use crate::ui::{self, Action, Connection};
use chrono::{DateTime, Utc};
use std::time::Duration;
use talon_client::{
    Api, ClientError, ConnectionState, FindError, Lang, LinkState, OfficeLink, Runtime,
    SharedClock, look,
};
use talon_protocol::TopicId;
use talon_protocol::api::TicketReceipt;

/// How long to wait before asking again which office this kiosk serves.
const FIND_OFFICE_RETRY: Duration = Duration::from_secs(3);

/// Everything the app needs to start.
pub struct KioskSettings {
    pub server: String,
    /// The address visitors' phones open from the QR code (the server's, by default).
    pub public_url: String,
    pub token: String,
    pub printer: PrinterTarget,
    /// The language the kiosk starts in and returns to.
    pub lang: Lang,
    pub runtime: Runtime,
    pub clock: SharedClock,
}

impl KioskSettings {
    pub fn from_config(config: &KioskConfig, runtime: Runtime) -> KioskSettings {
        KioskSettings {
            server: config.server.clone(),
            public_url: config.public_url.clone(),
            token: config.token.clone(),
            printer: config.printer.clone(),
            lang: config.lang,
            runtime,
            clock: talon_client::clock::system(),
        }
    }
}

pub struct KioskApp {
    settings: KioskSettings,
    api: Api,
    ctx: egui::Context,
    /// The office this kiosk's token is bound to, found and followed live.
    link: OfficeLink,
    screen: Screen,
    lang: Lang,
    last_touch: DateTime<Utc>,
    /// The last print failed and the server was told: the next good print tells it the
    /// fault is over, which clears the head's alert.
    printer_faulty: bool,
}

impl KioskApp {
    pub fn new(cc: &eframe::CreationContext<'_>, settings: KioskSettings) -> KioskApp {
        look::install_fonts(&cc.egui_ctx);
        look::apply_theme(&cc.egui_ctx);
        let api = Api::new(&settings.server, Some(settings.token.clone()));
        let ctx = cc.egui_ctx.clone();
        let repaint = ctx.clone();
        let link = OfficeLink::start(
            &settings.runtime,
            api.clone(),
            FIND_OFFICE_RETRY,
            move || repaint.request_repaint(),
        );
        let now = settings.clock.now();
        KioskApp {
            lang: settings.lang,
            settings,
            api,
            ctx,
            link,
            screen: Screen::Home,
            last_touch: now,
            printer_faulty: false,
        }
    }

    /// The screen on show ("home", "out_of_turn", "issuing", "ticket", "notice").
    pub fn screen_name(&self) -> &'static str {
        self.screen.name()
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The office as last seen live, once the link has received it.
    pub fn office_view(&self) -> Option<OfficeView> {
        let (_, live) = self.link.live()?;
        live.with(|s| s.mirror.as_ref().map(OfficeView::from_mirror))
    }

    fn connection(&self) -> Connection {
        match self.link.state() {
            LinkState::Asking { .. } => Connection::Connecting,
            LinkState::Failed { failure } => match failure {
                FindError::Client(ClientError::Refused { status, .. })
                    if *status == 401 || *status == 403 =>
                {
                    Connection::NotAuthorized
                }
                _ => Connection::Offline,
            },
            LinkState::Live { link, .. } => match link.state() {
                ConnectionState::Online => Connection::Online,
                ConnectionState::Connecting => Connection::Connecting,
                ConnectionState::Offline { .. } => Connection::Offline,
            },
        }
    }

    /// Moves everything time or the network changed: the office link, a ticket being
    /// issued or printed, screens that time out. Called at the start of every frame.
    pub fn advance(&mut self, now: DateTime<Utc>) {
        self.link.advance(self.settings.clock.instant());
        let mut go_home = false;
        let mut issued = None;
        match &mut self.screen {
            Screen::Issuing(issuing) => {
                let checking_in = issuing.tap.is_none();
                issued = issuing.task.take().map(|result| (result, checking_in));
            }
            Screen::Ticket(ticket) => {
                if let PrintState::Printing(task) = &ticket.print
                    && let Some(result) = task.take()
                {
                    ticket.print = match result {
                        Ok(()) => {
                            if std::mem::take(&mut self.printer_faulty) {
                                report_printer_recovered(&self.settings.runtime, &self.api);
                            }
                            PrintState::Printed
                        }
                        Err(error) => {
                            self.printer_faulty = true;
                            report_printer_failure(
                                &self.settings.runtime,
                                &self.api,
                                &ticket.receipt,
                                &self.settings.printer,
                                &error,
                            );
                            PrintState::Failed(error)
                        }
                    };
                }
                go_home = ticket.expired(now);
            }
            Screen::Notice(notice) => go_home = now - notice.shown_at >= NOTICE_SHOWN,
            Screen::Home | Screen::OutOfTurn | Screen::CheckIn(_) => {
                go_home = now - self.last_touch >= IDLE_RESET
            }
        }
        if let Some((result, checking_in)) = issued {
            self.finish_issuing(result, checking_in, now);
        } else if go_home {
            self.go_home();
        }
    }

    /// Applies what the visitor did on this frame.
    pub fn act(&mut self, action: Action, now: DateTime<Utc>) {
        self.last_touch = now;
        match action {
            Action::ToggleLanguage => self.lang = self.lang.next(),
            Action::OpenOutOfTurn => {
                if matches!(self.screen, Screen::Home) {
                    self.screen = Screen::OutOfTurn;
                }
            }
            Action::Back => {
                if matches!(
                    self.screen,
                    Screen::OutOfTurn | Screen::CheckIn(_) | Screen::Notice(_)
                ) {
                    self.go_home();
                }
            }
            Action::Dismiss => match &self.screen {
                Screen::Ticket(ticket) if ticket.accepts_dismiss(now) => self.go_home(),
                Screen::Notice(_) => self.go_home(),
                _ => {}
            },
            Action::TakeTicket { topic, out_of_turn } => self.take_ticket(topic, out_of_turn),
            Action::OpenCheckIn => {
                if matches!(self.screen, Screen::Home) {
                    self.screen = Screen::CheckIn(String::new());
                }
            }
            Action::Digit(_) | Action::EraseDigit => self.key(action),
            Action::SubmitCode => self.check_in(),
        }
    }

    /// Starts issuing, unless a ticket is already on its way or on screen: a double tap
    /// must not make two tickets.
    fn take_ticket(&mut self, topic: TopicId, out_of_turn: bool) {
        let on_buttons = matches!(
            (&self.screen, out_of_turn),
            (Screen::Home, false) | (Screen::OutOfTurn, true)
        );
        if !on_buttons {
            return;
        }
        let Some((office, _)) = self.link.live() else {
            // The office is not known yet: nothing could be issued.
            self.screen = Screen::Notice(NoticeScreen {
                notice: Notice::Unavailable,
                shown_at: self.settings.clock.now(),
            });
            return;
        };
        let tap = Tap::new(topic, out_of_turn);
        let ctx = self.ctx.clone();
        let task = self.settings.runtime.spawn(
            issuing::issue(self.api.clone(), office, tap.clone()),
            move || ctx.request_repaint(),
        );
        self.screen = Screen::Issuing(Issuing {
            tap: Some(tap),
            task,
        });
    }

    /// A key of the check-in keypad.
    fn key(&mut self, key: Action) {
        let Screen::CheckIn(digits) = &mut self.screen else {
            return;
        };
        match key {
            Action::Digit(digit) if digits.len() < BOOKING_CODE_DIGITS && digit <= 9 => {
                digits.push(char::from(b'0' + digit));
            }
            Action::EraseDigit => {
                digits.pop();
            }
            _ => {}
        }
    }

    /// Sends the typed code, once it is whole.
    fn check_in(&mut self) {
        let Screen::CheckIn(digits) = &self.screen else {
            return;
        };
        if digits.len() != BOOKING_CODE_DIGITS {
            return;
        }
        let code = digits.clone();
        let Some((office, _)) = self.link.live() else {
            self.screen = Screen::Notice(NoticeScreen {
                notice: Notice::Unavailable,
                shown_at: self.settings.clock.now(),
            });
            return;
        };
        let ctx = self.ctx.clone();
        let task = self.settings.runtime.spawn(
            issuing::check_in(self.api.clone(), office, code),
            move || ctx.request_repaint(),
        );
        self.screen = Screen::Issuing(Issuing { tap: None, task });
    }

    fn finish_issuing(
        &mut self,
        result: Result<TicketReceipt, ClientError>,
        checking_in: bool,
        now: DateTime<Utc>,
    ) {
        match result {
            Ok(receipt) => {
                tracing::info!(ticket = %receipt.ticket.label, out_of_turn = receipt.ticket.out_of_turn, "ticket issued");
                self.screen = Screen::Ticket(Box::new(self.ticket_screen(receipt, now)));
            }
            Err(error) => {
                tracing::warn!(%error, "no ticket issued");
                let notice = if checking_in {
                    Notice::from_check_in_error(&error)
                } else {
                    Notice::from_error(&error)
                };
                self.screen = Screen::Notice(NoticeScreen {
                    notice,
                    shown_at: now,
                });
            }
        }
    }

    fn ticket_screen(&self, receipt: TicketReceipt, now: DateTime<Utc>) -> TicketScreen {
        let status_url = format!(
            "{}/t/{}",
            self.settings.public_url.trim_end_matches('/'),
            receipt.ticket.public_code
        );
        let qr = qrcode::QrCode::new(status_url.as_bytes()).ok().map(|code| {
            let dark = code
                .to_colors()
                .into_iter()
                .map(|color| color == qrcode::Color::Dark)
                .collect();
            (dark, code.width())
        });
        let print = if self.settings.printer.is_none() {
            PrintState::NoPrinter
        } else {
            // Encoding and sending both run off the UI thread; either failure comes back
            // here as an error and is reported in `advance` like any printer fault.
            let printed = self.printed_ticket(&receipt, &status_url);
            let target = self.settings.printer.clone();
            let ctx = self.ctx.clone();
            PrintState::Printing(self.settings.runtime.spawn(
                async move {
                    tokio::task::spawn_blocking(move || print::print(&target, &printed))
                        .await
                        .unwrap_or_else(|e| Err(format!("the printing task failed: {e}")))
                },
                move || ctx.request_repaint(),
            ))
        };
        TicketScreen {
            receipt,
            shown_at: now,
            print,
            status_url,
            qr,
        }
    }

    fn printed_ticket(&self, receipt: &TicketReceipt, status_url: &str) -> PrintedTicket {
        let office = self.office_view();
        let zone = office
            .as_ref()
            .map_or(chrono_tz::Europe::Moscow, |o| o.time_zone);
        PrintedTicket {
            lang: self.lang,
            office_name: office.map(|o| o.name).unwrap_or_default(),
            label: receipt.ticket.label.clone(),
            topic_name: office_view::topic_name(
                self.lang,
                &receipt.topic_name_ru,
                &receipt.topic_name_en,
            )
            .to_string(),
            out_of_turn: receipt.ticket.out_of_turn,
            issued_local: office_view::date_time(receipt.ticket.issued_at, zone),
            people_ahead: receipt.people_ahead,
            estimated_wait_ms: receipt.estimated_wait_ms,
            wait_range: receipt.wait_range,
            status_url: status_url.to_string(),
        }
    }

    fn go_home(&mut self) {
        self.screen = Screen::Home;
        self.lang = self.settings.lang;
    }

    fn show(&mut self, ui: &mut egui::Ui, now: DateTime<Utc>) -> Vec<Action> {
        let office = self.office_view();
        let frame = ui::Frame {
            lang: self.lang,
            now,
            office: office.as_ref(),
            connection: self.connection(),
        };
        ui::show(ui, &frame, &self.screen)
    }
}

impl eframe::App for KioskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        fit_to_design(ui.ctx());
        let now = self.settings.clock.now();
        self.advance(now);
        if ui.input(|i| i.pointer.any_pressed()) {
            self.last_touch = now;
        }
        for action in self.show(ui, now) {
            self.act(action, now);
        }
        // The clock on screen and the timeouts move without input.
        ui.ctx().request_repaint_after(Duration::from_millis(500));
    }
}

/// The screens are laid out for a portrait Full HD kiosk (1080 × 1920 points). Any other
/// window is zoomed so that this design fits whole, e.g. a 540 × 960 test window.
pub const DESIGN_SIZE: egui::Vec2 = egui::Vec2::new(1080.0, 1920.0);

fn fit_to_design(ctx: &egui::Context) {
    let size = ctx.content_rect().size();
    if size.x <= 0.0 || size.y <= 0.0 {
        return;
    }
    let factor = (size.x / DESIGN_SIZE.x).min(size.y / DESIGN_SIZE.y);
    if (factor - 1.0).abs() > 0.01 {
        ctx.set_zoom_factor(ctx.zoom_factor() * factor);
    }
}

/// A ticket printed after a failure: the printer works again.
fn report_printer_recovered(runtime: &Runtime, api: &Api) {
    tracing::info!("the printer works again");
    let api = api.clone();
    let _ = runtime.spawn(async move { api.fault_over("printer").await }, || {});
}

/// The ticket exists and is on screen; only the paper failed. The failure goes to the
/// kiosk's log and to the server's (the screen says it too).
fn report_printer_failure(
    runtime: &Runtime,
    api: &Api,
    receipt: &TicketReceipt,
    printer: &PrinterTarget,
    error: &str,
) {
    tracing::error!(
        ticket = %receipt.ticket.label,
        %printer,
        %error,
        "the printer failed; the ticket was shown on screen only"
    );
    let fault = talon_protocol::api::DeviceFault {
        kind: "printer".into(),
        message: format!("printer {printer}: {error}"),
        ticket_label: Some(receipt.ticket.label.clone()),
    };
    let api = api.clone();
    // Fire and forget: if the server is unreachable the local log still has it.
    let _ = runtime.spawn(async move { api.report_fault(&fault).await }, || {});
}
