//! Cryptographic operations: `Encrypt`, `Decrypt`, `ReEncrypt`, `GenerateDataKey`,
//! `GenerateDataKeyWithoutPlaintext` and `GenerateRandom`.

use std::sync::Arc;

use neargate_common::{AwsError, Common};
use zeroize::Zeroizing;

use crate::access::{account_access, on_keys, pair};
use crate::asymmetric::Spec;
use crate::blob;
use crate::errors::{disabled, invalid_ciphertext, invalid_state, validation};
use crate::grants::check_grant_tokens;
use crate::keys::{KeyRecord, KeyState, material_id};
use crate::seal::EncryptionContext;
use crate::{Caller, Kms};
use neargate_model::kms::Error as KmsError;
use neargate_model::kms::{
    DataKeyPairSpec, DataKeySpec, DecryptRequest, DecryptResponse, EncryptRequest, EncryptResponse,
    EncryptionAlgorithmSpec, GenerateDataKeyPairRequest, GenerateDataKeyPairResponse,
    GenerateDataKeyPairWithoutPlaintextRequest, GenerateDataKeyPairWithoutPlaintextResponse,
    GenerateDataKeyRequest, GenerateDataKeyResponse, GenerateDataKeyWithoutPlaintextRequest,
    GenerateDataKeyWithoutPlaintextResponse, GenerateRandomRequest, GenerateRandomResponse,
    ReEncryptRequest, ReEncryptResponse, RecipientInfo, ops,
};
use neargate_model::{Access, Blob, ConditionKey, Handler, SecretBytes};
use neargate_rootkey::fill_random;

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

fn check_algorithm(algorithm: Option<&EncryptionAlgorithmSpec>) -> Result<(), AwsError> {
    match algorithm {
        None | Some(EncryptionAlgorithmSpec::SymmetricDefault) => Ok(()),
        Some(other) => Err(KmsError::InvalidKeyUsageException.with(format!(
            "The encryption algorithm {other} is not valid for a symmetric key."
        ))),
    }
}

