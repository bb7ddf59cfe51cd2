//! Checks every data file with the extractor's own typed reader (`src/lexicon.rs`), so that an
//! unknown category, an unknown value or a malformed row fails the build with its file and line.
use std::{env, fs, path::Path};

#[path = "src/lexicon.rs"]
#[allow(dead_code)]
mod lexicon;

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let data = Path::new(&manifest).join("data");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/lexicon.rs");
    for (file, reader) in lexicon::FILES {
        let path = data.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        if let Err(e) = lexicon::check(file, *reader, &text) {
            panic!("malformed extractor data: {e}");
        }
    }
    let listed: Vec<&str> = lexicon::FILES.iter().map(|(f, _)| *f).collect();
    for entry in fs::read_dir(&data).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".tsv") && !listed.contains(&name.as_str()) {
            panic!("data/{name} has no reader: add it to lexicon::FILES");
        }
    }
}
