//! Roles and STS AssumeRole through the CLI: trust policies, session policies, audit.

use serde_json::Value;

use crate::{aws, aws_as, aws_try, start, stderr, user_with_key};

fn trust(principal: &str, condition: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{principal}"}},"Action":"sts:AssumeRole"{condition}}}]}}"#
    )
}

#[test]
fn role_lifecycle() {
    let server = start();
    let c = server.credentials();
    let root = format!("arn:aws:iam::{}:root", c.account);
    let created = aws(
        &server,
        &[
            "iam",
            "create-role",
            "--role-name",
            "reader",
            "--assume-role-policy-document",
            &trust(&root, ""),
        ],
    );
    assert_eq!(
        created["Role"]["Arn"],
        format!("arn:aws:iam::{}:role/reader", c.account)
    );
    let got = aws(&server, &["iam", "get-role", "--role-name", "reader"]);
    assert_eq!(
        got["Role"]["AssumeRolePolicyDocument"]["Statement"][0]["Action"],
        "sts:AssumeRole"
    );
    assert_eq!(got["Role"]["MaxSessionDuration"], 3600);
    let with_resource = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Resource":"*"}]}"#;
    let bad = aws_try(
        &server,
        &[
            "iam",
            "create-role",
            "--role-name",
            "x",
            "--assume-role-policy-document",
            with_resource,
        ],
    );
    assert!(
        stderr(&bad).contains("(MalformedPolicyDocument)"),
        "{}",
        stderr(&bad)
    );
    let policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cloudtrail:LookupEvents","Resource":"*"}]}"#;
    aws(
        &server,
        &[
            "iam",
            "put-role-policy",
            "--role-name",
            "reader",
            "--policy-name",
            "trail",
            "--policy-document",
            policy,
        ],
    );
    assert_eq!(
        aws(
            &server,
            &["iam", "list-role-policies", "--role-name", "reader"]
        )["PolicyNames"],
        serde_json::json!(["trail"])
    );
    assert_eq!(
        aws(
            &server,
            &[
                "iam",
                "get-role-policy",
                "--role-name",
                "reader",
                "--policy-name",
                "trail"
            ]
        )["RoleName"],
        "reader"
    );
    aws(
        &server,
        &[
            "iam",
            "update-assume-role-policy",
            "--role-name",
            "reader",
            "--policy-document",
            &trust("*", ""),
        ],
    );
    assert_eq!(
        aws(&server, &["iam", "get-role", "--role-name", "reader"])["Role"]["AssumeRolePolicyDocument"]
            ["Statement"][0]["Principal"]["AWS"],
        "*"
    );
    let in_use = aws_try(&server, &["iam", "delete-role", "--role-name", "reader"]);
    assert!(stderr(&in_use).contains("(DeleteConflict)"));
    aws(
        &server,
        &[
            "iam",
            "delete-role-policy",
            "--role-name",
            "reader",
            "--policy-name",
            "trail",
        ],
    );
    aws(&server, &["iam", "delete-role", "--role-name", "reader"]);
    assert_eq!(
        aws(&server, &["iam", "list-roles"])["Roles"],
        serde_json::json!([])
    );
}

