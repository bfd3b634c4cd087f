//! Operations of asymmetric and HMAC keys: `GetPublicKey`, `Sign`, `Verify`, `GenerateMac`,
//! `VerifyMac`, and RSA `Encrypt`/`Decrypt`.

use neargate_common::AwsError;
use neargate_wire::{JsonInput, Reply};
use serde_json::json;

use crate::asymmetric::{self, Message, Spec};
use crate::crypto_ops::usable;
use crate::errors::validation;
use crate::input::{b64, opt_str, req_blob, req_str};
use crate::key_ops::quiet;
use crate::keys::KeyRecord;
use crate::{Caller, Kms};
use neargate_model::kms::Error as KmsError;

/// Largest message `Sign`, `Verify` and the MAC operations take.
const MAX_MESSAGE: usize = 4096;

fn wrong_usage(key: &KeyRecord, operation: &str) -> AwsError {
    KmsError::InvalidKeyUsageException.with(format!(
        "{} key usage is {} and key spec is {}, which {operation} cannot use.",
        key.arn(),
        key.usage,
        key.spec
    ))
}

fn message<'a>(input: &JsonInput, bytes: &'a [u8]) -> Result<Message<'a>, AwsError> {
    match opt_str(input, "MessageType", 16)?.unwrap_or("RAW") {
        "RAW" => Ok(Message::Raw(bytes)),
        "DIGEST" => Ok(Message::Digest(bytes)),
        other => Err(validation(format!(
            "1 validation error detected: Value '{other}' at 'messageType' failed to satisfy \
             constraint: Member must satisfy enum value set: [RAW, DIGEST, EXTERNAL_MU]"
        ))),
    }
}

/// The `EncryptionAlgorithm` an RSA key's `Encrypt` or `Decrypt` must name.
fn rsa_algorithm(input: &JsonInput) -> Result<&str, AwsError> {
    opt_str(input, "EncryptionAlgorithm", 64)?.ok_or_else(|| {
        KmsError::InvalidKeyUsageException.with(
            "An RSA key needs an EncryptionAlgorithm (RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256).",
        )
    })
}

impl Kms {
    /// The key named by `KeyId`, usable now, with its material, for an operation that needs
    /// `usage`.
    fn key_for(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
        usage: &str,
        operation: &str,
    ) -> Result<(std::sync::Arc<KeyRecord>, zeroize::Zeroizing<Vec<u8>>), AwsError> {
        let key = self.key(caller, input)?;
        usable(&key)?;
        if key.usage != usage || key.symmetric() {
            return Err(wrong_usage(&key, operation));
        }
        let version = key.current().map_or(1, |m| m.version);
        let material = self.material(&key, version)?;
        Ok((key, material))
    }

    pub(crate) fn get_public_key(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let key = self.key(caller, input)?;
        usable(&key)?;
        let kind = key.kind();
        if matches!(kind, Spec::Symmetric | Spec::Hmac(..)) {
            return Err(KmsError::UnsupportedOperationException
                .with(format!("{} is not an asymmetric KMS key.", key.arn())));
        }
        let version = key.current().map_or(1, |m| m.version);
        let public = kind.public_key(&self.material(&key, version)?)?;
        let mut body = json!({
            "KeyId": key.arn(),
            "PublicKey": b64(&public),
            "CustomerMasterKeySpec": key.spec,
            "KeySpec": key.spec,
            "KeyUsage": key.usage,
        });
        let encryption = kind.encryption_algorithms(&key.usage);
        if !encryption.is_empty() {
            body["EncryptionAlgorithms"] = json!(encryption);
        }
        let signing = kind.signing_algorithms(&key.usage);
        if !signing.is_empty() {
            body["SigningAlgorithms"] = json!(signing);
        }
        quiet(body)
    }

