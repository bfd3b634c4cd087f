//! CloudTrail: every call becomes an event record; `LookupEvents` searches them.
//!
//! Events are queued by [`Recorder::record`] without waiting for disk; a writer thread appends
//! them in batches to segment files and indexes each batch (not each event) in the store: one
//! `fdatasync` and one durable commit per batch. A clean shutdown drains the queue; a crash
//! loses at most the events still queued (see `docs/architecture.md`).

mod event;
mod filter;
mod lookup;
mod recorder;
mod segments;
mod storage;

pub use event::{CallFacts, EventRecord, redact_parameters};
pub use lookup::Caller;
pub use recorder::Recorder;

#[cfg(test)]
mod tests;
