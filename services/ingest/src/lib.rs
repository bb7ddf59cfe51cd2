//! The hoptac ingest service, the write side of hoptac: articles in over gRPC, their extraction
//! stored durably in sled with an append-only log, and that log served as a changefeed.
//!
//! One module per concern: [`config`] (flags and environment), [`input`] (checking what callers
//! send), [`store`] (the sled trees), [`writer`] (the single group-commit writer), [`feed`] (the
//! changefeed), [`service`] (the gRPC handlers), [`server`] (serving, reflection, health,
//! shutdown), [`error`] (the one mapping to `tonic::Status`), [`convert`] (domain to protobuf),
//! [`reextract`] (the current extractor over stored articles), [`metrics`] (its Prometheus
//! metrics), [`load`] with [`manifest`] (bulk import) and [`cli`]
//! (the command line). Auth, logging, signals and health come from
//! `hoptac-runtime`, shared with the query service.

pub mod cli;
pub mod config;
pub mod convert;
pub mod error;
pub mod feed;
pub mod input;
pub mod load;
pub mod manifest;
pub mod metrics;
pub mod reextract;
pub mod server;
pub mod service;
pub mod store;
pub mod writer;
