//! The `talon-server` command line.

use crate::credentials;
use crate::demo;
use crate::http::register_device;
use crate::queues::Queues;
use crate::startup::{self, MetricsAccess, Settings};
use crate::store::{Author, Stamp, Store};
use clap::{Parser, Subcommand, ValueEnum};
use std::sync::Arc;
use talon_protocol::OfficeId;
use talon_protocol::api::{DeviceInput, DeviceKind, Role, StaffInput};
use talon_protocol::limits::{Bounded, PASSWORD_MIN};
use tokio::net::TcpListener;

pub const DEFAULT_DATABASE: &str = "talon.sqlite3";

#[derive(Debug, Parser)]
#[command(
    name = "talon-server",
    version,
    about = "Talon electronic queue server"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Top,
}

#[derive(Debug, Subcommand)]
pub enum Top {
    /// Serve the HTTP and WebSocket API.
    Serve(ServeArgs),
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage kiosks and displays.
    Device {
        #[command(subcommand)]
        command: DeviceCommand,
    },
    /// Run a planned day (windows open per hour and the topics each serves, as JSON:
    /// the body of POST /api/v1/offices/{office}/what-if) through the simulator and
    /// print the expected share within each wait norm, the average wait and the worst
    /// hour. Changes nothing.
    WhatIf {
        /// The office planned.
        #[arg(long)]
        office: i64,
        /// The plan's JSON file ("-": standard input).
        #[arg(long)]
        plan: String,
        /// Print the outcome as JSON (as the API answers) instead of the table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        db: DatabaseArg,
    },
}

