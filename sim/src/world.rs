//! Where the simulation runs: an in-process server on a virtual clock (accelerated), or
//! a running server on the real clock (for the demo).

use crate::scenario::Scenario;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use std::collections::HashSet;
use std::sync::Arc;
use talon_client::Api;
use talon_protocol::api::{DeviceInput, DeviceKind, OfficeInput, Role};
use talon_protocol::{
    DayHours, Norm, Norms, OfficeId, OfficeSettings, Ticket, TicketId, TicketStatus, Topic,
    TopicId, WeekSchedule, WindowId,
};
use talon_server::clock::ManualClock;
use talon_server::startup::{self, Server, Settings};
use talon_server::store::{Author, Stamp};

/// How time passes.
pub enum Pace {
    /// The simulator owns the server's clock and lets time act after each step.
    Virtual {
        clock: Arc<ManualClock>,
        queues: Arc<talon_server::queues::Queues>,
    },
    /// Real time, `speed` simulated seconds per real second.
    RealTime { speed: f64 },
}

pub struct World {
    pub kiosk: Api,
    /// One signed-in agent per window.
    pub agents: Vec<(WindowId, Api)>,
    /// The office head (in-process runs): reads the advisor's advice.
    pub head: Option<Api>,
    pub office: OfficeId,
    /// In the scenario's topic order.
    pub topics: Vec<TopicId>,
    pub tz: Tz,
    pub pace: Pace,
    /// The in-process server, when there is one.
    pub server: Option<Server>,
    pub base: String,
    /// Who is told of each ticket the kiosk issues (in-process runs; see
    /// [`World::watch_issues`]).
    pub on_issue: Option<std::sync::Mutex<IssueWatch>>,
    _dir: Option<tempfile::TempDir>,
}

/// Called right after the kiosk issued a ticket, with the office's state locked, the new
/// ticket and the server's now.
pub type IssueHook =
    Box<dyn FnMut(&talon_server::engine::OfficeState, &Ticket, DateTime<Utc>) + Send>;

pub struct IssueWatch {
    hook: IssueHook,
    seen: HashSet<TicketId>,
}

/// A member of staff of the office with a session written straight to the store: the
/// simulated staff need no password (the hash "!" matches none). Their session token.
async fn signed_in(
    queues: &talon_server::queues::Queues,
    login: &str,
    name: &str,
    role: Role,
    office: OfficeId,
    stamp: &Stamp,
) -> anyhow::Result<String> {
    let store = queues.store();
    let user = store
        .create_staff(login, name, role, "!", &[office], stamp)
        .await?;
    let token = talon_server::credentials::new_token(talon_server::credentials::SESSION_PREFIX);
    let now = queues.now().timestamp_millis();
    store
        .create_session(
            &talon_server::credentials::token_hash(&token),
            user.id,
            now,
            // A simulated office may live through many days (`talon-sim accuracy`).
            now + 366 * 86_400_000,
        )
        .await?;
    Ok(token)
}

/// Local time on `day` in the office's zone, as UTC.
pub fn local(tz: Tz, day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    tz.from_local_datetime(&day.and_time(time))
        .earliest()
        .expect("a local time that exists")
        .with_timezone(&Utc)
}

