//! `hoptac bench --quick`, as CI runs it: every figure is printed by name, in the JSON object and
//! in the table, and throughputs, ratios and memory are positive. Nothing here asserts a speed.

use std::process::Command;

/// The figures every report carries that must be positive: rates, ratios, counts, memory.
const FIGURES: &[&str] = &[
    "extract_mb_s",
    "extract_articles_s",
    "extract_vs_scan",
    "scan_mb_s",
    "extract_records",
    "ingest_art_s_1",
    "ingest_art_s_8",
    "ingest_art_s_64",
    "ingest_stream_art_s_64",
    "sled_art_s",
    "ingest_vs_sled",
    "rss_ingest_mib",
    "rss_query_mib",
    "stream_rec_s",
    "stream_filtered_rec_s",
    "stream_vs_bare",
    "get_req_s",
    "growth_10k_stream_rec_s",
    "growth_100k_ingest_art_s",
    "growth_1m_stream_rec_s",
    "growth_1m_ingest_art_s",
];

/// Latencies: present, and zero or more (a record may reach a watch before its ack).
const LATENCIES: &[&str] = &[
    "ingest_p99_ms_64",
    "get_p99_ms",
    "fresh_p50_ms",
    "fresh_p99_ms",
];

fn hoptac_bench(extra: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_hoptac"))
        .args(["bench", "--quick"])
        .args(extra)
        .output()
        .expect("hoptac runs");
    assert!(
        out.status.success(),
        "hoptac bench failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn quick_json_has_every_figure_by_name_and_positive() {
    let printed = hoptac_bench(&["--json"]);
    let v: serde_json::Value = serde_json::from_str(printed.trim()).expect("one JSON object");
    let context = ["cores", "corpus_bytes", "corpus_articles", "extract_passes"];
    for name in FIGURES.iter().chain(&context) {
        let x = v[name]
            .as_f64()
            .unwrap_or_else(|| panic!("{name} missing or not a number in {v}"));
        assert!(x > 0.0, "{name} = {x}");
    }
    for name in LATENCIES {
        let x = v[name]
            .as_f64()
            .unwrap_or_else(|| panic!("{name} missing or not a number in {v}"));
        assert!(x >= 0.0, "{name} = {x}");
    }
    assert!(v["cpu"].as_str().is_some_and(|s| !s.is_empty()), "{v}");
    assert_eq!(v["quick"], true);
    assert!(
        v["corpus_bytes"].as_f64() >= Some(1e6),
        "about 1 MB when quick"
    );
}

#[test]
fn quick_table_names_the_machine_the_corpus_and_every_figure() {
    let printed = hoptac_bench(&["--corpus-mb", "1", "--seed", "2"]);
    assert!(printed.starts_with("machine: "), "{printed}");
    assert!(printed.contains("cores"), "{printed}");
    assert!(printed.contains("articles (seed 2)"), "{printed}");
    for name in FIGURES.iter().chain(LATENCIES) {
        assert!(
            printed.lines().any(|l| l.contains(name)),
            "{name} missing from\n{printed}"
        );
    }
}
