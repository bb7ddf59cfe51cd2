//! A stand-in for the extractor, for tests of the services: it answers with records built by
//! hand for each text a test ingests, so that those tests check storage, the changefeed and
//! the queries, whatever the extractor's rules make of a text (the extractor has its own
//! golden cases and scores). The seeds' records are their annotated gold,
//! `../shared/eval/seeds.gold.json`, not the extractor's output.

use std::{collections::HashMap, path::Path};

use hoptac_extract::{
    article_id,
    normalize::{self, normalize},
    Agreement, AgreementKind, AgreementStatus, Evidence, Extraction, Field, Gazetteer, Input,
    PartialDate, Party, PartyKind, Person, Term, Visit, VisitStatus,
};
use hoptac_ingest::input::Extract;
use serde_json::Value;

use super::{seeds, visit_article};

/// Records by article id (the id of the normalized text); a text it was not given has none.
pub struct StandIn {
    records: HashMap<String, (Vec<Agreement>, Vec<Visit>)>,
    markup: normalize::Rules,
    page: hoptac_extract::html::Rules,
}

impl Default for StandIn {
    fn default() -> Self {
        StandIn {
            records: HashMap::new(),
            markup: normalize::Rules::builtin(),
            page: hoptac_extract::html::Rules::builtin(),
        }
    }
}

impl Extract for StandIn {
    fn extract(&self, input: &Input<'_>) -> Extraction {
        let text = match input.body {
            hoptac_extract::Body::Text(t) => normalize(&self.markup, t),
            hoptac_extract::Body::Html(h) => normalize(
                &self.markup,
                &hoptac_extract::html::page(&self.page, h).text,
            ),
        };
        let id = article_id(&text);
        let (agreements, visits) = self.records.get(&id).cloned().unwrap_or_default();
        let title = match input.title.trim() {
            "" => text.lines().next().unwrap_or_default().trim().to_string(),
            given => given.to_string(),
        };
        Extraction {
            article_id: id,
            url: None,
            title,
            text,
            published_on: input.published_on,
            agreements,
            visits,
        }
    }
}

impl StandIn {
    /// The records of `text`: these agreements and visits.
    pub fn with(mut self, text: &str, agreements: Vec<Agreement>, visits: Vec<Visit>) -> Self {
        let id = article_id(&normalize(&self.markup, text));
        self.records.insert(id, (agreements, visits));
        self
    }

    /// The seeds with their annotated records, and the texts of [`visit_article`] `0..100`
    /// with the one visit each tells.
    pub fn seeds_and_visits() -> Self {
        let g = Gazetteer::builtin();
        let gold_path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/seeds.gold.json");
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(&gold_path)
                .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display())),
        )
        .expect("the seeds' gold is JSON");
        let mut out = StandIn::default();
        for (name, text) in seeds() {
            let entry = gold
                .as_array()
                .expect("a list of articles")
                .iter()
                .find(|a| a["file"].as_str() == Some(name.as_str()))
                .unwrap_or_else(|| panic!("no gold for seed {name}"));
            let agreements = list(&entry["agreements"])
                .map(|a| gold_agreement(&g, a))
                .collect();
            let visits = list(&entry["visits"]).map(|v| gold_visit(&g, v)).collect();
            out = out.with(&text, agreements, visits);
        }
        for n in 0..100 {
            out = out.with(
                &visit_article(n),
                Vec::new(),
                vec![hokkaido_in_quang_ninh(&g)],
            );
        }
        out
    }
}

/// The visit every [`visit_article`] tells: Hokkaido's delegation, led by its governor, received
/// in Quảng Ninh on 16/11/2023.
fn hokkaido_in_quang_ninh(g: &Gazetteer) -> Visit {
    Visit {
        status: VisitStatus::Happened,
        guest: party(g, "JP-01", "Đoàn đại biểu tỉnh Hokkaido"),
        host: party(g, "VN-13", "UBND tỉnh Quảng Ninh"),
        leader: Some(person("Suzuki Naomichi", "Thống đốc tỉnh Hokkaido")),
        hosts: Vec::new(),
        start: Some(day(2023, 11, 16)),
        end: None,
        purpose: String::new(),
        fields: Vec::new(),
        evidence: no_evidence(),
    }
}

