//! `LookupEvents`: the trail's events of the caller's account and region, newest first,
//! filtered by one attribute and a time range, in pages.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use std::time::Duration;

use neargate_common::{AwsError, Principal, Timestamp};
use neargate_model::cloudtrail::{
    Event, EventCategory, LookupAttribute, LookupEventsRequest, LookupEventsResponse, Resource,
    ops::LookupEvents,
};
use neargate_model::{Access, Handler, Question, Time};
use neargate_store::{Read, ReadTx};
use sha2::{Digest, Sha256};

use crate::Recorder;
use crate::event::EventRecord;
use crate::recorder::RETENTION;
use crate::segments::SegmentReader;
use crate::storage::{ATTRIBUTES, BATCHES, attribute_values, inverted, order_key, scope};

/// Who calls CloudTrail, and in which region.
#[derive(Debug, Clone, Copy)]
pub struct Caller<'a> {
    /// The authenticated principal.
    pub principal: &'a Principal,
    /// The region the request was signed for.
    pub region: &'a str,
}

impl<'a> Handler<LookupEvents, Caller<'a>> for Recorder {
    fn access(&self, _: &Caller<'a>, _: &LookupEventsRequest) -> Result<Access<'_>, AwsError> {
        Ok(Access::one(Question::plain("cloudtrail:LookupEvents", "*")))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: LookupEventsRequest,
    ) -> Result<LookupEventsResponse, AwsError> {
        lookup_events(self, caller, &input)
    }
}

/// A validated `LookupEvents` request.
struct Query {
    attribute: Option<(String, String)>,
    start: Timestamp,
    end: Timestamp,
    max_results: usize,
    after: Option<Vec<u8>>,
}

fn lookup_events(
    recorder: &Recorder,
    caller: &Caller<'_>,
    input: &LookupEventsRequest,
) -> Result<LookupEventsResponse, AwsError> {
    let query = parse_query(input, recorder.clock().now())?;
    let fingerprint = fingerprint(input);
    let after = match &query.after {
        Some(token) => Some(decode_token(token, &fingerprint)?),
        None => None,
    };
    recorder.flush();
    let scope = scope(&caller.principal.account, caller.region);
    let mut events = recorder
        .db()
        .read(|tx| walk(tx, recorder.reader(), &query, &scope, after.as_deref()))
        .map_err(|e| {
            tracing::error!(error = %e, "store failure in LookupEvents");
            AwsError::internal("InternalFailure")
        })?;
    let more = events.len() > query.max_results;
    events.truncate(query.max_results);
    let next_token = events
        .last()
        .filter(|_| more)
        .map(|last| encode_token(order_key(last).as_bytes(), &fingerprint));
    Ok(LookupEventsResponse {
        events: Some(events.iter().map(event).collect()),
        next_token,
    })
}

/// How much older than its run's newest event an event may be: events carry the time their
/// request arrived and are stored when it is answered.
const SLACK: Duration = Duration::from_secs(15 * 60);
/// Runs read from the store at a time.
const RUNS_PER_READ: usize = 256;

/// Up to `max_results + 1` matching events of `scope`, newest first, after the order key
/// `after`. Runs are walked newest first; once enough events are found, the walk stops at the
/// first run too old to hold a newer one.
fn walk(
    tx: &ReadTx<'_>,
    reader: &SegmentReader,
    query: &Query,
    scope: &str,
    after: Option<&str>,
) -> neargate_store::Result<Vec<EventRecord>> {
    let need = query.max_results + 1;
    let newest = after
        .and_then(time_of)
        .map_or(query.end, |t| t.min(query.end));
    let mut from = format!("{scope}{}", inverted(newest + SLACK)).into_bytes();
    let to = format!("{scope}{}\u{ff}", inverted(query.start));
    let mut found: Vec<(String, EventRecord)> = Vec::new();
    loop {
        let runs = tx.range(&BATCHES, &from, to.as_bytes(), false, RUNS_PER_READ)?;
        let Some((last, _)) = runs.last() else { break };
        from = last.clone();
        from.push(0);
        for (_, run) in runs {
            if found.len() >= need && found[need - 1].1.event_time > run.newest {
                return Ok(found.into_iter().map(|(_, e)| e).collect());
            }
            let ruled_out = query
                .attribute
                .as_ref()
                .is_some_and(|(a, v)| !run.filter.may_contain(a, v));
            if ruled_out || run.oldest > query.end {
                continue;
            }
            let Some(text) = reader.read(run.location) else {
                continue;
            };
            for event in text.lines().filter_map(EventRecord::parse) {
                let key = order_key(&event);
                if matches(query, &event) && after.is_none_or(|a| key.as_str() > a) {
                    found.push((key, event));
                }
            }
            found.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            found.truncate(need);
        }
    }
    Ok(found.into_iter().map(|(_, e)| e).collect())
}

/// Whether `event` falls in the query's time range and has its attribute.
fn matches(query: &Query, event: &EventRecord) -> bool {
    (query.start..=query.end).contains(&event.event_time)
        && query.attribute.as_ref().is_none_or(|(attribute, value)| {
            attribute_values(event)
                .iter()
                .any(|(a, v)| a == attribute && v == value)
        })
}

/// The event time encoded at the front of an order key.
fn time_of(order_key: &str) -> Option<Timestamp> {
    let inverted = u64::from_str_radix(order_key.get(..16)?, 16).ok()?;
    Some(Timestamp::from_millis(
        i64::try_from(u64::MAX - inverted).ok()?,
    ))
}

fn event(e: &EventRecord) -> Event {
    Event {
        event_id: Some(e.event_id.clone()),
        event_name: Some(e.event_name.clone()),
        read_only: Some(e.read_only.to_string()),
        event_time: Some(Time(e.event_time)),
        event_source: Some(e.event_source.to_string()),
        resources: Some(
            e.resources
                .iter()
                .map(|(t, n)| Resource {
                    resource_type: Some(t.clone()),
                    resource_name: Some(n.clone()),
                })
                .collect(),
        ),
        cloud_trail_event: Some(e.cloudtrail_event.clone()),
        access_key_id: e.access_key_id.clone(),
        username: e.username.clone(),
    }
}

fn invalid(code: &'static str, message: impl Into<String>) -> AwsError {
    AwsError::client(code, message)
}

fn parse_query(input: &LookupEventsRequest, now: Timestamp) -> Result<Query, AwsError> {
    let attribute = parse_attribute(input.lookup_attributes.as_deref().unwrap_or_default())?;
    let (start, end) = (input.start_time.map(|t| t.0), input.end_time.map(|t| t.0));
    if let (Some(s), Some(e)) = (start, end)
        && s > e
    {
        return Err(invalid(
            "InvalidTimeRangeException",
            "StartTime must be earlier than or equal to EndTime.",
        ));
    }
    let window_start = now - RETENTION;
    let start = start.map_or(window_start, |s| s.max(window_start));
    let end = end.map_or(now, |e| e.min(now));
    let max_results = match input.max_results {
        None => 50,
        Some(n @ 1..=50) => usize::try_from(n).unwrap_or(50),
        Some(n) => {
            return Err(invalid(
                "InvalidMaxResultsException",
                format!("MaxResults must be from 1 to 50; got {n}."),
            ));
        }
    };
    match &input.event_category {
        None => {}
        Some(EventCategory::Insight) => {
            return Err(invalid(
                "InvalidEventCategoryException",
                "Insights events are not recorded by this endpoint.",
            ));
        }
        Some(other) => {
            return Err(invalid(
                "InvalidEventCategoryException",
                format!("EventCategory '{other}' is not valid; the only value is 'insight'."),
            ));
        }
    }
    Ok(Query {
        attribute,
        start,
        end,
        max_results,
        after: input.next_token.as_ref().map(|t| t.as_bytes().to_vec()),
    })
}

fn parse_attribute(list: &[LookupAttribute]) -> Result<Option<(String, String)>, AwsError> {
    let bad = |m: &str| invalid("InvalidLookupAttributesException", m.to_owned());
    match list {
        [] => Ok(None),
        [one] => {
            let key = one
                .attribute_key
                .as_ref()
                .ok_or_else(|| bad("Each lookup attribute needs an AttributeKey."))?
                .as_str();
            let value = one
                .attribute_value
                .as_deref()
                .ok_or_else(|| bad("Each lookup attribute needs an AttributeValue."))?;
            if !ATTRIBUTES.contains(&key) {
                return Err(bad(&format!(
                    "'{key}' is not a lookup attribute; use one of {}.",
                    ATTRIBUTES.join(", ")
                )));
            }
            if value.is_empty() || value.chars().count() > 2000 {
                return Err(bad("AttributeValue must be 1 to 2000 characters long."));
            }
            Ok(Some((key.to_owned(), value.to_owned())))
        }
        _ => Err(bad("LookupAttributes can contain only one item.")),
    }
}

/// Identifies the query a token belongs to (everything but the token and the page size).
fn fingerprint(input: &LookupEventsRequest) -> String {
    let query = format!(
        "{:?}|{:?}|{:?}|{:?}",
        input.lookup_attributes, input.start_time, input.end_time, input.event_category
    );
    hex::encode(&Sha256::digest(query.as_bytes())[..8])
}

fn encode_token(key: &[u8], fingerprint: &str) -> String {
    B64.encode(format!("{fingerprint}:{}", hex::encode(key)))
}

/// The order key a token resumes after.
fn decode_token(token: &[u8], fingerprint: &str) -> Result<String, AwsError> {
    let bad = || {
        invalid(
            "InvalidNextTokenException",
            "The NextToken is not valid for this query.",
        )
    };
    let text = B64
        .decode(token)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(bad)?;
    let (fp, key) = text.split_once(':').ok_or_else(bad)?;
    if fp != fingerprint {
        return Err(bad());
    }
    let key = hex::decode(key)
        .ok()
        .and_then(|k| String::from_utf8(k).ok())
        .ok_or_else(bad)?;
    time_of(&key).map(|_| key).ok_or_else(bad)
}