/// `kms:EncryptionAlgorithm` of an `Encrypt` or `Decrypt` request.
fn algorithm_key(algorithm: Option<&EncryptionAlgorithmSpec>) -> ConditionKey {
    pair(
        "kms:EncryptionAlgorithm",
        algorithm.map_or(SYMMETRIC, EncryptionAlgorithmSpec::as_str),
    )
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

    fn encrypt(
        &self,
        caller: &Caller<'_>,
        input: EncryptRequest,
    ) -> Result<EncryptResponse, AwsError> {
        check_grant_tokens(input.grant_tokens.as_deref())?;
        let key = self.key(caller, &input.key_id)?;
        if !key.symmetric() {
            return self.rsa_encrypt(caller, &input);
        }
        check_algorithm(input.encryption_algorithm.as_ref())?;
        let context = input.encryption_context.unwrap_or_default();
        let (sealed, _) = self.seal_with(&key, input.plaintext.expose(), &context)?;
        Ok(EncryptResponse {
            ciphertext_blob: Some(Blob(sealed)),
            key_id: Some(key.arn()),
            encryption_algorithm: Some(EncryptionAlgorithmSpec::SymmetricDefault),
        })
    }

    fn decrypt(
        &self,
        caller: &Caller<'_>,
        input: DecryptRequest,
    ) -> Result<DecryptResponse, AwsError> {
        refuse_recipient(input.recipient.as_ref())?;
        check_grant_tokens(input.grant_tokens.as_deref())?;
        let bytes = required_blob(input.ciphertext_blob.as_ref())?;
        let expected = input.key_id.as_deref();
        // An asymmetric ciphertext names no key: the request must.
        if let Some(text) = expected
            && !self.key(caller, text)?.symmetric()
        {
            let algorithm = input.encryption_algorithm.as_ref();
            return self.rsa_decrypt(caller, text, algorithm, bytes);
        }
        check_algorithm(input.encryption_algorithm.as_ref())?;
        let context = input.encryption_context.unwrap_or_default();
        let (key, version, plaintext) = self.open_blob(caller, bytes, expected, &context)?;
        Ok(DecryptResponse {
            key_id: Some(key.arn()),
            plaintext: Some(SecretBytes(plaintext)),
            encryption_algorithm: Some(EncryptionAlgorithmSpec::SymmetricDefault),
            key_material_id: Some(material_id(key.id, version)),
            ciphertext_for_recipient: None,
        })
    }

    fn re_encrypt(
        &self,
        caller: &Caller<'_>,
        input: ReEncryptRequest,
    ) -> Result<ReEncryptResponse, AwsError> {
        check_grant_tokens(input.grant_tokens.as_deref())?;
        let bytes = required_blob(input.ciphertext_blob.as_ref())?;
        check_algorithm(input.source_encryption_algorithm.as_ref())?;
        check_algorithm(input.destination_encryption_algorithm.as_ref())?;
        let source_context = input.source_encryption_context.unwrap_or_default();
        let destination_context = input.destination_encryption_context.unwrap_or_default();
        let expected = input.source_key_id.as_deref();
        let (source, source_version, plaintext) =
            self.open_blob(caller, bytes, expected, &source_context)?;
        let destination = self.key(caller, &input.destination_key_id)?;
        let (sealed, version) = self.seal_with(&destination, &plaintext, &destination_context)?;
        Ok(ReEncryptResponse {
            ciphertext_blob: Some(Blob(sealed)),
            source_key_id: Some(source.arn()),
            key_id: Some(destination.arn()),
            source_encryption_algorithm: Some(EncryptionAlgorithmSpec::SymmetricDefault),
            destination_encryption_algorithm: Some(EncryptionAlgorithmSpec::SymmetricDefault),
            source_key_material_id: Some(material_id(source.id, source_version)),
            destination_key_material_id: Some(material_id(destination.id, version)),
        })
    }

    /// A new key pair of `spec`, its private key sealed under the key `text` names.
    fn data_key_pair(
        &self,
        caller: &Caller<'_>,
        text: &str,
        spec: &DataKeyPairSpec,
        context: &EncryptionContext,
    ) -> Result<KeyPair, AwsError> {
        let kind = Spec::parse(spec.as_str())?;
        let key = self.key(caller, text)?;
        let private = kind.generate()?;
        let public = kind.public_key(&private)?;
        let (sealed, version) = self.seal_with(&key, &private, context)?;
        Ok(KeyPair {
            arn: key.arn(),
            sealed,
            public,
            material_id: material_id(key.id, version),
            private: SecretBytes(private),
        })
    }

    fn generate_data_key_pair(
        &self,
        caller: &Caller<'_>,
        input: GenerateDataKeyPairRequest,
    ) -> Result<GenerateDataKeyPairResponse, AwsError> {
        refuse_recipient(input.recipient.as_ref())?;
        check_grant_tokens(input.grant_tokens.as_deref())?;
        let context = input.encryption_context.unwrap_or_default();
        let pair = self.data_key_pair(caller, &input.key_id, &input.key_pair_spec, &context)?;
        Ok(GenerateDataKeyPairResponse {
            private_key_ciphertext_blob: Some(Blob(pair.sealed)),
            private_key_plaintext: Some(pair.private),
            public_key: Some(Blob(pair.public)),
            key_id: Some(pair.arn),
            key_pair_spec: Some(input.key_pair_spec),
            key_material_id: Some(pair.material_id),
            ciphertext_for_recipient: None,
        })
    }

    fn generate_data_key_pair_without_plaintext(
        &self,
        caller: &Caller<'_>,
        input: GenerateDataKeyPairWithoutPlaintextRequest,
    ) -> Result<GenerateDataKeyPairWithoutPlaintextResponse, AwsError> {
        check_grant_tokens(input.grant_tokens.as_deref())?;
        let context = input.encryption_context.unwrap_or_default();
        let pair = self.data_key_pair(caller, &input.key_id, &input.key_pair_spec, &context)?;
        Ok(GenerateDataKeyPairWithoutPlaintextResponse {
            private_key_ciphertext_blob: Some(Blob(pair.sealed)),
            public_key: Some(Blob(pair.public)),
            key_id: Some(pair.arn),
            key_pair_spec: Some(input.key_pair_spec),
            key_material_id: Some(pair.material_id),
        })
    }
}

/// A key pair made under a KMS key: the key's ARN, the sealed private key, the public key, the
/// material that sealed it, and the private key (zeroized when dropped).
struct KeyPair {
    arn: String,
    sealed: Vec<u8>,
    public: Vec<u8>,
    material_id: String,
    private: SecretBytes,
}

