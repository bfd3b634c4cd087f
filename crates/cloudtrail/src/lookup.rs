//! The CloudTrail API: `LookupEvents`.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use neargate_common::{AwsError, Principal, Timestamp};
use neargate_store::{Read, ReadTx};
use neargate_wire::{JsonInput, Output, Reply};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::Recorder;
use crate::event::EventRecord;
use crate::recorder::RETENTION;
use crate::segments::Location;
use crate::storage::{
    ATTRIBUTES, EVENTS, INDEX, index_prefix, inverted, primary_key, scope, suffix,
};

/// Whether `operation` only reads; `None` for operations Neargate does not serve.
pub fn read_only(operation: &str) -> Option<bool> {
    (operation == "LookupEvents").then_some(true)
}

/// Runs the CloudTrail `operation` for `caller` in `region`.
pub fn handle(
    recorder: &Recorder,
    caller: &Principal,
    region: &str,
    operation: &str,
    input: &JsonInput,
) -> Result<Reply, AwsError> {
    match operation {
        "LookupEvents" => lookup_events(recorder, caller, region, input),
        _ => Err(AwsError::client(
            "UnsupportedOperationException",
            format!("The operation {operation} is not supported by this endpoint."),
        )),
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
    caller: &Principal,
    region: &str,
    input: &JsonInput,
) -> Result<Reply, AwsError> {
    let query = parse_query(input, recorder.clock().now())?;
    let fingerprint = fingerprint(input);
    let after = match &query.after {
        Some(token) => Some(decode_token(token, &fingerprint)?),
        None => None,
    };
    recorder.flush();
    let scope = scope(&caller.account, region);
    let mut events = recorder
        .db()
        .read(|tx| scan(tx, &query, &scope, after.as_deref()))
        .map(|locations| {
            let reader = recorder.reader();
            locations
                .into_iter()
                .filter_map(|l| reader.read(l))
                .filter_map(|t| EventRecord::parse(&t))
                .collect::<Vec<_>>()
        })
        .map_err(|e| {
            tracing::error!(error = %e, "store failure in LookupEvents");
            AwsError::internal("InternalFailure")
        })?;
    let more = events.len() > query.max_results;
    events.truncate(query.max_results);
    let mut body = json!({ "Events": events.iter().map(event_json).collect::<Vec<_>>() });
    if let Some(last) = events.last().filter(|_| more) {
        body["NextToken"] = json!(encode_token(&suffix(last), &fingerprint));
    }
    Ok(Reply::quiet(Output::Json(body)))
}

/// Where up to `max_results + 1` events of `scope` lie, newest first, after the key suffix
/// `after`.
/// Both the primary table and the indexes order keys as `prefix + suffix`.
fn scan(
    tx: &ReadTx<'_>,
    query: &Query,
    scope: &str,
    after: Option<&[u8]>,
) -> neargate_store::Result<Vec<Location>> {
    let prefix = match &query.attribute {
        None => scope.to_owned(),
        Some((attribute, value)) => index_prefix(scope, attribute, value),
    };
    let mut from = prefix.clone().into_bytes();
    match after {
        Some(suffix) => {
            from.extend_from_slice(suffix);
            from.push(0);
        }
        None => from.extend_from_slice(inverted(query.end).as_bytes()),
    }
    let to = format!("{prefix}{}\u{ff}", inverted(query.start));
    let limit = query.max_results + 1;
    if query.attribute.is_none() {
        let rows = tx.range(&EVENTS, &from, to.as_bytes(), false, limit)?;
        return Ok(rows.into_iter().map(|(_, location)| location).collect());
    }
    let mut locations = Vec::new();
    for (key, ()) in tx.range(&INDEX, &from, to.as_bytes(), false, limit)? {
        locations.extend(tx.get(&EVENTS, &primary_key(scope, &key[prefix.len()..]))?);
    }
    Ok(locations)
}

fn event_json(e: &EventRecord) -> Value {
    let mut v = json!({
        "EventId": e.event_id,
        "EventName": e.event_name,
        "ReadOnly": e.read_only.to_string(),
        "EventTime": e.event_time.epoch_seconds_f64(),
        "EventSource": e.event_source,
        "Resources": e.resources.iter().map(|(t, n)| json!({"ResourceType": t, "ResourceName": n})).collect::<Vec<_>>(),
        "CloudTrailEvent": e.cloudtrail_event,
    });
    if let Some(k) = &e.access_key_id {
        v["AccessKeyId"] = json!(k);
    }
    if let Some(u) = &e.username {
        v["Username"] = json!(u);
    }
    v
}

fn invalid(code: &'static str, message: impl Into<String>) -> AwsError {
    AwsError::client(code, message)
}

fn parse_query(input: &JsonInput, now: Timestamp) -> Result<Query, AwsError> {
    let attribute = parse_attribute(input)?;
    let start = input
        .timestamp("StartTime")
        .map_err(|e| invalid("InvalidTimeRangeException", e.to_string()))?;
    let end = input
        .timestamp("EndTime")
        .map_err(|e| invalid("InvalidTimeRangeException", e.to_string()))?;
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
    let max_results = match input
        .i64("MaxResults")
        .map_err(|e| invalid("InvalidMaxResultsException", e.to_string()))?
    {
        None => 50,
        Some(n @ 1..=50) => usize::try_from(n).unwrap_or(50),
        Some(n) => {
            return Err(invalid(
                "InvalidMaxResultsException",
                format!("MaxResults must be from 1 to 50; got {n}."),
            ));
        }
    };
    match input.str("EventCategory") {
        Ok(None) => {}
        Ok(Some("insight")) => {
            return Err(invalid(
                "InvalidEventCategoryException",
                "Insights events are not recorded by this endpoint.",
            ));
        }
        Ok(Some(other)) => {
            return Err(invalid(
                "InvalidEventCategoryException",
                format!("EventCategory '{other}' is not valid; the only value is 'insight'."),
            ));
        }
        Err(e) => return Err(invalid("InvalidEventCategoryException", e.to_string())),
    }
    let after = match input.str("NextToken") {
        Ok(Some(t)) => Some(t.as_bytes().to_vec()),
        Ok(None) => None,
        Err(e) => return Err(invalid("InvalidNextTokenException", e.to_string())),
    };
    Ok(Query {
        attribute,
        start,
        end,
        max_results,
        after,
    })
}

fn parse_attribute(input: &JsonInput) -> Result<Option<(String, String)>, AwsError> {
    let bad = |m: &str| invalid("InvalidLookupAttributesException", m.to_owned());
    let Some(list) = input
        .array("LookupAttributes")
        .map_err(|e| bad(&e.to_string()))?
    else {
        return Ok(None);
    };
    match list.as_slice() {
        [] => Ok(None),
        [one] => {
            let key = one
                .get("AttributeKey")
                .and_then(Value::as_str)
                .ok_or_else(|| bad("Each lookup attribute needs an AttributeKey."))?;
            let value = one
                .get("AttributeValue")
                .and_then(Value::as_str)
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

/// Identifies the query a token belongs to (everything but the token itself).
fn fingerprint(input: &JsonInput) -> String {
    let mut members = input.0.clone();
    members.remove("NextToken");
    members.remove("MaxResults");
    hex::encode(&Sha256::digest(Value::Object(members).to_string().as_bytes())[..8])
}

fn encode_token(key: &[u8], fingerprint: &str) -> String {
    B64.encode(format!("{fingerprint}:{}", hex::encode(key)))
}

fn decode_token(token: &[u8], fingerprint: &str) -> Result<Vec<u8>, AwsError> {
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
    hex::decode(key).map_err(|_| bad())
}
