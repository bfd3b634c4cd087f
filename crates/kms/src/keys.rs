//! Keys as stored: metadata, state, policy, tags and wrapped material versions; aliases; and
//! how a `KeyId` parameter (key id, key ARN, alias name or alias ARN) finds a key.

use neargate_common::{AwsError, Timestamp};
use neargate_model::Time;
use neargate_model::kms::{ExpirationModelType, KeyManagerType, KeyMetadata};
use neargate_store::{Read, Table};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::asymmetric::Spec;
use crate::errors;
use neargate_rootkey::Wrapped;

/// Keys by key id (globally unique).
pub(crate) const KEYS: Table<KeyRecord> = Table::new("kms.keys", 1);
/// `account \0 region \0 key id` → nothing: the keys of one account and region.
pub(crate) const KEYS_BY_SCOPE: Table<()> = Table::new("kms.keys_by_scope", 1);
/// `account \0 region \0 alias name` → the alias.
pub(crate) const ALIASES: Table<AliasRecord> = Table::new("kms.aliases", 1);

/// A key's state, as `KeyState` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum KeyState {
    Enabled,
    Disabled,
    PendingDeletion,
    PendingImport,
}

impl KeyState {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Enabled => "Enabled",
            Self::Disabled => "Disabled",
            Self::PendingDeletion => "PendingDeletion",
            Self::PendingImport => "PendingImport",
        }
    }
}

/// One version of a key's material, wrapped under the root key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Material {
    pub(crate) version: u32,
    pub(crate) created: Timestamp,
    pub(crate) wrapped: Wrapped,
    /// How a rotation made it (`AUTOMATIC` or `ON_DEMAND`); `None` for the first version.
    #[serde(default)]
    pub(crate) rotation: Option<String>,
}

/// Automatic rotation of a key's material.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Rotation {
    pub(crate) period_days: u32,
    pub(crate) next: Timestamp,
}

/// A KMS key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct KeyRecord {
    pub(crate) id: Uuid,
    pub(crate) account: String,
    pub(crate) region: String,
    pub(crate) created: Timestamp,
    pub(crate) description: String,
    pub(crate) state: KeyState,
    /// `AWS_KMS` or `EXTERNAL`.
    pub(crate) origin: String,
    /// `KeySpec`, e.g. `SYMMETRIC_DEFAULT` or `RSA_2048`.
    #[serde(default = "symmetric_default")]
    pub(crate) spec: String,
    /// `KeyUsage`, e.g. `ENCRYPT_DECRYPT`.
    #[serde(default = "encrypt_decrypt")]
    pub(crate) usage: String,
    pub(crate) policy: String,
    pub(crate) deletion_date: Option<Timestamp>,
    pub(crate) pending_window_days: Option<u32>,
    pub(crate) tags: Vec<(String, String)>,
    /// Material versions, oldest first; the last one seals new ciphertexts.
    pub(crate) materials: Vec<Material>,
    /// Automatic rotation, when enabled.
    #[serde(default)]
    pub(crate) rotation: Option<Rotation>,
    /// For keys of origin `EXTERNAL`: what was imported, once something was.
    #[serde(default)]
    pub(crate) imported: Option<Imported>,
}

/// Imported key material, as far as it is remembered: a digest to recognize the same bytes when
/// they are imported again, and when they expire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Imported {
    /// SHA-256 of a domain tag, the key id and the material, hex.
    pub(crate) digest: String,
    /// When the material expires (`KEY_MATERIAL_EXPIRES`), if it does.
    pub(crate) valid_to: Option<Timestamp>,
}

fn symmetric_default() -> String {
    "SYMMETRIC_DEFAULT".to_owned()
}

fn encrypt_decrypt() -> String {
    "ENCRYPT_DECRYPT".to_owned()
}

impl KeyRecord {
    /// What the key's spec is.
    pub(crate) fn kind(&self) -> Spec {
        Spec::parse(&self.spec).unwrap_or(Spec::Symmetric)
    }

