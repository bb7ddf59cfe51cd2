//! `hoptac agreements|visits|timeline|watch|stats`: the query service for people — filters as
//! flags, records as aligned tables or as proto3 JSON lines.

use std::{
    io::{self, Write},
    time::Duration,
};

use anyhow::{anyhow, Context};
use clap::{Args, Subcommand};
use hoptac_api::v1::{
    query_service_client::QueryServiceClient, stream_timeline_response, watch_records_response,
    AgreementStatus, Field, GetStatsRequest, PartialDate, RecordFilter, SortOrder, StatCount,
    StreamAgreementsRequest, StreamTimelineRequest, StreamVisitsRequest, VisitStatus,
    WatchRecordsRequest,
};
use tokio_stream::StreamExt;
use tonic::{
    transport::{Channel, Endpoint},
    Code, Status, Streaming,
};

use crate::{
    render::{self, flag_name},
    table::Table,
};

/// How long a stream may pause before the rows held back are printed, so a slow or live stream
/// shows what it has instead of waiting for a full batch.
const PAUSE_BEFORE_PRINTING: Duration = Duration::from_millis(200);

/// How long to wait for the query service to accept a connection before telling the user.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// The query subcommands, flattened into the top-level `hoptac` command.
#[derive(Debug, Subcommand)]
pub enum QueryCommand {
    /// Agreements matching the filters, by signing date (streamed from the query service).
    Agreements(AgreementsArgs),
    /// Visits matching the filters, by start date (streamed from the query service).
    Visits(VisitsArgs),
    /// Agreements and visits of one place, or between two places, in date order.
    Timeline(TimelineArgs),
    /// Records matching the filters as the query service applies them, until Ctrl-C.
    Watch(WatchArgs),
    /// Counts of the records matching the filters, by country, region, field, year and status.
    Stats(StatsArgs),
}

/// Where the query service is.
#[derive(Debug, Clone, Args)]
pub struct ServiceArgs {
    /// URL of the query service (`hoptac up` starts one).
    #[arg(
        long,
        env = "HOPTAC_QUERY_URL",
        default_value = "http://127.0.0.1:50052"
    )]
    pub query_url: String,
}

/// Which records: every condition given must hold.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// A place the records must involve: a code (VN-HN, JP-40) or a name in any spelling
    /// ("Hà Nội", "ha noi", "Hanoi"); repeat for records involving all of them.
    #[arg(long = "place", value_name = "P")]
    pub places: Vec<String>,
    /// A country the records must involve (JP, "Nhật Bản"); counts as one more --place.
    #[arg(long = "country", value_name = "C")]
    pub countries: Vec<String>,
    /// A field of cooperation (health, science-technology, …); repeat for any of several.
    #[arg(long = "field", value_name = "F", value_parser = parse_field)]
    pub fields: Vec<Field>,
    /// Records dated on or after this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<PartialDate>,
    /// Records dated on or before this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<PartialDate>,
    /// Words to find in organizations, persons and evidence (diacritics optional).
    #[arg(long, value_name = "T")]
    pub text: Option<String>,
}

/// Order, size and resumption of a streamed query, and how it is printed.
#[derive(Debug, Clone, Args)]
pub struct StreamArgs {
    /// Newest first (the default is oldest first).
    #[arg(long)]
    pub newest_first: bool,
    /// At most this many records; 0 means no limit.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub limit: u32,
    /// Continue after the record of this cursor (printed when a --limit cut a stream short).
    #[arg(long, value_name = "CURSOR")]
    pub after: Option<String>,
    /// One proto3 JSON object per line instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Flags of `hoptac agreements`.
#[derive(Debug, Clone, Args)]
pub struct AgreementsArgs {
    #[command(flatten)]
    service: ServiceArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Only agreements with this status: signed, past or planned; repeat for several.
    #[arg(long = "status", value_name = "S", value_parser = parse_agreement_status)]
    statuses: Vec<AgreementStatus>,
    #[command(flatten)]
    stream: StreamArgs,
}

/// Flags of `hoptac visits`.
#[derive(Debug, Clone, Args)]
pub struct VisitsArgs {
    #[command(flatten)]
    service: ServiceArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Only visits with this status: happened or planned; repeat for several.
    #[arg(long = "status", value_name = "S", value_parser = parse_visit_status)]
    statuses: Vec<VisitStatus>,
    #[command(flatten)]
    stream: StreamArgs,
}

/// Flags of `hoptac timeline`.
#[derive(Debug, Clone, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    service: ServiceArgs,
    /// The place (a code or a name in any spelling); give two for the records between them.
    #[arg(long = "place", value_name = "P")]
    places: Vec<String>,
    /// A country as one of the places (JP, "Nhật Bản").
    #[arg(long = "country", value_name = "C")]
    countries: Vec<String>,
    /// Records dated on or after this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    since: Option<PartialDate>,
    /// Records dated on or before this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    until: Option<PartialDate>,
    #[command(flatten)]
    stream: StreamArgs,
}

