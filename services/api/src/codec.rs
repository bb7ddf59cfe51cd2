//! The protobuf codec of hoptac's clients and servers: prost's, except for what a message that
//! does not decode is called. prost's codec answers INTERNAL for every such message, so a
//! client that sent a string that is not UTF-8 was told the server broke; a request is the
//! caller's to fix, so a request that does not decode is INVALID_ARGUMENT. A response that does
//! not decode stays INTERNAL.

use std::{any::type_name, marker::PhantomData};

use tonic::{
    codec::{BufferSettings, DecodeBuf, Decoder},
    Status,
};
use tonic_prost::ProstEncoder;

/// The codec the generated clients and servers use (`codec_path` in `build.rs`).
#[derive(Debug, Clone)]
pub struct Codec<T, U>(PhantomData<(T, U)>);

impl<T, U> Default for Codec<T, U> {
    fn default() -> Self {
        Self(PhantomData)
    }
}

impl<T, U> tonic::codec::Codec for Codec<T, U>
where
    T: prost::Message + Send + 'static,
    U: prost::Message + Default + Send + 'static,
{
    type Encode = T;
    type Decode = U;
    type Encoder = ProstEncoder<T>;
    type Decoder = MessageDecoder<U>;

    fn encoder(&mut self) -> Self::Encoder {
        ProstEncoder::default()
    }

    fn decoder(&mut self) -> Self::Decoder {
        MessageDecoder(PhantomData)
    }
}

/// Decodes `U`, naming the message and the field at fault when it cannot.
#[derive(Debug, Clone)]
pub struct MessageDecoder<U>(PhantomData<U>);

impl<U: prost::Message + Default> Decoder for MessageDecoder<U> {
    type Item = U;
    type Error = Status;

    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<U>, Status> {
        U::decode(buf)
            .map(Some)
            .map_err(|err| undecodable(type_name::<U>(), &err))
    }

    fn buffer_settings(&self) -> BufferSettings {
        BufferSettings::default()
    }
}

/// The status for a message of type `type_path` that does not decode. Every request message of
/// the API is named `…Request` (buf lint's RPC_REQUEST_STANDARD_NAME holds us to it), so the
/// name tells a request, which the caller sent, from a response, which the server sent.
fn undecodable(type_path: &str, err: &prost::DecodeError) -> Status {
    let name = type_path.rsplit("::").next().unwrap_or(type_path);
    if name.ends_with("Request") {
        Status::invalid_argument(format!(
            "the request is not a valid hoptac.v1.{name} ({err}); string fields must be UTF-8"
        ))
    } else {
        Status::internal(format!("the response is not a valid {name}: {err}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tonic::Code;

    fn decode_error() -> prost::DecodeError {
        // A string field (ArticleInput.text is field 4 of ArticleInput, itself field 1) holding
        // Latin-1 bytes: "Hà Nội" as a Windows code page would send it.
        let bytes = [0x0a, 0x08, 0x22, 0x06, b'H', 0xe0, b' ', b'N', 0xf4, b'i'];
        <crate::v1::IngestArticleRequest as prost::Message>::decode(&bytes[..])
            .expect_err("not UTF-8")
    }

    #[test]
    fn a_request_that_does_not_decode_is_the_callers_fault() {
        let status = undecodable(
            type_name::<crate::v1::IngestArticleRequest>(),
            &decode_error(),
        );
        assert_eq!(status.code(), Code::InvalidArgument);
        assert!(
            status.message().contains("IngestArticleRequest") && status.message().contains("UTF-8"),
            "{}",
            status.message()
        );
    }

    #[test]
    fn a_response_that_does_not_decode_is_internal() {
        let status = undecodable(
            type_name::<crate::v1::IngestArticleResponse>(),
            &decode_error(),
        );
        assert_eq!(status.code(), Code::Internal);
    }
}
