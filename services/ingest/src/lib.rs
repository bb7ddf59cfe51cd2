//! The hoptac ingest service (being built): for now the `extract` command.

pub mod cli;
pub mod config;
pub mod convert;
