//! End to end: the ingest service as its users see it — articles in over gRPC, durable
//! acknowledgements, duplicates, the changefeed, bad input, auth, SIGKILL and SIGTERM.

mod common;

use std::collections::{BTreeMap, HashSet};

use common::*;
use hoptac_api::v1::{
    article_input::Body, ArticleInput, ExtractArticleRequest, IngestArticleRequest, IngestOutcome,
    PartialDate,
};
use tonic::Code;

fn seed_articles(url_prefix: &str) -> Vec<ArticleInput> {
    seeds()
        .iter()
        .map(|(name, text)| text_article(&format!("{url_prefix}/{name}"), text))
        .collect()
}

#[tokio::test]
async fn seeds_go_in_once_come_back_as_duplicates_and_replay_then_go_live_on_the_changefeed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ingest = Ingest::start(&dir.path().join("ingest"), &[]).await;
    let mut client = ingest.client().await;

    let first = ingest_all(&mut client, seed_articles("https://baomoi.example/a")).await;
    assert_eq!(first.len(), 5, "one answer per article");
    for (i, answer) in first.iter().enumerate() {
        assert_eq!(answer.outcome(), IngestOutcome::New, "seed {i}");
        assert_eq!(
            answer.sequence,
            i as u64 + 1,
            "answers come in request order with dense sequences"
        );
    }

    // The same texts under other URLs: acknowledged as duplicates of the same articles.
    let again = ingest_all(&mut client, seed_articles("https://nhandan.example/b")).await;
    for (a, b) in first.iter().zip(&again) {
        assert_eq!(b.outcome(), IngestOutcome::Duplicate);
        assert_eq!((&b.article_id, b.sequence), (&a.article_id, a.sequence));
    }

    let mut feed = changes(&mut client, 0).await;
    for answer in &first {
        let change = next_change(&mut feed).await;
        assert_eq!(change.sequence, answer.sequence);
        let article = change
            .extraction
            .and_then(|e| e.article)
            .expect("the change carries its article");
        assert_eq!(article.id, answer.article_id);
        assert!(
            article.url.starts_with("https://baomoi.example/a/"),
            "the first URL is kept"
        );
        assert!(!article.text.is_empty());
    }

    // A change made while the feed is open arrives on it, right after the five.
    let live = client
        .ingest_article(IngestArticleRequest {
            article: Some(text_article(
                "https://baoquangninh.example/1",
                &visit_article(1),
            )),
        })
        .await
        .expect("ingests")
        .into_inner();
    assert_eq!(live.sequence, 6);
    let change = next_change(&mut feed).await;
    assert_eq!((change.sequence, change.head_sequence), (6, 6));
}

#[tokio::test]
async fn a_changefeed_starts_after_the_given_sequence_and_refuses_one_past_the_head() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ingest = Ingest::start(&dir.path().join("ingest"), &[]).await;
    let mut client = ingest.client().await;
    ingest_all(&mut client, seed_articles("https://example.vn")).await;

    let mut feed = changes(&mut client, 3).await;
    assert_eq!(next_change(&mut feed).await.sequence, 4);
    assert_eq!(next_change(&mut feed).await.sequence, 5);

    let past = client
        .stream_changes(hoptac_api::v1::StreamChangesRequest { after_sequence: 9 })
        .await
        .expect_err("refused");
    assert_eq!(past.code(), Code::OutOfRange);
    assert!(
        past.message().contains('5'),
        "says where the log ends: {}",
        past.message()
    );
}

