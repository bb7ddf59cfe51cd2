//! Compiles `proto/hoptac/v1` with protox (no system `protoc`), generates prost messages, tonic
//! clients and servers, and pbjson serde impls (the proto3 JSON mapping), and writes the encoded
//! descriptor set that gRPC reflection serves.

use std::{env, error::Error, fs, path::PathBuf};

use prost::Message;

const PROTOS: [&str; 3] = [
    "hoptac/v1/records.proto",
    "hoptac/v1/ingest.proto",
    "hoptac/v1/query.proto",
];

fn main() -> Result<(), Box<dyn Error>> {
    let out = PathBuf::from(env::var("OUT_DIR")?);
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR")?).join("../../proto");
    println!("cargo:rerun-if-changed={}", root.display());

    let fds = protox::compile(PROTOS, [&root])?;
    let descriptor_bytes = fds.encode_to_vec();
    fs::write(out.join("hoptac_descriptor.bin"), &descriptor_bytes)?;

    tonic_prost_build::configure()
        .build_server(true)
        .build_client(true)
        .compile_well_known_types(true)
        // A request that does not decode is INVALID_ARGUMENT, not prost's INTERNAL.
        .codec_path("crate::codec::Codec")
        // Well-known types come from pbjson-types so that they, too, serialize as proto3 JSON.
        .extern_path(".google.protobuf", "::pbjson_types")
        .compile_fds(fds)?;

    pbjson_build::Builder::new()
        .register_descriptors(&descriptor_bytes)?
        .build(&[".hoptac.v1"])?;
    Ok(())
}
