//! Importing key material (bring your own key): `GetParametersForImport` hands out an RSA
//! wrapping public key and an import token, `ImportKeyMaterial` unwraps the caller's material
//! with the matching private key, `DeleteImportedKeyMaterial` removes it. Importing the same
//! bytes again (the customer's off-cloud backup) restores a key's old ciphertexts; other bytes are
//! refused. Wrapping private keys are stored only wrapped under the root key.

use std::time::Duration;

use aws_lc_rs::encoding::{AsDer, Pkcs8V1Der};
use aws_lc_rs::key_wrap::{AES_256, KeyEncryptionKey, KeyWrapPadded};
use aws_lc_rs::rsa::{
    KeySize, OAEP_SHA1_MGF1SHA1, OAEP_SHA256_MGF1SHA256, OaepAlgorithm, OaepPrivateDecryptingKey,
    PrivateDecryptingKey,
};
use neargate_common::{AwsError, Timestamp};
use neargate_model::kms::{
    DeleteImportedKeyMaterialRequest, DeleteImportedKeyMaterialResponse, ExpirationModelType,
    GetParametersForImportRequest, GetParametersForImportResponse, ImportKeyMaterialRequest,
    ImportKeyMaterialResponse, ImportType,
};
use neargate_model::{Blob, SecretBytes, Time};
use neargate_store::{Read, Table};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::access::on_named_key;
use crate::errors::{internal, invalid_ciphertext, invalid_state, validation};
use crate::keys::{Imported, KeyRecord, KeyState, Material, find, material_id};
use crate::seal::MATERIAL_LEN;
use crate::{Caller, Kms};
use neargate_model::kms::Error as KmsError;
use neargate_rootkey::{Wrapped, fill_random, hex};

/// Import parameters by key id: the latest ones issued for each key.
pub(crate) const IMPORTS: Table<ImportParameters> = Table::new("kms.imports", 1);

/// How long import parameters stay valid.
const PARAMETERS_VALID: Duration = Duration::from_secs(24 * 3600);
/// Bytes of an import token: a tag, the key id, the parameters' id and a secret part.
const TOKEN_LEN: usize = 4 + 16 + 16 + 32;
const TOKEN_TAG: &[u8; 4] = b"NGIT";

/// One issue of import parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ImportParameters {
    pub(crate) id: String,
    pub(crate) algorithm: String,
    /// The RSA private key (PKCS#8), wrapped under the root key.
    pub(crate) private_key: Wrapped,
    pub(crate) valid_to: Timestamp,
    pub(crate) token_sha256: String,
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, bytes).as_ref())
}

/// The digest that recognizes the same material imported again into `key`.
fn material_digest(key: Uuid, material: &[u8]) -> String {
    let mut tagged = b"neargate imported key material\0".to_vec();
    tagged.extend_from_slice(key.as_bytes());
    tagged.extend_from_slice(material);
    let digest = sha256_hex(&tagged);
    tagged.fill(0);
    digest
}

fn wrap_context(key: Uuid, parameters: &str) -> Vec<u8> {
    format!("kms import parameters {key} {parameters}").into_bytes()
}

/// The OAEP hash of a wrapping algorithm, and whether the material comes AES-key-wrapped.
fn algorithm(name: &str) -> Result<(&'static OaepAlgorithm, bool), AwsError> {
    match name {
        "RSAES_OAEP_SHA_1" => Ok((&OAEP_SHA1_MGF1SHA1, false)),
        "RSAES_OAEP_SHA_256" => Ok((&OAEP_SHA256_MGF1SHA256, false)),
        "RSA_AES_KEY_WRAP_SHA_1" => Ok((&OAEP_SHA1_MGF1SHA1, true)),
        "RSA_AES_KEY_WRAP_SHA_256" => Ok((&OAEP_SHA256_MGF1SHA256, true)),
        "RSAES_PKCS1_V1_5" | "SM2PKE" => Err(KmsError::UnsupportedOperationException.with(
            format!("The wrapping algorithm {name} is not supported for this key."),
        )),
        other => Err(validation(format!(
            "1 validation error detected: Value '{other}' at 'wrappingAlgorithm' failed to \
             satisfy constraint: Member must satisfy enum value set: [RSAES_PKCS1_V1_5, \
             RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, RSA_AES_KEY_WRAP_SHA_1, \
             RSA_AES_KEY_WRAP_SHA_256, SM2PKE]"
        ))),
    }
}

