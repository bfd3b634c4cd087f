//! Operations of asymmetric and HMAC keys: `GetPublicKey`, `Sign`, `Verify`, `GenerateMac`,
//! `VerifyMac`, and RSA `Encrypt`/`Decrypt`.

use neargate_common::AwsError;
use neargate_model::kms::Error as KmsError;
use neargate_model::kms::{
    DecryptResponse, EncryptRequest, EncryptResponse, EncryptionAlgorithmSpec, GenerateMacRequest,
    GenerateMacResponse, GetPublicKeyRequest, GetPublicKeyResponse, MessageType, SignRequest,
    SignResponse, SigningAlgorithmSpec, VerifyMacRequest, VerifyMacResponse, VerifyRequest,
    VerifyResponse,
};
use neargate_model::{Blob, ConditionKey, SecretBytes};

use crate::access::{on_named_key, pair};
use crate::asymmetric::{self, Message, Spec};
use crate::crypto_ops::usable;
use crate::grants::check_grant_tokens;
use crate::keys::{KeyRecord, listed};
use crate::{Caller, Kms};

fn wrong_usage(key: &KeyRecord, operation: &str) -> AwsError {
    KmsError::InvalidKeyUsageException.with(format!(
        "{} key usage is {} and key spec is {}, which {operation} cannot use.",
        key.arn(),
        key.usage,
        key.spec
    ))
}

fn message<'b>(kind: Option<&MessageType>, bytes: &'b [u8]) -> Result<Message<'b>, AwsError> {
    match kind.unwrap_or(&MessageType::Raw) {
        MessageType::Raw => Ok(Message::Raw(bytes)),
        MessageType::Digest => Ok(Message::Digest(bytes)),
        other => Err(KmsError::UnsupportedOperationException.with(format!(
            "MessageType {other} is for ML-DSA keys, which this endpoint does not offer."
        ))),
    }
}

/// The `EncryptionAlgorithm` an RSA key's `Encrypt` or `Decrypt` must name.
fn rsa_algorithm(algorithm: Option<&EncryptionAlgorithmSpec>) -> Result<&str, AwsError> {
    algorithm
        .map(EncryptionAlgorithmSpec::as_str)
        .ok_or_else(|| {
            KmsError::InvalidKeyUsageException.with(
                "An RSA key needs an EncryptionAlgorithm (RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256).",
            )
        })
}

impl Kms {
    /// The key `text` names, usable now, with its material, for an operation that needs
    /// `usage`.
    fn key_for(
        &self,
        caller: &Caller<'_>,
        text: &str,
        usage: &str,
        operation: &str,
    ) -> Result<(std::sync::Arc<KeyRecord>, zeroize::Zeroizing<Vec<u8>>), AwsError> {
        let key = self.key(caller, text)?;
        usable(&key)?;
        if key.usage != usage || key.symmetric() {
            return Err(wrong_usage(&key, operation));
        }
        let version = key.current().map_or(1, |m| m.version);
        let material = self.material(&key, version)?;
        Ok((key, material))
    }

    fn get_public_key(
        &self,
        caller: &Caller<'_>,
        input: GetPublicKeyRequest,
    ) -> Result<GetPublicKeyResponse, AwsError> {
        check_grant_tokens(input.grant_tokens.as_deref())?;
        let key = self.key(caller, &input.key_id)?;
        usable(&key)?;
        let kind = key.kind();
        if matches!(kind, Spec::Symmetric | Spec::Hmac(..)) {
            return Err(KmsError::UnsupportedOperationException
                .with(format!("{} is not an asymmetric KMS key.", key.arn())));
        }
        let version = key.current().map_or(1, |m| m.version);
        let public = kind.public_key(&self.material(&key, version)?)?;
        Ok(GetPublicKeyResponse {
            key_id: Some(key.arn()),
            public_key: Some(Blob(public)),
            customer_master_key_spec: Some(key.spec.as_str().into()),
            key_spec: Some(key.spec.as_str().into()),
            key_usage: Some(key.usage.as_str().into()),
            encryption_algorithms: listed(kind.encryption_algorithms(&key.usage)),
            signing_algorithms: listed(&kind.signing_algorithms(&key.usage)),
            key_agreement_algorithms: None,
        })
    }

    fn sign(&self, caller: &Caller<'_>, input: SignRequest) -> Result<SignResponse, AwsError> {
        check_grant_tokens(input.grant_tokens.as_deref())?;
        let algorithm = input.signing_algorithm.as_str();
        let message = message(input.message_type.as_ref(), input.message.expose())?;
        let (key, material) = self.key_for(caller, &input.key_id, "SIGN_VERIFY", "Sign")?;
        let signature = asymmetric::sign(key.kind(), &material, algorithm, message)?;
        Ok(SignResponse {
            key_id: Some(key.arn()),
            signature: Some(Blob(signature)),
            signing_algorithm: Some(input.signing_algorithm),
        })
    }

