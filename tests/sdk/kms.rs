//! KMS through the SDK: keys, aliases, cryptography, key states, deletion, and key policies
//! that really decide.

use std::time::Duration;

use aws_sdk_kms::primitives::Blob;
use aws_sdk_kms::types::{DataKeySpec, KeyState, Tag};
use neargate_testkit::ServerOptions;

use crate::common::{admin, code, kms, kms_ahead, start, user_with_policy};

/// A new symmetric key with the default key policy; its id.
async fn new_key(client: &aws_sdk_kms::Client) -> String {
    let created = client.create_key().send().await.unwrap();
    created.key_metadata().unwrap().key_id().to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn keys_encrypt_decrypt_and_bind_their_context() {
    let server = start();
    let client = kms(&server, admin(&server));
    let key = client
        .create_key()
        .description("orders")
        .tags(
            Tag::builder()
                .tag_key("team")
                .tag_value("a")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    let meta = key.key_metadata().unwrap();
    let id = meta.key_id().to_owned();
    assert_eq!(meta.key_state(), Some(&KeyState::Enabled));
    assert_eq!(
        meta.arn().unwrap(),
        format!(
            "arn:aws:kms:us-east-1:{}:key/{id}",
            server.credentials().account
        )
    );
    let policy = client.get_key_policy().key_id(&id).send().await.unwrap();
    assert!(policy.policy().unwrap().contains(":root"));

    let sealed = client
        .encrypt()
        .key_id(&id)
        .plaintext(Blob::new("attack at dawn"))
        .encryption_context("purpose", "test")
        .send()
        .await
        .unwrap();
    let blob = sealed.ciphertext_blob().unwrap().clone();
    assert!(!blob.as_ref().windows(6).any(|w| w == b"attack"));
    // No KeyId needed: the blob names its key.
    let opened = client
        .decrypt()
        .ciphertext_blob(blob.clone())
        .encryption_context("purpose", "test")
        .send()
        .await
        .unwrap();
    assert_eq!(opened.plaintext().unwrap().as_ref(), b"attack at dawn");
    assert_eq!(opened.key_id(), meta.arn());
    let wrong_context = client
        .decrypt()
        .ciphertext_blob(blob.clone())
        .encryption_context("purpose", "other")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&wrong_context), "InvalidCiphertextException");
    let mut flipped = blob.clone().into_inner();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    let tampered = client
        .decrypt()
        .ciphertext_blob(Blob::new(flipped))
        .encryption_context("purpose", "test")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&tampered), "InvalidCiphertextException");

    let other = client.create_key().send().await.unwrap();
    let other_id = other.key_metadata().unwrap().key_id().to_owned();
    let incorrect = client
        .decrypt()
        .key_id(&other_id)
        .ciphertext_blob(blob.clone())
        .encryption_context("purpose", "test")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&incorrect), "IncorrectKeyException");
    let moved = client
        .re_encrypt()
        .ciphertext_blob(blob)
        .source_encryption_context("purpose", "test")
        .destination_key_id(&other_id)
        .send()
        .await
        .unwrap();
    let reopened = client
        .decrypt()
        .ciphertext_blob(moved.ciphertext_blob().unwrap().clone())
        .send()
        .await
        .unwrap();
    assert_eq!(reopened.plaintext().unwrap().as_ref(), b"attack at dawn");
    assert_eq!(reopened.key_id(), other.key_metadata().unwrap().arn());

    let too_big = client
        .encrypt()
        .key_id(&id)
        .plaintext(Blob::new(vec![0u8; 4097]))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&too_big), "ValidationException");
    let missing = client
        .encrypt()
        .key_id("11111111-2222-3333-4444-555555555555")
        .plaintext(Blob::new("x"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&missing), "NotFoundException");
}

