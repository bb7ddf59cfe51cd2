//! hoptac's place knowledge, shared by the extractor, the query service and the corpus
//! generator: every place with its ISO 3166 codes and the spellings the Vietnamese press uses,
//! the words that announce a place ("tỉnh", "thành phố"), the 2025 merger of Viet Nam's
//! provinces, and how any spelling of a name or code resolves to one place.
//!
//! The data lives in `data/` as tab-separated files, embedded at build time; [`data`] is their
//! one reader, and the build script runs it over every file so that a malformed row fails the
//! build.

pub mod data;
pub mod spelling;

use std::collections::HashMap;
use std::sync::Arc;

pub use data::{PlaceLevel, RowError};
use spelling::{fold, spelling_variants, tone_variants};

include!(concat!(env!("OUT_DIR"), "/place_files.rs"));

/// The 2025 merger table's file, among [`PLACE_FILES`]: a format of its own.
pub const MERGER_FILE: &str = "vn_merger_2025.tsv";
/// The words written before a place name, with the level they announce.
pub const DESIGNATORS: &str = include_str!("../data/designators.tsv");
/// Countries whose names the press transcribes with varying tones.
const LOOSE_TONES: &str = include_str!("../data/loose_tones.tsv");
/// Names that hold a place's name but are no place.
const NOT_PLACES: &str = include_str!("../data/not_places.tsv");

/// The year and month the 2025 merger took effect (1 July 2025).
const MERGER_TAKES_EFFECT: (i32, u32) = (2025, 7);

/// A place with its canonical codes. The strings are shared, not owned: every mention of a
/// place in every record holds a copy, and a copy is then a count, not an allocation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Place {
    /// ISO 3166-1 alpha-2 country code.
    pub country: Arc<str>,
    /// ISO 3166-2 first-level region code; empty when only the country is known.
    pub region: Arc<str>,
    /// Canonical name of the most specific place named.
    pub name: Arc<str>,
    /// How specific `name` is.
    pub level: PlaceLevel,
}

impl Place {
    /// The one code the guidelines reduce a place to: its region, else its country.
    pub fn code(&self) -> &str {
        if self.region.is_empty() {
            &self.country
        } else {
            &self.region
        }
    }
}

/// A word written before a place name ("tỉnh", "TP.", "bang") and the level it announces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Designator {
    /// The word as written (one spelling variant of the data row).
    pub word: String,
    /// The reading of an ambiguous name it selects.
    pub prefer: PlaceLevel,
}

/// Every place hoptac knows, by every spelling.
pub struct Gazetteer {
    places: Vec<Place>,
    by_code: HashMap<String, usize>,
    /// Folded spellings (with and without spaces) → places, most general level first.
    folded: HashMap<String, Vec<usize>>,
    /// Surface spellings, sorted, with the places each names (none for a name that is no
    /// place), most general level first.
    surfaces: Vec<(String, Vec<usize>)>,
    designators: Vec<Designator>,
    /// Folded designators, longest first, stripped from a name before it is looked up.
    designator_keys: Vec<String>,
    /// Pre-merger region code → (new code, new name).
    mergers: HashMap<String, (Arc<str>, Arc<str>)>,
}

fn level_rank(level: PlaceLevel) -> u8 {
    match level {
        PlaceLevel::Region => 0,
        PlaceLevel::Country => 1,
        PlaceLevel::Local => 2,
    }
}

fn add_to(map: &mut HashMap<String, Vec<usize>>, key: String, idx: usize) {
    let list = map.entry(key).or_default();
    if !list.contains(&idx) {
        list.push(idx);
    }
}

impl Gazetteer {
    /// The gazetteer built from the embedded data files, which the build script has checked.
    pub fn builtin() -> Self {
        Self::from_files(PLACE_FILES)
            .unwrap_or_else(|e| panic!("embedded gazetteer data is malformed: {e}"))
    }

