//! KMS with the aws CLI: the key set-up of the seed (a key policy for Fargate and the account),
//! encryption with files, aliases, key states and a denial.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::{aws, aws_as, aws_try, seed_key_policy, start, stderr, user_with_key};

#[test]
fn the_seed_key_setup_and_its_daily_use() {
    let server = start();
    let account = server.credentials().account;
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("policy.json");
    std::fs::write(&policy, seed_key_policy(&account, "prod")).unwrap();
    let policy_arg = format!("file://{}", policy.display());
    let created = aws(
        &server,
        &[
            "kms",
            "create-key",
            "--description",
            "Fargate ephemeral storage",
            "--policy",
            &policy_arg,
        ],
    );
    let meta = &created["KeyMetadata"];
    let id = meta["KeyId"].as_str().unwrap();
    assert_eq!(meta["KeyState"], "Enabled");
    assert_eq!(meta["KeySpec"], "SYMMETRIC_DEFAULT");
    assert_eq!(meta["MultiRegion"], false);
    let stored = aws(&server, &["kms", "get-key-policy", "--key-id", id]);
    assert!(
        stored["Policy"]
            .as_str()
            .unwrap()
            .contains("fargate.amazonaws.com")
    );
    aws(
        &server,
        &[
            "kms",
            "create-alias",
            "--alias-name",
            "alias/fargate-storage",
            "--target-key-id",
            id,
        ],
    );
    let aliases = aws(&server, &["kms", "list-aliases", "--key-id", id]);
    assert_eq!(aliases["Aliases"][0]["AliasName"], "alias/fargate-storage");

    let plaintext = dir.path().join("plain.txt");
    std::fs::write(&plaintext, b"scratch data").unwrap();
    let sealed = aws(
        &server,
        &[
            "kms",
            "encrypt",
            "--key-id",
            "alias/fargate-storage",
            "--plaintext",
            &format!("fileb://{}", plaintext.display()),
            "--encryption-context",
            "purpose=cli",
        ],
    );
    let blob = STANDARD
        .decode(sealed["CiphertextBlob"].as_str().unwrap())
        .unwrap();
    let blob_file = dir.path().join("blob.bin");
    std::fs::write(&blob_file, blob).unwrap();
    let blob_arg = format!("fileb://{}", blob_file.display());
    let opened = aws(
        &server,
        &[
            "kms",
            "decrypt",
            "--ciphertext-blob",
            &blob_arg,
            "--encryption-context",
            "purpose=cli",
        ],
    );
    assert_eq!(
        STANDARD
            .decode(opened["Plaintext"].as_str().unwrap())
            .unwrap(),
        b"scratch data"
    );
    let wrong = aws_try(&server, &["kms", "decrypt", "--ciphertext-blob", &blob_arg]);
    assert!(stderr(&wrong).contains("(InvalidCiphertextException)"));

    // A user the account's IAM policies do not allow is refused by name.
    let (key, secret) = user_with_key(&server, "intruder");
    let denied = aws_as(
        &server,
        &key,
        &secret,
        None,
        &["kms", "describe-key", "--key-id", id],
    );
    assert!(
        stderr(&denied).contains("(AccessDeniedException)")
            && stderr(&denied).contains(&format!(
                "User: arn:aws:iam::{account}:user/intruder is not authorized to perform: \
                 kms:DescribeKey on resource: arn:aws:kms:us-east-1:{account}:key/{id}"
            )),
        "{}",
        stderr(&denied)
    );

    aws(&server, &["kms", "disable-key", "--key-id", id]);
    let disabled = aws_try(
        &server,
        &[
            "kms",
            "decrypt",
            "--ciphertext-blob",
            &blob_arg,
            "--encryption-context",
            "purpose=cli",
        ],
    );
    assert!(stderr(&disabled).contains("(DisabledException)"));
    let scheduled = aws(
        &server,
        &[
            "kms",
            "schedule-key-deletion",
            "--key-id",
            id,
            "--pending-window-in-days",
            "7",
        ],
    );
    assert_eq!(scheduled["KeyState"], "PendingDeletion");
    aws(&server, &["kms", "cancel-key-deletion", "--key-id", id]);
    let described = aws(&server, &["kms", "describe-key", "--key-id", id]);
    assert_eq!(described["KeyMetadata"]["KeyState"], "Disabled");
}