#[tokio::test]
async fn every_acknowledged_article_survives_sigkill_exactly_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("ingest");
    let ingest = Ingest::start(&data, &[]).await;
    let client = ingest.client().await;

    // Many concurrent writers; the process is killed right after the tenth acknowledgement,
    // with the others still in flight.
    let (acks, mut acked) = tokio::sync::mpsc::unbounded_channel();
    for n in 0..40 {
        let mut client = client.clone();
        let acks = acks.clone();
        tokio::spawn(async move {
            let article = text_article(&format!("https://example.vn/{n}"), &visit_article(n));
            if let Ok(answer) = client
                .ingest_article(IngestArticleRequest {
                    article: Some(article),
                })
                .await
            {
                let _ = acks.send((n, answer.into_inner()));
            }
        });
    }
    drop(acks);
    let mut acknowledged = BTreeMap::new();
    while acknowledged.len() < 10 {
        let (n, answer) = acked.recv().await.expect("ten acknowledgements");
        acknowledged.insert(n, answer);
    }
    ingest.kill().await;
    while let Ok((n, answer)) = acked.try_recv() {
        acknowledged.insert(n, answer);
    }

    let ingest = Ingest::start(&data, &[]).await;
    let mut client = ingest.client().await;
    // Every acknowledged article is there, under the sequence it was acknowledged with.
    for (n, before) in &acknowledged {
        let article = text_article("https://other.example", &visit_article(*n));
        let after = client
            .ingest_article(IngestArticleRequest {
                article: Some(article),
            })
            .await
            .expect("ingests")
            .into_inner();
        assert_eq!(
            after.outcome(),
            IngestOutcome::Duplicate,
            "article {n} was acknowledged before the kill"
        );
        assert_eq!(
            (after.article_id.as_str(), after.sequence),
            (before.article_id.as_str(), before.sequence)
        );
    }
    // The log is dense and holds no article twice.
    let head = client
        .ingest_article(IngestArticleRequest {
            article: Some(text_article("https://x.example", &visit_article(1000))),
        })
        .await
        .expect("ingests")
        .into_inner()
        .sequence;
    let mut feed = changes(&mut client, 0).await;
    let mut seen = HashSet::new();
    for sequence in 1..=head {
        let change = next_change(&mut feed).await;
        assert_eq!(change.sequence, sequence, "no gap");
        let id = change
            .extraction
            .and_then(|e| e.article)
            .map(|a| a.id)
            .expect("article");
        assert!(seen.insert(id), "no article logged twice");
    }
}

#[tokio::test]
async fn bad_input_is_refused_with_the_field_at_fault_and_nothing_is_stored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ingest = Ingest::start(&dir.path().join("ingest"), &["--max-article-bytes", "4096"]).await;
    let mut client = ingest.client().await;
    let text = |t: &str| Some(text_article("https://example.vn", t));
    let mut bad_date = text_article(
        "https://example.vn",
        "Hà Nội và Fukuoka ký kết thỏa thuận hợp tác.",
    );
    bad_date.published_on = Some(PartialDate {
        year: 2023,
        month: 13,
        day: 2,
        year_inferred: false,
    });
    let cases: Vec<(&str, Option<ArticleInput>, Code, &str)> = vec![
        ("no article", None, Code::InvalidArgument, "article"),
        ("no body", Some(ArticleInput { url: "https://example.vn".into(), ..Default::default() }), Code::InvalidArgument, "article.body"),
        ("empty text", text(""), Code::InvalidArgument, "article.text"),
        ("whitespace", text(" \n\t  \n"), Code::InvalidArgument, "article.text"),
        (
            "markup only",
            Some(ArticleInput { body: Some(Body::Html("<html><head><style>p{}</style></head><body><script>var a = 1;</script></body></html>".into())), ..Default::default() }),
            Code::InvalidArgument,
            "article.html",
        ),
        ("over the limit", text(&"Hợp tác Hà Nội - Fukuoka. ".repeat(200)), Code::ResourceExhausted, "4096"),
        ("impossible date", Some(bad_date), Code::InvalidArgument, "article.published_on"),
    ];
    for (what, article, code, needle) in &cases {
        for status in [
            client
                .ingest_article(IngestArticleRequest {
                    article: article.clone(),
                })
                .await
                .expect_err(what),
            client
                .extract_article(ExtractArticleRequest {
                    article: article.clone(),
                })
                .await
                .expect_err(what),
        ] {
            assert_eq!(status.code(), *code, "{what}: {}", status.message());
            assert!(
                status.message().contains(needle),
                "{what}: `{}` should name {needle}",
                status.message()
            );
        }
    }

    // In a stream each bad article gets its rejection and the stream goes on.
    let mut articles: Vec<ArticleInput> =
        cases.iter().filter_map(|(_, a, _, _)| a.clone()).collect();
    articles.push(text_article(
        "https://baohanoi.example/1",
        &visit_article(7),
    ));
    let answers = ingest_all(&mut client, articles).await;
    let (last, rejected) = answers.split_last().expect("answers");
    for answer in rejected {
        assert_eq!(answer.outcome(), IngestOutcome::Rejected);
        assert!(answer
            .rejection
            .as_ref()
            .is_some_and(|r| !r.message.is_empty()));
    }
    // Nothing before it was stored: the good article is the log's first entry.
    assert_eq!((last.outcome(), last.sequence), (IngestOutcome::New, 1));
    let first = next_change(&mut changes(&mut client, 0).await).await;
    assert_eq!(
        first.extraction.and_then(|e| e.article).map(|a| a.id),
        Some(last.article_id.clone())
    );
}

