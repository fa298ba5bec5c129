//! The Talon HTTP API, typed. Errors carry the server's code and message, so an app can
//! show the user what to do.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use talon_protocol::api::{
    CancelRequest, Device, DeviceCreated, DeviceInput, ErrorBody, FinishRequest,
    IssueTicketRequest, LoginRequest, LoginResponse, OfficeInput, PasswordChange, PauseRequest,
    PostponeRequest, StaffInput, StaffUpdate, TicketReceipt, TopicInput, TopicSummary,
    TransferRequest, User, WindowInput, WindowTopicsRequest,
};
use talon_protocol::audit::{AuditAction, AuditEntry};
use talon_protocol::stats::OfficeStats;
use talon_protocol::{
    DeviceId, Office, OfficeId, Snapshot, StaffId, Ticket, TicketId, Topic, TopicId, Window,
    WindowId,
};

/// How long one request may take before the user is told the server does not answer.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClientError {
    /// The server could not be reached (or did not answer in time).
    #[error("the server is unreachable: {0}")]
    Unreachable(String),
    /// The server refused, with its reason.
    #[error("{message}")]
    Refused {
        status: u16,
        code: String,
        message: String,
        next_opening: Option<DateTime<Utc>>,
    },
    /// The answer was not what this version of the app understands.
    #[error("unexpected answer from the server: {0}")]
    Protocol(String),
}

impl ClientError {
    pub fn code(&self) -> Option<&str> {
        match self {
            ClientError::Refused { code, .. } => Some(code),
            _ => None,
        }
    }

    /// Whether the server could not be reached at all (network trouble).
    pub fn is_unreachable(&self) -> bool {
        matches!(self, ClientError::Unreachable(_))
    }

    /// Whether the same request may succeed if sent again in a moment: the network
    /// failed, or a server answered that it is busy or cannot reach its database (503).
    /// Safe to act on for requests that are idempotent or carry an Idempotency-Key.
    pub fn is_retryable(&self) -> bool {
        match self {
            ClientError::Unreachable(_) => true,
            ClientError::Refused { status, .. } => *status == 503,
            ClientError::Protocol(_) => false,
        }
    }
}

/// The server nodes a client may use, in the order given: every node serves every office
/// of the company (they share one database). The client stays with one node until it
/// stops answering, then moves on to the next, round the list.
#[derive(Debug)]
struct Nodes {
    bases: Vec<String>,
    current: AtomicUsize,
}

impl Nodes {
    /// "http://a:8080" or "http://a:8080,http://b:8080,…".
    fn parse(list: &str) -> Nodes {
        let mut bases: Vec<String> = list
            .split(',')
            .map(|base| base.trim().trim_end_matches('/').to_string())
            .filter(|base| !base.is_empty())
            .collect();
        if bases.is_empty() {
            bases.push(String::new());
        }
        Nodes {
            bases,
            current: AtomicUsize::new(0),
        }
    }

    fn index(&self) -> usize {
        self.current.load(Ordering::Relaxed) % self.bases.len()
    }

    /// Moves on from node `from`, unless another part of the app already did.
    fn fail_over(&self, from: usize) {
        let next = (from + 1) % self.bases.len();
        let _ = self
            .current
            .compare_exchange(from, next, Ordering::Relaxed, Ordering::Relaxed);
    }
}

/// The API of the company's server nodes, with one bearer token.
#[derive(Clone, Debug)]
pub struct Api {
    nodes: Arc<Nodes>,
    token: Option<String>,
    http: reqwest::Client,
}

impl Api {
    /// `servers` is the server's URL, e.g. "http://127.0.0.1:8080", or several nodes'
    /// URLs separated by commas.
    pub fn new(servers: &str, token: Option<String>) -> Api {
        let http = reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .connect_timeout(Duration::from_secs(3))
            .build()
            .expect("HTTP client without TLS builds");
        Api {
            nodes: Arc::new(Nodes::parse(servers)),
            token,
            http,
        }
    }

