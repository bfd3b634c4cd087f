//! How events are laid out in the store: a primary table ordered newest first per account and
//! region, one index entry per lookup attribute, and an expiry queue ordered by time.

use neargate_common::Timestamp;
use neargate_store::{Read, Result, Table, WriteTx};

use crate::event::EventRecord;

pub(crate) const EVENTS: Table<EventRecord> = Table::new("cloudtrail.events", 1);
/// Index entries point at the primary key.
pub(crate) const INDEX: Table<Vec<u8>> = Table::new("cloudtrail.index", 1);
/// Expiry entries point at the primary key.
pub(crate) const EXPIRY: Table<Vec<u8>> = Table::new("cloudtrail.expiry", 1);

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

fn primary_key(e: &EventRecord) -> Vec<u8> {
    let mut key = scope(&e.account, &e.region).into_bytes();
    key.extend_from_slice(&suffix(e));
    key
}

/// The index prefix for `attribute = value` in a scope.
pub(crate) fn index_prefix(scope: &str, attribute: &str, value: &str) -> String {
    format!("{scope}{attribute}\u{0}{value}\u{0}")
}

/// The (attribute, value) pairs an event is found by.
fn attribute_values(e: &EventRecord) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("EventId", e.event_id.clone()),
        ("EventName", e.event_name.clone()),
        ("ReadOnly", e.read_only.to_string()),
        ("EventSource", e.event_source.clone()),
    ];
    out.extend(e.username.clone().map(|u| ("Username", u)));
    out.extend(e.access_key_id.clone().map(|k| ("AccessKeyId", k)));
    for (kind, name) in &e.resources {
        out.push(("ResourceType", kind.clone()));
        out.push(("ResourceName", name.clone()));
    }
    out
}

fn index_keys(e: &EventRecord) -> Vec<Vec<u8>> {
    let scope = scope(&e.account, &e.region);
    let suffix = suffix(e);
    attribute_values(e)
        .into_iter()
        .map(|(attr, value)| {
            let mut key = index_prefix(&scope, attr, &value).into_bytes();
            key.extend_from_slice(&suffix);
            key
        })
        .collect()
}

fn expiry_key(e: &EventRecord) -> Vec<u8> {
    format!("{:016x}{}", e.event_time.millis().max(0), e.event_id).into_bytes()
}

/// Stores one event with its index and expiry entries.
pub(crate) fn insert(tx: &mut WriteTx<'_>, e: &EventRecord) -> Result<()> {
    let key = primary_key(e);
    tx.put(&EVENTS, &key, e)?;
    for index in index_keys(e) {
        tx.put(&INDEX, &index, &key)?;
    }
    tx.put(&EXPIRY, &expiry_key(e), &key)
}

/// Deletes up to `limit` events older than `cutoff`; how many went.
pub(crate) fn expire(tx: &mut WriteTx<'_>, cutoff: Timestamp, limit: usize) -> Result<usize> {
    let end = format!("{:016x}", cutoff.millis().max(0)).into_bytes();
    let due = tx.range(&EXPIRY, b"", &end, false, limit)?;
    for (expiry, key) in &due {
        if let Some(event) = tx.get(&EVENTS, key)? {
            for index in index_keys(&event) {
                tx.delete(&INDEX, &index)?;
            }
            tx.delete(&EVENTS, key)?;
        }
        tx.delete(&EXPIRY, expiry)?;
    }
    Ok(due.len())
}