#[tokio::test(flavor = "multi_thread")]
async fn data_keys_and_random_bytes() {
    let server = start();
    let client = kms(&server, admin(&server));
    let id = new_key(&client).await;
    client
        .create_alias()
        .alias_name("alias/storage")
        .target_key_id(&id)
        .send()
        .await
        .unwrap();
    let data_key = client
        .generate_data_key()
        .key_id("alias/storage")
        .key_spec(DataKeySpec::Aes128)
        .encryption_context("task", "t1")
        .send()
        .await
        .unwrap();
    let plaintext = data_key.plaintext().unwrap().as_ref().to_vec();
    assert_eq!(plaintext.len(), 16);
    let again = client
        .decrypt()
        .ciphertext_blob(data_key.ciphertext_blob().unwrap().clone())
        .encryption_context("task", "t1")
        .send()
        .await
        .unwrap();
    assert_eq!(again.plaintext().unwrap().as_ref(), plaintext.as_slice());
    let hidden = client
        .generate_data_key_without_plaintext()
        .key_id(&id)
        .number_of_bytes(64)
        .send()
        .await
        .unwrap();
    let revealed = client
        .decrypt()
        .ciphertext_blob(hidden.ciphertext_blob().unwrap().clone())
        .send()
        .await
        .unwrap();
    assert_eq!(revealed.plaintext().unwrap().as_ref().len(), 64);
    let both = client
        .generate_data_key()
        .key_id(&id)
        .key_spec(DataKeySpec::Aes256)
        .number_of_bytes(32)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&both), "ValidationException");

    let random = client
        .generate_random()
        .number_of_bytes(48)
        .send()
        .await
        .unwrap();
    assert_eq!(random.plaintext().unwrap().as_ref().len(), 48);
    let too_many = client
        .generate_random()
        .number_of_bytes(1025)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&too_many), "ValidationException");

    // Data keys never reach the disk in the clear.
    let needle = plaintext.as_slice();
    for entry in walk(server.data_dir()) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "{} holds a plaintext data key",
            entry.display()
        );
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[tokio::test(flavor = "multi_thread")]
async fn aliases_list_update_and_refuse_reserved_names() {
    let server = start();
    let client = kms(&server, admin(&server));
    let mut ids = Vec::new();
    for _ in 0..3 {
        let key = client.create_key().send().await.unwrap();
        ids.push(key.key_metadata().unwrap().key_id().to_owned());
    }
    let page = client.list_keys().limit(2).send().await.unwrap();
    assert_eq!(page.keys().len(), 2);
    assert!(page.truncated());
    let rest = client
        .list_keys()
        .marker(page.next_marker().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(rest.keys().len(), 1);
    assert!(!rest.truncated());

    client
        .create_alias()
        .alias_name("alias/app")
        .target_key_id(&ids[0])
        .send()
        .await
        .unwrap();
    let duplicate = client
        .create_alias()
        .alias_name("alias/app")
        .target_key_id(&ids[1])
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&duplicate), "AlreadyExistsException");
    let reserved = client
        .create_alias()
        .alias_name("alias/aws/ebs")
        .target_key_id(&ids[1])
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&reserved), "InvalidAliasNameException");
    let unprefixed = client
        .create_alias()
        .alias_name("app")
        .target_key_id(&ids[1])
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&unprefixed), "ValidationException");
    client
        .update_alias()
        .alias_name("alias/app")
        .target_key_id(&ids[2])
        .send()
        .await
        .unwrap();
    let described = client
        .describe_key()
        .key_id("alias/app")
        .send()
        .await
        .unwrap();
    assert_eq!(described.key_metadata().unwrap().key_id(), ids[2]);
    let listed = client.list_aliases().key_id(&ids[2]).send().await.unwrap();
    assert_eq!(listed.aliases().len(), 1);
    client
        .delete_alias()
        .alias_name("alias/app")
        .send()
        .await
        .unwrap();
    let gone = client
        .describe_key()
        .key_id("alias/app")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&gone), "NotFoundException");
}

#[tokio::test(flavor = "multi_thread")]
async fn key_states_and_deletion_after_the_window() {
    let mut server = start();
    let client = kms(&server, admin(&server));
    let key = client.create_key().send().await.unwrap();
    let id = key.key_metadata().unwrap().key_id().to_owned();
    client
        .create_alias()
        .alias_name("alias/doomed")
        .target_key_id(&id)
        .send()
        .await
        .unwrap();
    let blob = client
        .encrypt()
        .key_id(&id)
        .plaintext(Blob::new("x"))
        .send()
        .await
        .unwrap()
        .ciphertext_blob()
        .unwrap()
        .clone();
    client.disable_key().key_id(&id).send().await.unwrap();
    let disabled = client
        .encrypt()
        .key_id(&id)
        .plaintext(Blob::new("x"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&disabled), "DisabledException");
    client.enable_key().key_id(&id).send().await.unwrap();
    let scheduled = client
        .schedule_key_deletion()
        .key_id(&id)
        .pending_window_in_days(7)
        .send()
        .await
        .unwrap();
    assert_eq!(scheduled.key_state(), Some(&KeyState::PendingDeletion));
    let pending = client
        .decrypt()
        .ciphertext_blob(blob.clone())
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&pending), "KMSInvalidStateException");
    let too_short = client
        .schedule_key_deletion()
        .key_id(&id)
        .pending_window_in_days(6)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&too_short), "ValidationException");
    client
        .cancel_key_deletion()
        .key_id(&id)
        .send()
        .await
        .unwrap();
    let state = client.describe_key().key_id(&id).send().await.unwrap();
    assert_eq!(
        state.key_metadata().unwrap().key_state(),
        Some(&KeyState::Disabled)
    );
    client
        .schedule_key_deletion()
        .key_id(&id)
        .pending_window_in_days(7)
        .send()
        .await
        .unwrap();

    // Seven days and a minute later the key, its material and its alias are gone for good.
    let later = Duration::from_secs(7 * 86_400 + 60);
    server.restart_with(ServerOptions {
        args: vec!["--clock-offset".into(), later.as_secs().to_string()],
        ..Default::default()
    });
    let client = kms_ahead(&server, admin(&server), later);
    let gone = client.describe_key().key_id(&id).send().await.unwrap_err();
    assert_eq!(code(&gone), "NotFoundException");
    let keys = client.list_keys().send().await.unwrap();
    assert!(keys.keys().iter().all(|k| k.key_id() != Some(id.as_str())));
    let aliases = client.list_aliases().send().await.unwrap();
    assert!(aliases.aliases().is_empty());
    let undecryptable = client
        .decrypt()
        .ciphertext_blob(blob)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&undecryptable), "InvalidCiphertextException");
}

