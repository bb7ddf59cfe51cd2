//! Records as people read them: short dates, short enum names, parties with their place codes.

use hoptac_api::v1::{Agreement, EventChangeKind, PartialDate, Party, Person, Visit};

/// Shown for a value the record does not have, so an empty cell never looks like a gap in the
/// layout.
pub const MISSING: &str = "—";

/// Column headers of agreement rows.
pub const AGREEMENT_HEADERS: &[&str] = &["DATE", "STATUS", "KIND", "PARTIES", "FIELDS", "ID"];

/// Column headers of visit rows.
pub const VISIT_HEADERS: &[&str] = &["START", "STATUS", "GUEST → HOST", "LEADER", "ID"];

/// Column headers of timeline rows.
pub const TIMELINE_HEADERS: &[&str] = &["DATE", "TYPE", "SUMMARY", "ID"];

/// Column headers of watched events: the timeline's, led by the log sequence that changed them and
/// what it did.
pub const WATCH_HEADERS: &[&str] = &["SEQUENCE", "CHANGE", "DATE", "TYPE", "SUMMARY", "ID"];

/// What a change did to an event, in words ("created", "mention added").
pub fn change(kind: EventChangeKind) -> String {
    kind.as_str_name()
        .trim_start_matches("EVENT_CHANGE_KIND_")
        .to_lowercase()
        .replace('_', " ")
}

/// `2024-03-05`, `2024-03` or `2024`, as precise as the record is; `—` when it has no year.
pub fn date(date: Option<&PartialDate>) -> String {
    match date {
        Some(d) if d.year != 0 && d.month != 0 && d.day != 0 => {
            format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
        }
        Some(d) if d.year != 0 && d.month != 0 => format!("{:04}-{:02}", d.year, d.month),
        Some(d) if d.year != 0 => format!("{:04}", d.year),
        _ => MISSING.to_string(),
    }
}

/// The enum name without its prefix (`AGREEMENT_STATUS_SIGNED` → `SIGNED`); `—` for the
/// unspecified value, which carries no information for a reader.
pub fn short_name(full: &str, prefix: &str) -> String {
    match full.strip_prefix(prefix).unwrap_or(full) {
        "UNSPECIFIED" => MISSING.to_string(),
        short => short.to_string(),
    }
}

/// The name a user types and reads for an enum value (`FIELD_SCIENCE_TECHNOLOGY` →
/// `science-technology`).
pub fn flag_name(full: &str, prefix: &str) -> String {
    full.strip_prefix(prefix)
        .unwrap_or(full)
        .to_lowercase()
        .replace('_', "-")
}

/// `VN-HN HĐND TP Hà Nội`: the most specific code of the party's place, then its organization.
pub fn party(party: Option<&Party>) -> String {
    let Some(party) = party else {
        return MISSING.to_string();
    };
    let code = party
        .place
        .as_ref()
        .map(|p| {
            if p.region.is_empty() {
                &p.country
            } else {
                &p.region
            }
        })
        .filter(|code| !code.is_empty());
    let organization = if party.organization.is_empty() {
        party.place.as_ref().map_or("", |p| p.name.as_str())
    } else {
        party.organization.as_str()
    };
    match (code, organization.is_empty()) {
        (Some(code), false) => format!("{code} {organization}"),
        (Some(code), true) => code.clone(),
        (None, false) => organization.to_string(),
        (None, true) => MISSING.to_string(),
    }
}

fn parties(agreement: &Agreement) -> String {
    if agreement.parties.is_empty() {
        return MISSING.to_string();
    }
    let parties: Vec<String> = agreement.parties.iter().map(|p| party(Some(p))).collect();
    parties.join(" ↔ ")
}

fn person(person: Option<&Person>) -> String {
    match person {
        Some(p) if !p.name.is_empty() && !p.title.is_empty() => format!("{} ({})", p.name, p.title),
        Some(p) if !p.name.is_empty() => p.name.clone(),
        Some(p) if !p.title.is_empty() => p.title.clone(),
        _ => MISSING.to_string(),
    }
}

fn fields(fields: impl Iterator<Item = hoptac_api::v1::Field>) -> String {
    let names: Vec<String> = fields
        .map(|f| flag_name(f.as_str_name(), "FIELD_"))
        .collect();
    if names.is_empty() {
        MISSING.to_string()
    } else {
        names.join(", ")
    }
}

fn agreement_status(agreement: &Agreement) -> String {
    short_name(agreement.status().as_str_name(), "AGREEMENT_STATUS_")
}

fn agreement_kind(agreement: &Agreement) -> String {
    match flag_name(agreement.kind().as_str_name(), "AGREEMENT_KIND_").as_str() {
        "unspecified" => MISSING.to_string(),
        kind => kind.to_string(),
    }
}

fn visit_status(visit: &Visit) -> String {
    short_name(visit.status().as_str_name(), "VISIT_STATUS_")
}

fn guest_to_host(visit: &Visit) -> String {
    format!(
        "{} → {}",
        party(visit.guest.as_ref()),
        party(visit.host.as_ref())
    )
}

/// One row under [`AGREEMENT_HEADERS`].
pub fn agreement_row(agreement: &Agreement) -> Vec<String> {
    vec![
        date(agreement.signed_on.as_ref()),
        agreement_status(agreement),
        agreement_kind(agreement),
        parties(agreement),
        fields(agreement.fields()),
        agreement.id.clone(),
    ]
}

