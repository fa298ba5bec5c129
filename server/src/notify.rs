//! Sends the outbox: each due delivery to its webhook (a JSON POST signed with
//! HMAC-SHA256 of the body in [`SIGNATURE_HEADER`]) or by email (SMTP, when the server
//! has one configured), recording success, or the failure and when to try again.

use crate::queues::Queues;
use crate::store::{Due, StoreResult};
use crate::web::texts::{Lang, text, text_with};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::Duration;
use talon_protocol::AlertKind;
use talon_protocol::alert::{AlertChange, EscalationLevel};
use talon_protocol::notify::{Notification, SIGNATURE_HEADER, TargetKind};

/// Deliveries sent per round.
const BATCH: i64 = 20;
/// A webhook answers within this, or the attempt failed.
const WEBHOOK_TIMEOUT: Duration = Duration::from_secs(10);

/// The company's SMTP server: `smtps://user:password@host:465` (TLS),
/// `smtp://…:587?tls=required` (STARTTLS), or `smtp://host:25` (unencrypted, for a
/// relay on the local network); lettre's URL form.
#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub url: String,
    /// The sender, e.g. "Talon <talon@example.ru>".
    pub from: String,
}

pub struct Notifier {
    http: reqwest::Client,
    smtp: Option<(
        lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
        lettre::message::Mailbox,
    )>,
}

/// `sha256=<hex>` of the body with the target's secret.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

impl Notifier {
    pub fn new(smtp: Option<&SmtpSettings>) -> anyhow::Result<Notifier> {
        let http = reqwest::Client::builder()
            .timeout(WEBHOOK_TIMEOUT)
            .user_agent(concat!("Talon/", env!("CARGO_PKG_VERSION")))
            .build()?;
        let smtp = match smtp {
            Some(settings) => {
                let transport =
                    lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(&settings.url)?
                        .timeout(Some(Duration::from_secs(20)))
                        .build();
                Some((transport, settings.from.parse()?))
            }
            None => None,
        };
        Ok(Notifier { http, smtp })
    }

    /// Sends what is due now; the store keeps what failed for later.
    pub async fn deliver_due(&self, queues: &Queues) -> StoreResult<usize> {
        let store = queues.store();
        let due = store.claim_due_deliveries(queues.now(), BATCH).await?;
        let count = due.len();
        for delivery in due {
            match self.send(queues, &delivery).await {
                Ok(()) => store.delivery_succeeded(delivery.id, queues.now()).await?,
                Err(error) => {
                    tracing::warn!(delivery = delivery.id, target = delivery.target.target.id,
                        error = %crate::log_text::escaped(&error), "notification not delivered");
                    store
                        .delivery_failed(&delivery, &error, queues.now())
                        .await?;
                }
            }
        }
        Ok(count)
    }

    async fn send(&self, queues: &Queues, due: &Due) -> Result<(), String> {
        match due.target.target.kind {
            TargetKind::Webhook => self.webhook(due).await,
            TargetKind::Email => self.email(queues, due).await,
        }
    }

    async fn webhook(&self, due: &Due) -> Result<(), String> {
        let secret = due.target.secret.as_deref().unwrap_or_default();
        let response = self
            .http
            .post(&due.target.target.address)
            .header("content-type", "application/json")
            .header(SIGNATURE_HEADER, signature(secret, due.payload.as_bytes()))
            .body(due.payload.clone())
            .send()
            .await
            .map_err(|e| format!("no answer: {e}"))?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(format!("the webhook answered {}", response.status()))
        }
    }

    async fn email(&self, queues: &Queues, due: &Due) -> Result<(), String> {
        use lettre::AsyncTransport;
        let Some((transport, from)) = &self.smtp else {
            return Err("no SMTP server is configured (--smtp-url)".into());
        };
        let notification: Notification =
            serde_json::from_str(&due.payload).map_err(|e| e.to_string())?;
        let lang = Lang::from_query(Some(&due.target.target.lang));
        let office = match queues.office(notification.office_id) {
            Ok(queue) => queue.lock().await.office.name.clone(),
            Err(_) => notification.office_id.to_string(),
        };
        let (subject, body) = email_text(lang, &office, &notification);
        let to = due
            .target
            .target
            .address
            .parse()
            .map_err(|e| format!("the address is wrong: {e}"))?;
        let message = lettre::Message::builder()
            .from(from.clone())
            .to(to)
            .subject(subject)
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| e.to_string())?;
        transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| format!("the SMTP server refused: {e}"))
    }
}

