//! Work the clock makes due: destroying keys past their deletion date, rotating keys on
//! schedule, and removing imported material past its `ValidTo`. Each KMS call first checks an
//! in-memory earliest due time, so the check costs nothing until something is due.

use std::sync::atomic::Ordering;

use neargate_common::Timestamp;
use neargate_store::{Read, WriteTx};

use crate::key_ops::put_key;
use crate::keys::{KEYS, KEYS_BY_SCOPE, KeyRecord, KeyState, Rotation, scoped};
use crate::rotation::days;
use crate::{Kms, aliases, grants};

/// What one pass did.
#[derive(Debug, Default)]
struct Done {
    destroyed: usize,
    rotated: usize,
    expired: usize,
}

/// The earliest time `key` has work due, if any.
fn due_at(key: &KeyRecord) -> Option<Timestamp> {
    [
        key.deletion_date,
        key.rotation.as_ref().map(|r| r.next),
        key.imported.as_ref().and_then(|i| i.valid_to),
    ]
    .into_iter()
    .flatten()
    .min()
}

impl Kms {
    /// Notes that work falls due at `at`.
    pub(crate) fn work_due_at(&self, at: Timestamp) {
        self.next_due.fetch_min(at.millis(), Ordering::Relaxed);
    }

    /// Does whatever work is due now (deletions, rotations, material expiry); every call runs
    /// it first.
    pub fn run_due_work(&self) {
        let now = self.now();
        if now.millis() < self.next_due.load(Ordering::Relaxed) {
            return;
        }
        match self.write(|tx| self.due_pass(tx, now)) {
            Ok(done) => {
                if done.destroyed + done.rotated + done.expired > 0 {
                    tracing::info!(
                        destroyed = done.destroyed,
                        rotated = done.rotated,
                        expired = done.expired,
                        "scheduled key work done"
                    );
                }
            }
            Err(e) => tracing::error!(error = %e, "scheduled key work failed"),
        }
        if let Err(e) = self.recompute_next_due() {
            tracing::error!(error = %e, "key schedules could not be read");
        }
    }

    fn due_pass(&self, tx: &mut WriteTx<'_>, now: Timestamp) -> neargate_store::Result<Done> {
        let mut done = Done::default();
        for (_, mut key) in tx.prefix(&KEYS, b"")? {
            if due_at(&key).is_none_or(|at| at > now) {
                continue;
            }
            if key.state == KeyState::PendingDeletion && key.deletion_date.is_some_and(|d| d <= now)
            {
                aliases::delete_for_key(tx, &key)?;
                grants::delete_for_key(tx, &key)?;
                tx.delete(
                    &KEYS_BY_SCOPE,
                    &scoped(&key.account, &key.region, &key.id.to_string()),
                )?;
                tx.delete(&KEYS, key.id.to_string().as_bytes())?;
                done.destroyed += 1;
                continue;
            }
            if let Some(rotation) = key.rotation.clone()
                && rotation.next <= now
            {
                if key.state == KeyState::Enabled {
                    self.add_material(&mut key, rotation.next, "AUTOMATIC");
                    done.rotated += 1;
                }
                // A disabled key's schedule moves on without rotating, as on AWS.
                let mut next = rotation.next;
                while next <= now {
                    next = next + days(rotation.period_days);
                }
                key.rotation = Some(Rotation { next, ..rotation });
            }
            if let Some(imported) = &mut key.imported
                && imported.valid_to.is_some_and(|t| t <= now)
            {
                imported.valid_to = None;
                key.materials.clear();
                if key.state != KeyState::PendingDeletion {
                    key.state = KeyState::PendingImport;
                }
                done.expired += 1;
            }
            put_key(tx, &key)?;
        }
        Ok(done)
    }

    /// Reads the earliest due time of all keys.
    pub(crate) fn recompute_next_due(&self) -> Result<(), neargate_store::StoreError> {
        let earliest = self.db.read(|tx| {
            Ok(tx
                .prefix(&KEYS, b"")?
                .iter()
                .filter_map(|(_, k)| due_at(k))
                .map(Timestamp::millis)
                .min()
                .unwrap_or(i64::MAX))
        })?;
        self.next_due.store(earliest, Ordering::Relaxed);
        Ok(())
    }
}
