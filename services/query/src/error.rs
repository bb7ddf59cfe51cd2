//! The query service's typed error, and the one place it becomes a `tonic::Status`.

use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

/// Everything that can go wrong while answering a query.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The request is malformed; `field` names the part at fault.
    #[error("{field}: {reason}")]
    InvalidArgument {
        /// The request field at fault ("filter.places").
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// No record or article has this id.
    #[error("no {what} with id {}", hoptac_runtime::limits::excerpt(id))]
    NotFound {
        /// "agreement", "visit", "event" or "article".
        what: &'static str,
        /// The id asked for.
        id: String,
    },
    /// A watch asked to start after a sequence this replica has not applied yet.
    #[error(
        "after_sequence {after} is past the last sequence this replica has applied ({head}); \
         a sequence from the ingest service may be ahead of the replica: retry once it has \
         caught up, or watch from {head}"
    )]
    PastHead {
        /// The sequence asked for.
        after: u64,
        /// The last sequence applied.
        head: u64,
    },
    /// As many streams of this kind are open as the service serves at once.
    #[error(transparent)]
    TooManyStreams(#[from] hoptac_runtime::streams::Full),
    /// The service is stopping; `resume` says how to continue elsewhere or later.
    #[error("the service is shutting down; {resume}")]
    ShuttingDown {
        /// How to continue.
        resume: String,
    },
    /// The database is being reopened after a failed write.
    #[error("the replica's database is being reopened after a failed write; retry in a moment")]
    Reopening,
    /// sled failed.
    #[error("storage failed: {0}")]
    Storage(#[from] sled::Error),
    /// A stored value does not decode: the database is damaged.
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

impl Error {
    /// The gRPC code a caller sees for this error.
    pub fn code(&self) -> Code {
        match self {
            Error::InvalidArgument { .. } => Code::InvalidArgument,
            Error::NotFound { .. } => Code::NotFound,
            Error::PastHead { .. } => Code::OutOfRange,
            Error::TooManyStreams(_) => Code::ResourceExhausted,
            Error::ShuttingDown { .. } | Error::Reopening => Code::Unavailable,
            Error::Storage(_) | Error::Corrupt(_) => Code::Internal,
        }
    }
}

impl Error {
    /// Whether this is sled failing for lack of space on the disk.
    pub fn is_disk_full(&self) -> bool {
        matches!(self, Error::Storage(e) if hoptac_runtime::storage::is_disk_full(e))
    }
}

impl From<prost::DecodeError> for Error {
    fn from(err: prost::DecodeError) -> Self {
        Error::Corrupt(err.to_string())
    }
}

impl From<hoptac_runtime::events::Error> for Error {
    fn from(err: hoptac_runtime::events::Error) -> Self {
        match err {
            hoptac_runtime::events::Error::Storage(err) => Error::Storage(err),
            hoptac_runtime::events::Error::Corrupt(message) => Error::Corrupt(message),
        }
    }
}

impl From<Error> for Status {
    fn from(err: Error) -> Status {
        let message = err.to_string();
        match &err {
            Error::InvalidArgument { field, .. } => Status::with_error_details(
                Code::InvalidArgument,
                message.clone(),
                ErrorDetails::with_bad_request_violation(*field, message),
            ),
            _ => Status::new(err.code(), message),
        }
    }
}
