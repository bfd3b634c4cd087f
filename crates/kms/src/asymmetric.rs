//! Key specs beyond `SYMMETRIC_DEFAULT`: RSA keys for encryption (OAEP) or signing (PSS and
//! PKCS #1 v1.5), elliptic-curve keys for signing (ECDSA), and HMAC keys. Their material is the
//! private key (PKCS #8) or the HMAC secret, wrapped under the root key like any material.

use aws_lc_rs::digest::{self, Digest};
use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::hmac;
use aws_lc_rs::rsa::{
    KeySize, OAEP_SHA1_MGF1SHA1, OAEP_SHA256_MGF1SHA256, OaepAlgorithm, OaepPrivateDecryptingKey,
    OaepPublicEncryptingKey, PrivateDecryptingKey,
};
use aws_lc_rs::signature::{
    self, EcdsaKeyPair, EcdsaSigningAlgorithm, EcdsaVerificationAlgorithm, KeyPair as _,
    RsaEncoding, RsaKeyPair, RsaParameters, UnparsedPublicKey,
};
use neargate_common::AwsError;
use zeroize::Zeroizing;

use crate::errors::{invalid_ciphertext, validation};
use neargate_model::kms::Error as KmsError;
use neargate_rootkey::fill_random;

/// What a key spec is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Spec {
    Symmetric,
    Rsa(KeySize),
    Ecc(Curve),
    Hmac(hmac::Algorithm, usize),
}

/// The elliptic curves KMS offers for signing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Curve {
    P256,
    P384,
    P521,
    Secp256k1,
}

impl Curve {
    fn signing(self) -> &'static EcdsaSigningAlgorithm {
        match self {
            Self::P256 => &signature::ECDSA_P256_SHA256_ASN1_SIGNING,
            Self::P384 => &signature::ECDSA_P384_SHA384_ASN1_SIGNING,
            Self::P521 => &signature::ECDSA_P521_SHA512_ASN1_SIGNING,
            Self::Secp256k1 => &signature::ECDSA_P256K1_SHA256_ASN1_SIGNING,
        }
    }

    fn verification(self) -> &'static EcdsaVerificationAlgorithm {
        match self {
            Self::P256 => &signature::ECDSA_P256_SHA256_ASN1,
            Self::P384 => &signature::ECDSA_P384_SHA384_ASN1,
            Self::P521 => &signature::ECDSA_P521_SHA512_ASN1,
            Self::Secp256k1 => &signature::ECDSA_P256K1_SHA256_ASN1,
        }
    }

    /// The one signing algorithm of the curve, as KMS names it.
    fn algorithm(self) -> &'static str {
        match self {
            Self::P256 | Self::Secp256k1 => "ECDSA_SHA_256",
            Self::P384 => "ECDSA_SHA_384",
            Self::P521 => "ECDSA_SHA_512",
        }
    }
}

const RSA_SIGNING: &[&str] = &[
    "RSASSA_PSS_SHA_256",
    "RSASSA_PSS_SHA_384",
    "RSASSA_PSS_SHA_512",
    "RSASSA_PKCS1_V1_5_SHA_256",
    "RSASSA_PKCS1_V1_5_SHA_384",
    "RSASSA_PKCS1_V1_5_SHA_512",
];
const RSA_ENCRYPTION: &[&str] = &["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"];

impl Spec {
    /// Reads a `KeySpec`.
    pub(crate) fn parse(text: &str) -> Result<Self, AwsError> {
        Ok(match text {
            "SYMMETRIC_DEFAULT" => Self::Symmetric,
            "RSA_2048" => Self::Rsa(KeySize::Rsa2048),
            "RSA_3072" => Self::Rsa(KeySize::Rsa3072),
            "RSA_4096" => Self::Rsa(KeySize::Rsa4096),
            "ECC_NIST_P256" => Self::Ecc(Curve::P256),
            "ECC_NIST_P384" => Self::Ecc(Curve::P384),
            "ECC_NIST_P521" => Self::Ecc(Curve::P521),
            "ECC_SECG_P256K1" => Self::Ecc(Curve::Secp256k1),
            "HMAC_224" => Self::Hmac(hmac::HMAC_SHA224, 28),
            "HMAC_256" => Self::Hmac(hmac::HMAC_SHA256, 32),
            "HMAC_384" => Self::Hmac(hmac::HMAC_SHA384, 48),
            "HMAC_512" => Self::Hmac(hmac::HMAC_SHA512, 64),
            "ECC_NIST_EDWARDS25519" | "SM2" | "ML_DSA_44" | "ML_DSA_65" | "ML_DSA_87" => {
                return Err(KmsError::UnsupportedOperationException.with(format!(
                    "KeySpec {text} is not supported by this endpoint yet."
                )));
            }
            other => {
                return Err(validation(format!(
                    "1 validation error detected: Value '{other}' at 'keySpec' failed to \
                     satisfy constraint: Member must satisfy enum value set"
                )));
            }
        })
    }