/// The email's subject and body, in the target's language. No visitor's data: the
/// ticket's label and topic only.
pub fn email_text(lang: Lang, office: &str, n: &Notification) -> (String, String) {
    let what = match &n.alert.kind {
        AlertKind::WaitBreach { label, .. } => text_with(
            lang,
            "notify-wait-breach",
            &[("ticket", label.as_str().into())],
        ),
        AlertKind::LongQueue { waiting, .. } => {
            text_with(lang, "notify-long-queue", &[("waiting", (*waiting).into())])
        }
        _ => text(lang, "notify-other"),
    };
    let step = match &n.change {
        None => text(lang, "notify-raised"),
        Some(AlertChange::Escalated {
            level: EscalationLevel::Region,
        }) => text(lang, "notify-to-region"),
        Some(AlertChange::Escalated { .. }) => text(lang, "notify-to-head-office"),
        Some(AlertChange::Acknowledged) => {
            let (name, comment) = n
                .alert
                .acknowledged
                .as_ref()
                .map(|a| (a.name.as_str(), a.comment.as_str()))
                .unwrap_or_default();
            text_with(
                lang,
                "notify-acknowledged",
                &[("name", name.into()), ("comment", comment.into())],
            )
        }
    };
    let subject = text_with(
        lang,
        "notify-subject",
        &[("office", office.into()), ("what", what.as_str().into())],
    );
    let body = text_with(
        lang,
        "notify-body",
        &[
            ("office", office.into()),
            ("what", what.as_str().into()),
            ("step", step.as_str().into()),
            ("at", n.at.to_rfc3339().into()),
        ],
    );
    (subject, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use talon_protocol::alert::Acknowledgement;
    use talon_protocol::{Alert, OfficeId, StaffId, TicketId, TopicId};

    fn notification(change: Option<AlertChange>) -> Notification {
        let mut alert = Alert::new(
            "wait_breach:x".into(),
            AlertKind::WaitBreach {
                ticket_id: TicketId(uuid::Uuid::nil()),
                label: "Д004".into(),
                topic_id: TopicId(2),
            },
            "2026-11-20T07:16:00Z".parse().unwrap(),
        );
        alert.acknowledged = Some(Acknowledgement {
            staff_id: StaffId(3),
            name: "Петрова".into(),
            at: alert.raised_at,
            comment: "Открываю окно 3".into(),
        });
        Notification {
            office_id: OfficeId(1),
            seq: 9,
            at: alert.raised_at,
            change,
            alert,
        }
    }

    #[test]
    fn every_step_reads_in_both_languages() {
        let steps = [
            None,
            Some(AlertChange::Escalated {
                level: EscalationLevel::Region,
            }),
            Some(AlertChange::Escalated {
                level: EscalationLevel::HeadOffice,
            }),
            Some(AlertChange::Acknowledged),
        ];
        for lang in Lang::ALL {
            for step in steps.clone() {
                let (subject, body) = email_text(lang, "ЦОК Ленина", &notification(step));
                for text in [&subject, &body] {
                    assert!(!text.contains("notify-"), "a text id left: {text}");
                    assert!(
                        text.contains("ЦОК Ленина") && text.contains("Д004"),
                        "{text}"
                    );
                }
            }
        }
        let (_, body) = email_text(
            Lang::Ru,
            "ЦОК",
            &notification(Some(AlertChange::Acknowledged)),
        );
        assert!(
            body.contains("Петрова") && body.contains("Открываю окно 3"),
            "{body}"
        );
    }

    #[test]
    fn the_signature_is_hmac_sha256_of_the_body() {
        // RFC 4231, test case 2.
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
