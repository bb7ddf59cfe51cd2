//! The sockets a service serves on, bound before it starts: a bad address fails at once, and a
//! caller that asked for port 0 can read the port back.

use std::net::SocketAddr;

use anyhow::Context;
use tokio::net::TcpListener;
use tonic::transport::server::TcpIncoming;

/// The gRPC listener and, when metrics are wanted, the metrics listener.
#[derive(Debug)]
pub struct Listeners {
    /// Where gRPC calls arrive.
    pub grpc: TcpListener,
    /// Where Prometheus scrapes `/metrics`; `None` serves no metrics.
    pub metrics: Option<TcpListener>,
}

impl Listeners {
    /// Binds `grpc`, and `metrics` when given.
    pub async fn bind(grpc: SocketAddr, metrics: Option<SocketAddr>) -> anyhow::Result<Self> {
        let grpc = bind(grpc).await?;
        let metrics = match metrics {
            Some(addr) => Some(bind(addr).await?),
            None => None,
        };
        Ok(Self { grpc, metrics })
    }

    /// A gRPC listener without metrics.
    pub fn grpc_only(grpc: TcpListener) -> Self {
        Self {
            grpc,
            metrics: None,
        }
    }
}

/// The connections `listener` accepts, as a gRPC server takes them, with Nagle's algorithm off.
/// A server given its own listener does not set `TCP_NODELAY` itself, and with Nagle on, a small
/// response written after the peer's last segment waits for its delayed ACK: about 40 ms a call
/// on Linux, whatever the work took.
pub fn incoming(listener: TcpListener) -> TcpIncoming {
    TcpIncoming::from(listener).with_nodelay(Some(true))
}

async fn bind(addr: SocketAddr) -> anyhow::Result<TcpListener> {
    TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))
}
