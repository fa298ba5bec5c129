//! The machine's floor under the sockets scenario: as many plain TCP connections on
//! 127.0.0.1, written by another process as cheaply as a writer can (one `write` of a
//! visit's bytes each, from a thread per core), read here the way the load reads its
//! sockets. No WebSocket, no JSON, no database, no commit: what the kernel's TCP path
//! and two processes sharing the cores cost alone. The server's call → display cannot
//! be much lower than this on the same machine.

use crate::measure::Latency;
use futures_util::StreamExt;
use serde::Serialize;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::process::Command;

/// The hidden flag that makes `talon-bench` the writing side.
pub const WRITER_FLAG: &str = "--tcp-floor-writer";

#[derive(Debug, Serialize)]
pub struct FloorResult {
    pub connections: usize,
    pub bytes_per_write: usize,
    /// Write asked for → the last byte of it read, over every connection and round.
    pub delivery: Latency,
}

/// The writing side, in a process of its own: prints its port, greets every connection
/// it accepts with one byte, and for every line on standard input (a byte count) writes
/// that many bytes to every connection. The least a writer can do: no task to wake per
/// connection, one `write` each from a thread per core, each over its share.
pub fn writer() -> anyhow::Result<()> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    println!("{}", listener.local_addr()?.port());
    serve_bursts(listener, std::io::stdin().lock())
}

/// Greets every connection `listener` accepts, and writes each burst asked for by a
/// line of `commands` (a byte count) to every connection; returns when `commands` end.
fn serve_bursts(
    listener: std::net::TcpListener,
    commands: impl std::io::BufRead,
) -> anyhow::Result<()> {
    use std::io::Write;
    let connections = Arc::new(std::sync::Mutex::new(Vec::new()));
    let accepted = connections.clone();
    std::thread::spawn(move || {
        for connection in listener.incoming() {
            let Ok(mut connection) = connection else {
                continue;
            };
            // Greeted and listed under one lock: a greeted connection gets every burst
            // asked for after its greeting.
            let mut listed = accepted.lock().expect("lock");
            if connection.set_nodelay(true).is_ok() && connection.write_all(GREETING).is_ok() {
                listed.push(connection);
            }
        }
    });
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    for line in commands.lines() {
        let burst = vec![b'x'; line?.trim().parse()?];
        let connections = connections.lock().expect("lock");
        let share = connections.len().div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            for part in connections.chunks(share) {
                let burst = &burst;
                scope.spawn(move || {
                    for mut connection in part {
                        // A burst fits the socket's send buffer: the write does not block.
                        let _ = connection.write_all(burst);
                    }
                });
            }
        });
    }
    Ok(())
}

/// What the writer sends first on a connection it has accepted.
const GREETING: &[u8] = b"!";

/// A connection the writer has accepted and listed: a connect can complete on this
/// side while the writer's accept queue overflowed and dropped it, so only the greeting
/// counts; without it in a few seconds, connect again.
async fn connect(port: u16) -> anyhow::Result<TcpStream> {
    for _ in 0..5 {
        let mut connection = TcpStream::connect(("127.0.0.1", port)).await?;
        let mut greeting = [0u8; 1];
        let greeted =
            tokio::time::timeout(Duration::from_secs(3), connection.read_exact(&mut greeting));
        if let Ok(Ok(_)) = greeted.await {
            return Ok(connection);
        }
    }
    anyhow::bail!("the floor's writer did not accept a connection in five tries")
}