/// Flags of `hoptac watch`.
#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    service: ServiceArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// First the matching records of every change after this log sequence, then live ones;
    /// without it, only live ones.
    #[arg(long, value_name = "N")]
    after_sequence: Option<u64>,
    /// One proto3 JSON object per line instead of a table.
    #[arg(long)]
    json: bool,
}

/// Flags of `hoptac stats`.
#[derive(Debug, Clone, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    service: ServiceArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// The response as one proto3 JSON object instead of tables.
    #[arg(long)]
    json: bool,
}

/// Runs one query subcommand, printing to stdout and the tally to stderr.
pub async fn run(command: QueryCommand) -> anyhow::Result<()> {
    let result = match command {
        QueryCommand::Agreements(args) => agreements(args).await,
        QueryCommand::Visits(args) => visits(args).await,
        QueryCommand::Timeline(args) => timeline(args).await,
        QueryCommand::Watch(args) => watch(args).await,
        QueryCommand::Stats(args) => stats(args).await,
    };
    // `hoptac agreements | head` closing the pipe is the reader being done, not a failure.
    match result {
        Err(err) if is_broken_pipe(&err) => Ok(()),
        other => other,
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

async fn agreements(args: AgreementsArgs) -> anyhow::Result<()> {
    let request = StreamAgreementsRequest {
        filter: Some(args.filter.record_filter()),
        statuses: args.statuses.iter().map(|s| *s as i32).collect(),
        order: args.stream.order() as i32,
        limit: args.stream.limit,
        after: args.stream.after.clone().unwrap_or_default(),
    };
    let url = &args.service.query_url;
    let mut client = connect(url).await?;
    let stream = client
        .stream_agreements(request)
        .await
        .map_err(|status| status_error(&status, url))?
        .into_inner();
    let mut sink = Sink::new(args.stream.json, render::AGREEMENT_HEADERS);
    let outcome = drain(stream, url, &mut sink, |sink, response| {
        let agreement = response.agreement.unwrap_or_default();
        sink.record(&agreement, || render::agreement_row(&agreement))?;
        Ok(Item::Record(response.cursor))
    })
    .await;
    report(outcome, &args.stream, ("agreement", "agreements"))
}

async fn visits(args: VisitsArgs) -> anyhow::Result<()> {
    let request = StreamVisitsRequest {
        filter: Some(args.filter.record_filter()),
        statuses: args.statuses.iter().map(|s| *s as i32).collect(),
        order: args.stream.order() as i32,
        limit: args.stream.limit,
        after: args.stream.after.clone().unwrap_or_default(),
    };
    let url = &args.service.query_url;
    let mut client = connect(url).await?;
    let stream = client
        .stream_visits(request)
        .await
        .map_err(|status| status_error(&status, url))?
        .into_inner();
    let mut sink = Sink::new(args.stream.json, render::VISIT_HEADERS);
    let outcome = drain(stream, url, &mut sink, |sink, response| {
        let visit = response.visit.unwrap_or_default();
        sink.record(&visit, || render::visit_row(&visit))?;
        Ok(Item::Record(response.cursor))
    })
    .await;
    report(outcome, &args.stream, ("visit", "visits"))
}

async fn timeline(args: TimelineArgs) -> anyhow::Result<()> {
    let places: Vec<String> = args.places.iter().chain(&args.countries).cloned().collect();
    if !(1..=2).contains(&places.len()) {
        return Err(anyhow!(
            "a timeline is of one place or between two: give one or two --place/--country, not {}",
            places.len()
        ));
    }
    let request = StreamTimelineRequest {
        places,
        since: args.since,
        until: args.until,
        order: args.stream.order() as i32,
        limit: args.stream.limit,
        after: args.stream.after.clone().unwrap_or_default(),
    };
    let url = &args.service.query_url;
    let mut client = connect(url).await?;
    let stream = client
        .stream_timeline(request)
        .await
        .map_err(|status| status_error(&status, url))?
        .into_inner();
    let mut sink = Sink::new(args.stream.json, render::TIMELINE_HEADERS);
    let outcome = drain(stream, url, &mut sink, |sink, response| {
        sink.record(&response, || match &response.record {
            Some(stream_timeline_response::Record::Agreement(a)) => {
                render::timeline_agreement_row(a)
            }
            Some(stream_timeline_response::Record::Visit(v)) => render::timeline_visit_row(v),
            None => unknown_record_row(),
        })?;
        Ok(Item::Record(response.cursor.clone()))
    })
    .await;
    report(outcome, &args.stream, ("record", "records"))
}

/// A record of a kind newer than this command line still gets a row, so counts stay right.
fn unknown_record_row() -> Vec<String> {
    vec![
        render::MISSING.to_string(),
        "unknown".to_string(),
        "a record of a kind this hoptac does not know (try --json)".to_string(),
        render::MISSING.to_string(),
    ]
}

async fn watch(args: WatchArgs) -> anyhow::Result<()> {
    let request = WatchRecordsRequest {
        filter: Some(args.filter.record_filter()),
        after_sequence: args.after_sequence,
    };
    let url = &args.service.query_url;
    let mut client = connect(url).await?;
    let stream = client
        .watch_records(request)
        .await
        .map_err(|status| status_error(&status, url))?
        .into_inner();
    let mut sink = Sink::new(args.json, render::WATCH_HEADERS);
    let outcome = drain(stream, url, &mut sink, |sink, response| {
        let sequence = response.sequence;
        if let Some(watch_records_response::Event::Lagged(lagged)) = &response.event {
            if let Sink::Json(_) = sink {
                sink.record(&response, Vec::new)?;
            }
            return Ok(Item::Lagged(lagged.resume_after_sequence));
        }
        sink.record(&response, || {
            let mut row = match &response.event {
                Some(watch_records_response::Event::Agreement(a)) => {
                    render::timeline_agreement_row(a)
                }
                Some(watch_records_response::Event::Visit(v)) => render::timeline_visit_row(v),
                _ => unknown_record_row(),
            };
            row.insert(0, render::change(response.change()));
            row.insert(0, sequence.to_string());
            row
        })?;
        Ok(Item::Record(sequence.to_string()))
    })
    .await;
    let count = outcome.count;
    let records = plural(count, ("record", "records"));
    match outcome.end {
        Ok(End::Finished) => {
            eprintln!("{count} {records}; the query service ended the watch");
            Ok(())
        }
        Ok(End::Interrupted) => {
            eprintln!("{count} {records}");
            Ok(())
        }
        Ok(End::Lagged(resume)) => Err(anyhow!(
            "the watch fell behind the query service after {count} {records}; rerun with \
             --after-sequence {resume} to get the records it missed"
        )),
        Err(err) => {
            eprintln!("{count} {records} before the error");
            Err(err)
        }
    }
}

async fn stats(args: StatsArgs) -> anyhow::Result<()> {
    let url = &args.service.query_url;
    let mut client = connect(url).await?;
    let response = client
        .get_stats(GetStatsRequest {
            filter: Some(args.filter.record_filter()),
        })
        .await
        .map_err(|status| status_error(&status, url))?
        .into_inner();
    let mut out = io::stdout();
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&response)?)?;
        return Ok(());
    }
    writeln!(
        out,
        "{} {}, {} {}",
        response.agreements,
        plural(response.agreements, ("agreement", "agreements")),
        response.visits,
        plural(response.visits, ("visit", "visits")),
    )?;
    let sections: [(&'static str, &[StatCount]); 5] = [
        ("COUNTRY", &response.by_country),
        ("REGION", &response.by_region),
        ("FIELD", &response.by_field),
        ("YEAR", &response.by_year),
        ("STATUS", &response.by_status),
    ];
    for (key, counts) in sections {
        writeln!(out)?;
        write_stat_section(&mut out, key, counts)?;
    }
    Ok(())
}

