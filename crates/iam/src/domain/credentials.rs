//! Access keys and temporary session credentials, and resolving a key id to its principal.

use std::sync::Arc;

use neargate_common::{Principal, Secret, SessionInfo, Timestamp, ids};
use neargate_policy::{Policy, PolicyUse};
use neargate_rootkey::RootKey;
use neargate_store::{Read, ReadTx, Result, Table};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::Iam;
use crate::domain::boundaries::parsed_boundary;
use crate::domain::inline::parsed_policies;
use crate::domain::records::{ACCESS_KEYS, AccessKey, KeyStatus, StoredSecret};
use crate::domain::records::{ROLES, Role};
use crate::domain::records::{USERS, User, user_key};
use crate::domain::{managed, tags};

/// What a credential secret is bound to when wrapped: its access key id.
fn secret_context(access_key_id: &str) -> Vec<u8> {
    let mut context = b"neargate credential secret\0".to_vec();
    context.extend_from_slice(access_key_id.as_bytes());
    context
}

/// A new form for a stored secret (`None`: keep it), or the access key whose secret could not
/// be read.
type SecretChange = std::result::Result<Option<StoredSecret>, String>;

/// A record holding a credential secret.
trait HoldsSecret: neargate_store::Record {
    /// Its access key id and its secret.
    fn secret_mut(&mut self) -> (&str, &mut StoredSecret);
}

impl HoldsSecret for AccessKey {
    fn secret_mut(&mut self) -> (&str, &mut StoredSecret) {
        (&self.access_key_id, &mut self.secret)
    }
}

impl HoldsSecret for SessionCredential {
    fn secret_mut(&mut self) -> (&str, &mut StoredSecret) {
        (&self.access_key_id, &mut self.secret)
    }
}

/// Records by their store key.
type Keyed<V> = Vec<(Vec<u8>, V)>;

/// The records of `table` whose secret `change` gives a new form, with it.
fn changed_records<V: HoldsSecret>(
    tx: &impl Read,
    table: &Table<V>,
    change: &mut impl FnMut(&str, &StoredSecret) -> SecretChange,
) -> Result<std::result::Result<Keyed<V>, String>> {
    let mut changed = Vec::new();
    for (store_key, mut record) in tx.prefix(table, b"")? {
        let (id, secret) = record.secret_mut();
        match change(id, secret) {
            Ok(Some(new)) => *secret = new,
            Ok(None) => continue,
            Err(e) => return Ok(Err(e)),
        }
        changed.push((store_key, record));
    }
    Ok(Ok(changed))
}

/// Temporary credentials issued by STS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionCredential {
    /// `ASIA…`.
    pub access_key_id: String,
    /// The secret, needed to verify signatures.
    #[serde(alias = "secret_access_key")]
    pub secret: StoredSecret,
    /// SHA-256 of the session token; the token itself is never stored.
    pub token_sha256: String,
    /// The account.
    pub account: String,
    /// The user the session belongs to.
    pub user_name: String,
    /// When issued.
    pub created: Timestamp,
    /// When it stops working.
    pub expiration: Timestamp,
    /// For a role session: the role, the session name and the session policy.
    #[serde(default)]
    pub role: Option<RoleSession>,
}

/// Hex SHA-256 of a session token, the form in which tokens are kept.
fn token_digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// What makes a session a role session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleSession {
    /// The role assumed.
    pub role_name: String,
    /// `RoleSessionName`.
    pub session_name: String,
    /// The session policy passed to `AssumeRole`, if any.
    pub policy: Option<String>,
    /// The managed session policies passed to `AssumeRole` (`PolicyArns`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policy_arns: Vec<String>,
    /// Session tags, `aws:PrincipalTag/<key>` for the session.
    #[serde(default)]
    pub tags: Vec<(String, String)>,
}

