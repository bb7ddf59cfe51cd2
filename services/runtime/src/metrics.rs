//! Prometheus metrics for both services: one registry per service, served as text on its own
//! port (`--metrics-addr`), and a tower layer that counts and times every gRPC call by method
//! and status code.
//!
//! The layer reads the status where gRPC puts it: in the response headers when a call fails
//! before answering, otherwise in the trailers after the last message. So a streaming call is
//! counted, with its code, when its stream ends, and its duration is the whole stream's.

use std::{
    future::Future,
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
    time::Instant,
};

use anyhow::Context as _;
use http_body::{Body, Frame, SizeHint};
use prometheus_client::{
    encoding::EncodeLabelSet,
    metrics::histogram::{exponential_buckets, Histogram},
    registry::Unit,
};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

/// What a service needs to define metrics of its own beside the gRPC ones.
pub use prometheus_client::{
    collector::Collector,
    encoding::{DescriptorEncoder, EncodeMetric},
    metrics::{counter::Counter, family::Family, gauge::ConstGauge},
    registry::Registry,
};

/// The method label of calls to paths no service serves.
const UNROUTED: &str = "unrouted";

/// Labels of a finished call.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CallLabels {
    method: String,
    code: &'static str,
}

/// Labels of a call's duration.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct MethodLabels {
    method: String,
}

/// Call counts by method and code, and durations by method, of one gRPC server.
#[derive(Clone, Debug)]
pub struct GrpcMetrics {
    calls: Family<CallLabels, Counter>,
    durations: Family<MethodLabels, Histogram>,
}

impl GrpcMetrics {
    /// Registers `grpc_requests_total` and `grpc_request_duration_seconds` in `registry`.
    pub fn register(registry: &mut Registry) -> Self {
        let calls = Family::<CallLabels, Counter>::default();
        // 0.25 ms to about 8 s: a cached unary read to a long backlog stream.
        let durations = Family::<MethodLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.000_25, 2.0, 16))
        });
        registry.register(
            "grpc_requests",
            "Finished gRPC calls by method (/package.Service/Method) and status code",
            calls.clone(),
        );
        registry.register_with_unit(
            "grpc_request_duration",
            "Time from a call's arrival to its status (a stream's whole life)",
            Unit::Seconds,
            durations.clone(),
        );
        Self { calls, durations }
    }

    /// The tower layer that feeds these metrics; add it to the server builder.
    pub fn layer(&self) -> GrpcMetricsLayer {
        GrpcMetricsLayer {
            metrics: Arc::new(self.clone()),
        }
    }

    fn record(&self, method: String, code: tonic::Code, started: Instant) {
        // A path no service routes is the caller's choice: keeping it as a label would let any
        // client grow the registry without bound. Served methods never answer UNIMPLEMENTED.
        let method = if code == tonic::Code::Unimplemented {
            UNROUTED.to_string()
        } else {
            method
        };
        self.durations
            .get_or_create(&MethodLabels {
                method: method.clone(),
            })
            .observe(started.elapsed().as_secs_f64());
        self.calls
            .get_or_create(&CallLabels {
                method,
                code: code_name(code),
            })
            .inc();
    }
}

/// Starts serving `registry` on `listener`, when there is one, and prints
/// "`SERVICE` metrics on http://ADDR/metrics" on stdout for scripts and tests to read.
pub fn spawn(
    service: &str,
    listener: Option<TcpListener>,
    registry: Registry,
    shutdown: CancellationToken,
) -> anyhow::Result<Option<tokio::task::JoinHandle<()>>> {
    let Some(listener) = listener else {
        return Ok(None);
    };
    let addr = listener.local_addr()?;
    println!("{service} metrics on http://{addr}/metrics");
    Ok(Some(tokio::spawn(async move {
        if let Err(err) = serve(listener, Arc::new(registry), shutdown).await {
            tracing::error!(error = %err, "metrics are no longer served");
        }
    })))
}

/// Serves `registry` as Prometheus text on `GET /metrics` until `shutdown` fires.
pub async fn serve(
    listener: TcpListener,
    registry: Arc<Registry>,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let app = axum::Router::new().route(
        "/metrics",
        axum::routing::get(move || {
            let registry = registry.clone();
            async move { exposition(&registry) }
        }),
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown.cancelled_owned())
        .await
        .context("the metrics listener failed")
}

/// The registry in the OpenMetrics text format Prometheus scrapes.
pub fn render(registry: &Registry) -> Result<String, std::fmt::Error> {
    let mut text = String::new();
    prometheus_client::encoding::text::encode(&mut text, registry)?;
    Ok(text)
}

