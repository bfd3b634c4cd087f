//! The served part of botocore 1.43.11's `kms/2014-11-01` model. Written by `neargate-codegen`; do not edit.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::shape::{Bound, Kind, Member, Model, Operation, Patterns, Rules, Shape, Text};
use crate::types::{Blob, SecretBytes, Time};

static PATTERNS: Patterns = Patterns::new();

/// The model: 44 served operations, 193 shapes.
pub static MODEL: Model = Model {
    service: "kms",
    api_version: "2014-11-01",
    json: true,
    rules: Rules { exception: "ValidationException", required: true, constraints: true },
    operations: &[
        Operation { name: "CancelKeyDeletion", read_only: false, dry_run: false, input: Some(11), output: Some(12), errors: &["NotFoundException", "InvalidArnException", "DependencyTimeoutException", "KMSInternalException", "KMSInvalidStateException"] },
        Operation { name: "CreateAlias", read_only: false, dry_run: false, input: Some(17), output: None, errors: &["DependencyTimeoutException", "AlreadyExistsException", "NotFoundException", "InvalidAliasNameException", "KMSInternalException", "LimitExceededException", "KMSInvalidStateException"] },
        Operation { name: "CreateGrant", read_only: false, dry_run: true, input: Some(18), output: Some(19), errors: &["NotFoundException", "DisabledException", "DependencyTimeoutException", "InvalidArnException", "KMSInternalException", "InvalidGrantTokenException", "LimitExceededException", "KMSInvalidStateException", "DryRunOperationException"] },
        Operation { name: "CreateKey", read_only: false, dry_run: false, input: Some(20), output: Some(21), errors: &["MalformedPolicyDocumentException", "DependencyTimeoutException", "InvalidArnException", "UnsupportedOperationException", "KMSInternalException", "LimitExceededException", "TagException", "CustomKeyStoreNotFoundException", "CustomKeyStoreInvalidStateException", "CloudHsmClusterInvalidConfigurationException", "XksKeyInvalidConfigurationException", "XksKeyAlreadyInUseException", "XksKeyNotFoundException"] },
        Operation { name: "Decrypt", read_only: true, dry_run: true, input: Some(29), output: Some(30), errors: &["NotFoundException", "DisabledException", "InvalidCiphertextException", "KeyUnavailableException", "IncorrectKeyException", "InvalidKeyUsageException", "DependencyTimeoutException", "InvalidGrantTokenException", "KMSInternalException", "KMSInvalidStateException", "DryRunOperationException"] },
        Operation { name: "DeleteAlias", read_only: false, dry_run: false, input: Some(31), output: None, errors: &["DependencyTimeoutException", "NotFoundException", "KMSInternalException", "KMSInvalidStateException"] },
        Operation { name: "DeleteImportedKeyMaterial", read_only: false, dry_run: false, input: Some(32), output: Some(33), errors: &["InvalidArnException", "UnsupportedOperationException", "DependencyTimeoutException", "NotFoundException", "KMSInternalException", "KMSInvalidStateException"] },
        Operation { name: "DescribeKey", read_only: true, dry_run: false, input: Some(35), output: Some(36), errors: &["NotFoundException", "InvalidArnException", "DependencyTimeoutException", "KMSInternalException"] },
        Operation { name: "DisableKey", read_only: false, dry_run: false, input: Some(38), output: None, errors: &["NotFoundException", "InvalidArnException", "DependencyTimeoutException", "KMSInternalException", "KMSInvalidStateException"] },
        Operation { name: "DisableKeyRotation", read_only: false, dry_run: false, input: Some(39), output: None, errors: &["NotFoundException", "DisabledException", "InvalidArnException", "DependencyTimeoutException", "KMSInternalException", "KMSInvalidStateException", "UnsupportedOperationException"] },
        Operation { name: "EnableKey", read_only: false, dry_run: false, input: Some(44), output: None, errors: &["NotFoundException", "InvalidArnException", "DependencyTimeoutException", "KMSInternalException", "LimitExceededException", "KMSInvalidStateException"] },
        Operation { name: "EnableKeyRotation", read_only: false, dry_run: false, input: Some(45), output: None, errors: &["NotFoundException", "DisabledException", "InvalidArnException", "DependencyTimeoutException", "KMSInternalException", "KMSInvalidStateException", "UnsupportedOperationException"] },
        Operation { name: "Encrypt", read_only: true, dry_run: true, input: Some(46), output: Some(47), errors: &["NotFoundException", "DisabledException", "KeyUnavailableException", "DependencyTimeoutException", "InvalidKeyUsageException", "InvalidGrantTokenException", "KMSInternalException", "KMSInvalidStateException", "DryRunOperationException"] },
        Operation { name: "GenerateDataKey", read_only: true, dry_run: true, input: Some(60), output: Some(61), errors: &["NotFoundException", "DisabledException", "KeyUnavailableException", "DependencyTimeoutException", "InvalidKeyUsageException", "InvalidGrantTokenException", "KMSInternalException", "KMSInvalidStateException", "DryRunOperationException"] },
        Operation { name: "GenerateDataKeyPair", read_only: true, dry_run: true, input: Some(56), output: Some(57), errors: &["NotFoundException", "DisabledException", "KeyUnavailableException", "DependencyTimeoutException", "InvalidKeyUsageException", "InvalidGrantTokenException", "KMSInternalException", "KMSInvalidStateException", "UnsupportedOperationException", "DryRunOperationException"] },
        Operation { name: "GenerateDataKeyPairWithoutPlaintext", read_only: true, dry_run: true, input: Some(58), output: Some(59), errors: &["NotFoundException", "DisabledException", "KeyUnavailableException", "DependencyTimeoutException", "InvalidKeyUsageException", "InvalidGrantTokenException", "KMSInternalException", "KMSInvalidStateException", "UnsupportedOperationException", "DryRunOperationException"] },
        Operation { name: "GenerateDataKeyWithoutPlaintext", read_only: true, dry_run: true, input: Some(62), output: Some(63), errors: &["NotFoundException", "DisabledException", "KeyUnavailableException", "DependencyTimeoutException", "InvalidKeyUsageException", "InvalidGrantTokenException", "KMSInternalException", "KMSInvalidStateException", "DryRunOperationException"] },
        Operation { name: "GenerateMac", read_only: true, dry_run: true, input: Some(64), output: Some(65), errors: &["NotFoundException", "DisabledException", "KeyUnavailableException", "InvalidKeyUsageException", "InvalidGrantTokenException", "KMSInternalException", "KMSInvalidStateException", "DryRunOperationException"] },
        Operation { name: "GenerateRandom", read_only: true, dry_run: false, input: Some(66), output: Some(67), errors: &["DependencyTimeoutException", "KMSInternalException", "UnsupportedOperationException", "CustomKeyStoreNotFoundException", "CustomKeyStoreInvalidStateException"] },
        Operation { name: "GetKeyPolicy", read_only: true, dry_run: false, input: Some(68), output: Some(69), errors: &["NotFoundException", "InvalidArnException", "DependencyTimeoutException", "KMSInternalException", "KMSInvalidStateException"] },
        Operation { name: "GetKeyRotationStatus", read_only: true, dry_run: false, input: Some(70), output: Some(71), errors: &["NotFoundException", "InvalidArnException", "DependencyTimeoutException", "KMSInternalException", "KMSInvalidStateException", "UnsupportedOperationException"] },
        Operation { name: "GetParametersForImport", read_only: true, dry_run: false, input: Some(72), output: Some(73), errors: &["InvalidArnException", "UnsupportedOperationException", "DependencyTimeoutException", "NotFoundException", "KMSInternalException", "KMSInvalidStateException"] },
        Operation { name: "GetPublicKey", read_only: true, dry_run: false, input: Some(74), output: Some(75), errors: &["NotFoundException", "DisabledException", "KeyUnavailableException", "DependencyTimeoutException", "UnsupportedOperationException", "InvalidArnException", "InvalidGrantTokenException", "InvalidKeyUsageException", "KMSInternalException", "KMSInvalidStateException"] },
        Operation { name: "ImportKeyMaterial", read_only: false, dry_run: false, input: Some(85), output: Some(86), errors: &["InvalidArnException", "UnsupportedOperationException", "DependencyTimeoutException", "NotFoundException", "KMSInternalException", "KMSInvalidStateException", "InvalidCiphertextException", "IncorrectKeyMaterialException", "ExpiredImportTokenException", "InvalidImportTokenException"] },
        Operation { name: "ListAliases", read_only: true, dry_run: false, input: Some(120), output: Some(121), errors: &["DependencyTimeoutException", "InvalidMarkerException", "KMSInternalException", "InvalidArnException", "NotFoundException"] },
        Operation { name: "ListGrants", read_only: true, dry_run: false, input: Some(122), output: Some(123), errors: &["NotFoundException", "DependencyTimeoutException", "InvalidMarkerException", "InvalidGrantIdException", "InvalidArnException", "KMSInternalException", "KMSInvalidStateException"] },
        Operation { name: "ListKeyPolicies", read_only: true, dry_run: false, input: Some(124), output: Some(125), errors: &["NotFoundException", "InvalidArnException", "DependencyTimeoutException", "KMSInternalException", "KMSInvalidStateException"] },
        Operation { name: "ListKeyRotations", read_only: true, dry_run: false, input: Some(126), output: Some(127), errors: &["NotFoundException", "InvalidArnException", "InvalidMarkerException", "KMSInternalException", "KMSInvalidStateException", "UnsupportedOperationException"] },
        Operation { name: "ListKeys", read_only: true, dry_run: false, input: Some(128), output: Some(129), errors: &["DependencyTimeoutException", "KMSInternalException", "InvalidMarkerException"] },
        Operation { name: "ListResourceTags", read_only: true, dry_run: false, input: Some(130), output: Some(131), errors: &["KMSInternalException", "NotFoundException", "InvalidArnException", "InvalidMarkerException"] },
        Operation { name: "ListRetirableGrants", read_only: true, dry_run: false, input: Some(132), output: Some(123), errors: &["DependencyTimeoutException", "InvalidMarkerException", "InvalidArnException", "NotFoundException", "KMSInternalException"] },
        Operation { name: "PutKeyPolicy", read_only: false, dry_run: false, input: Some(153), output: None, errors: &["NotFoundException", "InvalidArnException", "MalformedPolicyDocumentException", "DependencyTimeoutException", "UnsupportedOperationException", "KMSInternalException", "LimitExceededException", "KMSInvalidStateException"] },
        Operation { name: "ReEncrypt", read_only: true, dry_run: true, input: Some(154), output: Some(155), errors: &["NotFoundException", "DisabledException", "InvalidCiphertextException", "KeyUnavailableException", "IncorrectKeyException", "DependencyTimeoutException", "InvalidKeyUsageException", "InvalidGrantTokenException", "KMSInternalException", "KMSInvalidStateException", "DryRunOperationException"] },
        Operation { name: "RetireGrant", read_only: false, dry_run: true, input: Some(158), output: None, errors: &["InvalidArnException", "InvalidGrantTokenException", "InvalidGrantIdException", "NotFoundException", "DependencyTimeoutException", "KMSInternalException", "KMSInvalidStateException", "DryRunOperationException"] },
        Operation { name: "RevokeGrant", read_only: false, dry_run: true, input: Some(159), output: None, errors: &["NotFoundException", "DependencyTimeoutException", "InvalidArnException", "InvalidGrantIdException", "KMSInternalException", "KMSInvalidStateException", "DryRunOperationException"] },
        Operation { name: "RotateKeyOnDemand", read_only: false, dry_run: false, input: Some(160), output: Some(161), errors: &["NotFoundException", "DisabledException", "InvalidArnException", "DependencyTimeoutException", "KMSInternalException", "KMSInvalidStateException", "UnsupportedOperationException", "LimitExceededException", "ConflictException"] },
        Operation { name: "ScheduleKeyDeletion", read_only: false, dry_run: false, input: Some(166), output: Some(167), errors: &["NotFoundException", "InvalidArnException", "DependencyTimeoutException", "KMSInternalException", "KMSInvalidStateException"] },
        Operation { name: "Sign", read_only: true, dry_run: true, input: Some(168), output: Some(169), errors: &["NotFoundException", "DisabledException", "KeyUnavailableException", "DependencyTimeoutException", "InvalidKeyUsageException", "InvalidGrantTokenException", "KMSInternalException", "KMSInvalidStateException", "DryRunOperationException"] },
        Operation { name: "TagResource", read_only: false, dry_run: false, input: Some(177), output: None, errors: &["KMSInternalException", "NotFoundException", "InvalidArnException", "KMSInvalidStateException", "LimitExceededException", "TagException"] },
        Operation { name: "UntagResource", read_only: false, dry_run: false, input: Some(180), output: None, errors: &["KMSInternalException", "NotFoundException", "InvalidArnException", "KMSInvalidStateException", "TagException"] },
        Operation { name: "UpdateAlias", read_only: false, dry_run: false, input: Some(181), output: None, errors: &["DependencyTimeoutException", "NotFoundException", "KMSInternalException", "LimitExceededException", "KMSInvalidStateException"] },
        Operation { name: "UpdateKeyDescription", read_only: false, dry_run: false, input: Some(182), output: None, errors: &["NotFoundException", "InvalidArnException", "DependencyTimeoutException", "KMSInternalException", "KMSInvalidStateException"] },
        Operation { name: "Verify", read_only: true, dry_run: true, input: Some(185), output: Some(186), errors: &["NotFoundException", "DisabledException", "KeyUnavailableException", "DependencyTimeoutException", "InvalidKeyUsageException", "InvalidGrantTokenException", "KMSInternalException", "KMSInvalidStateException", "KMSInvalidSignatureException", "DryRunOperationException"] },
        Operation { name: "VerifyMac", read_only: true, dry_run: true, input: Some(183), output: Some(184), errors: &["NotFoundException", "DisabledException", "KeyUnavailableException", "InvalidKeyUsageException", "InvalidGrantTokenException", "KMSInternalException", "KMSInvalidMacException", "KMSInvalidStateException", "DryRunOperationException"] },
    ],
    shapes: &[
        /* 0 */ Shape { name: "AWSAccountIdType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 1 */ Shape { name: "AlgorithmSpec", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["RSAES_PKCS1_V1_5", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "RSA_AES_KEY_WRAP_SHA_1", "RSA_AES_KEY_WRAP_SHA_256", "SM2PKE"], sensitive: false }) },
        /* 2 */ Shape { name: "AliasList", kind: Kind::List { member: 3, length: Bound { min: None, max: None } } },
        /* 3 */ Shape { name: "AliasListEntry", kind: Kind::Structure(&[Member { name: "AliasArn", shape: 6, required: false }, Member { name: "AliasName", shape: 4, required: false }, Member { name: "CreationDate", shape: 28, required: false }, Member { name: "LastUpdatedDate", shape: 28, required: false }, Member { name: "TargetKeyId", shape: 107, required: false }]) },
        /* 4 */ Shape { name: "AliasNameType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(256) }, pattern: Some("^[a-zA-Z0-9:/_-]+$"), values: &[], sensitive: false }) },
        /* 5 */ Shape { name: "AlreadyExistsException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 6 */ Shape { name: "ArnType", kind: Kind::String(Text { length: Bound { min: Some(20), max: Some(2048) }, pattern: None, values: &[], sensitive: false }) },
        /* 7 */ Shape { name: "AttestationDocumentType", kind: Kind::Blob { length: Bound { min: Some(1), max: Some(262144) }, sensitive: false } },
        /* 8 */ Shape { name: "BackingKeyIdResponseType", kind: Kind::String(Text { length: Bound { min: Some(0), max: Some(64) }, pattern: Some("^[a-f0-9]+$"), values: &[], sensitive: false }) },
        /* 9 */ Shape { name: "BackingKeyIdType", kind: Kind::String(Text { length: Bound { min: Some(64), max: Some(64) }, pattern: Some("^[a-f0-9]+$"), values: &[], sensitive: false }) },
        /* 10 */ Shape { name: "BooleanType", kind: Kind::Boolean },
        /* 11 */ Shape { name: "CancelKeyDeletionRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }]) },
        /* 12 */ Shape { name: "CancelKeyDeletionResponse", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: false }]) },
        /* 13 */ Shape { name: "CiphertextType", kind: Kind::Blob { length: Bound { min: Some(1), max: Some(6144) }, sensitive: false } },
        /* 14 */ Shape { name: "CloudHsmClusterIdType", kind: Kind::String(Text { length: Bound { min: Some(19), max: Some(24) }, pattern: Some("cluster-[2-7a-zA-Z]{11,16}"), values: &[], sensitive: false }) },
        /* 15 */ Shape { name: "CloudHsmClusterInvalidConfigurationException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 16 */ Shape { name: "ConflictException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 17 */ Shape { name: "CreateAliasRequest", kind: Kind::Structure(&[Member { name: "AliasName", shape: 4, required: true }, Member { name: "TargetKeyId", shape: 107, required: true }]) },
        /* 18 */ Shape { name: "CreateGrantRequest", kind: Kind::Structure(&[Member { name: "Constraints", shape: 76, required: false }, Member { name: "DryRun", shape: 143, required: false }, Member { name: "GrantTokens", shape: 83, required: false }, Member { name: "GranteePrincipal", shape: 151, required: true }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "Name", shape: 80, required: false }, Member { name: "Operations", shape: 82, required: true }, Member { name: "RetiringPrincipal", shape: 151, required: false }]) },
        /* 19 */ Shape { name: "CreateGrantResponse", kind: Kind::Structure(&[Member { name: "GrantId", shape: 77, required: false }, Member { name: "GrantToken", shape: 84, required: false }]) },
        /* 20 */ Shape { name: "CreateKeyRequest", kind: Kind::Structure(&[Member { name: "BypassPolicyLockoutSafetyCheck", shape: 10, required: false }, Member { name: "CustomKeyStoreId", shape: 22, required: false }, Member { name: "CustomerMasterKeySpec", shape: 25, required: false }, Member { name: "Description", shape: 37, required: false }, Member { name: "KeySpec", shape: 114, required: false }, Member { name: "KeyUsage", shape: 117, required: false }, Member { name: "MultiRegion", shape: 143, required: false }, Member { name: "Origin", shape: 145, required: false }, Member { name: "Policy", shape: 150, required: false }, Member { name: "Tags", shape: 176, required: false }, Member { name: "XksKeyId", shape: 190, required: false }]) },
        /* 21 */ Shape { name: "CreateKeyResponse", kind: Kind::Structure(&[Member { name: "KeyMetadata", shape: 113, required: false }]) },
        /* 22 */ Shape { name: "CustomKeyStoreIdType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(64) }, pattern: None, values: &[], sensitive: false }) },
        /* 23 */ Shape { name: "CustomKeyStoreInvalidStateException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 24 */ Shape { name: "CustomKeyStoreNotFoundException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 25 */ Shape { name: "CustomerMasterKeySpec", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512", "SM2"], sensitive: false }) },
        /* 26 */ Shape { name: "DataKeyPairSpec", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SM2", "ECC_NIST_EDWARDS25519"], sensitive: false }) },
        /* 27 */ Shape { name: "DataKeySpec", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["AES_256", "AES_128"], sensitive: false }) },
        /* 28 */ Shape { name: "DateType", kind: Kind::Timestamp },
        /* 29 */ Shape { name: "DecryptRequest", kind: Kind::Structure(&[Member { name: "CiphertextBlob", shape: 13, required: false }, Member { name: "DryRun", shape: 143, required: false }, Member { name: "DryRunModifiers", shape: 41, required: false }, Member { name: "EncryptionAlgorithm", shape: 48, required: false }, Member { name: "EncryptionContext", shape: 51, required: false }, Member { name: "GrantTokens", shape: 83, required: false }, Member { name: "KeyId", shape: 107, required: false }, Member { name: "Recipient", shape: 156, required: false }]) },
        /* 30 */ Shape { name: "DecryptResponse", kind: Kind::Structure(&[Member { name: "CiphertextForRecipient", shape: 13, required: false }, Member { name: "EncryptionAlgorithm", shape: 48, required: false }, Member { name: "KeyId", shape: 107, required: false }, Member { name: "KeyMaterialId", shape: 9, required: false }, Member { name: "Plaintext", shape: 147, required: false }]) },
        /* 31 */ Shape { name: "DeleteAliasRequest", kind: Kind::Structure(&[Member { name: "AliasName", shape: 4, required: true }]) },
        /* 32 */ Shape { name: "DeleteImportedKeyMaterialRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }, Member { name: "KeyMaterialId", shape: 9, required: false }]) },
        /* 33 */ Shape { name: "DeleteImportedKeyMaterialResponse", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: false }, Member { name: "KeyMaterialId", shape: 8, required: false }]) },
        /* 34 */ Shape { name: "DependencyTimeoutException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 35 */ Shape { name: "DescribeKeyRequest", kind: Kind::Structure(&[Member { name: "GrantTokens", shape: 83, required: false }, Member { name: "KeyId", shape: 107, required: true }]) },
        /* 36 */ Shape { name: "DescribeKeyResponse", kind: Kind::Structure(&[Member { name: "KeyMetadata", shape: 113, required: false }]) },
        /* 37 */ Shape { name: "DescriptionType", kind: Kind::String(Text { length: Bound { min: Some(0), max: Some(8192) }, pattern: None, values: &[], sensitive: false }) },
        /* 38 */ Shape { name: "DisableKeyRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }]) },
        /* 39 */ Shape { name: "DisableKeyRotationRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }]) },
        /* 40 */ Shape { name: "DisabledException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 41 */ Shape { name: "DryRunModifierList", kind: Kind::List { member: 42, length: Bound { min: None, max: None } } },
        /* 42 */ Shape { name: "DryRunModifierType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["IGNORE_CIPHERTEXT"], sensitive: false }) },
        /* 43 */ Shape { name: "DryRunOperationException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 44 */ Shape { name: "EnableKeyRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }]) },
        /* 45 */ Shape { name: "EnableKeyRotationRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }, Member { name: "RotationPeriodInDays", shape: 162, required: false }]) },
        /* 46 */ Shape { name: "EncryptRequest", kind: Kind::Structure(&[Member { name: "DryRun", shape: 143, required: false }, Member { name: "EncryptionAlgorithm", shape: 48, required: false }, Member { name: "EncryptionContext", shape: 51, required: false }, Member { name: "GrantTokens", shape: 83, required: false }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "Plaintext", shape: 147, required: true }]) },
        /* 47 */ Shape { name: "EncryptResponse", kind: Kind::Structure(&[Member { name: "CiphertextBlob", shape: 13, required: false }, Member { name: "EncryptionAlgorithm", shape: 48, required: false }, Member { name: "KeyId", shape: 107, required: false }]) },
        /* 48 */ Shape { name: "EncryptionAlgorithmSpec", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "SM2PKE"], sensitive: false }) },
        /* 49 */ Shape { name: "EncryptionAlgorithmSpecList", kind: Kind::List { member: 48, length: Bound { min: None, max: None } } },
        /* 50 */ Shape { name: "EncryptionContextKey", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 51 */ Shape { name: "EncryptionContextType", kind: Kind::Map { key: 50, value: 52, length: Bound { min: None, max: None } } },
        /* 52 */ Shape { name: "EncryptionContextValue", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 53 */ Shape { name: "ErrorMessageType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 54 */ Shape { name: "ExpirationModelType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["KEY_MATERIAL_EXPIRES", "KEY_MATERIAL_DOES_NOT_EXPIRE"], sensitive: false }) },
        /* 55 */ Shape { name: "ExpiredImportTokenException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 56 */ Shape { name: "GenerateDataKeyPairRequest", kind: Kind::Structure(&[Member { name: "DryRun", shape: 143, required: false }, Member { name: "EncryptionContext", shape: 51, required: false }, Member { name: "GrantTokens", shape: 83, required: false }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "KeyPairSpec", shape: 26, required: true }, Member { name: "Recipient", shape: 156, required: false }]) },
        /* 57 */ Shape { name: "GenerateDataKeyPairResponse", kind: Kind::Structure(&[Member { name: "CiphertextForRecipient", shape: 13, required: false }, Member { name: "KeyId", shape: 107, required: false }, Member { name: "KeyMaterialId", shape: 9, required: false }, Member { name: "KeyPairSpec", shape: 26, required: false }, Member { name: "PrivateKeyCiphertextBlob", shape: 13, required: false }, Member { name: "PrivateKeyPlaintext", shape: 147, required: false }, Member { name: "PublicKey", shape: 152, required: false }]) },
        /* 58 */ Shape { name: "GenerateDataKeyPairWithoutPlaintextRequest", kind: Kind::Structure(&[Member { name: "DryRun", shape: 143, required: false }, Member { name: "EncryptionContext", shape: 51, required: false }, Member { name: "GrantTokens", shape: 83, required: false }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "KeyPairSpec", shape: 26, required: true }]) },
        /* 59 */ Shape { name: "GenerateDataKeyPairWithoutPlaintextResponse", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: false }, Member { name: "KeyMaterialId", shape: 9, required: false }, Member { name: "KeyPairSpec", shape: 26, required: false }, Member { name: "PrivateKeyCiphertextBlob", shape: 13, required: false }, Member { name: "PublicKey", shape: 152, required: false }]) },
        /* 60 */ Shape { name: "GenerateDataKeyRequest", kind: Kind::Structure(&[Member { name: "DryRun", shape: 143, required: false }, Member { name: "EncryptionContext", shape: 51, required: false }, Member { name: "GrantTokens", shape: 83, required: false }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "KeySpec", shape: 27, required: false }, Member { name: "NumberOfBytes", shape: 144, required: false }, Member { name: "Recipient", shape: 156, required: false }]) },
        /* 61 */ Shape { name: "GenerateDataKeyResponse", kind: Kind::Structure(&[Member { name: "CiphertextBlob", shape: 13, required: false }, Member { name: "CiphertextForRecipient", shape: 13, required: false }, Member { name: "KeyId", shape: 107, required: false }, Member { name: "KeyMaterialId", shape: 9, required: false }, Member { name: "Plaintext", shape: 147, required: false }]) },
        /* 62 */ Shape { name: "GenerateDataKeyWithoutPlaintextRequest", kind: Kind::Structure(&[Member { name: "DryRun", shape: 143, required: false }, Member { name: "EncryptionContext", shape: 51, required: false }, Member { name: "GrantTokens", shape: 83, required: false }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "KeySpec", shape: 27, required: false }, Member { name: "NumberOfBytes", shape: 144, required: false }]) },
        /* 63 */ Shape { name: "GenerateDataKeyWithoutPlaintextResponse", kind: Kind::Structure(&[Member { name: "CiphertextBlob", shape: 13, required: false }, Member { name: "KeyId", shape: 107, required: false }, Member { name: "KeyMaterialId", shape: 9, required: false }]) },
        /* 64 */ Shape { name: "GenerateMacRequest", kind: Kind::Structure(&[Member { name: "DryRun", shape: 143, required: false }, Member { name: "GrantTokens", shape: 83, required: false }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "MacAlgorithm", shape: 133, required: true }, Member { name: "Message", shape: 147, required: true }]) },
        /* 65 */ Shape { name: "GenerateMacResponse", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: false }, Member { name: "Mac", shape: 13, required: false }, Member { name: "MacAlgorithm", shape: 133, required: false }]) },
        /* 66 */ Shape { name: "GenerateRandomRequest", kind: Kind::Structure(&[Member { name: "CustomKeyStoreId", shape: 22, required: false }, Member { name: "NumberOfBytes", shape: 144, required: false }, Member { name: "Recipient", shape: 156, required: false }]) },
        /* 67 */ Shape { name: "GenerateRandomResponse", kind: Kind::Structure(&[Member { name: "CiphertextForRecipient", shape: 13, required: false }, Member { name: "Plaintext", shape: 147, required: false }]) },
        /* 68 */ Shape { name: "GetKeyPolicyRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }, Member { name: "PolicyName", shape: 149, required: false }]) },
        /* 69 */ Shape { name: "GetKeyPolicyResponse", kind: Kind::Structure(&[Member { name: "Policy", shape: 150, required: false }, Member { name: "PolicyName", shape: 149, required: false }]) },
        /* 70 */ Shape { name: "GetKeyRotationStatusRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }]) },
        /* 71 */ Shape { name: "GetKeyRotationStatusResponse", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: false }, Member { name: "KeyRotationEnabled", shape: 10, required: false }, Member { name: "NextRotationDate", shape: 28, required: false }, Member { name: "OnDemandRotationStartDate", shape: 28, required: false }, Member { name: "RotationPeriodInDays", shape: 162, required: false }]) },
        /* 72 */ Shape { name: "GetParametersForImportRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }, Member { name: "WrappingAlgorithm", shape: 1, required: true }, Member { name: "WrappingKeySpec", shape: 187, required: true }]) },
        /* 73 */ Shape { name: "GetParametersForImportResponse", kind: Kind::Structure(&[Member { name: "ImportToken", shape: 13, required: false }, Member { name: "KeyId", shape: 107, required: false }, Member { name: "ParametersValidTo", shape: 28, required: false }, Member { name: "PublicKey", shape: 147, required: false }]) },
        /* 74 */ Shape { name: "GetPublicKeyRequest", kind: Kind::Structure(&[Member { name: "GrantTokens", shape: 83, required: false }, Member { name: "KeyId", shape: 107, required: true }]) },
        /* 75 */ Shape { name: "GetPublicKeyResponse", kind: Kind::Structure(&[Member { name: "CustomerMasterKeySpec", shape: 25, required: false }, Member { name: "EncryptionAlgorithms", shape: 49, required: false }, Member { name: "KeyAgreementAlgorithms", shape: 105, required: false }, Member { name: "KeyId", shape: 107, required: false }, Member { name: "KeySpec", shape: 114, required: false }, Member { name: "KeyUsage", shape: 117, required: false }, Member { name: "PublicKey", shape: 152, required: false }, Member { name: "SigningAlgorithms", shape: 171, required: false }]) },
        /* 76 */ Shape { name: "GrantConstraints", kind: Kind::Structure(&[Member { name: "EncryptionContextEquals", shape: 51, required: false }, Member { name: "EncryptionContextSubset", shape: 51, required: false }]) },
        /* 77 */ Shape { name: "GrantIdType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(128) }, pattern: None, values: &[], sensitive: false }) },
        /* 78 */ Shape { name: "GrantList", kind: Kind::List { member: 79, length: Bound { min: None, max: None } } },
        /* 79 */ Shape { name: "GrantListEntry", kind: Kind::Structure(&[Member { name: "Constraints", shape: 76, required: false }, Member { name: "CreationDate", shape: 28, required: false }, Member { name: "GrantId", shape: 77, required: false }, Member { name: "GranteePrincipal", shape: 151, required: false }, Member { name: "IssuingAccount", shape: 151, required: false }, Member { name: "KeyId", shape: 107, required: false }, Member { name: "Name", shape: 80, required: false }, Member { name: "Operations", shape: 82, required: false }, Member { name: "RetiringPrincipal", shape: 151, required: false }]) },
        /* 80 */ Shape { name: "GrantNameType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(256) }, pattern: Some("^[a-zA-Z0-9:/_-]+$"), values: &[], sensitive: false }) },
        /* 81 */ Shape { name: "GrantOperation", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify", "GetPublicKey", "CreateGrant", "RetireGrant", "DescribeKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateMac", "VerifyMac", "DeriveSharedSecret"], sensitive: false }) },
        /* 82 */ Shape { name: "GrantOperationList", kind: Kind::List { member: 81, length: Bound { min: None, max: None } } },
        /* 83 */ Shape { name: "GrantTokenList", kind: Kind::List { member: 84, length: Bound { min: Some(0), max: Some(10) } } },
        /* 84 */ Shape { name: "GrantTokenType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(8192) }, pattern: None, values: &[], sensitive: false }) },
        /* 85 */ Shape { name: "ImportKeyMaterialRequest", kind: Kind::Structure(&[Member { name: "EncryptedKeyMaterial", shape: 13, required: true }, Member { name: "ExpirationModel", shape: 54, required: false }, Member { name: "ImportToken", shape: 13, required: true }, Member { name: "ImportType", shape: 88, required: false }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "KeyMaterialDescription", shape: 111, required: false }, Member { name: "KeyMaterialId", shape: 9, required: false }, Member { name: "ValidTo", shape: 28, required: false }]) },
        /* 86 */ Shape { name: "ImportKeyMaterialResponse", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: false }, Member { name: "KeyMaterialId", shape: 9, required: false }]) },
        /* 87 */ Shape { name: "ImportState", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["IMPORTED", "PENDING_IMPORT"], sensitive: false }) },
        /* 88 */ Shape { name: "ImportType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["NEW_KEY_MATERIAL", "EXISTING_KEY_MATERIAL"], sensitive: false }) },
        /* 89 */ Shape { name: "IncludeKeyMaterial", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ALL_KEY_MATERIAL", "ROTATIONS_ONLY"], sensitive: false }) },
        /* 90 */ Shape { name: "IncorrectKeyException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 91 */ Shape { name: "IncorrectKeyMaterialException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 92 */ Shape { name: "InvalidAliasNameException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 93 */ Shape { name: "InvalidArnException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 94 */ Shape { name: "InvalidCiphertextException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 95 */ Shape { name: "InvalidGrantIdException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 96 */ Shape { name: "InvalidGrantTokenException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 97 */ Shape { name: "InvalidImportTokenException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 98 */ Shape { name: "InvalidKeyUsageException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 99 */ Shape { name: "InvalidMarkerException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 100 */ Shape { name: "KMSInternalException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 101 */ Shape { name: "KMSInvalidMacException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 102 */ Shape { name: "KMSInvalidSignatureException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 103 */ Shape { name: "KMSInvalidStateException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 104 */ Shape { name: "KeyAgreementAlgorithmSpec", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["ECDH"], sensitive: false }) },
        /* 105 */ Shape { name: "KeyAgreementAlgorithmSpecList", kind: Kind::List { member: 104, length: Bound { min: None, max: None } } },
        /* 106 */ Shape { name: "KeyEncryptionMechanism", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["RSAES_OAEP_SHA_256"], sensitive: false }) },
        /* 107 */ Shape { name: "KeyIdType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(2048) }, pattern: None, values: &[], sensitive: false }) },
        /* 108 */ Shape { name: "KeyList", kind: Kind::List { member: 109, length: Bound { min: None, max: None } } },
        /* 109 */ Shape { name: "KeyListEntry", kind: Kind::Structure(&[Member { name: "KeyArn", shape: 6, required: false }, Member { name: "KeyId", shape: 107, required: false }]) },
        /* 110 */ Shape { name: "KeyManagerType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["AWS", "CUSTOMER"], sensitive: false }) },
        /* 111 */ Shape { name: "KeyMaterialDescriptionType", kind: Kind::String(Text { length: Bound { min: Some(0), max: Some(256) }, pattern: Some("^[a-zA-Z0-9:/_\\s.-]+$"), values: &[], sensitive: false }) },
        /* 112 */ Shape { name: "KeyMaterialState", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["NON_CURRENT", "CURRENT", "PENDING_ROTATION", "PENDING_MULTI_REGION_IMPORT_AND_ROTATION"], sensitive: false }) },
        /* 113 */ Shape { name: "KeyMetadata", kind: Kind::Structure(&[Member { name: "AWSAccountId", shape: 0, required: false }, Member { name: "Arn", shape: 6, required: false }, Member { name: "CloudHsmClusterId", shape: 14, required: false }, Member { name: "CreationDate", shape: 28, required: false }, Member { name: "CurrentKeyMaterialId", shape: 9, required: false }, Member { name: "CustomKeyStoreId", shape: 22, required: false }, Member { name: "CustomerMasterKeySpec", shape: 25, required: false }, Member { name: "DeletionDate", shape: 28, required: false }, Member { name: "Description", shape: 37, required: false }, Member { name: "Enabled", shape: 10, required: false }, Member { name: "EncryptionAlgorithms", shape: 49, required: false }, Member { name: "ExpirationModel", shape: 54, required: false }, Member { name: "KeyAgreementAlgorithms", shape: 105, required: false }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "KeyManager", shape: 110, required: false }, Member { name: "KeySpec", shape: 114, required: false }, Member { name: "KeyState", shape: 115, required: false }, Member { name: "KeyUsage", shape: 117, required: false }, Member { name: "MacAlgorithms", shape: 134, required: false }, Member { name: "MultiRegion", shape: 143, required: false }, Member { name: "MultiRegionConfiguration", shape: 138, required: false }, Member { name: "Origin", shape: 145, required: false }, Member { name: "PendingDeletionWindowInDays", shape: 146, required: false }, Member { name: "SigningAlgorithms", shape: 171, required: false }, Member { name: "ValidTo", shape: 28, required: false }, Member { name: "XksKeyConfiguration", shape: 189, required: false }]) },
        /* 114 */ Shape { name: "KeySpec", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512", "SM2", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ECC_NIST_EDWARDS25519"], sensitive: false }) },
        /* 115 */ Shape { name: "KeyState", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["Creating", "Enabled", "Disabled", "PendingDeletion", "PendingImport", "PendingReplicaDeletion", "Unavailable", "Updating"], sensitive: false }) },
        /* 116 */ Shape { name: "KeyUnavailableException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 117 */ Shape { name: "KeyUsageType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"], sensitive: false }) },
        /* 118 */ Shape { name: "LimitExceededException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 119 */ Shape { name: "LimitType", kind: Kind::Integer(Bound { min: Some(1), max: Some(1000) }) },
        /* 120 */ Shape { name: "ListAliasesRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: false }, Member { name: "Limit", shape: 119, required: false }, Member { name: "Marker", shape: 136, required: false }]) },
        /* 121 */ Shape { name: "ListAliasesResponse", kind: Kind::Structure(&[Member { name: "Aliases", shape: 2, required: false }, Member { name: "NextMarker", shape: 136, required: false }, Member { name: "Truncated", shape: 10, required: false }]) },
        /* 122 */ Shape { name: "ListGrantsRequest", kind: Kind::Structure(&[Member { name: "GrantId", shape: 77, required: false }, Member { name: "GranteePrincipal", shape: 151, required: false }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "Limit", shape: 119, required: false }, Member { name: "Marker", shape: 136, required: false }]) },
        /* 123 */ Shape { name: "ListGrantsResponse", kind: Kind::Structure(&[Member { name: "Grants", shape: 78, required: false }, Member { name: "NextMarker", shape: 136, required: false }, Member { name: "Truncated", shape: 10, required: false }]) },
        /* 124 */ Shape { name: "ListKeyPoliciesRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }, Member { name: "Limit", shape: 119, required: false }, Member { name: "Marker", shape: 136, required: false }]) },
        /* 125 */ Shape { name: "ListKeyPoliciesResponse", kind: Kind::Structure(&[Member { name: "NextMarker", shape: 136, required: false }, Member { name: "PolicyNames", shape: 148, required: false }, Member { name: "Truncated", shape: 10, required: false }]) },
        /* 126 */ Shape { name: "ListKeyRotationsRequest", kind: Kind::Structure(&[Member { name: "IncludeKeyMaterial", shape: 89, required: false }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "Limit", shape: 119, required: false }, Member { name: "Marker", shape: 136, required: false }]) },
        /* 127 */ Shape { name: "ListKeyRotationsResponse", kind: Kind::Structure(&[Member { name: "NextMarker", shape: 136, required: false }, Member { name: "Rotations", shape: 164, required: false }, Member { name: "Truncated", shape: 10, required: false }]) },
        /* 128 */ Shape { name: "ListKeysRequest", kind: Kind::Structure(&[Member { name: "Limit", shape: 119, required: false }, Member { name: "Marker", shape: 136, required: false }]) },
        /* 129 */ Shape { name: "ListKeysResponse", kind: Kind::Structure(&[Member { name: "Keys", shape: 108, required: false }, Member { name: "NextMarker", shape: 136, required: false }, Member { name: "Truncated", shape: 10, required: false }]) },
        /* 130 */ Shape { name: "ListResourceTagsRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }, Member { name: "Limit", shape: 119, required: false }, Member { name: "Marker", shape: 136, required: false }]) },
        /* 131 */ Shape { name: "ListResourceTagsResponse", kind: Kind::Structure(&[Member { name: "NextMarker", shape: 136, required: false }, Member { name: "Tags", shape: 176, required: false }, Member { name: "Truncated", shape: 10, required: false }]) },
        /* 132 */ Shape { name: "ListRetirableGrantsRequest", kind: Kind::Structure(&[Member { name: "Limit", shape: 119, required: false }, Member { name: "Marker", shape: 136, required: false }, Member { name: "RetiringPrincipal", shape: 151, required: true }]) },
        /* 133 */ Shape { name: "MacAlgorithmSpec", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["HMAC_SHA_224", "HMAC_SHA_256", "HMAC_SHA_384", "HMAC_SHA_512"], sensitive: false }) },
        /* 134 */ Shape { name: "MacAlgorithmSpecList", kind: Kind::List { member: 133, length: Bound { min: None, max: None } } },
        /* 135 */ Shape { name: "MalformedPolicyDocumentException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 136 */ Shape { name: "MarkerType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(1024) }, pattern: Some("[\\u0020-\\u00FF]*"), values: &[], sensitive: false }) },
        /* 137 */ Shape { name: "MessageType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["RAW", "DIGEST", "EXTERNAL_MU"], sensitive: false }) },
        /* 138 */ Shape { name: "MultiRegionConfiguration", kind: Kind::Structure(&[Member { name: "MultiRegionKeyType", shape: 141, required: false }, Member { name: "PrimaryKey", shape: 139, required: false }, Member { name: "ReplicaKeys", shape: 140, required: false }]) },
        /* 139 */ Shape { name: "MultiRegionKey", kind: Kind::Structure(&[Member { name: "Arn", shape: 6, required: false }, Member { name: "Region", shape: 157, required: false }]) },
        /* 140 */ Shape { name: "MultiRegionKeyList", kind: Kind::List { member: 139, length: Bound { min: None, max: None } } },
        /* 141 */ Shape { name: "MultiRegionKeyType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["PRIMARY", "REPLICA"], sensitive: false }) },
        /* 142 */ Shape { name: "NotFoundException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 143 */ Shape { name: "NullableBooleanType", kind: Kind::Boolean },
        /* 144 */ Shape { name: "NumberOfBytesType", kind: Kind::Integer(Bound { min: Some(1), max: Some(1024) }) },
        /* 145 */ Shape { name: "OriginType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE"], sensitive: false }) },
        /* 146 */ Shape { name: "PendingWindowInDaysType", kind: Kind::Integer(Bound { min: Some(1), max: Some(365) }) },
        /* 147 */ Shape { name: "PlaintextType", kind: Kind::Blob { length: Bound { min: Some(1), max: Some(4096) }, sensitive: true } },
        /* 148 */ Shape { name: "PolicyNameList", kind: Kind::List { member: 149, length: Bound { min: None, max: None } } },
        /* 149 */ Shape { name: "PolicyNameType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(128) }, pattern: Some("[\\w]+"), values: &[], sensitive: false }) },
        /* 150 */ Shape { name: "PolicyType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(131072) }, pattern: Some("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+"), values: &[], sensitive: false }) },
        /* 151 */ Shape { name: "PrincipalIdType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(256) }, pattern: Some("^[\\w+=,.@:/-]+$"), values: &[], sensitive: false }) },
        /* 152 */ Shape { name: "PublicKeyType", kind: Kind::Blob { length: Bound { min: Some(1), max: Some(8192) }, sensitive: false } },
        /* 153 */ Shape { name: "PutKeyPolicyRequest", kind: Kind::Structure(&[Member { name: "BypassPolicyLockoutSafetyCheck", shape: 10, required: false }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "Policy", shape: 150, required: true }, Member { name: "PolicyName", shape: 149, required: false }]) },
        /* 154 */ Shape { name: "ReEncryptRequest", kind: Kind::Structure(&[Member { name: "CiphertextBlob", shape: 13, required: false }, Member { name: "DestinationEncryptionAlgorithm", shape: 48, required: false }, Member { name: "DestinationEncryptionContext", shape: 51, required: false }, Member { name: "DestinationKeyId", shape: 107, required: true }, Member { name: "DryRun", shape: 143, required: false }, Member { name: "DryRunModifiers", shape: 41, required: false }, Member { name: "GrantTokens", shape: 83, required: false }, Member { name: "SourceEncryptionAlgorithm", shape: 48, required: false }, Member { name: "SourceEncryptionContext", shape: 51, required: false }, Member { name: "SourceKeyId", shape: 107, required: false }]) },
        /* 155 */ Shape { name: "ReEncryptResponse", kind: Kind::Structure(&[Member { name: "CiphertextBlob", shape: 13, required: false }, Member { name: "DestinationEncryptionAlgorithm", shape: 48, required: false }, Member { name: "DestinationKeyMaterialId", shape: 9, required: false }, Member { name: "KeyId", shape: 107, required: false }, Member { name: "SourceEncryptionAlgorithm", shape: 48, required: false }, Member { name: "SourceKeyId", shape: 107, required: false }, Member { name: "SourceKeyMaterialId", shape: 9, required: false }]) },
        /* 156 */ Shape { name: "RecipientInfo", kind: Kind::Structure(&[Member { name: "AttestationDocument", shape: 7, required: false }, Member { name: "KeyEncryptionAlgorithm", shape: 106, required: false }]) },
        /* 157 */ Shape { name: "RegionType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(32) }, pattern: Some("^([a-z]+-){2,3}\\d+$"), values: &[], sensitive: false }) },
        /* 158 */ Shape { name: "RetireGrantRequest", kind: Kind::Structure(&[Member { name: "DryRun", shape: 143, required: false }, Member { name: "GrantId", shape: 77, required: false }, Member { name: "GrantToken", shape: 84, required: false }, Member { name: "KeyId", shape: 107, required: false }]) },
        /* 159 */ Shape { name: "RevokeGrantRequest", kind: Kind::Structure(&[Member { name: "DryRun", shape: 143, required: false }, Member { name: "GrantId", shape: 77, required: true }, Member { name: "KeyId", shape: 107, required: true }]) },
        /* 160 */ Shape { name: "RotateKeyOnDemandRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }]) },
        /* 161 */ Shape { name: "RotateKeyOnDemandResponse", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: false }]) },
        /* 162 */ Shape { name: "RotationPeriodInDaysType", kind: Kind::Integer(Bound { min: Some(90), max: Some(2560) }) },
        /* 163 */ Shape { name: "RotationType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["AUTOMATIC", "ON_DEMAND"], sensitive: false }) },
        /* 164 */ Shape { name: "RotationsList", kind: Kind::List { member: 165, length: Bound { min: None, max: None } } },
        /* 165 */ Shape { name: "RotationsListEntry", kind: Kind::Structure(&[Member { name: "ExpirationModel", shape: 54, required: false }, Member { name: "ImportState", shape: 87, required: false }, Member { name: "KeyId", shape: 107, required: false }, Member { name: "KeyMaterialDescription", shape: 111, required: false }, Member { name: "KeyMaterialId", shape: 9, required: false }, Member { name: "KeyMaterialState", shape: 112, required: false }, Member { name: "RotationDate", shape: 28, required: false }, Member { name: "RotationType", shape: 163, required: false }, Member { name: "ValidTo", shape: 28, required: false }]) },
        /* 166 */ Shape { name: "ScheduleKeyDeletionRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }, Member { name: "PendingWindowInDays", shape: 146, required: false }]) },
        /* 167 */ Shape { name: "ScheduleKeyDeletionResponse", kind: Kind::Structure(&[Member { name: "DeletionDate", shape: 28, required: false }, Member { name: "KeyId", shape: 107, required: false }, Member { name: "KeyState", shape: 115, required: false }, Member { name: "PendingWindowInDays", shape: 146, required: false }]) },
        /* 168 */ Shape { name: "SignRequest", kind: Kind::Structure(&[Member { name: "DryRun", shape: 143, required: false }, Member { name: "GrantTokens", shape: 83, required: false }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "Message", shape: 147, required: true }, Member { name: "MessageType", shape: 137, required: false }, Member { name: "SigningAlgorithm", shape: 170, required: true }]) },
        /* 169 */ Shape { name: "SignResponse", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: false }, Member { name: "Signature", shape: 13, required: false }, Member { name: "SigningAlgorithm", shape: 170, required: false }]) },
        /* 170 */ Shape { name: "SigningAlgorithmSpec", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512", "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512", "ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512", "SM2DSA", "ML_DSA_SHAKE_256", "ED25519_SHA_512", "ED25519_PH_SHA_512"], sensitive: false }) },
        /* 171 */ Shape { name: "SigningAlgorithmSpecList", kind: Kind::List { member: 170, length: Bound { min: None, max: None } } },
        /* 172 */ Shape { name: "Tag", kind: Kind::Structure(&[Member { name: "TagKey", shape: 175, required: true }, Member { name: "TagValue", shape: 178, required: true }]) },
        /* 173 */ Shape { name: "TagException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 174 */ Shape { name: "TagKeyList", kind: Kind::List { member: 175, length: Bound { min: None, max: None } } },
        /* 175 */ Shape { name: "TagKeyType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(128) }, pattern: None, values: &[], sensitive: false }) },
        /* 176 */ Shape { name: "TagList", kind: Kind::List { member: 172, length: Bound { min: None, max: None } } },
        /* 177 */ Shape { name: "TagResourceRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }, Member { name: "Tags", shape: 176, required: true }]) },
        /* 178 */ Shape { name: "TagValueType", kind: Kind::String(Text { length: Bound { min: Some(0), max: Some(256) }, pattern: None, values: &[], sensitive: false }) },
        /* 179 */ Shape { name: "UnsupportedOperationException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 180 */ Shape { name: "UntagResourceRequest", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: true }, Member { name: "TagKeys", shape: 174, required: true }]) },
        /* 181 */ Shape { name: "UpdateAliasRequest", kind: Kind::Structure(&[Member { name: "AliasName", shape: 4, required: true }, Member { name: "TargetKeyId", shape: 107, required: true }]) },
        /* 182 */ Shape { name: "UpdateKeyDescriptionRequest", kind: Kind::Structure(&[Member { name: "Description", shape: 37, required: true }, Member { name: "KeyId", shape: 107, required: true }]) },
        /* 183 */ Shape { name: "VerifyMacRequest", kind: Kind::Structure(&[Member { name: "DryRun", shape: 143, required: false }, Member { name: "GrantTokens", shape: 83, required: false }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "Mac", shape: 13, required: true }, Member { name: "MacAlgorithm", shape: 133, required: true }, Member { name: "Message", shape: 147, required: true }]) },
        /* 184 */ Shape { name: "VerifyMacResponse", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: false }, Member { name: "MacAlgorithm", shape: 133, required: false }, Member { name: "MacValid", shape: 10, required: false }]) },
        /* 185 */ Shape { name: "VerifyRequest", kind: Kind::Structure(&[Member { name: "DryRun", shape: 143, required: false }, Member { name: "GrantTokens", shape: 83, required: false }, Member { name: "KeyId", shape: 107, required: true }, Member { name: "Message", shape: 147, required: true }, Member { name: "MessageType", shape: 137, required: false }, Member { name: "Signature", shape: 13, required: true }, Member { name: "SigningAlgorithm", shape: 170, required: true }]) },
        /* 186 */ Shape { name: "VerifyResponse", kind: Kind::Structure(&[Member { name: "KeyId", shape: 107, required: false }, Member { name: "SignatureValid", shape: 10, required: false }, Member { name: "SigningAlgorithm", shape: 170, required: false }]) },
        /* 187 */ Shape { name: "WrappingKeySpec", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["RSA_2048", "RSA_3072", "RSA_4096", "SM2"], sensitive: false }) },
        /* 188 */ Shape { name: "XksKeyAlreadyInUseException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 189 */ Shape { name: "XksKeyConfigurationType", kind: Kind::Structure(&[Member { name: "Id", shape: 190, required: false }]) },
        /* 190 */ Shape { name: "XksKeyIdType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(128) }, pattern: Some("^[a-zA-Z0-9-_.]+$"), values: &[], sensitive: false }) },
        /* 191 */ Shape { name: "XksKeyInvalidConfigurationException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
        /* 192 */ Shape { name: "XksKeyNotFoundException", kind: Kind::Structure(&[Member { name: "message", shape: 53, required: false }]) },
    ],
    all_operations: &["CancelKeyDeletion", "ConnectCustomKeyStore", "CreateAlias", "CreateCustomKeyStore", "CreateGrant", "CreateKey", "Decrypt", "DeleteAlias", "DeleteCustomKeyStore", "DeleteImportedKeyMaterial", "DeriveSharedSecret", "DescribeCustomKeyStores", "DescribeKey", "DisableKey", "DisableKeyRotation", "DisconnectCustomKeyStore", "EnableKey", "EnableKeyRotation", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac", "GenerateRandom", "GetKeyLastUsage", "GetKeyPolicy", "GetKeyRotationStatus", "GetParametersForImport", "GetPublicKey", "ImportKeyMaterial", "ListAliases", "ListGrants", "ListKeyPolicies", "ListKeyRotations", "ListKeys", "ListResourceTags", "ListRetirableGrants", "PutKeyPolicy", "ReEncrypt", "ReplicateKey", "RetireGrant", "RevokeGrant", "RotateKeyOnDemand", "ScheduleKeyDeletion", "Sign", "TagResource", "UntagResource", "UpdateAlias", "UpdateCustomKeyStore", "UpdateKeyDescription", "UpdatePrimaryRegion", "Verify", "VerifyMac"],
    patterns: &PATTERNS,
};

crate::wire_enum! {
    /// The model's `AlgorithmSpec`.
    AlgorithmSpec { RsaesPkcs1V15 => "RSAES_PKCS1_V1_5", RsaesOaepSha1 => "RSAES_OAEP_SHA_1", RsaesOaepSha256 => "RSAES_OAEP_SHA_256", RsaAesKeyWrapSha1 => "RSA_AES_KEY_WRAP_SHA_1", RsaAesKeyWrapSha256 => "RSA_AES_KEY_WRAP_SHA_256", Sm2Pke => "SM2PKE" }
}

/// The model's `AliasListEntry`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AliasListEntry {
    /// `AliasArn`.
    #[serde(rename = "AliasArn", default, skip_serializing_if = "Option::is_none")]
    pub alias_arn: Option<String>,
    /// `AliasName`.
    #[serde(rename = "AliasName", default, skip_serializing_if = "Option::is_none")]
    pub alias_name: Option<String>,
    /// `CreationDate`.
    #[serde(rename = "CreationDate", default, skip_serializing_if = "Option::is_none")]
    pub creation_date: Option<Time>,
    /// `LastUpdatedDate`.
    #[serde(rename = "LastUpdatedDate", default, skip_serializing_if = "Option::is_none")]
    pub last_updated_date: Option<Time>,
    /// `TargetKeyId`.
    #[serde(rename = "TargetKeyId", default, skip_serializing_if = "Option::is_none")]
    pub target_key_id: Option<String>,
}

/// The model's `CancelKeyDeletionRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CancelKeyDeletionRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
}

