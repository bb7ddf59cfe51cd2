//! The grpc.health.v1 probe behind the `healthcheck` subcommands, and gRPC reflection.

use std::time::Duration;

use anyhow::Context;

/// Reflection over hoptac's descriptor set and health's, advertising only `services` (the
/// descriptor set describes both hoptac services; each process serves one) plus health and
/// reflection itself.
pub fn reflection(services: &[&str]) -> tonic_reflection::server::Builder<'static> {
    let mut builder = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(hoptac_api::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET);
    for name in services.iter().chain(&[
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    ]) {
        builder = builder.with_service_name(*name);
    }
    builder
}

/// Asks the service at `url` for its grpc.health.v1 status; Ok only when SERVING.
pub async fn healthcheck(url: &str, tls: &crate::tls::ClientTlsArgs) -> anyhow::Result<()> {
    use tonic_health::pb::{
        health_check_response::ServingStatus, health_client::HealthClient, HealthCheckRequest,
    };
    let channel = tls
        .endpoint(url)?
        .connect_timeout(Duration::from_secs(3))
        .timeout(Duration::from_secs(3))
        .connect()
        .await
        .with_context(|| format!("cannot connect to {url}"))?;
    let status = HealthClient::new(channel)
        .check(HealthCheckRequest {
            service: String::new(),
        })
        .await
        .context("health check failed")?
        .into_inner()
        .status();
    anyhow::ensure!(status == ServingStatus::Serving, "{url} is {status:?}");
    println!("{url} is SERVING");
    Ok(())
}