/// Whom temporary credentials are issued to.
#[derive(Debug, Clone, Copy)]
pub enum SessionOwner<'a> {
    /// A user, through `GetSessionToken`.
    User(&'a User),
    /// A session of a role, through `AssumeRole`.
    Role {
        /// The role.
        role: &'a Role,
        /// `RoleSessionName`.
        session_name: &'a str,
        /// The session policy.
        policy: Option<&'a str>,
        /// The managed session policies' ARNs.
        policy_arns: &'a [String],
        /// Session tags.
        tags: &'a [(String, String)],
    },
}

pub(crate) const SESSIONS: Table<SessionCredential> = Table::new("iam.sessions", 1);

/// What a presented session token must be checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenCheck {
    /// Long-term key: no token is needed (one sent is ignored, as AWS does).
    None,
    /// The SHA-256 of the expected token, and when the credentials expire.
    Session {
        /// Hex SHA-256 of the token.
        token_sha256: String,
        /// Expiry.
        expiration: Timestamp,
    },
}

impl TokenCheck {
    /// Whether `token` is the session's token (constant time on the digest).
    pub fn token_matches(&self, token: Option<&str>) -> bool {
        match self {
            Self::None => true,
            Self::Session { token_sha256, .. } => {
                token.is_some_and(|t| Secret::new(token_digest(t)).ct_eq(token_sha256))
            }
        }
    }
}

/// An access key id resolved to its secret and the identity that signs with it.
#[derive(Debug, Clone)]
pub struct ResolvedKey {
    /// The secret access key.
    pub secret: Secret,
    /// Whether the key is active.
    pub active: bool,
    /// The session token check.
    pub token: TokenCheck,
    /// Who signs with it, shared by every request the key signs.
    pub identity: Arc<Identity>,
}

/// A principal with what authorizes its calls: its identity policies, a session's policy, tags.
#[derive(Debug, Clone)]
pub struct Identity {
    /// The principal.
    pub principal: Arc<Principal>,
    /// The principal's identity policies, parsed.
    pub policies: Vec<Arc<neargate_policy::Policy>>,
    /// The permissions boundary of the user or role, parsed.
    pub boundary: Option<Arc<neargate_policy::Policy>>,
    /// The session policies of a role session (inline, then managed), parsed.
    pub session_policies: Vec<Arc<neargate_policy::Policy>>,
    /// The principal's tags (`aws:PrincipalTag/<key>`).
    pub tags: Vec<(String, String)>,
}

/// Why a presented key may not sign requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRejection {
    /// Inactive, or a session key without its token (or with another one).
    Invalid,
    /// Session credentials past their expiry.
    Expired,
}

impl ResolvedKey {
    /// Whether this key, presented with `token` at `now`, may sign a request.
    pub fn usable(&self, token: Option<&str>, now: Timestamp) -> Result<(), KeyRejection> {
        if !self.active || !self.token.token_matches(token) {
            return Err(KeyRejection::Invalid);
        }
        match &self.token {
            TokenCheck::Session { expiration, .. } if now >= *expiration => {
                Err(KeyRejection::Expired)
            }
            _ => Ok(()),
        }
    }
}

/// Newly issued session credentials.
#[derive(Debug, Clone)]
pub struct IssuedSession {
    /// `ASIA…`.
    pub access_key_id: String,
    /// The secret.
    pub secret_access_key: Secret,
    /// The session token.
    pub session_token: Secret,
    /// Expiry.
    pub expiration: Timestamp,
}

impl Iam {
    /// `secret` wrapped under the root key for the access key `access_key_id`.
    pub(crate) fn seal_secret(&self, access_key_id: &str, secret: &Secret) -> StoredSecret {
        StoredSecret::Wrapped(
            self.root
                .wrap(secret.expose().as_bytes(), &secret_context(access_key_id)),
        )
    }

