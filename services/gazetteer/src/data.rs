//! The one reader of the gazetteer's data files: tab-separated rows, `#` comments, each row
//! checked against its file's columns. The build script includes this module too and runs it
//! over every file, so a malformed row fails the build with its file and line.
//!
//! This module depends on `std` alone, because `build.rs` compiles it on its own.

use std::fmt;

/// A row that does not fit its file's columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The file's name.
    pub file: String,
    /// The 1-based line.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

impl std::error::Error for RowError {}

/// The data rows of a tab-separated file with their 1-based line numbers: comments (`#`) and
/// blank lines skipped, each column trimmed.
pub fn rows(data: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    data.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(n, l)| (n, l.split('\t').map(str::trim).collect()))
}

/// How specific a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceLevel {
    /// A whole country.
    Country,
    /// A first-level region (province, prefecture, région, state).
    Region,
    /// A city, district or area inside (or across) regions.
    Local,
}

impl PlaceLevel {
    fn parse(s: &str) -> Option<Self> {
        match s {
            "country" => Some(Self::Country),
            "region" => Some(Self::Region),
            "local" => Some(Self::Local),
            _ => None,
        }
    }
}

/// One row of a place file: `level code name aliases`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceRow<'a> {
    /// How specific the place is.
    pub level: PlaceLevel,
    /// Its ISO 3166 code: a local place carries its region's code, or its country's.
    pub code: &'a str,
    /// The canonical name.
    pub name: &'a str,
    /// Other spellings.
    pub aliases: Vec<&'a str>,
}

/// One row of the 2025 merger table: a pre-merger unit and the unit it became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergerRow<'a> {
    /// The pre-merger code.
    pub old_code: &'a str,
    /// The unit it became: its code and name.
    pub new_code: &'a str,
    /// The new unit's name.
    pub new_name: &'a str,
}

/// One row of `designators.tsv`: a word written before a place name, and the reading of an
/// ambiguous name it selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesignatorRow<'a> {
    /// The word as written.
    pub word: &'a str,
    /// The level of place it announces.
    pub prefer: PlaceLevel,
}

fn error(file: &str, line: usize, reason: impl Into<String>) -> RowError {
    RowError {
        file: file.to_string(),
        line,
        reason: reason.into(),
    }
}

/// Whether `code` is an ISO 3166-1 alpha-2 code or one followed by `-` and 1–3 letters or
/// digits, all uppercase.
fn is_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let country = parts.next().unwrap_or_default();
    let sub = parts.next();
    country.len() == 2
        && country.bytes().all(|b| b.is_ascii_uppercase())
        && parts.next().is_none()
        && sub.is_none_or(|s| {
            (1..=3).contains(&s.len())
                && s.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}

/// The rows of a place file.
pub fn places<'a>(file: &str, data: &'a str) -> Result<Vec<PlaceRow<'a>>, RowError> {
    rows(data)
        .map(|(line, r)| {
            let [level, code, name, rest @ ..] = r.as_slice() else {
                return Err(error(file, line, "expected level, code, name [, aliases]"));
            };
            if rest.len() > 1 {
                return Err(error(file, line, "more than four columns"));
            }
            let level = PlaceLevel::parse(level).ok_or_else(|| {
                error(
                    file,
                    line,
                    format!("unknown level {level:?} (country, region, local)"),
                )
            })?;
            if !is_code(code) {
                return Err(error(
                    file,
                    line,
                    format!("{code:?} is not an ISO 3166 code"),
                ));
            }
            if name.is_empty() {
                return Err(error(file, line, "empty name"));
            }
            let aliases = rest
                .first()
                .map(|a| {
                    a.split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            Ok(PlaceRow {
                level,
                code,
                name,
                aliases,
            })
        })
        .collect()
}

/// The rows of the merger table.
pub fn mergers<'a>(file: &str, data: &'a str) -> Result<Vec<MergerRow<'a>>, RowError> {
    rows(data)
        .map(|(line, r)| match r.as_slice() {
            [old_code, _, new_code, new_name] if is_code(old_code) && is_code(new_code) => {
                Ok(MergerRow {
                    old_code,
                    new_code,
                    new_name,
                })
            }
            _ => Err(error(
                file,
                line,
                "expected old_code, old_name, new_code, new_name",
            )),
        })
        .collect()
}

/// The rows of `designators.tsv`.
pub fn designators<'a>(file: &str, data: &'a str) -> Result<Vec<DesignatorRow<'a>>, RowError> {
    rows(data)
        .map(|(line, r)| match r.as_slice() {
            [word, prefer] if !word.is_empty() => Ok(DesignatorRow {
                word,
                prefer: PlaceLevel::parse(prefer).ok_or_else(|| {
                    error(
                        file,
                        line,
                        format!("unknown level {prefer:?} (country, region, local)"),
                    )
                })?,
            }),
            _ => Err(error(file, line, "expected designator, prefer")),
        })
        .collect()
}

/// The first column of a one-column file (`loose_tones.tsv`, `not_places.tsv`).
pub fn words<'a>(file: &str, data: &'a str) -> Result<Vec<&'a str>, RowError> {
    rows(data)
        .map(|(line, r)| match r.as_slice() {
            [word] if !word.is_empty() => Ok(*word),
            _ => Err(error(file, line, "expected one column")),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_rows_are_typed_and_bad_rows_named() {
        let rows =
            places("jp.tsv", "# c\nregion\tJP-40\tFukuoka\tPhúc Cương| \n").unwrap_or_default();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].level, PlaceLevel::Region);
        assert_eq!(rows[0].aliases, ["Phúc Cương"]);
        let e = places("jp.tsv", "\nprefecture\tJP-40\tFukuoka\n").err();
        assert_eq!(
            e.map(|e| e.to_string()).as_deref(),
            Some("jp.tsv:2: unknown level \"prefecture\" (country, region, local)")
        );
        assert!(places("x.tsv", "region\tJapan-40\tFukuoka\n").is_err());
        assert!(places("x.tsv", "region\tjp-40\tFukuoka\n").is_err());
        assert!(places("x.tsv", "region\tJP-40\n").is_err());
    }

    #[test]
    fn merger_and_designator_rows_need_every_column() {
        assert!(mergers("m.tsv", "VN-63\tHà Nam\tVN-18\tNinh Bình\n").is_ok());
        assert!(mergers("m.tsv", "VN-63\tHà Nam\tVN-18\n").is_err());
        assert!(designators("d.tsv", "tỉnh\tregion\n").is_ok());
        assert!(designators("d.tsv", "tỉnh\tprovince\n").is_err());
    }
}