/// The model's `CancelKeyDeletionResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CancelKeyDeletionResponse {
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
}

/// The model's `CreateAliasRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreateAliasRequest {
    /// `AliasName`.
    #[serde(rename = "AliasName")]
    pub alias_name: String,
    /// `TargetKeyId`.
    #[serde(rename = "TargetKeyId")]
    pub target_key_id: String,
}

/// The model's `CreateGrantRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreateGrantRequest {
    /// `Constraints`.
    #[serde(rename = "Constraints", default, skip_serializing_if = "Option::is_none")]
    pub constraints: Option<GrantConstraints>,
    /// `DryRun`.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// `GrantTokens`.
    #[serde(rename = "GrantTokens", default, skip_serializing_if = "Option::is_none")]
    pub grant_tokens: Option<Vec<String>>,
    /// `GranteePrincipal`.
    #[serde(rename = "GranteePrincipal")]
    pub grantee_principal: String,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `Name`.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `Operations`.
    #[serde(rename = "Operations")]
    pub operations: Vec<GrantOperation>,
    /// `RetiringPrincipal`.
    #[serde(rename = "RetiringPrincipal", default, skip_serializing_if = "Option::is_none")]
    pub retiring_principal: Option<String>,
}

/// The model's `CreateGrantResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CreateGrantResponse {
    /// `GrantId`.
    #[serde(rename = "GrantId", default, skip_serializing_if = "Option::is_none")]
    pub grant_id: Option<String>,
    /// `GrantToken`.
    #[serde(rename = "GrantToken", default, skip_serializing_if = "Option::is_none")]
    pub grant_token: Option<String>,
}

