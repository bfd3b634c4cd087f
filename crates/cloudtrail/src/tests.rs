//! Recording and looking up events against an in-memory store.

use std::sync::Arc;
use std::time::Duration;

use neargate_common::{Clock, ManualClock, Principal, PrincipalKind, Timestamp};
use neargate_model::cloudtrail::MODEL;
use neargate_store::Db;
use serde_json::{Value, json};

use crate::{CallFacts, Caller, Recorder};

fn principal(account: &str) -> Principal {
    Principal {
        kind: PrincipalKind::IamUser,
        account: account.into(),
        arn: format!("arn:aws:iam::{account}:user/admin"),
        principal_id: "AIDAEXAMPLE".into(),
        user_name: Some("admin".into()),
        access_key_id: Some("AKIAEXAMPLE".into()),
        session: None,
        issuer: None,
    }
}

fn facts(time: Timestamp, name: &str, account: &str) -> CallFacts {
    CallFacts {
        time,
        principal: principal(account).into(),
        invoked_by: None,
        event_source: "sts.amazonaws.com",
        event_name: name.into(),
        region: "us-east-1".into(),
        source_ip: std::net::Ipv4Addr::LOCALHOST.into(),
        user_agent: "test".into(),
        request_id: "req".into(),
        read_only: name.starts_with("Get"),
        request_parameters: None,
        response_elements: None,
        error_code: None,
        error_message: None,
        resources: vec![(
            "AWS::KMS::Key".into(),
            format!("arn:aws:kms:us-east-1:{account}:key/{name}"),
        )],
    }
}

struct Fixture {
    clock: Arc<ManualClock>,
    recorder: Recorder,
    _trail: tempfile::TempDir,
}

fn fixture() -> Fixture {
    let clock = Arc::new(ManualClock::new(Timestamp::from_secs(1_800_000_000)));
    let trail = tempfile::tempdir().unwrap();
    let recorder = Recorder::start(Db::memory(), clock.clone(), trail.path()).unwrap();
    Fixture {
        clock,
        recorder,
        _trail: trail,
    }
}

impl Fixture {
    fn record(&self, name: &str, account: &str) {
        self.clock.advance(Duration::from_secs(1));
        let facts = facts(self.clock.now(), name, account);
        self.recorder.record(facts, neargate_common::ids::uuid());
    }

    fn lookup(&self, input: Value) -> Result<Value, neargate_common::AwsError> {
        let Value::Object(map) = input else {
            panic!("object")
        };
        // As the pipeline runs it: checked against the model, then dispatched.
        let shape = MODEL.operation("LookupEvents").unwrap().input.unwrap();
        neargate_model::validate(&MODEL, shape, &map)?;
        let caller = Caller {
            principal: &principal("111111111111"),
            region: "us-east-1",
        };
        neargate_model::cloudtrail::dispatch(
            &self.recorder,
            &caller,
            "LookupEvents",
            &map,
            &mut |_| Ok(()),
        )
        .unwrap()
        .map(|answer| answer.output.into_value())
        .map_err(|failure| failure.error)
    }
}

/// Every event name a lookup finds, following `NextToken` through pages of `page` events.
fn all_pages(f: &Fixture, page: usize) -> Vec<String> {
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut input = json!({ "MaxResults": page });
        if let Some(t) = &token {
            input["NextToken"] = json!(t);
        }
        let body = f.lookup(input).unwrap();
        seen.extend(names(&body));
        match body.get("NextToken").and_then(Value::as_str) {
            Some(t) => token = Some(t.to_owned()),
            None => return seen,
        }
    }
}

