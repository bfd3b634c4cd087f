//! How events are laid out. Record text lives in append-only segment files; each batch the
//! writer stores is appended as one contiguous run per `account/region` scope, newest first.
//! The store holds one entry per run, not per event:
//! - `BATCHES`: `scope + inverted(newest time) + location` → the run's [`Batch`];
//! - `SEGMENTS`: each segment file's newest event time, to delete whole expired files.
//!
//! A lookup walks a scope's runs newest first, skips runs whose filter rules the attribute out,
//! and reads the rest.

use std::collections::BTreeMap;

use neargate_common::Timestamp;
use neargate_store::{Read, Result, Table, WriteTx, prefix_end};
use serde::{Deserialize, Serialize};

use crate::event::EventRecord;
use crate::filter::PairFilter;
use crate::segments::Location;

pub(crate) const BATCHES: Table<Batch> = Table::new("cloudtrail.batches", 1);
pub(crate) const SEGMENTS: Table<Timestamp> = Table::new("cloudtrail.segments", 1);

/// One run of events of one scope, stored together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Batch {
    /// Where the run's lines are.
    pub(crate) location: Location,
    /// The newest and oldest event times in the run.
    pub(crate) newest: Timestamp,
    pub(crate) oldest: Timestamp,
    /// The (attribute, value) pairs present.
    pub(crate) filter: PairFilter,
}

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

/// An event's position in newest-first order: inverted time, then event id.
pub(crate) fn order_key(e: &EventRecord) -> String {
    format!("{}{}", inverted(e.event_time), e.event_id)
}

/// The (attribute, value) pairs an event is found by.
pub(crate) fn attribute_values(e: &EventRecord) -> Vec<(&'static str, &str)> {
    let mut out = vec![
        ("EventId", e.event_id.as_str()),
        ("EventName", e.event_name.as_str()),
        ("ReadOnly", if e.read_only { "true" } else { "false" }),
        ("EventSource", e.event_source.as_ref()),
    ];
    out.extend(e.username.as_deref().map(|u| ("Username", u)));
    out.extend(e.access_key_id.as_deref().map(|k| ("AccessKeyId", k)));
    for (kind, name) in &e.resources {
        out.push(("ResourceType", kind.as_str()));
        out.push(("ResourceName", name.as_str()));
    }
    out
}

/// A batch's events grouped into runs per scope, each newest first, ready to append.
pub(crate) fn runs(events: &[EventRecord]) -> Vec<(String, Vec<&EventRecord>)> {
    let mut by_scope: BTreeMap<(&str, &str), Vec<&EventRecord>> = BTreeMap::new();
    for e in events {
        by_scope.entry((&e.account, &e.region)).or_default().push(e);
    }
    by_scope
        .into_iter()
        .map(|((account, region), mut run)| {
            // The order of `order_key`: newest first, then by event id.
            run.sort_by(|a, b| {
                b.event_time
                    .cmp(&a.event_time)
                    .then_with(|| a.event_id.cmp(&b.event_id))
            });
            (scope(account, region), run)
        })
        .collect()
}

/// The index entries of runs already appended at `locations` (one per run): each run's key and
/// summary, its filter built. Made before the store's write lock is taken.
pub(crate) fn index_entries(
    runs: &[(String, Vec<&EventRecord>)],
    locations: &[Location],
) -> Vec<(String, Batch)> {
    runs.iter()
        .zip(locations)
        .filter_map(|((scope, run), location)| {
            let (newest, oldest) = (run.first()?, run.last()?);
            let batch = Batch {
                location: *location,
                newest: newest.event_time,
                oldest: oldest.event_time,
                filter: PairFilter::build(
                    &run.iter()
                        .flat_map(|e| attribute_values(e))
                        .collect::<Vec<_>>(),
                ),
            };
            let key = format!(
                "{scope}{}{:08x}{:016x}",
                inverted(batch.newest),
                location.0,
                location.1
            );
            Some((key, batch))
        })
        .collect()
}

/// Stores index entries made by [`index_entries`].
pub(crate) fn insert(tx: &mut WriteTx<'_>, entries: &[(String, Batch)]) -> Result<()> {
    for (key, batch) in entries {
        tx.put(&BATCHES, key.as_bytes(), batch)?;
        let segment = batch.location.0.to_be_bytes();
        let known = tx.get(&SEGMENTS, &segment)?.unwrap_or_default();
        tx.put(&SEGMENTS, &segment, &known.max(batch.newest))?;
    }
    Ok(())
}

/// Forgets every run whose newest event is older than `cutoff`, and the segments holding only
/// such runs; returns the segment numbers, for the caller to delete the files.
pub(crate) fn expire(tx: &mut WriteTx<'_>, cutoff: Timestamp) -> Result<Vec<u32>> {
    let scopes: Vec<String> = {
        let mut scopes = Vec::new();
        let mut from = Vec::new();
        // Walk the distinct scopes by jumping past each one found.
        while let Some((key, _)) = tx.range(&BATCHES, &from, b"", false, 1)?.pop() {
            let text = String::from_utf8_lossy(&key).into_owned();
            let mut parts = text.splitn(3, '\u{0}');
            let scope = format!(
                "{}\u{0}{}\u{0}",
                parts.next().unwrap_or(""),
                parts.next().unwrap_or("")
            );
            from = prefix_end(scope.as_bytes());
            scopes.push(scope);
            if from.is_empty() {
                break;
            }
        }
        scopes
    };
    for scope in scopes {
        // Older runs have larger inverted times, so they sit at the end of the scope.
        let start = format!("{scope}{}\u{ff}", inverted(cutoff));
        for (key, _) in tx.range(
            &BATCHES,
            start.as_bytes(),
            &prefix_end(scope.as_bytes()),
            false,
            usize::MAX,
        )? {
            tx.delete(&BATCHES, &key)?;
        }
    }
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
