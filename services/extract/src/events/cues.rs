//! The words of agreements and visits, as the event rules see them: each phrase of
//! `data/events.tsv` with its category, and the field keywords.
use crate::model::{AgreementKind, Field};
use crate::text::{rows, Lexicon};
use std::sync::OnceLock;

const EVENTS: &str = include_str!("../../data/events.tsv");

const FIELDS: &str = include_str!("../../data/fields.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cat {
    Instrument(AgreementKind),
    Sign,
    Friendship,
    Delegation,
    Toward,
    Receive,
    Lead,
    Planned,
    Past,
    Wish,
    Generic,
    Online,
    Venue,
    Pair,
    Establish,
    National,
    Content,
    NationalHost,
    Mission,
    Building,
    /// A phrase that holds an event word but is none ("trao đổi" is an exchange, not "trao").
    Neutral,
}

pub(super) struct Rules {
    pub(super) words: Lexicon<Cat>,
    pub(super) fields: Lexicon<Field>,
}

fn agreement_kind(s: &str) -> AgreementKind {
    match s {
        "MEMORANDUM" => AgreementKind::Memorandum,
        "FRIENDSHIP" => AgreementKind::Friendship,
        "MINUTES" => AgreementKind::Minutes,
        "LETTER_OF_INTENT" => AgreementKind::LetterOfIntent,
        "OTHER" => AgreementKind::Other,
        _ => AgreementKind::Agreement,
    }
}

fn field(s: &str) -> Option<Field> {
    Some(match s {
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
        "OTHER" => Field::Other,
        _ => return None,
    })
}

pub(super) fn rules() -> &'static Rules {
    pub(super) static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let words = rows(EVENTS).filter_map(|r| {
            let cat = match *r.first()? {
                "instrument" => {
                    Cat::Instrument(agreement_kind(r.get(2).copied().unwrap_or_default()))
                }
                "sign" => Cat::Sign,
                "friendship" => Cat::Friendship,
                "delegation" => Cat::Delegation,
                "toward" => Cat::Toward,
                "receive" => Cat::Receive,
                "lead" => Cat::Lead,
                "planned" => Cat::Planned,
                "past" => Cat::Past,
                "wish" => Cat::Wish,
                "generic" => Cat::Generic,
                "online" => Cat::Online,
                "venue" => Cat::Venue,
                "pair" => Cat::Pair,
                "establish" => Cat::Establish,
                "national" => Cat::National,
                "content" => Cat::Content,
                "nationalhost" => Cat::NationalHost,
                "mission" => Cat::Mission,
                "building" => Cat::Building,
                "neutral" => Cat::Neutral,
                _ => return None,
            };
            Some((r.get(1)?.to_string(), cat))
        });
        let fields = rows(FIELDS).filter_map(|r| Some((r.first()?.to_string(), field(r.get(1)?)?)));
        Rules {
            words: Lexicon::new(words.collect::<Vec<_>>()),
            fields: Lexicon::new(fields.collect::<Vec<_>>()),
        }
    })
}

pub(super) fn is_instrument(c: Cat) -> bool {
    matches!(c, Cat::Instrument(_))
}