    /// The secret of `access_key_id` as stored; `None` (logged) if it was wrapped under another
    /// root key or is not text.
    fn open_secret(&self, access_key_id: &str, stored: &StoredSecret) -> Option<Secret> {
        let opened = match stored {
            StoredSecret::Clear(text) => Some(Secret::new(text.clone())),
            StoredSecret::Wrapped(wrapped) => self
                .root
                .unwrap(wrapped, &secret_context(access_key_id))
                .and_then(|bytes| String::from_utf8(bytes.to_vec()).ok())
                .map(Secret::new),
        };
        if opened.is_none() {
            tracing::error!(
                access_key_id,
                "a credential secret could not be unwrapped with this root key"
            );
        }
        opened
    }

    /// Wraps every credential secret still stored in clear (records of earlier versions);
    /// returns how many there were.
    pub fn seal_clear_secrets(&self) -> Result<usize> {
        let outcome = self.rewrite_secrets(|id, stored| match stored {
            StoredSecret::Clear(text) => Ok(Some(self.seal_secret(id, &Secret::new(text.clone())))),
            StoredSecret::Wrapped(_) => Ok(None),
        })?;
        Ok(outcome.unwrap_or_default())
    }

    /// Re-wraps every credential secret under `new` (root key rotation), in one transaction;
    /// secrets already under `new` are left, so an interrupted rotation can be run again.
    /// Returns how many moved, or the access key whose secret opens under neither key (then
    /// nothing changed).
    pub fn rewrap_secrets(&self, new: &RootKey) -> Result<std::result::Result<usize, String>> {
        self.rewrite_secrets(|id, stored| {
            if matches!(stored, StoredSecret::Wrapped(w) if w.root == new.fingerprint()) {
                return Ok(None);
            }
            let secret = self.open_secret(id, stored).ok_or_else(|| id.to_owned())?;
            Ok(Some(StoredSecret::Wrapped(
                new.wrap(secret.expose().as_bytes(), &secret_context(id)),
            )))
        })
    }

    /// Gives every stored secret (access keys and sessions) the form `change` returns for it,
    /// if any, in one transaction; returns how many changed. An error from `change` leaves
    /// everything as it was.
    fn rewrite_secrets(
        &self,
        mut change: impl FnMut(&str, &StoredSecret) -> SecretChange,
    ) -> Result<std::result::Result<usize, String>> {
        self.store.write(|tx| {
            let keys = match changed_records(tx, &ACCESS_KEYS, &mut change)? {
                Ok(keys) => keys,
                Err(e) => return Ok(Err(e)),
            };
            let sessions = match changed_records(tx, &SESSIONS, &mut change)? {
                Ok(sessions) => sessions,
                Err(e) => return Ok(Err(e)),
            };
            for (id, key) in &keys {
                tx.put(&ACCESS_KEYS, id, key)?;
            }
            for (id, session) in &sessions {
                tx.put(&SESSIONS, id, session)?;
            }
            Ok(Ok(keys.len() + sessions.len()))
        })
    }

    /// Resolves an access key id (long-term or temporary) to its secret and principal.
    pub fn resolve(&self, access_key_id: &str) -> Result<Option<Arc<ResolvedKey>>> {
        let generation = match self.store.cached(|r| &r.keys, access_key_id) {
            Ok(key) => return Ok(Some(key)),
            Err(generation) => generation,
        };
        let found = self.resolve_stored(access_key_id)?.map(Arc::new);
        if let Some(key) = &found {
            self.store.remember(
                |r| &mut r.keys,
                access_key_id.to_owned(),
                key.clone(),
                generation,
            );
        }
        Ok(found)
    }