    /// The key usages the spec allows; the first is the default.
    pub(crate) fn usages(self) -> &'static [&'static str] {
        match self {
            Self::Symmetric => &["ENCRYPT_DECRYPT"],
            Self::Rsa(_) => &["ENCRYPT_DECRYPT", "SIGN_VERIFY"],
            Self::Ecc(_) => &["SIGN_VERIFY"],
            Self::Hmac(..) => &["GENERATE_VERIFY_MAC"],
        }
    }

    /// `EncryptionAlgorithms` of a key of this spec and usage.
    pub(crate) fn encryption_algorithms(self, usage: &str) -> &'static [&'static str] {
        match (self, usage) {
            (Self::Symmetric, _) => &["SYMMETRIC_DEFAULT"],
            (Self::Rsa(_), "ENCRYPT_DECRYPT") => RSA_ENCRYPTION,
            _ => &[],
        }
    }

    /// `SigningAlgorithms` of a key of this spec and usage.
    pub(crate) fn signing_algorithms(self, usage: &str) -> Vec<&'static str> {
        match (self, usage) {
            (Self::Rsa(_), "SIGN_VERIFY") => RSA_SIGNING.to_vec(),
            (Self::Ecc(curve), _) => vec![curve.algorithm()],
            _ => Vec::new(),
        }
    }

    /// `MacAlgorithms` of a key of this spec.
    pub(crate) fn mac_algorithms(self) -> Vec<&'static str> {
        match self {
            Self::Hmac(_, 28) => vec!["HMAC_SHA_224"],
            Self::Hmac(_, 32) => vec!["HMAC_SHA_256"],
            Self::Hmac(_, 48) => vec!["HMAC_SHA_384"],
            Self::Hmac(..) => vec!["HMAC_SHA_512"],
            _ => Vec::new(),
        }
    }

    /// Fresh material for a key of this spec: a PKCS #8 private key or an HMAC secret.
    pub(crate) fn generate(self) -> Result<Zeroizing<Vec<u8>>, AwsError> {
        let failed = |_| AwsError::internal("KMSInternalException");
        Ok(match self {
            Self::Symmetric => crate::seal::new_material(),
            Self::Rsa(size) => Zeroizing::new(
                RsaKeyPair::generate(size)
                    .map_err(failed)?
                    .as_der()
                    .map_err(failed)?
                    .as_ref()
                    .to_vec(),
            ),
            Self::Ecc(curve) => Zeroizing::new(
                EcdsaKeyPair::generate(curve.signing())
                    .map_err(failed)?
                    .to_pkcs8v1()
                    .map_err(failed)?
                    .as_ref()
                    .to_vec(),
            ),
            Self::Hmac(_, len) => {
                let mut secret = Zeroizing::new(vec![0u8; len]);
                fill_random(&mut secret);
                secret
            }
        })
    }

    /// The public key (DER `SubjectPublicKeyInfo`) of asymmetric `material`.
    pub(crate) fn public_key(self, material: &[u8]) -> Result<Vec<u8>, AwsError> {
        let failed = |_| AwsError::internal("KMSInternalException");
        match self {
            Self::Rsa(_) => Ok(RsaKeyPair::from_pkcs8(material)
                .map_err(|_| AwsError::internal("KMSInternalException"))?
                .public_key()
                .as_der()
                .map_err(failed)?
                .as_ref()
                .to_vec()),
            Self::Ecc(curve) => Ok(EcdsaKeyPair::from_pkcs8(curve.signing(), material)
                .map_err(|_| AwsError::internal("KMSInternalException"))?
                .public_key()
                .as_der()
                .map_err(failed)?
                .as_ref()
                .to_vec()),
            Self::Symmetric | Self::Hmac(..) => Err(KmsError::UnsupportedOperationException
                .with("GetPublicKey needs an asymmetric KMS key.")),
        }
    }
}