    /// A gazetteer from (file name, contents) pairs in the `level code name aliases` format,
    /// plus the merger table when one of them is [`MERGER_FILE`].
    pub fn from_files(files: &[(&str, &str)]) -> Result<Self, RowError> {
        let loose_tones = data::words("loose_tones.tsv", LOOSE_TONES)?;
        let mut g = Gazetteer {
            places: Vec::new(),
            by_code: HashMap::new(),
            folded: HashMap::new(),
            surfaces: Vec::new(),
            designators: Vec::new(),
            designator_keys: Vec::new(),
            mergers: HashMap::new(),
        };
        let mut surface: HashMap<String, Vec<usize>> = HashMap::new();
        for (file, text) in files {
            if *file == MERGER_FILE {
                for r in data::mergers(file, text)? {
                    g.mergers.insert(
                        r.old_code.to_string(),
                        (r.new_code.into(), r.new_name.into()),
                    );
                }
                continue;
            }
            for r in data::places(file, text)? {
                let country = r.code.split('-').next().unwrap_or_default().to_string();
                let loose = loose_tones.iter().any(|c| c.eq_ignore_ascii_case(&country));
                let region = if r.code.contains('-') {
                    r.code.to_string()
                } else {
                    String::new()
                };
                let idx = g.places.len();
                g.places.push(Place {
                    country: country.into(),
                    region: region.into(),
                    name: r.name.into(),
                    level: r.level,
                });
                if r.level != PlaceLevel::Local {
                    g.by_code.entry(r.code.to_string()).or_insert(idx);
                }
                for s in std::iter::once(r.name).chain(r.aliases.iter().copied()) {
                    let toned = if loose { tone_variants(s) } else { Vec::new() };
                    for v in spelling_variants(s).into_iter().chain(toned) {
                        add_to(&mut surface, v, idx);
                    }
                    let key = fold(s);
                    if !key.is_empty() {
                        add_to(&mut g.folded, key.replace(' ', ""), idx);
                        add_to(&mut g.folded, key, idx);
                    }
                }
            }
        }
        // A non-place name is a spelling with no places: as the longer match it claims its
        // span, and the matcher skips a span with no place.
        for name in data::words("not_places.tsv", NOT_PLACES)? {
            for v in spelling_variants(name) {
                surface.entry(v).or_default();
            }
        }
        let places = &g.places;
        for list in g.folded.values_mut().chain(surface.values_mut()) {
            list.sort_by_key(|&i| level_rank(places[i].level));
        }
        g.surfaces = surface.into_iter().collect();
        g.surfaces.sort();
        for r in data::designators("designators.tsv", DESIGNATORS)? {
            for word in spelling_variants(r.word) {
                g.designators.push(Designator {
                    word,
                    prefer: r.prefer,
                });
            }
            let key = fold(r.word);
            if !key.is_empty() && !g.designator_keys.contains(&key) {
                g.designator_keys.push(key);
            }
        }
        g.designator_keys
            .sort_by_key(|k| std::cmp::Reverse(k.len()));
        Ok(g)
    }

    /// Every spelling the gazetteer knows, sorted, each with the places it names (most
    /// general level first; none for a name that is no place). Index the places with
    /// [`Gazetteer::place`].
    pub fn surfaces(&self) -> &[(String, Vec<usize>)] {
        &self.surfaces
    }

    /// The place at an index that [`Gazetteer::surfaces`] gives.
    pub fn place(&self, idx: usize) -> &Place {
        &self.places[idx]
    }

    /// The words written before a place name, every spelling variant of each.
    pub fn designators(&self) -> &[Designator] {
        &self.designators
    }

    /// The country or first-level region with this ISO 3166 code (any case).
    pub fn by_code(&self, code: &str) -> Option<&Place> {
        self.by_code
            .get(&code.trim().to_ascii_uppercase())
            .map(|&i| &self.places[i])
    }

    /// A place from a code ("VN-HN", "jp-40", "JP") or any spelling of its name, with or
    /// without diacritics or a designator ("TP. Hà Nội", "ha noi", "Hanoi", "tỉnh Fukuoka").
    pub fn resolve(&self, name: &str) -> Option<Place> {
        let t = name.trim();
        if t.is_empty() {
            return None;
        }
        if let Some(p) = self.by_code(t) {
            return Some(p.clone());
        }
        let key = fold(t);
        let mut candidates = vec![key.clone()];
        let mut stripped = key.as_str();
        loop {
            let before = stripped;
            for d in &self.designator_keys {
                if let Some(rest) = stripped
                    .strip_prefix(d.as_str())
                    .and_then(|r| r.strip_prefix(' '))
                {
                    stripped = rest;
                }
            }
            if stripped == before {
                break;
            }
            candidates.push(stripped.to_string());
        }
        candidates.iter().rev().find_map(|c| {
            [c.clone(), c.replace(' ', "")]
                .iter()
                .find_map(|k| self.folded.get(k)?.first())
                .map(|&i| self.places[i].clone())
        })
    }

    /// The place as the map stood in the given month: a Vietnamese province merged in 2025
    /// becomes the province it joined when the month is July 2025 or later. A month of 0 (a
    /// year alone) counts as before the merger in 2025.
    pub fn at(&self, place: &Place, year: i32, month: u32) -> Place {
        let after =
            (year, month) >= MERGER_TAKES_EFFECT && (year > MERGER_TAKES_EFFECT.0 || month > 0);
        if !after || &*place.country != "VN" {
            return place.clone();
        }
        match self.mergers.get(&*place.region) {
            Some((new, new_name)) if *new != place.region => Place {
                country: place.country.clone(),
                region: new.clone(),
                name: if place.level == PlaceLevel::Region {
                    new_name.clone()
                } else {
                    place.name.clone()
                },
                level: place.level,
            },
            _ => place.clone(),
        }
    }

