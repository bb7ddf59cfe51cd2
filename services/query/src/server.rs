//! Serving: the listeners, the follower, the QueryService (behind its optional token) with
//! health and reflection, TLS, metrics, and a shutdown that ends every open stream and never
//! waits forever.

use std::{net::SocketAddr, sync::Arc, time::Duration};

use anyhow::Context;
use hoptac_api::v1::query_service_server::QueryServiceServer;
use hoptac_gazetteer::Gazetteer;
use hoptac_runtime::{
    auth::{BearerAuth, BearerToken},
    listen::Listeners,
    metrics::{GrpcMetrics, Registry},
};
use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;
use tonic::service::interceptor::InterceptedService;

use crate::{
    config::ServeArgs,
    follow::{Follower, Replication},
    service::Queries,
    store::{self, Database},
};

/// Applied changes buffered for watchers; one further behind than this is told it lagged.
const WATCH_BUFFER: usize = 1024;

/// Binds `args.listen` (and `args.metrics_addr`), prints the bound addresses on stdout, and
/// serves until SIGINT or SIGTERM.
pub async fn run(args: ServeArgs) -> anyhow::Result<()> {
    let listeners = Listeners::bind(args.listen, args.metrics_addr).await?;
    let shutdown = CancellationToken::new();
    tokio::spawn(hoptac_runtime::shutdown::cancel_on_signal(shutdown.clone()));
    serve(args, listeners, shutdown).await
}

/// Follows the ingest service and serves queries on `listeners` until `shutdown` fires.
pub async fn serve(
    args: ServeArgs,
    listeners: Listeners,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let addr: SocketAddr = listeners.grpc.local_addr()?;
    let builder = args.tls.server()?;
    let upstream = args.ingest_tls.endpoint(&args.ingest_url)?;
    let db = Arc::new(
        Database::open(&args.data_dir, args.cache_mib << 20).map_err(|err| {
            hoptac_runtime::storage::open_failed(&args.data_dir, "hoptac-query", &err)
        })?,
    );
    let replication = Arc::new(Replication::default());
    let (events, _) = broadcast::channel(WATCH_BUFFER);
    let follower = Follower::new(
        db.clone(),
        replication.clone(),
        events.clone(),
        upstream,
        BearerToken::new(args.ingest_token.as_deref())?,
    )?;
    let mut registry = Registry::with_prefix("hoptac");
    let grpc_metrics = GrpcMetrics::register(&mut registry);
    crate::metrics::register(&mut registry, replication.clone(), events.clone());
    let following = tokio::spawn(follower.run(shutdown.clone()));
    let queries = Queries::new(
        db.clone(),
        args.max_watchers,
        Arc::new(Gazetteer::builtin()),
        replication.clone(),
        events,
        args.ingest_url.clone(),
        shutdown.clone(),
    );

    let (health_reporter, health) = tonic_health::server::health_reporter();
    health_reporter
        .set_serving::<QueryServiceServer<Queries>>()
        .await;
    // A replica whose token is refused answers, but only with what it had, and nothing will
    // change that until an operator fixes the token: it is NOT_SERVING meanwhile.
    tokio::spawn(hoptac_runtime::health::report_unable(
        replication.unable(),
        health_reporter,
        "hoptac.v1.QueryService",
        shutdown.clone(),
    ));
    let reflection = || hoptac_runtime::health::reflection(&["hoptac.v1.QueryService"]);
    let reflection_v1 = reflection().build_v1()?;
    let reflection_v1alpha = reflection().build_v1alpha()?;

    let scheme = args.tls.scheme();
    tracing::info!(%addr, scheme, data_dir = %args.data_dir.display(), ingest = %args.ingest_url, applied = store::current(&db)?.applied_sequence()?, "hoptac-query serving");
    // Plain lines on stdout that scripts and tests wait for to learn the bound ports.
    println!("hoptac-query listening on {addr}");
    let metrics = hoptac_runtime::metrics::spawn(
        "hoptac-query",
        listeners.metrics,
        registry,
        shutdown.clone(),
    )?;

    let server = builder
        .trace_fn(|request| tracing::info_span!("grpc", method = %request.uri().path()))
        .layer(grpc_metrics.layer())
        .add_service(health)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(InterceptedService::new(
            QueryServiceServer::new(queries),
            BearerAuth::new(args.token.as_deref()),
        ))
        .serve_with_incoming_shutdown(
            hoptac_runtime::listen::incoming(listeners.grpc),
            shutdown.clone().cancelled_owned(),
        );
    let grace = args.shutdown_grace;
    tokio::select! {
        served = server => served.context("the gRPC server failed")?,
        () = async { shutdown.cancelled().await; tokio::time::sleep(grace).await } => {
            tracing::warn!(?grace, "connections still open after the grace period; closing them");
        }
    }
    if tokio::time::timeout(grace.max(Duration::from_secs(1)), following)
        .await
        .is_err()
    {
        tracing::warn!("the follower did not stop in time");
    }
    if let Some(metrics) = metrics {
        metrics.abort();
    }
    tracing::info!(
        applied = store::current(&db)?.applied_sequence()?,
        "hoptac-query stopped"
    );
    Ok(())
}