/// The digest function and RSA parameters of a signing algorithm.
fn rsa_signing(
    algorithm: &str,
) -> Option<(
    &'static digest::Algorithm,
    &'static dyn RsaEncoding,
    &'static RsaParameters,
)> {
    Some(match algorithm {
        "RSASSA_PSS_SHA_256" => (
            &digest::SHA256,
            &signature::RSA_PSS_SHA256,
            &signature::RSA_PSS_2048_8192_SHA256,
        ),
        "RSASSA_PSS_SHA_384" => (
            &digest::SHA384,
            &signature::RSA_PSS_SHA384,
            &signature::RSA_PSS_2048_8192_SHA384,
        ),
        "RSASSA_PSS_SHA_512" => (
            &digest::SHA512,
            &signature::RSA_PSS_SHA512,
            &signature::RSA_PSS_2048_8192_SHA512,
        ),
        "RSASSA_PKCS1_V1_5_SHA_256" => (
            &digest::SHA256,
            &signature::RSA_PKCS1_SHA256,
            &signature::RSA_PKCS1_2048_8192_SHA256,
        ),
        "RSASSA_PKCS1_V1_5_SHA_384" => (
            &digest::SHA384,
            &signature::RSA_PKCS1_SHA384,
            &signature::RSA_PKCS1_2048_8192_SHA384,
        ),
        "RSASSA_PKCS1_V1_5_SHA_512" => (
            &digest::SHA512,
            &signature::RSA_PKCS1_SHA512,
            &signature::RSA_PKCS1_2048_8192_SHA512,
        ),
        _ => return None,
    })
}

fn ecdsa_digest(curve: Curve) -> &'static digest::Algorithm {
    match curve {
        Curve::P256 | Curve::Secp256k1 => &digest::SHA256,
        Curve::P384 => &digest::SHA384,
        Curve::P521 => &digest::SHA512,
    }
}

/// A `Message` to sign or verify: raw, or already a digest of the algorithm's length.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Message<'a> {
    Raw(&'a [u8]),
    Digest(&'a [u8]),
}

impl Message<'_> {
    fn digest(self, algorithm: &'static digest::Algorithm) -> Result<Digest, AwsError> {
        match self {
            Self::Raw(bytes) => Ok(digest::digest(algorithm, bytes)),
            Self::Digest(bytes) => Digest::import_less_safe(bytes, algorithm).map_err(|_| {
                validation(format!(
                    "A DIGEST message for this signing algorithm must be {} bytes.",
                    algorithm.output_len()
                ))
            }),
        }
    }
}

fn invalid_algorithm(algorithm: &str) -> AwsError {
    KmsError::InvalidKeyUsageException.with(format!(
        "The signing algorithm {algorithm} is not valid for this key."
    ))
}

/// Signs `message` with the private key `material` of `spec`.
pub(crate) fn sign(
    spec: Spec,
    material: &[u8],
    algorithm: &str,
    message: Message<'_>,
) -> Result<Vec<u8>, AwsError> {
    let failed = |_| AwsError::internal("KMSInternalException");
    match spec {
        Spec::Rsa(_) => {
            let (hash, encoding, _) =
                rsa_signing(algorithm).ok_or_else(|| invalid_algorithm(algorithm))?;
            let pair = RsaKeyPair::from_pkcs8(material)
                .map_err(|_| AwsError::internal("KMSInternalException"))?;
            let mut out = vec![0u8; pair.public_modulus_len()];
            pair.sign_digest(encoding, &message.digest(hash)?, &mut out)
                .map_err(failed)?;
            Ok(out)
        }
        Spec::Ecc(curve) if algorithm == curve.algorithm() => {
            let pair = EcdsaKeyPair::from_pkcs8(curve.signing(), material)
                .map_err(|_| AwsError::internal("KMSInternalException"))?;
            Ok(pair
                .sign_digest(&message.digest(ecdsa_digest(curve))?)
                .map_err(failed)?
                .as_ref()
                .to_vec())
        }
        _ => Err(invalid_algorithm(algorithm)),
    }
}