/// An agreement of the gold: its parties (with the organizations named, when given), kind,
/// status, date, term and fields.
pub fn gold_agreement(g: &Gazetteer, a: &Value) -> Agreement {
    let orgs: Vec<&str> = list(&a["orgs"]).filter_map(Value::as_str).collect();
    Agreement {
        kind: match a["kind"].as_str() {
            Some("AGREEMENT") => AgreementKind::Agreement,
            Some("MEMORANDUM") => AgreementKind::Memorandum,
            Some("FRIENDSHIP") => AgreementKind::Friendship,
            Some("MINUTES") => AgreementKind::Minutes,
            Some("LETTER_OF_INTENT") => AgreementKind::LetterOfIntent,
            _ => AgreementKind::Other,
        },
        status: match a["status"].as_str() {
            Some("SIGNED") => AgreementStatus::Signed,
            Some("PLANNED") => AgreementStatus::Planned,
            _ => AgreementStatus::Past,
        },
        title: String::new(),
        parties: list(&a["parties"])
            .enumerate()
            .map(|(i, code)| {
                let code = code.as_str().expect("a party is a code");
                party(g, code, orgs.get(i).copied().unwrap_or_default())
            })
            .collect(),
        signed_on: a["date"].as_str().map(date),
        // "2025-2028", or "2025" for an instrument of one year.
        term: a["term"].as_str().map(|t| {
            let (from, to) = t.split_once('-').unwrap_or((t, t));
            Term {
                start_year: from.parse().expect("a year"),
                end_year: to.parse().expect("a year"),
            }
        }),
        fields: list(&a["fields"])
            .map(|f| field(f.as_str().expect("a field is a name")))
            .collect(),
        signatories: Vec::new(),
        evidence: no_evidence(),
    }
}

/// A visit of the gold: guest, host, leader, status and dates.
pub fn gold_visit(g: &Gazetteer, v: &Value) -> Visit {
    let code = |k: &str| v[k].as_str().unwrap_or_else(|| panic!("a visit has a {k}"));
    Visit {
        status: match v["status"].as_str() {
            Some("PLANNED") => VisitStatus::Planned,
            _ => VisitStatus::Happened,
        },
        guest: party(g, code("guest"), ""),
        host: party(g, code("host"), ""),
        leader: v["leader"].as_str().map(|name| person(name, "")),
        hosts: Vec::new(),
        start: v["start"].as_str().map(date),
        end: v["end"].as_str().map(date),
        purpose: String::new(),
        fields: Vec::new(),
        evidence: no_evidence(),
    }
}

fn list(v: &Value) -> impl Iterator<Item = &Value> {
    v.as_array().into_iter().flatten()
}

fn party(g: &Gazetteer, code: &str, organization: &str) -> Party {
    let place = g
        .by_code(code)
        .unwrap_or_else(|| panic!("{code} is in the gazetteer"))
        .clone();
    Party {
        organization: match organization {
            "" => place.name.to_string(),
            named => named.to_string(),
        },
        kind: PartyKind::Locality,
        place,
    }
}

fn person(name: &str, title: &str) -> Person {
    Person {
        name: name.to_string(),
        title: title.to_string(),
        place: None,
    }
}

/// A gold date: "2025-03-03", "2019-09", "2008", or "XXXX-11-13" with the year unknown.
fn date(s: &str) -> PartialDate {
    let mut parts = s.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
    let year = parts.next().unwrap_or(0) as i32;
    PartialDate {
        year,
        month: parts.next().unwrap_or(0),
        day: parts.next().unwrap_or(0),
        year_inferred: false,
    }
}

fn day(year: i32, month: u32, day: u32) -> PartialDate {
    PartialDate {
        year,
        month,
        day,
        year_inferred: false,
    }
}

fn field(name: &str) -> Field {
    match name {
        "HEALTH" => Field::Health,
        "EDUCATION" => Field::Education,
        "CULTURE" => Field::Culture,
        "TOURISM" => Field::Tourism,
        "ECONOMY" => Field::Economy,
        "TRADE" => Field::Trade,
        "INVESTMENT" => Field::Investment,
        "AGRICULTURE" => Field::Agriculture,
        "ENVIRONMENT" => Field::Environment,
        "URBAN" => Field::Urban,
        "TRANSPORT" => Field::Transport,
        "SCIENCE_TECHNOLOGY" => Field::ScienceTechnology,
        "LABOUR" => Field::Labour,
        "PEOPLE_EXCHANGE" => Field::PeopleExchange,
        "INDUSTRY" => Field::Industry,
        _ => Field::Other,
    }
}

fn no_evidence() -> Evidence {
    Evidence {
        quote: String::new(),
        start: 0,
        end: 0,
    }
}
