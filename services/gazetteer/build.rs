//! Embeds every `data/places/*.tsv` file (a new country file is picked up without a code
//! change) and checks every data file with the crate's own reader, so that a malformed row
//! fails the build with its file and line.
use std::{env, fs, path::Path};

#[path = "src/data.rs"]
#[allow(dead_code)]
mod data;

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn check<T>(result: Result<T, data::RowError>) {
    if let Err(e) = result {
        panic!("malformed gazetteer data: {e}");
    }
}

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let root = Path::new(&manifest).join("data");
    let places = root.join("places");
    println!("cargo:rerun-if-changed=data");
    let mut files: Vec<String> = fs::read_dir(&places)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", places.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tsv"))
        .collect();
    files.sort();
    let mut out = String::from(
        "/// Every place data file: (file name, contents).\npub static PLACE_FILES: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        let path = places.join(f);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = read(&path);
        if f == "vn_merger_2025.tsv" {
            check(data::mergers(f, &text));
        } else {
            check(data::places(f, &text));
        }
        out.push_str(&format!(
            "    ({f:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    check(data::designators(
        "designators.tsv",
        &read(&root.join("designators.tsv")),
    ));
    for f in ["loose_tones.tsv", "not_places.tsv"] {
        check(data::words(f, &read(&root.join(f))));
    }
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("place_files.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}
