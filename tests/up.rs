//! End to end: `hoptac up`, the README's run command, serves the seeds and keeps them across
//! restarts without storing them twice.

mod common;

use common::*;

#[tokio::test]
async fn hoptac_up_serves_the_seeds_and_a_restart_keeps_them_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let args = [
        "up",
        "--listen",
        "127.0.0.1:0",
        "--data-dir",
        data.to_str().expect("UTF-8"),
        "--seeds",
        seeds,
    ];

    let mut up = Ingest::spawn(dir.path().join("up1.log"), &args).await;
    let printed = up.stdout_until("Stop with Ctrl-C").await.join("\n");
    assert!(
        printed.contains("5 files: 5 new, 0 duplicates, 0 rejected"),
        "{printed}"
    );
    assert!(
        printed.contains(&format!("grpcurl -plaintext {} list", up.addr)),
        "prints commands to try: {printed}"
    );
    let mut client = up.client().await;
    let mut feed = changes(&mut client, 0).await;
    for sequence in 1..=5 {
        assert_eq!(next_change(&mut feed).await.sequence, sequence);
    }
    assert!(up.terminate().await);

    let mut again = Ingest::spawn(dir.path().join("up2.log"), &args).await;
    let printed = again.stdout_until("Stop with Ctrl-C").await.join("\n");
    assert!(printed.contains("0 new, 5 duplicates"), "{printed}");
    assert!(data.join("ingest").is_dir(), "data under --data-dir/ingest");
    assert!(again.terminate().await);
}
