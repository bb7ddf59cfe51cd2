//! Events through the services: several papers' reports of one signing are one agreement with
//! every report as a mention; another signing of the same provinces stays another; the same
//! articles in any order give the same events and ids; and a SIGKILL while reports are being
//! resolved leaves no event half merged.

mod common;

use std::{
    collections::{BTreeSet, HashMap},
    path::{Path, PathBuf},
};

use common::{pair::*, *};
use hoptac_api::v1::{
    article_input::Body, event_change, ingest_service_client::IngestServiceClient, Agreement,
    ArticleInput, EventChangeKind, GetAgreementRequest, GetStatsRequest, IngestArticleRequest,
    ListMentionsRequest, PartialDate, RecordFilter, StreamAgreementsRequest, StreamVisitsRequest,
};
use tonic::transport::Channel;

fn on(year: i32, month: i32, day: i32) -> Option<PartialDate> {
    Some(PartialDate {
        year,
        month,
        day,
        year_inferred: false,
    })
}

fn report(url: &str, source: &str, published_on: Option<PartialDate>, body: Body) -> ArticleInput {
    ArticleInput {
        url: url.into(),
        source: source.into(),
        published_on,
        body: Some(body),
        ..Default::default()
    }
}

/// The provincial paper's report of the signing, the day it happened.
const PROVINCIAL: &str = "Quảng Ninh và Hokkaido ký kết biên bản ghi nhớ hợp tác\n\
    Chiều 16/11/2023, tại thành phố Hạ Long, UBND tỉnh Quảng Ninh và Chính quyền tỉnh Hokkaido \
    (Nhật Bản) đã ký kết biên bản ghi nhớ hợp tác trong các lĩnh vực du lịch, giáo dục và nông \
    nghiệp.\nPhát biểu tại lễ ký, Chủ tịch UBND tỉnh Quảng Ninh Cao Tường Huy khẳng định đây là \
    dấu mốc quan trọng trong quan hệ giữa hai địa phương.\n";

/// A national paper's, the next day, with no year (the publication date gives it).
const NATIONAL: &str = "Thúc đẩy hợp tác địa phương Việt Nam - Nhật Bản\n\
    Ngày 16/11, tỉnh Quảng Ninh và tỉnh Hokkaido của Nhật Bản đã ký biên bản ghi nhớ về hợp tác, \
    mở ra cơ hội mới cho doanh nghiệp hai bên. Thống đốc tỉnh Hokkaido Suzuki Naomichi cho biết \
    tỉnh mong muốn tăng cường trao đổi lao động và du lịch với Quảng Ninh.\n";

/// The party paper's round-up at the end of the month, which gives only the month.
const ROUND_UP: &str = "Quảng Ninh mở rộng quan hệ đối ngoại\n\
    Trong tháng 11/2023, tỉnh Quảng Ninh đã ký biên bản ghi nhớ hợp tác với tỉnh Hokkaido (Nhật \
    Bản), đồng thời đón nhiều đoàn doanh nghiệp nước ngoài đến tìm hiểu cơ hội đầu tư. Theo Sở \
    Ngoại vụ, hoạt động đối ngoại của tỉnh năm nay đạt nhiều kết quả.\n";

/// A later signing between the same provinces.
const LATER: &str = "Quảng Ninh và Hokkaido ký thỏa thuận hợp tác nông nghiệp\n\
    Ngày 5/3/2025, tại thành phố Sapporo, UBND tỉnh Quảng Ninh và Chính quyền tỉnh Hokkaido \
    (Nhật Bản) đã ký thỏa thuận hợp tác trong lĩnh vực nông nghiệp công nghệ cao.\n";

/// A news site's copy of the provincial report, as the web page a crawler fetches.
fn web_copy() -> String {
    let paragraphs: String = PROVINCIAL
        .lines()
        .skip(1)
        .map(|p| format!("<p>{p}</p>"))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>Quảng Ninh và Hokkaido ký kết biên bản ghi nhớ hợp \
         tác | Tin tức 24h</title></head><body>\
         <ul class=\"menu\"><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/the-gioi\">Thế \
         giới</a></li></ul>\
         <article><h1>Quảng Ninh và Hokkaido ký kết biên bản ghi nhớ hợp tác</h1>{paragraphs}\
         <p>(Theo Báo Quảng Ninh)</p></article>\
         <div class=\"related\"><a href=\"/a\">Đà Nẵng đón đoàn thành phố Yokohama</a></div>\
         </body></html>"
    )
}