/// The model's `CreateKeyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreateKeyRequest {
    /// `BypassPolicyLockoutSafetyCheck`.
    #[serde(rename = "BypassPolicyLockoutSafetyCheck", default, skip_serializing_if = "Option::is_none")]
    pub bypass_policy_lockout_safety_check: Option<bool>,
    /// `CustomKeyStoreId`.
    #[serde(rename = "CustomKeyStoreId", default, skip_serializing_if = "Option::is_none")]
    pub custom_key_store_id: Option<String>,
    /// `CustomerMasterKeySpec`.
    #[serde(rename = "CustomerMasterKeySpec", default, skip_serializing_if = "Option::is_none")]
    pub customer_master_key_spec: Option<CustomerMasterKeySpec>,
    /// `Description`.
    #[serde(rename = "Description", default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `KeySpec`.
    #[serde(rename = "KeySpec", default, skip_serializing_if = "Option::is_none")]
    pub key_spec: Option<KeySpec>,
    /// `KeyUsage`.
    #[serde(rename = "KeyUsage", default, skip_serializing_if = "Option::is_none")]
    pub key_usage: Option<KeyUsageType>,
    /// `MultiRegion`.
    #[serde(rename = "MultiRegion", default, skip_serializing_if = "Option::is_none")]
    pub multi_region: Option<bool>,
    /// `Origin`.
    #[serde(rename = "Origin", default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<OriginType>,
    /// `Policy`.
    #[serde(rename = "Policy", default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// `Tags`.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `XksKeyId`.
    #[serde(rename = "XksKeyId", default, skip_serializing_if = "Option::is_none")]
    pub xks_key_id: Option<String>,
}