/// One row under [`VISIT_HEADERS`].
pub fn visit_row(visit: &Visit) -> Vec<String> {
    vec![
        date(visit.start.as_ref()),
        visit_status(visit),
        guest_to_host(visit),
        person(visit.leader.as_ref()),
        visit.id.clone(),
    ]
}

/// One row under [`TIMELINE_HEADERS`] for an agreement.
pub fn timeline_agreement_row(agreement: &Agreement) -> Vec<String> {
    vec![
        date(agreement.signed_on.as_ref()),
        "agreement".to_string(),
        format!(
            "{} {}: {}",
            agreement_status(agreement),
            agreement_kind(agreement),
            parties(agreement)
        ),
        agreement.id.clone(),
    ]
}

/// One row under [`TIMELINE_HEADERS`] for a visit.
pub fn timeline_visit_row(visit: &Visit) -> Vec<String> {
    let mut summary = format!("{} {}", visit_status(visit), guest_to_host(visit));
    if visit.leader.is_some() {
        summary.push_str(", led by ");
        summary.push_str(&person(visit.leader.as_ref()));
    }
    vec![
        date(visit.start.as_ref()),
        "visit".to_string(),
        summary,
        visit.id.clone(),
    ]
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use hoptac_api::v1::{AgreementKind, AgreementStatus, Field, Place, PlaceLevel};

    /// The agreement of the seed article on Hà Nội and Fukuoka, as the query service sends it.
    pub(crate) fn hanoi_fukuoka() -> Agreement {
        Agreement {
            id: "3f2a-a1".into(),
            kind: AgreementKind::Agreement as i32,
            status: AgreementStatus::Signed as i32,
            title: "thỏa thuận hợp tác".into(),
            parties: vec![
                Party {
                    organization: "HĐND TP Hà Nội".into(),
                    kind: 3,
                    place: Some(Place {
                        country: "VN".into(),
                        region: "VN-HN".into(),
                        name: "Hà Nội".into(),
                        level: PlaceLevel::Region as i32,
                    }),
                },
                Party {
                    organization: "Hội đồng tỉnh Fukuoka".into(),
                    kind: 3,
                    place: Some(Place {
                        country: "JP".into(),
                        region: "JP-40".into(),
                        name: "Fukuoka".into(),
                        level: PlaceLevel::Region as i32,
                    }),
                },
            ],
            signed_on: Some(PartialDate {
                year: 2025,
                month: 3,
                day: 3,
                year_inferred: false,
            }),
            fields: vec![Field::Health as i32, Field::ScienceTechnology as i32],
            ..Default::default()
        }
    }

    #[test]
    fn dates_are_as_precise_as_the_record() {
        let day = PartialDate {
            year: 2025,
            month: 3,
            day: 3,
            year_inferred: false,
        };
        assert_eq!(date(Some(&day)), "2025-03-03");
        let month = PartialDate { day: 0, ..day };
        assert_eq!(date(Some(&month)), "2025-03");
        let year = PartialDate { month: 0, ..month };
        assert_eq!(date(Some(&year)), "2025");
        assert_eq!(date(None), "—");
        assert_eq!(date(Some(&PartialDate::default())), "—");
    }

    #[test]
    fn an_agreement_row_names_parties_by_code_and_organization() {
        assert_eq!(
            agreement_row(&hanoi_fukuoka()),
            [
                "2025-03-03",
                "SIGNED",
                "agreement",
                "VN-HN HĐND TP Hà Nội ↔ JP-40 Hội đồng tỉnh Fukuoka",
                "health, science-technology",
                "3f2a-a1",
            ]
        );
    }

    #[test]
    fn a_visit_row_reads_guest_to_host() {
        let agreement = hanoi_fukuoka();
        let visit = Visit {
            id: "3f2a-v1".into(),
            status: 1,
            guest: agreement.parties.get(1).cloned(),
            host: agreement.parties.first().cloned(),
            leader: Some(Person {
                name: "Kurauchi Kenji".into(),
                title: "Chủ tịch Hội đồng tỉnh Fukuoka".into(),
                place: None,
            }),
            ..Default::default()
        };
        assert_eq!(
            visit_row(&visit),
            [
                "—",
                "HAPPENED",
                "JP-40 Hội đồng tỉnh Fukuoka → VN-HN HĐND TP Hà Nội",
                "Kurauchi Kenji (Chủ tịch Hội đồng tỉnh Fukuoka)",
                "3f2a-v1",
            ]
        );
        assert_eq!(
            timeline_visit_row(&visit)[2],
            "HAPPENED JP-40 Hội đồng tỉnh Fukuoka → VN-HN HĐND TP Hà Nội, \
             led by Kurauchi Kenji (Chủ tịch Hội đồng tỉnh Fukuoka)"
        );
    }

    #[test]
    fn unknown_values_show_as_a_dash() {
        let row = agreement_row(&Agreement {
            id: "x-a1".into(),
            ..Default::default()
        });
        assert_eq!(row, ["—", "—", "—", "—", "—", "x-a1"]);
        let country_only = Party {
            place: Some(Place {
                country: "JP".into(),
                name: "Nhật Bản".into(),
                ..Default::default()
            }),
            ..Default::default()
        };
        assert_eq!(party(Some(&country_only)), "JP Nhật Bản");
    }
}