    /// The node in use now.
    pub fn base(&self) -> &str {
        &self.nodes.bases[self.nodes.index()]
    }

    /// Every node, as given (what to remember to come back to the same company).
    pub fn servers(&self) -> String {
        self.nodes.bases.join(",")
    }

    /// The node in use stopped answering: use the next one from now on. Parts of the
    /// app sharing this `Api` (clones) move together.
    pub fn fail_over(&self) {
        self.nodes.fail_over(self.nodes.index());
    }

    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    pub fn with_token(&self, token: String) -> Api {
        Api {
            token: Some(token),
            ..self.clone()
        }
    }

    /// The WebSocket URL of an office's live events, on the node in use.
    pub fn live_url(&self, office: OfficeId, since: Option<u64>) -> String {
        let base = self
            .base()
            .replacen("https://", "wss://", 1)
            .replacen("http://", "ws://", 1);
        match since {
            Some(seq) => format!("{base}/api/v1/offices/{office}/live?since={seq}"),
            None => format!("{base}/api/v1/offices/{office}/live"),
        }
    }

    /// Sends the request `build` makes for a node's URL. A node that cannot be
    /// connected to has not seen the request, so the next node is tried at once; a node
    /// that fails later (no answer in time) may have acted on it, so the error goes to
    /// the caller (who may retry, e.g. a kiosk with its idempotency key) and the next
    /// request goes to the next node.
    async fn send<T: DeserializeOwned>(
        &self,
        build: impl Fn(&str) -> reqwest::RequestBuilder,
    ) -> Result<T, ClientError> {
        let bytes = self.send_for_bytes(build).await?;
        let bytes = bytes.as_ref();
        let body: &[u8] = if bytes.is_empty() { b"null" } else { bytes };
        serde_json::from_slice(body).map_err(|e| ClientError::Protocol(e.to_string()))
    }

    /// As `send`, the answer's body as it came (a report file); a refusal is still
    /// decoded from its JSON.
    async fn send_for_bytes(
        &self,
        build: impl Fn(&str) -> reqwest::RequestBuilder,
    ) -> Result<impl AsRef<[u8]>, ClientError> {
        let mut tries = self.nodes.bases.len();
        let (response, index) = loop {
            let index = self.nodes.index();
            let request = build(&self.nodes.bases[index]);
            let request = match &self.token {
                Some(token) => request.bearer_auth(token),
                None => request,
            };
            match request.send().await {
                Ok(response) => break (response, index),
                Err(e) => {
                    tries -= 1;
                    if e.is_connect() || e.is_timeout() {
                        self.nodes.fail_over(index);
                    }
                    if !e.is_connect() || tries == 0 {
                        return Err(ClientError::Unreachable(e.to_string()));
                    }
                }
            }
        };
        let status = response.status();
        if status == reqwest::StatusCode::SERVICE_UNAVAILABLE {
            // The node answers but cannot do its work (its database is out of reach, or
            // it is stopping): the next request goes to another node.
            self.nodes.fail_over(index);
        }
        let bytes = response
            .bytes()
            .await
            .map_err(|e| ClientError::Unreachable(e.to_string()))?;
        if status.is_success() {
            return Ok(bytes);
        }
        match serde_json::from_slice::<ErrorBody>(&bytes) {
            Ok(body) => Err(ClientError::Refused {
                status: status.as_u16(),
                code: body.error.code,
                message: body.error.message,
                next_opening: body.error.next_opening,
            }),
            Err(_) => Err(ClientError::Protocol(format!("HTTP {status}"))),
        }
    }

    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ClientError> {
        self.send(|base| self.http.get(format!("{base}{path}")))
            .await
    }

    /// A file the server makes (a report in CSV, XLSX or PDF): its bytes.
    pub async fn get_bytes(&self, path: &str) -> Result<Vec<u8>, ClientError> {
        self.send_for_bytes(|base| self.http.get(format!("{base}{path}")))
            .await
            .map(|b| b.as_ref().to_vec())
    }

