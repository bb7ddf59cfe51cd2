# hoptac's two services in one image: `hoptac-ingest serve` and `hoptac-query serve`, chosen by
# the container's command (see docker-compose.yml).
#
# The base images are build arguments, so that a machine without a registry can build from
# images it made itself (tests/container.sh does: debootstrap, then `docker import`).
#
# Stages, in this order because the classic builder builds every stage before its target:
#   runtime-base  the slim runtime: a non-root user and a data folder, no binaries yet;
#   prebuilt      runtime-base with binaries built on the host (target/release), for machines
#                 whose builder image has no Rust toolchain: `--target prebuilt`;
#   builder       compiles both services from this clone;
#   runtime       runtime-base with the builder's binaries: the default target.
ARG BUILDER_IMAGE=rust:1-slim-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${RUNTIME_IMAGE} AS runtime-base
# A fixed uid, so that a host folder mounted as data can be given to it.
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/hoptac --create-home hoptac \
    && mkdir -p /var/lib/hoptac/data \
    && chown hoptac:hoptac /var/lib/hoptac/data
WORKDIR /var/lib/hoptac
USER hoptac
# Listen on every interface inside the container; one data folder, a named volume in compose.
ENV HOPTAC_DATA_DIR=/var/lib/hoptac/data \
    HOPTAC_LOG_FORMAT=json \
    RUST_LOG=info
EXPOSE 50051 50052 9100
STOPSIGNAL SIGTERM

FROM runtime-base AS prebuilt
COPY target/release/hoptac-ingest target/release/hoptac-query /usr/local/bin/
CMD ["hoptac-ingest", "serve", "--listen", "0.0.0.0:50051"]

FROM ${BUILDER_IMAGE} AS builder
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p hoptac-ingest -p hoptac-query

FROM runtime-base AS runtime
COPY --from=builder /src/target/release/hoptac-ingest /src/target/release/hoptac-query /usr/local/bin/
CMD ["hoptac-ingest", "serve", "--listen", "0.0.0.0:50051"]
