//! The sides of a record: one party per distinct place, filled from the article's main pair
//! where the text names one side only, and the map as it stood on the day.
use super::cues::Cues;
use super::document::Doc;
use crate::lexicon::Cue;
use crate::model::{PartialDate, Party, PartyKind, Place, PlaceLevel};
use crate::places::PlaceMention;
use hoptac_gazetteer::Gazetteer;
use std::ops::Range;

impl<'a> Doc<'a> {
    /// The article's main region in a country named only as a country ("tại Đức"): a city of
    /// it rolls up to its region even where the text names only the country.
    pub(super) fn main_region_of(&self, country: &str) -> Option<Place> {
        [&self.home, &self.partner]
            .into_iter()
            .flatten()
            .find(|p| &*p.country == country && !p.region.is_empty())
            .cloned()
    }
}

/// The places of [`distinct_codes`].
pub(super) fn distinct_places(mentions: &[&PlaceMention]) -> Vec<Place> {
    distinct_codes(mentions)
        .iter()
        .map(|m| m.place.clone())
        .collect()
}

pub(super) fn distinct_codes<'p>(mentions: &[&'p PlaceMention]) -> Vec<&'p PlaceMention> {
    let mut out: Vec<&PlaceMention> = Vec::new();
    for m in mentions {
        if let Some(i) = out.iter().position(|o| o.code() == m.code()) {
            if out[i].kind == PartyKind::Locality && m.kind != PartyKind::Locality {
                out[i] = m;
            }
            continue;
        }
        out.push(m);
    }
    let has_region = |country: &str, out: &[&PlaceMention]| {
        out.iter()
            .any(|o| &*o.place.country == country && !o.place.region.is_empty())
    };
    let snapshot = out.clone();
    out.retain(|m| !(m.place.region.is_empty() && has_region(&m.place.country, &snapshot)));
    out
}

pub(super) fn cross_border(places: &[Place]) -> bool {
    let vn = places.iter().any(|p| &*p.country == "VN");
    let foreign = places.iter().any(|p| &*p.country != "VN");
    let sub = places
        .iter()
        .any(|p| !p.region.is_empty() || p.level == PlaceLevel::Local);
    vn && foreign && sub
}

/// The place as the map stood on `date` (see [`Gazetteer::at`]); as it is when no date is known.
pub(super) fn at_date(g: &Gazetteer, place: &Place, date: Option<PartialDate>) -> Place {
    date.map_or_else(|| place.clone(), |d| g.at(place, d.year, d.month))
}

pub(super) fn party(text: &str, m: &PlaceMention, place: Place) -> Party {
    Party {
        organization: m.organization(text).to_string(),
        kind: m.kind,
        place,
    }
}

pub(super) fn locality(place: Place) -> Party {
    Party {
        organization: place.name.to_string(),
        kind: PartyKind::Locality,
        place,
    }
}

/// Whether a place is a country named as such, not a region or a place within it (an
/// institution placed only by its country, "Trường Đại học Hohenheim (CHLB Đức)", is one).
/// Whether a mention names a region or town abroad, not a country as such.
pub(super) fn is_foreign_region(m: &&PlaceMention) -> bool {
    &*m.place.country != "VN" && !m.place.region.is_empty()
}

pub(super) fn is_bare_country(p: &Place) -> bool {
    p.region.is_empty() && p.level == PlaceLevel::Country
}

/// Several instruments signed by one side with several foreign partners at once: one each,
/// the home side with one partner. Sides that are countries as such stay as they are.
pub(super) fn one_per_foreign_side(parties: Vec<Party>) -> Vec<Vec<Party>> {
    let (home, foreign): (Vec<Party>, Vec<Party>) = parties
        .iter()
        .cloned()
        .partition(|p| &*p.place.country == "VN");
    if home.is_empty() || foreign.len() < 2 || foreign.iter().any(|p| is_bare_country(&p.place)) {
        return vec![parties];
    }
    foreign
        .into_iter()
        .map(|f| home.iter().cloned().chain([f]).collect())
        .collect()
}

/// The parties of a mention, one per code, with a missing side taken from the article's main
/// pair ("hai tỉnh", "2 bên"); None when the result is not cross-border.
pub(super) fn fill_parties(
    doc: &Doc<'_>,
    distinct: &[&PlaceMention],
    signers: &[Place],
    date: Option<PartialDate>,
    pair_named: bool,
) -> Option<Vec<Party>> {
    let g = doc.c.gazetteer;
    let mut parties: Vec<Party> = distinct
        .iter()
        .map(|m| party(doc.c.text, m, at_date(g, &m.place, date)))
        .collect();
    // Two names of one place at that date (a province and the one it merged into) are one side.
    let mut seen: Vec<String> = Vec::new();
    parties.retain(|p| {
        let fresh = !seen.iter().any(|c| c == p.place.code());
        seen.push(p.place.code().to_string());
        fresh
    });
    // Each signer's place is a side unless it is one already, or its country stands for it
    // ("Ông A (Lào Cai), ông B (Hà Giang) và ông C (Vân Nam) ký biên bản": three sides).
    for place in signers {
        let place = at_date(g, place, date);
        let known = parties.iter().any(|p| {
            p.place.code() == place.code()
                || (p.place.country == place.country && p.place.region.is_empty())
        });
        if !known {
            parties.push(locality(place));
        }
    }
    let sub = |vn: bool| {
        parties
            .iter()
            .any(|p| (&*p.place.country == "VN") == vn && !p.place.region.is_empty())
    };
    let has_vn = parties.iter().any(|p| &*p.place.country == "VN");
    let has_foreign = parties.iter().any(|p| &*p.place.country != "VN");
    let may_fill = if parties.is_empty() || !(has_vn && has_foreign) {
        pair_named && (parties.is_empty() || (has_vn && sub(true)) || (has_foreign && sub(false)))
    } else {
        true
    };
    if !may_fill {
        return None;
    }
    if !has_vn {
        if let Some(h) = &doc.home {
            parties.insert(0, locality(at_date(g, h, date)));
        }
    }
    if !has_foreign {
        if let Some(p) = &doc.partner {
            parties.push(locality(p.clone()));
        }
    }
    let places: Vec<Place> = parties.iter().map(|p| p.place.clone()).collect();
    cross_border(&places).then_some(parties)
}

/// The "giữa A và B" clause of a segment, up to the words that start what it is about.
pub(super) fn party_clause(cues: &Cues, lower: &str, seg: &Range<usize>) -> Range<usize> {
    let chunk = &lower[seg.clone()];
    let Some(between) = cues.first(chunk, Cue::Between) else {
        return seg.start..seg.start;
    };
    let rest = &chunk[between.start..];
    let after_between = between.end - between.start;
    let end = cues
        .first(&rest[after_between..], Cue::ClauseEnd)
        .map(|r| after_between + r.start)
        .into_iter()
        .chain(rest.find(';'))
        .min()
        .unwrap_or(rest.len());
    seg.start + between.start..seg.start + between.start + end
}

/// Whether two party lists name the same sides, a country standing for any of its regions
/// ("một thành phố Việt Nam" and "Hội An").
pub(super) fn compatible(a: &[Party], b: &[Party]) -> bool {
    let fits = |x: &Place, y: &Place| {
        x.code() == y.code() || (x.region.is_empty() && x.country == y.country)
    };
    a.len() == b.len()
        && a.iter().all(|x| {
            b.iter()
                .any(|y| fits(&x.place, &y.place) || fits(&y.place, &x.place))
        })
        && b.iter().all(|y| {
            a.iter()
                .any(|x| fits(&x.place, &y.place) || fits(&y.place, &x.place))
        })
}
