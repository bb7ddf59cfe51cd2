//! Resolution of realistic reports: several papers reporting one signing, two signings of the
//! same provinces, and the same events whatever order the reports come in.

use hoptac_api::v1::{
    Agreement, AgreementKind, AgreementStatus, Evidence, Field, PartialDate, Party, PartyKind,
    Person, Place, Term, Visit, VisitStatus,
};
use hoptac_resolve::{resolve, Mention, Record};
use proptest::prelude::*;

fn place(region: &str, name: &str) -> Place {
    Place {
        country: region[..2].to_string(),
        region: region.to_string(),
        name: name.to_string(),
        ..Default::default()
    }
}

fn party(organization: &str, region: &str, name: &str) -> Party {
    Party {
        organization: organization.into(),
        kind: PartyKind::Government as i32,
        place: Some(place(region, name)),
    }
}

fn on(year: i32, month: i32, day: i32) -> Option<PartialDate> {
    Some(PartialDate {
        year,
        month,
        day,
        year_inferred: false,
    })
}

fn mention(article: &str, source: &str, published: (i32, i32, i32), record: Record) -> Mention {
    Mention {
        record,
        article_id: article.into(),
        url: format!("https://{source}/{article}"),
        source: source.into(),
        published_on: on(published.0, published.1, published.2),
    }
}

fn evidence(article: &str, quote: &str, start: u32) -> Option<Evidence> {
    Some(Evidence {
        article_id: article.into(),
        quote: quote.into(),
        start,
        end: start + quote.len() as u32,
    })
}

/// A Quảng Ninh – Hokkaido memorandum as one article reports it.
fn hokkaido_mou(
    article: &str,
    date: Option<PartialDate>,
    fields: &[Field],
    quote: &str,
) -> Agreement {
    Agreement {
        id: format!("{article}-a1"),
        kind: AgreementKind::Memorandum as i32,
        status: AgreementStatus::Signed as i32,
        parties: vec![
            party("UBND tỉnh Quảng Ninh", "VN-13", "Quảng Ninh"),
            party("Chính quyền tỉnh Hokkaido", "JP-01", "Hokkaido"),
        ],
        signed_on: date,
        fields: fields.iter().map(|f| *f as i32).collect(),
        evidence: evidence(article, quote, 120),
        ..Default::default()
    }
}

/// Three papers' reports of the memorandum signed in Sapporo on 16/11/2023, a web-page copy of
/// one of them, and a signing of the same provinces two years later.
fn reports() -> Vec<Mention> {
    let portal = hokkaido_mou(
        "b1f0",
        on(2023, 11, 16),
        &[Field::Tourism, Field::Education],
        "Chiều 16/11/2023, tại thành phố Sapporo, UBND tỉnh Quảng Ninh và Chính quyền tỉnh \
         Hokkaido đã ký kết biên bản ghi nhớ hợp tác trong lĩnh vực du lịch và giáo dục.",
    );
    let mut party_paper = hokkaido_mou(
        "c7aa",
        on(2023, 11, 0),
        &[Field::Agriculture],
        "Trong tháng 11/2023, hai địa phương đã ký biên bản ghi nhớ về hợp tác nông nghiệp.",
    );
    party_paper.signatories = vec![Person {
        name: "Cao Tường Huy".into(),
        title: "Chủ tịch UBND tỉnh".into(),
        ..Default::default()
    }];
    let national = hokkaido_mou(
        "d302",
        None,
        &[],
        "Nhân dịp này, tỉnh Quảng Ninh và tỉnh Hokkaido ký kết biên bản ghi nhớ hợp tác.",
    );
    let mut page_copy = portal.clone();
    page_copy.evidence = evidence(
        "e9d1",
        &portal.evidence.as_ref().expect("quote").quote,
        3_412,
    );
    let mut renewal = hokkaido_mou(
        "f450",
        on(2025, 10, 2),
        &[Field::Tourism],
        "Ngày 2/10/2025, hai tỉnh ký biên bản ghi nhớ giai đoạn 2025-2030.",
    );
    renewal.term = Some(Term {
        start_year: 2025,
        end_year: 2030,
    });
    vec![
        mention(
            "b1f0",
            "baoquangninh.vn",
            (2023, 11, 16),
            Record::Agreement(Box::new(portal)),
        ),
        mention(
            "c7aa",
            "quangninh.dcs.vn",
            (2023, 11, 20),
            Record::Agreement(Box::new(party_paper)),
        ),
        mention(
            "d302",
            "vietnamplus.vn",
            (2023, 11, 17),
            Record::Agreement(Box::new(national)),
        ),
        mention(
            "e9d1",
            "baoquangninh.vn",
            (2023, 11, 16),
            Record::Agreement(Box::new(page_copy)),
        ),
        mention(
            "f450",
            "baoquangninh.vn",
            (2025, 10, 2),
            Record::Agreement(Box::new(renewal)),
        ),
    ]
}

