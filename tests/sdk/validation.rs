//! AWS's input validation, read from the service models: a request the model forbids is
//! refused before any rule of the operation, with the exception and words AWS uses.

use aws_sdk_kms::primitives::Blob;
use aws_sdk_kms::types::{KeySpec, SigningAlgorithmSpec};

use crate::common::{admin, code_and_message, kms, start};

#[tokio::test(flavor = "multi_thread")]
async fn kms_refuses_what_its_model_forbids_in_its_words() {
    let server = start();
    let client = kms(&server, admin(&server));

    // An enum value outside the set: the whole set is listed.
    let error = client
        .create_key()
        .key_spec(KeySpec::from("AES_512"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&error),
        (
            "ValidationException".to_owned(),
            "1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy \
             constraint: Member must satisfy enum value set: [RSA_2048, RSA_3072, RSA_4096, \
             ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, SYMMETRIC_DEFAULT, \
             HMAC_224, HMAC_256, HMAC_384, HMAC_512, SM2, ML_DSA_44, ML_DSA_65, ML_DSA_87, \
             ECC_NIST_EDWARDS25519]"
                .to_owned()
        )
    );

    // A signing algorithm outside the set is a validation error, whatever the key.
    let key = client.create_key().send().await.unwrap();
    let key_id = key.key_metadata().unwrap().key_id().to_owned();
    let error = client
        .sign()
        .key_id(&key_id)
        .message(Blob::new("m"))
        .signing_algorithm(SigningAlgorithmSpec::from("MD5_RSA"))
        .send()
        .await
        .unwrap_err();
    let (code, message) = code_and_message(&error);
    assert_eq!(code, "ValidationException");
    assert!(
        message.starts_with(
            "1 validation error detected: Value 'MD5_RSA' at 'signingAlgorithm' failed to \
             satisfy constraint: Member must satisfy enum value set: [RSASSA_PSS_SHA_256, "
        ),
        "{message}"
    );

    // Several violations are counted and joined.
    let error = client
        .generate_data_key()
        .key_id("")
        .number_of_bytes(2000)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&error).1,
        "2 validation errors detected: Value '' at 'keyId' failed to satisfy constraint: Member \
         must have length greater than or equal to 1; Value '2000' at 'numberOfBytes' failed to \
         satisfy constraint: Member must have value less than or equal to 1024"
    );

    // An alias name breaking the model's pattern, before KMS's own alias rules.
    let error = client
        .create_alias()
        .alias_name("alias/has space")
        .target_key_id(&key_id)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&error),
        (
            "ValidationException".to_owned(),
            "1 validation error detected: Value 'alias/has space' at 'aliasName' failed to \
             satisfy constraint: Member must satisfy regular expression pattern: \
             ^[a-zA-Z0-9:/_-]+$"
                .to_owned()
        )
    );
    // The pattern allows ':'; KMS does not.
    let error = client
        .create_alias()
        .alias_name("alias/a:b")
        .target_key_id(&key_id)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code_and_message(&error).0, "InvalidAliasNameException");
}

#[tokio::test(flavor = "multi_thread")]
async fn kms_names_what_it_cannot_find_as_aws_does() {
    let server = start();
    let client = kms(&server, admin(&server));
    let account = server.credentials().account;

    // Neither a key id, a key ARN nor an alias.
    let error = client
        .describe_key()
        .key_id("not-a-key")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&error),
        (
            "NotFoundException".to_owned(),
            "Invalid keyId not-a-key".to_owned()
        )
    );
    // An alias that does not exist.
    let error = client
        .encrypt()
        .key_id("alias/missing")
        .plaintext(Blob::new("x"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&error),
        (
            "NotFoundException".to_owned(),
            format!("Alias arn:aws:kms:us-east-1:{account}:alias/missing is not found.")
        )
    );
    // Rotation takes a key id or key ARN only, not an alias.
    let key = client.create_key().send().await.unwrap();
    let key_id = key.key_metadata().unwrap().key_id().to_owned();
    client
        .create_alias()
        .alias_name("alias/rotating")
        .target_key_id(&key_id)
        .send()
        .await
        .unwrap();
    let error = client
        .enable_key_rotation()
        .key_id("alias/rotating")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&error),
        (
            "NotFoundException".to_owned(),
            "Invalid keyId alias/rotating".to_owned()
        )
    );
    client
        .enable_key_rotation()
        .key_id(&key_id)
        .send()
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn iam_and_sts_refuse_what_their_models_forbid() {
    let server = start();
    let iam = crate::common::iam(&server, admin(&server));
    let error = iam
        .create_user()
        .user_name("bad name")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&error),
        (
            "ValidationError".to_owned(),
            r"1 validation error detected: Value 'bad name' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+"
                .to_owned()
        )
    );
    let long = "r".repeat(65);
    let error = iam
        .create_role()
        .role_name(&long)
        .assume_role_policy_document("{}")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&error).1,
        format!(
            "1 validation error detected: Value '{long}' at 'roleName' failed to satisfy \
             constraint: Member must have length less than or equal to 64"
        )
    );
    let sts = crate::common::sts(&server, admin(&server));
    let error = sts
        .get_session_token()
        .duration_seconds(100)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&error),
        (
            "ValidationError".to_owned(),
            "1 validation error detected: Value '100' at 'durationSeconds' failed to satisfy \
             constraint: Member must have value greater than or equal to 900"
                .to_owned()
        )
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn assume_role_refuses_what_it_cannot_honour() {
    let server = start();
    let account = server.credentials().account;
    let iam = crate::common::iam(&server, admin(&server));
    let trust = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{account}:root"}},"Action":"sts:AssumeRole"}}]}}"#
    );
    let role = iam
        .create_role()
        .role_name("deploy")
        .assume_role_policy_document(trust)
        .send()
        .await
        .unwrap();
    let arn = role.role().unwrap().arn().to_owned();
    let sts = crate::common::sts(&server, admin(&server));
    let error = sts
        .assume_role()
        .role_arn(&arn)
        .role_session_name("s1")
        .source_identity("alice")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&error),
        (
            "ValidationError".to_owned(),
            "SourceIdentity is not supported by this endpoint.".to_owned()
        )
    );
    let assumed = sts
        .assume_role()
        .role_arn(&arn)
        .role_session_name("s1")
        .send()
        .await
        .unwrap();
    assert!(assumed.credentials().is_some());
}

#[tokio::test(flavor = "multi_thread")]
async fn kms_refuses_an_enclave_recipient_it_cannot_honour() {
    use aws_sdk_kms::types::{DataKeySpec, KeyEncryptionMechanism, RecipientInfo};
    let server = start();
    let client = kms(&server, admin(&server));
    let key = client.create_key().send().await.unwrap();
    let key_id = key.key_metadata().unwrap().key_id().to_owned();
    let recipient = RecipientInfo::builder()
        .key_encryption_algorithm(KeyEncryptionMechanism::RsaesOaepSha256)
        .attestation_document(Blob::new("not an attestation"))
        .build();
    let error = client
        .generate_data_key()
        .key_id(&key_id)
        .key_spec(DataKeySpec::Aes256)
        .recipient(recipient)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        code_and_message(&error),
        (
            "ValidationException".to_owned(),
            "Recipient (an attested enclave) is not supported by this endpoint.".to_owned()
        )
    );
    let made = client
        .generate_data_key()
        .key_id(&key_id)
        .key_spec(DataKeySpec::Aes256)
        .send()
        .await
        .unwrap();
    assert_eq!(made.plaintext().unwrap().as_ref().len(), 32);
}