    /// Every row of every place file with the file it comes from (the merger table left out),
    /// for tools that draw places by country and level.
    pub fn rows() -> impl Iterator<Item = (&'static str, data::PlaceRow<'static>)> {
        PLACE_FILES
            .iter()
            .filter(|(f, _)| *f != MERGER_FILE)
            .flat_map(|(f, text)| {
                data::places(f, text)
                    .unwrap_or_default()
                    .into_iter()
                    .map(move |r| (*f, r))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: &[(&str, &str)] = &[
        (
            "world.tsv",
            "# test\ncountry\tJP\tNhật Bản\tNhật|Japan\ncountry\tVN\tViệt Nam\tVietnam\ncountry\tKR\tHàn Quốc\tKorea\n",
        ),
        (
            "vn.tsv",
            "region\tVN-HN\tHà Nội\tHanoi|Ha Noi\nregion\tVN-13\tQuảng Ninh\t\nregion\tVN-21\tThanh Hóa\t\nlocal\tVN-HN\tMê Linh\t\nregion\tVN-63\tHà Nam\t\nregion\tVN-14\tHòa Bình\t\n",
        ),
        (
            "jp.tsv",
            "region\tJP-40\tFukuoka\t\nregion\tJP-01\tHokkaido\t\nlocal\tJP-01\tAsahikawa\t\nlocal\tJP\tKyushu\tKyūshū\n",
        ),
        (
            MERGER_FILE,
            "VN-63\tHà Nam\tVN-18\tNinh Bình\nVN-HN\tHà Nội\tVN-HN\tHà Nội\n",
        ),
    ];

    fn gazetteer() -> Gazetteer {
        Gazetteer::from_files(FILES).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn resolves_codes_and_spellings() {
        let g = gazetteer();
        for q in [
            "VN-HN",
            "vn-hn",
            "Hà Nội",
            "ha noi",
            "Hanoi",
            "TP. Hà Nội",
            "thành phố Hà Nội",
            "HANOI",
        ] {
            assert_eq!(g.resolve(q).map(|p| p.region), Some("VN-HN".into()), "{q}");
        }
        assert_eq!(
            g.resolve("Japan").map(|p| p.code().to_string()),
            Some("JP".into())
        );
        assert_eq!(g.resolve("jp-40").map(|p| p.name), Some("Fukuoka".into()));
        assert_eq!(
            g.resolve("tỉnh Fukuoka").map(|p| p.region),
            Some("JP-40".into())
        );
        assert_eq!(
            g.resolve("Thanh Hoá").map(|p| p.region),
            Some("VN-21".into())
        );
        assert!(g.resolve("Atlantis").is_none());
        assert!(g.resolve("").is_none());
    }

    #[test]
    fn a_merged_province_is_its_new_province_from_july_2025() {
        let g = gazetteer();
        let ha_nam = g.resolve("Hà Nam").unwrap_or_else(|| panic!("Hà Nam"));
        assert_eq!(&*g.at(&ha_nam, 2025, 6).region, "VN-63");
        assert_eq!(&*g.at(&ha_nam, 2025, 0).region, "VN-63");
        assert_eq!(&*g.at(&ha_nam, 2025, 7).region, "VN-18");
        assert_eq!(&*g.at(&ha_nam, 2026, 0).name, "Ninh Bình");
        let hanoi = g.resolve("Hà Nội").unwrap_or_else(|| panic!("Hà Nội"));
        assert_eq!(g.at(&hanoi, 2026, 1), hanoi);
    }

    #[test]
    fn a_malformed_file_is_an_error_naming_its_line() {
        let bad = [("xx.tsv", "region\tXX-1\tSomewhere\nnation\tXX\tNowhere\n")];
        let e = Gazetteer::from_files(&bad).err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("xx.tsv:2: unknown level \"nation\" (country, region, local)")
        );
    }

    #[test]
    fn builtin_data_resolves_every_common_spelling() {
        let g = Gazetteer::builtin();
        let code = |q: &str| g.resolve(q).map(|p| p.code().to_string());
        for q in [
            "Hà Nội",
            "ha noi",
            "Hanoi",
            "TP. Hà Nội",
            "thành phố Hà Nội",
            "VN-HN",
            "Mê Linh",
        ] {
            assert_eq!(code(q).as_deref(), Some("VN-HN"), "{q}");
        }
        for q in ["tỉnh Fukuoka", "fukuoka", "jp-40", "JP-40"] {
            assert_eq!(code(q).as_deref(), Some("JP-40"), "{q}");
        }
        for q in ["Nhật Bản", "Japan", "nhat ban", "JP"] {
            assert_eq!(code(q).as_deref(), Some("JP"), "{q}");
        }
        assert_eq!(code("Vân Nam").as_deref(), Some("CN-YN"));
        assert_eq!(code("Yunnan").as_deref(), Some("CN-YN"));
        assert!(g.surfaces().len() > 3000);
    }
}