/// One section of `hoptac stats`: a table of key, agreements, visits.
fn write_stat_section(
    out: &mut impl Write,
    key: &'static str,
    counts: &[StatCount],
) -> io::Result<()> {
    if counts.is_empty() {
        return writeln!(out, "{key}: none");
    }
    let mut table = Table::new(&mut *out, &[key, "AGREEMENTS", "VISITS"])
        .align_right(1)
        .align_right(2);
    for count in counts {
        table.push(vec![
            count.key.clone(),
            count.agreements.to_string(),
            count.visits.to_string(),
        ])?;
    }
    table.flush()
}

impl FilterArgs {
    /// The filter as the query service takes it: countries are places too.
    pub fn record_filter(&self) -> RecordFilter {
        RecordFilter {
            places: self.places.iter().chain(&self.countries).cloned().collect(),
            fields: self.fields.iter().map(|f| *f as i32).collect(),
            since: self.since,
            until: self.until,
            text: self.text.clone().unwrap_or_default(),
        }
    }
}

impl StreamArgs {
    fn order(&self) -> SortOrder {
        if self.newest_first {
            SortOrder::NewestFirst
        } else {
            SortOrder::OldestFirst
        }
    }
}

/// Parses `--field`: `health`, `HEALTH`, `FIELD_HEALTH`, `science-technology`, …
pub fn parse_field(text: &str) -> Result<Field, String> {
    parse_choice(text, "FIELD_", "field", Field::as_str_name)
}