fn names(body: &Value) -> Vec<String> {
    body["Events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["EventName"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn pages_newest_first_without_gaps_or_repeats() {
    let f = fixture();
    for i in 0..120 {
        f.record(&format!("Op{i:03}"), "111111111111");
    }
    f.record("Other", "222222222222");
    let seen = all_pages(&f, 50);
    let expected: Vec<String> = (0..120).rev().map(|i| format!("Op{i:03}")).collect();
    assert_eq!(seen, expected, "other accounts' events stay out");
}

#[test]
fn filters_by_each_attribute() {
    let f = fixture();
    f.record("GetThing", "111111111111");
    f.record("PutThing", "111111111111");
    f.record("GetThing", "111111111111");
    let by = |key: &str, value: &str| {
        names(
            &f.lookup(
                json!({"LookupAttributes": [{"AttributeKey": key, "AttributeValue": value}]}),
            )
            .unwrap(),
        )
    };
    assert_eq!(by("EventName", "GetThing"), ["GetThing", "GetThing"]);
    assert_eq!(by("ReadOnly", "false"), ["PutThing"]);
    assert_eq!(by("Username", "admin").len(), 3);
    assert_eq!(by("AccessKeyId", "AKIAEXAMPLE").len(), 3);
    assert_eq!(by("EventSource", "sts.amazonaws.com").len(), 3);
    assert_eq!(by("ResourceType", "AWS::KMS::Key").len(), 6 / 2);
    assert_eq!(
        by(
            "ResourceName",
            "arn:aws:kms:us-east-1:111111111111:key/PutThing"
        ),
        ["PutThing"]
    );
    let all = f.lookup(json!({})).unwrap();
    let id = all["Events"][0]["EventId"].as_str().unwrap().to_owned();
    assert_eq!(by("EventId", &id), ["GetThing"]);
    assert!(by("EventName", "Nothing").is_empty());
    let record: Value =
        serde_json::from_str(all["Events"][0]["CloudTrailEvent"].as_str().unwrap()).unwrap();
    assert_eq!(record["eventID"], json!(id));
    assert_eq!(record["userIdentity"]["type"], "IAMUser");
}

#[test]
fn time_window_and_retention() {
    let f = fixture();
    f.record("Old", "111111111111");
    f.clock.advance(Duration::from_secs(3600));
    let middle = f.clock.now();
    f.record("New", "111111111111");
    let since = f
        .lookup(json!({"StartTime": middle.epoch_seconds_f64()}))
        .unwrap();
    assert_eq!(names(&since), ["New"]);
    let until = f
        .lookup(json!({"EndTime": middle.epoch_seconds_f64()}))
        .unwrap();
    assert_eq!(names(&until), ["Old"]);
    f.clock.advance(Duration::from_secs(91 * 24 * 3600));
    assert!(
        names(&f.lookup(json!({})).unwrap()).is_empty(),
        "older than 90 days is out of reach"
    );
}

#[test]
fn bad_input_gets_cloudtrail_errors() {
    let f = fixture();
    let code = |input: Value| f.lookup(input).unwrap_err().code.into_owned();
    let two = json!([{"AttributeKey": "EventName", "AttributeValue": "a"}, {"AttributeKey": "EventName", "AttributeValue": "b"}]);
    assert_eq!(
        code(json!({"LookupAttributes": two})),
        "InvalidLookupAttributesException"
    );
    assert_eq!(
        code(json!({"LookupAttributes": [{"AttributeKey": "Color", "AttributeValue": "a"}]})),
        "InvalidLookupAttributesException"
    );
    assert_eq!(
        code(json!({"LookupAttributes": [{"AttributeKey": "EventName", "AttributeValue": ""}]})),
        "InvalidLookupAttributesException"
    );
    assert_eq!(
        code(json!({"StartTime": 20, "EndTime": 10})),
        "InvalidTimeRangeException"
    );
    assert_eq!(
        code(json!({"MaxResults": 51})),
        "InvalidMaxResultsException"
    );
    assert_eq!(code(json!({"MaxResults": 0})), "InvalidMaxResultsException");
    assert_eq!(
        code(json!({"EventCategory": "data"})),
        "InvalidEventCategoryException"
    );
    assert_eq!(
        code(json!({"NextToken": "garbage"})),
        "InvalidNextTokenException"
    );
    f.record("A", "111111111111");
    f.record("B", "111111111111");
    let token = f.lookup(json!({"MaxResults": 1})).unwrap()["NextToken"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        code(json!({"NextToken": token, "StartTime": 1})),
        "InvalidNextTokenException",
        "token of another query"
    );
}

#[test]
fn the_sweep_forgets_expired_runs() {
    use neargate_store::Read;

    use crate::storage::BATCHES;

    let f = fixture();
    f.record("Old", "111111111111");
    f.recorder.flush();
    let runs = |f: &Fixture| {
        f.recorder
            .db()
            .read(|tx| Ok(tx.prefix(&BATCHES, b"")?.len()))
            .unwrap()
    };
    assert_eq!(runs(&f), 1);
    f.clock.advance(Duration::from_secs(91 * 24 * 3600));
    f.record("New", "111111111111");
    f.recorder.flush();
    assert_eq!(runs(&f), 1, "only the new run remains");
    assert_eq!(names(&f.lookup(json!({})).unwrap()), ["New"]);
}

#[test]
fn a_late_older_event_is_merged_into_newest_first_order() {
    let f = fixture();
    let start = f.clock.now();
    f.clock.advance(Duration::from_secs(10));
    f.recorder.record(
        facts(f.clock.now(), "Newer", "111111111111"),
        neargate_common::ids::uuid(),
    );
    f.recorder.flush();
    // A slow request that arrived earlier is answered, and stored, afterwards.
    f.recorder.record(
        facts(start, "Older", "111111111111"),
        neargate_common::ids::uuid(),
    );
    f.recorder.flush();
    f.record("Newest", "111111111111");
    assert_eq!(
        names(&f.lookup(json!({})).unwrap()),
        ["Newest", "Newer", "Older"]
    );
    let seen = all_pages(&f, 1);
    assert_eq!(seen, ["Newest", "Newer", "Older"]);
}
