//! The grpc.health.v1 probe behind the `healthcheck` subcommands, the status a service reports
//! while it cannot do its job, and gRPC reflection.

use std::time::Duration;

use anyhow::Context;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;
use tonic_health::{server::HealthReporter, ServingStatus};

/// The descriptor sets reflection serves: hoptac's, health's, and google.rpc's error details,
/// so that grpcurl can print the details an error carries (a BadRequest's field violations)
/// instead of undecodable bytes.
const DESCRIPTOR_SETS: [&[u8]; 3] = [
    hoptac_api::FILE_DESCRIPTOR_SET,
    tonic_health::pb::FILE_DESCRIPTOR_SET,
    tonic_types::pb::FILE_DESCRIPTOR_SET,
];

/// Reflection over [`DESCRIPTOR_SETS`], advertising only `services` (the hoptac descriptor
/// set describes both hoptac services; each process serves one) plus health and reflection
/// itself.
pub fn reflection(services: &[&str]) -> tonic_reflection::server::Builder<'static> {
    let mut builder = DESCRIPTOR_SETS.iter().fold(
        tonic_reflection::server::Builder::configure(),
        |builder, set| builder.register_encoded_file_descriptor_set(set),
    );
    for name in services.iter().chain(&[
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    ]) {
        builder = builder.with_service_name(*name);
    }
    builder
}

/// Keeps the grpc.health.v1 status of the whole server ("") and of `service` SERVING while
/// `unable` holds `None`, and NOT_SERVING, with the reason logged, while it holds why the
/// service cannot do its job (a full disk, a refused token). Returns when `shutdown` fires or
/// the sender is gone.
pub async fn report_unable(
    mut unable: watch::Receiver<Option<String>>,
    reporter: HealthReporter,
    service: &'static str,
    shutdown: CancellationToken,
) {
    loop {
        let status = match unable.borrow_and_update().as_deref() {
            Some(reason) => {
                tracing::error!(reason, "health is NOT_SERVING");
                ServingStatus::NotServing
            }
            None => ServingStatus::Serving,
        };
        for name in ["", service] {
            reporter.set_service_status(name, status).await;
        }
        tokio::select! {
            changed = unable.changed() => if changed.is_err() { return },
            () = shutdown.cancelled() => return,
        }
    }
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

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use prost::Message;

    use super::DESCRIPTOR_SETS;

    #[test]
    fn every_file_reflection_serves_has_its_imports_served_too() {
        // grpcurl resolves a message by fetching its file and then each import by name; a
        // missing import makes the whole file unusable.
        let files: Vec<_> = DESCRIPTOR_SETS
            .iter()
            .flat_map(|set| {
                prost_types::FileDescriptorSet::decode(*set)
                    .expect("descriptor set decodes")
                    .file
            })
            .collect();
        let names: HashSet<_> = files.iter().filter_map(|f| f.name.clone()).collect();
        let error_details = files.iter().find(|f| {
            f.package() == "google.rpc" && f.message_type.iter().any(|m| m.name() == "BadRequest")
        });
        assert!(
            error_details.is_some(),
            "google.rpc.BadRequest served: {names:?}"
        );
        for file in &files {
            for import in &file.dependency {
                assert!(names.contains(import), "{:?} imports {import}", file.name);
            }
        }
    }
}
