//! The server under test: a seeded SQLite file and a `talon-server` child process.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};
use talon_protocol::api::{DeviceKind, OfficeInput, Role};
use talon_protocol::{DayHours, OfficeId, OfficeSettings, Topic, TopicId, WeekSchedule, WindowId};
use talon_server::clock::SystemClock;
use talon_server::credentials::{DEVICE_PREFIX, SESSION_PREFIX, new_token, token_hash};
use talon_server::queues::Queues;
use talon_server::store::Store;

/// What the load needs to know about one seeded office.
#[derive(Debug, Clone)]
pub struct SeededOffice {
    pub id: OfficeId,
    pub topic: TopicId,
    pub kiosk: String,
    pub display: String,
    /// Windows with the token of the agent who will open each.
    pub windows: Vec<(WindowId, String)>,
}

/// Seeds `offices` offices with `windows` windows each (one topic, every window serving
/// it, an agent per window, a kiosk and a display) straight into the database file.
pub async fn seed(
    path: &Path,
    offices: usize,
    windows: usize,
) -> anyhow::Result<Vec<SeededOffice>> {
    let store = Store::open(&path.display().to_string()).await?;
    let queues = Queues::load(store.clone(), Arc::new(SystemClock)).await?;
    let now = queues.now().timestamp_millis();
    let mut seeded = Vec::with_capacity(offices);
    for n in 0..offices {
        let office = store
            .create_office(OfficeInput {
                name: format!("Офис {n}"),
                time_zone: chrono_tz::Europe::Moscow.into(),
                schedule: WeekSchedule::every_day(DayHours::new((0, 0), (23, 59))),
                settings: OfficeSettings {
                    issuing_stops_before_close_min: 0,
                    ..OfficeSettings::default()
                },
            })
            .await?;
        queues.add_office(office.id).await?;
        let topic = queues
            .create_topic(
                office.id,
                Topic {
                    id: TopicId(0),
                    office_id: office.id,
                    prefix: "А".into(),
                    name_ru: "Общие вопросы".into(),
                    name_en: "General".into(),
                    norms: Default::default(),
                    active: true,
                    display_order: 0,
                },
            )
            .await?
            .id;
        let mut office_windows = Vec::with_capacity(windows);
        for w in 0..windows {
            let window = queues
                .create_window(office.id, format!("{}", w + 1), vec![topic])
                .await?;
            // The hash "!" matches no password: these agents exist only as sessions.
            let user = store
                .create_staff(
                    &format!("o{n}w{w}"),
                    &format!("Агент {w}"),
                    Role::Agent,
                    "!",
                    &[office.id],
                )
                .await?;
            let token = new_token(SESSION_PREFIX);
            store
                .create_session(&token_hash(&token), user.id, now, now + 86_400_000)
                .await?;
            office_windows.push((window.id, token));
        }
        let kiosk = new_token(DEVICE_PREFIX);
        store
            .create_device(
                office.id,
                DeviceKind::Kiosk,
                "kiosk",
                &token_hash(&kiosk),
                now,
            )
            .await?;
        let display = new_token(DEVICE_PREFIX);
        store
            .create_device(
                office.id,
                DeviceKind::Display,
                "display",
                &token_hash(&display),
                now,
            )
            .await?;
        seeded.push(SeededOffice {
            id: office.id,
            topic,
            kiosk,
            display,
            windows: office_windows,
        });
    }
    store.close().await;
    Ok(seeded)
}

/// A running `talon-server` process; killed when dropped.
pub struct ServerProcess {
    pub child: tokio::process::Child,
    pub base: String,
    pub addr: String,
}

impl ServerProcess {
    pub fn pid(&self) -> u32 {
        self.child.id().unwrap_or(0)
    }
}

/// The `talon-server` binary built next to this one.
pub fn server_binary() -> anyhow::Result<PathBuf> {
    let me = std::env::current_exe()?;
    let candidate = me.with_file_name("talon-server");
    anyhow::ensure!(
        candidate.exists(),
        "{} is missing: build it first (cargo build --release -p talon-server)",
        candidate.display()
    );
    Ok(candidate)
}

pub async fn start(binary: &Path, database: &Path) -> anyhow::Result<ServerProcess> {
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0")?;
        probe.local_addr()?.port()
    };
    let addr = format!("127.0.0.1:{port}");
    let child = tokio::process::Command::new(binary)
        .args(["serve", "--listen", &addr, "--database"])
        .arg(database)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()?;
    let base = format!("http://{addr}");
    let http = reqwest::Client::new();
    let started = Instant::now();
    loop {
        if http
            .get(format!("{base}/api/v1/health"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            break;
        }
        anyhow::ensure!(
            started.elapsed() < Duration::from_secs(60),
            "the server did not start within 60 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(ServerProcess { child, base, addr })
}
