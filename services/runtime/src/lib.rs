//! What both hoptac services need to run, kept in one place so they behave alike: flag parsing
//! ([`config`]), log setup
//! ([`telemetry`]), shutdown on SIGINT/SIGTERM ([`shutdown`]), bearer-token auth ([`auth`]), and
//! the grpc.health.v1 probe and reflection ([`health`]), and opening their sled databases
//! ([`storage`]).

pub mod auth;
pub mod config;
pub mod health;
pub mod shutdown;
pub mod storage;
pub mod telemetry;
