//! CloudTrail through the SDK: every call, allowed or failed, is found by LookupEvents.

use aws_sdk_cloudtrail::types::{LookupAttribute, LookupAttributeKey};
use aws_sdk_sts::config::Credentials;
use serde_json::Value;

use crate::common::{admin, cloudtrail, start, sts};

fn attribute(key: LookupAttributeKey, value: &str) -> LookupAttribute {
    LookupAttribute::builder()
        .attribute_key(key)
        .attribute_value(value)
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn calls_become_events_in_aws_format() {
    let server = start();
    let creds = server.credentials();
    let client = sts(&server, admin(&server));
    for _ in 0..3 {
        client.get_caller_identity().send().await.unwrap();
    }
    let wrong = Credentials::new(&creds.access_key_id, "y".repeat(40), None, None, "t");
    sts(&server, wrong)
        .get_caller_identity()
        .send()
        .await
        .unwrap_err();

    let trail = cloudtrail(&server, admin(&server));
    let found = trail
        .lookup_events()
        .lookup_attributes(attribute(
            LookupAttributeKey::EventName,
            "GetCallerIdentity",
        ))
        .send()
        .await
        .unwrap();
    let events = found.events();
    assert_eq!(
        events.len(),
        4,
        "three allowed calls and one failed signature"
    );
    let records: Vec<Value> = events
        .iter()
        .map(|e| serde_json::from_str(e.cloud_trail_event().unwrap()).unwrap())
        .collect();
    let failed: Vec<&Value> = records
        .iter()
        .filter(|r| r.get("errorCode").is_some())
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["errorCode"], "SignatureDoesNotMatch");
    let ok = records
        .iter()
        .find(|r| r.get("errorCode").is_none())
        .unwrap();
    for field in [
        "eventVersion",
        "eventTime",
        "eventSource",
        "eventName",
        "awsRegion",
        "sourceIPAddress",
        "userAgent",
        "requestID",
        "eventID",
        "readOnly",
        "eventType",
        "managementEvent",
        "recipientAccountId",
        "eventCategory",
    ] {
        assert!(ok.get(field).is_some(), "{field} missing from {ok}");
    }
    assert_eq!(ok["eventSource"], "sts.amazonaws.com");
    assert_eq!(ok["userIdentity"]["type"], "IAMUser");
    assert_eq!(ok["userIdentity"]["accountId"], creds.account.as_str());
    assert_eq!(
        ok["userIdentity"]["accessKeyId"],
        creds.access_key_id.as_str()
    );
    assert_eq!(events[0].username(), Some("admin"));
    assert!(
        events
            .windows(2)
            .all(|w| w[0].event_time() >= w[1].event_time()),
        "newest first"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn secrets_never_reach_the_trail() {
    let server = start();
    let out = sts(&server, admin(&server))
        .get_session_token()
        .send()
        .await
        .unwrap();
    let c = out.credentials().unwrap();
    let trail = cloudtrail(&server, admin(&server));
    let found = trail
        .lookup_events()
        .lookup_attributes(attribute(LookupAttributeKey::EventName, "GetSessionToken"))
        .send()
        .await
        .unwrap();
    let record = found.events()[0].cloud_trail_event().unwrap().to_owned();
    assert!(
        record.contains(c.access_key_id()),
        "the issued key id is recorded"
    );
    assert!(
        !record.contains(c.secret_access_key()),
        "secret leaked: {record}"
    );
    assert!(
        !record.contains(c.session_token()),
        "token leaked: {record}"
    );
    assert!(!record.contains(&server.credentials().secret_access_key));
}

#[tokio::test(flavor = "multi_thread")]
async fn paginates_and_filters() {
    let server = start();
    let client = sts(&server, admin(&server));
    for _ in 0..7 {
        client.get_caller_identity().send().await.unwrap();
    }
    let trail = cloudtrail(&server, admin(&server));
    let mut ids = Vec::new();
    let mut token = None;
    loop {
        let page = trail
            .lookup_events()
            .lookup_attributes(attribute(
                LookupAttributeKey::EventSource,
                "sts.amazonaws.com",
            ))
            .max_results(3)
            .set_next_token(token)
            .send()
            .await
            .unwrap();
        ids.extend(
            page.events()
                .iter()
                .map(|e| e.event_id().unwrap().to_owned()),
        );
        token = page.next_token().map(str::to_owned);
        if token.is_none() {
            break;
        }
    }
    assert_eq!(ids.len(), 7);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 7);
    let one = trail
        .lookup_events()
        .lookup_attributes(attribute(LookupAttributeKey::EventId, &ids[3]))
        .send()
        .await
        .unwrap();
    assert_eq!(one.events().len(), 1);
    let err = trail
        .lookup_events()
        .max_results(51)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.as_service_error()
            .and_then(|e| aws_sdk_cloudtrail::error::ProvideErrorMetadata::code(e)),
        Some("InvalidMaxResultsException")
    );
    let two = [
        attribute(LookupAttributeKey::EventName, "a"),
        attribute(LookupAttributeKey::EventName, "b"),
    ];
    let err = trail
        .lookup_events()
        .set_lookup_attributes(Some(two.to_vec()))
        .send()
        .await
        .unwrap_err();
    assert!(
        err.as_service_error()
            .unwrap()
            .is_invalid_lookup_attributes_exception()
    );
}
