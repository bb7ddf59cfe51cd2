//! The two services as child processes of the benchmark, on ephemeral ports with a temp data dir
//! each: separate processes, as an operator runs them, so that each one's memory can be read
//! from /proc and the benchmark's own clients do not share its allocator or runtime.

use std::{
    path::{Path, PathBuf},
    process::Stdio,
    time::{Duration, Instant},
};

use hoptac_api::v1::{query_service_client::QueryServiceClient, GetReplicationStatusRequest};
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
};
use tonic::transport::{Channel, Endpoint};

use crate::error::{Error, Result};

/// Longest wait for a service to print its address.
const START: Duration = Duration::from_secs(30);
/// How often the replica's applied sequence is read while waiting for it.
const POLL: Duration = Duration::from_millis(10);

/// How to start the services: the `hoptac` launcher, whose `ingest serve` and `query serve` are
/// the two services (the same code as `hoptac-ingest` and `hoptac-query`).
#[derive(Debug, Clone)]
pub struct Launcher {
    /// The `hoptac` executable.
    pub program: PathBuf,
    /// sled's page cache of each service in MiB (`--cache-mib`): it bounds most of their memory.
    pub cache_mib: u64,
}

/// One running service process; it is killed when dropped.
pub struct Service {
    child: Child,
    /// `http://ADDR` of its gRPC port.
    pub url: String,
}

impl Service {
    async fn spawn(
        launcher: &Launcher,
        service: &'static str,
        args: &[&str],
        data_dir: &Path,
    ) -> Result<Service> {
        let mut child = Command::new(&launcher.program)
            .args(args)
            .arg("--listen")
            .arg("127.0.0.1:0")
            .arg("--data-dir")
            .arg(data_dir)
            .arg("--cache-mib")
            .arg(launcher.cache_mib.to_string())
            // Logging one line per article would be part of what is measured; warnings still
            // reach the terminal.
            .env("RUST_LOG", "warn")
            .env_remove("HOPTAC_INGEST_TOKEN")
            .env_remove("HOPTAC_QUERY_TOKEN")
            .env_remove("HOPTAC_METRICS_ADDR")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|source| Error::Spawn {
                service,
                program: launcher.program.display().to_string(),
                source,
            })?;
        let stdout = child.stdout.take().ok_or_else(|| Error::NotListening {
            service,
            detail: "no stdout".into(),
        })?;
        let mut lines = BufReader::new(stdout).lines();
        let prefix = format!("hoptac-{service} listening on ");
        let addr = tokio::time::timeout(START, async {
            while let Some(line) = lines.next_line().await? {
                if let Some(addr) = line.strip_prefix(&prefix) {
                    return Ok(Some(addr.trim().to_string()));
                }
            }
            Ok::<_, std::io::Error>(None)
        })
        .await
        .map_err(|_| Error::NotListening {
            service,
            detail: format!("no address printed within {START:?}"),
        })??
        .ok_or_else(|| Error::NotListening {
            service,
            detail: "it exited; its error is above".into(),
        })?;
        // Keep reading what it prints, so that a full pipe never blocks it.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Ok(Service {
            child,
            url: format!("http://{addr}"),
        })
    }

    /// A new connection to it.
    pub async fn connect(&self) -> Result<Channel> {
        connect(&self.url).await
    }

    /// Its resident memory now, in MiB (VmRSS of /proc/PID/status).
    pub fn rss_mib(&self) -> Result<f64> {
        let pid = self
            .child
            .id()
            .ok_or_else(|| Error::Unexpected("the service process has exited".into()))?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
        vm_rss_kib(&status)
            .map(|kib| kib as f64 / 1024.0)
            .ok_or_else(|| Error::Unexpected(format!("no VmRSS in /proc/{pid}/status")))
    }
}

/// A new connection to `url`.
pub async fn connect(url: &str) -> Result<Channel> {
    let endpoint = Endpoint::from_shared(url.to_string()).map_err(|source| Error::Connect {
        url: url.to_string(),
        source,
    })?;
    endpoint.connect().await.map_err(|source| Error::Connect {
        url: url.to_string(),
        source,
    })
}

/// `n` new connections to `url`, one per concurrent client: clients of other backends each
/// bring their own, and sharing one would measure HTTP/2 multiplexing rather than the service.
pub async fn connections(url: &str, n: usize) -> Result<Vec<Channel>> {
    let mut all = Vec::with_capacity(n);
    for _ in 0..n {
        all.push(connect(url).await?);
    }
    Ok(all)
}

/// The ingest service and a query replica following it, each with a directory under one temp
/// dir that goes when the pair does.
pub struct Pair {
    /// The ingest service.
    pub ingest: Service,
    /// The query service.
    pub query: Service,
    _dir: tempfile::TempDir,
}

impl Pair {
    /// Starts both on `dir`, whose `ingest` folder may already hold a database.
    pub async fn start(launcher: &Launcher, dir: tempfile::TempDir) -> Result<Pair> {
        let ingest = Service::spawn(
            launcher,
            "ingest",
            &["ingest", "serve"],
            &Pair::ingest_dir(dir.path()),
        )
        .await?;
        let query = Service::spawn(
            launcher,
            "query",
            &["query", "serve", "--ingest-url", &ingest.url],
            &dir.path().join("query"),
        )
        .await?;
        Ok(Pair {
            ingest,
            query,
            _dir: dir,
        })
    }

    /// Where the ingest service of a pair on `dir` keeps its database.
    pub fn ingest_dir(dir: &Path) -> PathBuf {
        dir.join("ingest")
    }

    /// Waits until the replica has applied `sequence`; returns how long that took.
    pub async fn caught_up(&self, sequence: u64, patience: Duration) -> Result<Duration> {
        let mut client = QueryServiceClient::new(self.query.connect().await?);
        let start = Instant::now();
        loop {
            let status = client
                .get_replication_status(GetReplicationStatusRequest {})
                .await
                .map_err(Error::rpc("GetReplicationStatus"))?
                .into_inner();
            if status.applied_sequence >= sequence {
                return Ok(start.elapsed());
            }
            if start.elapsed() > patience {
                return Err(Error::Timeout(format!(
                    "the replica applied sequence {} of {sequence} in {patience:?}",
                    status.applied_sequence
                )));
            }
            tokio::time::sleep(POLL).await;
        }
    }
}

fn vm_rss_kib(status: &str) -> Option<u64> {
    crate::machine::kib(status, "VmRSS")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_resident_memory_from_proc_status() {
        let status = "Name:\thoptac\nVmPeak:\t  123456 kB\nVmRSS:\t   40960 kB\nThreads:\t5\n";
        assert_eq!(vm_rss_kib(status), Some(40960));
        assert_eq!(vm_rss_kib("Name:\tx\n"), None);
        let mine = std::fs::read_to_string("/proc/self/status").expect("Linux");
        assert!(vm_rss_kib(&mine).is_some_and(|k| k > 0));
    }
}
