//! The hoptac query service, the read side of hoptac: a replica that follows the ingest
//! service's changefeed into its own sled database, keeps secondary indexes, and answers
//! streaming and paged queries over agreements and visits.
//!
//! One module per concern: [`config`] (flags and environment), [`follow`] (the follower),
//! [`store`] (the sled trees and atomic apply), [`index`] (index keys and cursors), [`record`]
//! (one view over both record kinds), [`metrics`] (replication and watcher gauges), [`filter`] (checked queries), [`service`] (the gRPC
//! handlers), [`watch`] (live record streams), [`server`] (serving and shutdown), [`error`] (the
//! one mapping to `tonic::Status`), [`cli`].

pub mod cli;
pub mod config;
pub mod error;
pub mod filter;
pub mod follow;
pub mod index;
pub mod metrics;
pub mod record;
pub mod server;
pub mod service;
pub mod store;
pub mod watch;
