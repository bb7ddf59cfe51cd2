//! What both hoptac services need to run, kept in one place so they behave alike: flag parsing
//! ([`config`]), log setup ([`telemetry`]), shutdown on SIGINT/SIGTERM ([`shutdown`]),
//! bearer-token auth ([`auth`]), the grpc.health.v1 probe, the health a service reports while it
//! cannot work, and reflection ([`health`]), the transport's message limit ([`limits`]), bounds
//! on server streams ([`streams`]), opening their sled databases and reopening them after a
//! failed write ([`storage`]), keeping events beside the records they are resolved from
//! ([`events`]), TLS ([`tls`]), their listeners ([`listen`]) and Prometheus
//! metrics ([`metrics`]).

pub mod auth;
pub mod config;
pub mod events;
pub mod health;
pub mod limits;
pub mod listen;
pub mod metrics;
pub mod shutdown;
pub mod storage;
pub mod streams;
pub mod telemetry;
pub mod tls;