pub async fn run(count: usize, bytes: usize, rounds: u32) -> anyhow::Result<FloorResult> {
    let mut child = Command::new(std::env::current_exe()?)
        .arg(WRITER_FLAG)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let mut port_line = BufReader::new(child.stdout.take().expect("piped")).lines();
    let port: u16 = port_line
        .next_line()
        .await?
        .ok_or_else(|| anyhow::anyhow!("the floor's writer printed no port"))?
        .parse()?;
    let mut stdin = child.stdin.take().expect("piped");

    let connections: Vec<_> = futures_util::stream::iter(0..count)
        .map(|_| connect(port))
        .buffer_unordered(200)
        .collect()
        .await;
    let started = Instant::now();
    // When the current round's write was asked for, in microseconds since `started`.
    let asked = Arc::new(AtomicU64::new(0));
    let mut readers = Vec::with_capacity(count);
    for connection in connections {
        let (connection, asked) = (connection?, asked.clone());
        readers.push(tokio::spawn(read_rounds(
            connection, bytes, rounds, started, asked,
        )));
    }
    // Every connection is greeted, so listed; the first write waits for the storm of
    // connections to settle, as the sockets scenario does before its calls.
    tokio::time::sleep(Duration::from_secs(1)).await;
    for _ in 0..rounds {
        asked.store(started.elapsed().as_micros() as u64, Ordering::Relaxed);
        stdin.write_all(format!("{bytes}\n").as_bytes()).await?;
        stdin.flush().await?;
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    let mut samples = Vec::with_capacity(count * rounds as usize);
    for reader in readers {
        let read = tokio::time::timeout(Duration::from_secs(5), reader).await??;
        // A connection that ended early would leave its slowest rounds out of the floor.
        anyhow::ensure!(
            read.len() == rounds as usize,
            "a floor connection ended after {} of {rounds} writes",
            read.len()
        );
        samples.extend(read);
    }
    drop(stdin);
    let _ = child.wait().await;
    Ok(FloorResult {
        connections: count,
        bytes_per_write: bytes,
        delivery: Latency::of(samples),
    })
}

/// Reads `rounds` writes of `bytes` each; the time from each write asked for to its
/// last byte read.
async fn read_rounds(
    mut connection: TcpStream,
    bytes: usize,
    rounds: u32,
    started: Instant,
    asked: Arc<AtomicU64>,
) -> Vec<Duration> {
    let mut buffer = vec![0u8; 16 * 1024];
    let (mut read, mut samples) = (0, Vec::with_capacity(rounds as usize));
    while samples.len() < rounds as usize {
        match connection.read(&mut buffer).await {
            Ok(0) | Err(_) => break,
            Ok(n) => read += n,
        }
        if read >= (samples.len() + 1) * bytes {
            let now = started.elapsed().as_micros() as u64;
            samples.push(Duration::from_micros(
                now.saturating_sub(asked.load(Ordering::Relaxed)),
            ));
        }
    }
    samples
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// Every connection greeted gets every burst whole, and each of its reads counts a
    /// round only once the round's last byte is in.
    #[tokio::test]
    async fn every_connection_reads_every_burst() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
        let port = listener.local_addr().expect("an address").port();
        let (commands, mut ask) = std::io::pipe().expect("a pipe");
        let writer =
            std::thread::spawn(move || serve_bursts(listener, std::io::BufReader::new(commands)));
        let (connections, bytes, rounds) = (20, 50_000, 3);
        let started = Instant::now();
        let asked = Arc::new(AtomicU64::new(0));
        let mut readers = Vec::new();
        for _ in 0..connections {
            let connection = connect(port).await.expect("greeted");
            readers.push(tokio::spawn(read_rounds(
                connection,
                bytes,
                rounds,
                started,
                asked.clone(),
            )));
        }
        // Fewer rounds written than read for would leave the readers waiting: one short.
        for _ in 0..rounds - 1 {
            writeln!(ask, "{bytes}").expect("asked");
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(readers.iter().all(|reader| !reader.is_finished()));
        writeln!(ask, "{bytes}").expect("asked");
        for reader in readers {
            let samples = tokio::time::timeout(Duration::from_secs(10), reader)
                .await
                .expect("in time")
                .expect("read");
            assert_eq!(samples.len(), rounds as usize);
        }
        drop(ask);
        writer.join().expect("joined").expect("served");
    }
}