/// The model's `CreateKeyResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CreateKeyResponse {
    /// `KeyMetadata`.
    #[serde(rename = "KeyMetadata", default, skip_serializing_if = "Option::is_none")]
    pub key_metadata: Option<KeyMetadata>,
}

crate::wire_enum! {
    /// The model's `CustomerMasterKeySpec`.
    CustomerMasterKeySpec { Rsa2048 => "RSA_2048", Rsa3072 => "RSA_3072", Rsa4096 => "RSA_4096", EccNistP256 => "ECC_NIST_P256", EccNistP384 => "ECC_NIST_P384", EccNistP521 => "ECC_NIST_P521", EccSecgP256K1 => "ECC_SECG_P256K1", SymmetricDefault => "SYMMETRIC_DEFAULT", Hmac224 => "HMAC_224", Hmac256 => "HMAC_256", Hmac384 => "HMAC_384", Hmac512 => "HMAC_512", Sm2 => "SM2" }
}

crate::wire_enum! {
    /// The model's `DataKeyPairSpec`.
    DataKeyPairSpec { Rsa2048 => "RSA_2048", Rsa3072 => "RSA_3072", Rsa4096 => "RSA_4096", EccNistP256 => "ECC_NIST_P256", EccNistP384 => "ECC_NIST_P384", EccNistP521 => "ECC_NIST_P521", EccSecgP256K1 => "ECC_SECG_P256K1", Sm2 => "SM2", EccNistEdwards25519 => "ECC_NIST_EDWARDS25519" }
}

crate::wire_enum! {
    /// The model's `DataKeySpec`.
    DataKeySpec { Aes256 => "AES_256", Aes128 => "AES_128" }
}

/// The model's `DecryptRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DecryptRequest {
    /// `CiphertextBlob`.
    #[serde(rename = "CiphertextBlob", default, skip_serializing_if = "Option::is_none")]
    pub ciphertext_blob: Option<Blob>,
    /// `DryRun`.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// `DryRunModifiers`.
    #[serde(rename = "DryRunModifiers", default, skip_serializing_if = "Option::is_none")]
    pub dry_run_modifiers: Option<Vec<DryRunModifierType>>,
    /// `EncryptionAlgorithm`.
    #[serde(rename = "EncryptionAlgorithm", default, skip_serializing_if = "Option::is_none")]
    pub encryption_algorithm: Option<EncryptionAlgorithmSpec>,
    /// `EncryptionContext`.
    #[serde(rename = "EncryptionContext", default, skip_serializing_if = "Option::is_none")]
    pub encryption_context: Option<BTreeMap<String, String>>,
    /// `GrantTokens`.
    #[serde(rename = "GrantTokens", default, skip_serializing_if = "Option::is_none")]
    pub grant_tokens: Option<Vec<String>>,
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `Recipient`.
    #[serde(rename = "Recipient", default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<RecipientInfo>,
}

/// The model's `DecryptResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DecryptResponse {
    /// `CiphertextForRecipient`.
    #[serde(rename = "CiphertextForRecipient", default, skip_serializing_if = "Option::is_none")]
    pub ciphertext_for_recipient: Option<Blob>,
    /// `EncryptionAlgorithm`.
    #[serde(rename = "EncryptionAlgorithm", default, skip_serializing_if = "Option::is_none")]
    pub encryption_algorithm: Option<EncryptionAlgorithmSpec>,
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `KeyMaterialId`.
    #[serde(rename = "KeyMaterialId", default, skip_serializing_if = "Option::is_none")]
    pub key_material_id: Option<String>,
    /// `Plaintext`.
    #[serde(rename = "Plaintext", default, skip_serializing_if = "Option::is_none")]
    pub plaintext: Option<SecretBytes>,
}

/// The model's `DeleteAliasRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteAliasRequest {
    /// `AliasName`.
    #[serde(rename = "AliasName")]
    pub alias_name: String,
}

/// The model's `DeleteImportedKeyMaterialRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteImportedKeyMaterialRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `KeyMaterialId`.
    #[serde(rename = "KeyMaterialId", default, skip_serializing_if = "Option::is_none")]
    pub key_material_id: Option<String>,
}

/// The model's `DeleteImportedKeyMaterialResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DeleteImportedKeyMaterialResponse {
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `KeyMaterialId`.
    #[serde(rename = "KeyMaterialId", default, skip_serializing_if = "Option::is_none")]
    pub key_material_id: Option<String>,
}

/// The model's `DescribeKeyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DescribeKeyRequest {
    /// `GrantTokens`.
    #[serde(rename = "GrantTokens", default, skip_serializing_if = "Option::is_none")]
    pub grant_tokens: Option<Vec<String>>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
}

/// The model's `DescribeKeyResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DescribeKeyResponse {
    /// `KeyMetadata`.
    #[serde(rename = "KeyMetadata", default, skip_serializing_if = "Option::is_none")]
    pub key_metadata: Option<KeyMetadata>,
}

/// The model's `DisableKeyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DisableKeyRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
}

/// The model's `DisableKeyRotationRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DisableKeyRotationRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
}

crate::wire_enum! {
    /// The model's `DryRunModifierType`.
    DryRunModifierType { IgnoreCiphertext => "IGNORE_CIPHERTEXT" }
}

/// The model's `EnableKeyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EnableKeyRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
}

/// The model's `EnableKeyRotationRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EnableKeyRotationRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `RotationPeriodInDays`.
    #[serde(rename = "RotationPeriodInDays", default, skip_serializing_if = "Option::is_none")]
    pub rotation_period_in_days: Option<i32>,
}

/// The model's `EncryptRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EncryptRequest {
    /// `DryRun`.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// `EncryptionAlgorithm`.
    #[serde(rename = "EncryptionAlgorithm", default, skip_serializing_if = "Option::is_none")]
    pub encryption_algorithm: Option<EncryptionAlgorithmSpec>,
    /// `EncryptionContext`.
    #[serde(rename = "EncryptionContext", default, skip_serializing_if = "Option::is_none")]
    pub encryption_context: Option<BTreeMap<String, String>>,
    /// `GrantTokens`.
    #[serde(rename = "GrantTokens", default, skip_serializing_if = "Option::is_none")]
    pub grant_tokens: Option<Vec<String>>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `Plaintext`.
    #[serde(rename = "Plaintext")]
    pub plaintext: SecretBytes,
}

/// The model's `EncryptResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EncryptResponse {
    /// `CiphertextBlob`.
    #[serde(rename = "CiphertextBlob", default, skip_serializing_if = "Option::is_none")]
    pub ciphertext_blob: Option<Blob>,
    /// `EncryptionAlgorithm`.
    #[serde(rename = "EncryptionAlgorithm", default, skip_serializing_if = "Option::is_none")]
    pub encryption_algorithm: Option<EncryptionAlgorithmSpec>,
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
}

crate::wire_enum! {
    /// The model's `EncryptionAlgorithmSpec`.
    EncryptionAlgorithmSpec { SymmetricDefault => "SYMMETRIC_DEFAULT", RsaesOaepSha1 => "RSAES_OAEP_SHA_1", RsaesOaepSha256 => "RSAES_OAEP_SHA_256", Sm2Pke => "SM2PKE" }
}

crate::wire_enum! {
    /// The model's `ExpirationModelType`.
    ExpirationModelType { KeyMaterialExpires => "KEY_MATERIAL_EXPIRES", KeyMaterialDoesNotExpire => "KEY_MATERIAL_DOES_NOT_EXPIRE" }
}

/// The model's `GenerateDataKeyPairRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GenerateDataKeyPairRequest {
    /// `DryRun`.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// `EncryptionContext`.
    #[serde(rename = "EncryptionContext", default, skip_serializing_if = "Option::is_none")]
    pub encryption_context: Option<BTreeMap<String, String>>,
    /// `GrantTokens`.
    #[serde(rename = "GrantTokens", default, skip_serializing_if = "Option::is_none")]
    pub grant_tokens: Option<Vec<String>>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `KeyPairSpec`.
    #[serde(rename = "KeyPairSpec")]
    pub key_pair_spec: DataKeyPairSpec,
    /// `Recipient`.
    #[serde(rename = "Recipient", default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<RecipientInfo>,
}

/// The model's `GenerateDataKeyPairResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GenerateDataKeyPairResponse {
    /// `CiphertextForRecipient`.
    #[serde(rename = "CiphertextForRecipient", default, skip_serializing_if = "Option::is_none")]
    pub ciphertext_for_recipient: Option<Blob>,
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `KeyMaterialId`.
    #[serde(rename = "KeyMaterialId", default, skip_serializing_if = "Option::is_none")]
    pub key_material_id: Option<String>,
    /// `KeyPairSpec`.
    #[serde(rename = "KeyPairSpec", default, skip_serializing_if = "Option::is_none")]
    pub key_pair_spec: Option<DataKeyPairSpec>,
    /// `PrivateKeyCiphertextBlob`.
    #[serde(rename = "PrivateKeyCiphertextBlob", default, skip_serializing_if = "Option::is_none")]
    pub private_key_ciphertext_blob: Option<Blob>,
    /// `PrivateKeyPlaintext`.
    #[serde(rename = "PrivateKeyPlaintext", default, skip_serializing_if = "Option::is_none")]
    pub private_key_plaintext: Option<SecretBytes>,
    /// `PublicKey`.
    #[serde(rename = "PublicKey", default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<Blob>,
}

/// The model's `GenerateDataKeyPairWithoutPlaintextRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GenerateDataKeyPairWithoutPlaintextRequest {
    /// `DryRun`.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// `EncryptionContext`.
    #[serde(rename = "EncryptionContext", default, skip_serializing_if = "Option::is_none")]
    pub encryption_context: Option<BTreeMap<String, String>>,
    /// `GrantTokens`.
    #[serde(rename = "GrantTokens", default, skip_serializing_if = "Option::is_none")]
    pub grant_tokens: Option<Vec<String>>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `KeyPairSpec`.
    #[serde(rename = "KeyPairSpec")]
    pub key_pair_spec: DataKeyPairSpec,
}

/// The model's `GenerateDataKeyPairWithoutPlaintextResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GenerateDataKeyPairWithoutPlaintextResponse {
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `KeyMaterialId`.
    #[serde(rename = "KeyMaterialId", default, skip_serializing_if = "Option::is_none")]
    pub key_material_id: Option<String>,
    /// `KeyPairSpec`.
    #[serde(rename = "KeyPairSpec", default, skip_serializing_if = "Option::is_none")]
    pub key_pair_spec: Option<DataKeyPairSpec>,
    /// `PrivateKeyCiphertextBlob`.
    #[serde(rename = "PrivateKeyCiphertextBlob", default, skip_serializing_if = "Option::is_none")]
    pub private_key_ciphertext_blob: Option<Blob>,
    /// `PublicKey`.
    #[serde(rename = "PublicKey", default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<Blob>,
}

/// The model's `GenerateDataKeyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GenerateDataKeyRequest {
    /// `DryRun`.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// `EncryptionContext`.
    #[serde(rename = "EncryptionContext", default, skip_serializing_if = "Option::is_none")]
    pub encryption_context: Option<BTreeMap<String, String>>,
    /// `GrantTokens`.
    #[serde(rename = "GrantTokens", default, skip_serializing_if = "Option::is_none")]
    pub grant_tokens: Option<Vec<String>>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `KeySpec`.
    #[serde(rename = "KeySpec", default, skip_serializing_if = "Option::is_none")]
    pub key_spec: Option<DataKeySpec>,
    /// `NumberOfBytes`.
    #[serde(rename = "NumberOfBytes", default, skip_serializing_if = "Option::is_none")]
    pub number_of_bytes: Option<i32>,
    /// `Recipient`.
    #[serde(rename = "Recipient", default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<RecipientInfo>,
}

/// The model's `GenerateDataKeyResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GenerateDataKeyResponse {
    /// `CiphertextBlob`.
    #[serde(rename = "CiphertextBlob", default, skip_serializing_if = "Option::is_none")]
    pub ciphertext_blob: Option<Blob>,
    /// `CiphertextForRecipient`.
    #[serde(rename = "CiphertextForRecipient", default, skip_serializing_if = "Option::is_none")]
    pub ciphertext_for_recipient: Option<Blob>,
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `KeyMaterialId`.
    #[serde(rename = "KeyMaterialId", default, skip_serializing_if = "Option::is_none")]
    pub key_material_id: Option<String>,
    /// `Plaintext`.
    #[serde(rename = "Plaintext", default, skip_serializing_if = "Option::is_none")]
    pub plaintext: Option<SecretBytes>,
}