    fn resolve_stored(&self, access_key_id: &str) -> Result<Option<ResolvedKey>> {
        self.store.read(|tx| {
            if let Some(key) = tx.get(&ACCESS_KEYS, access_key_id.as_bytes())? {
                let Some(user) = tx.get(&USERS, &user_key(&key.account, &key.user_name))? else {
                    return Ok(None);
                };
                let Some(secret) = self.open_secret(access_key_id, &key.secret) else {
                    return Ok(None);
                };
                return Ok(Some(ResolvedKey {
                    secret,
                    active: key.status == KeyStatus::Active,
                    token: TokenCheck::None,
                    identity: user_identity(tx, &user, user.principal(access_key_id))?,
                }));
            }
            let Some(session) = tx.get(&SESSIONS, access_key_id.as_bytes())? else {
                return Ok(None);
            };
            let info = SessionInfo {
                created: session.created,
                expiration: session.expiration,
            };
            let token = TokenCheck::Session {
                token_sha256: session.token_sha256.clone(),
                expiration: session.expiration,
            };
            let Some(secret) = self.open_secret(access_key_id, &session.secret) else {
                return Ok(None);
            };
            if let Some(role_session) = &session.role {
                let Some(role) = tx.get(
                    &ROLES,
                    format!("{}/{}", session.account, role_session.role_name).as_bytes(),
                )?
                else {
                    return Ok(None);
                };
                return Ok(Some(ResolvedKey {
                    secret,
                    active: true,
                    token,
                    identity: Arc::new(Identity {
                        principal: Arc::new(role.session_principal(
                            &role_session.session_name,
                            access_key_id,
                            info,
                        )),
                        policies: parsed_policies(tx, role.holder())?,
                        boundary: parsed_boundary(
                            tx,
                            &role.account,
                            role.permissions_boundary.as_deref(),
                        )?,
                        session_policies: session_policies(tx, &role.account, role_session)?,
                        tags: tags::overlay(&role.tags, &role_session.tags),
                    }),
                }));
            }
            let Some(user) = tx.get(&USERS, &user_key(&session.account, &session.user_name))?
            else {
                return Ok(None);
            };
            let mut principal = user.principal(access_key_id);
            principal.session = Some(info);
            Ok(Some(ResolvedKey {
                secret,
                active: true,
                token,
                identity: user_identity(tx, &user, principal)?,
            }))
        })
    }

    /// The identity of `user` as the administrator of development mode, for a key id it
    /// never issued; `None` when the account has no such user.
    pub fn user_as_identity(
        &self,
        account: &str,
        name: &str,
        access_key_id: &str,
    ) -> Result<Option<Arc<Identity>>> {
        self.store.read(|tx| {
            let Some(user) = tx.get(&USERS, &user_key(account, name))? else {
                return Ok(None);
            };
            let principal = user.principal(access_key_id);
            user_identity(tx, &user, principal).map(Some)
        })
    }

    /// Issues temporary credentials to `owner`, valid for `duration`.
    pub(crate) fn issue_session(
        &self,
        owner: SessionOwner<'_>,
        duration: std::time::Duration,
    ) -> Result<IssuedSession> {
        let now = self.clock.now();
        let token = ids::random_chars(
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
            356,
        );
        let (account, user_name, role) = match owner {
            SessionOwner::User(user) => (user.account.clone(), user.name.clone(), None),
            SessionOwner::Role {
                role,
                session_name,
                policy,
                policy_arns,
                tags,
            } => (
                role.account.clone(),
                String::new(),
                Some(RoleSession {
                    role_name: role.name.clone(),
                    session_name: session_name.to_owned(),
                    policy: policy.map(str::to_owned),
                    policy_arns: policy_arns.to_vec(),
                    tags: tags.to_vec(),
                }),
            ),
        };
        let access_key_id = ids::prefixed_id("ASIA");
        let secret = Secret::new(ids::secret_access_key());
        let session = SessionCredential {
            secret: self.seal_secret(&access_key_id, &secret),
            access_key_id,
            token_sha256: token_digest(&token),
            account,
            user_name,
            created: now,
            expiration: now + duration,
            role,
        };
        self.store
            .write(|tx| tx.put(&SESSIONS, session.access_key_id.as_bytes(), &session))?;
        Ok(IssuedSession {
            access_key_id: session.access_key_id,
            secret_access_key: secret,
            session_token: Secret::new(token),
            expiration: session.expiration,
        })
    }
}

