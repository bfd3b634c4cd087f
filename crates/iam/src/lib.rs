//! Identities: accounts, IAM users, access keys and temporary credentials, and the STS API.

mod domain;
mod iam_api;
mod simulate;
mod sts;

pub use domain::accounts::{Account, Bootstrap};
pub use domain::credentials::{
    Identity, IssuedSession, KeyRejection, ResolvedKey, RoleSession, SessionCredential,
    SessionOwner, TokenCheck,
};
pub use domain::groups::Group;
pub use domain::managed::{PolicyScope, PolicyUsage};
pub use domain::records::{
    AccessKey, Holder, IamError, InlinePolicy, KeyStatus, ManagedPolicy, PolicyVersion, Role, User,
};
pub use domain::roles::{MAX_SESSION_RANGE, NewRole};

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, PoisonError, RwLock};

use neargate_common::SharedClock;
use neargate_rootkey::RootKey;
use neargate_store::{Db, ReadTx, Result, WriteTx};

/// Resolved access keys (and users) kept before the cache starts over.
const CACHE_BOUND: usize = 10_000;

/// The identity store: reads and writes accounts, users and credentials.
///
/// Resolving an access key (every signed request does) is served from memory; the store is
/// reachable only through [`Store`], whose writes empty that cache once committed.
#[derive(Debug, Clone)]
pub struct Iam {
    store: Store,
    clock: SharedClock,
    /// Wraps credential secrets before they reach the store.
    root: Arc<RootKey>,
}

impl Iam {
    /// Identities kept in `db`, timed by `clock`, their secrets wrapped under `root`.
    pub fn new(db: Db, clock: SharedClock, root: Arc<RootKey>) -> Self {
        Self {
            store: Store {
                db,
                resolved: Arc::default(),
            },
            clock,
            root,
        }
    }

    /// Empties the cache of resolved access keys (after changes made behind this handle's
    /// back, such as wiping the whole store).
    pub fn forget_cached(&self) {
        self.store.forget_cached();
    }
}

/// The store with the resolution cache in front of it.
#[derive(Debug, Clone)]
struct Store {
    db: Db,
    resolved: Arc<RwLock<Resolved>>,
}

/// Cached resolutions and the generation they belong to: a resolution read from the store is
/// kept only if no change was committed meanwhile, so a stale one can never be cached.
#[derive(Debug, Default)]
struct Resolved {
    generation: u64,
    keys: HashMap<String, Arc<ResolvedKey>>,
    /// Users by their store key (`account/name`), for the calls that read one (`GetUser`).
    users: HashMap<Vec<u8>, Arc<User>>,
}

impl Store {
    fn read<T>(&self, f: impl FnOnce(&ReadTx<'_>) -> Result<T>) -> Result<T> {
        self.db.read(f)
    }

    /// Runs an identity change in a write transaction, then forgets cached resolutions.
    fn write<T>(&self, f: impl FnOnce(&mut WriteTx<'_>) -> Result<T>) -> Result<T> {
        let out = self.db.write(f);
        self.forget_cached();
        out
    }

    fn forget_cached(&self) {
        let mut resolved = self
            .resolved
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        resolved.generation += 1;
        resolved.keys.clear();
        resolved.users.clear();
    }

    /// The cached entry at `key` in the map `pick` chooses, or the generation to remember one
    /// under.
    fn cached<K, Q, V>(
        &self,
        pick: fn(&Resolved) -> &HashMap<K, Arc<V>>,
        key: &Q,
    ) -> Result<Arc<V>, u64>
    where
        K: Borrow<Q> + Eq + Hash,
        Q: Eq + Hash + ?Sized,
    {
        let resolved = self.resolved.read().unwrap_or_else(PoisonError::into_inner);
        pick(&resolved).get(key).cloned().ok_or(resolved.generation)
    }

    /// Caches `value` at `key` in the map `pick` chooses, unless the store changed since
    /// `generation` was read.
    fn remember<K: Eq + Hash, V>(
        &self,
        pick: fn(&mut Resolved) -> &mut HashMap<K, Arc<V>>,
        key: K,
        value: Arc<V>,
        generation: u64,
    ) {
        let mut resolved = self
            .resolved
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        if resolved.generation != generation {
            return;
        }
        let map = pick(&mut resolved);
        if map.len() >= CACHE_BOUND {
            map.clear();
        }
        map.insert(key, value);
    }
}

/// A root key for unit tests, kept in memory only.
#[cfg(test)]
pub(crate) fn test_root_key() -> Arc<RootKey> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    Arc::new(RootKey::create(&dir.path().join("root.key")).expect("a root key"))
}