    pub async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl Serialize,
    ) -> Result<T, ClientError> {
        self.send(|base| self.http.post(format!("{base}{path}")).json(body))
            .await
    }

    pub async fn put<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl Serialize,
    ) -> Result<T, ClientError> {
        self.send(|base| self.http.put(format!("{base}{path}")).json(body))
            .await
    }

    pub async fn login(&self, login: &str, password: &str) -> Result<LoginResponse, ClientError> {
        self.post(
            "/api/v1/auth/login",
            &LoginRequest {
                login: login.into(),
                password: password.into(),
            },
        )
        .await
    }

    pub async fn me(&self) -> Result<User, ClientError> {
        self.get("/api/v1/auth/me").await
    }

    pub async fn logout(&self) -> Result<(), ClientError> {
        self.post::<serde_json::Value>("/api/v1/auth/logout", &serde_json::json!({}))
            .await
            .map(|_| ())
    }

    pub async fn offices(&self) -> Result<Vec<Office>, ClientError> {
        self.get("/api/v1/offices").await
    }

    /// A planned day run through the server's simulator (heads).
    pub async fn what_if(
        &self,
        office: OfficeId,
        plan: &talon_protocol::advice::DayPlan,
    ) -> Result<talon_protocol::advice::PlanOutcome, ClientError> {
        self.post(&format!("/api/v1/offices/{office}/what-if"), plan)
            .await
    }

    /// The company board: a row per office the person oversees, trouble first.
    pub async fn overview(
        &self,
        region: Option<talon_protocol::RegionId>,
    ) -> Result<Vec<talon_protocol::overview::OfficeOverview>, ClientError> {
        match region {
            Some(region) => self.get(&format!("/api/v1/overview?region={region}")).await,
            None => self.get("/api/v1/overview").await,
        }
    }

    /// Takes an alert on with a comment (a head of the office, its region or the head
    /// office).
    pub async fn acknowledge_alert(
        &self,
        office: OfficeId,
        alert: &str,
        request: &talon_protocol::api::AcknowledgeRequest,
    ) -> Result<talon_protocol::Alert, ClientError> {
        // Alert ids are the engine's keys ("wait_breach:<ticket>"): safe in a path.
        self.post(
            &format!("/api/v1/offices/{office}/alerts/{alert}/acknowledge"),
            request,
        )
        .await
    }

    pub async fn regions(&self) -> Result<Vec<talon_protocol::api::Region>, ClientError> {
        self.get("/api/v1/regions").await
    }

    pub async fn topics(&self, office: OfficeId) -> Result<Vec<TopicSummary>, ClientError> {
        self.get(&format!("/api/v1/offices/{office}/topics")).await
    }

    pub async fn snapshot(&self, office: OfficeId) -> Result<Snapshot, ClientError> {
        self.get(&format!("/api/v1/offices/{office}/snapshot"))
            .await
    }

    /// Issues a ticket. `idempotency_key` must be the same for retries of one tap, so a
    /// retry after a network error cannot create a second ticket.
    pub async fn issue(
        &self,
        office: OfficeId,
        topic_id: TopicId,
        out_of_turn: bool,
        idempotency_key: &str,
    ) -> Result<TicketReceipt, ClientError> {
        let body = IssueTicketRequest {
            topic_id,
            out_of_turn,
        };
        self.send(|base| {
            self.http
                .post(format!("{base}/api/v1/offices/{office}/tickets"))
                .header("Idempotency-Key", idempotency_key)
                .json(&body)
        })
        .await
    }

    /// `action`: open, close, resume, call-next (pause has its own call).
    pub async fn window_action<T: DeserializeOwned>(
        &self,
        window: WindowId,
        action: &str,
    ) -> Result<T, ClientError> {
        self.post(
            &format!("/api/v1/windows/{window}/{action}"),
            &serde_json::json!({}),
        )
        .await
    }

    pub async fn call_next(&self, window: WindowId) -> Result<Ticket, ClientError> {
        self.window_action(window, "call-next").await
    }

    pub async fn pause(
        &self,
        window: WindowId,
        reason: &str,
        until: Option<DateTime<Utc>>,
    ) -> Result<Window, ClientError> {
        self.post(
            &format!("/api/v1/windows/{window}/pause"),
            &PauseRequest {
                reason: reason.into(),
                until,
            },
        )
        .await
    }

    pub async fn set_window_topics(
        &self,
        window: WindowId,
        topics: Vec<TopicId>,
    ) -> Result<Window, ClientError> {
        self.put(
            &format!("/api/v1/windows/{window}/topics"),
            &WindowTopicsRequest { topics },
        )
        .await
    }

    pub async fn window_queue(&self, window: WindowId) -> Result<Vec<Ticket>, ClientError> {
        self.get(&format!("/api/v1/windows/{window}/queue")).await
    }

    /// `action`: recall, start, no-show (finish, transfer, postpone, cancel have calls).
    pub async fn ticket_action(
        &self,
        ticket: TicketId,
        action: &str,
    ) -> Result<Ticket, ClientError> {
        self.post(
            &format!("/api/v1/tickets/{ticket}/{action}"),
            &serde_json::json!({}),
        )
        .await
    }

    pub async fn finish(
        &self,
        ticket: TicketId,
        request: &FinishRequest,
    ) -> Result<Ticket, ClientError> {
        self.post(&format!("/api/v1/tickets/{ticket}/finish"), request)
            .await
    }

    pub async fn transfer(
        &self,
        ticket: TicketId,
        request: &TransferRequest,
    ) -> Result<Ticket, ClientError> {
        self.post(&format!("/api/v1/tickets/{ticket}/transfer"), request)
            .await
    }

    pub async fn postpone(&self, ticket: TicketId, minutes: u32) -> Result<Ticket, ClientError> {
        self.post(
            &format!("/api/v1/tickets/{ticket}/postpone"),
            &PostponeRequest { minutes },
        )
        .await
    }

    pub async fn cancel(
        &self,
        ticket: TicketId,
        reason: Option<String>,
    ) -> Result<Ticket, ClientError> {
        self.post(
            &format!("/api/v1/tickets/{ticket}/cancel"),
            &CancelRequest { reason },
        )
        .await
    }

    pub async fn update_topic(
        &self,
        topic: TopicId,
        input: &TopicInput,
    ) -> Result<Topic, ClientError> {
        self.put(&format!("/api/v1/topics/{topic}"), input).await
    }

    /// A device reports a fault of its own hardware to the server's log.
    pub async fn report_fault(
        &self,
        fault: &talon_protocol::api::DeviceFault,
    ) -> Result<(), ClientError> {
        self.post::<serde_json::Value>("/api/v1/devices/me/faults", fault)
            .await
            .map(|_| ())
    }

    /// A device reports a fault of its own over (paper loaded, sound back): its alert
    /// for the office head is cleared.
    pub async fn fault_over(&self, kind: &str) -> Result<(), ClientError> {
        self.send::<serde_json::Value>(|base| {
            self.http
                .delete(format!("{base}/api/v1/devices/me/faults/{kind}"))
        })
        .await
        .map(|_| ())
    }

    pub async fn stats(
        &self,
        office: OfficeId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<OfficeStats, ClientError> {
        self.get(&format!(
            "/api/v1/offices/{office}/stats?from={from}&to={to}"
        ))
        .await
    }

    /// A server report as a file in `format` and `lang` (CSV, XLSX, PDF or JSON).
    pub async fn report(
        &self,
        kind: talon_protocol::report::ReportKind,
        scope: talon_protocol::report::ReportScope,
        (from, to): (NaiveDate, NaiveDate),
        format: talon_protocol::report::ReportFormat,
        lang: crate::Lang,
    ) -> Result<Vec<u8>, ClientError> {
        self.get_bytes(&format!(
            "/api/v1/reports/{}?{}&from={from}&to={to}&format={}&lang={}",
            kind.name(),
            scope.query(),
            format.extension(),
            lang.code()
        ))
        .await
    }

    /// The monthly compliance reports the server kept that the caller may see.
    pub async fn kept_reports(&self) -> Result<Vec<talon_protocol::api::KeptReport>, ClientError> {
        self.get("/api/v1/reports/kept").await
    }

    /// A kept monthly report as a file.
    pub async fn kept_report(
        &self,
        id: i64,
        format: talon_protocol::report::ReportFormat,
        lang: crate::Lang,
    ) -> Result<Vec<u8>, ClientError> {
        self.get_bytes(&format!(
            "/api/v1/reports/kept/{id}?format={}&lang={}",
            format.extension(),
            lang.code()
        ))
        .await
    }

    /// Checks a booked visitor in (a kiosk or staff): the ticket; the same one again on
    /// a repeat, so a retry after a lost answer is harmless.
    pub async fn check_in(
        &self,
        office: OfficeId,
        code: &str,
    ) -> Result<TicketReceipt, ClientError> {
        self.post(
            &format!("/api/v1/offices/{office}/check-in"),
            &talon_protocol::booking::CheckInRequest { code: code.into() },
        )
        .await
    }

    /// The free places of a topic's or a person's slots on the office-local days.
    pub async fn slots(
        &self,
        office: OfficeId,
        target: talon_protocol::booking::BookingTarget,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<talon_protocol::booking::Slot>, ClientError> {
        let target = match target {
            talon_protocol::booking::BookingTarget::Topic(topic) => format!("topic={topic}"),
            talon_protocol::booking::BookingTarget::Staff(staff) => format!("staff={staff}"),
        };
        self.get(&format!(
            "/api/v1/offices/{office}/slots?{target}&from={from}&to={to}"
        ))
        .await
    }

    pub async fn book(
        &self,
        office: OfficeId,
        request: &talon_protocol::booking::BookingRequest,
    ) -> Result<talon_protocol::booking::BookingView, ClientError> {
        self.post(&format!("/api/v1/offices/{office}/bookings"), request)
            .await
    }

    /// The office's bookings of the days, with the visitors' contacts (staff).
    pub async fn bookings(
        &self,
        office: OfficeId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<talon_protocol::booking::StaffBookingView>, ClientError> {
        self.get(&format!(
            "/api/v1/offices/{office}/bookings?from={from}&to={to}"
        ))
        .await
    }

    pub async fn cancel_booking(
        &self,
        code: &str,
    ) -> Result<talon_protocol::booking::BookingView, ClientError> {
        self.send(|base| {
            self.http
                .delete(format!("{base}/api/v1/public/bookings/{code}"))
        })
        .await
    }
}

/// What the audit log is filtered by (all optional): `GET /api/v1/audit?…`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditQuery {
    pub office: Option<OfficeId>,
    pub staff: Option<StaffId>,
    pub action: Option<AuditAction>,
    /// First and last day, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl AuditQuery {
    /// The path with its query string.
    pub fn path(&self) -> String {
        let mut parts = Vec::new();
        if let Some(office) = self.office {
            parts.push(format!("office={office}"));
        }
        if let Some(staff) = self.staff {
            parts.push(format!("staff={staff}"));
        }
        if let Some(action) = self.action {
            parts.push(format!("action={}", action.as_str()));
        }
        if let Some(from) = self.from {
            parts.push(format!("from={from}"));
        }
        if let Some(to) = self.to {
            parts.push(format!("to={to}"));
        }
        if parts.is_empty() {
            "/api/v1/audit".into()
        } else {
            format!("/api/v1/audit?{}", parts.join("&"))
        }
    }
}

/// Administration: offices, topics, windows, staff, devices, the audit log and one's
/// own password.
impl Api {
    pub async fn create_region(
        &self,
        input: &talon_protocol::api::RegionInput,
    ) -> Result<talon_protocol::api::Region, ClientError> {
        self.post("/api/v1/regions", input).await
    }

    pub async fn rename_region(
        &self,
        region: talon_protocol::RegionId,
        input: &talon_protocol::api::RegionInput,
    ) -> Result<talon_protocol::api::Region, ClientError> {
        self.put(&format!("/api/v1/regions/{region}"), input).await
    }

    pub async fn create_office(&self, input: &OfficeInput) -> Result<Office, ClientError> {
        self.post("/api/v1/offices", input).await
    }

    pub async fn update_office(
        &self,
        office: OfficeId,
        input: &OfficeInput,
    ) -> Result<Office, ClientError> {
        self.put(&format!("/api/v1/offices/{office}"), input).await
    }

    pub async fn create_topic(
        &self,
        office: OfficeId,
        input: &TopicInput,
    ) -> Result<Topic, ClientError> {
        self.post(&format!("/api/v1/offices/{office}/topics"), input)
            .await
    }

    pub async fn create_window(
        &self,
        office: OfficeId,
        input: &WindowInput,
    ) -> Result<Window, ClientError> {
        self.post(&format!("/api/v1/offices/{office}/windows"), input)
            .await
    }

    pub async fn update_window(
        &self,
        window: WindowId,
        input: &WindowInput,
    ) -> Result<Window, ClientError> {
        self.put(&format!("/api/v1/windows/{window}"), input).await
    }

    /// Staff the caller may manage: everyone for an admin, a head's offices' staff.
    pub async fn staff(&self) -> Result<Vec<User>, ClientError> {
        self.get("/api/v1/staff").await
    }

    pub async fn create_staff(&self, input: &StaffInput) -> Result<User, ClientError> {
        self.post("/api/v1/staff", input).await
    }

    pub async fn update_staff(
        &self,
        staff: StaffId,
        input: &StaffUpdate,
    ) -> Result<User, ClientError> {
        self.put(&format!("/api/v1/staff/{staff}"), input).await
    }

    pub async fn devices(&self, office: OfficeId) -> Result<Vec<Device>, ClientError> {
        self.get(&format!("/api/v1/offices/{office}/devices")).await
    }

    /// A new kiosk or display and its token (the only time the token is shown).
    pub async fn create_device(
        &self,
        office: OfficeId,
        input: &DeviceInput,
    ) -> Result<DeviceCreated, ClientError> {
        self.post(&format!("/api/v1/offices/{office}/devices"), input)
            .await
    }

    pub async fn revoke_device(&self, device: DeviceId) -> Result<(), ClientError> {
        self.send::<serde_json::Value>(|base| {
            self.http.delete(format!("{base}/api/v1/devices/{device}"))
        })
        .await
        .map(|_| ())
    }

    /// The notification targets the caller runs (webhooks and email addresses).
    pub async fn notify_targets(
        &self,
    ) -> Result<Vec<talon_protocol::notify::NotifyTarget>, ClientError> {
        self.get("/api/v1/notify/targets").await
    }

    /// Adds a target; a webhook's signing secret is in the answer, this once.
    pub async fn create_notify_target(
        &self,
        input: &talon_protocol::notify::NotifyTargetInput,
    ) -> Result<talon_protocol::notify::NotifyTargetCreated, ClientError> {
        self.post("/api/v1/notify/targets", input).await
    }

    /// Stops sending to a target (its delivery log stays).
    pub async fn remove_notify_target(&self, target: i64) -> Result<(), ClientError> {
        self.send::<serde_json::Value>(|base| {
            self.http
                .delete(format!("{base}/api/v1/notify/targets/{target}"))
        })
        .await
        .map(|_| ())
    }

    /// A target's deliveries, newest first.
    pub async fn notify_deliveries(
        &self,
        target: i64,
    ) -> Result<Vec<talon_protocol::notify::Delivery>, ClientError> {
        self.get(&format!("/api/v1/notify/targets/{target}/deliveries"))
            .await
    }

    /// The audit log, newest first (at most 500 entries).
    pub async fn audit(&self, query: &AuditQuery) -> Result<Vec<AuditEntry>, ClientError> {
        self.get(&query.path()).await
    }

    /// Changes the signed-in person's own password.
    pub async fn change_password(&self, change: &PasswordChange) -> Result<(), ClientError> {
        self.put::<serde_json::Value>("/api/v1/auth/password", change)
            .await
            .map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::Api;

    #[test]
    fn several_nodes_are_tried_in_turn_and_the_list_is_kept() {
        let api = Api::new(" http://a:1/, http://b:2 ,,http://c:3", None);
        assert_eq!(api.base(), "http://a:1");
        assert_eq!(api.servers(), "http://a:1,http://b:2,http://c:3");
        let clone = api.clone();
        clone.fail_over();
        assert_eq!(api.base(), "http://b:2", "clones move together");
        api.fail_over();
        api.fail_over();
        assert_eq!(api.base(), "http://a:1", "round the list");
        assert_eq!(
            api.live_url(talon_protocol::OfficeId(4), Some(9)),
            "ws://a:1/api/v1/offices/4/live?since=9"
        );
    }

    #[test]
    fn the_audit_query_names_only_the_filters_set() {
        use super::AuditQuery;
        assert_eq!(AuditQuery::default().path(), "/api/v1/audit");
        let query = AuditQuery {
            office: Some(talon_protocol::OfficeId(2)),
            staff: Some(talon_protocol::StaffId(5)),
            action: Some(talon_protocol::audit::AuditAction::TopicChanged),
            from: "2026-11-01".parse().ok(),
            to: "2026-11-30".parse().ok(),
        };
        assert_eq!(
            query.path(),
            "/api/v1/audit?office=2&staff=5&action=topic_changed&from=2026-11-01&to=2026-11-30"
        );
    }
}

#[cfg(test)]
mod answers {
    use super::{Api, ClientError};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// A node that answers every request with `status` and `body`.
    async fn node_answering(status: &'static str, body: &'static str) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let mut buffer = [0u8; 4096];
                    let mut head = Vec::new();
                    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                        match socket.read(&mut buffer).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => head.extend_from_slice(&buffer[..n]),
                        }
                    }
                    let answer = format!(
                        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\n\
                         content-length: {}\r\nconnection: close\r\n\r\n{body}",
                        body.len()
                    );
                    let _ = socket.write_all(answer.as_bytes()).await;
                });
            }
        });
        base
    }

    #[tokio::test]
    async fn a_node_that_cannot_reach_its_database_is_left_for_the_next() {
        let sick = node_answering(
            "503 Service Unavailable",
            r#"{"error":{"code":"unavailable","message":"no database"}}"#,
        )
        .await;
        let well = node_answering("200 OK", "7").await;
        let api = Api::new(&format!("{sick},{well}"), None);
        let error = api.get::<u32>("/x").await.unwrap_err();
        assert!(error.is_retryable(), "{error}");
        assert!(!error.is_unreachable());
        assert_eq!(error.code(), Some("unavailable"));
        assert_eq!(api.base(), well, "the next request goes to the other node");
        assert_eq!(api.get::<u32>("/x").await, Ok(7));
    }

    #[tokio::test]
    async fn a_refusal_is_final_and_keeps_the_node() {
        let node = node_answering(
            "409 Conflict",
            r#"{"error":{"code":"outside_hours","message":"closed"}}"#,
        )
        .await;
        let api = Api::new(&format!("{node},http://127.0.0.1:1"), None);
        let error = api.get::<u32>("/x").await.unwrap_err();
        assert!(!error.is_retryable());
        assert!(matches!(error, ClientError::Refused { status: 409, .. }));
        assert_eq!(api.base(), node);
    }
}
