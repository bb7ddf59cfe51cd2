//! Bulk import from the command line, as a user runs it: `hoptac ingest load` over a folder and
//! a JSONL manifest, with bad files among good ones, and `hoptac ingest extract` over files of
//! which one is unreadable.

mod common;

use std::{collections::BTreeMap, path::Path, process::Output};

use common::*;
use serde_json::Value;

async fn hoptac(args: &[&str]) -> Output {
    tokio::process::Command::new(env!("CARGO_BIN_EXE_hoptac"))
        .args(args)
        .output()
        .await
        .expect("hoptac runs")
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("writes");
}

#[tokio::test]
async fn load_reads_folders_and_a_manifest_and_names_each_rejected_file_while_the_rest_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ingest = Ingest::start(&dir.path().join("ingest"), &[]).await;
    let crawl = dir.path().join("crawl");
    write(&crawl.join("a.txt"), visit_article(1));
    write(
        &crawl.join("b.shtml"),
        format!(
            "<html><body><article><p>{}</p></article></body></html>",
            visit_article(2)
        ),
    );
    // Over --max-file-bytes below: refused by name, unread.
    write(&crawl.join("c-qua-lon.txt"), visit_article(3).repeat(100));
    // Windows-1258 bytes, not UTF-8.
    write(
        &crawl.join("d-cp1258.txt"),
        b"H\xe0 N\xf4\xf2i k\xfd k\xea\xect",
    );
    write(
        &dir.path().join("pages/e.html"),
        format!("<p>{}</p>", visit_article(4)),
    );
    let manifest = dir.path().join("manifest.jsonl");
    let lines = [
        serde_json::json!({"url": "https://baoquangninh.example/e", "source": "Báo Quảng Ninh", "published_on": "2024-05-17", "path": "pages/e.html"}),
        serde_json::json!({"url": "https://hanoimoi.example/f", "title": "Hà Nội đón đoàn", "text": visit_article(5)}),
        serde_json::json!({"url": "https://hanoimoi.example/g"}),
        serde_json::json!({"text": visit_article(6), "published_on": "2024-13-40"}),
    ];
    let manifest_text = lines
        .iter()
        .map(Value::to_string)
        .chain(["{ not json".to_string()])
        .collect::<Vec<_>>()
        .join("\n");
    write(&manifest, manifest_text);

    let out = hoptac(&[
        "ingest",
        "load",
        "--to",
        &ingest.url,
        "--json",
        "--max-file-bytes",
        "20000",
        "--manifest",
        manifest.to_str().expect("UTF-8"),
        crawl.to_str().expect("UTF-8"),
    ])
    .await;
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "rejections make it fail: {stderr}");
    let outcomes: BTreeMap<String, Value> = stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("a JSON line per article");
            (v["name"].as_str().expect("name").to_string(), v)
        })
        .collect();
    let outcome_of = |name_end: &str| {
        let (_, v) = outcomes
            .iter()
            .find(|(name, _)| name.ends_with(name_end))
            .unwrap_or_else(|| panic!("{name_end} reported in {stdout}"));
        (
            v["outcome"].as_str().expect("outcome").to_string(),
            v["reason"].as_str().expect("reason").to_string(),
        )
    };
    assert_eq!(outcomes.len(), 9, "{stdout}");
    for new in ["a.txt", "b.shtml", "pages/e.html", "manifest.jsonl:2"] {
        assert_eq!(outcome_of(new).0, "new", "{new}: {stdout}");
    }
    for (rejected, reason) in [
        ("c-qua-lon.txt", "--max-file-bytes"),
        ("d-cp1258.txt", "UTF-8"),
        ("manifest.jsonl:3", "exactly one"),
        ("manifest.jsonl:4", "published_on"),
        ("manifest.jsonl:5", "not a manifest line"),
    ] {
        let (outcome, why) = outcome_of(rejected);
        assert_eq!(outcome, "rejected", "{rejected}: {stdout}");
        assert!(why.contains(reason), "{rejected}: {why}");
    }
    assert!(
        stderr.contains("9 articles: 4 new, 0 duplicates, 5 rejected"),
        "{stderr}"
    );

    // The manifest's metadata went in with the article.
    let mut client = ingest.client().await;
    let mut feed = changes(&mut client, 0).await;
    let mut stored = Vec::new();
    for _ in 0..4 {
        stored.push(
            next_change(&mut feed)
                .await
                .extraction
                .and_then(|e| e.article)
                .expect("article"),
        );
    }
    let e = stored
        .iter()
        .find(|a| a.url == "https://baoquangninh.example/e")
        .expect("the manifest's url");
    assert_eq!(e.source, "Báo Quảng Ninh");
    assert_eq!(
        e.published_on.map(|d| (d.year, d.month, d.day)),
        Some((2024, 5, 17))
    );
}

#[tokio::test]
async fn extract_goes_on_past_an_unreadable_file_and_reports_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (first, bad, last) = (
        dir.path().join("a.txt"),
        dir.path().join("b-cp1258.txt"),
        dir.path().join("c.txt"),
    );
    write(&first, visit_article(1));
    write(&bad, b"\xd0o\xe0n \xf0a\xf2i bi\xea\xecu");
    write(&last, visit_article(2));
    let missing = dir.path().join("khong-co.txt");
    let paths: Vec<&str> = [&first, &bad, &missing, &last]
        .iter()
        .map(|p| p.to_str().expect("UTF-8"))
        .collect();
    let out = hoptac(&[&["ingest", "extract"][..], &paths].concat()).await;
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    let urls: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("JSON");
            v["article"]["url"].as_str().expect("url").to_string()
        })
        .collect();
    assert_eq!(
        urls,
        [
            format!("file://{}", paths[0]),
            format!("file://{}", paths[3])
        ]
    );
    for skipped in ["b-cp1258.txt", "khong-co.txt", "2 of 4 files"] {
        assert!(stderr.contains(skipped), "{skipped} in {stderr}");
    }
}