/// A ciphertext member the model leaves optional but the operation needs.
fn required_blob(blob: Option<&Blob>) -> Result<&[u8], AwsError> {
    blob.map(|b| b.0.as_slice()).ok_or_else(|| {
        validation(
            "1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy \
             constraint: Member must not be null",
        )
    })
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
        self.key_access(
            caller,
            "GenerateDataKey",
            &input.key_id,
            context,
            Vec::new(),
        )
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: GenerateDataKeyRequest,
    ) -> Result<GenerateDataKeyResponse, AwsError> {
        refuse_recipient(input.recipient.as_ref())?;
        check_grant_tokens(input.grant_tokens.as_deref())?;
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
            Vec::new(),
        )
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: GenerateDataKeyWithoutPlaintextRequest,
    ) -> Result<GenerateDataKeyWithoutPlaintextResponse, AwsError> {
        check_grant_tokens(input.grant_tokens.as_deref())?;
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
        Ok(account_access(caller, "GenerateRandom", Vec::new()))
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

impl<'a> Handler<ops::Encrypt, Caller<'a>> for Kms {
    fn access(&self, caller: &Caller<'a>, input: &EncryptRequest) -> Result<Access<'_>, AwsError> {
        let context = input.encryption_context.clone().unwrap_or_default();
        let algorithm = vec![algorithm_key(input.encryption_algorithm.as_ref())];
        self.key_access(caller, "Encrypt", &input.key_id, context, algorithm)
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: EncryptRequest,
    ) -> Result<EncryptResponse, AwsError> {
        self.encrypt(caller, input)
    }
}

impl<'a> Handler<ops::Decrypt, Caller<'a>> for Kms {
    fn access(&self, caller: &Caller<'a>, input: &DecryptRequest) -> Result<Access<'_>, AwsError> {
        let blob = input.ciphertext_blob.as_ref().map(|b| b.0.as_slice());
        let target = self.ciphertext_target(caller, input.key_id.as_deref(), blob)?;
        let context = input.encryption_context.clone().unwrap_or_default();
        let algorithm = vec![algorithm_key(input.encryption_algorithm.as_ref())];
        let asked = self.key_question(caller, "Decrypt", target, context, algorithm)?;
        Ok(on_keys(vec![asked]))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: DecryptRequest,
    ) -> Result<DecryptResponse, AwsError> {
        self.decrypt(caller, input)
    }
}

impl<'a> Handler<ops::ReEncrypt, Caller<'a>> for Kms {
    /// `kms:ReEncryptFrom` on the source key and `kms:ReEncryptTo` on the destination key, each
    /// with its own encryption context.
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &ReEncryptRequest,
    ) -> Result<Access<'_>, AwsError> {
        let blob = input.ciphertext_blob.as_ref().map(|b| b.0.as_slice());
        let source = self.ciphertext_target(caller, input.source_key_id.as_deref(), blob)?;
        let from_context = input.source_encryption_context.clone().unwrap_or_default();
        let from = self.key_question(caller, "ReEncryptFrom", source, from_context, Vec::new())?;
        let destination = self.target(caller, &input.destination_key_id);
        let to_context = input
            .destination_encryption_context
            .clone()
            .unwrap_or_default();
        let to = self.key_question(caller, "ReEncryptTo", destination, to_context, Vec::new())?;
        Ok(on_keys(vec![from, to]))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: ReEncryptRequest,
    ) -> Result<ReEncryptResponse, AwsError> {
        self.re_encrypt(caller, input)
    }
}

impl<'a> Handler<ops::GenerateDataKeyPair, Caller<'a>> for Kms {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &GenerateDataKeyPairRequest,
    ) -> Result<Access<'_>, AwsError> {
        let context = input.encryption_context.clone().unwrap_or_default();
        let spec = vec![pair("kms:DataKeyPairSpec", input.key_pair_spec.as_str())];
        self.key_access(caller, "GenerateDataKeyPair", &input.key_id, context, spec)
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: GenerateDataKeyPairRequest,
    ) -> Result<GenerateDataKeyPairResponse, AwsError> {
        self.generate_data_key_pair(caller, input)
    }
}

impl<'a> Handler<ops::GenerateDataKeyPairWithoutPlaintext, Caller<'a>> for Kms {
    fn access(
        &self,
        caller: &Caller<'a>,
        input: &GenerateDataKeyPairWithoutPlaintextRequest,
    ) -> Result<Access<'_>, AwsError> {
        let context = input.encryption_context.clone().unwrap_or_default();
        let spec = vec![pair("kms:DataKeyPairSpec", input.key_pair_spec.as_str())];
        self.key_access(
            caller,
            "GenerateDataKeyPairWithoutPlaintext",
            &input.key_id,
            context,
            spec,
        )
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: GenerateDataKeyPairWithoutPlaintextRequest,
    ) -> Result<GenerateDataKeyPairWithoutPlaintextResponse, AwsError> {
        self.generate_data_key_pair_without_plaintext(caller, input)
    }
}