/// A Quảng Ninh delegation's trip to Guangxi, as two papers report it, and a later trip.
fn trips() -> Vec<Mention> {
    let trip = |article: &str, leader: &str, start, end, quote: &str| Visit {
        id: format!("{article}-v1"),
        status: VisitStatus::Happened as i32,
        guest: Some(party("Tỉnh ủy Quảng Ninh", "VN-13", "Quảng Ninh")),
        host: Some(party(
            "Khu tự trị dân tộc Choang Quảng Tây",
            "CN-GX",
            "Quảng Tây",
        )),
        leader: (!leader.is_empty()).then(|| Person {
            name: leader.into(),
            title: "Bí thư Tỉnh ủy".into(),
            ..Default::default()
        }),
        start,
        end,
        evidence: evidence(article, quote, 40),
        ..Default::default()
    };
    vec![
        mention(
            "a001",
            "danviet.vn",
            (2024, 2, 28),
            Record::Visit(Box::new(trip(
                "a001",
                "Nguyễn Xuân Ký",
                on(2024, 2, 26),
                on(2024, 2, 28),
                "Từ ngày 26 đến 28/2/2024, đoàn đại biểu tỉnh Quảng Ninh do Bí thư Tỉnh ủy \
                 Nguyễn Xuân Ký dẫn đầu thăm và làm việc tại Quảng Tây.",
            ))),
        ),
        mention(
            "a002",
            "baoquangninh.vn",
            (2024, 2, 27),
            Record::Visit(Box::new(trip(
                "a002",
                "",
                on(2024, 2, 27),
                None,
                "Ngày 27/2, đoàn công tác của tỉnh hội đàm với lãnh đạo Khu tự trị.",
            ))),
        ),
        mention(
            "a003",
            "baoquangninh.vn",
            (2024, 2, 29),
            Record::Visit(Box::new(trip(
                "a003",
                "Vũ Đại Thắng",
                on(2024, 2, 0),
                None,
                "Tháng 2/2024, đoàn do Bí thư Tỉnh ủy Vũ Đại Thắng dẫn đầu sang Quảng Tây.",
            ))),
        ),
    ]
}

#[test]
fn three_papers_and_a_web_copy_of_one_signing_are_one_agreement_with_four_mentions() {
    let mentions = reports();
    let events = resolve(&mentions);
    assert_eq!(events.len(), 2, "{events:#?}");
    let one = events
        .iter()
        .find(|e| e.mentions.len() == 4)
        .expect("the 2023 signing has four mentions");
    let Record::Agreement(merged) = &one.record else {
        panic!("an agreement")
    };
    assert_eq!(merged.id, one.id);
    assert!(one.id.starts_with("agr-"), "{}", one.id);
    assert_eq!(merged.signed_on, on(2023, 11, 16), "the most precise date");
    assert_eq!(one.provenance.date, Some(one.mentions[0]));
    assert_eq!(
        merged.fields,
        vec![
            Field::Education as i32,
            Field::Tourism as i32,
            Field::Agriculture as i32
        ],
        "every field a mention gives"
    );
    assert_eq!(merged.signatories[0].name, "Cao Tường Huy");
    let mut articles: Vec<&str> = one
        .mentions
        .iter()
        .map(|&i| mentions[i].article_id.as_str())
        .collect();
    articles.sort_unstable();
    assert_eq!(articles, ["b1f0", "c7aa", "d302", "e9d1"]);
    let renewal = events.iter().find(|e| e.mentions.len() == 1).expect("2025");
    assert_eq!(mentions[renewal.mentions[0]].article_id, "f450");
}

#[test]
fn a_trip_reported_twice_is_one_visit_and_another_leader_is_another_trip() {
    let mentions = trips();
    let events = resolve(&mentions);
    assert_eq!(events.len(), 2, "{events:#?}");
    let trip = events
        .iter()
        .find(|e| e.mentions.len() == 2)
        .expect("one trip");
    let Record::Visit(merged) = &trip.record else {
        panic!("a visit")
    };
    assert_eq!(merged.start, on(2024, 2, 26));
    assert_eq!(merged.end, on(2024, 2, 28));
    assert_eq!(
        merged.leader.as_ref().map(|l| l.name.as_str()),
        Some("Nguyễn Xuân Ký")
    );
    assert!(trip.id.starts_with("vis-"));
}

#[test]
fn a_report_that_fits_two_signings_joins_neither() {
    let mut mentions = reports();
    mentions.truncate(1);
    let mut second = mentions[0].clone();
    second.article_id = "0b77".into();
    if let Record::Agreement(a) = &mut second.record {
        a.signed_on = on(2023, 11, 20);
    }
    let mut vague = mentions[0].clone();
    vague.article_id = "99c2".into();
    if let Record::Agreement(a) = &mut vague.record {
        a.signed_on = on(2023, 11, 0);
    }
    mentions.extend([second, vague]);
    let events = resolve(&mentions);
    assert_eq!(events.len(), 3, "{events:#?}");
    assert!(events.iter().all(|e| e.mentions.len() == 1));
    let ids: std::collections::BTreeSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), 3, "distinct events, distinct ids");
}

/// Where a mention was read: its article and offset.
type ReadAt = (String, u32);

/// Each event as its id, where its mentions were read, and its merged record.
fn described(mentions: &[Mention]) -> Vec<(String, Vec<ReadAt>, Record)> {
    resolve(mentions)
        .into_iter()
        .map(|e| {
            let mut of: Vec<ReadAt> = e
                .mentions
                .iter()
                .map(|&i| {
                    let m = &mentions[i];
                    (
                        m.article_id.clone(),
                        m.record.evidence().map_or(0, |e| e.start),
                    )
                })
                .collect();
            of.sort();
            (e.id, of, e.record)
        })
        .collect()
}

proptest! {
    #[test]
    fn any_order_of_the_reports_gives_the_same_events_and_ids(
        order in Just((0..8usize).collect::<Vec<_>>()).prop_shuffle()
    ) {
        let all: Vec<Mention> = reports().into_iter().chain(trips()).collect();
        let shuffled: Vec<Mention> = order.iter().map(|&i| all[i].clone()).collect();
        prop_assert_eq!(described(&shuffled), described(&all));
    }
}
