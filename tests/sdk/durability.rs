//! Acknowledged writes survive `kill -9`; a clean shutdown keeps every audit event.

use std::os::unix::fs::PermissionsExt;

use aws_sdk_cloudtrail::types::{LookupAttribute, LookupAttributeKey};
use aws_sdk_sts::config::Credentials;

use crate::common::{admin, cloudtrail, start, sts};

#[tokio::test(flavor = "multi_thread")]
async fn an_acknowledged_write_survives_kill_9() {
    let mut server = start();
    let out = sts(&server, admin(&server))
        .get_session_token()
        .duration_seconds(3600)
        .send()
        .await
        .unwrap();
    let c = out.credentials().unwrap();
    let session = Credentials::new(
        c.access_key_id(),
        c.secret_access_key(),
        Some(c.session_token().to_owned()),
        None,
        "t",
    );
    server.kill9();
    server.restart();
    let me = sts(&server, session)
        .get_caller_identity()
        .send()
        .await
        .unwrap();
    assert!(me.arn().unwrap().ends_with(":user/admin"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_clean_shutdown_keeps_every_event() {
    let mut server = start();
    let client = sts(&server, admin(&server));
    for _ in 0..25 {
        client.get_caller_identity().send().await.unwrap();
    }
    assert!(server.terminate(), "SIGTERM ends the server with status 0");
    server.restart();
    let found = cloudtrail(&server, admin(&server))
        .lookup_events()
        .lookup_attributes(
            LookupAttribute::builder()
                .attribute_key(LookupAttributeKey::EventName)
                .attribute_value("GetCallerIdentity")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(found.events().len(), 25);
}

#[test]
fn credentials_are_private_to_the_owner() {
    let server = start();
    let mode = std::fs::metadata(server.data_dir().join("credentials"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let text = std::fs::read_to_string(server.data_dir().join("credentials")).unwrap();
    assert!(text.contains("aws_secret_access_key = "));
}
