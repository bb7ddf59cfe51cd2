//! Serving: the listeners, the gRPC services (IngestService behind auth and size limits, health,
//! reflection v1 and v1alpha), TLS, per-request tracing spans and metrics, and shutdown that
//! finishes every acknowledged write and never waits forever on an open stream.

use std::{net::SocketAddr, sync::Arc, time::Duration};

use anyhow::Context;
use hoptac_api::v1::ingest_service_server::IngestServiceServer;
use hoptac_extract::Extractor;
use hoptac_runtime::{
    auth::BearerAuth,
    limits::MessageLimitLayer,
    listen::Listeners,
    metrics::{GrpcMetrics, Registry},
};
use tokio_util::sync::CancellationToken;
use tonic::service::interceptor::InterceptedService;

use crate::{
    config::ServeArgs,
    input::Extract,
    metrics::IngestMetrics,
    service::{Ingest, Limits},
    store::{self, Database},
    writer::Writer,
};

/// Room for a request's fields and framing beside the body itself: the transport limit is at
/// least the article limit plus this, so that every body over the article limit that the
/// transport reads gets the article limit's answer.
const MESSAGE_OVERHEAD: usize = 64 * 1024;

/// Binds `args.listen` (and `args.metrics_addr`), prints the bound addresses on stdout, and
/// serves until SIGINT or SIGTERM.
pub async fn run(args: ServeArgs) -> anyhow::Result<()> {
    let listeners = Listeners::bind(args.listen, args.metrics_addr).await?;
    let shutdown = CancellationToken::new();
    tokio::spawn(hoptac_runtime::shutdown::cancel_on_signal(shutdown.clone()));
    serve(args, listeners, shutdown).await
}

/// Serves on `listeners` until `shutdown` fires, then stops taking requests, lets in-flight ones
/// finish for at most `args.shutdown_grace`, drains the writer and flushes.
pub async fn serve(
    args: ServeArgs,
    listeners: Listeners,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    serve_with(args, listeners, shutdown, Arc::new(Extractor::new())).await
}

/// [`serve`] with `extractor` making the records: tests of the service give it a stand-in
/// that answers with records built by hand.
pub async fn serve_with(
    args: ServeArgs,
    listeners: Listeners,
    shutdown: CancellationToken,
    extractor: Arc<dyn Extract>,
) -> anyhow::Result<()> {
    let addr: SocketAddr = listeners.grpc.local_addr()?;
    let builder = args.tls.server()?;
    let db = Arc::new(
        Database::open(&args.data_dir, args.cache_mib << 20).map_err(|err| {
            hoptac_runtime::storage::open_failed(&args.data_dir, "hoptac-ingest", &err)
        })?,
    );
    let (writer, writer_task) = Writer::spawn(db.clone())?;
    let unable = writer.unable();
    let mut registry = Registry::with_prefix("hoptac");
    let grpc_metrics = GrpcMetrics::register(&mut registry);
    let ingest_metrics = IngestMetrics::register(&mut registry, writer.durable());
    let ingest = Ingest::new(
        extractor,
        db.clone(),
        writer,
        Limits {
            max_body_bytes: args.max_article_bytes,
            max_changefeeds: args.max_changefeeds,
        },
        ingest_metrics,
        shutdown.clone(),
    );
    let transport_limit = args
        .max_message_bytes
        .max(args.max_article_bytes.saturating_add(MESSAGE_OVERHEAD));
    let ingest = InterceptedService::new(
        IngestServiceServer::new(ingest).max_decoding_message_size(transport_limit),
        BearerAuth::new(args.token.as_deref()),
    );
    let message_limit =
        MessageLimitLayer::new(crate::error::article_limit_hint(args.max_article_bytes));

    let (health_reporter, health) = tonic_health::server::health_reporter();
    health_reporter
        .set_serving::<IngestServiceServer<Ingest>>()
        .await;
    // While writes cannot succeed (a full disk) the service answers reads and changefeeds but
    // refuses every article: it is NOT_SERVING until the writer has reopened the database.
    tokio::spawn(hoptac_runtime::health::report_unable(
        unable,
        health_reporter,
        "hoptac.v1.IngestService",
        shutdown.clone(),
    ));
    let reflection = || hoptac_runtime::health::reflection(&["hoptac.v1.IngestService"]);
    let reflection_v1 = reflection().build_v1()?;
    let reflection_v1alpha = reflection().build_v1alpha()?;

    let head = store::current(&db)?.head()?;
    let scheme = args.tls.scheme();
    tracing::info!(%addr, scheme, data_dir = %args.data_dir.display(), head, "hoptac-ingest serving");
    // Plain lines on stdout that scripts and tests wait for to learn the bound ports.
    println!("hoptac-ingest listening on {addr}");
    let metrics = hoptac_runtime::metrics::spawn(
        "hoptac-ingest",
        listeners.metrics,
        registry,
        shutdown.clone(),
    )?;

    let server = builder
        .trace_fn(|request| tracing::info_span!("grpc", method = %request.uri().path()))
        .layer(grpc_metrics.layer())
        .layer(message_limit)
        .add_service(health)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(ingest)
        .serve_with_incoming_shutdown(
            hoptac_runtime::listen::incoming(listeners.grpc),
            shutdown.clone().cancelled_owned(),
        );

    // Graceful shutdown waits for every connection to close; the grace period bounds it.
    let grace = args.shutdown_grace;
    tokio::select! {
        served = server => served.context("the gRPC server failed")?,
        () = async { shutdown.cancelled().await; tokio::time::sleep(grace).await } => {
            tracing::warn!(?grace, "connections still open after the grace period; closing them");
        }
    }
    // The server and every handler are dropped: the writer drains what it was given and stops.
    if tokio::time::timeout(grace.max(Duration::from_secs(1)), writer_task)
        .await
        .is_err()
    {
        tracing::error!("the writer did not finish in time; unacknowledged writes may be lost");
    }
    let store = store::current(&db)?;
    store.flush().await?;
    if let Some(metrics) = metrics {
        metrics.abort();
    }
    tracing::info!(head = store.head()?, "hoptac-ingest stopped");
    Ok(())
}
