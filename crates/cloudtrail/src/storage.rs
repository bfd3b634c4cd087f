//! How events are laid out in the store. Every key of an event ends with the same suffix
//! (inverted time, then event id), so keys sort newest first:
//! - `EVENTS`: `scope + suffix` → CloudTrail's JSON text, stored verbatim;
//! - `INDEX`: `scope + attribute + value + suffix`, keys only, one per lookup attribute value;
//! - `SCOPES`: every `account/region` scope with events, for the retention sweep.

use neargate_common::Timestamp;
use neargate_store::{Read, Result, Table, WriteTx, prefix_end};
use serde_json::value::RawValue;

use crate::event::EventRecord;

pub(crate) const EVENTS: Table<Box<RawValue>> = Table::new("cloudtrail.events", 2);
pub(crate) const INDEX: Table<()> = Table::new("cloudtrail.index", 1);
pub(crate) const SCOPES: Table<()> = Table::new("cloudtrail.scopes", 1);

/// The eight lookup attributes, by their `AttributeKey` names.
pub(crate) const ATTRIBUTES: &[&str] = &[
    "EventId",
    "EventName",
    "ReadOnly",
    "Username",
    "ResourceType",
    "ResourceName",
    "EventSource",
    "AccessKeyId",
];

/// Time inverted so ascending keys run newest first.
pub(crate) fn inverted(t: Timestamp) -> String {
    let millis = u64::try_from(t.millis().max(0)).unwrap_or(0);
    format!("{:016x}", u64::MAX - millis)
}

/// `account/region/`: the part of every key that scopes it.
pub(crate) fn scope(account: &str, region: &str) -> String {
    format!("{account}\u{0}{region}\u{0}")
}

/// The part of every key of an event after its prefix: newest first, then by id.
pub(crate) fn suffix(e: &EventRecord) -> Vec<u8> {
    format!("{}{}", inverted(e.event_time), e.event_id).into_bytes()
}

/// The primary key of the event with `suffix` in `scope`.
pub(crate) fn primary_key(scope: &str, suffix: &[u8]) -> Vec<u8> {
    let mut key = scope.as_bytes().to_vec();
    key.extend_from_slice(suffix);
    key
}

/// The index prefix for `attribute = value` in a scope.
pub(crate) fn index_prefix(scope: &str, attribute: &str, value: &str) -> String {
    format!("{scope}{attribute}\u{0}{value}\u{0}")
}

/// The (attribute, value) pairs an event is found by.
fn attribute_values(e: &EventRecord) -> Vec<(&'static str, &str)> {
    let mut out = vec![
        ("EventId", e.event_id.as_str()),
        ("EventName", e.event_name.as_str()),
        ("ReadOnly", if e.read_only { "true" } else { "false" }),
        ("EventSource", e.event_source.as_str()),
    ];
    out.extend(e.username.as_deref().map(|u| ("Username", u)));
    out.extend(e.access_key_id.as_deref().map(|k| ("AccessKeyId", k)));
    for (kind, name) in &e.resources {
        out.push(("ResourceType", kind.as_str()));
        out.push(("ResourceName", name.as_str()));
    }
    out
}

fn index_keys(e: &EventRecord, scope: &str) -> Vec<Vec<u8>> {
    let suffix = suffix(e);
    attribute_values(e)
        .into_iter()
        .map(|(attribute, value)| {
            let mut key = index_prefix(scope, attribute, value).into_bytes();
            key.extend_from_slice(&suffix);
            key
        })
        .collect()
}

/// Stores a batch of events with their index entries, each table's keys in ascending order
/// (sorted inserts touch fewer pages).
pub(crate) fn insert(tx: &mut WriteTx<'_>, events: &[EventRecord]) -> Result<()> {
    let mut scopes = Vec::new();
    let mut rows = Vec::with_capacity(events.len());
    let mut index = Vec::with_capacity(events.len() * 8);
    for e in events {
        let scope = scope(&e.account, &e.region);
        rows.push((primary_key(&scope, &suffix(e)), e.cloudtrail_event.as_str()));
        index.extend(index_keys(e, &scope));
        scopes.push(scope);
    }
    scopes.sort_unstable();
    scopes.dedup();
    for scope in &scopes {
        tx.put(&SCOPES, scope.as_bytes(), &())?;
    }
    rows.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (key, text) in rows {
        // The text was serialized by `EventRecord::from_call`, so it is valid JSON.
        let raw = RawValue::from_string(text.to_owned()).map_err(|e| {
            neargate_store::StoreError::Corrupt {
                table: "cloudtrail.events",
                reason: e.to_string(),
            }
        })?;
        tx.put(&EVENTS, &key, &raw)?;
    }
    index.sort_unstable();
    for key in index {
        tx.put(&INDEX, &key, &())?;
    }
    Ok(())
}

/// Deletes up to `limit` events older than `cutoff`, with their index entries; how many went.
pub(crate) fn expire(tx: &mut WriteTx<'_>, cutoff: Timestamp, limit: usize) -> Result<usize> {
    let mut removed = 0;
    for (scope, ()) in tx.prefix(&SCOPES, b"")? {
        let scope = String::from_utf8_lossy(&scope).into_owned();
        // Older events have larger inverted times, so they sit at the end of the scope.
        let mut start = primary_key(&scope, inverted(cutoff).as_bytes());
        start.push(0xff);
        let end = prefix_end(scope.as_bytes());
        for (key, raw) in tx.range(&EVENTS, &start, &end, false, limit - removed)? {
            if let Some(event) = EventRecord::parse(raw.get()) {
                for index in index_keys(&event, &scope) {
                    tx.delete(&INDEX, &index)?;
                }
            }
            tx.delete(&EVENTS, &key)?;
            removed += 1;
        }
        if removed == limit {
            break;
        }
    }
    Ok(removed)
}