/// The model's `GenerateDataKeyWithoutPlaintextRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GenerateDataKeyWithoutPlaintextRequest {
    /// `DryRun`.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// `EncryptionContext`.
    #[serde(rename = "EncryptionContext", default, skip_serializing_if = "Option::is_none")]
    pub encryption_context: Option<BTreeMap<String, String>>,
    /// `GrantTokens`.
    #[serde(rename = "GrantTokens", default, skip_serializing_if = "Option::is_none")]
    pub grant_tokens: Option<Vec<String>>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `KeySpec`.
    #[serde(rename = "KeySpec", default, skip_serializing_if = "Option::is_none")]
    pub key_spec: Option<DataKeySpec>,
    /// `NumberOfBytes`.
    #[serde(rename = "NumberOfBytes", default, skip_serializing_if = "Option::is_none")]
    pub number_of_bytes: Option<i32>,
}

/// The model's `GenerateDataKeyWithoutPlaintextResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GenerateDataKeyWithoutPlaintextResponse {
    /// `CiphertextBlob`.
    #[serde(rename = "CiphertextBlob", default, skip_serializing_if = "Option::is_none")]
    pub ciphertext_blob: Option<Blob>,
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `KeyMaterialId`.
    #[serde(rename = "KeyMaterialId", default, skip_serializing_if = "Option::is_none")]
    pub key_material_id: Option<String>,
}

/// The model's `GenerateMacRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GenerateMacRequest {
    /// `DryRun`.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// `GrantTokens`.
    #[serde(rename = "GrantTokens", default, skip_serializing_if = "Option::is_none")]
    pub grant_tokens: Option<Vec<String>>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `MacAlgorithm`.
    #[serde(rename = "MacAlgorithm")]
    pub mac_algorithm: MacAlgorithmSpec,
    /// `Message`.
    #[serde(rename = "Message")]
    pub message: SecretBytes,
}

/// The model's `GenerateMacResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GenerateMacResponse {
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `Mac`.
    #[serde(rename = "Mac", default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<Blob>,
    /// `MacAlgorithm`.
    #[serde(rename = "MacAlgorithm", default, skip_serializing_if = "Option::is_none")]
    pub mac_algorithm: Option<MacAlgorithmSpec>,
}

/// The model's `GenerateRandomRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GenerateRandomRequest {
    /// `CustomKeyStoreId`.
    #[serde(rename = "CustomKeyStoreId", default, skip_serializing_if = "Option::is_none")]
    pub custom_key_store_id: Option<String>,
    /// `NumberOfBytes`.
    #[serde(rename = "NumberOfBytes", default, skip_serializing_if = "Option::is_none")]
    pub number_of_bytes: Option<i32>,
    /// `Recipient`.
    #[serde(rename = "Recipient", default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<RecipientInfo>,
}

/// The model's `GenerateRandomResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GenerateRandomResponse {
    /// `CiphertextForRecipient`.
    #[serde(rename = "CiphertextForRecipient", default, skip_serializing_if = "Option::is_none")]
    pub ciphertext_for_recipient: Option<Blob>,
    /// `Plaintext`.
    #[serde(rename = "Plaintext", default, skip_serializing_if = "Option::is_none")]
    pub plaintext: Option<SecretBytes>,
}

/// The model's `GetKeyPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GetKeyPolicyRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `PolicyName`.
    #[serde(rename = "PolicyName", default, skip_serializing_if = "Option::is_none")]
    pub policy_name: Option<String>,
}

/// The model's `GetKeyPolicyResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GetKeyPolicyResponse {
    /// `Policy`.
    #[serde(rename = "Policy", default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// `PolicyName`.
    #[serde(rename = "PolicyName", default, skip_serializing_if = "Option::is_none")]
    pub policy_name: Option<String>,
}

/// The model's `GetKeyRotationStatusRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GetKeyRotationStatusRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
}

/// The model's `GetKeyRotationStatusResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GetKeyRotationStatusResponse {
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `KeyRotationEnabled`.
    #[serde(rename = "KeyRotationEnabled", default, skip_serializing_if = "Option::is_none")]
    pub key_rotation_enabled: Option<bool>,
    /// `NextRotationDate`.
    #[serde(rename = "NextRotationDate", default, skip_serializing_if = "Option::is_none")]
    pub next_rotation_date: Option<Time>,
    /// `OnDemandRotationStartDate`.
    #[serde(rename = "OnDemandRotationStartDate", default, skip_serializing_if = "Option::is_none")]
    pub on_demand_rotation_start_date: Option<Time>,
    /// `RotationPeriodInDays`.
    #[serde(rename = "RotationPeriodInDays", default, skip_serializing_if = "Option::is_none")]
    pub rotation_period_in_days: Option<i32>,
}

/// The model's `GetParametersForImportRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GetParametersForImportRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `WrappingAlgorithm`.
    #[serde(rename = "WrappingAlgorithm")]
    pub wrapping_algorithm: AlgorithmSpec,
    /// `WrappingKeySpec`.
    #[serde(rename = "WrappingKeySpec")]
    pub wrapping_key_spec: WrappingKeySpec,
}

/// The model's `GetParametersForImportResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GetParametersForImportResponse {
    /// `ImportToken`.
    #[serde(rename = "ImportToken", default, skip_serializing_if = "Option::is_none")]
    pub import_token: Option<Blob>,
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `ParametersValidTo`.
    #[serde(rename = "ParametersValidTo", default, skip_serializing_if = "Option::is_none")]
    pub parameters_valid_to: Option<Time>,
    /// `PublicKey`.
    #[serde(rename = "PublicKey", default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<SecretBytes>,
}

/// The model's `GetPublicKeyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GetPublicKeyRequest {
    /// `GrantTokens`.
    #[serde(rename = "GrantTokens", default, skip_serializing_if = "Option::is_none")]
    pub grant_tokens: Option<Vec<String>>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
}

/// The model's `GetPublicKeyResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GetPublicKeyResponse {
    /// `CustomerMasterKeySpec`.
    #[serde(rename = "CustomerMasterKeySpec", default, skip_serializing_if = "Option::is_none")]
    pub customer_master_key_spec: Option<CustomerMasterKeySpec>,
    /// `EncryptionAlgorithms`.
    #[serde(rename = "EncryptionAlgorithms", default, skip_serializing_if = "Option::is_none")]
    pub encryption_algorithms: Option<Vec<EncryptionAlgorithmSpec>>,
    /// `KeyAgreementAlgorithms`.
    #[serde(rename = "KeyAgreementAlgorithms", default, skip_serializing_if = "Option::is_none")]
    pub key_agreement_algorithms: Option<Vec<KeyAgreementAlgorithmSpec>>,
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `KeySpec`.
    #[serde(rename = "KeySpec", default, skip_serializing_if = "Option::is_none")]
    pub key_spec: Option<KeySpec>,
    /// `KeyUsage`.
    #[serde(rename = "KeyUsage", default, skip_serializing_if = "Option::is_none")]
    pub key_usage: Option<KeyUsageType>,
    /// `PublicKey`.
    #[serde(rename = "PublicKey", default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<Blob>,
    /// `SigningAlgorithms`.
    #[serde(rename = "SigningAlgorithms", default, skip_serializing_if = "Option::is_none")]
    pub signing_algorithms: Option<Vec<SigningAlgorithmSpec>>,
}

/// The model's `GrantConstraints`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GrantConstraints {
    /// `EncryptionContextEquals`.
    #[serde(rename = "EncryptionContextEquals", default, skip_serializing_if = "Option::is_none")]
    pub encryption_context_equals: Option<BTreeMap<String, String>>,
    /// `EncryptionContextSubset`.
    #[serde(rename = "EncryptionContextSubset", default, skip_serializing_if = "Option::is_none")]
    pub encryption_context_subset: Option<BTreeMap<String, String>>,
}

/// The model's `GrantListEntry`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GrantListEntry {
    /// `Constraints`.
    #[serde(rename = "Constraints", default, skip_serializing_if = "Option::is_none")]
    pub constraints: Option<GrantConstraints>,
    /// `CreationDate`.
    #[serde(rename = "CreationDate", default, skip_serializing_if = "Option::is_none")]
    pub creation_date: Option<Time>,
    /// `GrantId`.
    #[serde(rename = "GrantId", default, skip_serializing_if = "Option::is_none")]
    pub grant_id: Option<String>,
    /// `GranteePrincipal`.
    #[serde(rename = "GranteePrincipal", default, skip_serializing_if = "Option::is_none")]
    pub grantee_principal: Option<String>,
    /// `IssuingAccount`.
    #[serde(rename = "IssuingAccount", default, skip_serializing_if = "Option::is_none")]
    pub issuing_account: Option<String>,
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `Name`.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `Operations`.
    #[serde(rename = "Operations", default, skip_serializing_if = "Option::is_none")]
    pub operations: Option<Vec<GrantOperation>>,
    /// `RetiringPrincipal`.
    #[serde(rename = "RetiringPrincipal", default, skip_serializing_if = "Option::is_none")]
    pub retiring_principal: Option<String>,
}

crate::wire_enum! {
    /// The model's `GrantOperation`.
    GrantOperation { Decrypt => "Decrypt", Encrypt => "Encrypt", GenerateDataKey => "GenerateDataKey", GenerateDataKeyWithoutPlaintext => "GenerateDataKeyWithoutPlaintext", ReEncryptFrom => "ReEncryptFrom", ReEncryptTo => "ReEncryptTo", Sign => "Sign", Verify => "Verify", GetPublicKey => "GetPublicKey", CreateGrant => "CreateGrant", RetireGrant => "RetireGrant", DescribeKey => "DescribeKey", GenerateDataKeyPair => "GenerateDataKeyPair", GenerateDataKeyPairWithoutPlaintext => "GenerateDataKeyPairWithoutPlaintext", GenerateMac => "GenerateMac", VerifyMac => "VerifyMac", DeriveSharedSecret => "DeriveSharedSecret" }
}

/// The model's `ImportKeyMaterialRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ImportKeyMaterialRequest {
    /// `EncryptedKeyMaterial`.
    #[serde(rename = "EncryptedKeyMaterial")]
    pub encrypted_key_material: Blob,
    /// `ExpirationModel`.
    #[serde(rename = "ExpirationModel", default, skip_serializing_if = "Option::is_none")]
    pub expiration_model: Option<ExpirationModelType>,
    /// `ImportToken`.
    #[serde(rename = "ImportToken")]
    pub import_token: Blob,
    /// `ImportType`.
    #[serde(rename = "ImportType", default, skip_serializing_if = "Option::is_none")]
    pub import_type: Option<ImportType>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `KeyMaterialDescription`.
    #[serde(rename = "KeyMaterialDescription", default, skip_serializing_if = "Option::is_none")]
    pub key_material_description: Option<String>,
    /// `KeyMaterialId`.
    #[serde(rename = "KeyMaterialId", default, skip_serializing_if = "Option::is_none")]
    pub key_material_id: Option<String>,
    /// `ValidTo`.
    #[serde(rename = "ValidTo", default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Time>,
}

/// The model's `ImportKeyMaterialResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ImportKeyMaterialResponse {
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `KeyMaterialId`.
    #[serde(rename = "KeyMaterialId", default, skip_serializing_if = "Option::is_none")]
    pub key_material_id: Option<String>,
}

crate::wire_enum! {
    /// The model's `ImportState`.
    ImportState { Imported => "IMPORTED", PendingImport => "PENDING_IMPORT" }
}

crate::wire_enum! {
    /// The model's `ImportType`.
    ImportType { NewKeyMaterial => "NEW_KEY_MATERIAL", ExistingKeyMaterial => "EXISTING_KEY_MATERIAL" }
}

crate::wire_enum! {
    /// The model's `IncludeKeyMaterial`.
    IncludeKeyMaterial { AllKeyMaterial => "ALL_KEY_MATERIAL", RotationsOnly => "ROTATIONS_ONLY" }
}

crate::wire_enum! {
    /// The model's `KeyAgreementAlgorithmSpec`.
    KeyAgreementAlgorithmSpec { Ecdh => "ECDH" }
}

crate::wire_enum! {
    /// The model's `KeyEncryptionMechanism`.
    KeyEncryptionMechanism { RsaesOaepSha256 => "RSAES_OAEP_SHA_256" }
}

/// The model's `KeyListEntry`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct KeyListEntry {
    /// `KeyArn`.
    #[serde(rename = "KeyArn", default, skip_serializing_if = "Option::is_none")]
    pub key_arn: Option<String>,
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
}

crate::wire_enum! {
    /// The model's `KeyManagerType`.
    KeyManagerType { Aws => "AWS", Customer => "CUSTOMER" }
}

crate::wire_enum! {
    /// The model's `KeyMaterialState`.
    KeyMaterialState { NonCurrent => "NON_CURRENT", Current => "CURRENT", PendingRotation => "PENDING_ROTATION", PendingMultiRegionImportAndRotation => "PENDING_MULTI_REGION_IMPORT_AND_ROTATION" }
}

/// The model's `KeyMetadata`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct KeyMetadata {
    /// `AWSAccountId`.
    #[serde(rename = "AWSAccountId", default, skip_serializing_if = "Option::is_none")]
    pub aws_account_id: Option<String>,
    /// `Arn`.
    #[serde(rename = "Arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// `CloudHsmClusterId`.
    #[serde(rename = "CloudHsmClusterId", default, skip_serializing_if = "Option::is_none")]
    pub cloud_hsm_cluster_id: Option<String>,
    /// `CreationDate`.
    #[serde(rename = "CreationDate", default, skip_serializing_if = "Option::is_none")]
    pub creation_date: Option<Time>,
    /// `CurrentKeyMaterialId`.
    #[serde(rename = "CurrentKeyMaterialId", default, skip_serializing_if = "Option::is_none")]
    pub current_key_material_id: Option<String>,
    /// `CustomKeyStoreId`.
    #[serde(rename = "CustomKeyStoreId", default, skip_serializing_if = "Option::is_none")]
    pub custom_key_store_id: Option<String>,
    /// `CustomerMasterKeySpec`.
    #[serde(rename = "CustomerMasterKeySpec", default, skip_serializing_if = "Option::is_none")]
    pub customer_master_key_spec: Option<CustomerMasterKeySpec>,
    /// `DeletionDate`.
    #[serde(rename = "DeletionDate", default, skip_serializing_if = "Option::is_none")]
    pub deletion_date: Option<Time>,
    /// `Description`.
    #[serde(rename = "Description", default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `Enabled`.
    #[serde(rename = "Enabled", default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// `EncryptionAlgorithms`.
    #[serde(rename = "EncryptionAlgorithms", default, skip_serializing_if = "Option::is_none")]
    pub encryption_algorithms: Option<Vec<EncryptionAlgorithmSpec>>,
    /// `ExpirationModel`.
    #[serde(rename = "ExpirationModel", default, skip_serializing_if = "Option::is_none")]
    pub expiration_model: Option<ExpirationModelType>,
    /// `KeyAgreementAlgorithms`.
    #[serde(rename = "KeyAgreementAlgorithms", default, skip_serializing_if = "Option::is_none")]
    pub key_agreement_algorithms: Option<Vec<KeyAgreementAlgorithmSpec>>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `KeyManager`.
    #[serde(rename = "KeyManager", default, skip_serializing_if = "Option::is_none")]
    pub key_manager: Option<KeyManagerType>,
    /// `KeySpec`.
    #[serde(rename = "KeySpec", default, skip_serializing_if = "Option::is_none")]
    pub key_spec: Option<KeySpec>,
    /// `KeyState`.
    #[serde(rename = "KeyState", default, skip_serializing_if = "Option::is_none")]
    pub key_state: Option<KeyState>,
    /// `KeyUsage`.
    #[serde(rename = "KeyUsage", default, skip_serializing_if = "Option::is_none")]
    pub key_usage: Option<KeyUsageType>,
    /// `MacAlgorithms`.
    #[serde(rename = "MacAlgorithms", default, skip_serializing_if = "Option::is_none")]
    pub mac_algorithms: Option<Vec<MacAlgorithmSpec>>,
    /// `MultiRegion`.
    #[serde(rename = "MultiRegion", default, skip_serializing_if = "Option::is_none")]
    pub multi_region: Option<bool>,
    /// `MultiRegionConfiguration`.
    #[serde(rename = "MultiRegionConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub multi_region_configuration: Option<MultiRegionConfiguration>,
    /// `Origin`.
    #[serde(rename = "Origin", default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<OriginType>,
    /// `PendingDeletionWindowInDays`.
    #[serde(rename = "PendingDeletionWindowInDays", default, skip_serializing_if = "Option::is_none")]
    pub pending_deletion_window_in_days: Option<i32>,
    /// `SigningAlgorithms`.
    #[serde(rename = "SigningAlgorithms", default, skip_serializing_if = "Option::is_none")]
    pub signing_algorithms: Option<Vec<SigningAlgorithmSpec>>,
    /// `ValidTo`.
    #[serde(rename = "ValidTo", default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Time>,
    /// `XksKeyConfiguration`.
    #[serde(rename = "XksKeyConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub xks_key_configuration: Option<XksKeyConfigurationType>,
}

crate::wire_enum! {
    /// The model's `KeySpec`.
    KeySpec { Rsa2048 => "RSA_2048", Rsa3072 => "RSA_3072", Rsa4096 => "RSA_4096", EccNistP256 => "ECC_NIST_P256", EccNistP384 => "ECC_NIST_P384", EccNistP521 => "ECC_NIST_P521", EccSecgP256K1 => "ECC_SECG_P256K1", SymmetricDefault => "SYMMETRIC_DEFAULT", Hmac224 => "HMAC_224", Hmac256 => "HMAC_256", Hmac384 => "HMAC_384", Hmac512 => "HMAC_512", Sm2 => "SM2", MlDsa44 => "ML_DSA_44", MlDsa65 => "ML_DSA_65", MlDsa87 => "ML_DSA_87", EccNistEdwards25519 => "ECC_NIST_EDWARDS25519" }
}

crate::wire_enum! {
    /// The model's `KeyState`.
    KeyState { Creating => "Creating", Enabled => "Enabled", Disabled => "Disabled", PendingDeletion => "PendingDeletion", PendingImport => "PendingImport", PendingReplicaDeletion => "PendingReplicaDeletion", Unavailable => "Unavailable", Updating => "Updating" }
}

