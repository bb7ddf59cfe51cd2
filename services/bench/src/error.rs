//! What can stop a benchmark run, with enough said to act on it.

/// An error of a benchmark run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A service process could not be started.
    #[error("could not start {service} with {program}: {source}")]
    Spawn {
        /// Which service.
        service: &'static str,
        /// The launcher it was started with.
        program: String,
        /// Why.
        source: std::io::Error,
    },
    /// A service process ended, or said nothing, before it printed its address.
    #[error("{service} did not start listening: {detail}")]
    NotListening {
        /// Which service.
        service: &'static str,
        /// What was seen instead.
        detail: String,
    },
    /// A service could not be reached.
    #[error("could not connect to {url}: {source}")]
    Connect {
        /// Where.
        url: String,
        /// Why.
        source: tonic::transport::Error,
    },
    /// A call failed.
    #[error("{call} failed: {status}")]
    Rpc {
        /// The RPC.
        call: &'static str,
        /// Its status.
        status: Box<tonic::Status>,
    },
    /// A service did not do what the benchmark waits for in time (the replica catching up, a
    /// watched record arriving).
    #[error("{0}")]
    Timeout(String),
    /// A service answered something the benchmark cannot count on (a duplicate where every
    /// article is new, a record missing).
    #[error("{0}")]
    Unexpected(String),
    /// Reading /proc or a temp dir failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The benchmark's own sled database failed.
    #[error("sled: {0}")]
    Sled(#[from] sled::Error),
    /// Preparing articles the ingest service's way failed.
    #[error("preparing articles: {0}")]
    Prepare(#[from] hoptac_ingest::error::Error),
}

impl Error {
    /// A failed call.
    pub fn rpc(call: &'static str) -> impl FnOnce(tonic::Status) -> Error {
        move |status| Error::Rpc {
            call,
            status: Box::new(status),
        }
    }
}

/// The result of a benchmark step.
pub type Result<T, E = Error> = std::result::Result<T, E>;
