//! The hoptac.v1 API: protobuf messages, tonic clients and servers, proto3 JSON (serde) for every
//! message, and the encoded file descriptor set for gRPC reflection.
//!
//! Generated from `proto/hoptac/v1` at build time; the proto files are the API reference.

pub mod codec;

/// The `hoptac.v1` package.
pub mod v1 {
    #![allow(missing_docs, clippy::all, clippy::pedantic)]
    tonic::include_proto!("hoptac.v1");
    include!(concat!(env!("OUT_DIR"), "/hoptac.v1.serde.rs"));
}

/// The encoded `FileDescriptorSet` of every hoptac.v1 proto, for gRPC server reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] = tonic::include_file_descriptor_set!("hoptac_descriptor");

#[cfg(test)]
mod tests {
    use super::v1::{AgreementKind, Extraction, Field, PartialDate, StreamChangesResponse};

    #[test]
    fn json_uses_lower_camel_case_fields_and_enum_names() {
        let change = StreamChangesResponse {
            sequence: 7,
            head_sequence: 9,
            extraction: Some(Extraction {
                agreements: vec![super::v1::Agreement {
                    kind: AgreementKind::Friendship as i32,
                    fields: vec![Field::Health as i32],
                    signed_on: Some(PartialDate {
                        year: 2008,
                        month: 0,
                        day: 0,
                        year_inferred: true,
                    }),
                    ..Default::default()
                }],
                ..Default::default()
            }),
            events: Vec::new(),
        };
        let json = serde_json::to_value(&change).expect("serializes");
        assert_eq!(
            json["headSequence"], "9",
            "uint64 is a JSON string in proto3 JSON"
        );
        let agreement = &json["extraction"]["agreements"][0];
        assert_eq!(agreement["kind"], "AGREEMENT_KIND_FRIENDSHIP");
        assert_eq!(agreement["fields"][0], "FIELD_HEALTH");
        assert_eq!(agreement["signedOn"]["yearInferred"], true);
    }

    #[test]
    fn json_round_trips() {
        let text = r#"{"article":{"id":"x","title":"Hà Nội - Fukuoka","ingestedAt":"2025-03-03T08:00:00Z"}}"#;
        let extraction: Extraction = serde_json::from_str(text).expect("parses");
        let article = extraction.article.as_ref().expect("article");
        assert_eq!(article.title, "Hà Nội - Fukuoka");
        assert_eq!(
            article.ingested_at.as_ref().map(|t| t.seconds),
            Some(1_740_988_800)
        );
    }

    #[test]
    fn descriptor_set_names_every_service() {
        use prost::Message;
        let set = prost_types::FileDescriptorSet::decode(super::FILE_DESCRIPTOR_SET)
            .expect("descriptor set decodes");
        let services: Vec<_> = set
            .file
            .iter()
            .flat_map(|f| f.service.iter().map(|s| s.name.clone().unwrap_or_default()))
            .collect();
        assert!(services.contains(&"IngestService".to_string()));
        assert!(services.contains(&"QueryService".to_string()));
    }
}