crate::wire_enum! {
    /// The model's `KeyUsageType`.
    KeyUsageType { SignVerify => "SIGN_VERIFY", EncryptDecrypt => "ENCRYPT_DECRYPT", GenerateVerifyMac => "GENERATE_VERIFY_MAC", KeyAgreement => "KEY_AGREEMENT" }
}

/// The model's `ListAliasesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListAliasesRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `Limit`.
    #[serde(rename = "Limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The model's `ListAliasesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListAliasesResponse {
    /// `Aliases`.
    #[serde(rename = "Aliases", default, skip_serializing_if = "Option::is_none")]
    pub aliases: Option<Vec<AliasListEntry>>,
    /// `NextMarker`.
    #[serde(rename = "NextMarker", default, skip_serializing_if = "Option::is_none")]
    pub next_marker: Option<String>,
    /// `Truncated`.
    #[serde(rename = "Truncated", default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<bool>,
}

/// The model's `ListGrantsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListGrantsRequest {
    /// `GrantId`.
    #[serde(rename = "GrantId", default, skip_serializing_if = "Option::is_none")]
    pub grant_id: Option<String>,
    /// `GranteePrincipal`.
    #[serde(rename = "GranteePrincipal", default, skip_serializing_if = "Option::is_none")]
    pub grantee_principal: Option<String>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `Limit`.
    #[serde(rename = "Limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The model's `ListGrantsResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListGrantsResponse {
    /// `Grants`.
    #[serde(rename = "Grants", default, skip_serializing_if = "Option::is_none")]
    pub grants: Option<Vec<GrantListEntry>>,
    /// `NextMarker`.
    #[serde(rename = "NextMarker", default, skip_serializing_if = "Option::is_none")]
    pub next_marker: Option<String>,
    /// `Truncated`.
    #[serde(rename = "Truncated", default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<bool>,
}

/// The model's `ListKeyPoliciesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListKeyPoliciesRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `Limit`.
    #[serde(rename = "Limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The model's `ListKeyPoliciesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListKeyPoliciesResponse {
    /// `NextMarker`.
    #[serde(rename = "NextMarker", default, skip_serializing_if = "Option::is_none")]
    pub next_marker: Option<String>,
    /// `PolicyNames`.
    #[serde(rename = "PolicyNames", default, skip_serializing_if = "Option::is_none")]
    pub policy_names: Option<Vec<String>>,
    /// `Truncated`.
    #[serde(rename = "Truncated", default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<bool>,
}

/// The model's `ListKeyRotationsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListKeyRotationsRequest {
    /// `IncludeKeyMaterial`.
    #[serde(rename = "IncludeKeyMaterial", default, skip_serializing_if = "Option::is_none")]
    pub include_key_material: Option<IncludeKeyMaterial>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `Limit`.
    #[serde(rename = "Limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The model's `ListKeyRotationsResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListKeyRotationsResponse {
    /// `NextMarker`.
    #[serde(rename = "NextMarker", default, skip_serializing_if = "Option::is_none")]
    pub next_marker: Option<String>,
    /// `Rotations`.
    #[serde(rename = "Rotations", default, skip_serializing_if = "Option::is_none")]
    pub rotations: Option<Vec<RotationsListEntry>>,
    /// `Truncated`.
    #[serde(rename = "Truncated", default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<bool>,
}

/// The model's `ListKeysRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListKeysRequest {
    /// `Limit`.
    #[serde(rename = "Limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The model's `ListKeysResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListKeysResponse {
    /// `Keys`.
    #[serde(rename = "Keys", default, skip_serializing_if = "Option::is_none")]
    pub keys: Option<Vec<KeyListEntry>>,
    /// `NextMarker`.
    #[serde(rename = "NextMarker", default, skip_serializing_if = "Option::is_none")]
    pub next_marker: Option<String>,
    /// `Truncated`.
    #[serde(rename = "Truncated", default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<bool>,
}

/// The model's `ListResourceTagsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListResourceTagsRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `Limit`.
    #[serde(rename = "Limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The model's `ListResourceTagsResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListResourceTagsResponse {
    /// `NextMarker`.
    #[serde(rename = "NextMarker", default, skip_serializing_if = "Option::is_none")]
    pub next_marker: Option<String>,
    /// `Tags`.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `Truncated`.
    #[serde(rename = "Truncated", default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<bool>,
}

/// The model's `ListRetirableGrantsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListRetirableGrantsRequest {
    /// `Limit`.
    #[serde(rename = "Limit", default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `RetiringPrincipal`.
    #[serde(rename = "RetiringPrincipal")]
    pub retiring_principal: String,
}

crate::wire_enum! {
    /// The model's `MacAlgorithmSpec`.
    MacAlgorithmSpec { HmacSha224 => "HMAC_SHA_224", HmacSha256 => "HMAC_SHA_256", HmacSha384 => "HMAC_SHA_384", HmacSha512 => "HMAC_SHA_512" }
}

crate::wire_enum! {
    /// The model's `MessageType`.
    MessageType { Raw => "RAW", Digest => "DIGEST", ExternalMu => "EXTERNAL_MU" }
}

/// The model's `MultiRegionConfiguration`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct MultiRegionConfiguration {
    /// `MultiRegionKeyType`.
    #[serde(rename = "MultiRegionKeyType", default, skip_serializing_if = "Option::is_none")]
    pub multi_region_key_type: Option<MultiRegionKeyType>,
    /// `PrimaryKey`.
    #[serde(rename = "PrimaryKey", default, skip_serializing_if = "Option::is_none")]
    pub primary_key: Option<MultiRegionKey>,
    /// `ReplicaKeys`.
    #[serde(rename = "ReplicaKeys", default, skip_serializing_if = "Option::is_none")]
    pub replica_keys: Option<Vec<MultiRegionKey>>,
}

/// The model's `MultiRegionKey`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct MultiRegionKey {
    /// `Arn`.
    #[serde(rename = "Arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// `Region`.
    #[serde(rename = "Region", default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

crate::wire_enum! {
    /// The model's `MultiRegionKeyType`.
    MultiRegionKeyType { Primary => "PRIMARY", Replica => "REPLICA" }
}

crate::wire_enum! {
    /// The model's `OriginType`.
    OriginType { AwsKms => "AWS_KMS", External => "EXTERNAL", AwsCloudhsm => "AWS_CLOUDHSM", ExternalKeyStore => "EXTERNAL_KEY_STORE" }
}

/// The model's `PutKeyPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PutKeyPolicyRequest {
    /// `BypassPolicyLockoutSafetyCheck`.
    #[serde(rename = "BypassPolicyLockoutSafetyCheck", default, skip_serializing_if = "Option::is_none")]
    pub bypass_policy_lockout_safety_check: Option<bool>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `Policy`.
    #[serde(rename = "Policy")]
    pub policy: String,
    /// `PolicyName`.
    #[serde(rename = "PolicyName", default, skip_serializing_if = "Option::is_none")]
    pub policy_name: Option<String>,
}

/// The model's `ReEncryptRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReEncryptRequest {
    /// `CiphertextBlob`.
    #[serde(rename = "CiphertextBlob", default, skip_serializing_if = "Option::is_none")]
    pub ciphertext_blob: Option<Blob>,
    /// `DestinationEncryptionAlgorithm`.
    #[serde(rename = "DestinationEncryptionAlgorithm", default, skip_serializing_if = "Option::is_none")]
    pub destination_encryption_algorithm: Option<EncryptionAlgorithmSpec>,
    /// `DestinationEncryptionContext`.
    #[serde(rename = "DestinationEncryptionContext", default, skip_serializing_if = "Option::is_none")]
    pub destination_encryption_context: Option<BTreeMap<String, String>>,
    /// `DestinationKeyId`.
    #[serde(rename = "DestinationKeyId")]
    pub destination_key_id: String,
    /// `DryRun`.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// `DryRunModifiers`.
    #[serde(rename = "DryRunModifiers", default, skip_serializing_if = "Option::is_none")]
    pub dry_run_modifiers: Option<Vec<DryRunModifierType>>,
    /// `GrantTokens`.
    #[serde(rename = "GrantTokens", default, skip_serializing_if = "Option::is_none")]
    pub grant_tokens: Option<Vec<String>>,
    /// `SourceEncryptionAlgorithm`.
    #[serde(rename = "SourceEncryptionAlgorithm", default, skip_serializing_if = "Option::is_none")]
    pub source_encryption_algorithm: Option<EncryptionAlgorithmSpec>,
    /// `SourceEncryptionContext`.
    #[serde(rename = "SourceEncryptionContext", default, skip_serializing_if = "Option::is_none")]
    pub source_encryption_context: Option<BTreeMap<String, String>>,
    /// `SourceKeyId`.
    #[serde(rename = "SourceKeyId", default, skip_serializing_if = "Option::is_none")]
    pub source_key_id: Option<String>,
}

/// The model's `ReEncryptResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ReEncryptResponse {
    /// `CiphertextBlob`.
    #[serde(rename = "CiphertextBlob", default, skip_serializing_if = "Option::is_none")]
    pub ciphertext_blob: Option<Blob>,
    /// `DestinationEncryptionAlgorithm`.
    #[serde(rename = "DestinationEncryptionAlgorithm", default, skip_serializing_if = "Option::is_none")]
    pub destination_encryption_algorithm: Option<EncryptionAlgorithmSpec>,
    /// `DestinationKeyMaterialId`.
    #[serde(rename = "DestinationKeyMaterialId", default, skip_serializing_if = "Option::is_none")]
    pub destination_key_material_id: Option<String>,
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `SourceEncryptionAlgorithm`.
    #[serde(rename = "SourceEncryptionAlgorithm", default, skip_serializing_if = "Option::is_none")]
    pub source_encryption_algorithm: Option<EncryptionAlgorithmSpec>,
    /// `SourceKeyId`.
    #[serde(rename = "SourceKeyId", default, skip_serializing_if = "Option::is_none")]
    pub source_key_id: Option<String>,
    /// `SourceKeyMaterialId`.
    #[serde(rename = "SourceKeyMaterialId", default, skip_serializing_if = "Option::is_none")]
    pub source_key_material_id: Option<String>,
}

/// The model's `RecipientInfo`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RecipientInfo {
    /// `AttestationDocument`.
    #[serde(rename = "AttestationDocument", default, skip_serializing_if = "Option::is_none")]
    pub attestation_document: Option<Blob>,
    /// `KeyEncryptionAlgorithm`.
    #[serde(rename = "KeyEncryptionAlgorithm", default, skip_serializing_if = "Option::is_none")]
    pub key_encryption_algorithm: Option<KeyEncryptionMechanism>,
}

/// The model's `RetireGrantRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RetireGrantRequest {
    /// `DryRun`.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// `GrantId`.
    #[serde(rename = "GrantId", default, skip_serializing_if = "Option::is_none")]
    pub grant_id: Option<String>,
    /// `GrantToken`.
    #[serde(rename = "GrantToken", default, skip_serializing_if = "Option::is_none")]
    pub grant_token: Option<String>,
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
}

/// The model's `RevokeGrantRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RevokeGrantRequest {
    /// `DryRun`.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// `GrantId`.
    #[serde(rename = "GrantId")]
    pub grant_id: String,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
}

/// The model's `RotateKeyOnDemandRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RotateKeyOnDemandRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
}

/// The model's `RotateKeyOnDemandResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RotateKeyOnDemandResponse {
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
}

crate::wire_enum! {
    /// The model's `RotationType`.
    RotationType { Automatic => "AUTOMATIC", OnDemand => "ON_DEMAND" }
}

/// The model's `RotationsListEntry`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RotationsListEntry {
    /// `ExpirationModel`.
    #[serde(rename = "ExpirationModel", default, skip_serializing_if = "Option::is_none")]
    pub expiration_model: Option<ExpirationModelType>,
    /// `ImportState`.
    #[serde(rename = "ImportState", default, skip_serializing_if = "Option::is_none")]
    pub import_state: Option<ImportState>,
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `KeyMaterialDescription`.
    #[serde(rename = "KeyMaterialDescription", default, skip_serializing_if = "Option::is_none")]
    pub key_material_description: Option<String>,
    /// `KeyMaterialId`.
    #[serde(rename = "KeyMaterialId", default, skip_serializing_if = "Option::is_none")]
    pub key_material_id: Option<String>,
    /// `KeyMaterialState`.
    #[serde(rename = "KeyMaterialState", default, skip_serializing_if = "Option::is_none")]
    pub key_material_state: Option<KeyMaterialState>,
    /// `RotationDate`.
    #[serde(rename = "RotationDate", default, skip_serializing_if = "Option::is_none")]
    pub rotation_date: Option<Time>,
    /// `RotationType`.
    #[serde(rename = "RotationType", default, skip_serializing_if = "Option::is_none")]
    pub rotation_type: Option<RotationType>,
    /// `ValidTo`.
    #[serde(rename = "ValidTo", default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Time>,
}

/// The model's `ScheduleKeyDeletionRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ScheduleKeyDeletionRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `PendingWindowInDays`.
    #[serde(rename = "PendingWindowInDays", default, skip_serializing_if = "Option::is_none")]
    pub pending_window_in_days: Option<i32>,
}

/// The model's `ScheduleKeyDeletionResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ScheduleKeyDeletionResponse {
    /// `DeletionDate`.
    #[serde(rename = "DeletionDate", default, skip_serializing_if = "Option::is_none")]
    pub deletion_date: Option<Time>,
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `KeyState`.
    #[serde(rename = "KeyState", default, skip_serializing_if = "Option::is_none")]
    pub key_state: Option<KeyState>,
    /// `PendingWindowInDays`.
    #[serde(rename = "PendingWindowInDays", default, skip_serializing_if = "Option::is_none")]
    pub pending_window_in_days: Option<i32>,
}

/// The model's `SignRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignRequest {
    /// `DryRun`.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// `GrantTokens`.
    #[serde(rename = "GrantTokens", default, skip_serializing_if = "Option::is_none")]
    pub grant_tokens: Option<Vec<String>>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `Message`.
    #[serde(rename = "Message")]
    pub message: SecretBytes,
    /// `MessageType`.
    #[serde(rename = "MessageType", default, skip_serializing_if = "Option::is_none")]
    pub message_type: Option<MessageType>,
    /// `SigningAlgorithm`.
    #[serde(rename = "SigningAlgorithm")]
    pub signing_algorithm: SigningAlgorithmSpec,
}

/// The model's `SignResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SignResponse {
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `Signature`.
    #[serde(rename = "Signature", default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Blob>,
    /// `SigningAlgorithm`.
    #[serde(rename = "SigningAlgorithm", default, skip_serializing_if = "Option::is_none")]
    pub signing_algorithm: Option<SigningAlgorithmSpec>,
}

crate::wire_enum! {
    /// The model's `SigningAlgorithmSpec`.
    SigningAlgorithmSpec { RsassaPssSha256 => "RSASSA_PSS_SHA_256", RsassaPssSha384 => "RSASSA_PSS_SHA_384", RsassaPssSha512 => "RSASSA_PSS_SHA_512", RsassaPkcs1V15Sha256 => "RSASSA_PKCS1_V1_5_SHA_256", RsassaPkcs1V15Sha384 => "RSASSA_PKCS1_V1_5_SHA_384", RsassaPkcs1V15Sha512 => "RSASSA_PKCS1_V1_5_SHA_512", EcdsaSha256 => "ECDSA_SHA_256", EcdsaSha384 => "ECDSA_SHA_384", EcdsaSha512 => "ECDSA_SHA_512", Sm2Dsa => "SM2DSA", MlDsaShake256 => "ML_DSA_SHAKE_256", Ed25519Sha512 => "ED25519_SHA_512", Ed25519PhSha512 => "ED25519_PH_SHA_512" }
}

/// The model's `Tag`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Tag {
    /// `TagKey`.
    #[serde(rename = "TagKey")]
    pub tag_key: String,
    /// `TagValue`.
    #[serde(rename = "TagValue")]
    pub tag_value: String,
}

/// The model's `TagResourceRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TagResourceRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `Tags`.
    #[serde(rename = "Tags")]
    pub tags: Vec<Tag>,
}

/// The model's `UntagResourceRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UntagResourceRequest {
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `TagKeys`.
    #[serde(rename = "TagKeys")]
    pub tag_keys: Vec<String>,
}

/// The model's `UpdateAliasRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpdateAliasRequest {
    /// `AliasName`.
    #[serde(rename = "AliasName")]
    pub alias_name: String,
    /// `TargetKeyId`.
    #[serde(rename = "TargetKeyId")]
    pub target_key_id: String,
}

/// The model's `UpdateKeyDescriptionRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpdateKeyDescriptionRequest {
    /// `Description`.
    #[serde(rename = "Description")]
    pub description: String,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
}

/// The model's `VerifyMacRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerifyMacRequest {
    /// `DryRun`.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// `GrantTokens`.
    #[serde(rename = "GrantTokens", default, skip_serializing_if = "Option::is_none")]
    pub grant_tokens: Option<Vec<String>>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `Mac`.
    #[serde(rename = "Mac")]
    pub mac: Blob,
    /// `MacAlgorithm`.
    #[serde(rename = "MacAlgorithm")]
    pub mac_algorithm: MacAlgorithmSpec,
    /// `Message`.
    #[serde(rename = "Message")]
    pub message: SecretBytes,
}

/// The model's `VerifyMacResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct VerifyMacResponse {
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `MacAlgorithm`.
    #[serde(rename = "MacAlgorithm", default, skip_serializing_if = "Option::is_none")]
    pub mac_algorithm: Option<MacAlgorithmSpec>,
    /// `MacValid`.
    #[serde(rename = "MacValid", default, skip_serializing_if = "Option::is_none")]
    pub mac_valid: Option<bool>,
}

