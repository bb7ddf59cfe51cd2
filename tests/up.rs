//! End to end: `hoptac up`, the README's run command, serves the seeds through both services,
//! the commands it prints work, and a restart keeps the seeds once.

mod common;

use common::*;

fn query_url(printed: &str) -> String {
    printed
        .lines()
        .find_map(|l| l.trim().strip_prefix("query service:"))
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the query service's URL is printed")
        .to_string()
}

#[tokio::test]
async fn hoptac_up_serves_the_seeds_and_a_restart_keeps_them_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let args = [
        "up",
        "--listen",
        "127.0.0.1:0",
        "--query-listen",
        "127.0.0.1:0",
        "--data-dir",
        data.to_str().expect("UTF-8"),
        "--seeds",
        seeds,
    ];

    let mut up = Ingest::spawn(dir.path().join("up1.log"), &args).await;
    let printed = up.stdout_until("Stop with Ctrl-C").await.join("\n");
    assert!(
        printed.contains("5 articles: 5 new, 0 duplicates, 0 rejected"),
        "{printed}"
    );
    assert!(
        printed.contains("the query replica has applied every change (sequence 5)"),
        "{printed}"
    );
    let query = query_url(&printed);
    let query_addr = query.trim_start_matches("http://");
    assert!(
        printed.contains(&format!("grpcurl -plaintext {query_addr} list")),
        "prints commands to try: {printed}"
    );

    // The acceptance command: the seed agreements between Hà Nội and Japan, as a table.
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_hoptac"))
        .args([
            "agreements",
            "--query-url",
            &query,
            "--place",
            "ha noi",
            "--country",
            "JP",
        ])
        .output()
        .await
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).expect("UTF-8");
    let rows: Vec<&str> = table.lines().skip(1).collect();
    let dates: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.split_whitespace().next())
        .collect();
    // From seeds.gold.json: seed 001's 2008 friendship, 2010/2013/2018 memoranda and two
    // memoranda of 2023-11-11, and seed 000's agreement of 2025-03-03.
    assert_eq!(
        dates,
        [
            "2008",
            "2010",
            "2013",
            "2018",
            "2023-11-11",
            "2023-11-11",
            "2025-03-03"
        ],
        "{table}"
    );
    assert!(rows.iter().all(|r| r.contains("VN-HN")), "{table}");

    let mut client = up.client().await;
    let mut feed = changes(&mut client, 0).await;
    for sequence in 1..=5 {
        assert_eq!(next_change(&mut feed).await.sequence, sequence);
    }
    assert!(up.terminate().await);

    let mut again = Ingest::spawn(dir.path().join("up2.log"), &args).await;
    let printed = again.stdout_until("Stop with Ctrl-C").await.join("\n");
    assert!(printed.contains("0 new, 5 duplicates"), "{printed}");
    assert!(
        data.join("ingest").is_dir() && data.join("query").is_dir(),
        "data under --data-dir"
    );
    assert!(again.terminate().await);
}