/// `IngestArticleRequest` as a client that does not check its strings would send it: the
/// article's text (field 4 of `ArticleInput`) as raw bytes.
#[derive(Clone, PartialEq, prost::Message)]
struct RawIngestRequest {
    #[prost(message, optional, tag = "1")]
    article: Option<RawArticle>,
}

#[derive(Clone, PartialEq, prost::Message)]
struct RawArticle {
    #[prost(bytes = "vec", tag = "4")]
    text: Vec<u8>,
}

/// Calls `method` of the IngestService with a hand-made message.
async fn call_raw(url: &str, method: &'static str, request: RawIngestRequest) -> tonic::Status {
    let channel = tonic::transport::Endpoint::from_shared(url.to_string())
        .expect("url")
        .connect()
        .await
        .expect("connects");
    let mut grpc = tonic::client::Grpc::new(channel);
    grpc.ready().await.expect("ready");
    let codec = hoptac_api::codec::Codec::<RawIngestRequest, hoptac_api::v1::IngestArticleResponse>::default();
    grpc.unary(
        tonic::Request::new(request),
        tonic::codegen::http::uri::PathAndQuery::from_static(method),
        codec,
    )
    .await
    .expect_err("refused")
}

#[tokio::test]
async fn a_body_over_the_limit_is_resource_exhausted_at_any_size_and_a_stream_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The defaults: 2 MiB of article body, 16 MiB per message on the transport.
    let ingest = Ingest::start(&dir.path().join("ingest"), &[]).await;
    let mut client = ingest.client().await.max_encoding_message_size(64 << 20);
    let sentence = "Đoàn công tác tỉnh Quảng Ninh thăm và làm việc tại tỉnh Hokkaido, Nhật Bản. ";
    let article_of = |mib: usize| {
        text_article(
            "https://baoquangninh.example/dai",
            &sentence.repeat((mib << 20) / sentence.len() + 1),
        )
    };
    for mib in [3, 5, 20] {
        let status = client
            .ingest_article(IngestArticleRequest {
                article: Some(article_of(mib)),
            })
            .await
            .expect_err("over the limit");
        assert_eq!(
            status.code(),
            Code::ResourceExhausted,
            "{mib} MiB: {}",
            status.message()
        );
        assert!(
            status.message().contains("2097152"),
            "{mib} MiB: `{}` should name the article limit",
            status.message()
        );
    }

    // Under the transport limit an oversized article is one REJECTED answer among the others.
    let answers = ingest_all(
        &mut client,
        vec![
            article_of(3),
            text_article("https://baohanoi.example/1", &visit_article(1)),
        ],
    )
    .await;
    let outcomes: Vec<_> = answers.iter().map(|a| a.outcome()).collect();
    assert_eq!(outcomes, [IngestOutcome::Rejected, IngestOutcome::New]);

    // Over it the message is not read: the stream ends, saying why.
    let requests = [
        text_article("https://baohanoi.example/2", &visit_article(2)),
        article_of(20),
    ]
    .map(|a| hoptac_api::v1::IngestArticlesRequest { article: Some(a) });
    let mut answers = client
        .ingest_articles(tokio_stream::iter(requests))
        .await
        .expect("stream accepted")
        .into_inner();
    let first = answers.message().await.expect("first answer").expect("one");
    assert_eq!(first.outcome(), IngestOutcome::New);
    let end = answers.message().await.expect_err("the stream ends");
    assert_eq!(end.code(), Code::ResourceExhausted, "{}", end.message());
    assert!(end.message().contains("16777216"), "{}", end.message());
}