impl World {
    /// Starts a server in a temporary directory with the scenario's office, on a virtual
    /// clock set to an hour before opening on `day`.
    pub async fn in_process(scenario: &Scenario, day: NaiveDate) -> anyhow::Result<World> {
        let tz: Tz = scenario.time_zone.tz();
        let dir = tempfile::tempdir()?;
        let clock = Arc::new(ManualClock::new(
            local(tz, day, scenario.open) - Duration::hours(1),
        ));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let mut settings = Settings::new(dir.path().join("sim.sqlite3").display().to_string());
        settings.clock = clock.clone();
        // The simulator lets time act itself after every step.
        settings.tick_interval = std::time::Duration::from_secs(3600);
        let server = startup::start(listener, settings).await?;
        let queues = server.queues.clone();
        let store = queues.store();

        let mut hours = DayHours::new((0, 0), (0, 1));
        hours.open = scenario.open;
        hours.close = scenario.close;
        if let Some((start, end)) = scenario.lunch {
            hours.lunch_start = Some(start);
            hours.lunch_end = Some(end);
        }
        // The simulator sets its office up as the server's own demo does.
        let stamp = Stamp {
            author: Author::server("talon-sim"),
            at: queues.now(),
        };
        let by = &stamp.author;
        let office = store
            .create_office(
                OfficeInput {
                    name: scenario.name.clone(),
                    time_zone: scenario.time_zone,
                    schedule: WeekSchedule::every_day(hours),
                    settings: OfficeSettings::default(),
                    region_id: None,
                },
                &stamp,
            )
            .await?;
        queues.add_office(office.id).await?;

        let mut topics = Vec::new();
        for (order, spec) in scenario.topics.iter().enumerate() {
            let [wait, service, total] = spec.norms;
            let topic = Topic {
                id: TopicId(0),
                office_id: office.id,
                prefix: spec.prefix.clone(),
                name_ru: spec.name.clone(),
                name_en: spec.name_en.clone(),
                norms: Norms {
                    wait: Norm::hard_max(wait),
                    service: Norm::average(service),
                    total: Norm::average(total),
                },
                active: true,
                display_order: order as i32,
                booking: match &scenario.bookings {
                    Some(b) if b.topics.contains(&spec.prefix) => {
                        talon_protocol::booking::BookingSettings {
                            bookable: true,
                            slot_min: b.slot_minutes,
                            places: b.places,
                            ..Default::default()
                        }
                    }
                    _ => Default::default(),
                },
            };
            topics.push(queues.create_topic(office.id, topic, by).await?.id);
        }
        let base = format!("http://{}", server.addr);
        let mut agents = Vec::new();
        for (n, spec) in scenario.windows.iter().enumerate() {
            let served = spec
                .topics
                .iter()
                .map(|prefix| {
                    topics[scenario
                        .topics
                        .iter()
                        .position(|t| &t.prefix == prefix)
                        .expect("checked")]
                })
                .collect();
            let window = queues
                .create_window(office.id, spec.label.clone(), served, by)
                .await?;
            let login = format!("sim-agent-{}", n + 1);
            let name = format!("Агент {}", n + 1);
            let token = signed_in(&queues, &login, &name, Role::Agent, office.id, &stamp).await?;
            agents.push((window.id, Api::new(&base, Some(token))));
        }
        let head = signed_in(
            &queues,
            "sim-head",
            "Начальник",
            Role::Head,
            office.id,
            &stamp,
        )
        .await?;
        let kiosk = talon_server::http::register_device(
            &queues,
            office.id,
            DeviceInput {
                kind: DeviceKind::Kiosk,
                name: "sim kiosk".into(),
            },
            by,
        )
        .await
        .map_err(|e| anyhow::anyhow!(e.message))?;
        Ok(World {
            kiosk: Api::new(&base, Some(kiosk.token)),
            agents,
            head: Some(Api::new(&base, Some(head))),
            office: office.id,
            topics,
            tz,
            pace: Pace::Virtual { clock, queues },
            server: Some(server),
            base,
            on_issue: None,
            _dir: Some(dir),
        })
    }

    /// A running server (e.g. `talon-server --demo`): the kiosk token, and agent logins
    /// for the first windows of the office. Topics are matched to the scenario by prefix.
    pub async fn connect(
        base: &str,
        kiosk_token: &str,
        agents: &[(String, String)],
        scenario: &Scenario,
        speed: f64,
    ) -> anyhow::Result<World> {
        let kiosk = Api::new(base, Some(kiosk_token.to_string()));
        let offices = kiosk.offices().await?;
        let office = offices
            .first()
            .ok_or_else(|| anyhow::anyhow!("the kiosk token sees no office"))?;
        let tz: Tz = office.time_zone.tz();
        let snapshot = kiosk.snapshot(office.id).await?;
        let topics = scenario
            .topics
            .iter()
            .map(|spec| {
                snapshot
                    .topics
                    .iter()
                    .find(|t| t.prefix == spec.prefix)
                    .map(|t| t.id)
                    .ok_or_else(|| {
                        anyhow::anyhow!("the office has no topic with prefix {}", spec.prefix)
                    })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let mut sessions = Vec::new();
        for ((login, password), window) in agents.iter().zip(&snapshot.windows) {
            let session = Api::new(base, None).login(login, password).await?;
            sessions.push((window.id, Api::new(base, Some(session.token))));
        }
        Ok(World {
            kiosk,
            agents: sessions,
            head: None,
            office: office.id,
            topics,
            tz,
            pace: Pace::RealTime { speed },
            server: None,
            base: base.to_string(),
            on_issue: None,
            _dir: None,
        })
    }

    /// Tells `hook` of every ticket issued from now on (in-process runs only).
    pub fn watch_issues(&mut self, hook: IssueHook) {
        self.on_issue = Some(std::sync::Mutex::new(IssueWatch {
            hook,
            seen: HashSet::new(),
        }));
    }

    /// After a kiosk call: tells the watcher, if any, of the tickets issued since the
    /// last look, with the office's state as the kiosk's call left it.
    pub async fn observe_issues(&self) {
        let (Some(watch), Pace::Virtual { queues, .. }) = (&self.on_issue, &self.pace) else {
            return;
        };
        let Ok(office) = queues.office(self.office) else {
            return;
        };
        let state = office.lock().await;
        let now = queues.now();
        let mut watch = watch.lock().expect("the issue watch");
        let IssueWatch { hook, seen } = &mut *watch;
        for ticket in state.tickets.values() {
            if ticket.status == TicketStatus::Waiting && seen.insert(ticket.id) {
                hook(&state, ticket.as_ref(), now);
            }
        }
    }

    /// Stops the in-process server, if any.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(server) = self.server.take() {
            server.stop().await?;
        }
        Ok(())
    }
}