#[tokio::test(flavor = "multi_thread")]
async fn key_policies_decide_with_iam_only_where_they_trust_the_account() {
    let server = start();
    let account = server.credentials().account;
    let admin_client = kms(&server, admin(&server));
    let iam_allows_all = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}"#;
    let member = user_with_policy(&server, "member", Some(iam_allows_all)).await;
    let named = user_with_policy(&server, "named", None).await;

    // The default key policy trusts the account: IAM decides.
    let open_key = admin_client.create_key().send().await.unwrap();
    let open_id = open_key.key_metadata().unwrap().key_id().to_owned();
    kms(&server, member.clone())
        .encrypt()
        .key_id(&open_id)
        .plaintext(Blob::new("x"))
        .send()
        .await
        .unwrap();
    let no_iam = kms(&server, named.clone())
        .encrypt()
        .key_id(&open_id)
        .plaintext(Blob::new("x"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&no_iam), "AccessDeniedException");

    // A key policy that names users but not the account: IAM no longer counts.
    let policy = format!(
        r#"{{"Version":"2012-10-17","Statement":[
            {{"Sid":"Admin","Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{account}:user/admin"}},"Action":"kms:*","Resource":"*"}},
            {{"Sid":"Use","Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{account}:user/named"}},"Action":"kms:Encrypt","Resource":"*",
              "Condition":{{"StringEquals":{{"kms:EncryptionContext:purpose":"billing"}}}}}}]}}"#
    );
    let closed = admin_client
        .create_key()
        .policy(&policy)
        .send()
        .await
        .unwrap();
    let closed_id = closed.key_metadata().unwrap().key_id().to_owned();
    let denied = kms(&server, member)
        .encrypt()
        .key_id(&closed_id)
        .plaintext(Blob::new("x"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&denied), "AccessDeniedException");
    assert!(
        denied
            .as_service_error()
            .and_then(aws_sdk_kms::error::ProvideErrorMetadata::message)
            .unwrap()
            .contains("is not authorized to perform: kms:Encrypt on resource: arn:aws:kms:")
    );
    let named_client = kms(&server, named);
    named_client
        .encrypt()
        .key_id(&closed_id)
        .plaintext(Blob::new("x"))
        .encryption_context("purpose", "billing")
        .send()
        .await
        .unwrap();
    let wrong_purpose = named_client
        .encrypt()
        .key_id(&closed_id)
        .plaintext(Blob::new("x"))
        .encryption_context("purpose", "payroll")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&wrong_purpose), "AccessDeniedException");
    let not_granted = named_client
        .describe_key()
        .key_id(&closed_id)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&not_granted), "AccessDeniedException");

    // The lockout safety check, and its bypass.
    let lockout = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{account}:user/named"}},"Action":"kms:Encrypt","Resource":"*"}}]}}"#
    );
    let refused = admin_client
        .put_key_policy()
        .key_id(&closed_id)
        .policy(&lockout)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&refused), "MalformedPolicyDocumentException");
    admin_client
        .put_key_policy()
        .key_id(&closed_id)
        .policy(&lockout)
        .bypass_policy_lockout_safety_check(true)
        .send()
        .await
        .unwrap();
    let locked_out = admin_client
        .describe_key()
        .key_id(&closed_id)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&locked_out), "AccessDeniedException");
    let malformed = admin_client
        .create_key()
        .policy("{}")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&malformed), "MalformedPolicyDocumentException");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_root_key_rotates_and_old_ciphertexts_still_decrypt() {
    let mut server = start();
    let client = kms(&server, admin(&server));
    let id = new_key(&client).await;
    let blob = client
        .encrypt()
        .key_id(&id)
        .plaintext(Blob::new("kept"))
        .send()
        .await
        .unwrap()
        .ciphertext_blob()
        .unwrap()
        .clone();
    let root = server.data_dir().join("root.key");
    let before = std::fs::read(&root).unwrap();
    assert!(server.terminate());

    let rotate = std::process::Command::new(env!("CARGO_BIN_EXE_neargate"))
        .args(["root-key", "rotate", "--data-dir"])
        .arg(server.data_dir())
        .output()
        .unwrap();
    assert!(rotate.status.success(), "{rotate:?}");
    let said = String::from_utf8_lossy(&rotate.stdout);
    assert!(said.contains("1 material versions re-wrapped"), "{said}");
    assert!(said.contains("and 1 credential secrets"), "{said}");
    assert_ne!(std::fs::read(&root).unwrap(), before);
    assert_eq!(
        std::fs::read(server.data_dir().join("root.key.retired")).unwrap(),
        before
    );

    server.restart();
    let client = kms(&server, admin(&server));
    let opened = client.decrypt().ciphertext_blob(blob).send().await.unwrap();
    assert_eq!(opened.plaintext().unwrap().as_ref(), b"kept");
}