/// The model's `VerifyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerifyRequest {
    /// `DryRun`.
    #[serde(rename = "DryRun", default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<bool>,
    /// `GrantTokens`.
    #[serde(rename = "GrantTokens", default, skip_serializing_if = "Option::is_none")]
    pub grant_tokens: Option<Vec<String>>,
    /// `KeyId`.
    #[serde(rename = "KeyId")]
    pub key_id: String,
    /// `Message`.
    #[serde(rename = "Message")]
    pub message: SecretBytes,
    /// `MessageType`.
    #[serde(rename = "MessageType", default, skip_serializing_if = "Option::is_none")]
    pub message_type: Option<MessageType>,
    /// `Signature`.
    #[serde(rename = "Signature")]
    pub signature: Blob,
    /// `SigningAlgorithm`.
    #[serde(rename = "SigningAlgorithm")]
    pub signing_algorithm: SigningAlgorithmSpec,
}

/// The model's `VerifyResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct VerifyResponse {
    /// `KeyId`.
    #[serde(rename = "KeyId", default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// `SignatureValid`.
    #[serde(rename = "SignatureValid", default, skip_serializing_if = "Option::is_none")]
    pub signature_valid: Option<bool>,
    /// `SigningAlgorithm`.
    #[serde(rename = "SigningAlgorithm", default, skip_serializing_if = "Option::is_none")]
    pub signing_algorithm: Option<SigningAlgorithmSpec>,
}

crate::wire_enum! {
    /// The model's `WrappingKeySpec`.
    WrappingKeySpec { Rsa2048 => "RSA_2048", Rsa3072 => "RSA_3072", Rsa4096 => "RSA_4096", Sm2 => "SM2" }
}

/// The model's `XksKeyConfigurationType`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct XksKeyConfigurationType {
    /// `Id`.
    #[serde(rename = "Id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// The served operations, as types.
pub mod ops {
    /// `CancelKeyDeletion`.
    #[derive(Debug)]
    pub struct CancelKeyDeletion;

    impl crate::Op for CancelKeyDeletion {
        const NAME: &'static str = "CancelKeyDeletion";
        const READ_ONLY: bool = false;
        type Input = super::CancelKeyDeletionRequest;
        type Output = super::CancelKeyDeletionResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[0])
        }
    }

    /// `CreateAlias`.
    #[derive(Debug)]
    pub struct CreateAlias;

    impl crate::Op for CreateAlias {
        const NAME: &'static str = "CreateAlias";
        const READ_ONLY: bool = false;
        type Input = super::CreateAliasRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[1])
        }
    }

    /// `CreateGrant`.
    #[derive(Debug)]
    pub struct CreateGrant;

    impl crate::Op for CreateGrant {
        const NAME: &'static str = "CreateGrant";
        const READ_ONLY: bool = false;
        type Input = super::CreateGrantRequest;
        type Output = super::CreateGrantResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[2])
        }
    }

    /// `CreateKey`.
    #[derive(Debug)]
    pub struct CreateKey;

    impl crate::Op for CreateKey {
        const NAME: &'static str = "CreateKey";
        const READ_ONLY: bool = false;
        type Input = super::CreateKeyRequest;
        type Output = super::CreateKeyResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[3])
        }
    }

    /// `Decrypt`.
    #[derive(Debug)]
    pub struct Decrypt;

    impl crate::Op for Decrypt {
        const NAME: &'static str = "Decrypt";
        const READ_ONLY: bool = true;
        type Input = super::DecryptRequest;
        type Output = super::DecryptResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[4])
        }
    }

    /// `DeleteAlias`.
    #[derive(Debug)]
    pub struct DeleteAlias;

    impl crate::Op for DeleteAlias {
        const NAME: &'static str = "DeleteAlias";
        const READ_ONLY: bool = false;
        type Input = super::DeleteAliasRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[5])
        }
    }

    /// `DeleteImportedKeyMaterial`.
    #[derive(Debug)]
    pub struct DeleteImportedKeyMaterial;

    impl crate::Op for DeleteImportedKeyMaterial {
        const NAME: &'static str = "DeleteImportedKeyMaterial";
        const READ_ONLY: bool = false;
        type Input = super::DeleteImportedKeyMaterialRequest;
        type Output = super::DeleteImportedKeyMaterialResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[6])
        }
    }

    /// `DescribeKey`.
    #[derive(Debug)]
    pub struct DescribeKey;

    impl crate::Op for DescribeKey {
        const NAME: &'static str = "DescribeKey";
        const READ_ONLY: bool = true;
        type Input = super::DescribeKeyRequest;
        type Output = super::DescribeKeyResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[7])
        }
    }

    /// `DisableKey`.
    #[derive(Debug)]
    pub struct DisableKey;

    impl crate::Op for DisableKey {
        const NAME: &'static str = "DisableKey";
        const READ_ONLY: bool = false;
        type Input = super::DisableKeyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[8])
        }
    }

    /// `DisableKeyRotation`.
    #[derive(Debug)]
    pub struct DisableKeyRotation;

    impl crate::Op for DisableKeyRotation {
        const NAME: &'static str = "DisableKeyRotation";
        const READ_ONLY: bool = false;
        type Input = super::DisableKeyRotationRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[9])
        }
    }

    /// `EnableKey`.
    #[derive(Debug)]
    pub struct EnableKey;

    impl crate::Op for EnableKey {
        const NAME: &'static str = "EnableKey";
        const READ_ONLY: bool = false;
        type Input = super::EnableKeyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[10])
        }
    }

    /// `EnableKeyRotation`.
    #[derive(Debug)]
    pub struct EnableKeyRotation;

    impl crate::Op for EnableKeyRotation {
        const NAME: &'static str = "EnableKeyRotation";
        const READ_ONLY: bool = false;
        type Input = super::EnableKeyRotationRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[11])
        }
    }

    /// `Encrypt`.
    #[derive(Debug)]
    pub struct Encrypt;

    impl crate::Op for Encrypt {
        const NAME: &'static str = "Encrypt";
        const READ_ONLY: bool = true;
        type Input = super::EncryptRequest;
        type Output = super::EncryptResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[12])
        }
    }

    /// `GenerateDataKey`.
    #[derive(Debug)]
    pub struct GenerateDataKey;

    impl crate::Op for GenerateDataKey {
        const NAME: &'static str = "GenerateDataKey";
        const READ_ONLY: bool = true;
        type Input = super::GenerateDataKeyRequest;
        type Output = super::GenerateDataKeyResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[13])
        }
    }

    /// `GenerateDataKeyPair`.
    #[derive(Debug)]
    pub struct GenerateDataKeyPair;

    impl crate::Op for GenerateDataKeyPair {
        const NAME: &'static str = "GenerateDataKeyPair";
        const READ_ONLY: bool = true;
        type Input = super::GenerateDataKeyPairRequest;
        type Output = super::GenerateDataKeyPairResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[14])
        }
    }

    /// `GenerateDataKeyPairWithoutPlaintext`.
    #[derive(Debug)]
    pub struct GenerateDataKeyPairWithoutPlaintext;

    impl crate::Op for GenerateDataKeyPairWithoutPlaintext {
        const NAME: &'static str = "GenerateDataKeyPairWithoutPlaintext";
        const READ_ONLY: bool = true;
        type Input = super::GenerateDataKeyPairWithoutPlaintextRequest;
        type Output = super::GenerateDataKeyPairWithoutPlaintextResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[15])
        }
    }

    /// `GenerateDataKeyWithoutPlaintext`.
    #[derive(Debug)]
    pub struct GenerateDataKeyWithoutPlaintext;

    impl crate::Op for GenerateDataKeyWithoutPlaintext {
        const NAME: &'static str = "GenerateDataKeyWithoutPlaintext";
        const READ_ONLY: bool = true;
        type Input = super::GenerateDataKeyWithoutPlaintextRequest;
        type Output = super::GenerateDataKeyWithoutPlaintextResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[16])
        }
    }

    /// `GenerateMac`.
    #[derive(Debug)]
    pub struct GenerateMac;

    impl crate::Op for GenerateMac {
        const NAME: &'static str = "GenerateMac";
        const READ_ONLY: bool = true;
        type Input = super::GenerateMacRequest;
        type Output = super::GenerateMacResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[17])
        }
    }

    /// `GenerateRandom`.
    #[derive(Debug)]
    pub struct GenerateRandom;

    impl crate::Op for GenerateRandom {
        const NAME: &'static str = "GenerateRandom";
        const READ_ONLY: bool = true;
        type Input = super::GenerateRandomRequest;
        type Output = super::GenerateRandomResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[18])
        }
    }

    /// `GetKeyPolicy`.
    #[derive(Debug)]
    pub struct GetKeyPolicy;

    impl crate::Op for GetKeyPolicy {
        const NAME: &'static str = "GetKeyPolicy";
        const READ_ONLY: bool = true;
        type Input = super::GetKeyPolicyRequest;
        type Output = super::GetKeyPolicyResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[19])
        }
    }

    /// `GetKeyRotationStatus`.
    #[derive(Debug)]
    pub struct GetKeyRotationStatus;

    impl crate::Op for GetKeyRotationStatus {
        const NAME: &'static str = "GetKeyRotationStatus";
        const READ_ONLY: bool = true;
        type Input = super::GetKeyRotationStatusRequest;
        type Output = super::GetKeyRotationStatusResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[20])
        }
    }

    /// `GetParametersForImport`.
    #[derive(Debug)]
    pub struct GetParametersForImport;

    impl crate::Op for GetParametersForImport {
        const NAME: &'static str = "GetParametersForImport";
        const READ_ONLY: bool = true;
        type Input = super::GetParametersForImportRequest;
        type Output = super::GetParametersForImportResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[21])
        }
    }

    /// `GetPublicKey`.
    #[derive(Debug)]
    pub struct GetPublicKey;

    impl crate::Op for GetPublicKey {
        const NAME: &'static str = "GetPublicKey";
        const READ_ONLY: bool = true;
        type Input = super::GetPublicKeyRequest;
        type Output = super::GetPublicKeyResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[22])
        }
    }

    /// `ImportKeyMaterial`.
    #[derive(Debug)]
    pub struct ImportKeyMaterial;

    impl crate::Op for ImportKeyMaterial {
        const NAME: &'static str = "ImportKeyMaterial";
        const READ_ONLY: bool = false;
        type Input = super::ImportKeyMaterialRequest;
        type Output = super::ImportKeyMaterialResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[23])
        }
    }

    /// `ListAliases`.
    #[derive(Debug)]
    pub struct ListAliases;

    impl crate::Op for ListAliases {
        const NAME: &'static str = "ListAliases";
        const READ_ONLY: bool = true;
        type Input = super::ListAliasesRequest;
        type Output = super::ListAliasesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[24])
        }
    }

    /// `ListGrants`.
    #[derive(Debug)]
    pub struct ListGrants;

    impl crate::Op for ListGrants {
        const NAME: &'static str = "ListGrants";
        const READ_ONLY: bool = true;
        type Input = super::ListGrantsRequest;
        type Output = super::ListGrantsResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[25])
        }
    }

    /// `ListKeyPolicies`.
    #[derive(Debug)]
    pub struct ListKeyPolicies;

    impl crate::Op for ListKeyPolicies {
        const NAME: &'static str = "ListKeyPolicies";
        const READ_ONLY: bool = true;
        type Input = super::ListKeyPoliciesRequest;
        type Output = super::ListKeyPoliciesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[26])
        }
    }

    /// `ListKeyRotations`.
    #[derive(Debug)]
    pub struct ListKeyRotations;

    impl crate::Op for ListKeyRotations {
        const NAME: &'static str = "ListKeyRotations";
        const READ_ONLY: bool = true;
        type Input = super::ListKeyRotationsRequest;
        type Output = super::ListKeyRotationsResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[27])
        }
    }

    /// `ListKeys`.
    #[derive(Debug)]
    pub struct ListKeys;

    impl crate::Op for ListKeys {
        const NAME: &'static str = "ListKeys";
        const READ_ONLY: bool = true;
        type Input = super::ListKeysRequest;
        type Output = super::ListKeysResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[28])
        }
    }

    /// `ListResourceTags`.
    #[derive(Debug)]
    pub struct ListResourceTags;

    impl crate::Op for ListResourceTags {
        const NAME: &'static str = "ListResourceTags";
        const READ_ONLY: bool = true;
        type Input = super::ListResourceTagsRequest;
        type Output = super::ListResourceTagsResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[29])
        }
    }

    /// `ListRetirableGrants`.
    #[derive(Debug)]
    pub struct ListRetirableGrants;

    impl crate::Op for ListRetirableGrants {
        const NAME: &'static str = "ListRetirableGrants";
        const READ_ONLY: bool = true;
        type Input = super::ListRetirableGrantsRequest;
        type Output = super::ListGrantsResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[30])
        }
    }

    /// `PutKeyPolicy`.
    #[derive(Debug)]
    pub struct PutKeyPolicy;

    impl crate::Op for PutKeyPolicy {
        const NAME: &'static str = "PutKeyPolicy";
        const READ_ONLY: bool = false;
        type Input = super::PutKeyPolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[31])
        }
    }

    /// `ReEncrypt`.
    #[derive(Debug)]
    pub struct ReEncrypt;

    impl crate::Op for ReEncrypt {
        const NAME: &'static str = "ReEncrypt";
        const READ_ONLY: bool = true;
        type Input = super::ReEncryptRequest;
        type Output = super::ReEncryptResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[32])
        }
    }

    /// `RetireGrant`.
    #[derive(Debug)]
    pub struct RetireGrant;

    impl crate::Op for RetireGrant {
        const NAME: &'static str = "RetireGrant";
        const READ_ONLY: bool = false;
        type Input = super::RetireGrantRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[33])
        }
    }

    /// `RevokeGrant`.
    #[derive(Debug)]
    pub struct RevokeGrant;

    impl crate::Op for RevokeGrant {
        const NAME: &'static str = "RevokeGrant";
        const READ_ONLY: bool = false;
        type Input = super::RevokeGrantRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[34])
        }
    }

    /// `RotateKeyOnDemand`.
    #[derive(Debug)]
    pub struct RotateKeyOnDemand;

    impl crate::Op for RotateKeyOnDemand {
        const NAME: &'static str = "RotateKeyOnDemand";
        const READ_ONLY: bool = false;
        type Input = super::RotateKeyOnDemandRequest;
        type Output = super::RotateKeyOnDemandResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[35])
        }
    }

    /// `ScheduleKeyDeletion`.
    #[derive(Debug)]
    pub struct ScheduleKeyDeletion;

    impl crate::Op for ScheduleKeyDeletion {
        const NAME: &'static str = "ScheduleKeyDeletion";
        const READ_ONLY: bool = false;
        type Input = super::ScheduleKeyDeletionRequest;
        type Output = super::ScheduleKeyDeletionResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[36])
        }
    }

    /// `Sign`.
    #[derive(Debug)]
    pub struct Sign;

    impl crate::Op for Sign {
        const NAME: &'static str = "Sign";
        const READ_ONLY: bool = true;
        type Input = super::SignRequest;
        type Output = super::SignResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[37])
        }
    }

    /// `TagResource`.
    #[derive(Debug)]
    pub struct TagResource;

    impl crate::Op for TagResource {
        const NAME: &'static str = "TagResource";
        const READ_ONLY: bool = false;
        type Input = super::TagResourceRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[38])
        }
    }

    /// `UntagResource`.
    #[derive(Debug)]
    pub struct UntagResource;

    impl crate::Op for UntagResource {
        const NAME: &'static str = "UntagResource";
        const READ_ONLY: bool = false;
        type Input = super::UntagResourceRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[39])
        }
    }

    /// `UpdateAlias`.
    #[derive(Debug)]
    pub struct UpdateAlias;

    impl crate::Op for UpdateAlias {
        const NAME: &'static str = "UpdateAlias";
        const READ_ONLY: bool = false;
        type Input = super::UpdateAliasRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[40])
        }
    }

    /// `UpdateKeyDescription`.
    #[derive(Debug)]
    pub struct UpdateKeyDescription;

    impl crate::Op for UpdateKeyDescription {
        const NAME: &'static str = "UpdateKeyDescription";
        const READ_ONLY: bool = false;
        type Input = super::UpdateKeyDescriptionRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[41])
        }
    }

    /// `Verify`.
    #[derive(Debug)]
    pub struct Verify;

    impl crate::Op for Verify {
        const NAME: &'static str = "Verify";
        const READ_ONLY: bool = true;
        type Input = super::VerifyRequest;
        type Output = super::VerifyResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[42])
        }
    }

    /// `VerifyMac`.
    #[derive(Debug)]
    pub struct VerifyMac;

    impl crate::Op for VerifyMac {
        const NAME: &'static str = "VerifyMac";
        const READ_ONLY: bool = true;
        type Input = super::VerifyMacRequest;
        type Output = super::VerifyMacResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[43])
        }
    }

}

