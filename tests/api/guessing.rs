//! Guessing is not free: failed sign-ins lock a login (and an address) out for a while,
//! with a 429 and Retry-After, even for the right password; the lock-out is an alert
//! for the administrators and a count in /metrics; public look-ups are limited too.
//! /metrics itself answers only whom the server's settings allow.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use talon_server::guard::{ADDRESS_FAILURES, LOGIN_FAILURES, PUBLIC_MISSES};
use talon_server::startup::MetricsAccess;

async fn sign_in(app: &TestApp, login: &str, password: &str) -> (StatusCode, Value, Option<u64>) {
    let response = app
        .http
        .post(format!("{}/api/v1/auth/login", app.base))
        .json(&json!({"login": login, "password": password}))
        .send()
        .await
        .unwrap();
    let status = response.status();
    let retry_after = response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().parse().expect("whole seconds"));
    (status, response.json().await.unwrap(), retry_after)
}

#[tokio::test]
async fn a_login_guessed_too_often_is_refused_for_a_while_even_with_the_right_password() {
    let app = spawn_app().await;
    for n in 0..LOGIN_FAILURES {
        let (status, body, _) = sign_in(&app, "agent1", &format!("wrong-{n}")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "failure {n}: {body}");
    }
    let (status, body, retry_after) = sign_in(&app, "agent1", "wrong-again").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(error_code(&body), "too_many_attempts");
    let wait = retry_after.expect("Retry-After");
    assert!((1..=60).contains(&wait), "{wait} s");

    // The right password does not get through the lock-out, nor a change of case.
    let (status, _, _) = sign_in(&app, "agent1", PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let (status, _, _) = sign_in(&app, "AGENT1", PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // Another login is not locked by agent1's failures.
    let (status, _, _) = sign_in(&app, "agent2", PASSWORD).await;
    assert_eq!(status, StatusCode::OK);

    // The administrators are told, and the failures are counted.
    let (status, alerts) = app
        .get("/api/v1/security/alerts", Some(&app.admin.token))
        .await;
    assert_eq!(status, StatusCode::OK, "{alerts}");
    let alert = &alerts.as_array().unwrap()[0];
    assert_eq!(alert["kind"], "login_locked");
    assert_eq!(alert["subject"], "agent1");
    let (status, _) = app
        .get("/api/v1/security/alerts", Some(&app.head.token))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Once the wait is over (on the server's clock), the right password works.
    app.clock.advance(chrono::Duration::seconds(wait as i64));
    let (status, body, _) = sign_in(&app, "agent1", PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    app.stop().await;
}

#[tokio::test]
async fn one_address_trying_many_logins_is_locked_out() {
    let app = spawn_app().await;
    for n in 0..ADDRESS_FAILURES {
        let (status, _, _) = sign_in(&app, &format!("nobody{n}"), "wrong-password").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "failure {n}");
    }
    let (status, body, retry_after) = sign_in(&app, "nobody-else", "wrong-password").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert!(retry_after.is_some());
    let (status, _, _) = sign_in(&app, "head", PASSWORD).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "the whole address waits"
    );
    let (_, metrics) = app.get("/metrics", None).await;
    let metrics = metrics.as_str().expect("metrics text").to_string();
    assert!(
        metrics.contains("talon_sign_in_failures_total"),
        "{metrics}"
    );
    assert!(
        metrics.contains("talon_sign_in_lockouts_total"),
        "{metrics}"
    );
    app.stop().await;
}

#[tokio::test]
async fn guessing_public_ticket_codes_is_refused_after_a_few_misses() {
    let app = spawn_app().await;
    let receipt = app.issue(app.topics[0]).await;
    let code = receipt["ticket"]["public_code"]
        .as_str()
        .unwrap()
        .to_string();
    for n in 0..PUBLIC_MISSES {
        let (status, _) = app
            .get(&format!("/api/v1/public/tickets/GUESS{n}"), None)
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "miss {n}");
    }
    let (status, body) = app.get("/api/v1/public/tickets/GUESSMORE", None).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    // Even a real code waits now; after the wait it is answered again.
    let (status, _) = app
        .get(&format!("/api/v1/public/tickets/{code}"), None)
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    app.advance_minutes(1);
    let (status, body) = app
        .get(&format!("/api/v1/public/tickets/{code}"), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    app.stop().await;
}

#[tokio::test]
async fn metrics_with_a_token_answer_only_the_scraper_that_sends_it() {
    let app = spawn_app_with(|settings| {
        settings.metrics = MetricsAccess::Token("scrape-secret-123".into());
    })
    .await;
    let (status, body) = app.get("/metrics", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    let (status, _) = app.get("/metrics", Some("another-token")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // A staff token is not the metrics token either.
    let (status, _) = app.get("/metrics", Some(&app.admin.token)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) = app.get("/metrics", Some("scrape-secret-123")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.as_str().unwrap().contains("talon_"), "{body}");
    app.stop().await;
}

#[tokio::test]
async fn metrics_on_a_separate_address_are_not_on_the_api_address() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let listener = tokio::net::TcpListener::from_std(listener).unwrap();
    let app = spawn_app_with(move |settings| {
        settings.metrics = MetricsAccess::Separate {
            listener,
            token: None,
        };
    })
    .await;
    let (status, body) = app.get("/metrics", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let metrics_addr = app.server().metrics_addr.expect("a metrics address");
    let response = reqwest::get(format!("http://{metrics_addr}/metrics"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().await.unwrap().contains("talon_"));
    // The metrics address serves nothing of the API.
    let response = reqwest::get(format!("http://{metrics_addr}/api/v1/offices"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}
