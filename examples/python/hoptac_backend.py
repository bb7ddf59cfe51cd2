#!/usr/bin/env python3
"""A small Python backend calling hoptac's query service over gRPC.

It does what a backend of another team would: generates its stubs from hoptac's `proto/` with
grpcio-tools (no generated code is committed, so the stubs always match the protos beside them),
streams the agreements that involve a place, pages through the visits, and follows new records
with WatchRecords from the replica's current position, so that nothing applied after the
snapshot it read is missed.

    python3 examples/python/hoptac_backend.py --query localhost:50052 --place JP --watch 1

Every line it prints starts with what it is (`agreement`, `visits page`, `visit`, `watching`,
`watch`), so a script can read it.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
import tempfile

import grpc
from grpc_tools import protoc

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_PROTO_DIR = HERE.parent.parent / "proto"


def generate_stubs(proto_dir: pathlib.Path, out_dir: pathlib.Path) -> None:
    """Compiles every .proto under `proto_dir` into Python modules under `out_dir`."""
    protos = sorted(str(p.relative_to(proto_dir)) for p in proto_dir.rglob("*.proto"))
    if not protos:
        raise SystemExit(f"no .proto files under {proto_dir}")
    # grpc_tools ships the well-known types (google/protobuf/timestamp.proto) beside itself.
    well_known = pathlib.Path(protoc.__file__).resolve().parent / "_proto"
    status = protoc.main(
        [
            "grpc_tools.protoc",
            f"-I{proto_dir}",
            f"-I{well_known}",
            f"--python_out={out_dir}",
            f"--grpc_python_out={out_dir}",
            *protos,
        ]
    )
    if status != 0:
        raise SystemExit(f"protoc failed on {proto_dir} (exit {status})")


def date_text(date) -> str:
    """A PartialDate as YYYY-MM-DD, YYYY-MM or YYYY; '-' when unset."""
    if not date.year:
        return "-"
    parts = [f"{date.year:04d}"]
    if date.month:
        parts.append(f"{date.month:02d}")
        if date.day:
            parts.append(f"{date.day:02d}")
    return "-".join(parts)


def place_text(party) -> str:
    """The party's most specific code: its region, else its country."""
    return party.place.region or party.place.country or "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--query", default=os.environ.get("HOPTAC_QUERY_ADDR", "localhost:50052"),
                        help="host:port of the query service (env HOPTAC_QUERY_ADDR)")
    parser.add_argument("--token", default=os.environ.get("HOPTAC_QUERY_TOKEN"),
                        help="bearer token, when the query service requires one (env HOPTAC_QUERY_TOKEN)")
    parser.add_argument("--ca", type=pathlib.Path,
                        help="PEM certificate to trust: connect over TLS instead of plaintext")
    parser.add_argument("--place", action="append", default=[],
                        help="only agreements and visits involving this place (code or name; repeatable)")
    parser.add_argument("--page-size", type=int, default=2, help="visits per ListVisits page")
    parser.add_argument("--watch", type=int, default=0, metavar="N",
                        help="after the queries, print the next N records applied to the replica")
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="seconds each call may take, the watch included")
    parser.add_argument("--proto-dir", type=pathlib.Path, default=DEFAULT_PROTO_DIR,
                        help="hoptac's proto/ folder to generate the stubs from")
    args = parser.parse_args()

    stubs = tempfile.TemporaryDirectory(prefix="hoptac-stubs-")
    generate_stubs(args.proto_dir, pathlib.Path(stubs.name))
    sys.path.insert(0, stubs.name)
    from hoptac.v1 import query_pb2, query_pb2_grpc, records_pb2  # noqa: E402 (generated above)

    if args.ca:
        credentials = grpc.ssl_channel_credentials(root_certificates=args.ca.read_bytes())
        channel = grpc.secure_channel(args.query, credentials)
    else:
        channel = grpc.insecure_channel(args.query)
    metadata = [("authorization", f"Bearer {args.token}")] if args.token else []
    query = query_pb2_grpc.QueryServiceStub(channel)
    record_filter = records_pb2.RecordFilter(places=args.place)

    try:
        # A server stream: every matching agreement, oldest first, with no paging to manage.
        agreements = query.StreamAgreements(
            query_pb2.StreamAgreementsRequest(filter=record_filter),
            metadata=metadata, timeout=args.timeout)
        for item in agreements:
            a = item.agreement
            print("agreement", a.id, records_pb2.AgreementStatus.Name(a.status),
                  date_text(a.signed_on), " + ".join(place_text(p) for p in a.parties), flush=True)

        # Unary pages: what a backend does when it renders a list a page at a time.
        page, token = 0, ""
        while True:
            response = query.ListVisits(
                query_pb2.ListVisitsRequest(filter=record_filter, page_size=args.page_size,
                                            page_token=token),
                metadata=metadata, timeout=args.timeout)
            page += 1
            print(f"visits page {page}: {len(response.visits)}", flush=True)
            for v in response.visits:
                print("visit", v.id, records_pb2.VisitStatus.Name(v.status), date_text(v.start),
                      place_text(v.guest), "->", place_text(v.host), flush=True)
            token = response.next_page_token
            if not token:
                break

        if args.watch > 0:
            watch(query, query_pb2, record_filter, metadata, args)
    except grpc.RpcError as error:
        print(f"error: {error.code().name}: {error.details()}", file=sys.stderr)
        return 1
    return 0


def watch(query, query_pb2, record_filter, metadata, args) -> None:
    """Prints the next `args.watch` records applied after the replica's current position."""
    # Resuming after a known sequence leaves no gap between what the queries above read and
    # what the watch sends; a live-only watch would miss what lands in between.
    status = query.GetReplicationStatus(query_pb2.GetReplicationStatusRequest(),
                                        metadata=metadata, timeout=args.timeout)
    after = status.applied_sequence
    print(f"watching after sequence {after}", flush=True)
    stream = query.WatchRecords(
        query_pb2.WatchRecordsRequest(filter=record_filter, after_sequence=after),
        metadata=metadata, timeout=args.timeout)
    seen = 0
    try:
        for event in stream:
            kind = event.WhichOneof("event")
            if kind == "lagged":
                print(f"lagged: resume after {event.lagged.resume_after_sequence}", flush=True)
                return
            record = getattr(event, kind)
            print("watch", event.sequence, kind, record.id, flush=True)
            seen += 1
            if seen >= args.watch:
                return
    finally:
        stream.cancel()


if __name__ == "__main__":
    sys.exit(main())