    /// Whether the key is a symmetric encryption key.
    pub(crate) fn symmetric(&self) -> bool {
        self.kind() == Spec::Symmetric
    }

    /// `arn:aws:kms:<region>:<account>:key/<id>`.
    pub(crate) fn arn(&self) -> String {
        format!(
            "arn:aws:kms:{}:{}:key/{}",
            self.region, self.account, self.id
        )
    }

    /// The current material version, if the key has material.
    pub(crate) fn current(&self) -> Option<&Material> {
        self.materials.last()
    }

    /// The bytes that bind a wrapped material to this key and version.
    pub(crate) fn wrap_context(id: Uuid, version: u32) -> Vec<u8> {
        format!("kms key {id} material {version}").into_bytes()
    }

    /// `KeyMetadata` as `DescribeKey` and `CreateKey` return it.
    pub(crate) fn metadata(&self) -> KeyMetadata {
        let kind = self.kind();
        let expiration = (self.origin == "EXTERNAL" && !self.materials.is_empty()).then(|| {
            match self.imported.as_ref().and_then(|i| i.valid_to) {
                Some(valid_to) => (
                    ExpirationModelType::KeyMaterialExpires,
                    Some(Time(valid_to)),
                ),
                None => (ExpirationModelType::KeyMaterialDoesNotExpire, None),
            }
        });
        KeyMetadata {
            aws_account_id: Some(self.account.clone()),
            key_id: self.id.to_string(),
            arn: Some(self.arn()),
            creation_date: Some(Time(self.created)),
            enabled: Some(self.state == KeyState::Enabled),
            description: Some(self.description.clone()),
            key_usage: Some(self.usage.as_str().into()),
            key_state: Some(self.state.as_str().into()),
            origin: Some(self.origin.as_str().into()),
            key_manager: Some(KeyManagerType::Customer),
            customer_master_key_spec: Some(self.spec.as_str().into()),
            key_spec: Some(self.spec.as_str().into()),
            multi_region: Some(false),
            encryption_algorithms: listed(kind.encryption_algorithms(&self.usage)),
            signing_algorithms: listed(&kind.signing_algorithms(&self.usage)),
            mac_algorithms: listed(&kind.mac_algorithms()),
            deletion_date: self.deletion_date.map(Time),
            pending_deletion_window_in_days: self
                .pending_window_days
                .and_then(|days| i32::try_from(days).ok()),
            expiration_model: expiration.as_ref().map(|(model, _)| model.clone()),
            valid_to: expiration.and_then(|(_, valid_to)| valid_to),
            current_key_material_id: self.current().map(|m| material_id(self.id, m.version)),
            ..KeyMetadata::default()
        }
    }
}

/// The id KMS shows for one version of a key's material (64 hex digits).
pub(crate) fn material_id(key: Uuid, version: u32) -> String {
    let digest = aws_lc_rs::digest::digest(
        &aws_lc_rs::digest::SHA256,
        format!("{key}/{version}").as_bytes(),
    );
    neargate_rootkey::hex(digest.as_ref())
}

/// An alias.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct AliasRecord {
    pub(crate) name: String,
    pub(crate) target: Uuid,
    pub(crate) created: Timestamp,
    pub(crate) updated: Timestamp,
}

/// The store key of a scope-local record.
pub(crate) fn scoped(account: &str, region: &str, name: &str) -> Vec<u8> {
    format!("{account}\u{0}{region}\u{0}{name}").into_bytes()
}

/// How the caller named a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum KeyRef {
    /// A key id or key ARN.
    Key {
        account: String,
        region: String,
        id: Uuid,
    },
    /// An alias name or alias ARN.
    Alias {
        account: String,
        region: String,
        name: String,
    },
}

