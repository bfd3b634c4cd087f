//! Tests of the service as a whole, over an on-disk store.

use std::sync::Arc;

use neargate_common::{AwsError, ManualClock, Principal, PrincipalKind, Timestamp};
use neargate_model::Handler;
use neargate_model::kms::{EncryptRequest, ops};
use neargate_store::{Db, Read};
use serde_json::{Value, json};

use crate::keys::{KEYS, KeyRecord};
use crate::{Caller, Kms, RootKey, rewrap_all};

fn principal() -> Principal {
    Principal {
        kind: PrincipalKind::IamUser,
        account: "111122223333".into(),
        arn: "arn:aws:iam::111122223333:user/admin".into(),
        principal_id: "AIDAEXAMPLE".into(),
        user_name: Some("admin".into()),
        access_key_id: None,
        session: None,
        issuer: None,
    }
}

/// Runs `f` as an administrator allowed everything.
fn as_admin<R>(f: impl FnOnce(&Caller<'_>) -> R) -> R {
    let principal = principal();
    let allow = |_: &neargate_policy::Policy, _: &str| true;
    f(&Caller {
        principal: &principal,
        region: "us-east-1",
        may_manage: &allow,
        called_via: None,
    })
}

/// Runs `operation` as an administrator allowed everything; the output or the error.
fn try_call(kms: &Kms, operation: &str, input: Value) -> Result<Value, AwsError> {
    let Value::Object(map) = input else {
        unreachable!("inputs are objects")
    };
    // As the pipeline runs it: the model's checks, then the operation's unit if it is one.
    let model = &neargate_model::kms::MODEL;
    if let Some(shape) = model.operation(operation).and_then(|op| op.input) {
        neargate_model::validate(model, shape, &map)?;
    }
    as_admin(|caller| {
        neargate_model::kms::dispatch(kms, caller, operation, &map, &mut |_| Ok(()))
            .ok_or_else(|| AwsError::unknown_operation(operation))?
            .map(|a| a.output.into_value())
            .map_err(|f| f.error)
    })
}

fn call(kms: &Kms, operation: &str, input: Value) -> Value {
    try_call(kms, operation, input).unwrap()
}

/// A service over `db`, with a root key in `dir` and a clock stopped in 2027.
fn kms_over(db: Db, dir: &std::path::Path) -> Kms {
    let root = RootKey::load_or_create(&dir.join("root.key")).unwrap();
    let clock = Arc::new(ManualClock::new(Timestamp::from_secs(1_800_000_000)));
    Kms::new(db, clock, std::sync::Arc::new(root)).unwrap()
}

fn files_under(dir: &std::path::Path) -> Vec<Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| std::fs::read(p).unwrap())
        .collect()
}

#[test]
fn key_material_never_reaches_the_disk_in_the_clear() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("store.redb")).unwrap();
    let kms = kms_over(db.clone(), dir.path());
    let created = call(&kms, "CreateKey", json!({}));
    let id = created["KeyMetadata"]["KeyId"].as_str().unwrap().to_owned();
    let key: KeyRecord = db.read(|tx| tx.get(&KEYS, id.as_bytes())).unwrap().unwrap();
    let again = RootKey::load(&dir.path().join("root.key")).unwrap();
    let material = again
        .unwrap(
            &key.materials[0].wrapped,
            &KeyRecord::wrap_context(key.id, 1),
        )
        .unwrap();
    drop(kms);
    drop(db);
    for bytes in files_under(dir.path()) {
        assert!(
            !bytes
                .windows(material.len())
                .any(|w| w == material.as_slice())
        );
    }
}

#[test]
fn a_rewrap_under_the_wrong_old_key_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::memory();
    let kms = kms_over(db.clone(), dir.path());
    call(&kms, "CreateKey", json!({}));
    let stranger = RootKey::create(&dir.path().join("stranger.key")).unwrap();
    let new = RootKey::create(&dir.path().join("new.key")).unwrap();
    let before = db.read(|tx| tx.prefix(&KEYS, b"")).unwrap();
    assert!(rewrap_all(&db, &stranger, &new).is_err());
    assert_eq!(db.read(|tx| tx.prefix(&KEYS, b"")).unwrap(), before);
}

#[test]
fn every_operation_said_to_be_served_is_served() {
    let dir = tempfile::tempdir().unwrap();
    let kms = kms_over(Db::memory(), dir.path());
    for operation in neargate_model::kms::MODEL
        .operations
        .iter()
        .map(|op| op.name)
    {
        if let Err(e) = try_call(&kms, operation, json!({})) {
            assert!(
                e.code != "UnknownOperationException",
                "{operation} is listed but not served"
            );
        }
    }
    assert!(
        neargate_model::kms::MODEL
            .operation("DeriveSharedSecret")
            .is_none()
    );
    let unserved = try_call(&kms, "DeriveSharedSecret", json!({})).unwrap_err();
    assert_eq!(unserved.code, "UnknownOperationException");
}

#[test]
fn a_dry_run_stops_after_authorization() {
    let dir = tempfile::tempdir().unwrap();
    let kms = kms_over(Db::memory(), dir.path());
    let created = call(&kms, "CreateKey", json!({}));
    let id = created["KeyMetadata"]["KeyId"].clone();
    let error = try_call(
        &kms,
        "Encrypt",
        json!({"KeyId": id, "Plaintext": "aGk=", "DryRun": true}),
    )
    .unwrap_err();
    assert_eq!(error.code, "DryRunOperationException");
    let encrypted = call(
        &kms,
        "Encrypt",
        json!({"KeyId": id, "Plaintext": "aGk=", "DryRun": false}),
    );
    assert!(encrypted["CiphertextBlob"].is_string());
}

#[test]
fn resource_aliases_follow_alias_changes() {
    let dir = tempfile::tempdir().unwrap();
    let kms = kms_over(Db::memory(), dir.path());
    let created = call(&kms, "CreateKey", json!({}));
    let id = created["KeyMetadata"]["KeyId"].as_str().unwrap().to_owned();
    let aliases = |kms: &Kms| {
        let input: EncryptRequest =
            serde_json::from_value(json!({"KeyId": id, "Plaintext": "aGk="})).unwrap();
        as_admin(|caller| {
            let access = Handler::<ops::Encrypt, _>::access(kms, caller, &input).unwrap();
            access.questions[0]
                .context
                .iter()
                .find(|(k, _)| k == "kms:ResourceAliases")
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        })
    };
    assert!(aliases(&kms).is_empty());
    call(
        &kms,
        "CreateAlias",
        json!({"AliasName": "alias/app", "TargetKeyId": id}),
    );
    assert_eq!(aliases(&kms), ["alias/app"]);
    call(&kms, "DeleteAlias", json!({"AliasName": "alias/app"}));
    assert!(aliases(&kms).is_empty());
}
