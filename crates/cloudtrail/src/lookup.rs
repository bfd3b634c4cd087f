//! The CloudTrail API: `LookupEvents`.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use neargate_common::{AwsError, Principal, Timestamp};
use neargate_store::Read;
use neargate_wire::{JsonInput, Output, Reply};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::Recorder;
use crate::event::EventRecord;
use crate::recorder::RETENTION;
use crate::storage::{ATTRIBUTES, EVENTS, INDEX, index_prefix, inverted, scope};

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
    let now = recorder.clock().now();
    let query = parse_query(input, now)?;
    recorder.flush();
    let scope = scope(&caller.account, region);
    let fingerprint = fingerprint(input);
    let after = match &query.after {
        Some(token) => Some(decode_token(token, &fingerprint, &scope)?),
        None => None,
    };
    let (events, more) = recorder
        .db()
        .read(|tx| {
            let newest = format!("{scope}{}", inverted(query.end));
            let oldest = format!("{scope}{}\u{ff}", inverted(query.start));
            let mut start = newest.into_bytes();
            if let Some(after) = &after {
                start = after.clone();
                start.push(0);
            }
            let limit = query.max_results + 1;
            let records: Vec<EventRecord> = match &query.attribute {
                None => tx
                    .range(&EVENTS, &start, oldest.as_bytes(), false, limit)?
                    .into_iter()
                    .map(|(_, e)| e)
                    .collect(),
                Some((attr, value)) => {
                    let prefix = index_prefix(&scope, attr, value);
                    let from = match &after {
                        Some(a) => {
                            let mut k = prefix.clone().into_bytes();
                            k.extend_from_slice(&a[scope.len()..]);
                            k.push(0);
                            k
                        }
                        None => format!("{prefix}{}", inverted(query.end)).into_bytes(),
                    };
                    let to = format!("{prefix}{}\u{ff}", inverted(query.start));
                    let mut out = Vec::new();
                    for (_, key) in tx.range(&INDEX, &from, to.as_bytes(), false, limit)? {
                        if let Some(e) = tx.get(&EVENTS, &key)? {
                            out.push(e);
                        }
                    }
                    out
                }
            };
            let more = records.len() > query.max_results;
            Ok((records.into_iter().take(query.max_results).collect::<Vec<_>>(), more))
        })
        .map_err(|e| {
            tracing::error!(error = %e, "store failure in LookupEvents");
            AwsError::with_status(500, "InternalFailure", "An internal error occurred. Try again later.")
        })?;
    let next_token = more.then(|| events.last().map(|e| encode_token(&crate::storage::primary_key(e), &fingerprint))).flatten();
    let mut body = json!({ "Events": events.iter().map(event_json).collect::<Vec<_>>() });
    if let Some(token) = next_token {
        body["NextToken"] = json!(token);
    }
    Ok(Reply::quiet(Output::Json(body)))
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
    let start = input.timestamp("StartTime").map_err(|e| invalid("InvalidTimeRangeException", e.to_string()))?;
    let end = input.timestamp("EndTime").map_err(|e| invalid("InvalidTimeRangeException", e.to_string()))?;
    if let (Some(s), Some(e)) = (start, end) {
        if s > e {
            return Err(invalid("InvalidTimeRangeException", "StartTime must be earlier than or equal to EndTime."));
        }
    }
    let window_start = now.sub(RETENTION);
    let start = start.map_or(window_start, |s| s.max(window_start));
    let end = end.map_or(now, |e| e.min(now));
    let max_results = match input.i64("MaxResults").map_err(|e| invalid("InvalidMaxResultsException", e.to_string()))? {
        None => 50,
        Some(n @ 1..=50) => usize::try_from(n).unwrap_or(50),
        Some(n) => return Err(invalid("InvalidMaxResultsException", format!("MaxResults must be from 1 to 50; got {n}."))),
    };
    match input.str("EventCategory") {
        Ok(None) => {}
        Ok(Some("insight")) => {
            return Err(invalid("InvalidEventCategoryException", "Insights events are not recorded by this endpoint."));
        }
        Ok(Some(other)) => return Err(invalid("InvalidEventCategoryException", format!("EventCategory '{other}' is not valid; the only value is 'insight'."))),
        Err(e) => return Err(invalid("InvalidEventCategoryException", e.to_string())),
    }
    let after = match input.str("NextToken") {
        Ok(Some(t)) => Some(t.as_bytes().to_vec()),
        Ok(None) => None,
        Err(e) => return Err(invalid("InvalidNextTokenException", e.to_string())),
    };
    Ok(Query { attribute, start, end, max_results, after })
}

fn parse_attribute(input: &JsonInput) -> Result<Option<(String, String)>, AwsError> {
    let bad = |m: &str| invalid("InvalidLookupAttributesException", m.to_owned());
    let Some(list) = input.array("LookupAttributes").map_err(|e| bad(&e.to_string()))? else {
        return Ok(None);
    };
    match list.as_slice() {
        [] => Ok(None),
        [one] => {
            let key = one.get("AttributeKey").and_then(Value::as_str).ok_or_else(|| bad("Each lookup attribute needs an AttributeKey."))?;
            let value = one.get("AttributeValue").and_then(Value::as_str).ok_or_else(|| bad("Each lookup attribute needs an AttributeValue."))?;
            if !ATTRIBUTES.contains(&key) {
                return Err(bad(&format!("'{key}' is not a lookup attribute; use one of {}.", ATTRIBUTES.join(", "))));
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

fn decode_token(token: &[u8], fingerprint: &str, scope: &str) -> Result<Vec<u8>, AwsError> {
    let bad = || invalid("InvalidNextTokenException", "The NextToken is not valid for this query.");
    let text = B64.decode(token).ok().and_then(|b| String::from_utf8(b).ok()).ok_or_else(bad)?;
    let (fp, key) = text.split_once(':').ok_or_else(bad)?;
    if fp != fingerprint {
        return Err(bad());
    }
    hex::decode(key).ok().filter(|k| k.starts_with(scope.as_bytes())).ok_or_else(bad)
}