fn key_size(spec: &str) -> Result<KeySize, AwsError> {
    match spec {
        "RSA_2048" => Ok(KeySize::Rsa2048),
        "RSA_3072" => Ok(KeySize::Rsa3072),
        "RSA_4096" => Ok(KeySize::Rsa4096),
        "SM2" => Err(KmsError::UnsupportedOperationException
            .with("SM2 wrapping keys are offered only in China Regions.")),
        other => Err(validation(format!(
            "1 validation error detected: Value '{other}' at 'wrappingKeySpec' failed to \
             satisfy constraint: Member must satisfy enum value set: [RSA_2048, RSA_3072, \
             RSA_4096, SM2]"
        ))),
    }
}

/// Imports are for keys of origin `EXTERNAL` that are not waiting for deletion.
fn importable(key: &KeyRecord) -> Result<(), AwsError> {
    if key.origin != "EXTERNAL" {
        return Err(KmsError::UnsupportedOperationException.with(format!(
            "{} was not created for imported key material (Origin EXTERNAL).",
            key.arn()
        )));
    }
    if key.state == KeyState::PendingDeletion {
        return Err(invalid_state(&key.arn(), key.state.as_str()));
    }
    Ok(())
}

fn invalid_token() -> AwsError {
    KmsError::InvalidImportTokenException.with("The import token is not valid for this key.")
}

/// Recovers the material from what the caller wrapped with the public key.
fn unwrap_material(
    private: &PrivateDecryptingKey,
    oaep: &'static OaepAlgorithm,
    key_wrapped: bool,
    encrypted: &[u8],
) -> Result<Zeroizing<Vec<u8>>, AwsError> {
    let decrypting = OaepPrivateDecryptingKey::new(private.clone())
        .map_err(|_| AwsError::internal("KMSInternalException"))?;
    let rsa_len = decrypting.key_size_bytes();
    let (rsa_part, rest) = if key_wrapped {
        if encrypted.len() <= rsa_len {
            return Err(invalid_ciphertext());
        }
        encrypted.split_at(rsa_len)
    } else {
        (encrypted, &[][..])
    };
    let mut buffer = Zeroizing::new(vec![0u8; decrypting.min_output_size().max(rsa_len)]);
    let opened = decrypting
        .decrypt(oaep, rsa_part, &mut buffer, None)
        .map_err(|_| invalid_ciphertext())?
        .to_vec();
    let opened = Zeroizing::new(opened);
    if !key_wrapped {
        return Ok(opened);
    }
    // RSA_AES_KEY_WRAP: an ephemeral AES-256 key, then the material wrapped with padding.
    let kek = KeyEncryptionKey::new(&AES_256, &opened).map_err(|_| invalid_ciphertext())?;
    let mut out = Zeroizing::new(vec![0u8; rest.len()]);
    let len = kek
        .unwrap_with_padding(rest, &mut out)
        .map_err(|_| invalid_ciphertext())?
        .len();
    out.truncate(len);
    Ok(out)
}

impl Kms {
    fn get_parameters_for_import(
        &self,
        caller: &Caller<'_>,
        input: GetParametersForImportRequest,
    ) -> Result<GetParametersForImportResponse, AwsError> {
        let algorithm_name = input.wrapping_algorithm.to_string();
        algorithm(&algorithm_name)?;
        let size = key_size(input.wrapping_key_spec.as_str())?;
        let key = self.key(caller, &input.key_id)?;
        importable(&key)?;
        let private = PrivateDecryptingKey::generate(size)
            .map_err(|_| AwsError::internal("KMSInternalException"))?;
        let public = private
            .public_key()
            .as_der()
            .map_err(|_| AwsError::internal("KMSInternalException"))?
            .as_ref()
            .to_vec();
        let pkcs8: Pkcs8V1Der<'_> = private
            .as_der()
            .map_err(|_| AwsError::internal("KMSInternalException"))?;
        let mut random = [0u8; 48];
        fill_random(&mut random);
        let id = hex(&random[..16]);
        let mut token = TOKEN_TAG.to_vec();
        token.extend_from_slice(key.id.as_bytes());
        token.extend_from_slice(&random);
        let valid_to = self.now() + PARAMETERS_VALID;
        let parameters = ImportParameters {
            private_key: self.root.wrap(pkcs8.as_ref(), &wrap_context(key.id, &id)),
            id,
            algorithm: algorithm_name,
            valid_to,
            token_sha256: sha256_hex(&token),
        };
        self.write(|tx| tx.put(&IMPORTS, key.id.to_string().as_bytes(), &parameters))
            .map_err(internal)?;
        Ok(GetParametersForImportResponse {
            key_id: Some(key.arn()),
            import_token: Some(Blob(token)),
            public_key: Some(SecretBytes::new(public)),
            parameters_valid_to: Some(Time(valid_to)),
        })
    }