    pub(crate) fn sign(&self, caller: &Caller<'_>, input: &JsonInput) -> Result<Reply, AwsError> {
        let bytes = req_blob(input, "Message", MAX_MESSAGE)?;
        let algorithm = req_str(input, "SigningAlgorithm", 64)?;
        let message = message(input, &bytes)?;
        let (key, material) = self.key_for(caller, input, "SIGN_VERIFY", "Sign")?;
        let signature = asymmetric::sign(key.kind(), &material, algorithm, message)?;
        quiet(json!({
            "KeyId": key.arn(),
            "Signature": b64(&signature),
            "SigningAlgorithm": algorithm,
        }))
    }

    pub(crate) fn verify(&self, caller: &Caller<'_>, input: &JsonInput) -> Result<Reply, AwsError> {
        let bytes = req_blob(input, "Message", MAX_MESSAGE)?;
        let signature = req_blob(input, "Signature", 6144)?;
        let algorithm = req_str(input, "SigningAlgorithm", 64)?;
        let message = message(input, &bytes)?;
        let (key, material) = self.key_for(caller, input, "SIGN_VERIFY", "Verify")?;
        if !asymmetric::verify(key.kind(), &material, algorithm, message, &signature)? {
            return Err(KmsError::KMSInvalidSignatureException
                .with("The signature is not valid for this message, key and signing algorithm."));
        }
        quiet(json!({
            "KeyId": key.arn(),
            "SignatureValid": true,
            "SigningAlgorithm": algorithm,
        }))
    }

    pub(crate) fn generate_mac(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let bytes = req_blob(input, "Message", MAX_MESSAGE)?;
        let algorithm = req_str(input, "MacAlgorithm", 64)?;
        let (key, secret) = self.key_for(caller, input, "GENERATE_VERIFY_MAC", "GenerateMac")?;
        let mac = asymmetric::mac(key.kind(), &secret, algorithm, &bytes)?;
        quiet(json!({
            "KeyId": key.arn(),
            "Mac": b64(&mac),
            "MacAlgorithm": algorithm,
        }))
    }

    pub(crate) fn verify_mac(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Reply, AwsError> {
        let bytes = req_blob(input, "Message", MAX_MESSAGE)?;
        let given = req_blob(input, "Mac", 6144)?;
        let algorithm = req_str(input, "MacAlgorithm", 64)?;
        let (key, secret) = self.key_for(caller, input, "GENERATE_VERIFY_MAC", "VerifyMac")?;
        let expected = asymmetric::mac(key.kind(), &secret, algorithm, &bytes)?;
        let matches = aws_lc_rs::constant_time::verify_slices_are_equal(&expected, &given).is_ok();
        if !matches {
            return Err(KmsError::KMSInvalidMacException
                .with("The MAC is not valid for this message, key and MAC algorithm."));
        }
        quiet(json!({
            "KeyId": key.arn(),
            "MacValid": true,
            "MacAlgorithm": algorithm,
        }))
    }

    /// `Encrypt` with an RSA encryption key: the raw OAEP ciphertext, as AWS returns it.
    pub(crate) fn rsa_encrypt(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
        plaintext: &[u8],
    ) -> Result<Reply, AwsError> {
        let algorithm = rsa_algorithm(input)?;
        let (key, material) = self.key_for(caller, input, "ENCRYPT_DECRYPT", "Encrypt")?;
        let ciphertext = asymmetric::rsa_encrypt(&material, algorithm, plaintext)?;
        quiet(json!({
            "CiphertextBlob": b64(&ciphertext),
            "KeyId": key.arn(),
            "EncryptionAlgorithm": algorithm,
        }))
    }

    /// `Decrypt` with an RSA encryption key, which the request must name.
    pub(crate) fn rsa_decrypt(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
        ciphertext: &[u8],
    ) -> Result<Reply, AwsError> {
        let algorithm = rsa_algorithm(input)?;
        let (key, material) = self.key_for(caller, input, "ENCRYPT_DECRYPT", "Decrypt")?;
        let plaintext = asymmetric::rsa_decrypt(&material, algorithm, ciphertext)?;
        quiet(json!({
            "KeyId": key.arn(),
            "Plaintext": b64(&plaintext),
            "EncryptionAlgorithm": algorithm,
        }))
    }
}