#[derive(Debug, clap::Args)]
pub struct DatabaseArg {
    /// SQLite file or URL (sqlite://path), or a PostgreSQL URL
    /// (postgres://user@host/db) that several server nodes may share.
    #[arg(long, env = "TALON_DATABASE", default_value = DEFAULT_DATABASE, hide_env_values = true)]
    pub database: String,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "TALON_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,
    #[command(flatten)]
    pub db: DatabaseArg,
    /// Seed demo data when the database is empty and print how to connect.
    #[arg(long)]
    pub demo: bool,
    /// Serve /metrics only to a scraper sending `Authorization: Bearer <this token>`.
    #[arg(long, env = "TALON_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// Serve /metrics on this separate address only (e.g. one the office network cannot
    /// reach), not on --listen.
    #[arg(long, env = "TALON_METRICS_LISTEN")]
    pub metrics_listen: Option<String>,
    /// This node's name in /api/v1/health and the logs (default: host name and
    /// process id), to tell apart nodes sharing one PostgreSQL database.
    #[arg(long, env = "TALON_NODE")]
    pub node: Option<String>,
    /// The SMTP server alert emails go through: smtps://user:password@host:465 (TLS),
    /// smtp://user:password@host:587?tls=required (STARTTLS), or smtp://host:25 for an
    /// unencrypted relay on the office's own network.
    #[arg(
        long,
        env = "TALON_SMTP_URL",
        hide_env_values = true,
        requires = "smtp_from"
    )]
    pub smtp_url: Option<String>,
    /// The sender of alert emails, e.g. "Talon <talon@example.ru>".
    #[arg(long, env = "TALON_SMTP_FROM")]
    pub smtp_from: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a member of staff.
    Add {
        #[arg(long)]
        login: String,
        #[arg(long)]
        password: String,
        #[arg(long, value_enum)]
        role: RoleArg,
        /// Office the person works in (repeat for several).
        #[arg(long)]
        office: Vec<i64>,
        /// Display name (defaults to the login).
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        db: DatabaseArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum DeviceCommand {
    /// Register a kiosk or display and print its token.
    Add {
        #[arg(long, value_enum)]
        kind: KindArg,
        #[arg(long)]
        office: i64,
        #[arg(long, default_value = "")]
        name: String,
        #[command(flatten)]
        db: DatabaseArg,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Agent,
    Head,
    Admin,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Kiosk,
    Display,
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Top::Serve(args) => serve(args).await,
        Top::User {
            command:
                UserCommand::Add {
                    login,
                    password,
                    role,
                    office,
                    name,
                    db,
                },
        } => {
            if password.chars().count() < PASSWORD_MIN {
                anyhow::bail!("a password has at least {PASSWORD_MIN} characters");
            }
            let name = name.unwrap_or_else(|| login.clone());
            // The same limits as the API's.
            let input = StaffInput {
                login: login.clone(),
                name: name.clone(),
                password: password.clone(),
                role: Role::Agent,
                offices: office.iter().copied().map(OfficeId).collect(),
                regions: Vec::new(),
            };
            input.check_bounds()?;
            let store = Store::open(&db.database).await?;
            let offices: Vec<OfficeId> = office.into_iter().map(OfficeId).collect();
            for id in &offices {
                if store.office(*id).await?.is_none() {
                    anyhow::bail!("office {id} does not exist");
                }
            }
            let role = match role {
                RoleArg::Agent => Role::Agent,
                RoleArg::Head => Role::Head,
                RoleArg::Admin => Role::Admin,
            };
            let hash = tokio::task::spawn_blocking(move || credentials::hash_password(&password))
                .await?
                .map_err(|e| anyhow::anyhow!(e.to_string()))?;
            let stamp = Stamp {
                author: Author::server("talon-server user add"),
                at: chrono::Utc::now(),
            };
            let user = store
                .create_staff(&login, &name, role, &hash, &offices, &stamp)
                .await?;
            println!(
                "added {} ({}) with id {}",
                user.login,
                user.role.as_str(),
                user.id
            );
            Ok(())
        }
        Top::Device {
            command:
                DeviceCommand::Add {
                    kind,
                    office,
                    name,
                    db,
                },
        } => {
            let store = Store::open(&db.database).await?;
            let queues = Queues::load(store, Arc::new(crate::clock::SystemClock)).await?;
            queues
                .office(OfficeId(office))
                .map_err(|_| anyhow::anyhow!("office {office} does not exist"))?;
            let kind = match kind {
                KindArg::Kiosk => DeviceKind::Kiosk,
                KindArg::Display => DeviceKind::Display,
            };
            let author = Author::server("talon-server device add");
            let created = register_device(
                &queues,
                OfficeId(office),
                DeviceInput { kind, name },
                &author,
            )
            .await
            .map_err(|e| anyhow::anyhow!(e.message))?;
            println!("{}", created.token);
            eprintln!(
                "device {} ({}) for office {office}; keep the token above, it is not shown again",
                created.device.id,
                kind.as_str()
            );
            Ok(())
        }
        Top::WhatIf {
            office,
            plan,
            json,
            db,
        } => {
            print!("{}", what_if(office, &plan, json, &db.database).await?);
            Ok(())
        }
    }
}

/// What `talon-server what-if` prints: the table, or the outcome as JSON.
pub async fn what_if(
    office: i64,
    plan: &str,
    json: bool,
    database: &str,
) -> anyhow::Result<String> {
    let text = if plan == "-" {
        std::io::read_to_string(std::io::stdin())?
    } else {
        std::fs::read_to_string(plan).map_err(|e| anyhow::anyhow!("{plan}: {e}"))?
    };
    let plan: talon_protocol::advice::DayPlan =
        serde_json::from_str(&text).map_err(|e| anyhow::anyhow!("the plan {plan}: {e}"))?;
    let store = Store::open(database).await?;
    let queues = Queues::load(store, Arc::new(crate::clock::SystemClock)).await?;
    let office = OfficeId(office);
    let day = plan.day;
    let outcome = crate::forecast::what_if::run(&queues, office, plan)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if json {
        return Ok(serde_json::to_string_pretty(&outcome)? + "\n");
    }
    let topics = queues.office(office)?.lock().await.topics.clone();
    Ok(crate::forecast::what_if::render(
        office, day, &outcome, &topics,
    ))
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let listener = TcpListener::bind(&args.listen)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", args.listen))?;
    let mut settings = Settings::new(args.db.database.clone());
    if let Some(node) = args.node {
        settings.node_name = node;
    }
    if let (Some(url), Some(from)) = (args.smtp_url, args.smtp_from) {
        settings.smtp = Some(crate::notify::SmtpSettings { url, from });
    }
    settings.metrics = match (args.metrics_listen, args.metrics_token) {
        (Some(addr), token) => {
            let listener = TcpListener::bind(&addr)
                .await
                .map_err(|e| anyhow::anyhow!("cannot listen for metrics on {addr}: {e}"))?;
            MetricsAccess::Separate { listener, token }
        }
        (None, Some(token)) => MetricsAccess::Token(token),
        (None, None) => MetricsAccess::Loopback,
    };
    let server = startup::start(listener, settings).await?;
    if args.demo {
        let access = demo::ensure(&server.queues).await?;
        print_demo(&server.addr.to_string(), &access);
    } else if !server.queues.store().has_admin().await? {
        println!(
            "{}",
            bootstrap_hint(&server.addr.to_string(), &args.db.database)
        );
    }
    server.run_until(shutdown_signal()).await
}

/// What an operator reads on the first start of an empty database: how to make the first
/// administrator, and that everything else is set up in the desk.
pub fn bootstrap_hint(addr: &str, database: &str) -> String {
    format!(
        "\nTalon has no administrator yet. Create the first one (a password of at least\n\
         {PASSWORD_MIN} characters):\n\
         \n    talon-server user add --role admin --login admin --name \"Администратор\" \\\n\
         \x20       --password '<password>' --database '{database}'\n\
         \nThen sign in to the desk as that administrator and set up offices, topics,\n\
         windows, staff and devices under «Администрирование»:\n\
         \n    talon-desk --server http://{addr}\n"
    )
}

pub fn print_demo(addr: &str, access: &demo::DemoAccess) {
    let url = format!("http://{addr}");
    println!(
        "\nTalon demo is running at {url} (office {office})\n\
         \n  Sign in (agent desk):  agent1 … agent4 / {agent}   head / {head}   admin / {admin}\
         \n  Kiosk token:           {kiosk}\
         \n  Display token:         {display}\
         \n\
         \n  Start the apps:\
         \n    cargo run -p talon-kiosk   -- --server {url} --token {kiosk}\
         \n    cargo run -p talon-display -- --server {url} --token {display}\
         \n    cargo run -p talon-desk    -- --server {url}\
         \n\
         \n  API: {url}/api/v1/openapi.json   metrics: {url}/metrics\
         \n  Stop with Ctrl+C.\n",
        office = access.office,
        agent = demo::AGENT_PASSWORD,
        head = demo::HEAD.1,
        admin = demo::ADMIN.1,
        kiosk = access.kiosk_token,
        display = access.display_token,
    );
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("stopping");
}

/// Logs to stderr; `RUST_LOG` sets the filter (default: info for Talon, warn elsewhere).
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        tracing_subscriber::EnvFilter::new("warn,talon_server=info,talon=info")
    });
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
