//! Identities: accounts, IAM users, access keys and temporary credentials, and the STS API.

mod domain;
mod sts;

pub use domain::accounts::{Account, Bootstrap, User};
pub use domain::credentials::IssuedSession;
pub use domain::credentials::{AccessKey, KeyStatus, ResolvedKey, SessionCredential, TokenCheck};
pub use sts::{handle as handle_sts, read_only as sts_read_only};

use neargate_common::SharedClock;
use neargate_store::Db;

/// The identity store: reads and writes accounts, users and credentials.
#[derive(Debug, Clone)]
pub struct Iam {
    db: Db,
    clock: SharedClock,
}

impl Iam {
    /// Identities kept in `db`, timed by `clock`.
    pub fn new(db: Db, clock: SharedClock) -> Self {
        Self { db, clock }
    }
}
