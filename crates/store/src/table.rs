//! Typed tables: a name, a record type and its current format version.

use std::marker::PhantomData;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Result, StoreError};

/// What a table can hold.
pub trait Record: Serialize + DeserializeOwned {}

impl<T: Serialize + DeserializeOwned> Record for T {}

/// A table of `V` records. Records carry the format `version` they were written with; reading
/// a newer one fails rather than misreading it. Fields added later take serde defaults.
#[derive(Debug)]
pub struct Table<V> {
    pub(crate) name: &'static str,
    version: u8,
    _record: PhantomData<fn() -> V>,
}

impl<V: Record> Table<V> {
    /// A table called `name` whose records are at format `version` (from 1).
    pub const fn new(name: &'static str, version: u8) -> Self {
        Self {
            name,
            version,
            _record: PhantomData,
        }
    }

    pub(crate) fn encode(&self, value: &V) -> Result<Vec<u8>> {
        let mut out = vec![self.version];
        serde_json::to_writer(&mut out, value).map_err(|e| StoreError::Corrupt {
            table: self.name,
            reason: e.to_string(),
        })?;
        Ok(out)
    }

    pub(crate) fn decode(&self, bytes: &[u8]) -> Result<V> {
        let (&version, body) = bytes.split_first().ok_or(StoreError::Corrupt {
            table: self.name,
            reason: "empty record".into(),
        })?;
        if version > self.version {
            return Err(StoreError::NewerFormat {
                table: self.name,
                found: version,
                supported: self.version,
            });
        }
        serde_json::from_slice(body).map_err(|e| StoreError::Corrupt {
            table: self.name,
            reason: e.to_string(),
        })
    }
}

/// The smallest key greater than every key that starts with `prefix` (empty: no bound).
pub fn prefix_end(prefix: &[u8]) -> Vec<u8> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < u8::MAX {
            end.push(last + 1);
            return end;
        }
    }
    Vec::new()
}