#[tokio::test(flavor = "multi_thread")]
async fn kms_calls_land_in_the_trail_without_their_secrets() {
    use aws_sdk_cloudtrail::types::{LookupAttribute, LookupAttributeKey};

    let server = start();
    let client = kms(&server, admin(&server));
    let key = client.create_key().send().await.unwrap();
    let arn = key.key_metadata().unwrap().arn().unwrap().to_owned();
    client
        .encrypt()
        .key_id(&arn)
        .plaintext(Blob::new("top secret words"))
        .encryption_context("purpose", "audit")
        .send()
        .await
        .unwrap();
    let stranger = user_with_policy(&server, "stranger", None).await;
    let denied = kms(&server, stranger)
        .encrypt()
        .key_id(&arn)
        .plaintext(Blob::new("x"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&denied), "AccessDeniedException");

    let events = crate::common::cloudtrail(&server, admin(&server))
        .lookup_events()
        .lookup_attributes(
            LookupAttribute::builder()
                .attribute_key(LookupAttributeKey::EventName)
                .attribute_value("Encrypt")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    let records: Vec<serde_json::Value> = events
        .events()
        .iter()
        .map(|e| serde_json::from_str(e.cloud_trail_event().unwrap()).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    for record in &records {
        assert_eq!(record["eventSource"], "kms.amazonaws.com");
        assert_eq!(record["readOnly"], true);
        assert_eq!(record["resources"][0]["type"], "AWS::KMS::Key");
        assert_eq!(record["resources"][0]["ARN"], arn.as_str());
        assert!(!record.to_string().contains("top secret"));
        assert!(record["requestParameters"].get("plaintext").is_none());
    }
    let allowed = records
        .iter()
        .find(|r| r.get("errorCode").is_none())
        .unwrap();
    assert_eq!(allowed["requestParameters"]["keyId"], arn.as_str());
    assert_eq!(
        allowed["requestParameters"]["encryptionContext"]["purpose"],
        "audit"
    );
    let refused = records
        .iter()
        .find(|r| r.get("errorCode").is_some())
        .unwrap();
    assert_eq!(refused["errorCode"], "AccessDeniedException");
    assert_eq!(refused["userIdentity"]["userName"], "stranger");
}

#[tokio::test(flavor = "multi_thread")]
async fn rotation_adds_material_and_every_version_still_decrypts() {
    let mut server = start();
    let client = kms(&server, admin(&server));
    let id = new_key(&client).await;
    let seal = |client: aws_sdk_kms::Client, text: &'static str| {
        let id = id.clone();
        async move {
            client
                .encrypt()
                .key_id(id)
                .plaintext(Blob::new(text))
                .send()
                .await
                .unwrap()
                .ciphertext_blob()
                .unwrap()
                .clone()
        }
    };
    let first = seal(client.clone(), "first").await;
    client
        .rotate_key_on_demand()
        .key_id(&id)
        .send()
        .await
        .unwrap();
    let second = seal(client.clone(), "second").await;
    let versions = |blob: &Blob| blob.as_ref()[17..21].to_vec();
    assert_ne!(versions(&first), versions(&second));

    let too_short = client
        .enable_key_rotation()
        .key_id(&id)
        .rotation_period_in_days(89)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&too_short), "ValidationException");
    client
        .enable_key_rotation()
        .key_id(&id)
        .rotation_period_in_days(90)
        .send()
        .await
        .unwrap();
    let status = client
        .get_key_rotation_status()
        .key_id(&id)
        .send()
        .await
        .unwrap();
    assert!(status.key_rotation_enabled());
    assert_eq!(status.rotation_period_in_days(), Some(90));

    // Ninety-one days later the scheduled rotation has happened on its own.
    let later = Duration::from_secs(91 * 86_400);
    server.restart_with(ServerOptions {
        args: vec!["--clock-offset".into(), later.as_secs().to_string()],
        ..Default::default()
    });
    let client = kms_ahead(&server, admin(&server), later);
    let rotations = client
        .list_key_rotations()
        .key_id(&id)
        .send()
        .await
        .unwrap();
    let kinds: Vec<&str> = rotations
        .rotations()
        .iter()
        .map(|r| r.rotation_type().unwrap().as_str())
        .collect();
    assert_eq!(kinds, ["ON_DEMAND", "AUTOMATIC"]);
    let third = seal(client.clone(), "third").await;
    assert_ne!(versions(&third), versions(&second));
    for (blob, text) in [(first, "first"), (second, "second"), (third, "third")] {
        let opened = client.decrypt().ciphertext_blob(blob).send().await.unwrap();
        assert_eq!(opened.plaintext().unwrap().as_ref(), text.as_bytes());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn grants_allow_exactly_their_operations_until_revoked_or_retired() {
    use aws_sdk_kms::types::{GrantConstraints, GrantOperation};

    let server = start();
    let account = server.credentials().account;
    let admin_client = kms(&server, admin(&server));
    let id = new_key(&admin_client).await;
    let worker = kms(&server, user_with_policy(&server, "worker", None).await);
    let worker_arn = format!("arn:aws:iam::{account}:user/worker");
    let admin_arn = format!("arn:aws:iam::{account}:user/admin");
    let before = worker
        .generate_data_key()
        .key_id(&id)
        .key_spec(DataKeySpec::Aes256)
        .encryption_context("cluster", "a")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&before), "AccessDeniedException");

    // The same named grant, asked for twice: the second answer is the first grant.
    let named_grant = || {
        admin_client
            .create_grant()
            .key_id(&id)
            .grantee_principal(&worker_arn)
            .retiring_principal(&admin_arn)
            .operations(GrantOperation::GenerateDataKey)
            .operations(GrantOperation::Decrypt)
            .constraints(
                GrantConstraints::builder()
                    .encryption_context_subset("cluster", "a")
                    .build(),
            )
            .name("worker-a")
            .send()
    };
    let grant = named_grant().await.unwrap();
    let grant_id = grant.grant_id().unwrap().to_owned();
    let again = named_grant().await.unwrap();
    assert_eq!(again.grant_id(), Some(grant_id.as_str()));

    let data_key = worker
        .generate_data_key()
        .key_id(&id)
        .key_spec(DataKeySpec::Aes256)
        .encryption_context("cluster", "a")
        .encryption_context("task", "t-1")
        .send()
        .await
        .unwrap();
    worker
        .decrypt()
        .ciphertext_blob(data_key.ciphertext_blob().unwrap().clone())
        .encryption_context("cluster", "a")
        .encryption_context("task", "t-1")
        .send()
        .await
        .unwrap();
    let other_cluster = worker
        .generate_data_key()
        .key_id(&id)
        .key_spec(DataKeySpec::Aes256)
        .encryption_context("cluster", "b")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&other_cluster), "AccessDeniedException");
    let not_granted = worker
        .encrypt()
        .key_id(&id)
        .plaintext(Blob::new("x"))
        .encryption_context("cluster", "a")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&not_granted), "AccessDeniedException");

    let listed = admin_client.list_grants().key_id(&id).send().await.unwrap();
    assert_eq!(listed.grants().len(), 1);
    assert_eq!(
        listed.grants()[0].grantee_principal(),
        Some(worker_arn.as_str())
    );
    let retirable = admin_client
        .list_retirable_grants()
        .retiring_principal(&admin_arn)
        .send()
        .await
        .unwrap();
    assert_eq!(retirable.grants().len(), 1);

    admin_client
        .revoke_grant()
        .key_id(&id)
        .grant_id(&grant_id)
        .send()
        .await
        .unwrap();
    let revoked = worker
        .generate_data_key()
        .key_id(&id)
        .key_spec(DataKeySpec::Aes256)
        .encryption_context("cluster", "a")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&revoked), "AccessDeniedException");

    // A grantee allowed to retire its own grant does so with the token.
    let own = admin_client
        .create_grant()
        .key_id(&id)
        .grantee_principal(&worker_arn)
        .operations(GrantOperation::Encrypt)
        .operations(GrantOperation::RetireGrant)
        .send()
        .await
        .unwrap();
    worker
        .encrypt()
        .key_id(&id)
        .plaintext(Blob::new("x"))
        .send()
        .await
        .unwrap();
    worker
        .retire_grant()
        .grant_token(own.grant_token().unwrap())
        .send()
        .await
        .unwrap();
    let retired = worker
        .encrypt()
        .key_id(&id)
        .plaintext(Blob::new("x"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&retired), "AccessDeniedException");

    let bad_operation = admin_client
        .create_grant()
        .key_id(&id)
        .grantee_principal(&worker_arn)
        .operations(GrantOperation::Sign)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&bad_operation), "ValidationException");
    let bad_token = worker
        .retire_grant()
        .grant_token("nonsense")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&bad_token), "InvalidGrantTokenException");
}

