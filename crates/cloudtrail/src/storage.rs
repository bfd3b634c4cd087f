//! How events are laid out in the store. Every key of an event ends with the same suffix
//! (inverted time, then event id), so keys sort newest first:
//! - `EVENTS`: `scope + suffix` → where the record's text lies in the segment files;
//! - `INDEX`: `scope + attribute + value + suffix`, keys only, one per lookup attribute value;
//! - `SCOPES`: every `account/region` scope with events, for the retention sweep;
//! - `SEGMENTS`: each segment file's newest event time, to delete whole expired files.

use crate::event::EventRecord;
use crate::segments::{Location, SegmentReader};
use neargate_common::Timestamp;
use neargate_store::{Read, Result, Table, WriteTx, prefix_end};

pub(crate) const EVENTS: Table<Location> = Table::new("cloudtrail.events", 3);
pub(crate) const INDEX: Table<()> = Table::new("cloudtrail.index", 1);
pub(crate) const SCOPES: Table<()> = Table::new("cloudtrail.scopes", 1);
pub(crate) const SEGMENTS: Table<Timestamp> = Table::new("cloudtrail.segments", 1);

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

/// Stores a batch of events (their text already at `locations`) with their index entries,
/// each table's keys in ascending order (sorted inserts touch fewer pages).
pub(crate) fn insert(
    tx: &mut WriteTx<'_>,
    events: &[EventRecord],
    locations: &[Location],
) -> Result<()> {
    let mut scopes = Vec::new();
    let mut rows = Vec::with_capacity(events.len());
    let mut index = Vec::with_capacity(events.len() * 8);
    let mut newest: Vec<(u32, Timestamp)> = Vec::new();
    for (e, location) in events.iter().zip(locations) {
        let scope = scope(&e.account, &e.region);
        rows.push((primary_key(&scope, &suffix(e)), *location));
        index.extend(index_keys(e, &scope));
        scopes.push(scope);
        match newest.iter_mut().find(|(n, _)| *n == location.0) {
            Some((_, t)) => *t = (*t).max(e.event_time),
            None => newest.push((location.0, e.event_time)),
        }
    }
    scopes.sort_unstable();
    scopes.dedup();
    for scope in &scopes {
        tx.put(&SCOPES, scope.as_bytes(), &())?;
    }
    for (number, time) in newest {
        let known = tx
            .get(&SEGMENTS, &number.to_be_bytes())?
            .unwrap_or_default();
        tx.put(&SEGMENTS, &number.to_be_bytes(), &known.max(time))?;
    }
    rows.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (key, location) in rows {
        tx.put(&EVENTS, &key, &location)?;
    }
    index.sort_unstable();
    for key in index {
        tx.put(&INDEX, &key, &())?;
    }
    Ok(())
}

/// Deletes up to `limit` events older than `cutoff`, with their index entries; how many went.
pub(crate) fn expire(
    tx: &mut WriteTx<'_>,
    reader: &SegmentReader,
    cutoff: Timestamp,
    limit: usize,
) -> Result<usize> {
    let mut removed = 0;
    for (scope, ()) in tx.prefix(&SCOPES, b"")? {
        let scope = String::from_utf8_lossy(&scope).into_owned();
        // Older events have larger inverted times, so they sit at the end of the scope.
        let mut start = primary_key(&scope, inverted(cutoff).as_bytes());
        start.push(0xff);
        let end = prefix_end(scope.as_bytes());
        for (key, location) in tx.range(&EVENTS, &start, &end, false, limit - removed)? {
            if let Some(event) = reader
                .read(location)
                .and_then(|text| EventRecord::parse(&text))
            {
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

/// Forgets the segments whose newest event is older than `cutoff`; their numbers, for the
/// caller to delete the files.
pub(crate) fn expired_segments(tx: &mut WriteTx<'_>, cutoff: Timestamp) -> Result<Vec<u32>> {
    let mut expired = Vec::new();
    for (key, newest) in tx.prefix(&SEGMENTS, b"")? {
        if newest < cutoff
            && let Ok(bytes) = <[u8; 4]>::try_from(key.as_slice())
        {
            tx.delete(&SEGMENTS, &key)?;
            expired.push(u32::from_be_bytes(bytes));
        }
    }
    Ok(expired)
}