#[tokio::test]
async fn text_that_is_not_utf8_is_invalid_argument_not_internal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ingest = Ingest::start(&dir.path().join("ingest"), &[]).await;
    // "Hà Nội ký kết" in Windows-1258 bytes, as a client that skipped decoding would send it.
    let request = RawIngestRequest {
        article: Some(RawArticle {
            text: b"H\xe0 N\xf4\xf2i k\xfd k\xea\xec\xf4t".to_vec(),
        }),
    };
    for method in [
        "/hoptac.v1.IngestService/IngestArticle",
        "/hoptac.v1.IngestService/ExtractArticle",
    ] {
        let status = call_raw(&ingest.url, method, request.clone()).await;
        assert_eq!(
            status.code(),
            Code::InvalidArgument,
            "{method}: {}",
            status.message()
        );
        assert!(status.message().contains("UTF-8"), "{}", status.message());
    }
}

#[tokio::test]
async fn html_is_accepted_and_stored_as_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ingest = Ingest::start(&dir.path().join("ingest"), &[]).await;
    let mut client = ingest.client().await;
    let html = "<!DOCTYPE html>\n<html><head><title>Quảng Ninh và Hokkaido ký kết thỏa thuận hợp tác - Báo Quảng Ninh</title>\
        <meta property=\"og:url\" content=\"https://baoquangninh.vn/quang-ninh-hokkaido-3241.html\">\
        <meta property=\"article:published_time\" content=\"2023-11-16T18:00:00+07:00\">\
        <script>track()</script></head><body>\
        <ul class=\"menu\"><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/thoi-su\">Thời sự</a></li></ul>\
        <div class=\"detail\"><h1>Quảng Ninh và Hokkaido ký kết thỏa thuận hợp tác</h1>\
        <p>Chiều 16/11, tại thành phố Hạ Long, tỉnh Quảng Ninh và tỉnh Hokkaido (Nhật Bản) đã ký k&#7871;t<br>thỏa thuận hợp tác&nbsp;giữa 2 t&igrave;nh.</p></div>\
        <div class=\"box-comment\"><h3>Bình luận (1)</h3><p>Mong đoàn tỉnh Kanagawa sớm thăm Quảng Ninh.</p></div>\
        </body></html>";
    let article = ArticleInput {
        body: Some(Body::Html(html.into())),
        ..Default::default()
    };
    let answer = client
        .ingest_article(IngestArticleRequest {
            article: Some(article),
        })
        .await
        .expect("ingests")
        .into_inner();
    let change = next_change(&mut changes(&mut client, answer.sequence - 1).await).await;
    let stored = change.extraction.and_then(|e| e.article).expect("article");
    let text = &stored.text;
    assert!(
        !text.contains('<') && !text.contains("&nbsp;") && !text.contains("track()"),
        "no markup left: {text}"
    );
    assert!(
        text.contains("tỉnh Hokkaido (Nhật Bản) đã ký kết thỏa thuận hợp tác giữa 2 tình."),
        "entities decoded, the <br> inside the sentence a space: {text}"
    );
    assert!(
        !text.contains("Kanagawa") && !text.contains("Trang chủ"),
        "{text}"
    );
    // The page's metadata, not its doctype line, gives the headline, URL and date.
    assert_eq!(
        stored.title,
        "Quảng Ninh và Hokkaido ký kết thỏa thuận hợp tác"
    );
    assert_eq!(
        stored.url,
        "https://baoquangninh.vn/quang-ninh-hokkaido-3241.html"
    );
    assert_eq!(
        stored.published_on.map(|d| (d.year, d.month, d.day)),
        Some((2023, 11, 16))
    );
    assert_eq!(
        answer.agreements.len(),
        1,
        "one agreement, none from the comment"
    );
}

