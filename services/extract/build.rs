//! Lists `data/places/*.tsv` so that a new country file is picked up without a code change.
use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("data/places");
    println!("cargo:rerun-if-changed=data/places");
    let mut files: Vec<String> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tsv"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut out = String::from("/// Every place data file: (file name, contents).\npub static PLACE_FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed=data/places/{f}");
        out.push_str(&format!(
            "    ({f:?}, include_str!({:?})),\n",
            format!("{manifest}/data/places/{f}")
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("place_files.rs");
    fs::write(dest, out).unwrap_or_else(|e| panic!("cannot write place_files.rs: {e}"));
}
