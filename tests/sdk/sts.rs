//! STS through the SDK: caller identity and temporary credentials.

use std::time::Duration;

use aws_sdk_sts::config::Credentials;
use neargate_testkit::ServerOptions;

use crate::common::{admin, code, iam, start, sts, sts_ahead};

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

#[tokio::test(flavor = "multi_thread")]
async fn temporary_credentials_work_until_they_expire() {
    let mut server = start();
    let account = server.credentials().account;
    let trust = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{account}:root"}},"Action":"sts:AssumeRole"}}]}}"#
    );
    iam(&server, admin(&server))
        .create_role()
        .role_name("short-lived")
        .assume_role_policy_document(trust)
        .send()
        .await
        .unwrap();
    let admin_sts = sts(&server, admin(&server));
    let session = admin_sts
        .get_session_token()
        .duration_seconds(900)
        .send()
        .await
        .unwrap();
    let role = admin_sts
        .assume_role()
        .role_arn(format!("arn:aws:iam::{account}:role/short-lived"))
        .role_session_name("expiring")
        .duration_seconds(900)
        .send()
        .await
        .unwrap();
    let temporary: Vec<Credentials> = [session.credentials(), role.credentials()]
        .into_iter()
        .map(|c| {
            let c = c.unwrap();
            Credentials::new(
                c.access_key_id(),
                c.secret_access_key(),
                Some(c.session_token().to_owned()),
                None,
                "t",
            )
        })
        .collect();
    for credentials in &temporary {
        sts(&server, credentials.clone())
            .get_caller_identity()
            .send()
            .await
            .unwrap();
    }

    // Fifteen minutes and one second later, on the server's clock and the client's.
    let later = Duration::from_secs(901);
    server.restart_with(ServerOptions {
        args: vec!["--clock-offset".into(), later.as_secs().to_string()],
        ..Default::default()
    });
    for credentials in temporary {
        let err = sts_ahead(&server, credentials, later)
            .get_caller_identity()
            .send()
            .await
            .unwrap_err();
        assert_eq!(code(&err), "ExpiredToken");
    }
    let me = sts_ahead(&server, admin(&server), later)
        .get_caller_identity()
        .send()
        .await
        .unwrap();
    assert!(me.arn().unwrap().ends_with(":user/admin"));
}
