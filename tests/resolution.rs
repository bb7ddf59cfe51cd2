//! The resolution rule (`hoptac-resolve`) measured on real reports. The gold records of every
//! real set (the seeds, dev, real-north, real-south, and the reports gathered for this in
//! `eval/resolution/`) are pooled and resolved together, as the ingest service would resolve
//! those articles; then the pairs of reports marked by hand in `eval/resolution/pairs.tsv` are
//! checked. No DIFFERENT pair may end in one event: merging two events is the error a user
//! cannot see or undo. SAME pairs resolved together must not fall below what the rule reached
//! when it was written (26 of 29; the three it misses are a planned trip and the trip itself,
//! and a country-level report of a trip that the others record per host city).

mod common;

use std::{collections::HashMap, path::Path};

use common::standin::{gold_agreement, gold_visit};
use hoptac_extract::Gazetteer;
use hoptac_resolve::{resolve, Mention, Record};
use serde_json::Value;

/// Where a record sits in the gold: its set, its article file, and "agreement N" or "visit N"
/// (N counting from 0 in that article's gold list).
type GoldRecord = (String, String, String);

/// Every gold record of `sets` (name, gold file) as a mention, and where each one sits.
fn mentions(sets: &[(&str, &Path)]) -> (Vec<Mention>, Vec<GoldRecord>) {
    let g = Gazetteer::builtin();
    let (mut mentions, mut at) = (Vec::new(), Vec::new());
    for (set, gold) in sets {
        let text = std::fs::read_to_string(gold).expect("gold readable");
        let gold: Vec<Value> = serde_json::from_str(&text).expect("gold is JSON");
        for article in gold {
            let file = article["file"]
                .as_str()
                .expect("a gold entry names its file");
            let found = hoptac_extract::Extraction {
                article_id: format!("{set}/{file}"),
                url: None,
                title: String::new(),
                text: String::new(),
                published_on: None,
                agreements: article["agreements"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|a| gold_agreement(&g, a))
                    .collect(),
                visits: article["visits"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|v| gold_visit(&g, v))
                    .collect(),
            };
            let records = hoptac_ingest::convert::extraction(&found, "", set, None);
            let mention = |record| Mention {
                record,
                article_id: found.article_id.clone(),
                url: String::new(),
                source: set.to_string(),
                published_on: None,
            };
            for (n, a) in records.agreements.into_iter().enumerate() {
                mentions.push(mention(Record::Agreement(Box::new(a))));
                at.push((set.to_string(), file.to_string(), format!("agreement {n}")));
            }
            for (n, v) in records.visits.into_iter().enumerate() {
                mentions.push(mention(Record::Visit(Box::new(v))));
                at.push((set.to_string(), file.to_string(), format!("visit {n}")));
            }
        }
    }
    (mentions, at)
}

#[test]
fn reports_marked_as_one_event_resolve_together_and_distinct_events_stay_apart() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/eval");
    if !shared.is_dir() {
        eprintln!("skipped: no ../shared/eval beside the repository");
        return;
    }
    let ours = root.join("eval/resolution");
    let (seeds, dev, north, south, gathered) = (
        shared.join("seeds.gold.json"),
        shared.join("dev/gold.json"),
        shared.join("real-north/gold.json"),
        shared.join("real-south/gold.json"),
        ours.join("gold.json"),
    );
    let sets: [(&str, &Path); 5] = [
        ("seeds", &seeds),
        ("dev", &dev),
        ("real-north", &north),
        ("real-south", &south),
        ("resolution", &gathered),
    ];
    let (mentions, at) = mentions(&sets);
    let events = resolve(&mentions);
    let mut event_of = HashMap::new();
    for (e, event) in events.iter().enumerate() {
        for &m in &event.mentions {
            event_of.insert(at[m].clone(), e);
        }
    }

    let pairs = std::fs::read_to_string(ours.join("pairs.tsv")).expect("pairs.tsv readable");
    let (mut same, mut together, mut different, mut merged_wrongly, mut missed) =
        (0, 0, 0, Vec::new(), Vec::new());
    for line in pairs.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let record = |file: &str, set: &str, record: &str| -> GoldRecord {
            (set.to_string(), file.to_string(), record.to_string())
        };
        let (a, b) = (
            record(cols[0], cols[1], cols[2]),
            record(cols[3], cols[4], cols[5]),
        );
        let find = |r: &GoldRecord| {
            *event_of
                .get(r)
                .unwrap_or_else(|| panic!("pairs.tsv names {r:?}, which is not in the gold"))
        };
        let one_event = find(&a) == find(&b);
        match (cols[6], one_event) {
            ("SAME", true) => {
                same += 1;
                together += 1;
            }
            ("SAME", false) => {
                same += 1;
                missed.push(line.to_string());
            }
            ("DIFFERENT", true) => merged_wrongly.push(line.to_string()),
            ("DIFFERENT", false) => different += 1,
            (verdict, _) => panic!("verdict {verdict:?} is neither SAME nor DIFFERENT"),
        }
    }
    let merged: Vec<_> = events.iter().filter(|e| e.mentions.len() > 1).collect();
    eprintln!(
        "{} gold records resolved into {} events, {} of them with more than one mention; SAME \
         pairs together: {together} of {same}; DIFFERENT pairs apart: {different} of {}",
        mentions.len(),
        events.len(),
        merged.len(),
        different + merged_wrongly.len(),
    );
    for line in &missed {
        eprintln!("  missed: {line}");
    }
    for event in merged {
        let of: Vec<String> = event
            .mentions
            .iter()
            .map(|&m| format!("{}/{} {}", at[m].0, at[m].1, at[m].2))
            .collect();
        eprintln!("  {}: {}", event.id, of.join(" + "));
    }
    assert!(
        same >= 10,
        "at least ten SAME pairs are marked, found {same}"
    );
    assert!(
        merged_wrongly.is_empty(),
        "distinct events merged:\n{}",
        merged_wrongly.join("\n")
    );
    assert!(
        together >= 26,
        "SAME pairs resolved together fell to {together} of {same}; missed:\n{}",
        missed.join("\n")
    );
}