/// A user's identity: `principal`, the user's identity policies (its own and its groups') and tags.
fn user_identity(tx: &ReadTx<'_>, user: &User, principal: Principal) -> Result<Arc<Identity>> {
    Ok(Arc::new(Identity {
        principal: Arc::new(principal),
        policies: parsed_policies(tx, user.holder())?,
        boundary: parsed_boundary(tx, &user.account, user.permissions_boundary.as_deref())?,
        session_policies: Vec::new(),
        tags: user.tags.clone(),
    }))
}

/// A role session's policies, parsed: the inline one, then the managed ones. One that can no
/// longer be read (a managed policy deleted since) allows nothing, so the session never widens.
fn session_policies(
    tx: &ReadTx<'_>,
    account: &str,
    session: &RoleSession,
) -> Result<Vec<Arc<Policy>>> {
    let inline = session.policy.as_deref().map(|document| {
        neargate_policy::parse(document, PolicyUse::Identity)
            .map(Arc::new)
            .unwrap_or_else(|_| Arc::new(Policy::allowing_nothing()))
    });
    let mut policies: Vec<Arc<Policy>> = inline.into_iter().collect();
    for arn in &session.policy_arns {
        policies.push(managed::limit_by_arn(tx, account, arn)?);
    }
    Ok(policies)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use neargate_common::{ManualClock, Timestamp};
    use neargate_store::Db;

    use crate::{Iam, SessionOwner, User};

    #[test]
    fn resolutions_are_cached_until_a_change() {
        let clock = Arc::new(ManualClock::new(Timestamp::from_secs(1_700_000_000)));
        let iam = Iam::new(Db::memory(), clock, crate::test_root_key());
        let boot = iam.bootstrap(Some("123456789012")).unwrap().unwrap();
        let first = iam.resolve(&boot.access_key_id).unwrap().unwrap();
        let again = iam.resolve(&boot.access_key_id).unwrap().unwrap();
        assert!(Arc::ptr_eq(&first, &again), "served from the cache");
        let user = iam.user("123456789012", "admin").unwrap().unwrap();
        iam.issue_session(SessionOwner::User(&user), Duration::from_secs(900))
            .unwrap();
        let after = iam.resolve(&boot.access_key_id).unwrap().unwrap();
        assert!(
            !Arc::ptr_eq(&first, &after),
            "a committed change empties the cache"
        );
        assert!(iam.resolve("AKIANOSUCHKEY0000000").unwrap().is_none());
    }

    #[test]
    fn users_read_from_memory_follow_every_change() {
        let clock = Arc::new(ManualClock::new(Timestamp::from_secs(1_700_000_000)));
        let iam = Iam::new(Db::memory(), clock, crate::test_root_key());
        iam.bootstrap(Some("123456789012")).unwrap().unwrap();
        let user = |name| {
            iam.user("123456789012", name)
                .unwrap()
                .map(|u| User::clone(&u))
        };
        let created = iam
            .create_user("123456789012", "alice", "/", Vec::new(), None)
            .unwrap();
        assert_eq!(user("alice"), Some(created.clone()));
        assert_eq!(user("alice"), Some(created.clone()), "from memory");
        let team = [("team".to_owned(), "a".to_owned())];
        iam.change_user_tags(&created, crate::domain::tags::TagChange::Add(&team))
            .unwrap();
        assert_eq!(user("alice").unwrap().tags, [("team".into(), "a".into())]);
        iam.delete_user(&user("alice").unwrap()).unwrap();
        assert_eq!(
            user("alice"),
            None,
            "a deleted user is not served from memory"
        );
        assert_eq!(user("nobody"), None);
    }

    #[test]
    fn session_keys_need_their_token_and_expire() {
        use super::KeyRejection;

        let start = Timestamp::from_secs(1_700_000_000);
        let iam = Iam::new(
            Db::memory(),
            Arc::new(ManualClock::new(start)),
            crate::test_root_key(),
        );
        let boot = iam.bootstrap(Some("123456789012")).unwrap().unwrap();
        let user = iam.user("123456789012", "admin").unwrap().unwrap();
        let issued = iam
            .issue_session(SessionOwner::User(&user), Duration::from_secs(900))
            .unwrap();
        let key = iam.resolve(&issued.access_key_id).unwrap().unwrap();
        let token = Some(issued.session_token.expose());
        assert_eq!(key.usable(token, start), Ok(()));
        assert_eq!(key.usable(token, start + Duration::from_secs(899)), Ok(()));
        assert_eq!(
            key.usable(token, start + Duration::from_secs(900)),
            Err(KeyRejection::Expired)
        );
        assert_eq!(key.usable(None, start), Err(KeyRejection::Invalid));
        assert_eq!(
            key.usable(Some("forged"), start),
            Err(KeyRejection::Invalid)
        );
        let long_term = iam.resolve(&boot.access_key_id).unwrap().unwrap();
        assert_eq!(
            long_term.usable(None, start + Duration::from_secs(10 << 20)),
            Ok(())
        );
    }

    #[test]
    fn secrets_are_stored_wrapped_and_move_with_the_root_key() {
        use neargate_store::Read as _;

        use super::{ACCESS_KEYS, SESSIONS, StoredSecret};

        let clock = Arc::new(ManualClock::new(Timestamp::from_secs(1_700_000_000)));
        let db = Db::memory();
        let iam = Iam::new(db.clone(), clock.clone(), crate::test_root_key());
        let boot = iam.bootstrap(None).unwrap().unwrap();
        let admin = iam.user(&boot.account, "admin").unwrap().unwrap();
        let session = iam
            .issue_session(SessionOwner::User(&admin), Duration::from_secs(900))
            .unwrap();
        let stored = db
            .read(|tx| {
                let key = tx.get(&ACCESS_KEYS, boot.access_key_id.as_bytes())?;
                let session = tx.get(&SESSIONS, session.access_key_id.as_bytes())?;
                Ok((key.unwrap(), session.unwrap()))
            })
            .unwrap();
        for (secret, text) in [
            (&stored.0.secret, boot.secret_access_key.expose()),
            (&stored.1.secret, session.secret_access_key.expose()),
        ] {
            let StoredSecret::Wrapped(wrapped) = secret else {
                panic!("stored in clear");
            };
            assert!(
                !wrapped
                    .sealed
                    .windows(8)
                    .any(|w| w == &text.as_bytes()[..8])
            );
        }

        // A record of an earlier version, in clear, is wrapped at the next start.
        let mut legacy = stored.0.clone();
        legacy.secret = StoredSecret::Clear(boot.secret_access_key.expose().to_owned());
        db.write(|tx| tx.put(&ACCESS_KEYS, boot.access_key_id.as_bytes(), &legacy))
            .unwrap();
        assert_eq!(iam.seal_clear_secrets().unwrap(), 1);
        assert_eq!(iam.seal_clear_secrets().unwrap(), 0);

        // Rotation: every secret moves to the new key, and resolves under it alone.
        let new = crate::test_root_key();
        assert_eq!(iam.rewrap_secrets(&new).unwrap(), Ok(2));
        assert_eq!(iam.rewrap_secrets(&new).unwrap(), Ok(0));
        let after = Iam::new(db.clone(), clock.clone(), new);
        let resolved = after.resolve(&boot.access_key_id).unwrap().unwrap();
        assert!(resolved.secret.ct_eq(boot.secret_access_key.expose()));
        let stranger = Iam::new(db, clock, crate::test_root_key());
        assert!(stranger.resolve(&boot.access_key_id).unwrap().is_none());
        assert!(
            stranger
                .rewrap_secrets(&crate::test_root_key())
                .unwrap()
                .is_err()
        );
    }
}
