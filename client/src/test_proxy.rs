//! A TCP proxy for tests that can turn into a black hole: a server that stops answering
//! without closing anything, as when a network drops every packet, a NAT forgets the
//! connection or the server's machine freezes.
//!
//! While it forwards, bytes go both ways unchanged and a close on one side is passed to
//! the other. [`TestProxy::black_hole`] makes every connection open at that moment dead
//! for good: what either side sends is read and dropped, and neither socket is closed
//! (not even when the other side closes) until the proxy itself is dropped. Connections
//! accepted while the black hole is on are dead the same way (their handshake never gets
//! an answer). Turning the black hole off lets new connections through again; the dead
//! ones stay dead, as a half-open connection never comes back.
//!
//! Built only for tests: the `test-support` feature (and the crate's own unit tests).

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

/// A proxy in front of `target`, on a free port of 127.0.0.1, running on the tokio
/// runtime it was started on until dropped.
pub struct TestProxy {
    addr: SocketAddr,
    shared: Arc<Shared>,
    accept: tokio::task::JoinHandle<()>,
}

#[derive(Default)]
struct Shared {
    black_hole: AtomicBool,
    /// One flag per connection: set when it falls into the black hole.
    connections: Mutex<Vec<Weak<AtomicBool>>>,
}

impl TestProxy {
    /// Starts forwarding to `target`.
    pub async fn start(target: SocketAddr) -> std::io::Result<TestProxy> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::default());
        let accept = tokio::spawn(accept(listener, target, shared.clone()));
        Ok(TestProxy {
            addr,
            shared,
            accept,
        })
    }

    /// A proxy in front of the server at `base` ("http://127.0.0.1:port"), started on
    /// `runtime`: what an app test gives the app instead of the server's own URL.
    pub fn in_front_of(runtime: &tokio::runtime::Runtime, base: &str) -> TestProxy {
        let target: SocketAddr = base
            .trim_start_matches("http://")
            .parse()
            .expect("the server's address");
        runtime
            .block_on(TestProxy::start(target))
            .expect("the proxy starts")
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://` and the proxy's address: what an app is given as its server.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// On: every open connection goes silent for good, and new ones are accepted but
    /// never answered. Off: new connections are forwarded again.
    pub fn black_hole(&self, on: bool) {
        let mut connections = self.shared.connections.lock().expect("proxy connections");
        self.shared.black_hole.store(on, Ordering::SeqCst);
        if on {
            for dead in connections.iter().filter_map(Weak::upgrade) {
                dead.store(true, Ordering::SeqCst);
            }
        }
        connections.retain(|c| c.strong_count() > 0);
    }

    /// Whether the black hole is on.
    pub fn is_black_hole(&self) -> bool {
        self.shared.black_hole.load(Ordering::SeqCst)
    }
}

impl Drop for TestProxy {
    fn drop(&mut self) {
        // Dropping the accept task drops its JoinSet, which ends every connection.
        self.accept.abort();
    }
}

async fn accept(listener: TcpListener, target: SocketAddr, shared: Arc<Shared>) {
    let mut connections = JoinSet::new();
    loop {
        let (client, _) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                tracing::debug!(error = %e, "test proxy: accept failed");
                continue;
            }
        };
        let dead = {
            let mut list = shared.connections.lock().expect("proxy connections");
            let dead = Arc::new(AtomicBool::new(shared.black_hole.load(Ordering::SeqCst)));
            list.push(Arc::downgrade(&dead));
            dead
        };
        connections.spawn(connection(client, target, dead));
        // Forget the connections that have ended.
        while connections.try_join_next().is_some() {}
    }
}

async fn connection(client: TcpStream, target: SocketAddr, dead: Arc<AtomicBool>) {
    let _ = client.set_nodelay(true);
    let (client_read, client_write) = client.into_split();
    if dead.load(Ordering::SeqCst) {
        // Accepted inside the black hole: never reaches the server, never answered.
        let up = pump(client_read, None, &dead);
        up.await;
        return std::future::pending().await;
    }
    let server = match TcpStream::connect(target).await {
        Ok(server) => server,
        Err(e) => {
            tracing::debug!(error = %e, "test proxy: the server cannot be reached");
            return;
        }
    };
    let _ = server.set_nodelay(true);
    let (server_read, server_write) = server.into_split();
    let up = pump(client_read, Some(server_write), &dead);
    let down = pump(server_read, Some(client_write), &dead);
    tokio::join!(up, down);
}

/// Copies `from` into `to` until `from` ends; once the connection is dead, drops what
/// arrives and, when `from` ends, keeps `to` open (a dropped write half would send FIN)
/// until the proxy ends the task.
async fn pump(mut from: OwnedReadHalf, mut to: Option<OwnedWriteHalf>, dead: &AtomicBool) {
    let mut buffer = vec![0u8; 16 * 1024];
    loop {
        // A read error ends this side like a close.
        let n = from.read(&mut buffer).await.unwrap_or_default();
        if dead.load(Ordering::SeqCst) {
            if n == 0 {
                // Hold both halves: the other side must see nothing at all.
                let _held = (from, to);
                return std::future::pending().await;
            }
            continue;
        }
        if n == 0 {
            if let Some(to) = to.as_mut() {
                let _ = to.shutdown().await;
            }
            return;
        }
        let Some(out) = to.as_mut() else { continue };
        if out.write_all(&buffer[..n]).await.is_err() {
            return;
        }
    }
}