/// Wraps `material` with the DER public key `public` as `openssl pkeyutl` does in AWS's guide.
fn openssl_wrap(dir: &std::path::Path, public: &[u8], material: &[u8]) -> Vec<u8> {
    let (key_file, in_file, out_file) = (
        dir.join("wrapping.der"),
        dir.join("material.bin"),
        dir.join("wrapped.bin"),
    );
    std::fs::write(&key_file, public).unwrap();
    std::fs::write(&in_file, material).unwrap();
    let status = std::process::Command::new("openssl")
        .args(["pkeyutl", "-encrypt", "-pubin", "-keyform", "DER"])
        .arg("-inkey")
        .arg(&key_file)
        .arg("-in")
        .arg(&in_file)
        .arg("-out")
        .arg(&out_file)
        .args([
            "-pkeyopt",
            "rsa_padding_mode:oaep",
            "-pkeyopt",
            "rsa_oaep_md:sha256",
            "-pkeyopt",
            "rsa_mgf1_md:sha256",
        ])
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read(out_file).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn imported_material_is_a_backup_that_restores_old_ciphertexts() {
    use aws_sdk_kms::types::{AlgorithmSpec, ExpirationModelType, OriginType, WrappingKeySpec};

    let mut server = start();
    let client = kms(&server, admin(&server));
    let dir = tempfile::tempdir().unwrap();
    let key = client
        .create_key()
        .origin(OriginType::External)
        .send()
        .await
        .unwrap();
    let meta = key.key_metadata().unwrap();
    let id = meta.key_id().to_owned();
    assert_eq!(meta.key_state(), Some(&KeyState::PendingImport));
    let not_yet = client
        .encrypt()
        .key_id(&id)
        .plaintext(Blob::new("x"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&not_yet), "KMSInvalidStateException");

    // 32 random bytes, kept "off-cloud" by the customer.
    let mut backup = [0u8; 32];
    getrandom::fill(&mut backup).unwrap();
    let import = |material: Vec<u8>, expires: Option<aws_sdk_kms::primitives::DateTime>| {
        let client = client.clone();
        let id = id.clone();
        let dir = dir.path().to_owned();
        async move {
            let parameters = client
                .get_parameters_for_import()
                .key_id(&id)
                .wrapping_algorithm(AlgorithmSpec::RsaesOaepSha256)
                .wrapping_key_spec(WrappingKeySpec::Rsa2048)
                .send()
                .await
                .unwrap();
            let wrapped = openssl_wrap(&dir, parameters.public_key().unwrap().as_ref(), &material);
            let mut request = client
                .import_key_material()
                .key_id(&id)
                .import_token(parameters.import_token().unwrap().clone())
                .encrypted_key_material(Blob::new(wrapped));
            request = match expires {
                Some(at) => request
                    .expiration_model(ExpirationModelType::KeyMaterialExpires)
                    .valid_to(at),
                None => request.expiration_model(ExpirationModelType::KeyMaterialDoesNotExpire),
            };
            request.send().await
        }
    };
    import(backup.to_vec(), None).await.unwrap();
    let described = client.describe_key().key_id(&id).send().await.unwrap();
    assert_eq!(
        described.key_metadata().unwrap().key_state(),
        Some(&KeyState::Enabled)
    );
    let blob = client
        .encrypt()
        .key_id(&id)
        .plaintext(Blob::new("kept safe"))
        .send()
        .await
        .unwrap()
        .ciphertext_blob()
        .unwrap()
        .clone();

    client
        .delete_imported_key_material()
        .key_id(&id)
        .send()
        .await
        .unwrap();
    let without = client
        .decrypt()
        .ciphertext_blob(blob.clone())
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&without), "KMSInvalidStateException");

    let mut other = backup;
    other[0] ^= 0xff;
    let wrong = import(other.to_vec(), None).await.unwrap_err();
    assert_eq!(code(&wrong), "IncorrectKeyMaterialException");

    // The same bytes again: the old ciphertext decrypts.
    let in_two_days = aws_sdk_kms::primitives::DateTime::from_secs(
        i64::try_from(
            (neargate_testkit::now() + Duration::from_secs(2 * 86_400))
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs(),
        )
        .unwrap(),
    );
    import(backup.to_vec(), Some(in_two_days)).await.unwrap();
    let opened = client
        .decrypt()
        .ciphertext_blob(blob.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(opened.plaintext().unwrap().as_ref(), b"kept safe");

    // Past ValidTo the material is gone and the key waits for an import again.
    let later = Duration::from_secs(3 * 86_400);
    server.restart_with(ServerOptions {
        args: vec!["--clock-offset".into(), later.as_secs().to_string()],
        ..Default::default()
    });
    let client = kms_ahead(&server, admin(&server), later);
    let expired = client
        .decrypt()
        .ciphertext_blob(blob)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&expired), "KMSInvalidStateException");
    let described = client.describe_key().key_id(&id).send().await.unwrap();
    assert_eq!(
        described.key_metadata().unwrap().key_state(),
        Some(&KeyState::PendingImport)
    );
}

