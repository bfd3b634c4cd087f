//! Cryptographic operations: `Encrypt`, `Decrypt`, `ReEncrypt`, `GenerateDataKey`,
//! `GenerateDataKeyWithoutPlaintext` and `GenerateRandom`.

use std::sync::Arc;

use neargate_common::{AwsError, Common};
use neargate_wire::{JsonInput, Reply};
use serde_json::json;
use zeroize::Zeroizing;

use crate::access::base_context;
use crate::asymmetric::Spec;
use crate::blob::{self, MAX_BLOB};
use crate::errors::{disabled, invalid_ciphertext, invalid_state, validation};
use crate::input::{b64, context, opt_str, req_blob, req_str};
use crate::key_ops::quiet;
use crate::keys::{KeyRecord, KeyState, material_id};
use crate::seal::EncryptionContext;
use crate::{Caller, Kms};
use neargate_model::kms::Error as KmsError;
use neargate_model::kms::{
    DataKeySpec, GenerateDataKeyRequest, GenerateDataKeyResponse,
    GenerateDataKeyWithoutPlaintextRequest, GenerateDataKeyWithoutPlaintextResponse,
    GenerateRandomRequest, GenerateRandomResponse, RecipientInfo, ops,
};
use neargate_model::{Access, Blob, Handler, Question, SecretBytes};
use neargate_rootkey::fill_random;

/// Largest plaintext `Encrypt` takes.
const MAX_PLAINTEXT: usize = 4096;

/// The only encryption algorithm of symmetric keys.
const SYMMETRIC: &str = "SYMMETRIC_DEFAULT";

/// An opened ciphertext: its key, the material version that sealed it, the plaintext.
type Opened = (Arc<KeyRecord>, u32, Zeroizing<Vec<u8>>);

/// Refuses keys that cannot do cryptography in their state.
pub(crate) fn usable(key: &KeyRecord) -> Result<(), AwsError> {
    match key.state {
        KeyState::Enabled => Ok(()),
        KeyState::Disabled => Err(disabled(&key.arn())),
        state => Err(invalid_state(&key.arn(), state.as_str())),
    }
}

fn check_algorithm(input: &JsonInput, member: &str) -> Result<(), AwsError> {
    match opt_str(input, member, 64)? {
        None | Some(SYMMETRIC) => Ok(()),
        Some(other) => Err(KmsError::InvalidKeyUsageException.with(format!(
            "The encryption algorithm {other} is not valid for a symmetric key."
        ))),
    }
}

impl Kms {
    /// The unwrapped material `version` of `key`.
    pub(crate) fn material(
        &self,
        key: &KeyRecord,
        version: u32,
    ) -> Result<Zeroizing<Vec<u8>>, AwsError> {
        let stored = key
            .materials
            .iter()
            .find(|m| m.version == version)
            .ok_or_else(invalid_ciphertext)?;
        self.root
            .unwrap(&stored.wrapped, &KeyRecord::wrap_context(key.id, version))
            .ok_or_else(|| {
                tracing::error!(key = %key.id, version, "key material does not unwrap under the root key");
                AwsError::internal("KMSInternalException")
            })
    }

    /// Seals `plaintext` under the current material of `key`.
    fn seal_with(
        &self,
        key: &KeyRecord,
        plaintext: &[u8],
        context: &EncryptionContext,
    ) -> Result<(Vec<u8>, u32), AwsError> {
        usable(key)?;
        if !key.symmetric() {
            return Err(KmsError::InvalidKeyUsageException.with(format!(
                "{} is a {} key; this operation needs a symmetric encryption key.",
                key.arn(),
                key.spec
            )));
        }
        let current = key
            .current()
            .ok_or_else(|| invalid_state(&key.arn(), KeyState::PendingImport.as_str()))?;
        let sealer = self.sealer(key, current.version)?;
        Ok((
            sealer.seal(key.id, current.version, plaintext, context),
            current.version,
        ))
    }

    /// Opens a blob: finds its key (which must match `expected`, if given) and returns the key
    /// and the plaintext.
    fn open_blob(
        &self,
        caller: &Caller<'_>,
        bytes: &[u8],
        expected: Option<&str>,
        context: &EncryptionContext,
    ) -> Result<Opened, AwsError> {
        let parsed = blob::parse(bytes).ok_or_else(invalid_ciphertext)?;
        let key = self.key_of_blob(parsed.key_id)?;
        let named =
            expected.map(|text| self.find_key(text, &caller.principal.account, caller.region));
        if let Some(named) = named {
            let named = named?;
            if key.as_ref().is_none_or(|k| k.id != named.id) {
                return Err(KmsError::IncorrectKeyException.with(
                    "The key ID in the request does not identify a CMK that can perform this \
                     operation.",
                ));
            }
        }
        let key = key.ok_or_else(invalid_ciphertext)?;
        usable(&key)?;
        let sealer = self.sealer(&key, parsed.material)?;
        let plaintext = sealer
            .open(&parsed, context)
            .ok_or_else(invalid_ciphertext)?;
        Ok((key, parsed.material, plaintext))
    }