impl KeyRef {
    /// Reads a `KeyId` parameter in the caller's account and region; `None` if malformed.
    pub(crate) fn parse(text: &str, account: &str, region: &str) -> Option<Self> {
        if let Some(rest) = text.strip_prefix("arn:aws:kms:") {
            let mut parts = rest.splitn(3, ':');
            let (region, account, resource) = (parts.next()?, parts.next()?, parts.next()?);
            if let Some(id) = resource.strip_prefix("key/") {
                return Some(Self::Key {
                    account: account.to_owned(),
                    region: region.to_owned(),
                    id: Uuid::parse_str(id).ok()?,
                });
            }
            if resource.starts_with("alias/") {
                return Some(Self::Alias {
                    account: account.to_owned(),
                    region: region.to_owned(),
                    name: resource.to_owned(),
                });
            }
            return None;
        }
        if text.starts_with("alias/") {
            return Some(Self::Alias {
                account: account.to_owned(),
                region: region.to_owned(),
                name: text.to_owned(),
            });
        }
        Some(Self::Key {
            account: account.to_owned(),
            region: region.to_owned(),
            id: Uuid::parse_str(text).ok()?,
        })
    }

    /// Whether the caller named an alias.
    pub(crate) fn is_alias(&self) -> bool {
        matches!(self, Self::Alias { .. })
    }
}

/// The key id `text` names, with the account and region it must belong to; `lookup_alias`
/// reads an alias's target by its store key. `NotFoundException` if there is none.
pub(crate) fn resolve(
    text: &str,
    account: &str,
    region: &str,
    lookup_alias: impl FnOnce(&[u8]) -> Result<Option<Uuid>, AwsError>,
) -> Result<(Uuid, String, String), AwsError> {
    match KeyRef::parse(text, account, region).ok_or_else(|| errors::invalid_key_id(text))? {
        KeyRef::Key {
            account,
            region,
            id,
        } => Ok((id, account, region)),
        KeyRef::Alias {
            account,
            region,
            name,
        } => {
            let id = lookup_alias(&scoped(&account, &region, &name))?
                .ok_or_else(|| errors::alias_not_found(&account, &region, &name))?;
            Ok((id, account, region))
        }
    }
}

/// The key `text` names, in `account` and `region`, read in `tx`, or `NotFoundException`.
pub(crate) fn find(
    tx: &impl Read,
    text: &str,
    account: &str,
    region: &str,
) -> Result<KeyRecord, AwsError> {
    let (id, want_account, want_region) = resolve(text, account, region, |alias| {
        tx.get(&ALIASES, alias)
            .map(|a| a.map(|a| a.target))
            .map_err(errors::internal)
    })?;
    tx.get(&KEYS, id.to_string().as_bytes())
        .map_err(errors::internal)?
        .filter(|k| k.account == want_account && k.region == want_region)
        .ok_or_else(|| errors::not_found(text, account, region))
}

/// Algorithm names as the model's enum `E`.
pub(crate) fn listed<E: for<'s> From<&'s str>>(names: &[&str]) -> Option<Vec<E>> {
    (!names.is_empty()).then(|| names.iter().map(|&n| E::from(n)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_references_in_every_form() {
        let id = Uuid::new_v4();
        let (a, r) = ("111122223333", "us-east-1");
        let key = KeyRef::Key {
            account: a.into(),
            region: r.into(),
            id,
        };
        assert_eq!(KeyRef::parse(&id.to_string(), a, r), Some(key.clone()));
        assert_eq!(
            KeyRef::parse(&format!("arn:aws:kms:{r}:{a}:key/{id}"), "999999999999", r),
            Some(key)
        );
        assert!(KeyRef::parse("alias/x", a, r).unwrap().is_alias());
        assert!(
            KeyRef::parse(&format!("arn:aws:kms:{r}:{a}:alias/x"), a, r)
                .unwrap()
                .is_alias()
        );
        assert_eq!(KeyRef::parse("not-a-key", a, r), None);
        assert_eq!(KeyRef::parse("arn:aws:kms:us-east-1", a, r), None);
    }
}
