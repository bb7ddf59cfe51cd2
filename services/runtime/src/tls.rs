//! TLS for both services, with rustls: the listener's certificate from PEM files, and client
//! endpoints that speak TLS to `https://` URLs.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use tonic::transport::{Certificate, ClientTlsConfig, Endpoint, Identity, Server, ServerTlsConfig};

/// `--tls-cert` and `--tls-key` of both services' `serve`: TLS on the listener when given.
#[derive(Debug, Clone, Default, Args)]
pub struct ServerTlsArgs {
    /// PEM certificate chain to serve TLS with (needs --tls-key); unset serves plaintext.
    #[arg(long, env = "HOPTAC_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// PEM private key of --tls-cert.
    #[arg(long, env = "HOPTAC_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
}

impl ServerTlsArgs {
    /// A gRPC server builder serving TLS when a certificate is given, plaintext otherwise.
    pub fn server(&self) -> anyhow::Result<Server> {
        let builder = Server::builder();
        match self.server_config()? {
            Some(tls) => builder
                .tls_config(tls)
                .context("the TLS certificate or key is not usable"),
            None => Ok(builder),
        }
    }

    /// `https` when the listener serves TLS, else `http`: how clients must address it.
    pub fn scheme(&self) -> &'static str {
        if self.tls_cert.is_some() {
            "https"
        } else {
            "http"
        }
    }

    /// The listener's TLS configuration, or `None` for plaintext. Reads both files now, so that
    /// a wrong path stops the service at start rather than at its first connection.
    pub fn server_config(&self) -> anyhow::Result<Option<ServerTlsConfig>> {
        let (Some(cert), Some(key)) = (&self.tls_cert, &self.tls_key) else {
            return Ok(None);
        };
        let identity =
            Identity::from_pem(read_pem(cert, "--tls-cert")?, read_pem(key, "--tls-key")?);
        Ok(Some(ServerTlsConfig::new().identity(identity)))
    }
}

/// `--tls-ca` of the commands that connect to a service: which certificates to trust over TLS.
#[derive(Debug, Clone, Default, Args)]
pub struct ClientTlsArgs {
    /// PEM certificate(s) to trust when the service's URL is https:// (a self-signed
    /// certificate, or the CA that signed it); unset trusts the public web's roots.
    #[arg(long, env = "HOPTAC_TLS_CA")]
    pub tls_ca: Option<PathBuf>,
}

impl ClientTlsArgs {
    /// An endpoint for `url` trusting these certificates (see [`endpoint`]).
    pub fn endpoint(&self, url: &str) -> anyhow::Result<Endpoint> {
        endpoint(url, self.tls_ca.as_deref())
    }
}

/// An endpoint for `url` that speaks TLS when the URL is `https://`, trusting the PEM
/// certificates in `ca`, or the public web's roots when `ca` is `None`.
pub fn endpoint(url: &str, ca: Option<&Path>) -> anyhow::Result<Endpoint> {
    let endpoint = Endpoint::from_shared(url.to_string())
        .with_context(|| format!("`{url}` is not a URL (e.g. http://127.0.0.1:50051)"))?;
    if endpoint.uri().scheme_str() != Some("https") {
        return Ok(endpoint);
    }
    let tls = match ca {
        Some(path) => ClientTlsConfig::new()
            .ca_certificate(Certificate::from_pem(read_pem(path, "--tls-ca")?)),
        None => ClientTlsConfig::new().with_webpki_roots(),
    };
    endpoint
        .tls_config(tls)
        .with_context(|| format!("cannot set up TLS for {url}"))
}

fn read_pem(path: &Path, flag: &str) -> anyhow::Result<Vec<u8>> {
    let pem =
        std::fs::read(path).with_context(|| format!("cannot read {flag} {}", path.display()))?;
    anyhow::ensure!(
        pem.windows(10).any(|w| w == b"-----BEGIN"),
        "{flag} {} is not a PEM file",
        path.display()
    );
    Ok(pem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_urls_stay_plaintext_and_https_needs_a_readable_ca() {
        assert!(endpoint("http://127.0.0.1:50051", None).is_ok());
        assert!(endpoint("https://ingest.example:50051", None).is_ok());
        let err = endpoint(
            "https://ingest.example:50051",
            Some(Path::new("/nonexistent/ca.pem")),
        )
        .expect_err("refused");
        assert!(
            format!("{err:#}").contains("--tls-ca /nonexistent/ca.pem"),
            "{err:#}"
        );
        assert!(endpoint("not a url", None).is_err());
    }

    #[test]
    fn a_key_that_is_not_pem_is_refused_at_start() {
        let dir = tempfile::tempdir().expect("temp dir");
        let junk = dir.path().join("key.der");
        std::fs::write(&junk, [0x30, 0x82, 0x01]).expect("written");
        let args = ServerTlsArgs {
            tls_cert: Some(junk.clone()),
            tls_key: Some(junk),
        };
        let err = args.server_config().expect_err("refused");
        assert!(err.to_string().contains("is not a PEM file"), "{err}");
        assert!(ServerTlsArgs::default()
            .server_config()
            .expect("ok")
            .is_none());
    }
}