/// Runs `openssl args…` and tells whether it succeeded.
fn openssl<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> bool {
    std::process::Command::new("openssl")
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap()
        .success()
}

#[tokio::test(flavor = "multi_thread")]
async fn asymmetric_and_hmac_keys_sign_verify_and_encrypt_with_openssl() {
    use aws_sdk_kms::types::{
        EncryptionAlgorithmSpec, KeySpec, KeyUsageType, MacAlgorithmSpec, MessageType,
        SigningAlgorithmSpec,
    };
    use std::ffi::OsStr;

    let server = start();
    let client = kms(&server, admin(&server));
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    let message = b"the task may start".to_vec();
    std::fs::write(path("message.bin"), &message).unwrap();

    for (spec, algorithm, openssl_opts) in [
        (
            KeySpec::Rsa2048,
            SigningAlgorithmSpec::RsassaPssSha256,
            vec![
                "-sigopt",
                "rsa_padding_mode:pss",
                "-sigopt",
                "rsa_pss_saltlen:-1",
            ],
        ),
        (
            KeySpec::Rsa3072,
            SigningAlgorithmSpec::RsassaPkcs1V15Sha384,
            vec![],
        ),
        (
            KeySpec::EccNistP256,
            SigningAlgorithmSpec::EcdsaSha256,
            vec![],
        ),
        (
            KeySpec::EccNistP384,
            SigningAlgorithmSpec::EcdsaSha384,
            vec![],
        ),
        (
            KeySpec::EccSecgP256K1,
            SigningAlgorithmSpec::EcdsaSha256,
            vec![],
        ),
    ] {
        let key = client
            .create_key()
            .key_spec(spec.clone())
            .key_usage(KeyUsageType::SignVerify)
            .send()
            .await
            .unwrap();
        let meta = key.key_metadata().unwrap();
        assert!(meta.signing_algorithms().contains(&algorithm), "{spec:?}");
        let id = meta.key_id().to_owned();
        let signed = client
            .sign()
            .key_id(&id)
            .message(Blob::new(message.clone()))
            .signing_algorithm(algorithm.clone())
            .send()
            .await
            .unwrap();
        let signature = signed.signature().unwrap().as_ref().to_vec();
        client
            .verify()
            .key_id(&id)
            .message(Blob::new(message.clone()))
            .signature(Blob::new(signature.clone()))
            .signing_algorithm(algorithm.clone())
            .send()
            .await
            .unwrap();
        let mut forged = signature.clone();
        forged[10] ^= 1;
        let refused = client
            .verify()
            .key_id(&id)
            .message(Blob::new(message.clone()))
            .signature(Blob::new(forged))
            .signing_algorithm(algorithm.clone())
            .send()
            .await
            .unwrap_err();
        assert_eq!(code(&refused), "KMSInvalidSignatureException");

        // OpenSSL verifies the signature against the public key KMS hands out.
        let public = client.get_public_key().key_id(&id).send().await.unwrap();
        std::fs::write(path("public.der"), public.public_key().unwrap().as_ref()).unwrap();
        std::fs::write(path("signature.bin"), &signature).unwrap();
        let digest = match algorithm {
            SigningAlgorithmSpec::RsassaPkcs1V15Sha384 | SigningAlgorithmSpec::EcdsaSha384 => {
                "-sha384"
            }
            _ => "-sha256",
        };
        let mut args: Vec<std::ffi::OsString> = ["dgst", digest, "-keyform", "DER", "-verify"]
            .iter()
            .map(Into::into)
            .collect();
        args.push(path("public.der").into());
        args.push("-signature".into());
        args.push(path("signature.bin").into());
        args.extend(openssl_opts.iter().map(Into::into));
        args.push(path("message.bin").into());
        assert!(openssl(&args), "openssl rejects the {spec:?} signature");
    }

    // A digest signed as such verifies like the message it digests.
    let ecc = client
        .create_key()
        .key_spec(KeySpec::EccNistP256)
        .key_usage(KeyUsageType::SignVerify)
        .send()
        .await
        .unwrap();
    let ecc_id = ecc.key_metadata().unwrap().key_id().to_owned();
    let digest = openssl_sha256(&message);
    let by_digest = client
        .sign()
        .key_id(&ecc_id)
        .message(Blob::new(digest))
        .message_type(MessageType::Digest)
        .signing_algorithm(SigningAlgorithmSpec::EcdsaSha256)
        .send()
        .await
        .unwrap();
    client
        .verify()
        .key_id(&ecc_id)
        .message(Blob::new(message.clone()))
        .signature(by_digest.signature().unwrap().clone())
        .signing_algorithm(SigningAlgorithmSpec::EcdsaSha256)
        .send()
        .await
        .unwrap();

    // RSA encryption: OpenSSL encrypts with the public key, KMS decrypts.
    let rsa = client
        .create_key()
        .key_spec(KeySpec::Rsa2048)
        .key_usage(KeyUsageType::EncryptDecrypt)
        .send()
        .await
        .unwrap();
    let rsa_id = rsa.key_metadata().unwrap().key_id().to_owned();
    let public = client
        .get_public_key()
        .key_id(&rsa_id)
        .send()
        .await
        .unwrap();
    std::fs::write(path("rsa.der"), public.public_key().unwrap().as_ref()).unwrap();
    assert!(openssl(&[
        OsStr::new("pkeyutl"),
        OsStr::new("-encrypt"),
        OsStr::new("-pubin"),
        OsStr::new("-keyform"),
        OsStr::new("DER"),
        OsStr::new("-inkey"),
        path("rsa.der").as_os_str(),
        OsStr::new("-in"),
        path("message.bin").as_os_str(),
        OsStr::new("-out"),
        path("sealed.bin").as_os_str(),
        OsStr::new("-pkeyopt"),
        OsStr::new("rsa_padding_mode:oaep"),
        OsStr::new("-pkeyopt"),
        OsStr::new("rsa_oaep_md:sha256"),
        OsStr::new("-pkeyopt"),
        OsStr::new("rsa_mgf1_md:sha256"),
    ]));
    let opened = client
        .decrypt()
        .key_id(&rsa_id)
        .ciphertext_blob(Blob::new(std::fs::read(path("sealed.bin")).unwrap()))
        .encryption_algorithm(EncryptionAlgorithmSpec::RsaesOaepSha256)
        .send()
        .await
        .unwrap();
    assert_eq!(opened.plaintext().unwrap().as_ref(), message.as_slice());
    let no_algorithm = client
        .encrypt()
        .key_id(&rsa_id)
        .plaintext(Blob::new("x"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&no_algorithm), "InvalidKeyUsageException");
    let not_for_signing = client
        .sign()
        .key_id(&rsa_id)
        .message(Blob::new("x"))
        .signing_algorithm(SigningAlgorithmSpec::RsassaPssSha256)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&not_for_signing), "InvalidKeyUsageException");

    // HMAC keys make and check MACs.
    let hmac = client
        .create_key()
        .key_spec(KeySpec::Hmac256)
        .key_usage(KeyUsageType::GenerateVerifyMac)
        .send()
        .await
        .unwrap();
    let hmac_id = hmac.key_metadata().unwrap().key_id().to_owned();
    let mac = client
        .generate_mac()
        .key_id(&hmac_id)
        .message(Blob::new(message.clone()))
        .mac_algorithm(MacAlgorithmSpec::HmacSha256)
        .send()
        .await
        .unwrap();
    assert_eq!(mac.mac().unwrap().as_ref().len(), 32);
    client
        .verify_mac()
        .key_id(&hmac_id)
        .message(Blob::new(message.clone()))
        .mac(mac.mac().unwrap().clone())
        .mac_algorithm(MacAlgorithmSpec::HmacSha256)
        .send()
        .await
        .unwrap();
    let wrong = client
        .verify_mac()
        .key_id(&hmac_id)
        .message(Blob::new("another message"))
        .mac(mac.mac().unwrap().clone())
        .mac_algorithm(MacAlgorithmSpec::HmacSha256)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&wrong), "KMSInvalidMacException");
    let symmetric = client.create_key().send().await.unwrap();
    let no_public = client
        .get_public_key()
        .key_id(symmetric.key_metadata().unwrap().key_id())
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&no_public), "UnsupportedOperationException");
}