async fn ingest_one(client: &mut IngestServiceClient<Channel>, article: ArticleInput) -> Vec<i32> {
    let answer = client
        .ingest_article(IngestArticleRequest {
            article: Some(article),
        })
        .await
        .expect("ingested")
        .into_inner();
    answer.events.iter().map(|c| c.kind).collect()
}

async fn agreements(
    client: &mut hoptac_api::v1::query_service_client::QueryServiceClient<Channel>,
) -> Vec<Agreement> {
    let mut stream = client
        .stream_agreements(StreamAgreementsRequest::default())
        .await
        .expect("accepted")
        .into_inner();
    let mut all = Vec::new();
    while let Some(item) = stream.message().await.expect("stream healthy") {
        all.push(item.agreement.expect("agreement"));
    }
    all
}

#[tokio::test]
async fn three_papers_and_a_web_copy_of_one_signing_are_one_agreement_with_four_mentions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ingest, query) = started(&dir).await;
    let mut client = IngestServiceClient::connect(ingest.url.clone())
        .await
        .expect("connects");
    let created = EventChangeKind::Created as i32;
    let added = EventChangeKind::MentionAdded as i32;
    let articles = [
        report(
            "https://baoquangninh.vn/ky-ket-hokkaido.html",
            "Báo Quảng Ninh",
            on(2023, 11, 16),
            Body::Text(PROVINCIAL.into()),
        ),
        report(
            "https://baoquocte.vn/hop-tac-dia-phuong.html",
            "Báo Quốc tế",
            on(2023, 11, 17),
            Body::Text(NATIONAL.into()),
        ),
        report(
            "https://tintuc24h.example/quang-ninh-hokkaido.html",
            "Tin tức 24h",
            on(2023, 11, 17),
            Body::Html(web_copy()),
        ),
        report(
            "https://quangninh.dcs.vn/doi-ngoai-thang-11.html",
            "Đảng bộ tỉnh Quảng Ninh",
            on(2023, 11, 30),
            Body::Text(ROUND_UP.into()),
        ),
    ];
    let mut changes = Vec::new();
    for article in articles {
        changes.push(ingest_one(&mut client, article).await);
    }
    assert_eq!(
        changes,
        [vec![created], vec![added], vec![added], vec![added]],
        "the first report creates the event, each other joins it"
    );
    let later = ingest_one(
        &mut client,
        report(
            "https://baoquangninh.vn/hokkaido-nong-nghiep.html",
            "Báo Quảng Ninh",
            on(2025, 3, 5),
            Body::Text(LATER.into()),
        ),
    )
    .await;
    assert_eq!(later, [created], "another day's signing is another event");

    let mut replica = query_client(&query).await;
    applied(&mut replica, 5).await;
    let all = agreements(&mut replica).await;
    assert_eq!(all.len(), 2, "{all:#?}");
    let signing = &all[0];
    assert!(signing.id.starts_with("agr-"), "{}", signing.id);
    assert_eq!(signing.signed_on, on(2023, 11, 16));
    let sources: BTreeSet<&str> = signing.mentions.iter().map(|m| m.source.as_str()).collect();
    assert_eq!(
        sources,
        BTreeSet::from([
            "Báo Quảng Ninh",
            "Báo Quốc tế",
            "Tin tức 24h",
            "Đảng bộ tỉnh Quảng Ninh"
        ])
    );
    assert!(signing
        .mentions
        .iter()
        .all(|m| !m.url.is_empty() && m.evidence.as_ref().is_some_and(|e| !e.quote.is_empty())));
    assert!(
        signing
            .mentions
            .iter()
            .any(|m| m.gave.iter().any(|g| g == "date")),
        "one mention is named as the source of the date"
    );
    assert_eq!(all[1].signed_on, on(2025, 3, 5));
    assert_eq!(all[1].mentions.len(), 1);

    let got = replica
        .get_agreement(GetAgreementRequest {
            id: signing.id.clone(),
        })
        .await
        .expect("found")
        .into_inner()
        .agreement
        .expect("agreement");
    assert_eq!(&got, signing);
    let raw = replica
        .list_mentions(ListMentionsRequest {
            event_id: signing.id.clone(),
        })
        .await
        .expect("listed")
        .into_inner();
    assert_eq!(
        raw.agreements.len(),
        4,
        "each report as its article read it"
    );
    assert!(raw
        .agreements
        .iter()
        .any(|a| a.signed_on == on(2023, 11, 0)));
    let stats = replica
        .get_stats(GetStatsRequest::default())
        .await
        .expect("stats")
        .into_inner();
    assert_eq!(stats.agreements, 2, "stats count events, not reports");

    query.stop().await;
    ingest.stop().await;
}

