//! Bearer-token authentication for the business RPCs (health and reflection stay open).

use std::sync::Arc;

use subtle::ConstantTimeEq;
use tonic::{service::Interceptor, Request, Status};

/// Requires `authorization: Bearer TOKEN` when a token is configured; lets everything through
/// otherwise.
#[derive(Clone, Default)]
pub struct BearerAuth {
    expected: Option<Arc<[u8]>>,
}

impl BearerAuth {
    /// An interceptor that requires `token`, or nothing when `None` or empty (an environment
    /// variable set to nothing means no token).
    pub fn new(token: Option<&str>) -> Self {
        Self {
            expected: token
                .filter(|t| !t.is_empty())
                .map(|t| Arc::from(format!("Bearer {t}").into_bytes())),
        }
    }
}

impl Interceptor for BearerAuth {
    fn call(&mut self, request: Request<()>) -> Result<Request<()>, Status> {
        let Some(expected) = &self.expected else {
            return Ok(request);
        };
        match request.metadata().get("authorization") {
            // Constant-time comparison so response timing does not reveal the token.
            Some(given) if bool::from(given.as_bytes().ct_eq(expected)) => Ok(request),
            Some(_) => Err(Status::unauthenticated("the bearer token is wrong")),
            None => Err(Status::unauthenticated(
                "this service requires `authorization: Bearer TOKEN` metadata",
            )),
        }
    }
}

/// Adds `authorization: Bearer TOKEN` to outgoing requests when a token is set.
#[derive(Clone, Default)]
pub struct BearerToken {
    header: Option<tonic::metadata::MetadataValue<tonic::metadata::Ascii>>,
}

impl BearerToken {
    /// Attaches `token` to every request; `None` or empty attaches nothing. Fails on a token
    /// that is not valid header text.
    pub fn new(token: Option<&str>) -> anyhow::Result<Self> {
        let header = token
            .filter(|t| !t.is_empty())
            .map(|t| format!("Bearer {t}").parse())
            .transpose()
            .map_err(|_| anyhow::anyhow!("the token must be printable ASCII"))?;
        Ok(Self { header })
    }
}

impl Interceptor for BearerToken {
    fn call(&mut self, mut request: Request<()>) -> Result<Request<()>, Status> {
        if let Some(header) = &self.header {
            request
                .metadata_mut()
                .insert("authorization", header.clone());
        }
        Ok(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_header(value: Option<&str>) -> Request<()> {
        let mut request = Request::new(());
        if let Some(v) = value {
            request
                .metadata_mut()
                .insert("authorization", v.parse().expect("ascii"));
        }
        request
    }

    #[test]
    fn the_right_token_passes_and_others_are_unauthenticated() {
        let mut auth = BearerAuth::new(Some("s3cret"));
        assert!(auth.call(with_header(Some("Bearer s3cret"))).is_ok());
        for bad in [Some("Bearer wrong"), Some("s3cret"), None] {
            let status = auth.call(with_header(bad)).expect_err("refused");
            assert_eq!(status.code(), tonic::Code::Unauthenticated);
        }
    }

    #[test]
    fn without_a_configured_token_everything_passes() {
        assert!(BearerAuth::new(None).call(with_header(None)).is_ok());
        // `HOPTAC_INGEST_TOKEN=` (set to nothing, as compose passes an unset variable).
        assert!(BearerAuth::new(Some("")).call(with_header(None)).is_ok());
        let mut sender = BearerToken::new(Some("")).expect("empty is fine");
        let sent = sender.call(with_header(None)).expect("passes");
        assert!(sent.metadata().get("authorization").is_none());
    }
}
