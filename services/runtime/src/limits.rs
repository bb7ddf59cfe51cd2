//! The transport's limit on one request message, answered as RESOURCE_EXHAUSTED with the
//! limit named.
//!
//! tonic refuses a message over a server's decoding limit before any handler sees it, with
//! OUT_OF_RANGE "decoded message length too large". gRPC's status code guide calls a message
//! over a size limit RESOURCE_EXHAUSTED, and a caller needs to know what to shrink: this layer
//! rewrites that status in the answer's headers (where a call refused before its handler
//! carries it), and [`oversize`] lets a handler reading a request stream do the same.
//!
//! [`excerpt`] bounds what an error message echoes of a caller's input.

use std::{
    future::Future,
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
};

use tonic::{Code, Status};

/// The words tonic's decoder uses when a message is over the limit.
const TONIC_TOO_LARGE: &str = "decoded message length too large";

/// The RESOURCE_EXHAUSTED status replacing tonic's refusal of an oversized message, or `None`
/// when `status` is not that refusal. `hint` tells the caller what is allowed.
pub fn oversize(status: &Status, hint: &str) -> Option<Status> {
    if status.code() != Code::OutOfRange || !status.message().contains(TONIC_TOO_LARGE) {
        return None;
    }
    // tonic's words: "… found 5242940 bytes, the limit is: 4194304 bytes".
    let numbers: Vec<&str> = status
        .message()
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    let message = match numbers.as_slice() {
        [found, limit] => format!(
            "the request message is {found} bytes, over this service's transport limit of \
             {limit} bytes per message; {hint}"
        ),
        _ => format!("the request message is over this service's transport limit; {hint}"),
    };
    Some(Status::resource_exhausted(message))
}

/// Characters of a caller's string an error message repeats: enough to recognise an id or a
/// name, not enough to let a caller make the service send back a megabyte it was sent.
const EXCERPT_CHARS: usize = 48;

/// `text` quoted for an error message, cut to its first characters when long.
pub fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        None => format!("{text:?}"),
        Some((cut, _)) => format!("{:?}… ({} bytes)", &text[..cut], text.len()),
    }
}

/// Wraps a gRPC server's services so that an oversized request is RESOURCE_EXHAUSTED.
#[derive(Clone, Debug)]
pub struct MessageLimitLayer {
    hint: Arc<str>,
}

impl MessageLimitLayer {
    /// A layer whose answers end with `hint`, which says what a message may hold.
    pub fn new(hint: impl Into<Arc<str>>) -> Self {
        Self { hint: hint.into() }
    }
}

impl<S> tower_layer::Layer<S> for MessageLimitLayer {
    type Service = MessageLimit<S>;

    fn layer(&self, inner: S) -> MessageLimit<S> {
        MessageLimit {
            inner,
            hint: self.hint.clone(),
        }
    }
}

/// A service whose refusals of oversized requests name the limit.
#[derive(Clone, Debug)]
pub struct MessageLimit<S> {
    inner: S,
    hint: Arc<str>,
}

impl<S, ReqBody, ResBody> tower_service::Service<http::Request<ReqBody>> for MessageLimit<S>
where
    S: tower_service::Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = MessageLimitFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        MessageLimitFuture {
            inner: self.inner.call(request),
            hint: self.hint.clone(),
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`MessageLimit`].
    pub struct MessageLimitFuture<F> {
        #[pin]
        inner: F,
        hint: Arc<str>,
    }
}

impl<F, ResBody, E> Future for MessageLimitFuture<F>
where
    F: Future<Output = Result<http::Response<ResBody>, E>>,
{
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let mut response = std::task::ready!(this.inner.poll(cx))?;
        let replacement = Status::from_header_map(response.headers())
            .and_then(|status| oversize(&status, this.hint));
        if let Some(status) = replacement {
            let headers = response.headers_mut();
            for name in ["grpc-status", "grpc-message", "grpc-status-details-bin"] {
                headers.remove(name);
            }
            if let Err(err) = status.add_header(headers) {
                tracing::warn!(error = %err, "cannot rewrite an oversized request's status");
            }
        }
        Poll::Ready(Ok(response))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tonics_refusal_becomes_resource_exhausted_naming_both_sizes() {
        let tonic = Status::out_of_range(
            "Error, decoded message length too large: found 5242940 bytes, the limit is: \
             4194304 bytes",
        );
        let status =
            oversize(&tonic, "an article body may be at most 2097152 bytes").expect("rewritten");
        assert_eq!(status.code(), Code::ResourceExhausted);
        for part in ["5242940", "4194304", "2097152"] {
            assert!(status.message().contains(part), "{}", status.message());
        }
    }

    #[test]
    fn an_excerpt_quotes_short_text_whole_and_cuts_long_text() {
        assert_eq!(excerpt("7608bd97-a1"), "\"7608bd97-a1\"");
        let long = "Hà Nội ".repeat(10_000);
        let cut = excerpt(&long);
        assert!(cut.len() < 120, "{cut}");
        assert!(
            cut.starts_with("\"Hà Nội") && cut.ends_with("(100000 bytes)"),
            "{cut}"
        );
    }

    #[test]
    fn other_statuses_are_left_alone() {
        let past = Status::out_of_range("after_sequence 9 is past the log's last sequence 3");
        assert!(oversize(&past, "").is_none());
        assert!(oversize(&Status::internal(TONIC_TOO_LARGE), "").is_none());
    }
}