/// Parses `--status` of agreements: `signed`, `past`, `planned`, with or without the prefix.
pub fn parse_agreement_status(text: &str) -> Result<AgreementStatus, String> {
    parse_choice(
        text,
        "AGREEMENT_STATUS_",
        "agreement status",
        AgreementStatus::as_str_name,
    )
}

/// Parses `--status` of visits: `happened`, `planned`, with or without the prefix.
pub fn parse_visit_status(text: &str) -> Result<VisitStatus, String> {
    parse_choice(
        text,
        "VISIT_STATUS_",
        "visit status",
        VisitStatus::as_str_name,
    )
}

/// Matches `text` against every specified value of a proto enum, in any case, with `-` or `_`,
/// with or without the enum's prefix; the error lists the names a user can type.
fn parse_choice<E: TryFrom<i32> + Copy>(
    text: &str,
    prefix: &str,
    what: &str,
    name: impl Fn(&E) -> &'static str,
) -> Result<E, String> {
    let wanted = text.trim().to_uppercase().replace(['-', ' '], "_");
    let wanted = wanted.strip_prefix(prefix).unwrap_or(&wanted);
    // Values from 1 on: 0 is UNSPECIFIED, which no filter means.
    let choices: Vec<E> = (1..).map_while(|n| E::try_from(n).ok()).collect();
    choices
        .iter()
        .find(|choice| name(choice).strip_prefix(prefix) == Some(wanted))
        .copied()
        .ok_or_else(|| {
            let valid: Vec<String> = choices
                .iter()
                .map(|choice| flag_name(name(choice), prefix))
                .collect();
            format!("unknown {what} \"{text}\"; valid: {}", valid.join(", "))
        })
}

/// Parses `--since`/`--until`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<PartialDate, String> {
    let bad = || format!("\"{text}\" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = text.trim().split('-').collect();
    let widths: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    if !matches!(widths.as_slice(), [4] | [4, 2] | [4, 2, 2])
        || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad());
    }
    let number = |index: usize| -> Result<i32, String> {
        parts
            .get(index)
            .map_or(Ok(0), |p| p.parse::<i32>().map_err(|_| bad()))
    };
    let (year, month, day) = (number(0)?, number(1)?, number(2)?);
    if parts.len() > 1 && !(1..=12).contains(&month) {
        return Err(format!(
            "\"{text}\" is not a date: month {month} is not 1-12"
        ));
    }
    if parts.len() > 2 && !(1..=days_in_month(year, month)).contains(&day) {
        return Err(format!(
            "\"{text}\" is not a date: {year:04}-{month:02} has no day {day}"
        ));
    }
    Ok(PartialDate {
        year,
        month,
        day,
        year_inferred: false,
    })
}