    fn import_key_material(
        &self,
        caller: &Caller<'_>,
        input: ImportKeyMaterialRequest,
    ) -> Result<ImportKeyMaterialResponse, AwsError> {
        if input.key_material_description.is_some() {
            return Err(KmsError::UnsupportedOperationException
                .with("KeyMaterialDescription is not supported by this endpoint."));
        }
        let token = &input.import_token.0;
        let encrypted = &input.encrypted_key_material.0;
        let valid_to = input.valid_to.map(|t| t.0);
        let model = input.expiration_model.as_ref().map_or(
            if valid_to.is_some() {
                "KEY_MATERIAL_EXPIRES"
            } else {
                "KEY_MATERIAL_DOES_NOT_EXPIRE"
            },
            ExpirationModelType::as_str,
        );
        let now = self.now();
        let valid_to = match (model, valid_to) {
            ("KEY_MATERIAL_EXPIRES", Some(t)) if t > now => Some(t),
            ("KEY_MATERIAL_EXPIRES", Some(_)) => {
                return Err(validation("ValidTo must be in the future."));
            }
            ("KEY_MATERIAL_EXPIRES", None) => {
                return Err(validation(
                    "ValidTo is required when ExpirationModel is KEY_MATERIAL_EXPIRES.",
                ));
            }
            ("KEY_MATERIAL_DOES_NOT_EXPIRE", None) => None,
            ("KEY_MATERIAL_DOES_NOT_EXPIRE", Some(_)) => {
                return Err(validation(
                    "ValidTo must be omitted when ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE.",
                ));
            }
            (other, _) => {
                return Err(validation(format!(
                    "1 validation error detected: Value '{other}' at 'expirationModel' failed to \
                     satisfy constraint: Member must satisfy enum value set: \
                     [KEY_MATERIAL_EXPIRES, KEY_MATERIAL_DOES_NOT_EXPIRE]"
                )));
            }
        };
        let text = input.key_id.as_str();
        let account = &caller.principal.account;
        let (key, parameters) = self
            .db
            .read(|tx| {
                let key = match find(tx, text, account, caller.region) {
                    Ok(key) => key,
                    Err(e) => return Ok(Err(e)),
                };
                let parameters = tx.get(&IMPORTS, key.id.to_string().as_bytes())?;
                Ok(Ok((key, parameters)))
            })
            .map_err(internal)??;
        importable(&key)?;
        check_import_type(&key, input.import_type.as_ref())?;
        check_material_id(&key, input.key_material_id.as_deref())?;
        let parameters = parameters
            .filter(|p| {
                token.len() == TOKEN_LEN
                    && token[..4] == TOKEN_TAG[..]
                    && token[4..20] == key.id.as_bytes()[..]
                    && sha256_hex(token) == p.token_sha256
            })
            .ok_or_else(invalid_token)?;
        if parameters.valid_to <= now {
            return Err(KmsError::ExpiredImportTokenException
                .with("The import token has expired; get new import parameters."));
        }
        let pkcs8 = self
            .root
            .unwrap(
                &parameters.private_key,
                &wrap_context(key.id, &parameters.id),
            )
            .ok_or_else(|| AwsError::internal("KMSInternalException"))?;
        let private = PrivateDecryptingKey::from_pkcs8(&pkcs8)
            .map_err(|_| AwsError::internal("KMSInternalException"))?;
        let (oaep, key_wrapped) = algorithm(&parameters.algorithm)?;
        let material = unwrap_material(&private, oaep, key_wrapped, encrypted)?;
        if material.len() != MATERIAL_LEN {
            return Err(invalid_ciphertext());
        }
        let digest = material_digest(key.id, &material);
        let wrapped = self
            .root
            .wrap(&material, &KeyRecord::wrap_context(key.id, 1));
        let key = self.update_key(caller, text, |key| {
            importable(key)?;
            if key.imported.as_ref().is_some_and(|i| i.digest != digest) {
                return Err(KmsError::IncorrectKeyMaterialException.with(format!(
                    "The key material is not the material previously imported into {}.",
                    key.arn()
                )));
            }
            key.materials = vec![Material {
                version: 1,
                created: now,
                wrapped,
                rotation: None,
            }];
            key.imported = Some(Imported { digest, valid_to });
            if key.state == KeyState::PendingImport {
                key.state = KeyState::Enabled;
            }
            Ok(())
        })?;
        if let Some(at) = valid_to {
            self.work_due_at(at);
        }
        Ok(ImportKeyMaterialResponse {
            key_id: Some(key.arn()),
            key_material_id: Some(material_id(key.id, 1)),
        })
    }

