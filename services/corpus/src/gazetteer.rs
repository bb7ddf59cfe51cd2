//! The places an article can name: every row of the gazetteer's place files, so that the
//! corpus exercises every spelling the extractor knows.

use hoptac_gazetteer::data::{PlaceLevel, PlaceRow};

/// One place with its spellings.
#[derive(Debug)]
pub struct Place {
    /// ISO 3166 code as in the file ("VN-HN", "JP-40", "JP").
    pub code: &'static str,
    /// The canonical name.
    pub name: &'static str,
    /// Other spellings (may be empty).
    pub aliases: Vec<&'static str>,
}

/// A partner country with its regions and cities.
#[derive(Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: &'static str,
    /// The Vietnamese name the press uses.
    pub name: &'static str,
    /// First-level regions.
    pub regions: Vec<Place>,
    /// Cities, districts and areas.
    pub locals: Vec<Place>,
}

/// Every place, grouped the way the generator draws them.
#[derive(Debug)]
pub struct Gazetteer {
    /// Vietnamese provinces and centrally-run cities.
    pub vn_regions: Vec<Place>,
    /// Vietnamese cities, towns and districts.
    pub vn_locals: Vec<Place>,
    /// Countries with regions or cities in the gazetteer, in code order.
    pub partners: Vec<Country>,
    /// Every country (code, Vietnamese name), Viet Nam included.
    pub countries: Vec<(&'static str, &'static str)>,
}

impl Gazetteer {
    /// Every row of the gazetteer crate's place files.
    pub fn builtin() -> Self {
        Self::from_rows(hoptac_gazetteer::Gazetteer::rows().map(|(_, r)| r))
    }

    /// A gazetteer from place rows (`hoptac_gazetteer::data::places` reads them).
    pub fn from_rows(rows: impl IntoIterator<Item = PlaceRow<'static>>) -> Self {
        let mut g = Gazetteer {
            vn_regions: Vec::new(),
            vn_locals: Vec::new(),
            partners: Vec::new(),
            countries: Vec::new(),
        };
        let mut places: Vec<(PlaceLevel, Place)> = Vec::new();
        for r in rows {
            let place = Place {
                code: r.code,
                name: r.name,
                aliases: r.aliases,
            };
            match r.level {
                PlaceLevel::Country => g.countries.push((r.code, r.name)),
                level => places.push((level, place)),
            }
        }
        for (level, place) in places {
            let country = place.code.split('-').next().unwrap_or_default();
            if country == "VN" {
                match level {
                    PlaceLevel::Region => g.vn_regions.push(place),
                    _ => g.vn_locals.push(place),
                }
                continue;
            }
            let Some(&(code, name)) = g.countries.iter().find(|(c, _)| *c == country) else {
                continue;
            };
            let at = match g.partners.iter().position(|c| c.code == code) {
                Some(i) => i,
                None => {
                    g.partners.push(Country {
                        code,
                        name,
                        regions: Vec::new(),
                        locals: Vec::new(),
                    });
                    g.partners.len() - 1
                }
            };
            match level {
                PlaceLevel::Region => g.partners[at].regions.push(place),
                _ => g.partners[at].locals.push(place),
            }
        }
        // A partner is named by a region or a city; one with neither cannot be drawn.
        g.partners
            .retain(|c| !c.regions.is_empty() || !c.locals.is_empty());
        g.partners.sort_by_key(|c| c.code);
        g
    }

    /// The partner country with this code.
    pub fn partner(&self, code: &str) -> Option<&Country> {
        self.partners.iter().find(|c| c.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_gazetteer_row_is_loaded() {
        let g = Gazetteer::builtin();
        assert_eq!(g.vn_regions.len(), 63);
        assert!(g.vn_locals.len() > 500);
        assert!(g.countries.len() > 240);
        for code in [
            "JP", "KR", "LA", "CN", "FR", "US", "DE", "AU", "KH", "TH", "RU",
        ] {
            let c = g.partner(code).unwrap_or_else(|| panic!("{code} missing"));
            assert!(!c.regions.is_empty(), "{code}");
        }
        let jp = g.partner("JP").map(|c| c.name);
        assert_eq!(jp, Some("Nhật Bản"));
        let hn = g.vn_regions.iter().find(|p| p.code == "VN-HN");
        assert_eq!(hn.map(|p| p.name), Some("Hà Nội"));
        assert!(hn.is_some_and(|p| p.aliases.contains(&"Hanoi")));
    }

    #[test]
    fn places_group_by_country_and_level() {
        let rows = [
            "country\tJP\tNhật Bản\tJapan\n",
            "region\tJP-40\tFukuoka\t\nlocal\tJP-01\tSapporo\tXáp-pô-rô|Sapôrô\n",
            "region\tXX-1\tNowhere\t\n",
        ]
        .into_iter()
        .flat_map(|f| hoptac_gazetteer::data::places("test.tsv", f).unwrap_or_default());
        let g = Gazetteer::from_rows(rows);
        assert!(g.vn_regions.is_empty());
        assert_eq!(g.partners.len(), 1);
        assert_eq!(g.partners[0].regions.len(), 1);
        assert_eq!(g.partners[0].locals[0].aliases, ["Xáp-pô-rô", "Sapôrô"]);
    }
}
