//! Changes held in memory in front of redb: what writers committed (and logged) since the last
//! checkpoint applied them to redb. A layer keeps every version of a key it was given, each with
//! the sequence number of the transaction that wrote it, so a reader that took its snapshot
//! earlier reads past the versions written after it.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard};

use crate::wal::Op;

/// A key's new value, or `None` for its removal.
pub(crate) type Change = Option<Arc<[u8]>>;

/// The versions of one key, oldest first, by sequence number.
type Versions = Vec<(u64, Change)>;

type Tables = BTreeMap<String, BTreeMap<Vec<u8>, Versions>>;

/// A key and its value.
pub(crate) type Entry = (Vec<u8>, Vec<u8>);

/// A table's name and changes to its keys.
pub(crate) type TableChanges = (String, Vec<(Vec<u8>, Change)>);

/// One run of changes, by table and key.
#[derive(Default)]
pub(crate) struct Layer {
    tables: RwLock<Tables>,
    /// Roughly the bytes of keys and values it holds.
    bytes: AtomicUsize,
}

/// The newest of `versions` at or before `visible`.
fn visible_in(versions: &Versions, visible: u64) -> Option<&Change> {
    versions
        .iter()
        .rev()
        .find(|(sequence, _)| *sequence <= visible)
        .map(|(_, change)| change)
}

/// The bounds of `[start, end)`, an empty `end` meaning no upper bound.
pub(crate) fn bounds<'k>(start: &'k [u8], end: &'k [u8]) -> (Bound<&'k [u8]>, Bound<&'k [u8]>) {
    let upper = if end.is_empty() {
        Bound::Unbounded
    } else {
        Bound::Excluded(end)
    };
    (Bound::Included(start), upper)
}

/// Whether `[start, end)` holds no key.
pub(crate) fn empty_range(start: &[u8], end: &[u8]) -> bool {
    !end.is_empty() && start >= end
}

