//! One headless Chromium per test: chromedriver on a free port, a WebDriver session with
//! a phone's screen, and the checks the tests share (waiting for text, axe-core,
//! screenshots).

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Set (CI) to fail instead of skipping when the browser is missing.
const REQUIRE_ENV: &str = "TALON_REQUIRE_BROWSER";
/// The phone's screen, in CSS pixels.
pub const PHONE: (u32, u32) = (390, 844);

/// axe-core 4.14.1 from the npm registry (see `vendor/README.md`).
const AXE: &str = include_str!("vendor/axe.min.js");

pub struct Browser {
    pub client: Client,
    driver: Child,
}

/// Says once, on the terminal itself (the test harness captures `eprintln!`), that the
/// browser tests did not run.
fn say_skipped(why: &str) {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = writeln!(
            std::io::stderr(),
            "\nbrowser tests SKIPPED: {why}. Install Debian's chromium and chromium-driver \
             (apt-get install chromium chromium-driver), or set {REQUIRE_ENV} to fail instead.\n"
        );
    });
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    /// A new browser, or `None` (said on the terminal) when Chromium is not installed
    /// and not required.
    pub async fn start() -> Option<Browser> {
        let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
            .into_iter()
            .filter(|p| !Path::new(p).exists())
            .collect();
        if !missing.is_empty() {
            let why = format!("{} not found", missing.join(" and "));
            if std::env::var_os(REQUIRE_ENV).is_some() {
                panic!("the browser is required ({REQUIRE_ENV}) but {why}");
            }
            say_skipped(&why);
            return None;
        }
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let url = format!("http://127.0.0.1:{port}");
        let mut ready = false;
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                ready = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(ready, "chromedriver did not listen on {port}");
        let (width, height) = PHONE;
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--autoplay-policy=no-user-gesture-required", "--hide-scrollbars",
                    "--lang=ru-RU", "--no-first-run", "--disable-extensions",
                    "--disable-background-networking"
                ],
                "mobileEmulation": {
                    "deviceMetrics": {"width": width, "height": height, "pixelRatio": 1.0, "touch": true}
                }
            }
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        // chromedriver listening is not yet chromedriver ready: on a busy machine the
        // first session request can be reset. A few tries, then the error.
        let mut attempt = 0;
        let client = loop {
            let mut builder =
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
            builder.capabilities(capabilities.clone());
            match builder.connect(&url).await {
                Ok(client) => break client,
                Err(e) if attempt < 4 => {
                    attempt += 1;
                    eprintln!("WebDriver session, try {attempt}: {e}");
                    tokio::time::sleep(Duration::from_millis(300)).await;
                }
                Err(e) => panic!("a WebDriver session: {e}"),
            }
        };
        Some(Browser { client, driver })
    }

    /// Ends the session (the browser quits), then chromedriver (in `drop`).
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("the page opens");
    }

    /// The text of the first element matching `css` ("" when there is none).
    pub async fn text(&self, css: &str) -> String {
        // The live script replaces parts of the page as messages come: an element found
        // may be gone ("stale") by the time its text is asked for, so it is found again.
        for _ in 0..5 {
            match self.client.find(Locator::Css(css)).await {
                Ok(element) => match element.text().await {
                    Ok(text) => return text,
                    Err(_) => continue,
                },
                Err(_) => return String::new(),
            }
        }
        String::new()
    }

    /// Waits until the element's text contains `needle`; returns how long it took.
    pub async fn wait_for_text(&self, css: &str, needle: &str, within: Duration) -> Duration {
        let start = std::time::Instant::now();
        loop {
            let text = self.text(css).await;
            if text.contains(needle) {
                return start.elapsed();
            }
            assert!(
                start.elapsed() < within,
                "{css} did not show {needle:?} within {within:?}; it shows {text:?}"
            );
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
    }

    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("{script}: {e}"))
    }

    /// Runs axe-core on the page; the serious and critical violations, in words.
    pub async fn accessibility_problems(&self) -> Vec<String> {
        self.client
            .execute(AXE, vec![])
            .await
            .expect("axe-core loads");
        let script = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ["violations"] })
              .then(r => done(r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.map(n => n.target.join(" "))
              }))))
              .catch(e => done([{ id: "axe-failed", impact: "critical", help: String(e), nodes: [] }]));
        "#;
        let violations = self
            .client
            .execute_async(script, vec![])
            .await
            .expect("axe-core runs");
        violations
            .as_array()
            .expect("a list of violations")
            .iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .map(|v| {
                format!(
                    "{} ({}): {} at {}",
                    v["id"], v["impact"], v["help"], v["nodes"]
                )
            })
            .collect()
    }

    /// Saves a screenshot of the phone's screen as `name.png`: into the committed
    /// `tests/web/screenshots/` with `UPDATE_SCREENSHOTS=1`, else under `target/`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.expect("a screenshot");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = if std::env::var_os("UPDATE_SCREENSHOTS").is_some() {
            root.join("tests/web/screenshots")
        } else {
            root.join("target/web-screenshots")
        };
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("screenshot written");
        path
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // A test that failed half-way still stops its chromedriver, which takes its
        // browser with it when asked politely (SIGTERM, by the id of the process started
        // here); SIGKILL only if that did not work.
        if let Ok(None) = self.driver.try_wait() {
            let _ = Command::new("kill")
                .arg(self.driver.id().to_string())
                .status();
            for _ in 0..50 {
                if let Ok(Some(_)) = self.driver.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = self.driver.kill();
            let _ = self.driver.wait();
        }
    }
}
