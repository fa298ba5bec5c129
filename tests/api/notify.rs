//! Notifications outside the desk: a webhook receives each step of an office's breach,
//! signed with HMAC-SHA256, and is tried again after it failed; a region's webhook hears
//! only what reached the region; an email goes through the configured SMTP server.

use crate::helpers::*;
use axum::http::{HeaderMap, StatusCode as AxumStatus};
use hmac::{Hmac, Mac};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use sha2::Sha256;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// What a test webhook received: the body and whether its signature was right.
#[derive(Default)]
struct Received {
    calls: Vec<(Value, bool)>,
    /// Answer 500 to this many calls first.
    fail_first: usize,
}

/// A webhook receiver on port 0 checking signatures with `secret` (set once known).
async fn receiver() -> (String, Arc<Mutex<Received>>, Arc<Mutex<String>>) {
    let received = Arc::new(Mutex::new(Received::default()));
    let secret = Arc::new(Mutex::new(String::new()));
    let (r, s) = (received.clone(), secret.clone());
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap, body: axum::body::Bytes| {
            let (received, secret) = (r.clone(), s.clone());
            async move {
                let mut mac =
                    Hmac::<Sha256>::new_from_slice(secret.lock().unwrap().as_bytes()).unwrap();
                mac.update(&body);
                let expected = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
                let signed = headers
                    .get("x-talon-signature")
                    .is_some_and(|v| v.to_str().ok() == Some(expected.as_str()));
                let mut received = received.lock().unwrap();
                let value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                received.calls.push((value, signed));
                if received.calls.len() <= received.fail_first {
                    AxumStatus::INTERNAL_SERVER_ERROR
                } else {
                    AxumStatus::NO_CONTENT
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, received, secret)
}

async fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..300 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting for {what}");
}

async fn add_target(app: &TestApp, token: &str, body: Value) -> (StatusCode, Value) {
    app.post("/api/v1/notify/targets", Some(token), body).await
}

async fn deliveries(app: &TestApp, target: i64) -> Vec<Value> {
    let (status, body) = app
        .get(
            &format!("/api/v1/notify/targets/{target}/deliveries"),
            Some(&app.admin.token),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body.as_array().unwrap().clone()
}

#[tokio::test]
async fn a_webhook_hears_each_step_signed_and_is_tried_again_after_a_failure() {
    let app = spawn_app().await;
    let (url, received, secret) = receiver().await;
    received.lock().unwrap().fail_first = 1;
    let (status, created) = add_target(
        &app,
        &app.head.token,
        json!({"office_id": app.office, "kind": "webhook", "address": url}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let target = created["target"]["id"].as_i64().unwrap();
    *secret.lock().unwrap() = created["secret"].as_str().expect("the secret, once").into();
    let (_, listed) = app
        .get("/api/v1/notify/targets", Some(&app.head.token))
        .await;
    assert!(
        listed[0].get("secret").is_none(),
        "never shown again: {listed}"
    );

    // Topic C waits at most 5 minutes: the breach is raised at 6.
    let ticket = ticket_id(&app.issue(app.topics[2]).await);
    app.advance_minutes(6);
    eventually("the first call", || {
        received.lock().unwrap().calls.len() == 1
    })
    .await;
    let (body, signed) = received.lock().unwrap().calls[0].clone();
    assert!(signed, "signed with the target's secret");
    assert_eq!(body["alert"]["id"], format!("wait_breach:{ticket}"));
    assert!(body.get("change").is_none(), "raised: {body}");
    // It answered 500: the log says so and when it is tried again.
    let log = deliveries(&app, target).await;
    assert_eq!(log[0]["status"], "pending", "{log:?}");
    assert_eq!(log[0]["attempts"], 1);
    assert!(
        log[0]["last_error"].as_str().unwrap().contains("500"),
        "{log:?}"
    );
    // Not before its time (10 s later on the server's clock), then again.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(received.lock().unwrap().calls.len(), 1, "no retry yet");
    app.advance_minutes(1);
    eventually("the retry", || received.lock().unwrap().calls.len() == 2).await;
    assert!(received.lock().unwrap().calls[1].1);
    let log = loop {
        let log = deliveries(&app, target).await;
        if log[0]["status"] == "delivered" {
            break log;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(log[0]["attempts"], 2);

    // The escalation is the next step it hears.
    app.advance_minutes(15);
    eventually("the escalation", || {
        received.lock().unwrap().calls.len() == 3
    })
    .await;
    let (body, _) = received.lock().unwrap().calls[2].clone();
    assert_eq!(
        body["change"],
        json!({"change": "escalated", "level": "region"})
    );

    // Stopped: nothing more is sent to it.
    let (status, _) = app
        .request(
            Method::DELETE,
            &format!("/api/v1/notify/targets/{target}"),
            Some(&app.head.token),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    app.advance_minutes(60);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(received.lock().unwrap().calls.len(), 3);
    app.stop().await;
}

#[tokio::test]
async fn a_regions_webhook_hears_only_what_reached_the_region() {
    let app = spawn_app().await;
    let admin = app.admin.token.clone();
    let (_, region) = app
        .post("/api/v1/regions", Some(&admin), json!({"name": "Западное"}))
        .await;
    let region = region["id"].as_i64().unwrap();
    let (_, offices) = app.get("/api/v1/offices", Some(&admin)).await;
    let mut office = offices[0].clone();
    office.as_object_mut().unwrap().remove("id");
    office["region_id"] = json!(region);
    let (status, body) = app
        .request(
            Method::PUT,
            &format!("/api/v1/offices/{}", app.office),
            Some(&admin),
            Some(office),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (url, received, secret) = receiver().await;
    let (status, created) = add_target(
        &app,
        &admin,
        json!({"region_id": region, "kind": "webhook", "address": url}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    *secret.lock().unwrap() = created["secret"].as_str().unwrap().into();

    app.issue(app.topics[2]).await;
    app.advance_minutes(6);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        received.lock().unwrap().calls.is_empty(),
        "the office's own matter yet"
    );
    app.advance_minutes(15);
    eventually("the escalation", || {
        received.lock().unwrap().calls.len() == 1
    })
    .await;
    let (body, signed) = received.lock().unwrap().calls[0].clone();
    assert!(signed);
    assert_eq!(body["alert"]["level"], "region");
    app.stop().await;
}

/// A minimal SMTP server: accepts one message and hands over its DATA.
async fn smtp_sink() -> (u16, tokio::sync::oneshot::Receiver<String>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let (socket, _) = listener.accept().await.unwrap();
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read).lines();
        write.write_all(b"220 sink ESMTP\r\n").await.unwrap();
        let mut data = String::new();
        let mut in_data = false;
        while let Ok(Some(line)) = lines.next_line().await {
            if in_data {
                if line == "." {
                    in_data = false;
                    write.write_all(b"250 queued\r\n").await.unwrap();
                } else {
                    data.push_str(&line);
                    data.push('\n');
                }
                continue;
            }
            let verb = line.split_whitespace().next().unwrap_or("").to_uppercase();
            let answer: &[u8] = match verb.as_str() {
                "EHLO" | "HELO" => b"250 sink\r\n",
                "DATA" => {
                    in_data = true;
                    b"354 go on\r\n"
                }
                "QUIT" => {
                    write.write_all(b"221 bye\r\n").await.unwrap();
                    break;
                }
                _ => b"250 ok\r\n",
            };
            write.write_all(answer).await.unwrap();
        }
        let _ = tx.send(data);
    });
    (port, rx)
}

#[tokio::test]
async fn an_email_goes_out_through_the_smtp_server() {
    let (port, mail) = smtp_sink().await;
    let app = spawn_app_with(|settings| {
        settings.smtp = Some(talon_server::notify::SmtpSettings {
            url: format!("smtp://127.0.0.1:{port}"),
            from: "Talon <talon@example.ru>".into(),
        });
    })
    .await;
    let (status, created) = add_target(
        &app,
        &app.head.token,
        json!({"office_id": app.office, "kind": "email", "address": "head@example.ru"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert!(created.get("secret").is_none(), "an email has no secret");
    app.issue(app.topics[2]).await;
    app.advance_minutes(6);
    let mail = tokio::time::timeout(Duration::from_secs(10), mail)
        .await
        .expect("an email within 10 s")
        .unwrap();
    assert!(mail.contains("To: head@example.ru"), "{mail}");
    assert!(mail.contains("From: Talon <talon@example.ru>"), "{mail}");
    // The subject is encoded (Cyrillic); the body says what happened, in Russian.
    let target = created["target"]["id"].as_i64().unwrap();
    let log = loop {
        let log = deliveries(&app, target).await;
        if log.first().is_some_and(|d| d["status"] == "delivered") {
            break log;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(log[0]["attempts"], 1);
    app.stop().await;
}

#[tokio::test]
async fn targets_are_refused_in_words_and_kept_to_their_owners() {
    let app = spawn_app().await;
    let head = app.head.token.clone();
    for (body, why) in [
        (
            json!({"office_id": app.office, "kind": "webhook", "address": "ftp://x"}),
            "scheme",
        ),
        (
            json!({"office_id": app.office, "kind": "webhook", "address": "not a url"}),
            "url",
        ),
        (
            json!({"office_id": app.office, "kind": "email", "address": "nobody"}),
            "email",
        ),
        (json!({"kind": "email", "address": "a@b.ru"}), "no scope"),
        (
            json!({"office_id": app.office, "region_id": 1, "kind": "email", "address": "a@b.ru"}),
            "two scopes",
        ),
        (
            json!({"office_id": app.office, "kind": "email", "address": "a@b.ru", "lang": "de"}),
            "lang",
        ),
    ] {
        let (status, body) = add_target(&app, &head, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{why}: {body}");
        assert!(!body["error"]["message"].as_str().unwrap().is_empty());
    }
    let (status, _) = add_target(
        &app,
        &app.agents[0].token,
        json!({"office_id": app.office, "kind": "email", "address": "a@b.ru"}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // A head cannot set up a region's notifications.
    let (_, region) = app
        .post(
            "/api/v1/regions",
            Some(&app.admin.token),
            json!({"name": "Западное"}),
        )
        .await;
    let (status, _) = add_target(
        &app,
        &head,
        json!({"region_id": region["id"], "kind": "email", "address": "a@b.ru"}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // An admin naming offices or regions that do not exist is told so, as a form error.
    for body in [
        json!({"office_id": 999_999, "kind": "email", "address": "a@b.ru"}),
        json!({"region_id": 999_999, "kind": "email", "address": "a@b.ru"}),
    ] {
        let (status, answer) = add_target(&app, &app.admin.token, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        assert!(
            answer["error"]["message"]
                .as_str()
                .unwrap()
                .contains("999999")
        );
    }
    let (status, _) = app
        .get("/api/v1/notify/targets/999/deliveries", Some(&head))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.stop().await;
}
