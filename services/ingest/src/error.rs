//! The ingest service's typed error, and the one place it becomes a `tonic::Status`.

use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

/// Everything that can go wrong while serving a request.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The request is malformed; `field` names the part at fault.
    #[error("{field}: {reason}")]
    InvalidArgument {
        /// The request field at fault, as a path ("article.text").
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// The article body exceeds the configured limit.
    #[error("{field} is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// The request field at fault.
        field: &'static str,
        /// Its size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A changefeed cursor beyond the end of the log.
    #[error("after_sequence {after} is past the log's last sequence {head}")]
    PastHead {
        /// The sequence asked for.
        after: u64,
        /// The last durable sequence.
        head: u64,
    },
    /// As many streams of this kind are open as the service serves at once.
    #[error(transparent)]
    TooManyStreams(#[from] hoptac_runtime::streams::Full),
    /// The service is stopping; the caller should retry elsewhere or later.
    #[error("the service is shutting down; {resume}")]
    ShuttingDown {
        /// How to continue.
        resume: String,
    },
    /// The operation is already running; the caller should wait for it rather than start it
    /// twice.
    #[error("{0}")]
    Busy(String),
    /// The disk holding the database is full: no write can succeed until space is freed.
    #[error(
        "the disk is full: the service refuses writes until its operator frees space (reads and \
         changefeeds still work); retry later"
    )]
    DiskFull,
    /// Writes are paused after the database failed to store a batch, until it is reopened.
    #[error("writes are paused after a storage failure ({0}); retry later")]
    WritesPaused(String),
    /// The database is being reopened after a failed write.
    #[error("the database is being reopened after a failed write; retry in a moment")]
    Reopening,
    /// sled failed.
    #[error("storage failed: {0}")]
    Storage(#[from] sled::Error),
    /// A stored value does not decode: the database is damaged.
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// The batch this write belonged to could not be stored or flushed.
    #[error("writing the batch failed: {0}")]
    WriteFailed(String),
    /// Extraction crashed on this input (a bug; the input is logged).
    #[error("extraction failed: {0}")]
    Extraction(String),
}

impl Error {
    /// The gRPC code a caller sees for this error.
    pub fn code(&self) -> Code {
        match self {
            Error::InvalidArgument { .. } => Code::InvalidArgument,
            Error::TooLarge { .. } | Error::TooManyStreams(_) => Code::ResourceExhausted,
            Error::PastHead { .. } => Code::OutOfRange,
            Error::ShuttingDown { .. } => Code::Unavailable,
            Error::Busy(_) => Code::Aborted,
            Error::DiskFull => Code::ResourceExhausted,
            Error::WritesPaused(_) | Error::Reopening => Code::Unavailable,
            Error::Storage(_)
            | Error::Corrupt(_)
            | Error::WriteFailed(_)
            | Error::Extraction(_) => Code::Internal,
        }
    }

    /// Whether this is sled failing for lack of space on the disk.
    pub fn is_disk_full(&self) -> bool {
        matches!(self, Error::Storage(e) if hoptac_runtime::storage::is_disk_full(e))
    }

    /// The request field at fault, for errors about the request.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::InvalidArgument { field, .. } | Error::TooLarge { field, .. } => Some(field),
            _ => None,
        }
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

/// What a caller whose message was too large may send instead.
pub fn article_limit_hint(max_article_bytes: usize) -> String {
    format!(
        "an article body may be at most {max_article_bytes} bytes (--max-article-bytes); send \
         larger pages trimmed to the article"
    )
}

impl From<Error> for Status {
    fn from(err: Error) -> Status {
        let message = err.to_string();
        match err.field() {
            Some(field) if err.code() == Code::InvalidArgument => Status::with_error_details(
                Code::InvalidArgument,
                message.clone(),
                ErrorDetails::with_bad_request_violation(field, message),
            ),
            _ => Status::new(err.code(), message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_argument_names_the_field_in_message_and_details() {
        let status = Status::from(Error::InvalidArgument {
            field: "article.text",
            reason: "must not be empty".into(),
        });
        assert_eq!(status.code(), Code::InvalidArgument);
        assert!(status.message().contains("article.text"));
        let details = status.get_error_details();
        let violations = &details
            .bad_request()
            .expect("bad request details")
            .field_violations;
        assert_eq!(violations[0].field, "article.text");
    }

    #[test]
    fn too_large_is_resource_exhausted_and_says_the_limit() {
        let status = Status::from(Error::TooLarge {
            field: "article.text",
            size: 3_000_000,
            limit: 2_097_152,
        });
        assert_eq!(status.code(), Code::ResourceExhausted);
        assert!(status.message().contains("2097152"));
    }
}