fn days_in_month(year: i32, month: i32) -> i32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

async fn connect(url: &str) -> anyhow::Result<QueryServiceClient<Channel>> {
    let endpoint = Endpoint::from_shared(url.to_string())
        .with_context(|| {
            format!("--query-url \"{url}\" is not a URL (e.g. http://127.0.0.1:50052)")
        })?
        .connect_timeout(CONNECT_TIMEOUT);
    let channel = endpoint.connect().await.with_context(|| {
        format!(
            "cannot reach the query service at {url}; start the services with `hoptac up`, or \
             point --query-url (HOPTAC_QUERY_URL) at a running one"
        )
    })?;
    Ok(QueryServiceClient::new(channel))
}

/// `CODE: message`, as gRPC names the code, with a hint where the cause is a service away.
fn status_error(status: &Status, url: &str) -> anyhow::Error {
    let code = hoptac_runtime::metrics::code_name(status.code());
    let message = status.message();
    match status.code() {
        Code::Unavailable => anyhow!(
            "{code}: {message} (is the query service at {url} running? `hoptac up` starts it)"
        ),
        Code::Unimplemented => anyhow!(
            "{code}: {message} (is {url} the query service? --query-url / HOPTAC_QUERY_URL \
             chooses it)"
        ),
        _ => anyhow!("{code}: {message}"),
    }
}

/// Where records go: a table for people or JSON lines for programs.
enum Sink<W: Write> {
    Json(W),
    Table(Table<W>),
}