impl Layer {
    fn tables(&self) -> RwLockReadGuard<'_, Tables> {
        self.tables.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records `change` to `key` of `table` as written by transaction `sequence` (replacing
    /// that transaction's earlier change to it).
    pub(crate) fn set(&self, table: &str, key: &[u8], change: Change, sequence: u64) {
        let size = key.len() + change.as_ref().map_or(0, |v| v.len());
        let mut tables = self.tables.write().unwrap_or_else(PoisonError::into_inner);
        let keys = match tables.get_mut(table) {
            Some(keys) => keys,
            None => tables.entry(table.to_owned()).or_default(),
        };
        let versions = match keys.get_mut(key) {
            Some(versions) => versions,
            None => keys.entry(key.to_vec()).or_default(),
        };
        match versions.last_mut() {
            Some(last) if last.0 == sequence => last.1 = change,
            _ => versions.push((sequence, change)),
        }
        self.bytes.fetch_add(size, Ordering::Relaxed);
    }

    /// Records the changes `ops` of transaction `sequence`.
    pub(crate) fn absorb(&self, ops: &[Op], sequence: u64) {
        for op in ops {
            match op {
                Op::Put { table, key, value } => {
                    self.set(table, key, Some(Arc::clone(value)), sequence);
                }
                Op::Delete { table, key } => self.set(table, key, None, sequence),
            }
        }
    }

    /// The change to `key` of `table` visible at `visible`, if this layer has one.
    pub(crate) fn get(&self, table: &str, key: &[u8], visible: u64) -> Option<Change> {
        let tables = self.tables();
        visible_in(tables.get(table)?.get(key)?, visible).cloned()
    }

    /// The changes visible at `visible` to keys of `table` in `[start, end)`, ascending.
    fn range(&self, table: &str, start: &[u8], end: &[u8], visible: u64) -> Vec<(Vec<u8>, Change)> {
        let tables = self.tables();
        let Some(keys) = tables.get(table) else {
            return Vec::new();
        };
        if empty_range(start, end) {
            return Vec::new();
        }
        keys.range::<[u8], _>(bounds(start, end))
            .filter_map(|(key, versions)| {
                Some((key.clone(), visible_in(versions, visible)?.clone()))
            })
            .collect()
    }

    /// Whether it holds no change.
    pub(crate) fn is_empty(&self) -> bool {
        self.tables().is_empty()
    }

    /// Roughly the bytes it holds.
    pub(crate) fn bytes(&self) -> usize {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Each key's latest change, table by table.
    pub(crate) fn latest(&self) -> Vec<TableChanges> {
        self.tables()
            .iter()
            .map(|(table, keys)| {
                let changes = keys
                    .iter()
                    .filter_map(|(key, versions)| Some((key.clone(), versions.last()?.1.clone())))
                    .collect();
                (table.clone(), changes)
            })
            .collect()
    }

    /// Each key's latest change, as operations for the log.
    pub(crate) fn ops(&self) -> Vec<Op> {
        self.latest()
            .into_iter()
            .flat_map(|(table, changes)| {
                changes.into_iter().map(move |(key, change)| match change {
                    Some(value) => Op::Put {
                        table: table.clone(),
                        key,
                        value,
                    },
                    None => Op::Delete {
                        table: table.clone(),
                        key,
                    },
                })
            })
            .collect()
    }
}

/// The layers a read sees, newest first, and the last sequence number it sees in them.
pub(crate) struct Overlay {
    pub(crate) layers: Vec<Arc<Layer>>,
    pub(crate) visible: u64,
}

impl Overlay {
    /// The change to `key` of `table`, if a layer has one.
    pub(crate) fn get(&self, table: &str, key: &[u8]) -> Option<Change> {
        self.layers
            .iter()
            .find_map(|layer| layer.get(table, key, self.visible))
    }

    /// The changes to keys of `table` in `[start, end)`, the newest layer's for each key.
    pub(crate) fn range(&self, table: &str, start: &[u8], end: &[u8]) -> BTreeMap<Vec<u8>, Change> {
        let mut changes = BTreeMap::new();
        for layer in self.layers.iter().rev() {
            changes.extend(layer.range(table, start, end, self.visible));
        }
        changes
    }
}

/// Up to `limit` entries of `base` (the engine's, in the order asked for) with `changes` laid
/// over them: a changed key takes its new value, a removed one is left out.
pub(crate) fn merge<E>(
    base: impl Iterator<Item = Result<Entry, E>>,
    changes: BTreeMap<Vec<u8>, Change>,
    reverse: bool,
    limit: usize,
) -> Result<Vec<Entry>, E> {
    let mut changes: Box<dyn Iterator<Item = (Vec<u8>, Change)>> = if reverse {
        Box::new(changes.into_iter().rev())
    } else {
        Box::new(changes.into_iter())
    };
    // Whether `a` comes before `b` in the order asked for.
    let before = |a: &[u8], b: &[u8]| if reverse { a > b } else { a < b };
    let mut base = base.peekable();
    let mut next_change = changes.next();
    let mut out = Vec::new();
    while out.len() < limit {
        let take_change = match (&next_change, base.peek()) {
            (None, None) => break,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (Some((key, _)), Some(Ok((base_key, _)))) => !before(base_key, key),
            (Some(_), Some(Err(_))) => false,
        };
        if take_change {
            let (key, change) = next_change.take().expect("a change is next");
            if base
                .peek()
                .is_some_and(|e| e.as_ref().is_ok_and(|(k, _)| *k == key))
            {
                base.next();
            }
            if let Some(value) = change {
                out.push((key, value.to_vec()));
            }
            next_change = changes.next();
        } else {
            out.push(base.next().expect("an entry is next")?);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(v: &str) -> Change {
        Some(v.as_bytes().into())
    }

    #[test]
    fn a_reader_sees_the_versions_of_its_snapshot() {
        let layer = Layer::default();
        layer.set("t", b"k", change("one"), 1);
        layer.set("t", b"k", change("two"), 3);
        layer.set("t", b"k", None, 5);
        assert_eq!(layer.get("t", b"k", 0), None, "nothing yet");
        assert_eq!(layer.get("t", b"k", 2), Some(change("one")));
        assert_eq!(layer.get("t", b"k", 4), Some(change("two")));
        assert_eq!(layer.get("t", b"k", 9), Some(None), "removed");
        assert_eq!(layer.get("other", b"k", 9), None);
        layer.set("t", b"k", change("again"), 5);
        assert_eq!(
            layer.get("t", b"k", 5),
            Some(change("again")),
            "same transaction"
        );
    }

    #[test]
    fn the_newest_layer_wins() {
        let old = Arc::new(Layer::default());
        let new = Arc::new(Layer::default());
        old.set("t", b"a", change("old a"), 1);
        old.set("t", b"b", change("old b"), 1);
        new.set("t", b"b", None, 2);
        new.set("t", b"c", change("new c"), 2);
        let overlay = Overlay {
            layers: vec![new, old],
            visible: 2,
        };
        assert_eq!(overlay.get("t", b"a"), Some(change("old a")));
        assert_eq!(overlay.get("t", b"b"), Some(None));
        let range = overlay.range("t", b"", b"");
        assert_eq!(
            range.into_iter().collect::<Vec<_>>(),
            vec![
                (b"a".to_vec(), change("old a")),
                (b"b".to_vec(), None),
                (b"c".to_vec(), change("new c")),
            ]
        );
        assert!(overlay.range("t", b"b", b"a").is_empty());
    }

    fn entries(keys: &[&str]) -> Vec<Result<Entry, ()>> {
        keys.iter()
            .map(|k| Ok((k.as_bytes().to_vec(), format!("base {k}").into_bytes())))
            .collect()
    }

    fn keys_of(out: &[Entry]) -> Vec<String> {
        out.iter()
            .map(|(k, v)| {
                format!(
                    "{}={}",
                    String::from_utf8_lossy(k),
                    String::from_utf8_lossy(v)
                )
            })
            .collect()
    }

    #[test]
    fn merging_lays_changes_over_the_base_in_either_order() {
        let changes = || {
            BTreeMap::from([
                (b"b".to_vec(), None),
                (b"c".to_vec(), change("new c")),
                (b"e".to_vec(), change("new e")),
            ])
        };
        let out = merge(entries(&["a", "b", "d"]).into_iter(), changes(), false, 10).unwrap();
        assert_eq!(
            keys_of(&out),
            ["a=base a", "c=new c", "d=base d", "e=new e"]
        );
        let out = merge(entries(&["d", "b", "a"]).into_iter(), changes(), true, 10).unwrap();
        assert_eq!(
            keys_of(&out),
            ["e=new e", "d=base d", "c=new c", "a=base a"]
        );
        let out = merge(entries(&["a", "b", "d"]).into_iter(), changes(), false, 2).unwrap();
        assert_eq!(keys_of(&out), ["a=base a", "c=new c"]);
        let replaced = BTreeMap::from([(b"a".to_vec(), change("new a"))]);
        let out = merge(entries(&["a"]).into_iter(), replaced, false, 10).unwrap();
        assert_eq!(keys_of(&out), ["a=new a"]);
        let failing = vec![Err(())];
        assert!(merge(failing.into_iter(), changes(), false, 10).is_err());
    }

    #[test]
    fn a_layer_gives_each_keys_latest_change() {
        let layer = Layer::default();
        layer.set("t", b"k", change("one"), 1);
        layer.set("t", b"k", None, 2);
        layer.set("u", b"j", change("j"), 2);
        assert!(!layer.is_empty());
        assert!(layer.bytes() > 0);
        assert_eq!(
            layer.ops(),
            vec![
                Op::Delete {
                    table: "t".into(),
                    key: b"k".to_vec()
                },
                Op::Put {
                    table: "u".into(),
                    key: b"j".to_vec(),
                    value: b"j"[..].into()
                },
            ]
        );
    }

    proptest::proptest! {
        /// Layers over a base read as the base with each layer's changes applied in turn.
        #[test]
        fn layers_over_a_base_agree_with_applying_them(
            base in proptest::collection::btree_map(0u8..24, 0u8..4, 0..16),
            layers in proptest::collection::vec(
                proptest::collection::vec((0u8..24, proptest::option::of(0u8..4)), 0..12),
                0..4,
            ),
            start in 0u8..24,
            end in 0u8..26,
            reverse: bool,
            limit in 0usize..30,
        ) {
            let mut oracle: BTreeMap<Vec<u8>, Vec<u8>> =
                base.iter().map(|(k, v)| (vec![*k], vec![*v])).collect();
            let mut built = Vec::new();
            for (sequence, changes) in layers.iter().enumerate() {
                let layer = Layer::default();
                for (key, value) in changes {
                    let change: Change = value.map(|v| Arc::from(vec![v]));
                    layer.set("t", &[*key], change, sequence as u64 + 1);
                    match value {
                        Some(v) => oracle.insert(vec![*key], vec![*v]),
                        None => oracle.remove(&vec![*key]),
                    };
                }
                built.push(Arc::new(layer));
            }
            built.reverse();
            let overlay = Overlay { layers: built, visible: u64::MAX };
            let (start, end) = (vec![start], if end >= 25 { Vec::new() } else { vec![end] });
            let mut expected: Vec<Entry> = oracle
                .into_iter()
                .filter(|(k, _)| *k >= start && (end.is_empty() || *k < end))
                .collect();
            if reverse {
                expected.reverse();
            }
            expected.truncate(limit);
            let mut from_base: Vec<Result<Entry, ()>> = base
                .iter()
                .filter(|(k, _)| [**k][..] >= start[..] && (end.is_empty() || [**k][..] < end[..]))
                .map(|(k, v)| Ok((vec![*k], vec![*v])))
                .collect();
            if reverse {
                from_base.reverse();
            }
            let merged = merge(from_base.into_iter(), overlay.range("t", &start, &end), reverse, limit);
            proptest::prop_assert_eq!(merged, Ok(expected));
        }
    }
}