/// The HTTP answer to a scrape.
fn exposition(registry: &Registry) -> axum::response::Response {
    use axum::response::IntoResponse;
    match render(registry) {
        Ok(text) => (
            [(
                http::header::CONTENT_TYPE,
                "application/openmetrics-text; version=1.0.0; charset=utf-8",
            )],
            text,
        )
            .into_response(),
        Err(_) => http::StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// gRPC's name of a status code ("OK", "INVALID_ARGUMENT"), as logs and dashboards spell it.
pub fn code_name(code: tonic::Code) -> &'static str {
    use tonic::Code;
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

/// The code in a `grpc-status` header or trailer, if there is one.
fn status_in(headers: &http::HeaderMap) -> Option<tonic::Code> {
    let value = headers.get("grpc-status")?;
    Some(tonic::Code::from_bytes(value.as_bytes()))
}

/// Wraps a gRPC server's services so that every call is counted and timed.
#[derive(Clone, Debug)]
pub struct GrpcMetricsLayer {
    metrics: Arc<GrpcMetrics>,
}

impl<S> tower_layer::Layer<S> for GrpcMetricsLayer {
    type Service = Metered<S>;

    fn layer(&self, inner: S) -> Metered<S> {
        Metered {
            inner,
            metrics: self.metrics.clone(),
        }
    }
}

/// A service whose calls are counted and timed.
#[derive(Clone, Debug)]
pub struct Metered<S> {
    inner: S,
    metrics: Arc<GrpcMetrics>,
}

/// A call under way: recorded exactly once, when its status is known or it is abandoned.
struct Call {
    metrics: Arc<GrpcMetrics>,
    method: String,
    started: Instant,
}

impl Call {
    fn finish(self, code: tonic::Code) {
        self.metrics.record(self.method, code, self.started);
    }
}

impl<S, ReqBody, ResBody> tower_service::Service<http::Request<ReqBody>> for Metered<S>
where
    S: tower_service::Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
{
    type Response = http::Response<MeteredBody<ResBody>>;
    type Error = S::Error;
    type Future = MeteredFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        let call = Call {
            metrics: self.metrics.clone(),
            method: request.uri().path().to_string(),
            started: Instant::now(),
        };
        MeteredFuture {
            inner: self.inner.call(request),
            call: Some(call),
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`Metered`].
    pub struct MeteredFuture<F> {
        #[pin]
        inner: F,
        call: Option<Call>,
    }
}

impl<F, ResBody, E> Future for MeteredFuture<F>
where
    F: Future<Output = Result<http::Response<ResBody>, E>>,
{
    type Output = Result<http::Response<MeteredBody<ResBody>>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let result = std::task::ready!(this.inner.poll(cx));
        let Some(call) = this.call.take() else {
            // Polled again after completing: the caller broke the Future contract.
            return Poll::Pending;
        };
        Poll::Ready(match result {
            Ok(response) => {
                // A call that fails before answering carries its status in the headers.
                let call = match status_in(response.headers()) {
                    Some(code) => {
                        call.finish(code);
                        None
                    }
                    None => Some(call),
                };
                Ok(response.map(|inner| MeteredBody { inner, call }))
            }
            Err(err) => {
                call.finish(tonic::Code::Unknown);
                Err(err)
            }
        })
    }
}

pin_project_lite::pin_project! {
    /// A response body that records its call when the trailers with the status go out, or as
    /// CANCELLED when the client goes away first.
    pub struct MeteredBody<B> {
        #[pin]
        inner: B,
        call: Option<Call>,
    }

    impl<B> PinnedDrop for MeteredBody<B> {
        fn drop(this: Pin<&mut Self>) {
            if let Some(call) = this.project().call.take() {
                call.finish(tonic::Code::Cancelled);
            }
        }
    }
}

impl<B: Body> Body for MeteredBody<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = self.project();
        let frame = std::task::ready!(this.inner.poll_frame(cx));
        let code = match &frame {
            Some(Ok(frame)) => frame
                .trailers_ref()
                .map(|t| status_in(t).unwrap_or(tonic::Code::Unknown)),
            Some(Err(_)) => Some(tonic::Code::Unknown),
            // Ended without trailers: not a well-formed gRPC answer.
            None => Some(tonic::Code::Unknown),
        };
        if let Some(code) = code {
            if let Some(call) = this.call.take() {
                call.finish(code);
            }
        }
        Poll::Ready(frame)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scrape(registry: &Registry) -> String {
        render(registry).expect("encodes")
    }

    #[test]
    fn calls_are_counted_by_method_and_code_under_the_registry_prefix() {
        let mut registry = Registry::with_prefix("hoptac");
        let metrics = GrpcMetrics::register(&mut registry);
        let started = Instant::now();
        let method = "/hoptac.v1.QueryService/GetAgreement";
        metrics.record(method.into(), tonic::Code::Ok, started);
        metrics.record(method.into(), tonic::Code::Ok, started);
        metrics.record(method.into(), tonic::Code::NotFound, started);
        let text = scrape(&registry);
        assert!(text.contains(
            "hoptac_grpc_requests_total{method=\"/hoptac.v1.QueryService/GetAgreement\",code=\"OK\"} 2"
        ), "{text}");
        assert!(text.contains("code=\"NOT_FOUND\"} 1"), "{text}");
        assert!(text.contains(
            "hoptac_grpc_request_duration_seconds_count{method=\"/hoptac.v1.QueryService/GetAgreement\"} 3"
        ), "{text}");
    }

    #[test]
    fn paths_no_service_serves_share_one_label() {
        let mut registry = Registry::with_prefix("hoptac");
        let metrics = GrpcMetrics::register(&mut registry);
        for path in ["/a.B/C", "/x.Y/Z", "/random"] {
            metrics.record(path.into(), tonic::Code::Unimplemented, Instant::now());
        }
        let text = scrape(&registry);
        assert!(
            text.contains(
                "hoptac_grpc_requests_total{method=\"unrouted\",code=\"UNIMPLEMENTED\"} 3"
            ),
            "{text}"
        );
        assert!(!text.contains("/random"), "{text}");
    }

    #[test]
    fn the_status_is_read_from_headers_or_trailers_and_a_missing_one_is_unknown() {
        let mut headers = http::HeaderMap::new();
        assert_eq!(status_in(&headers), None);
        headers.insert("grpc-status", http::HeaderValue::from_static("5"));
        assert_eq!(status_in(&headers), Some(tonic::Code::NotFound));
    }
}