#[test]
fn assume_role_follows_trust_and_session_policies() {
    let server = start();
    let c = server.credentials();
    let account = c.account.clone();
    let role_arn = format!("arn:aws:iam::{account}:role/reader");
    let external = r#","Condition":{"StringEquals":{"sts:ExternalId":"xyz"}}"#;
    aws(
        &server,
        &[
            "iam",
            "create-role",
            "--role-name",
            "reader",
            "--assume-role-policy-document",
            &trust(&format!("arn:aws:iam::{account}:root"), external),
        ],
    );
    let read_trail = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cloudtrail:LookupEvents","Resource":"*"}]}"#;
    aws(
        &server,
        &[
            "iam",
            "put-role-policy",
            "--role-name",
            "reader",
            "--policy-name",
            "trail",
            "--policy-document",
            read_trail,
        ],
    );

    let (bob_key, bob_secret) = user_with_key(&server, "bob");
    let may_assume = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"{role_arn}"}}]}}"#
    );
    aws(
        &server,
        &[
            "iam",
            "put-user-policy",
            "--user-name",
            "bob",
            "--policy-name",
            "assume",
            "--policy-document",
            &may_assume,
        ],
    );
    let (eve_key, eve_secret) = user_with_key(&server, "eve");

    let assume = |key: &str, secret: &str, extra: &[&str]| {
        let mut args = vec![
            "sts",
            "assume-role",
            "--role-arn",
            role_arn.as_str(),
            "--role-session-name",
            "audit",
        ];
        args.extend_from_slice(extra);
        aws_as(&server, key, secret, None, &args)
    };
    let no_external_id = assume(&bob_key, &bob_secret, &[]);
    assert!(
        stderr(&no_external_id).contains("(AccessDenied)")
            && stderr(&no_external_id).contains("sts:AssumeRole"),
        "{}",
        stderr(&no_external_id)
    );
    let eve = assume(&eve_key, &eve_secret, &["--external-id", "xyz"]);
    assert!(
        stderr(&eve).contains("because no identity-based policy allows the sts:AssumeRole action"),
        "{}",
        stderr(&eve)
    );
    let too_long = assume(
        &bob_key,
        &bob_secret,
        &["--external-id", "xyz", "--duration-seconds", "7200"],
    );
    assert!(
        stderr(&too_long).contains("(ValidationError)"),
        "{}",
        stderr(&too_long)
    );

    let ok = assume(&bob_key, &bob_secret, &["--external-id", "xyz"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let out: Value = serde_json::from_slice(&ok.stdout).unwrap();
    assert_eq!(
        out["AssumedRoleUser"]["Arn"],
        format!("arn:aws:sts::{account}:assumed-role/reader/audit")
    );
    let creds = &out["Credentials"];
    let (key, secret, token) = (
        creds["AccessKeyId"].as_str().unwrap(),
        creds["SecretAccessKey"].as_str().unwrap(),
        creds["SessionToken"].as_str().unwrap(),
    );
    let me: Value = serde_json::from_slice(
        &aws_as(
            &server,
            key,
            secret,
            Some(token),
            &["sts", "get-caller-identity", "--output", "json"],
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(
        me["Arn"],
        format!("arn:aws:sts::{account}:assumed-role/reader/audit")
    );
    assert!(
        me["UserId"].as_str().unwrap().starts_with("AROA")
            && me["UserId"].as_str().unwrap().ends_with(":audit")
    );
    assert!(
        aws_as(
            &server,
            key,
            secret,
            Some(token),
            &["cloudtrail", "lookup-events", "--max-results", "1"]
        )
        .status
        .success(),
        "the role's policy applies"
    );
    let not_granted = aws_as(&server, key, secret, Some(token), &["iam", "list-users"]);
    assert!(stderr(&not_granted).contains("(AccessDenied)"));

    let narrow = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}"#;
    let scoped = assume(
        &bob_key,
        &bob_secret,
        &["--external-id", "xyz", "--policy", narrow],
    );
    let scoped: Value = serde_json::from_slice(&scoped.stdout).unwrap();
    let creds = &scoped["Credentials"];
    let (key, secret, token) = (
        creds["AccessKeyId"].as_str().unwrap(),
        creds["SecretAccessKey"].as_str().unwrap(),
        creds["SessionToken"].as_str().unwrap(),
    );
    let narrowed = aws_as(
        &server,
        key,
        secret,
        Some(token),
        &["cloudtrail", "lookup-events", "--max-results", "1"],
    );
    assert!(
        stderr(&narrowed)
            .contains("because no session policy allows the cloudtrail:LookupEvents action"),
        "{}",
        stderr(&narrowed)
    );
    let not_widened = aws_as(&server, key, secret, Some(token), &["iam", "list-users"]);
    assert!(
        stderr(&not_widened).contains("(AccessDenied)"),
        "a session policy cannot widen the role"
    );

    let direct_arn = format!("arn:aws:iam::{account}:user/eve");
    aws(
        &server,
        &[
            "iam",
            "create-role",
            "--role-name",
            "direct",
            "--assume-role-policy-document",
            &trust(&direct_arn, ""),
        ],
    );
    let direct = aws_as(
        &server,
        &eve_key,
        &eve_secret,
        None,
        &[
            "sts",
            "assume-role",
            "--role-arn",
            &format!("arn:aws:iam::{account}:role/direct"),
            "--role-session-name",
            "eve",
        ],
    );
    assert!(
        direct.status.success(),
        "a trust policy naming the user needs no identity permission: {}",
        stderr(&direct)
    );

    let trail = aws(
        &server,
        &[
            "cloudtrail",
            "lookup-events",
            "--lookup-attributes",
            "AttributeKey=EventName,AttributeValue=LookupEvents",
        ],
    );
    let role_event = trail["Events"].as_array().unwrap().iter().find_map(|e| {
        let record: Value = serde_json::from_str(e["CloudTrailEvent"].as_str()?).ok()?;
        (record["userIdentity"]["type"] == "AssumedRole" && record.get("errorCode").is_none())
            .then_some(record)
    });
    let record = role_event.expect("the role session's call is in the trail");
    assert_eq!(
        record["userIdentity"]["sessionContext"]["sessionIssuer"]["arn"],
        role_arn
    );
    assert_eq!(
        record["userIdentity"]["sessionContext"]["sessionIssuer"]["type"],
        "Role"
    );
}

#[test]
fn session_tags_need_tag_session_and_become_principal_tags() {
    let server = start();
    let account = server.credentials().account;
    let root = format!("arn:aws:iam::{account}:root");
    let assume_only = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{root}"}},"Action":"sts:AssumeRole"}}]}}"#
    );
    aws(
        &server,
        &[
            "iam",
            "create-role",
            "--role-name",
            "tagged",
            "--assume-role-policy-document",
            &assume_only,
        ],
    );
    let by_tag = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cloudtrail:LookupEvents","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/project":"falcon"}}}]}"#;
    aws(
        &server,
        &[
            "iam",
            "put-role-policy",
            "--role-name",
            "tagged",
            "--policy-name",
            "abac",
            "--policy-document",
            by_tag,
        ],
    );
    let (key, secret) = user_with_key(&server, "ivan");
    let may = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","sts:TagSession"],"Resource":"*"}]}"#;
    aws(
        &server,
        &[
            "iam",
            "put-user-policy",
            "--user-name",
            "ivan",
            "--policy-name",
            "assume",
            "--policy-document",
            may,
        ],
    );
    let role_arn = format!("arn:aws:iam::{account}:role/tagged");
    let assume = |tags: &str| {
        aws_as(
            &server,
            &key,
            &secret,
            None,
            &[
                "sts",
                "assume-role",
                "--role-arn",
                &role_arn,
                "--role-session-name",
                "tagged-session",
                "--tags",
                tags,
            ],
        )
    };

    let refused = assume("Key=project,Value=falcon");
    assert!(
        stderr(&refused).contains("sts:TagSession"),
        "the trust policy must allow tagging: {}",
        stderr(&refused)
    );
    let both = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{root}"}},"Action":["sts:AssumeRole","sts:TagSession"]}}]}}"#
    );
    aws(
        &server,
        &[
            "iam",
            "update-assume-role-policy",
            "--role-name",
            "tagged",
            "--policy-document",
            &both,
        ],
    );
    for (tag, allowed) in [
        ("Key=project,Value=falcon", true),
        ("Key=project,Value=owl", false),
    ] {
        let out = assume(tag);
        assert!(out.status.success(), "{}", stderr(&out));
        let creds: Value = serde_json::from_slice(&out.stdout).unwrap();
        let c = &creds["Credentials"];
        let lookup = aws_as(
            &server,
            c["AccessKeyId"].as_str().unwrap(),
            c["SecretAccessKey"].as_str().unwrap(),
            c["SessionToken"].as_str(),
            &["cloudtrail", "lookup-events", "--max-results", "1"],
        );
        assert_eq!(
            lookup.status.success(),
            allowed,
            "{tag}: {}",
            stderr(&lookup)
        );
    }
}
