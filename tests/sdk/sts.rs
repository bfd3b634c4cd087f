//! STS through the SDK: caller identity and temporary credentials.

use aws_sdk_sts::config::Credentials;

use crate::common::{admin, code, start, sts};

#[tokio::test(flavor = "multi_thread")]
async fn caller_identity_is_the_bootstrapped_admin() {
    let server = start();
    let creds = server.credentials();
    let out = sts(&server, admin(&server))
        .get_caller_identity()
        .send()
        .await
        .unwrap();
    assert_eq!(out.account(), Some(creds.account.as_str()));
    assert_eq!(
        out.arn(),
        Some(format!("arn:aws:iam::{}:user/admin", creds.account).as_str())
    );
    assert!(out.user_id().unwrap().starts_with("AIDA"));
}

#[tokio::test(flavor = "multi_thread")]
async fn session_credentials_work_and_need_their_token() {
    let server = start();
    let out = sts(&server, admin(&server))
        .get_session_token()
        .duration_seconds(900)
        .send()
        .await
        .unwrap();
    let c = out.credentials().unwrap();
    assert!(c.access_key_id().starts_with("ASIA"));
    let with_token = Credentials::new(
        c.access_key_id(),
        c.secret_access_key(),
        Some(c.session_token().to_owned()),
        None,
        "t",
    );
    let me = sts(&server, with_token)
        .get_caller_identity()
        .send()
        .await
        .unwrap();
    assert!(me.arn().unwrap().ends_with(":user/admin"));

    let without = Credentials::new(c.access_key_id(), c.secret_access_key(), None, None, "t");
    let err = sts(&server, without)
        .get_caller_identity()
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&err), "InvalidClientTokenId");
    let forged = Credentials::new(
        c.access_key_id(),
        c.secret_access_key(),
        Some("forged".into()),
        None,
        "t",
    );
    let err = sts(&server, forged)
        .get_caller_identity()
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&err), "InvalidClientTokenId");
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_credentials_get_query_protocol_errors() {
    let server = start();
    let c = server.credentials();
    let wrong_secret = Credentials::new(&c.access_key_id, "x".repeat(40), None, None, "t");
    let err = sts(&server, wrong_secret)
        .get_caller_identity()
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&err), "SignatureDoesNotMatch");
    let unknown = Credentials::new("AKIAUNKNOWNUNKNOWN00", "x".repeat(40), None, None, "t");
    let err = sts(&server, unknown)
        .get_caller_identity()
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&err), "InvalidClientTokenId");
    let err = sts(&server, admin(&server))
        .get_session_token()
        .duration_seconds(10)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&err), "ValidationError");
}