/// Whether `signature` is a valid signature of `message` by the key `material` of `spec`.
pub(crate) fn verify(
    spec: Spec,
    material: &[u8],
    algorithm: &str,
    message: Message<'_>,
    signature_bytes: &[u8],
) -> Result<bool, AwsError> {
    match spec {
        Spec::Rsa(_) => {
            let (hash, _, parameters) =
                rsa_signing(algorithm).ok_or_else(|| invalid_algorithm(algorithm))?;
            let pair = RsaKeyPair::from_pkcs8(material)
                .map_err(|_| AwsError::internal("KMSInternalException"))?;
            let public = UnparsedPublicKey::new(parameters, pair.public_key().as_ref());
            Ok(public
                .verify_digest(&message.digest(hash)?, signature_bytes)
                .is_ok())
        }
        Spec::Ecc(curve) if algorithm == curve.algorithm() => {
            let pair = EcdsaKeyPair::from_pkcs8(curve.signing(), material)
                .map_err(|_| AwsError::internal("KMSInternalException"))?;
            let public = UnparsedPublicKey::new(curve.verification(), pair.public_key().as_ref());
            Ok(public
                .verify_digest(&message.digest(ecdsa_digest(curve))?, signature_bytes)
                .is_ok())
        }
        _ => Err(invalid_algorithm(algorithm)),
    }
}

fn oaep(algorithm: &str) -> Result<&'static OaepAlgorithm, AwsError> {
    match algorithm {
        "RSAES_OAEP_SHA_1" => Ok(&OAEP_SHA1_MGF1SHA1),
        "RSAES_OAEP_SHA_256" => Ok(&OAEP_SHA256_MGF1SHA256),
        other => Err(KmsError::InvalidKeyUsageException.with(format!(
            "The encryption algorithm {other} is not valid for an RSA key."
        ))),
    }
}

/// RSA-OAEP encryption of `plaintext` under the private key `material`'s public half.
pub(crate) fn rsa_encrypt(
    material: &[u8],
    algorithm: &str,
    plaintext: &[u8],
) -> Result<Vec<u8>, AwsError> {
    let private = PrivateDecryptingKey::from_pkcs8(material)
        .map_err(|_| AwsError::internal("KMSInternalException"))?;
    let public = OaepPublicEncryptingKey::new(private.public_key())
        .map_err(|_| AwsError::internal("KMSInternalException"))?;
    let algorithm = oaep(algorithm)?;
    if plaintext.len() > public.max_plaintext_size(algorithm) {
        return Err(validation(format!(
            "The plaintext is longer than the {} bytes this key and algorithm can encrypt.",
            public.max_plaintext_size(algorithm)
        )));
    }
    let mut out = vec![0u8; public.ciphertext_size()];
    let len = public
        .encrypt(algorithm, plaintext, &mut out, None)
        .map_err(|_| AwsError::internal("KMSInternalException"))?
        .len();
    out.truncate(len);
    Ok(out)
}

/// RSA-OAEP decryption with the private key `material`.
pub(crate) fn rsa_decrypt(
    material: &[u8],
    algorithm: &str,
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>, AwsError> {
    let private = PrivateDecryptingKey::from_pkcs8(material)
        .map_err(|_| AwsError::internal("KMSInternalException"))?;
    let decrypting = OaepPrivateDecryptingKey::new(private)
        .map_err(|_| AwsError::internal("KMSInternalException"))?;
    let mut out = Zeroizing::new(vec![0u8; decrypting.min_output_size()]);
    let len = decrypting
        .decrypt(oaep(algorithm)?, ciphertext, &mut out, None)
        .map_err(|_| invalid_ciphertext())?
        .len();
    out.truncate(len);
    Ok(out)
}

/// The HMAC of `message` under `secret`.
pub(crate) fn mac(
    spec: Spec,
    secret: &[u8],
    algorithm: &str,
    message: &[u8],
) -> Result<Vec<u8>, AwsError> {
    let Spec::Hmac(hmac_algorithm, _) = spec else {
        return Err(KmsError::InvalidKeyUsageException.with("GenerateMac needs an HMAC key."));
    };
    if !spec.mac_algorithms().contains(&algorithm) {
        return Err(KmsError::InvalidKeyUsageException.with(format!(
            "The MAC algorithm {algorithm} is not valid for this key."
        )));
    }
    Ok(hmac::sign(&hmac::Key::new(hmac_algorithm, secret), message)
        .as_ref()
        .to_vec())
}