    fn verify(
        &self,
        caller: &Caller<'_>,
        input: VerifyRequest,
    ) -> Result<VerifyResponse, AwsError> {
        check_grant_tokens(input.grant_tokens.as_deref())?;
        let algorithm = input.signing_algorithm.as_str();
        let message = message(input.message_type.as_ref(), input.message.expose())?;
        let (key, material) = self.key_for(caller, &input.key_id, "SIGN_VERIFY", "Verify")?;
        let signature = &input.signature.0;
        if !asymmetric::verify(key.kind(), &material, algorithm, message, signature)? {
            return Err(KmsError::KMSInvalidSignatureException
                .with("The signature is not valid for this message, key and signing algorithm."));
        }
        Ok(VerifyResponse {
            key_id: Some(key.arn()),
            signature_valid: Some(true),
            signing_algorithm: Some(input.signing_algorithm),
        })
    }

    fn generate_mac(
        &self,
        caller: &Caller<'_>,
        input: GenerateMacRequest,
    ) -> Result<GenerateMacResponse, AwsError> {
        check_grant_tokens(input.grant_tokens.as_deref())?;
        let algorithm = input.mac_algorithm.as_str();
        let (key, secret) =
            self.key_for(caller, &input.key_id, "GENERATE_VERIFY_MAC", "GenerateMac")?;
        let mac = asymmetric::mac(key.kind(), &secret, algorithm, input.message.expose())?;
        Ok(GenerateMacResponse {
            key_id: Some(key.arn()),
            mac: Some(Blob(mac)),
            mac_algorithm: Some(input.mac_algorithm),
        })
    }

    fn verify_mac(
        &self,
        caller: &Caller<'_>,
        input: VerifyMacRequest,
    ) -> Result<VerifyMacResponse, AwsError> {
        check_grant_tokens(input.grant_tokens.as_deref())?;
        let algorithm = input.mac_algorithm.as_str();
        let (key, secret) =
            self.key_for(caller, &input.key_id, "GENERATE_VERIFY_MAC", "VerifyMac")?;
        let expected = asymmetric::mac(key.kind(), &secret, algorithm, input.message.expose())?;
        let matches =
            aws_lc_rs::constant_time::verify_slices_are_equal(&expected, &input.mac.0).is_ok();
        if !matches {
            return Err(KmsError::KMSInvalidMacException
                .with("The MAC is not valid for this message, key and MAC algorithm."));
        }
        Ok(VerifyMacResponse {
            key_id: Some(key.arn()),
            mac_valid: Some(true),
            mac_algorithm: Some(input.mac_algorithm),
        })
    }

    /// `Encrypt` with an RSA encryption key: the raw OAEP ciphertext, as AWS returns it.
    pub(crate) fn rsa_encrypt(
        &self,
        caller: &Caller<'_>,
        input: &EncryptRequest,
    ) -> Result<EncryptResponse, AwsError> {
        let algorithm = rsa_algorithm(input.encryption_algorithm.as_ref())?;
        let (key, material) = self.key_for(caller, &input.key_id, "ENCRYPT_DECRYPT", "Encrypt")?;
        let ciphertext = asymmetric::rsa_encrypt(&material, algorithm, input.plaintext.expose())?;
        Ok(EncryptResponse {
            ciphertext_blob: Some(Blob(ciphertext)),
            key_id: Some(key.arn()),
            encryption_algorithm: Some(algorithm.into()),
        })
    }

    /// `Decrypt` with the RSA encryption key `text` (the request must name it).
    pub(crate) fn rsa_decrypt(
        &self,
        caller: &Caller<'_>,
        text: &str,
        algorithm: Option<&EncryptionAlgorithmSpec>,
        ciphertext: &[u8],
    ) -> Result<DecryptResponse, AwsError> {
        let algorithm = rsa_algorithm(algorithm)?;
        let (key, material) = self.key_for(caller, text, "ENCRYPT_DECRYPT", "Decrypt")?;
        let plaintext = asymmetric::rsa_decrypt(&material, algorithm, ciphertext)?;
        Ok(DecryptResponse {
            key_id: Some(key.arn()),
            plaintext: Some(SecretBytes(plaintext)),
            encryption_algorithm: Some(algorithm.into()),
            ..DecryptResponse::default()
        })
    }
}

/// `kms:SigningAlgorithm` and `kms:MessageType` of a `Sign` or `Verify` request.
fn signing_keys(algorithm: &SigningAlgorithmSpec, kind: Option<&MessageType>) -> Vec<ConditionKey> {
    vec![
        pair("kms:SigningAlgorithm", algorithm.as_str()),
        pair("kms:MessageType", kind.map_or("RAW", MessageType::as_str)),
    ]
}

on_named_key! {
    GetPublicKey => get_public_key,
    Sign => sign
        where |input| signing_keys(&input.signing_algorithm, input.message_type.as_ref()),
    Verify => verify
        where |input| signing_keys(&input.signing_algorithm, input.message_type.as_ref()),
    GenerateMac => generate_mac
        where |input| vec![pair("kms:MacAlgorithm", input.mac_algorithm.as_str())],
    VerifyMac => verify_mac
        where |input| vec![pair("kms:MacAlgorithm", input.mac_algorithm.as_str())],
}
