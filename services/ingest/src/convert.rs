//! Translation between the extractor's domain types and the hoptac.v1 protobuf messages: the
//! only place that knows both.

use hoptac_api::v1 as pb;
use hoptac_extract as domain;

/// The protobuf `Extraction` of an article, its records numbered `{article_id}-a{n}` and
/// `{article_id}-v{n}` so that ids are stable across re-extraction of the same records. The
/// page's canonical URL stands in for `url` when that is empty or only names a local file.
pub fn extraction(
    found: &domain::Extraction,
    url: &str,
    source: &str,
    ingested_at: Option<pbjson_types::Timestamp>,
) -> pb::Extraction {
    let id = &found.article_id;
    let url = match &found.url {
        Some(page_url) if url.is_empty() || url.starts_with("file://") => page_url.as_str(),
        _ => url,
    };
    let article = pb::Article {
        id: id.clone(),
        url: url.to_string(),
        source: source.to_string(),
        title: found.title.clone(),
        published_on: found.published_on.map(date),
        text: found.text.clone(),
        ingested_at,
    };
    // Each record names its own article, so that wherever it goes (the log, a replica's
    // events) it can be resolved as a mention without the article's text.
    let mention = |id: &str, evidence: Option<&pb::Evidence>| {
        vec![hoptac_resolve::Mention::entry(id, &article, evidence)]
    };
    let agreements = found
        .agreements
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let mut record = agreement(id, n + 1, a);
            record.mentions = mention(&record.id, record.evidence.as_ref());
            record
        })
        .collect();
    let visits = found
        .visits
        .iter()
        .enumerate()
        .map(|(n, v)| {
            let mut record = visit(id, n + 1, v);
            record.mentions = mention(&record.id, record.evidence.as_ref());
            record
        })
        .collect();
    pb::Extraction {
        article: Some(article),
        agreements,
        visits,
    }
}

/// The extractor's view of a protobuf date.
pub fn domain_date(d: &pb::PartialDate) -> domain::PartialDate {
    domain::PartialDate {
        year: d.year,
        month: u32::try_from(d.month).unwrap_or(0),
        day: u32::try_from(d.day).unwrap_or(0),
        year_inferred: d.year_inferred,
    }
}

fn agreement(article_id: &str, n: usize, a: &domain::Agreement) -> pb::Agreement {
    pb::Agreement {
        id: format!("{article_id}-a{n}"),
        kind: agreement_kind(a.kind) as i32,
        status: agreement_status(a.status) as i32,
        title: a.title.clone(),
        parties: a.parties.iter().map(party).collect(),
        signed_on: a.signed_on.map(date),
        term: a.term.map(|t| pb::Term {
            start_year: t.start_year,
            end_year: t.end_year,
        }),
        fields: a.fields.iter().map(|f| field(*f) as i32).collect(),
        signatories: a.signatories.iter().map(person).collect(),
        evidence: Some(evidence(article_id, &a.evidence)),
        mentions: Vec::new(),
    }
}

fn visit(article_id: &str, n: usize, v: &domain::Visit) -> pb::Visit {
    pb::Visit {
        id: format!("{article_id}-v{n}"),
        status: match v.status {
            domain::VisitStatus::Happened => pb::VisitStatus::Happened,
            domain::VisitStatus::Planned => pb::VisitStatus::Planned,
        } as i32,
        guest: Some(party(&v.guest)),
        host: Some(party(&v.host)),
        leader: v.leader.as_ref().map(person),
        hosts: v.hosts.iter().map(person).collect(),
        start: v.start.map(date),
        end: v.end.map(date),
        purpose: v.purpose.clone(),
        fields: v.fields.iter().map(|f| field(*f) as i32).collect(),
        evidence: Some(evidence(article_id, &v.evidence)),
        mentions: Vec::new(),
    }
}

fn place(p: &domain::Place) -> pb::Place {
    pb::Place {
        country: p.country.to_string(),
        region: p.region.to_string(),
        name: p.name.to_string(),
        level: match p.level {
            domain::PlaceLevel::Country => pb::PlaceLevel::Country,
            domain::PlaceLevel::Region => pb::PlaceLevel::Region,
            domain::PlaceLevel::Local => pb::PlaceLevel::Local,
        } as i32,
    }
}

fn party(p: &domain::Party) -> pb::Party {
    use domain::PartyKind as K;
    let kind = match p.kind {
        K::Locality => pb::PartyKind::Locality,
        K::Government => pb::PartyKind::Government,
        K::Council => pb::PartyKind::Council,
        K::PartyCommittee => pb::PartyKind::PartyCommittee,
        K::Agency => pb::PartyKind::Agency,
        K::Education => pb::PartyKind::Education,
        K::Association => pb::PartyKind::Association,
        K::Company => pb::PartyKind::Company,
        K::Other => pb::PartyKind::Other,
    };
    pb::Party {
        organization: p.organization.clone(),
        kind: kind as i32,
        place: Some(place(&p.place)),
    }
}

fn person(p: &domain::Person) -> pb::Person {
    pb::Person {
        name: p.name.clone(),
        title: p.title.clone(),
        place: p.place.as_ref().map(place),
    }
}

/// The protobuf form of an extractor date.
pub fn date(d: domain::PartialDate) -> pb::PartialDate {
    pb::PartialDate {
        year: d.year,
        month: i32::try_from(d.month).unwrap_or(0),
        day: i32::try_from(d.day).unwrap_or(0),
        year_inferred: d.year_inferred,
    }
}

fn evidence(article_id: &str, e: &domain::Evidence) -> pb::Evidence {
    pb::Evidence {
        article_id: article_id.to_string(),
        quote: e.quote.clone(),
        start: u32::try_from(e.start).unwrap_or(u32::MAX),
        end: u32::try_from(e.end).unwrap_or(u32::MAX),
    }
}

fn agreement_kind(k: domain::AgreementKind) -> pb::AgreementKind {
    use domain::AgreementKind as K;
    match k {
        K::Agreement => pb::AgreementKind::Agreement,
        K::Memorandum => pb::AgreementKind::Memorandum,
        K::Friendship => pb::AgreementKind::Friendship,
        K::Minutes => pb::AgreementKind::Minutes,
        K::LetterOfIntent => pb::AgreementKind::LetterOfIntent,
        K::Other => pb::AgreementKind::Other,
    }
}

fn agreement_status(s: domain::AgreementStatus) -> pb::AgreementStatus {
    match s {
        domain::AgreementStatus::Signed => pb::AgreementStatus::Signed,
        domain::AgreementStatus::Past => pb::AgreementStatus::Past,
        domain::AgreementStatus::Planned => pb::AgreementStatus::Planned,
    }
}

fn field(f: domain::Field) -> pb::Field {
    use domain::Field as F;
    match f {
        F::Health => pb::Field::Health,
        F::Education => pb::Field::Education,
        F::Culture => pb::Field::Culture,
        F::Tourism => pb::Field::Tourism,
        F::Economy => pb::Field::Economy,
        F::Trade => pb::Field::Trade,
        F::Investment => pb::Field::Investment,
        F::Agriculture => pb::Field::Agriculture,
        F::Environment => pb::Field::Environment,
        F::Urban => pb::Field::Urban,
        F::Transport => pb::Field::Transport,
        F::ScienceTechnology => pb::Field::ScienceTechnology,
        F::Labour => pb::Field::Labour,
        F::PeopleExchange => pb::Field::PeopleExchange,
        F::Industry => pb::Field::Industry,
        F::Other => pb::Field::Other,
    }
}