#[tokio::test]
async fn with_a_token_configured_calls_without_it_are_unauthenticated_and_health_stays_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ingest = Ingest::start(&dir.path().join("ingest"), &["--token", "hop-tac-2025"]).await;
    let channel = tonic::transport::Endpoint::from_shared(ingest.url.clone())
        .expect("url")
        .connect()
        .await
        .expect("connects");
    let with = |token: Option<&'static str>| {
        hoptac_api::v1::ingest_service_client::IngestServiceClient::with_interceptor(
            channel.clone(),
            move |mut r: tonic::Request<()>| {
                if let Some(t) = token {
                    r.metadata_mut()
                        .insert("authorization", t.parse().expect("ascii"));
                }
                Ok(r)
            },
        )
    };
    let request = || IngestArticleRequest {
        article: Some(text_article("https://example.vn", &visit_article(3))),
    };
    for token in [None, Some("Bearer wrong"), Some("hop-tac-2025")] {
        let status = with(token)
            .ingest_article(request())
            .await
            .expect_err("refused");
        assert_eq!(status.code(), Code::Unauthenticated, "{token:?}");
        let feed = with(token)
            .stream_changes(hoptac_api::v1::StreamChangesRequest { after_sequence: 0 })
            .await;
        assert_eq!(feed.expect_err("refused").code(), Code::Unauthenticated);
    }
    let answer = with(Some("Bearer hop-tac-2025"))
        .ingest_article(request())
        .await
        .expect("accepted")
        .into_inner();
    assert_eq!(answer.sequence, 1, "the refused calls stored nothing");

    let mut health = tonic_health::pb::health_client::HealthClient::new(channel);
    let status = health
        .check(tonic_health::pb::HealthCheckRequest {
            service: "hoptac.v1.IngestService".into(),
        })
        .await
        .expect("health needs no token")
        .into_inner();
    assert_eq!(
        status.status(),
        tonic_health::pb::health_check_response::ServingStatus::Serving
    );
}

#[tokio::test]
async fn sigterm_ends_an_open_changefeed_with_unavailable_and_the_process_exits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ingest = Ingest::start(&dir.path().join("ingest"), &[]).await;
    let mut client = ingest.client().await;
    ingest_all(&mut client, seed_articles("https://example.vn")).await;
    let mut feed = changes(&mut client, 0).await;
    for _ in 0..5 {
        next_change(&mut feed).await;
    }
    assert!(
        ingest.terminate().await,
        "exits cleanly with a changefeed open"
    );
    let end = tokio::time::timeout(PATIENCE, feed.message())
        .await
        .expect("the feed ends")
        .expect_err("with a status");
    assert_eq!(end.code(), Code::Unavailable, "{}", end.message());
    assert!(
        end.message().contains("after_sequence=5"),
        "tells where to resume: {}",
        end.message()
    );
}

#[tokio::test]
async fn seeds_000_and_003_yield_their_signed_agreement_and_visit_with_the_right_places() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ingest = Ingest::start(&dir.path().join("ingest"), &[]).await;
    let mut client = ingest.client().await;
    let seeds = seeds();
    // From ../shared/eval/seeds.gold.json: (file prefix, parties, guest, host).
    for (prefix, parties, guest, host) in [
        ("000_", ["VN-HN", "JP-40"], "JP-40", "VN-HN"),
        ("003_", ["VN-13", "JP-01"], "JP-01", "VN-13"),
    ] {
        let (_, text) = seeds
            .iter()
            .find(|(name, _)| name.starts_with(prefix))
            .expect("seed present");
        let extraction = client
            .extract_article(ExtractArticleRequest {
                article: Some(text_article("https://example.vn", text)),
            })
            .await
            .expect("extracts")
            .into_inner()
            .extraction
            .expect("extraction");
        let code = |p: Option<&hoptac_api::v1::Party>| {
            p.and_then(|p| p.place.as_ref())
                .map(|pl| {
                    if pl.region.is_empty() {
                        pl.country.clone()
                    } else {
                        pl.region.clone()
                    }
                })
                .unwrap_or_default()
        };
        let mut want: Vec<String> = parties.iter().map(|s| s.to_string()).collect();
        want.sort();
        let signed = extraction.agreements.iter().any(|a| {
            let mut got: Vec<String> = a.parties.iter().map(|p| code(Some(p))).collect();
            got.sort();
            a.status() == hoptac_api::v1::AgreementStatus::Signed && got == want
        });
        assert!(
            signed,
            "seed {prefix}: a signed agreement between {want:?} in {:#?}",
            extraction.agreements
        );
        let visit = extraction
            .visits
            .iter()
            .any(|v| code(v.guest.as_ref()) == guest && code(v.host.as_ref()) == host);
        assert!(
            visit,
            "seed {prefix}: a visit {guest} → {host} in {:#?}",
            extraction.visits
        );
    }
}