/// The errors the model names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// `AlreadyExistsException`.
    AlreadyExistsException,
    /// `CloudHsmClusterInUseException`.
    CloudHsmClusterInUseException,
    /// `CloudHsmClusterInvalidConfigurationException`.
    CloudHsmClusterInvalidConfigurationException,
    /// `CloudHsmClusterNotActiveException`.
    CloudHsmClusterNotActiveException,
    /// `CloudHsmClusterNotFoundException`.
    CloudHsmClusterNotFoundException,
    /// `CloudHsmClusterNotRelatedException`.
    CloudHsmClusterNotRelatedException,
    /// `ConflictException`.
    ConflictException,
    /// `CustomKeyStoreHasCMKsException`.
    CustomKeyStoreHasCMKsException,
    /// `CustomKeyStoreInvalidStateException`.
    CustomKeyStoreInvalidStateException,
    /// `CustomKeyStoreNameInUseException`.
    CustomKeyStoreNameInUseException,
    /// `CustomKeyStoreNotFoundException`.
    CustomKeyStoreNotFoundException,
    /// `DependencyTimeoutException`.
    DependencyTimeoutException,
    /// `DisabledException`.
    DisabledException,
    /// `DryRunOperationException`.
    DryRunOperationException,
    /// `ExpiredImportTokenException`.
    ExpiredImportTokenException,
    /// `IncorrectKeyException`.
    IncorrectKeyException,
    /// `IncorrectKeyMaterialException`.
    IncorrectKeyMaterialException,
    /// `IncorrectTrustAnchorException`.
    IncorrectTrustAnchorException,
    /// `InvalidAliasNameException`.
    InvalidAliasNameException,
    /// `InvalidArnException`.
    InvalidArnException,
    /// `InvalidCiphertextException`.
    InvalidCiphertextException,
    /// `InvalidGrantIdException`.
    InvalidGrantIdException,
    /// `InvalidGrantTokenException`.
    InvalidGrantTokenException,
    /// `InvalidImportTokenException`.
    InvalidImportTokenException,
    /// `InvalidKeyUsageException`.
    InvalidKeyUsageException,
    /// `InvalidMarkerException`.
    InvalidMarkerException,
    /// `KMSInternalException`.
    KMSInternalException,
    /// `KMSInvalidMacException`.
    KMSInvalidMacException,
    /// `KMSInvalidSignatureException`.
    KMSInvalidSignatureException,
    /// `KMSInvalidStateException`.
    KMSInvalidStateException,
    /// `KeyUnavailableException`.
    KeyUnavailableException,
    /// `LimitExceededException`.
    LimitExceededException,
    /// `MalformedPolicyDocumentException`.
    MalformedPolicyDocumentException,
    /// `NotFoundException`.
    NotFoundException,
    /// `TagException`.
    TagException,
    /// `UnsupportedOperationException`.
    UnsupportedOperationException,
    /// `XksKeyAlreadyInUseException`.
    XksKeyAlreadyInUseException,
    /// `XksKeyInvalidConfigurationException`.
    XksKeyInvalidConfigurationException,
    /// `XksKeyNotFoundException`.
    XksKeyNotFoundException,
    /// `XksProxyIncorrectAuthenticationCredentialException`.
    XksProxyIncorrectAuthenticationCredentialException,
    /// `XksProxyInvalidConfigurationException`.
    XksProxyInvalidConfigurationException,
    /// `XksProxyInvalidResponseException`.
    XksProxyInvalidResponseException,
    /// `XksProxyUriEndpointInUseException`.
    XksProxyUriEndpointInUseException,
    /// `XksProxyUriInUseException`.
    XksProxyUriInUseException,
    /// `XksProxyUriUnreachableException`.
    XksProxyUriUnreachableException,
    /// `XksProxyVpcEndpointServiceInUseException`.
    XksProxyVpcEndpointServiceInUseException,
    /// `XksProxyVpcEndpointServiceInvalidConfigurationException`.
    XksProxyVpcEndpointServiceInvalidConfigurationException,
    /// `XksProxyVpcEndpointServiceNotFoundException`.
    XksProxyVpcEndpointServiceNotFoundException,
}

impl Error {
    /// The code the wire carries.
    pub const fn code(self) -> &'static str {
        match self {
            Self::AlreadyExistsException => "AlreadyExistsException",
            Self::CloudHsmClusterInUseException => "CloudHsmClusterInUseException",
            Self::CloudHsmClusterInvalidConfigurationException => "CloudHsmClusterInvalidConfigurationException",
            Self::CloudHsmClusterNotActiveException => "CloudHsmClusterNotActiveException",
            Self::CloudHsmClusterNotFoundException => "CloudHsmClusterNotFoundException",
            Self::CloudHsmClusterNotRelatedException => "CloudHsmClusterNotRelatedException",
            Self::ConflictException => "ConflictException",
            Self::CustomKeyStoreHasCMKsException => "CustomKeyStoreHasCMKsException",
            Self::CustomKeyStoreInvalidStateException => "CustomKeyStoreInvalidStateException",
            Self::CustomKeyStoreNameInUseException => "CustomKeyStoreNameInUseException",
            Self::CustomKeyStoreNotFoundException => "CustomKeyStoreNotFoundException",
            Self::DependencyTimeoutException => "DependencyTimeoutException",
            Self::DisabledException => "DisabledException",
            Self::DryRunOperationException => "DryRunOperationException",
            Self::ExpiredImportTokenException => "ExpiredImportTokenException",
            Self::IncorrectKeyException => "IncorrectKeyException",
            Self::IncorrectKeyMaterialException => "IncorrectKeyMaterialException",
            Self::IncorrectTrustAnchorException => "IncorrectTrustAnchorException",
            Self::InvalidAliasNameException => "InvalidAliasNameException",
            Self::InvalidArnException => "InvalidArnException",
            Self::InvalidCiphertextException => "InvalidCiphertextException",
            Self::InvalidGrantIdException => "InvalidGrantIdException",
            Self::InvalidGrantTokenException => "InvalidGrantTokenException",
            Self::InvalidImportTokenException => "InvalidImportTokenException",
            Self::InvalidKeyUsageException => "InvalidKeyUsageException",
            Self::InvalidMarkerException => "InvalidMarkerException",
            Self::KMSInternalException => "KMSInternalException",
            Self::KMSInvalidMacException => "KMSInvalidMacException",
            Self::KMSInvalidSignatureException => "KMSInvalidSignatureException",
            Self::KMSInvalidStateException => "KMSInvalidStateException",
            Self::KeyUnavailableException => "KeyUnavailableException",
            Self::LimitExceededException => "LimitExceededException",
            Self::MalformedPolicyDocumentException => "MalformedPolicyDocumentException",
            Self::NotFoundException => "NotFoundException",
            Self::TagException => "TagException",
            Self::UnsupportedOperationException => "UnsupportedOperationException",
            Self::XksKeyAlreadyInUseException => "XksKeyAlreadyInUseException",
            Self::XksKeyInvalidConfigurationException => "XksKeyInvalidConfigurationException",
            Self::XksKeyNotFoundException => "XksKeyNotFoundException",
            Self::XksProxyIncorrectAuthenticationCredentialException => "XksProxyIncorrectAuthenticationCredentialException",
            Self::XksProxyInvalidConfigurationException => "XksProxyInvalidConfigurationException",
            Self::XksProxyInvalidResponseException => "XksProxyInvalidResponseException",
            Self::XksProxyUriEndpointInUseException => "XksProxyUriEndpointInUseException",
            Self::XksProxyUriInUseException => "XksProxyUriInUseException",
            Self::XksProxyUriUnreachableException => "XksProxyUriUnreachableException",
            Self::XksProxyVpcEndpointServiceInUseException => "XksProxyVpcEndpointServiceInUseException",
            Self::XksProxyVpcEndpointServiceInvalidConfigurationException => "XksProxyVpcEndpointServiceInvalidConfigurationException",
            Self::XksProxyVpcEndpointServiceNotFoundException => "XksProxyVpcEndpointServiceNotFoundException",
        }
    }

    /// The HTTP status.
    pub const fn status(self) -> u16 {
        match self {
            Self::AlreadyExistsException => 400,
            Self::CloudHsmClusterInUseException => 400,
            Self::CloudHsmClusterInvalidConfigurationException => 400,
            Self::CloudHsmClusterNotActiveException => 400,
            Self::CloudHsmClusterNotFoundException => 400,
            Self::CloudHsmClusterNotRelatedException => 400,
            Self::ConflictException => 400,
            Self::CustomKeyStoreHasCMKsException => 400,
            Self::CustomKeyStoreInvalidStateException => 400,
            Self::CustomKeyStoreNameInUseException => 400,
            Self::CustomKeyStoreNotFoundException => 400,
            Self::DependencyTimeoutException => 500,
            Self::DisabledException => 400,
            Self::DryRunOperationException => 400,
            Self::ExpiredImportTokenException => 400,
            Self::IncorrectKeyException => 400,
            Self::IncorrectKeyMaterialException => 400,
            Self::IncorrectTrustAnchorException => 400,
            Self::InvalidAliasNameException => 400,
            Self::InvalidArnException => 400,
            Self::InvalidCiphertextException => 400,
            Self::InvalidGrantIdException => 400,
            Self::InvalidGrantTokenException => 400,
            Self::InvalidImportTokenException => 400,
            Self::InvalidKeyUsageException => 400,
            Self::InvalidMarkerException => 400,
            Self::KMSInternalException => 500,
            Self::KMSInvalidMacException => 400,
            Self::KMSInvalidSignatureException => 400,
            Self::KMSInvalidStateException => 400,
            Self::KeyUnavailableException => 500,
            Self::LimitExceededException => 400,
            Self::MalformedPolicyDocumentException => 400,
            Self::NotFoundException => 400,
            Self::TagException => 400,
            Self::UnsupportedOperationException => 400,
            Self::XksKeyAlreadyInUseException => 400,
            Self::XksKeyInvalidConfigurationException => 400,
            Self::XksKeyNotFoundException => 400,
            Self::XksProxyIncorrectAuthenticationCredentialException => 400,
            Self::XksProxyInvalidConfigurationException => 400,
            Self::XksProxyInvalidResponseException => 400,
            Self::XksProxyUriEndpointInUseException => 400,
            Self::XksProxyUriInUseException => 400,
            Self::XksProxyUriUnreachableException => 400,
            Self::XksProxyVpcEndpointServiceInUseException => 400,
            Self::XksProxyVpcEndpointServiceInvalidConfigurationException => 400,
            Self::XksProxyVpcEndpointServiceNotFoundException => 400,
        }
    }

    /// The error with `message`.
    pub fn with(self, message: impl Into<String>) -> neargate_common::AwsError {
        crate::error_with(self.status(), self.code(), message)
    }
}

/// Runs `operation` on `service`, which handles every operation in `served.txt`; `None` for
/// any other.
pub fn dispatch<S, C: ?Sized>(
    service: &S,
    caller: &C,
    operation: &str,
    input: &serde_json::Map<String, serde_json::Value>,
    authorize: &mut crate::Authorize<'_>,
) -> Option<Result<crate::Answer, crate::Failure>>
where
    S: ?Sized
        + crate::Handler<ops::CancelKeyDeletion, C>
        + crate::Handler<ops::CreateAlias, C>
        + crate::Handler<ops::CreateGrant, C>
        + crate::Handler<ops::CreateKey, C>
        + crate::Handler<ops::Decrypt, C>
        + crate::Handler<ops::DeleteAlias, C>
        + crate::Handler<ops::DeleteImportedKeyMaterial, C>
        + crate::Handler<ops::DescribeKey, C>
        + crate::Handler<ops::DisableKey, C>
        + crate::Handler<ops::DisableKeyRotation, C>
        + crate::Handler<ops::EnableKey, C>
        + crate::Handler<ops::EnableKeyRotation, C>
        + crate::Handler<ops::Encrypt, C>
        + crate::Handler<ops::GenerateDataKey, C>
        + crate::Handler<ops::GenerateDataKeyPair, C>
        + crate::Handler<ops::GenerateDataKeyPairWithoutPlaintext, C>
        + crate::Handler<ops::GenerateDataKeyWithoutPlaintext, C>
        + crate::Handler<ops::GenerateMac, C>
        + crate::Handler<ops::GenerateRandom, C>
        + crate::Handler<ops::GetKeyPolicy, C>
        + crate::Handler<ops::GetKeyRotationStatus, C>
        + crate::Handler<ops::GetParametersForImport, C>
        + crate::Handler<ops::GetPublicKey, C>
        + crate::Handler<ops::ImportKeyMaterial, C>
        + crate::Handler<ops::ListAliases, C>
        + crate::Handler<ops::ListGrants, C>
        + crate::Handler<ops::ListKeyPolicies, C>
        + crate::Handler<ops::ListKeyRotations, C>
        + crate::Handler<ops::ListKeys, C>
        + crate::Handler<ops::ListResourceTags, C>
        + crate::Handler<ops::ListRetirableGrants, C>
        + crate::Handler<ops::PutKeyPolicy, C>
        + crate::Handler<ops::ReEncrypt, C>
        + crate::Handler<ops::RetireGrant, C>
        + crate::Handler<ops::RevokeGrant, C>
        + crate::Handler<ops::RotateKeyOnDemand, C>
        + crate::Handler<ops::ScheduleKeyDeletion, C>
        + crate::Handler<ops::Sign, C>
        + crate::Handler<ops::TagResource, C>
        + crate::Handler<ops::UntagResource, C>
        + crate::Handler<ops::UpdateAlias, C>
        + crate::Handler<ops::UpdateKeyDescription, C>
        + crate::Handler<ops::Verify, C>
        + crate::Handler<ops::VerifyMac, C>
{
    Some(match operation {
        "CancelKeyDeletion" => crate::run::<ops::CancelKeyDeletion, S, C>(service, caller, input, authorize),
        "CreateAlias" => crate::run::<ops::CreateAlias, S, C>(service, caller, input, authorize),
        "CreateGrant" => crate::run::<ops::CreateGrant, S, C>(service, caller, input, authorize),
        "CreateKey" => crate::run::<ops::CreateKey, S, C>(service, caller, input, authorize),
        "Decrypt" => crate::run::<ops::Decrypt, S, C>(service, caller, input, authorize),
        "DeleteAlias" => crate::run::<ops::DeleteAlias, S, C>(service, caller, input, authorize),
        "DeleteImportedKeyMaterial" => crate::run::<ops::DeleteImportedKeyMaterial, S, C>(service, caller, input, authorize),
        "DescribeKey" => crate::run::<ops::DescribeKey, S, C>(service, caller, input, authorize),
        "DisableKey" => crate::run::<ops::DisableKey, S, C>(service, caller, input, authorize),
        "DisableKeyRotation" => crate::run::<ops::DisableKeyRotation, S, C>(service, caller, input, authorize),
        "EnableKey" => crate::run::<ops::EnableKey, S, C>(service, caller, input, authorize),
        "EnableKeyRotation" => crate::run::<ops::EnableKeyRotation, S, C>(service, caller, input, authorize),
        "Encrypt" => crate::run::<ops::Encrypt, S, C>(service, caller, input, authorize),
        "GenerateDataKey" => crate::run::<ops::GenerateDataKey, S, C>(service, caller, input, authorize),
        "GenerateDataKeyPair" => crate::run::<ops::GenerateDataKeyPair, S, C>(service, caller, input, authorize),
        "GenerateDataKeyPairWithoutPlaintext" => crate::run::<ops::GenerateDataKeyPairWithoutPlaintext, S, C>(service, caller, input, authorize),
        "GenerateDataKeyWithoutPlaintext" => crate::run::<ops::GenerateDataKeyWithoutPlaintext, S, C>(service, caller, input, authorize),
        "GenerateMac" => crate::run::<ops::GenerateMac, S, C>(service, caller, input, authorize),
        "GenerateRandom" => crate::run::<ops::GenerateRandom, S, C>(service, caller, input, authorize),
        "GetKeyPolicy" => crate::run::<ops::GetKeyPolicy, S, C>(service, caller, input, authorize),
        "GetKeyRotationStatus" => crate::run::<ops::GetKeyRotationStatus, S, C>(service, caller, input, authorize),
        "GetParametersForImport" => crate::run::<ops::GetParametersForImport, S, C>(service, caller, input, authorize),
        "GetPublicKey" => crate::run::<ops::GetPublicKey, S, C>(service, caller, input, authorize),
        "ImportKeyMaterial" => crate::run::<ops::ImportKeyMaterial, S, C>(service, caller, input, authorize),
        "ListAliases" => crate::run::<ops::ListAliases, S, C>(service, caller, input, authorize),
        "ListGrants" => crate::run::<ops::ListGrants, S, C>(service, caller, input, authorize),
        "ListKeyPolicies" => crate::run::<ops::ListKeyPolicies, S, C>(service, caller, input, authorize),
        "ListKeyRotations" => crate::run::<ops::ListKeyRotations, S, C>(service, caller, input, authorize),
        "ListKeys" => crate::run::<ops::ListKeys, S, C>(service, caller, input, authorize),
        "ListResourceTags" => crate::run::<ops::ListResourceTags, S, C>(service, caller, input, authorize),
        "ListRetirableGrants" => crate::run::<ops::ListRetirableGrants, S, C>(service, caller, input, authorize),
        "PutKeyPolicy" => crate::run::<ops::PutKeyPolicy, S, C>(service, caller, input, authorize),
        "ReEncrypt" => crate::run::<ops::ReEncrypt, S, C>(service, caller, input, authorize),
        "RetireGrant" => crate::run::<ops::RetireGrant, S, C>(service, caller, input, authorize),
        "RevokeGrant" => crate::run::<ops::RevokeGrant, S, C>(service, caller, input, authorize),
        "RotateKeyOnDemand" => crate::run::<ops::RotateKeyOnDemand, S, C>(service, caller, input, authorize),
        "ScheduleKeyDeletion" => crate::run::<ops::ScheduleKeyDeletion, S, C>(service, caller, input, authorize),
        "Sign" => crate::run::<ops::Sign, S, C>(service, caller, input, authorize),
        "TagResource" => crate::run::<ops::TagResource, S, C>(service, caller, input, authorize),
        "UntagResource" => crate::run::<ops::UntagResource, S, C>(service, caller, input, authorize),
        "UpdateAlias" => crate::run::<ops::UpdateAlias, S, C>(service, caller, input, authorize),
        "UpdateKeyDescription" => crate::run::<ops::UpdateKeyDescription, S, C>(service, caller, input, authorize),
        "Verify" => crate::run::<ops::Verify, S, C>(service, caller, input, authorize),
        "VerifyMac" => crate::run::<ops::VerifyMac, S, C>(service, caller, input, authorize),
        _ => return None,
    })
}
