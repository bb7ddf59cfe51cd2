//! Articles to send and the clients that send them: unary `IngestArticle` calls or one
//! `IngestArticles` stream per client, every acknowledgement timed.

use std::{
    collections::VecDeque,
    sync::{
        atomic::{AtomicU64, AtomicUsize, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use hoptac_api::v1::{
    article_input::Body, ingest_service_client::IngestServiceClient, ArticleInput,
    IngestArticleRequest, IngestArticlesRequest, IngestOutcome,
};
use hoptac_extract::{Body as ExtractBody, Extractor, Input};
use tokio::sync::{mpsc, Semaphore};
use tokio_stream::wrappers::ReceiverStream;

use crate::{
    error::{Error, Result},
    services::connections,
    Corpus,
};

/// Articles in flight on one client's `IngestArticles` stream: twice what one client has in
/// flight when it waits for each answer, the window a bulk loader would keep.
const STREAM_WINDOW: usize = 16;

/// An endless supply of new articles: the corpus articles that yield records, each sent with a
/// serial number line appended, so that every article sent is new to the service (its id is the
/// hash of its text) and its records are the corpus article's. Each pass over the corpus writes
/// its years one later, so that the articles report new events, as news does, rather than the
/// same events again: the service resolves reports of one event into one.
pub struct Articles {
    texts: Vec<String>,
    next: AtomicU64,
}

impl Articles {
    /// The articles of `corpus` that yield at least one record.
    pub fn new(corpus: &Corpus) -> Self {
        let extractor = Extractor::new();
        let texts = corpus
            .articles
            .iter()
            .filter(|a| {
                let found = extractor.extract(&Input {
                    body: ExtractBody::Text(&a.text),
                    title: "",
                    published_on: None,
                });
                !found.agreements.is_empty() || !found.visits.is_empty()
            })
            .map(|a| a.text.clone())
            .collect();
        Articles {
            texts,
            next: AtomicU64::new(0),
        }
    }

    /// How many different texts the variants are made from.
    pub fn base_count(&self) -> usize {
        self.texts.len()
    }

    /// The next new article.
    pub fn next(&self) -> ArticleInput {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let bases = self.texts.len().max(1) as u64;
        let base = &self.texts[(n % bases) as usize];
        let text = later_years(base, n / bases);
        ArticleInput {
            url: format!("https://bench.hoptac.invalid/tin/{n}"),
            source: "hoptac bench".to_string(),
            title: String::new(),
            body: Some(Body::Text(format!("{text}\n\nMã tin: HT-{n:09}"))),
            published_on: None,
        }
    }
}

/// `text` with every year (a number of four digits from 1950 to 2100) `by` later.
fn later_years(text: &str, by: u64) -> String {
    if by == 0 {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        match digits.parse::<u64>() {
            Ok(year) if digits.len() == 4 && (1950..=2100).contains(&year) => {
                out.push_str(&(year + by).to_string());
            }
            _ => out.push_str(digits),
        }
        digits.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// How the clients send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One `IngestArticle` call per article, the next once the last is acknowledged.
    Unary,
    /// One `IngestArticles` stream per client with up to [`STREAM_WINDOW`] articles unanswered.
    Stream,
}

/// Acknowledgement latencies of a run, in milliseconds.
#[derive(Debug, Clone, Default)]
pub struct Latencies(Vec<f64>);

impl Latencies {
    /// Adds one.
    pub fn push(&mut self, d: Duration) {
        self.0.push(d.as_secs_f64() * 1e3);
    }

    /// The `p`-th percentile (0–100), nearest rank; NaN when empty.
    pub fn percentile(&self, p: f64) -> f64 {
        let mut v = self.0.clone();
        v.sort_by(f64::total_cmp);
        if v.is_empty() {
            return f64::NAN;
        }
        let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
        v[rank.clamp(1, v.len()) - 1]
    }

    /// Adds every one of `other`.
    pub fn extend(&mut self, other: Latencies) {
        self.0.extend(other.0);
    }
}

/// What a run of clients did.
#[derive(Debug, Clone, Default)]
pub struct Sent {
    /// Articles acknowledged.
    pub articles: usize,
    /// Agreements and visits the acknowledgements carried.
    pub records: usize,
    /// The highest log sequence acknowledged.
    pub last_sequence: u64,
    /// Wall time from the first send to the last acknowledgement, in seconds.
    pub seconds: f64,
    /// Time from sending each article to its acknowledgement.
    pub latencies: Latencies,
}

impl Sent {
    /// Articles acknowledged per second.
    pub fn per_second(&self) -> f64 {
        self.articles as f64 / self.seconds
    }

    fn add(&mut self, other: Sent) {
        self.articles += other.articles;
        self.records += other.records;
        self.last_sequence = self.last_sequence.max(other.last_sequence);
        self.latencies.extend(other.latencies);
    }

    fn count(&mut self, outcome: i32, sequence: u64, records: usize) -> Result<()> {
        if outcome != IngestOutcome::New as i32 {
            return Err(Error::Unexpected(format!(
                "an article sent once came back {:?}, not NEW",
                IngestOutcome::try_from(outcome).unwrap_or_default()
            )));
        }
        self.articles += 1;
        self.records += records;
        self.last_sequence = self.last_sequence.max(sequence);
        Ok(())
    }
}

/// Sends `total` new articles to the ingest service at `url` from `clients` concurrent clients,
/// each on its own connection; `tick` is called once per acknowledgement (a progress bar).
pub async fn send(
    url: &str,
    articles: &Arc<Articles>,
    clients: usize,
    mode: Mode,
    total: usize,
    tick: Arc<dyn Fn() + Send + Sync>,
) -> Result<Sent> {
    let clients = clients.max(1);
    let connections = connections(url, clients).await?;
    let claimed = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for (i, channel) in connections.into_iter().enumerate() {
        let client = IngestServiceClient::new(channel);
        let articles = articles.clone();
        let tick = tick.clone();
        match mode {
            Mode::Unary => {
                let claimed = claimed.clone();
                tasks.spawn(unary_client(client, articles, claimed, total, tick));
            }
            Mode::Stream => {
                let quota = total / clients + usize::from(i < total % clients);
                tasks.spawn(stream_client(client, articles, quota, tick));
            }
        }
    }
    let mut sent = Sent::default();
    while let Some(done) = tasks.join_next().await {
        let done = done.map_err(|e| Error::Unexpected(format!("a client task failed: {e}")))??;
        sent.add(done);
    }
    sent.seconds = start.elapsed().as_secs_f64();
    Ok(sent)
}

type Client = IngestServiceClient<tonic::transport::Channel>;

async fn unary_client(
    mut client: Client,
    articles: Arc<Articles>,
    claimed: Arc<AtomicUsize>,
    total: usize,
    tick: Arc<dyn Fn() + Send + Sync>,
) -> Result<Sent> {
    let mut sent = Sent::default();
    while claimed.fetch_add(1, Ordering::Relaxed) < total {
        let request = IngestArticleRequest {
            article: Some(articles.next()),
        };
        let asked = Instant::now();
        let answer = client
            .ingest_article(request)
            .await
            .map_err(Error::rpc("IngestArticle"))?
            .into_inner();
        sent.latencies.push(asked.elapsed());
        sent.count(
            answer.outcome,
            answer.sequence,
            answer.agreements.len() + answer.visits.len(),
        )?;
        tick();
    }
    Ok(sent)
}

async fn stream_client(
    mut client: Client,
    articles: Arc<Articles>,
    quota: usize,
    tick: Arc<dyn Fn() + Send + Sync>,
) -> Result<Sent> {
    let (requests, outgoing) = mpsc::channel(STREAM_WINDOW);
    let window = Arc::new(Semaphore::new(STREAM_WINDOW));
    // Answers come in request order, so the send times queue up in that order too.
    let sent_at = Arc::new(Mutex::new(VecDeque::with_capacity(STREAM_WINDOW)));
    let feeder = {
        let window = window.clone();
        let sent_at = sent_at.clone();
        tokio::spawn(async move {
            for _ in 0..quota {
                let Ok(permit) = window.acquire().await else {
                    return;
                };
                permit.forget();
                let request = IngestArticlesRequest {
                    article: Some(articles.next()),
                };
                if let Ok(mut times) = sent_at.lock() {
                    times.push_back(Instant::now());
                }
                if requests.send(request).await.is_err() {
                    return;
                }
            }
        })
    };
    let mut answers = client
        .ingest_articles(ReceiverStream::new(outgoing))
        .await
        .map_err(Error::rpc("IngestArticles"))?
        .into_inner();
    let mut sent = Sent::default();
    while let Some(answer) = answers
        .message()
        .await
        .map_err(Error::rpc("IngestArticles"))?
    {
        let asked = sent_at.lock().ok().and_then(|mut t| t.pop_front());
        if let Some(asked) = asked {
            sent.latencies.push(asked.elapsed());
        }
        window.add_permits(1);
        sent.count(
            answer.outcome,
            answer.sequence,
            answer.agreements.len() + answer.visits.len(),
        )?;
        tick();
    }
    feeder
        .await
        .map_err(|e| Error::Unexpected(format!("the stream's feeder failed: {e}")))?;
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_take_the_nearest_rank() {
        let mut l = Latencies::default();
        for ms in 1..=100 {
            l.push(Duration::from_millis(ms));
        }
        assert!((l.percentile(50.0) - 50.0).abs() < 1e-9);
        assert!((l.percentile(99.0) - 99.0).abs() < 1e-9);
        assert!((l.percentile(100.0) - 100.0).abs() < 1e-9);
        assert!(Latencies::default().percentile(50.0).is_nan());
    }

    #[test]
    fn every_article_sent_is_new_and_keeps_its_records() {
        let corpus = Corpus::generate(3, 0.05);
        let articles = Articles::new(&corpus);
        assert!(articles.base_count() > 0);
        let extractor = Extractor::new();
        let texts: Vec<String> = (0..articles.base_count() + 1)
            .map(|_| match articles.next().body {
                Some(Body::Text(t)) => t,
                other => panic!("{other:?}"),
            })
            .collect();
        let first = &texts[0];
        let wrapped = &texts[articles.base_count()];
        assert_ne!(first, wrapped, "the same base sent twice differs");
        let ids: std::collections::HashSet<String> = texts
            .iter()
            .map(|t| {
                extractor
                    .extract(&Input {
                        body: ExtractBody::Text(t),
                        title: "",
                        published_on: None,
                    })
                    .article_id
            })
            .collect();
        assert_eq!(ids.len(), texts.len(), "each variant has its own id");
        let years = |t: &str| -> Vec<i32> {
            let found = extractor.extract(&Input {
                body: ExtractBody::Text(t),
                title: "",
                published_on: None,
            });
            found
                .agreements
                .iter()
                .filter_map(|a| a.signed_on.map(|d| d.year))
                .chain(found.visits.iter().filter_map(|v| v.start.map(|d| d.year)))
                .collect()
        };
        assert_eq!(
            years(wrapped),
            years(first).iter().map(|y| y + 1).collect::<Vec<_>>(),
            "the next pass reports the same kind of events a year later"
        );
        assert_eq!(
            later_years("Ngày 16/11/2023, mã 123456", 2),
            "Ngày 16/11/2025, mã 123456"
        );
    }
}