    pub(crate) fn encrypt(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let plaintext = req_blob(input, "Plaintext", MAX_PLAINTEXT)?;
        let context = context(input, "EncryptionContext")?;
        let key = self.key(caller, input)?;
        if !key.symmetric() {
            return self.rsa_encrypt(caller, input, &plaintext);
        }
        check_algorithm(input, "EncryptionAlgorithm")?;
        let (sealed, _) = self.seal_with(&key, &plaintext, &context)?;
        quiet(json!({
            "CiphertextBlob": b64(&sealed),
            "KeyId": key.arn(),
            "EncryptionAlgorithm": SYMMETRIC,
        }))
    }

    pub(crate) fn decrypt(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let bytes = req_blob(input, "CiphertextBlob", MAX_BLOB)?;
        let context = context(input, "EncryptionContext")?;
        let expected = opt_str(input, "KeyId", 2048)?;
        // An asymmetric ciphertext names no key: the request must.
        if let Some(text) = expected
            && !self
                .find_key(text, &caller.principal.account, caller.region)?
                .symmetric()
        {
            return self.rsa_decrypt(caller, input, &bytes);
        }
        check_algorithm(input, "EncryptionAlgorithm")?;
        let (key, version, plaintext) = self.open_blob(caller, &bytes, expected, &context)?;
        quiet(json!({
            "KeyId": key.arn(),
            "Plaintext": b64(&plaintext),
            "EncryptionAlgorithm": SYMMETRIC,
            "KeyMaterialId": material_id(key.id, version),
        }))
    }

    pub(crate) fn re_encrypt(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let bytes = req_blob(input, "CiphertextBlob", MAX_BLOB)?;
        let source_context = context(input, "SourceEncryptionContext")?;
        let destination_context = context(input, "DestinationEncryptionContext")?;
        check_algorithm(input, "SourceEncryptionAlgorithm")?;
        check_algorithm(input, "DestinationEncryptionAlgorithm")?;
        let destination_name = req_str(input, "DestinationKeyId", 2048)?;
        let expected = opt_str(input, "SourceKeyId", 2048)?;
        let (source, source_version, plaintext) =
            self.open_blob(caller, &bytes, expected, &source_context)?;
        let destination =
            self.find_key(destination_name, &caller.principal.account, caller.region)?;
        let (sealed, version) = self.seal_with(&destination, &plaintext, &destination_context)?;
        quiet(json!({
            "CiphertextBlob": b64(&sealed),
            "SourceKeyId": source.arn(),
            "KeyId": destination.arn(),
            "SourceEncryptionAlgorithm": SYMMETRIC,
            "DestinationEncryptionAlgorithm": SYMMETRIC,
            "SourceKeyMaterialId": material_id(source.id, source_version),
            "DestinationKeyMaterialId": material_id(destination.id, version),
        }))
    }

    pub(crate) fn generate_data_key_pair(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
        with_plaintext: bool,
    ) -> Result<Reply, AwsError> {
        let pair_spec = req_str(input, "KeyPairSpec", 32)?;
        let kind = Spec::parse(pair_spec)?;
        if !matches!(kind, Spec::Rsa(_) | Spec::Ecc(_)) {
            return Err(validation(format!(
                "1 validation error detected: Value '{pair_spec}' at 'keyPairSpec' failed to \
                 satisfy constraint: Member must satisfy enum value set: [RSA_2048, RSA_3072, \
                 RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, SM2, \
                 ECC_NIST_EDWARDS25519]"
            )));
        }
        let context = context(input, "EncryptionContext")?;
        let key = self.key(caller, input)?;
        let private = kind.generate()?;
        let public = kind.public_key(&private)?;
        let (sealed, version) = self.seal_with(&key, &private, &context)?;
        let mut body = json!({
            "PrivateKeyCiphertextBlob": b64(&sealed),
            "PublicKey": b64(&public),
            "KeyId": key.arn(),
            "KeyPairSpec": pair_spec,
            "KeyMaterialId": material_id(key.id, version),
        });
        if with_plaintext {
            body["PrivateKeyPlaintext"] = json!(b64(&private));
        }
        quiet(body)
    }
}

/// The data key length: `KeySpec` (`AES_256`, `AES_128`) or `NumberOfBytes`, one of them.
fn data_key_length(spec: Option<&DataKeySpec>, bytes: Option<i32>) -> Result<usize, AwsError> {
    match (spec, bytes) {
        (Some(_), Some(_)) => Err(validation(
            "Please specify either KeySpec or NumberOfBytes, but not both.",
        )),
        (None, None) => Err(validation(
            "Please specify either KeySpec or NumberOfBytes.",
        )),
        (Some(DataKeySpec::Aes256), None) => Ok(32),
        (Some(DataKeySpec::Aes128), None) => Ok(16),
        (Some(other), None) => Err(validation(format!(
            "1 validation error detected: Value '{other}' at 'keySpec' failed to satisfy \
             constraint: Member must satisfy enum value set: [AES_256, AES_128]"
        ))),
        (None, Some(n)) => Ok(usize::try_from(n).unwrap_or(1)),
    }
}