impl Sink<io::Stdout> {
    fn new(json: bool, headers: &[&'static str]) -> Self {
        if json {
            Sink::Json(io::stdout())
        } else {
            Sink::Table(Table::new(io::stdout(), headers))
        }
    }
}

impl<W: Write> Sink<W> {
    /// Prints one message: its proto3 JSON, or the row people read; the row is built only when
    /// it is printed.
    fn record<M: ProtoJson>(
        &mut self,
        message: &M,
        row: impl FnOnce() -> Vec<String>,
    ) -> anyhow::Result<()> {
        match self {
            Sink::Json(out) => {
                writeln!(out, "{}", message.to_json_line()?)?;
                out.flush()?;
            }
            Sink::Table(table) => table.push(row())?,
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Json(out) => out.flush(),
            Sink::Table(table) => table.flush(),
        }
    }
}

/// A message printed as one line of proto3 JSON; named so the root package needs no serde.
trait ProtoJson {
    fn to_json_line(&self) -> serde_json::Result<String>;
}

macro_rules! proto_json {
    ($($message:ty),*) => {$(
        impl ProtoJson for $message {
            fn to_json_line(&self) -> serde_json::Result<String> {
                serde_json::to_string(self)
            }
        }
    )*};
}

proto_json!(
    hoptac_api::v1::Agreement,
    hoptac_api::v1::Visit,
    hoptac_api::v1::StreamTimelineResponse,
    hoptac_api::v1::WatchRecordsResponse
);

/// What one streamed message was.
enum Item {
    /// A record, with the cursor (or sequence) that resumes after it.
    Record(String),
    /// The watcher fell behind; the records after this sequence must be fetched again.
    Lagged(u64),
}

/// How a stream stopped.
enum End {
    Finished,
    Interrupted,
    Lagged(u64),
}

/// What came of a stream: how many records, the last resume point, and how it stopped.
struct Outcome {
    count: u64,
    last_cursor: String,
    end: anyhow::Result<End>,
}

/// Prints every message of a stream as it comes, until it ends, fails, lags or Ctrl-C; whatever
/// was received is printed in every case.
async fn drain<T, W: Write>(
    mut stream: Streaming<T>,
    url: &str,
    sink: &mut Sink<W>,
    mut print: impl FnMut(&mut Sink<W>, T) -> anyhow::Result<Item>,
) -> Outcome {
    let mut outcome = Outcome {
        count: 0,
        last_cursor: String::new(),
        end: Ok(End::Finished),
    };
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    let end = loop {
        let next = tokio::select! {
            biased;
            signal = &mut ctrl_c => break signal.context("cannot listen for Ctrl-C").map(|()| End::Interrupted),
            next = tokio::time::timeout(PAUSE_BEFORE_PRINTING, stream.next()) => next,
        };
        let next = match next {
            Ok(next) => next,
            Err(_paused) => {
                if let Err(err) = sink.flush() {
                    break Err(err.into());
                }
                continue;
            }
        };
        match next {
            None => break Ok(End::Finished),
            Some(Err(status)) => break Err(status_error(&status, url)),
            Some(Ok(message)) => match print(sink, message) {
                Ok(Item::Record(cursor)) => {
                    outcome.count += 1;
                    outcome.last_cursor = cursor;
                }
                Ok(Item::Lagged(sequence)) => break Ok(End::Lagged(sequence)),
                Err(err) => break Err(err),
            },
        }
    };
    outcome.end = match sink.flush() {
        Ok(()) => end,
        Err(err) => Err(err.into()),
    };
    outcome
}

/// Tells on stderr how many records came and where to continue, so stdout stays data only.
fn report(outcome: Outcome, stream: &StreamArgs, nouns: (&str, &str)) -> anyhow::Result<()> {
    let count = outcome.count;
    let records = plural(count, nouns);
    let resume = if outcome.last_cursor.is_empty() {
        String::new()
    } else {
        format!("; continue with --after {}", outcome.last_cursor)
    };
    match outcome.end {
        Ok(End::Finished) if stream.limit > 0 && count >= u64::from(stream.limit) => {
            eprintln!("{count} {records} (--limit {}){resume}", stream.limit);
            Ok(())
        }
        Ok(End::Finished) => {
            eprintln!("{count} {records}");
            Ok(())
        }
        Ok(End::Interrupted) => {
            eprintln!("interrupted after {count} {records}{resume}");
            Ok(())
        }
        Ok(End::Lagged(_)) => Err(anyhow!("the query service sent a watch event to a query")),
        Err(err) => {
            eprintln!("{count} {records} before the error{resume}");
            Err(err)
        }
    }
}

fn plural<'a>(count: u64, (one, many): (&'a str, &'a str)) -> &'a str {
    if count == 1 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{render::tests::hanoi_fukuoka, Cli, Command};
    use clap::Parser;
    use hoptac_api::v1::{Agreement, StreamTimelineResponse};

    fn parse(args: &[&str]) -> Result<QueryCommand, clap::Error> {
        let cli = Cli::try_parse_from(std::iter::once("hoptac").chain(args.iter().copied()))?;
        match cli.command {
            Command::Records(command) => Ok(command),
            other => panic!("a query command expected, got {other:?}"),
        }
    }

    #[test]
    fn fields_parse_in_every_spelling_a_user_types() {
        for text in ["health", "HEALTH", "FIELD_HEALTH", "Health"] {
            assert_eq!(parse_field(text), Ok(Field::Health), "{text}");
        }
        for text in [
            "science-technology",
            "science_technology",
            "FIELD_SCIENCE_TECHNOLOGY",
        ] {
            assert_eq!(parse_field(text), Ok(Field::ScienceTechnology), "{text}");
        }
    }

    #[test]
    fn an_unknown_field_is_refused_with_the_valid_names() {
        let err = parse_field("medicine").expect_err("refused");
        assert!(err.contains("unknown field \"medicine\""), "{err}");
        assert!(err.contains("health"), "{err}");
        assert!(err.contains("science-technology"), "{err}");
        assert!(err.contains("people-exchange"), "{err}");
        assert!(!err.contains("unspecified"), "{err}");
        assert!(parse_field("unspecified").is_err());
        assert!(parse_field("FIELD_UNSPECIFIED").is_err());
    }

    #[test]
    fn statuses_parse_with_or_without_the_prefix() {
        assert_eq!(
            parse_agreement_status("signed"),
            Ok(AgreementStatus::Signed)
        );
        assert_eq!(
            parse_agreement_status("AGREEMENT_STATUS_PAST"),
            Ok(AgreementStatus::Past)
        );
        assert_eq!(
            parse_agreement_status("Planned"),
            Ok(AgreementStatus::Planned)
        );
        assert_eq!(parse_visit_status("HAPPENED"), Ok(VisitStatus::Happened));
        assert_eq!(
            parse_visit_status("visit_status_planned"),
            Ok(VisitStatus::Planned)
        );
        let err = parse_visit_status("signed").expect_err("a visit is not signed");
        assert_eq!(
            err,
            "unknown visit status \"signed\"; valid: happened, planned"
        );
        let err = parse_agreement_status("happened").expect_err("refused");
        assert_eq!(
            err,
            "unknown agreement status \"happened\"; valid: signed, past, planned"
        );
    }

    #[test]
    fn dates_parse_as_precise_as_given() {
        let date = |year, month, day| PartialDate {
            year,
            month,
            day,
            year_inferred: false,
        };
        assert_eq!(parse_date("2024"), Ok(date(2024, 0, 0)));
        assert_eq!(parse_date("2024-03"), Ok(date(2024, 3, 0)));
        assert_eq!(parse_date("2024-02-29"), Ok(date(2024, 2, 29)));
    }

    #[test]
    fn bad_dates_are_refused_with_the_accepted_forms() {
        for text in [
            "",
            "24",
            "2024/03",
            "2024-3",
            "03-2024",
            "2024-03-05T10:00",
            "năm 2024",
        ] {
            let err = parse_date(text).expect_err(text);
            assert!(
                err.contains("use YYYY, YYYY-MM or YYYY-MM-DD"),
                "{text}: {err}"
            );
        }
        assert_eq!(
            parse_date("2024-13"),
            Err("\"2024-13\" is not a date: month 13 is not 1-12".to_string())
        );
        assert_eq!(
            parse_date("2023-02-29"),
            Err("\"2023-02-29\" is not a date: 2023-02 has no day 29".to_string())
        );
    }

    #[test]
    fn a_place_and_a_country_both_go_into_the_filter() {
        let command = parse(&[
            "agreements",
            "--place",
            "ha noi",
            "--country",
            "JP",
            "--field",
            "health",
            "--since",
            "2024",
            "--text",
            "Fukuoka",
        ])
        .expect("parses");
        let QueryCommand::Agreements(args) = command else {
            panic!("agreements expected")
        };
        let filter = args.filter.record_filter();
        assert_eq!(filter.places, ["ha noi", "JP"]);
        assert_eq!(filter.fields, [Field::Health as i32]);
        assert_eq!(filter.since.map(|d| d.year), Some(2024));
        assert_eq!(filter.until, None);
        assert_eq!(filter.text, "Fukuoka");
        assert_eq!(args.stream.order(), SortOrder::OldestFirst);
        assert_eq!(args.stream.limit, 0);
    }

    #[test]
    fn bad_flags_are_refused_before_any_connection() {
        let err = parse(&["agreements", "--field", "medicine"]).expect_err("refused");
        assert!(err.to_string().contains("valid: health"), "{err}");
        let err = parse(&["visits", "--status", "signed"]).expect_err("refused");
        assert!(
            err.to_string().contains("valid: happened, planned"),
            "{err}"
        );
        let err = parse(&["stats", "--until", "yesterday"]).expect_err("refused");
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
    }

    #[tokio::test]
    async fn a_timeline_needs_one_or_two_places() {
        let command = parse(&[
            "timeline",
            "--place",
            "VN-HN",
            "--place",
            "JP-40",
            "--country",
            "KR",
        ])
        .expect("parses");
        let QueryCommand::Timeline(args) = command else {
            panic!("timeline expected")
        };
        let err = timeline(args).await.expect_err("three places refused");
        assert!(err.to_string().contains("one or two"), "{err}");
    }

    #[tokio::test]
    async fn an_unreachable_service_is_named_with_how_to_start_it() {
        // Port 1 on the loopback is closed: the connection is refused at once.
        let err = connect("http://127.0.0.1:1").await.expect_err("refused");
        let text = format!("{err:#}");
        assert!(text.contains("http://127.0.0.1:1"), "{text}");
        assert!(text.contains("hoptac up"), "{text}");
    }

    #[test]
    fn grpc_errors_show_their_code_and_message() {
        let status = Status::invalid_argument("unknown place \"Atlantis\"");
        assert_eq!(
            status_error(&status, "http://127.0.0.1:50052").to_string(),
            "INVALID_ARGUMENT: unknown place \"Atlantis\""
        );
    }

    #[test]
    fn json_output_is_one_proto3_object_per_line() {
        let mut out = Vec::new();
        let mut sink = Sink::Json(&mut out);
        let agreement = hanoi_fukuoka();
        sink.record(&agreement, Vec::new).expect("prints");
        let timeline = StreamTimelineResponse {
            record: Some(stream_timeline_response::Record::Agreement(
                agreement.clone(),
            )),
            cursor: "c1".into(),
        };
        sink.record(&timeline, Vec::new).expect("prints");
        let text = String::from_utf8(out).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        let first: serde_json::Value = serde_json::from_str(lines[0]).expect("json");
        assert_eq!(first["status"], "AGREEMENT_STATUS_SIGNED");
        assert_eq!(first["kind"], "AGREEMENT_KIND_AGREEMENT");
        assert_eq!(first["signedOn"]["year"], 2025);
        assert_eq!(first["fields"][1], "FIELD_SCIENCE_TECHNOLOGY");
        assert_eq!(first["parties"][0]["organization"], "HĐND TP Hà Nội");
        assert_eq!(first["parties"][1]["place"]["region"], "JP-40");
        let back: Agreement = serde_json::from_str(lines[0]).expect("an Agreement");
        assert_eq!(back, agreement);
        let second: serde_json::Value = serde_json::from_str(lines[1]).expect("json");
        assert_eq!(second["cursor"], "c1");
        assert_eq!(second["agreement"]["id"], "3f2a-a1");
    }

    #[test]
    fn an_agreement_table_aligns_vietnamese_text_by_characters() {
        let mut out = Vec::new();
        let mut sink = Sink::Table(Table::new(&mut out, render::AGREEMENT_HEADERS));
        let agreement = hanoi_fukuoka();
        let later = Agreement {
            id: "9c1b-a2".into(),
            signed_on: Some(PartialDate {
                year: 2026,
                ..Default::default()
            }),
            parties: agreement.parties.iter().rev().cloned().collect(),
            fields: vec![],
            ..agreement.clone()
        };
        for record in [&agreement, &later] {
            sink.record(record, || render::agreement_row(record))
                .expect("prints");
        }
        sink.flush().expect("flush");
        let text = String::from_utf8(out).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "DATE        STATUS  KIND       PARTIES                                             FIELDS                      ID",
                "2025-03-03  SIGNED  agreement  VN-HN HĐND TP Hà Nội ↔ JP-40 Hội đồng tỉnh Fukuoka  health, science-technology  3f2a-a1",
                "2026        SIGNED  agreement  JP-40 Hội đồng tỉnh Fukuoka ↔ VN-HN HĐND TP Hà Nội  —                           9c1b-a2",
            ]
        );
        let id_column = |line: &str| {
            line.chars().count()
                - line
                    .split_whitespace()
                    .last()
                    .map_or(0, |id| id.chars().count())
        };
        assert!(lines
            .iter()
            .all(|line| id_column(line) == id_column(lines[0])));
    }

    #[test]
    fn stats_sections_list_key_agreements_visits() {
        let mut out = Vec::new();
        let counts = [
            StatCount {
                key: "JP".into(),
                agreements: 5,
                visits: 12,
            },
            StatCount {
                key: "KR".into(),
                agreements: 1,
                visits: 0,
            },
        ];
        write_stat_section(&mut out, "COUNTRY", &counts).expect("prints");
        write_stat_section(&mut out, "REGION", &[]).expect("prints");
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            "COUNTRY  AGREEMENTS  VISITS\nJP                5      12\nKR                1       0\nREGION: none\n"
        );
    }
}