    fn delete_imported_key_material(
        &self,
        caller: &Caller<'_>,
        input: DeleteImportedKeyMaterialRequest,
    ) -> Result<DeleteImportedKeyMaterialResponse, AwsError> {
        let key = self.update_key(caller, &input.key_id, |key| {
            if key.origin != "EXTERNAL" {
                return Err(KmsError::UnsupportedOperationException
                    .with(format!("{} has no imported key material.", key.arn())));
            }
            check_material_id(key, input.key_material_id.as_deref())?;
            key.materials.clear();
            if let Some(imported) = &mut key.imported {
                imported.valid_to = None;
            }
            if key.state != KeyState::PendingDeletion {
                key.state = KeyState::PendingImport;
            }
            Ok(())
        })?;
        Ok(DeleteImportedKeyMaterialResponse {
            key_id: Some(key.arn()),
            key_material_id: Some(material_id(key.id, 1)),
        })
    }
}

/// `ImportType`: new material only into a key that never had any (one material per imported
/// key here), existing material only into a key that had some.
fn check_import_type(key: &KeyRecord, kind: Option<&ImportType>) -> Result<(), AwsError> {
    match (kind, &key.imported) {
        (Some(ImportType::NewKeyMaterial), Some(_)) => Err(KmsError::UnsupportedOperationException
            .with(format!(
                "{} already has imported key material; this endpoint keeps one material per \
                 imported key: import the same material again (EXISTING_KEY_MATERIAL).",
                key.arn()
            ))),
        (Some(ImportType::ExistingKeyMaterial), None) => Err(validation(format!(
            "No key material was imported into {} before; import NEW_KEY_MATERIAL.",
            key.arn()
        ))),
        _ => Ok(()),
    }
}

/// A `KeyMaterialId` must name the key's one imported material.
fn check_material_id(key: &KeyRecord, id: Option<&str>) -> Result<(), AwsError> {
    match id {
        Some(id) if id != material_id(key.id, 1) => Err(KmsError::NotFoundException.with(format!(
            "Key material {id} of {} does not exist.",
            key.arn()
        ))),
        _ => Ok(()),
    }
}

on_named_key! {
    GetParametersForImport => get_parameters_for_import,
    ImportKeyMaterial => import_key_material,
    DeleteImportedKeyMaterial => delete_imported_key_material,
}

#[cfg(test)]
mod tests {
    use aws_lc_rs::rsa::OaepPublicEncryptingKey;

    use super::*;

    /// What a client does for `RSA_AES_KEY_WRAP_SHA_256`: an ephemeral AES key sealed with RSA-OAEP,
    /// then the material key-wrapped with padding under it.
    fn client_wrap(private: &PrivateDecryptingKey, material: &[u8]) -> Vec<u8> {
        let public = OaepPublicEncryptingKey::new(private.public_key()).unwrap();
        let mut aes = [0u8; 32];
        fill_random(&mut aes);
        let mut out = vec![0u8; public.ciphertext_size()];
        let sealed = public
            .encrypt(&OAEP_SHA256_MGF1SHA256, &aes, &mut out, None)
            .unwrap()
            .to_vec();
        let kek = KeyEncryptionKey::new(&AES_256, &aes).unwrap();
        let mut wrapped = vec![0u8; material.len() + 16];
        let wrapped = kek
            .wrap_with_padding(material, &mut wrapped)
            .unwrap()
            .to_vec();
        [sealed, wrapped].concat()
    }

    #[test]
    fn rsa_aes_key_wrap_material_unwraps() {
        let private = PrivateDecryptingKey::generate(KeySize::Rsa2048).unwrap();
        let material = [7u8; 32];
        let encrypted = client_wrap(&private, &material);
        let (oaep, key_wrapped) = algorithm("RSA_AES_KEY_WRAP_SHA_256").unwrap();
        let opened = unwrap_material(&private, oaep, key_wrapped, &encrypted).unwrap();
        assert_eq!(opened.as_slice(), &material);
        let mut tampered = encrypted;
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert_eq!(
            unwrap_material(&private, oaep, key_wrapped, &tampered)
                .unwrap_err()
                .code,
            "InvalidCiphertextException"
        );
    }

    #[test]
    fn the_same_material_is_recognized_only_for_the_same_key() {
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        assert_eq!(material_digest(a, &[1; 32]), material_digest(a, &[1; 32]));
        assert_ne!(material_digest(a, &[1; 32]), material_digest(a, &[2; 32]));
        assert_ne!(material_digest(a, &[1; 32]), material_digest(b, &[1; 32]));
    }
}
