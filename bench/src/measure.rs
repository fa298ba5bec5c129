//! Latency samples and the server process's CPU and memory.

use serde::Serialize;
use std::time::Duration;

/// Percentiles of a set of latencies, in milliseconds.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Latency {
    pub count: usize,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl Latency {
    pub fn of(mut samples: Vec<Duration>) -> Latency {
        if samples.is_empty() {
            return Latency::default();
        }
        samples.sort();
        let at = |p: f64| {
            let rank = ((p / 100.0) * samples.len() as f64).ceil().max(1.0) as usize;
            samples[rank - 1].as_secs_f64() * 1000.0
        };
        Latency {
            count: samples.len(),
            p50_ms: at(50.0),
            p99_ms: at(99.0),
            max_ms: samples.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        }
    }
}

impl std::fmt::Display for Latency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms (n={})",
            self.p50_ms, self.p99_ms, self.max_ms, self.count
        )
    }
}

/// CPU time (user + system) and resident memory of a process, from /proc.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProcSample {
    pub cpu: Duration,
    pub rss_bytes: u64,
}

pub fn sample(pid: u32) -> ProcSample {
    let ticks_per_second = 100.0; // USER_HZ on Linux
    let cpu = std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            // Fields after the command name in parentheses; utime and stime are 14 and 15.
            let rest = stat.rsplit_once(')')?.1;
            let fields: Vec<&str> = rest.split_whitespace().collect();
            let utime: f64 = fields.get(11)?.parse().ok()?;
            let stime: f64 = fields.get(12)?.parse().ok()?;
            Some(Duration::from_secs_f64((utime + stime) / ticks_per_second))
        })
        .unwrap_or_default();
    let rss_bytes = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
            let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kb * 1024)
        })
        .unwrap_or(0);
    ProcSample { cpu, rss_bytes }
}

/// Share of one core used between two samples over `wall`.
pub fn cpu_percent(before: ProcSample, after: ProcSample, wall: Duration) -> f64 {
    (after.cpu.saturating_sub(before.cpu)).as_secs_f64() / wall.as_secs_f64().max(1e-9) * 100.0
}

/// CPU time of the PostgreSQL processes working for one database: its backends (their
/// command line names the database) and the cluster's WAL writer, checkpointer and
/// background writer, which every commit of that database keeps busy. By process id, so
/// that backends started between two samples count too.
pub fn postgres_cpu(database: &str) -> std::collections::HashMap<u32, Duration> {
    let mut cpu = std::collections::HashMap::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return cpu;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(format!("/proc/{pid}/cmdline")) else {
            continue;
        };
        // "postgres: 15/main: postgres talon_bench_… 127.0.0.1(4242) idle" for a
        // backend, "postgres: 15/main: walwriter" for the cluster's own processes.
        let title = String::from_utf8_lossy(&cmdline);
        if !title.starts_with("postgres: ") {
            continue;
        }
        let what = title
            .trim_end_matches('\0')
            .rsplit(": ")
            .next()
            .unwrap_or_default()
            .trim();
        let ours = what.split_whitespace().nth(1) == Some(database)
            || ["walwriter", "checkpointer", "background writer"].contains(&what);
        if ours {
            cpu.insert(pid, sample(pid).cpu);
        }
    }
    cpu
}

/// Share of one core the PostgreSQL processes used between two `postgres_cpu` samples.
pub fn postgres_cpu_percent(
    before: &std::collections::HashMap<u32, Duration>,
    after: &std::collections::HashMap<u32, Duration>,
    wall: Duration,
) -> f64 {
    let used: Duration = after
        .iter()
        .map(|(pid, cpu)| cpu.saturating_sub(before.get(pid).copied().unwrap_or_default()))
        .sum();
    used.as_secs_f64() / wall.as_secs_f64().max(1e-9) * 100.0
}

/// The server's own counters from its /metrics (Prometheus text), summed over labels:
/// name → value. Empty when the node does not answer.
pub async fn server_metrics(
    http: &reqwest::Client,
    base: &str,
) -> std::collections::HashMap<String, f64> {
    let mut values = std::collections::HashMap::new();
    let Ok(response) = http.get(format!("{base}/metrics")).send().await else {
        return values;
    };
    let Ok(text) = response.text().await else {
        return values;
    };
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((name, value)) = line.rsplit_once(' ') else {
            continue;
        };
        let name = name.split('{').next().unwrap_or(name);
        if let Ok(value) = value.parse::<f64>() {
            *values.entry(name.to_string()).or_default() += value;
        }
    }
    values
}