/// SHA-256 of `bytes`, computed by OpenSSL so the test trusts no code of the server.
fn openssl_sha256(bytes: &[u8]) -> Vec<u8> {
    let mut child = std::process::Command::new("openssl")
        .args(["dgst", "-sha256", "-binary"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), bytes).unwrap();
    child.wait_with_output().unwrap().stdout
}

#[tokio::test(flavor = "multi_thread")]
async fn data_key_pairs_come_sealed_under_a_symmetric_key() {
    use aws_sdk_kms::types::DataKeyPairSpec;

    let server = start();
    let client = kms(&server, admin(&server));
    let id = new_key(&client).await;
    for spec in [DataKeyPairSpec::Rsa2048, DataKeyPairSpec::EccNistP256] {
        let pair = client
            .generate_data_key_pair()
            .key_id(&id)
            .key_pair_spec(spec.clone())
            .encryption_context("purpose", "pair")
            .send()
            .await
            .unwrap();
        let private = pair.private_key_plaintext().unwrap().as_ref().to_vec();
        let opened = client
            .decrypt()
            .ciphertext_blob(pair.private_key_ciphertext_blob().unwrap().clone())
            .encryption_context("purpose", "pair")
            .send()
            .await
            .unwrap();
        assert_eq!(opened.plaintext().unwrap().as_ref(), private.as_slice());
        // The private key is PKCS #8 and its public half is the one returned.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("private.der"), &private).unwrap();
        let derived = std::process::Command::new("openssl")
            .args([
                "pkey", "-inform", "DER", "-outform", "DER", "-pubout", "-in",
            ])
            .arg(dir.path().join("private.der"))
            .output()
            .unwrap();
        assert!(derived.status.success(), "{spec:?}");
        assert_eq!(derived.stdout, pair.public_key().unwrap().as_ref());
        let hidden = client
            .generate_data_key_pair_without_plaintext()
            .key_id(&id)
            .key_pair_spec(spec)
            .send()
            .await
            .unwrap();
        assert!(hidden.private_key_ciphertext_blob().is_some());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn members_kms_cannot_honour_are_refused_and_grant_tokens_checked() {
    let server = start();
    let client = kms(&server, admin(&server));
    let custom = client
        .create_key()
        .custom_key_store_id("cks-1234567890abcdef0")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&custom), "CustomKeyStoreNotFoundException");
    let key = client.create_key().send().await.unwrap();
    let id = key.key_metadata().unwrap().key_id().to_owned();
    // Every operation that takes grant tokens checks them, not just CreateGrant.
    let forged = client
        .encrypt()
        .key_id(&id)
        .plaintext(Blob::new(b"hi".to_vec()))
        .grant_tokens("not-a-grant-token")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&forged), "InvalidGrantTokenException");
    let data_key = client
        .generate_data_key()
        .key_id(&id)
        .key_spec(DataKeySpec::Aes256)
        .grant_tokens("not-a-grant-token")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&data_key), "InvalidGrantTokenException");
}

#[tokio::test(flavor = "multi_thread")]
async fn moving_an_alias_needs_the_key_it_leaves_too() {
    let server = start();
    let account = server.credentials().account;
    let admin_client = kms(&server, admin(&server));
    let old = admin_client.create_key().send().await.unwrap();
    let old = old.key_metadata().unwrap().arn().unwrap().to_owned();
    let new = admin_client.create_key().send().await.unwrap();
    let new = new.key_metadata().unwrap().arn().unwrap().to_owned();
    admin_client
        .create_alias()
        .alias_name("alias/app")
        .target_key_id(&old)
        .send()
        .await
        .unwrap();
    // Allowed on the alias and on the key it moves to, not on the key it leaves.
    let policy = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"kms:UpdateAlias","Resource":["arn:aws:kms:us-east-1:{account}:alias/app","{new}"]}}]}}"#
    );
    let mover = user_with_policy(&server, "mover", Some(&policy)).await;
    let moved = kms(&server, mover)
        .update_alias()
        .alias_name("alias/app")
        .target_key_id(&new)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&moved), "AccessDeniedException");
    assert!(format!("{moved:?}").contains(&old), "{moved:?}");
}
