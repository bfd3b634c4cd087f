//! Development mode: any well-formed credentials act in the configured account; reset wipes.

use aws_sdk_sts::config::Credentials;
use neargate_testkit::raw_request;

use crate::common::{admin, cloudtrail, start, start_with, sts};

fn reset(addr: &str) -> neargate_testkit::RawResponse {
    raw_request(addr, b"POST /_neargate/reset HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn any_credentials_act_in_the_dev_account() {
    let server = start_with(&["--dev", "--account-id", "123456789012"]);
    let anyone = Credentials::new("test", "test", None, None, "t");
    let me = sts(&server, anyone.clone())
        .get_caller_identity()
        .send()
        .await
        .unwrap();
    assert_eq!(me.account(), Some("123456789012"));
    assert_eq!(me.arn(), Some("arn:aws:iam::123456789012:user/admin"));

    let before = cloudtrail(&server, anyone.clone())
        .lookup_events()
        .send()
        .await
        .unwrap();
    assert!(!before.events().is_empty());
    let r = reset(server.direct_addr());
    assert_eq!(r.status, 200, "{}", r.text());
    let after = cloudtrail(&server, anyone)
        .lookup_events()
        .send()
        .await
        .unwrap();
    assert_eq!(after.events().len(), 0, "reset wiped the trail");
}

#[tokio::test(flavor = "multi_thread")]
async fn production_mode_refuses_strangers_and_reset() {
    let server = start();
    let stranger = Credentials::new("test", "test", None, None, "t");
    assert!(
        sts(&server, stranger)
            .get_caller_identity()
            .send()
            .await
            .is_err()
    );
    assert_eq!(reset(server.direct_addr()).status, 404);
    assert!(
        sts(&server, admin(&server))
            .get_caller_identity()
            .send()
            .await
            .is_ok(),
        "state kept"
    );
}