/// A data key made under a KMS key: the key's ARN, the sealed data key, the material that
/// sealed it, and the plaintext (zeroized when dropped).
struct DataKey {
    arn: String,
    sealed: Vec<u8>,
    material_id: String,
    plaintext: SecretBytes,
}

/// What attested enclaves ask for (`Recipient`) is refused, not ignored: no attestation
/// document can be checked here.
fn refuse_recipient(recipient: Option<&RecipientInfo>) -> Result<(), AwsError> {
    match recipient {
        Some(_) => Err(Common::ValidationException
            .with("Recipient (an attested enclave) is not supported by this endpoint.")),
        None => Ok(()),
    }
}

impl Kms {
    /// A new data key of `spec` or `bytes`, sealed under the key `key_text` names.
    fn data_key(
        &self,
        caller: &Caller<'_>,
        key_text: &str,
        length: usize,
        context: &EncryptionContext,
    ) -> Result<DataKey, AwsError> {
        let key = self.find_key(key_text, &caller.principal.account, caller.region)?;
        let mut plaintext = SecretBytes::new(vec![0u8; length]);
        fill_random(&mut plaintext.0);
        let (sealed, version) = self.seal_with(&key, plaintext.expose(), context)?;
        Ok(DataKey {
            arn: key.arn(),
            sealed,
            material_id: material_id(key.id, version),
            plaintext,
        })
    }
}

impl<'a> Handler<ops::GenerateDataKey, Caller<'a>> for Kms {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &GenerateDataKeyRequest,
    ) -> Result<Access<'_>, AwsError> {
        let context = input.encryption_context.clone().unwrap_or_default();
        self.key_access(caller, "GenerateDataKey", &input.key_id, context)
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: GenerateDataKeyRequest,
    ) -> Result<GenerateDataKeyResponse, AwsError> {
        refuse_recipient(input.recipient.as_ref())?;
        let length = data_key_length(input.key_spec.as_ref(), input.number_of_bytes)?;
        let context = input.encryption_context.unwrap_or_default();
        let made = self.data_key(caller, &input.key_id, length, &context)?;
        Ok(GenerateDataKeyResponse {
            ciphertext_blob: Some(Blob(made.sealed)),
            plaintext: Some(made.plaintext),
            key_id: Some(made.arn),
            key_material_id: Some(made.material_id),
            ciphertext_for_recipient: None,
        })
    }
}

impl<'a> Handler<ops::GenerateDataKeyWithoutPlaintext, Caller<'a>> for Kms {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &GenerateDataKeyWithoutPlaintextRequest,
    ) -> Result<Access<'_>, AwsError> {
        let context = input.encryption_context.clone().unwrap_or_default();
        self.key_access(
            caller,
            "GenerateDataKeyWithoutPlaintext",
            &input.key_id,
            context,
        )
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: GenerateDataKeyWithoutPlaintextRequest,
    ) -> Result<GenerateDataKeyWithoutPlaintextResponse, AwsError> {
        let length = data_key_length(input.key_spec.as_ref(), input.number_of_bytes)?;
        let context = input.encryption_context.unwrap_or_default();
        let made = self.data_key(caller, &input.key_id, length, &context)?;
        Ok(GenerateDataKeyWithoutPlaintextResponse {
            ciphertext_blob: Some(Blob(made.sealed)),
            key_id: Some(made.arn),
            key_material_id: Some(made.material_id),
        })
    }
}

impl<'a> Handler<ops::GenerateRandom, Caller<'a>> for Kms {
    fn access(
        &self,
        caller: &Caller<'a>,
        _: &GenerateRandomRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(Access::one(
            Question::plain("kms:GenerateRandom", "*").with_context(base_context(caller)),
        ))
    }

    fn handle(
        &self,
        _: &Caller<'a>,
        input: GenerateRandomRequest,
    ) -> Result<GenerateRandomResponse, AwsError> {
        refuse_recipient(input.recipient.as_ref())?;
        if input.custom_key_store_id.is_some() {
            return Err(KmsError::CustomKeyStoreNotFoundException
                .with("This endpoint has no custom key stores."));
        }
        let count = input
            .number_of_bytes
            .ok_or_else(|| validation("NumberOfBytes is required."))?;
        let mut bytes = SecretBytes::new(vec![0u8; usize::try_from(count).unwrap_or(1)]);
        fill_random(&mut bytes.0);
        Ok(GenerateRandomResponse {
            plaintext: Some(bytes),
            ciphertext_for_recipient: None,
        })
    }
}