/// Every article of the real sets beside the repository (seeds, dev, real-north, real-south and
/// the resolution set), or `None` where `../shared` is not there.
fn real_articles() -> Option<Vec<ArticleInput>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared");
    if !shared.join("eval").is_dir() {
        eprintln!("skipped: no ../shared/eval beside the repository");
        return None;
    }
    let dirs: Vec<PathBuf> = vec![
        shared.join("seeds"),
        shared.join("eval/dev/articles"),
        shared.join("eval/real-north/articles"),
        shared.join("eval/real-south/articles"),
        root.join("eval/resolution/articles"),
    ];
    let mut articles = Vec::new();
    for dir in dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("articles listed")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).expect("article is UTF-8");
            articles.push(text_article(&format!("file://{}", path.display()), &text));
        }
    }
    Some(articles)
}

/// Ingests `articles` into a new pair of services and returns every event the replica serves,
/// each as its id and the debug form of its record, with its mentions in a fixed order.
async fn events_of(articles: Vec<ArticleInput>) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ingest, query) = started(&dir).await;
    let mut client = IngestServiceClient::connect(ingest.url.clone())
        .await
        .expect("connects");
    let answers = ingest_all(&mut client, articles).await;
    let head = answers.iter().map(|a| a.sequence).max().unwrap_or(0);
    let mut replica = query_client(&query).await;
    applied(&mut replica, head).await;
    let mut events = Vec::new();
    for mut agreement in agreements(&mut replica).await {
        agreement
            .mentions
            .sort_by(|a, b| a.record_id.cmp(&b.record_id));
        events.push((agreement.id.clone(), format!("{agreement:?}")));
    }
    let mut visits = replica
        .stream_visits(StreamVisitsRequest::default())
        .await
        .expect("accepted")
        .into_inner();
    while let Some(item) = visits.message().await.expect("stream healthy") {
        let mut visit = item.visit.expect("visit");
        visit.mentions.sort_by(|a, b| a.record_id.cmp(&b.record_id));
        events.push((visit.id.clone(), format!("{visit:?}")));
    }
    events.sort();
    query.stop().await;
    ingest.stop().await;
    events
}

#[tokio::test]
async fn the_real_sets_ingested_in_three_random_orders_give_the_same_events_and_ids() {
    let Some(articles) = real_articles() else {
        return;
    };
    let first = events_of(articles.clone()).await;
    assert!(first.len() > 100, "the real articles give events");
    let merged = first
        .iter()
        .filter(|(_, event)| event.matches("record_id").count() > 1)
        .count();
    assert!(merged >= 10, "reports of one event are merged: {merged}");
    for seed in [11, 2026, 77_777] {
        let again = events_of(shuffled(&articles, seed)).await;
        assert_eq!(
            again.iter().map(|(id, _)| id).collect::<Vec<_>>(),
            first.iter().map(|(id, _)| id).collect::<Vec<_>>(),
            "the order drawn from seed {seed} changed the ids"
        );
        assert_eq!(
            again, first,
            "the order drawn from seed {seed} changed the events"
        );
    }
}

/// Reports of one trip by many papers: each a different article, all one event.
fn trip_report(n: usize) -> ArticleInput {
    report(
        &format!("https://bao-{n}.example.vn/hokkaido-quang-ninh.html"),
        &format!("Báo số {n}"),
        on(2023, 11, 17),
        Body::Text(format!(
            "Lãnh đạo tỉnh Quảng Ninh tiếp Đoàn đại biểu tỉnh Hokkaido (tin số {n})\n\
             Chiều 16/11/2023, tại thành phố Hạ Long, Chủ tịch UBND tỉnh Quảng Ninh đã tiếp Đoàn \
             đại biểu tỉnh Hokkaido (Nhật Bản) do Thống đốc tỉnh Hokkaido Suzuki Naomichi dẫn \
             đầu.\n"
        )),
    )
}

#[tokio::test]
async fn a_sigkill_while_reports_join_one_event_leaves_no_event_half_merged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("ingest");
    let ingest = Ingest::start(&data, &[]).await;
    let url = ingest.url.clone();
    // Four papers' feeds arrive at once; the process is killed while they do.
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let url = url.clone();
            tokio::spawn(async move {
                let mut client = IngestServiceClient::connect(url).await.expect("connects");
                let mut acknowledged = Vec::new();
                for n in (w..).step_by(4) {
                    match client
                        .ingest_article(IngestArticleRequest {
                            article: Some(trip_report(n)),
                        })
                        .await
                    {
                        Ok(answer) => acknowledged.push(answer.into_inner().article_id),
                        Err(_) => break,
                    }
                }
                acknowledged
            })
        })
        .collect();
    let mut feed = changes(&mut ingest.client().await, 0).await;
    for _ in 0..40 {
        next_change(&mut feed).await;
    }
    ingest.kill().await;
    let mut acknowledged = BTreeSet::new();
    for writer in writers {
        acknowledged.extend(writer.await.expect("joins"));
    }

    let ingest = Ingest::start(&data, &[]).await;
    let mut client = ingest.client().await;
    let head = {
        let mut feed = changes(&mut client, 0).await;
        let first = next_change(&mut feed).await;
        first.head_sequence
    };
    let mut logged: HashMap<String, u64> = HashMap::new();
    let mut feed = changes(&mut client, 0).await;
    for _ in 0..head {
        let change = next_change(&mut feed).await;
        let article = change
            .extraction
            .expect("extraction")
            .article
            .expect("article");
        logged.insert(article.id, change.sequence);
    }
    assert!(
        acknowledged.iter().all(|id| logged.contains_key(id)),
        "every acknowledged report survived"
    );
    // One more report: the event it joins holds every report logged, each once.
    let answer = client
        .ingest_article(IngestArticleRequest {
            article: Some(trip_report(10_000)),
        })
        .await
        .expect("ingested")
        .into_inner();
    let [change] = answer.events.as_slice() else {
        panic!("one event changed: {:?}", answer.events)
    };
    assert_eq!(change.kind(), EventChangeKind::MentionAdded);
    let Some(event_change::Event::Visit(visit)) = &change.event else {
        panic!("a visit: {change:?}")
    };
    let mut joined: Vec<&str> = visit
        .mentions
        .iter()
        .map(|m| m.article_id.as_str())
        .collect();
    joined.sort_unstable();
    let mut expected: Vec<&str> = logged.keys().map(String::as_str).collect();
    expected.push(&answer.article_id);
    expected.sort_unstable();
    assert_eq!(joined, expected, "every report once, none half merged");
    drop(client);
    ingest.kill().await;
}

#[tokio::test]
async fn the_changefeed_says_what_each_entry_did_to_events_and_the_replica_agrees() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ingest, query) = started(&dir).await;
    let mut client = IngestServiceClient::connect(ingest.url.clone())
        .await
        .expect("connects");
    ingest_one(
        &mut client,
        report(
            "https://baoquangninh.vn/ky-ket-hokkaido.html",
            "Báo Quảng Ninh",
            on(2023, 11, 16),
            Body::Text(PROVINCIAL.into()),
        ),
    )
    .await;
    ingest_one(
        &mut client,
        report(
            "https://quangninh.dcs.vn/doi-ngoai-thang-11.html",
            "Đảng bộ tỉnh Quảng Ninh",
            on(2023, 11, 30),
            Body::Text(ROUND_UP.into()),
        ),
    )
    .await;
    let mut feed = changes(&mut client, 0).await;
    let first = next_change(&mut feed).await;
    let second = next_change(&mut feed).await;
    assert_eq!(
        first.events.iter().map(|c| c.kind()).collect::<Vec<_>>(),
        [EventChangeKind::Created]
    );
    assert_eq!(
        second.events.iter().map(|c| c.kind()).collect::<Vec<_>>(),
        [EventChangeKind::MentionAdded]
    );
    let mut replica = query_client(&query).await;
    applied(&mut replica, 2).await;
    let events = agreements(&mut replica).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].mentions.len(), 2);
    let filter = RecordFilter {
        places: vec!["Hokkaido".into()],
        ..Default::default()
    };
    assert_eq!(
        agreement_ids(&mut replica, filter).await,
        [events[0].id.clone()]
    );
    query.stop().await;
    ingest.stop().await;
}
