//! IAM users and inline policies through the CLI, and policies enforced on every call.

use serde_json::Value;

use crate::{aws, aws_as, aws_try, start, stderr, user_with_key};

#[test]
fn users_and_inline_policies() {
    let server = start();
    let c = server.credentials();
    let created = aws(&server, &["iam", "create-user", "--user-name", "bob"]);
    assert_eq!(
        created["User"]["Arn"],
        format!("arn:aws:iam::{}:user/bob", c.account)
    );
    let again = aws_try(&server, &["iam", "create-user", "--user-name", "BOB"]);
    assert!(
        stderr(&again).contains("(EntityAlreadyExists)"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        aws(&server, &["iam", "get-user", "--user-name", "bob"])["User"]["UserName"],
        "bob"
    );
    assert_eq!(
        aws(&server, &["iam", "get-user"])["User"]["UserName"],
        "admin",
        "no name: the caller"
    );

    let malformed = aws_try(
        &server,
        &[
            "iam",
            "put-user-policy",
            "--user-name",
            "bob",
            "--policy-name",
            "p",
            "--policy-document",
            r#"{"Statement":[{"Effect":"Allow","Resource":"*"}]}"#,
        ],
    );
    assert!(
        stderr(&malformed).contains("(MalformedPolicyDocument)")
            && stderr(&malformed).contains("must contain actions"),
        "{}",
        stderr(&malformed)
    );
    let document = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cloudtrail:LookupEvents","Resource":"*"}]}"#;
    let put = aws_try(
        &server,
        &[
            "iam",
            "put-user-policy",
            "--user-name",
            "bob",
            "--policy-name",
            "read-trail",
            "--policy-document",
            document,
        ],
    );
    assert!(put.status.success(), "{}", stderr(&put));
    let got = aws(
        &server,
        &[
            "iam",
            "get-user-policy",
            "--user-name",
            "bob",
            "--policy-name",
            "read-trail",
        ],
    );
    assert_eq!(
        got["PolicyDocument"],
        serde_json::from_str::<Value>(document).unwrap(),
        "the CLI decodes IAM's URL-encoded document"
    );
    assert_eq!(
        aws(
            &server,
            &["iam", "list-user-policies", "--user-name", "bob"]
        )["PolicyNames"],
        serde_json::json!(["read-trail"])
    );
    let deleted = aws_try(
        &server,
        &[
            "iam",
            "delete-user-policy",
            "--user-name",
            "bob",
            "--policy-name",
            "read-trail",
        ],
    );
    assert!(deleted.status.success());
    let twice = aws_try(
        &server,
        &[
            "iam",
            "delete-user-policy",
            "--user-name",
            "bob",
            "--policy-name",
            "read-trail",
        ],
    );
    assert!(stderr(&twice).contains("(NoSuchEntity)"));
    let nobody = aws_try(&server, &["iam", "get-user", "--user-name", "nobody"]);
    assert!(stderr(&nobody).contains("(NoSuchEntity)"));
    let bad_name = aws_try(&server, &["iam", "create-user", "--user-name", "no spaces"]);
    assert!(stderr(&bad_name).contains("(ValidationError)"));
    aws(&server, &["iam", "create-access-key", "--user-name", "bob"]);
    aws(&server, &["iam", "create-access-key", "--user-name", "bob"]);
    let third = aws_try(&server, &["iam", "create-access-key", "--user-name", "bob"]);
    assert!(stderr(&third).contains("(LimitExceeded)"));
}

#[test]
fn policies_are_enforced_on_every_call() {
    let server = start();
    let c = server.credentials();
    let (key, secret) = user_with_key(&server, "bob");
    let only_home_region = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cloudtrail:LookupEvents","Resource":"*",
        "Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}}]}"#;
    aws(
        &server,
        &[
            "iam",
            "put-user-policy",
            "--user-name",
            "bob",
            "--policy-name",
            "trail",
            "--policy-document",
            only_home_region,
        ],
    );

    let allowed = aws_as(
        &server,
        &key,
        &secret,
        None,
        &["cloudtrail", "lookup-events", "--max-results", "1"],
    );
    assert!(allowed.status.success(), "{}", stderr(&allowed));
    let other_region = aws_as(
        &server,
        &key,
        &secret,
        None,
        &["cloudtrail", "lookup-events", "--region", "us-west-2"],
    );
    let expected = format!(
        "(AccessDeniedException) when calling the LookupEvents operation: User: arn:aws:iam::{}:user/bob is not authorized to perform: \
         cloudtrail:LookupEvents on resource: * because no identity-based policy allows the cloudtrail:LookupEvents action",
        c.account
    );
    assert!(
        stderr(&other_region).contains(&expected),
        "{}",
        stderr(&other_region)
    );
    let me = aws_as(
        &server,
        &key,
        &secret,
        None,
        &["sts", "get-caller-identity"],
    );
    assert!(me.status.success(), "GetCallerIdentity needs no permission");
    let session = aws_as(&server, &key, &secret, None, &["sts", "get-session-token"]);
    assert!(
        stderr(&session).contains("(AccessDenied)")
            && stderr(&session).contains("sts:GetSessionToken"),
        "{}",
        stderr(&session)
    );
    let escalate = aws_as(
        &server,
        &key,
        &secret,
        None,
        &[
            "iam",
            "put-user-policy",
            "--user-name",
            "bob",
            "--policy-name",
            "all",
            "--policy-document",
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
        ],
    );
    assert!(
        stderr(&escalate).contains("(AccessDenied)")
            && stderr(&escalate).contains("on resource: arn:aws:iam::"),
        "{}",
        stderr(&escalate)
    );

    let deny = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"cloudtrail:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"127.0.0.0/8"}}}]}"#;
    aws(
        &server,
        &[
            "iam",
            "put-user-policy",
            "--user-name",
            "bob",
            "--policy-name",
            "no-loopback",
            "--policy-document",
            deny,
        ],
    );
    let denied = aws_as(
        &server,
        &key,
        &secret,
        None,
        &["cloudtrail", "lookup-events", "--max-results", "1"],
    );
    assert!(
        stderr(&denied).contains("with an explicit deny in an identity-based policy"),
        "{}",
        stderr(&denied)
    );

    let denials = |region: &str| -> Vec<String> {
        let trail = aws(
            &server,
            &[
                "cloudtrail",
                "lookup-events",
                "--region",
                region,
                "--lookup-attributes",
                "AttributeKey=Username,AttributeValue=bob",
            ],
        );
        trail["Events"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| {
                serde_json::from_str::<Value>(e["CloudTrailEvent"].as_str()?)
                    .ok()?
                    .get("errorCode")?
                    .as_str()
                    .map(str::to_owned)
            })
            .collect()
    };
    let mut home = denials("us-east-1");
    home.sort();
    assert_eq!(
        home,
        ["AccessDenied", "AccessDenied", "AccessDeniedException"],
        "denials are audited"
    );
    assert_eq!(
        denials("us-west-2"),
        ["AccessDeniedException"],
        "in the region of the request"
    );
}

#[test]
fn access_keys_can_be_deactivated_and_deleted_at_once() {
    let server = start();
    let (key, secret) = user_with_key(&server, "carol");
    let as_carol = |args: &[&str]| aws_as(&server, &key, &secret, None, args);
    assert!(as_carol(&["sts", "get-caller-identity"]).status.success());

    let listed = aws(
        &server,
        &["iam", "list-access-keys", "--user-name", "carol"],
    );
    assert_eq!(listed["AccessKeyMetadata"][0]["AccessKeyId"], key.as_str());
    assert_eq!(listed["AccessKeyMetadata"][0]["Status"], "Active");

    aws(
        &server,
        &[
            "iam",
            "update-access-key",
            "--user-name",
            "carol",
            "--access-key-id",
            &key,
            "--status",
            "Inactive",
        ],
    );
    assert!(
        stderr(&as_carol(&["sts", "get-caller-identity"])).contains("(InvalidClientTokenId)"),
        "an inactive key stops at once"
    );
    aws(
        &server,
        &[
            "iam",
            "update-access-key",
            "--user-name",
            "carol",
            "--access-key-id",
            &key,
            "--status",
            "Active",
        ],
    );
    assert!(
        as_carol(&["sts", "get-caller-identity"]).status.success(),
        "and works again when reactivated"
    );

    let in_use = aws_try(&server, &["iam", "delete-user", "--user-name", "carol"]);
    assert!(
        stderr(&in_use).contains("(DeleteConflict)") && stderr(&in_use).contains("access keys"),
        "{}",
        stderr(&in_use)
    );
    aws(
        &server,
        &[
            "iam",
            "delete-access-key",
            "--user-name",
            "carol",
            "--access-key-id",
            &key,
        ],
    );
    assert!(
        stderr(&as_carol(&["sts", "get-caller-identity"])).contains("(InvalidClientTokenId)"),
        "a deleted key stops at once"
    );
    let gone = aws_try(
        &server,
        &[
            "iam",
            "delete-access-key",
            "--user-name",
            "carol",
            "--access-key-id",
            &key,
        ],
    );
    assert!(stderr(&gone).contains("(NoSuchEntity)"));

    let names = |v: Value| -> Vec<String> {
        v["Users"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["UserName"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names(aws(&server, &["iam", "list-users"])),
        ["admin", "carol"]
    );
    aws(&server, &["iam", "delete-user", "--user-name", "carol"]);
    assert_eq!(names(aws(&server, &["iam", "list-users"])), ["admin"]);
}

#[test]
fn account_guardrails_deny_above_identity_policies() {
    // The seed's shape: full access, except a service's calls outside the approved condition.
    let guardrails = r#"{"*": [
        {"Version":"2012-10-17","Statement":[{"Sid":"FullAWSAccess","Effect":"Allow","Action":"*","Resource":"*"}]},
        {"Version":"2012-10-17","Statement":[{"Sid":"HomeRegionOnly","Effect":"Deny","Action":"cloudtrail:*","Resource":"*",
          "Condition":{"StringNotEquals":{"aws:RequestedRegion":"us-east-1"}}}]}
    ]}"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("guardrails.json");
    std::fs::write(&path, guardrails).unwrap();
    let server = crate::start_with(&["--guardrails", path.to_str().unwrap()]);
    let home = aws_try(
        &server,
        &["cloudtrail", "lookup-events", "--max-results", "1"],
    );
    assert!(home.status.success(), "{}", stderr(&home));
    let away = aws_try(
        &server,
        &["cloudtrail", "lookup-events", "--region", "eu-west-1"],
    );
    assert!(
        stderr(&away).contains("cloudtrail:LookupEvents on resource: * with an explicit deny in a service control policy"),
        "even the administrator: {}",
        stderr(&away)
    );
    assert!(
        aws_try(&server, &["iam", "list-users", "--region", "eu-west-1"])
            .status
            .success()
    );

    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        r#"{"*": [{"Statement":[{"Effect":"Allow","Resource":"*"}]}]}"#,
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_neargate"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path().join("data"))
        .arg("--guardrails")
        .arg(&broken)
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "a malformed guardrail stops the start"
    );
    assert!(
        stderr(&out).contains("guardrail 0 of *: Policy statement must contain actions."),
        "{}",
        stderr(&out)
    );
}

#[test]
fn simulation_explains_decisions() {
    let server = start();
    let c = server.credentials();
    let key_a = format!("arn:aws:kms:us-east-1:{}:key/aaaa", c.account);
    let policy = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"ecs:CreateCluster","Resource":"*",
           "Condition":{{"StringEquals":{{"ecs:fargate-ephemeral-storage-kms-key":"{key_a}"}}}}}}]}}"#
    );
    let simulate = |context: &str| {
        let mut args = vec![
            "iam",
            "simulate-custom-policy",
            "--policy-input-list",
            policy.as_str(),
            "--action-names",
            "ecs:CreateCluster",
        ];
        if !context.is_empty() {
            args.extend(["--context-entries", context]);
        }
        aws(&server, &args)["EvaluationResults"][0].clone()
    };
    let allowed = simulate(&format!(
        "ContextKeyName=ecs:fargate-ephemeral-storage-kms-key,ContextKeyValues={key_a},ContextKeyType=string"
    ));
    assert_eq!(allowed["EvalDecision"], "allowed");
    assert_eq!(
        allowed["MatchedStatements"][0]["SourcePolicyId"],
        "PolicyInputList.1"
    );
    let other = simulate(
        "ContextKeyName=ecs:fargate-ephemeral-storage-kms-key,ContextKeyValues=arn:aws:kms:us-east-1:1:key/b,ContextKeyType=string",
    );
    assert_eq!(other["EvalDecision"], "implicitDeny");
    let none = simulate("");
    assert_eq!(none["EvalDecision"], "implicitDeny");
    assert_eq!(
        none["MissingContextValues"],
        serde_json::json!(["ecs:fargate-ephemeral-storage-kms-key"])
    );

    let (_, _) = user_with_key(&server, "bob");
    let deny = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"},{"Effect":"Deny","Action":"kms:ScheduleKeyDeletion","Resource":"*"}]}"#;
    aws(
        &server,
        &[
            "iam",
            "put-user-policy",
            "--user-name",
            "bob",
            "--policy-name",
            "keys",
            "--policy-document",
            deny,
        ],
    );
    let bob = format!("arn:aws:iam::{}:user/bob", c.account);
    let results = aws(
        &server,
        &[
            "iam",
            "simulate-principal-policy",
            "--policy-source-arn",
            &bob,
            "--action-names",
            "kms:Encrypt",
            "kms:ScheduleKeyDeletion",
            "ecs:RunTask",
        ],
    )["EvaluationResults"]
        .clone();
    let decisions: Vec<&str> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["EvalDecision"].as_str().unwrap())
        .collect();
    assert_eq!(decisions, ["allowed", "explicitDeny", "implicitDeny"]);
    assert_eq!(results[1]["MatchedStatements"][0]["SourcePolicyId"], "keys");
    assert_eq!(
        results[1]["MatchedStatements"][0]["SourcePolicyType"],
        "user"
    );

    let nobody = aws_try(
        &server,
        &[
            "iam",
            "simulate-principal-policy",
            "--policy-source-arn",
            &format!("arn:aws:iam::{}:user/nobody", c.account),
            "--action-names",
            "s3:GetObject",
        ],
    );
    assert!(
        stderr(&nobody).contains("(NoSuchEntity)"),
        "{}",
        stderr(&nobody)
    );
    let malformed = aws_try(
        &server,
        &[
            "iam",
            "simulate-custom-policy",
            "--policy-input-list",
            "{}",
            "--action-names",
            "s3:GetObject",
        ],
    );
    assert!(
        stderr(&malformed).contains("(InvalidInput)"),
        "{}",
        stderr(&malformed)
    );
}

#[test]
fn managed_policies_attach_and_version() {
    let server = start();
    let c = server.credentials();
    let (key, secret) = user_with_key(&server, "dave");
    let as_dave = |args: &[&str]| aws_as(&server, &key, &secret, None, args);
    let lookup = ["cloudtrail", "lookup-events", "--max-results", "1"];
    assert!(stderr(&as_dave(&lookup)).contains("(AccessDeniedException)"));

    let read = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cloudtrail:LookupEvents","iam:ListUsers"],"Resource":"*"}]}"#;
    let created = aws(
        &server,
        &[
            "iam",
            "create-policy",
            "--policy-name",
            "reader",
            "--policy-document",
            read,
            "--description",
            "read things",
        ],
    );
    let arn = created["Policy"]["Arn"].as_str().unwrap().to_owned();
    assert_eq!(arn, format!("arn:aws:iam::{}:policy/reader", c.account));
    assert_eq!(created["Policy"]["DefaultVersionId"], "v1");
    let duplicate = aws_try(
        &server,
        &[
            "iam",
            "create-policy",
            "--policy-name",
            "reader",
            "--policy-document",
            read,
        ],
    );
    assert!(stderr(&duplicate).contains("(EntityAlreadyExists)"));

    aws(
        &server,
        &[
            "iam",
            "attach-user-policy",
            "--user-name",
            "dave",
            "--policy-arn",
            &arn,
        ],
    );
    assert!(
        as_dave(&lookup).status.success(),
        "attaching grants at once"
    );
    assert_eq!(
        aws(&server, &["iam", "get-policy", "--policy-arn", &arn])["Policy"]["AttachmentCount"],
        1
    );
    assert_eq!(
        aws(
            &server,
            &["iam", "list-attached-user-policies", "--user-name", "dave"]
        )["AttachedPolicies"][0]["PolicyArn"],
        arn.as_str()
    );
    assert_eq!(
        aws(
            &server,
            &[
                "iam",
                "list-policies",
                "--scope",
                "Local",
                "--only-attached"
            ]
        )["Policies"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let users_only = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}"#;
    let v2 = aws(
        &server,
        &[
            "iam",
            "create-policy-version",
            "--policy-arn",
            &arn,
            "--policy-document",
            users_only,
            "--set-as-default",
        ],
    );
    assert_eq!(v2["PolicyVersion"]["VersionId"], "v2");
    assert!(
        stderr(&as_dave(&lookup)).contains("(AccessDeniedException)"),
        "the new default version applies at once"
    );
    assert!(as_dave(&["iam", "list-users"]).status.success());
    let v1 = aws(
        &server,
        &[
            "iam",
            "get-policy-version",
            "--policy-arn",
            &arn,
            "--version-id",
            "v1",
        ],
    );
    assert_eq!(v1["PolicyVersion"]["IsDefaultVersion"], false);
    assert_eq!(
        v1["PolicyVersion"]["Document"]["Statement"][0]["Action"][0],
        "cloudtrail:LookupEvents"
    );

    let attached = aws_try(&server, &["iam", "delete-policy", "--policy-arn", &arn]);
    assert!(stderr(&attached).contains("(DeleteConflict)"));
    aws(
        &server,
        &[
            "iam",
            "delete-access-key",
            "--user-name",
            "dave",
            "--access-key-id",
            &key,
        ],
    );
    let user_attached = aws_try(&server, &["iam", "delete-user", "--user-name", "dave"]);
    assert!(
        stderr(&user_attached).contains("must detach all policies first"),
        "{}",
        stderr(&user_attached)
    );
    aws(
        &server,
        &[
            "iam",
            "detach-user-policy",
            "--user-name",
            "dave",
            "--policy-arn",
            &arn,
        ],
    );
    let twice = aws_try(
        &server,
        &[
            "iam",
            "detach-user-policy",
            "--user-name",
            "dave",
            "--policy-arn",
            &arn,
        ],
    );
    assert!(stderr(&twice).contains("(NoSuchEntity)"));
    aws(&server, &["iam", "delete-policy", "--policy-arn", &arn]);
    aws(&server, &["iam", "delete-user", "--user-name", "dave"]);
    let gone = aws_try(&server, &["iam", "get-policy", "--policy-arn", &arn]);
    assert!(stderr(&gone).contains("(NoSuchEntity)"));
}

#[test]
fn groups_share_their_policies() {
    let server = start();
    let c = server.credentials();
    let (key, secret) = user_with_key(&server, "erin");
    let as_erin = |args: &[&str]| aws_as(&server, &key, &secret, None, args);
    let lookup = ["cloudtrail", "lookup-events", "--max-results", "1"];
    let created = aws(
        &server,
        &["iam", "create-group", "--group-name", "auditors"],
    );
    assert_eq!(
        created["Group"]["Arn"],
        format!("arn:aws:iam::{}:group/auditors", c.account)
    );
    let read = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cloudtrail:LookupEvents","Resource":"*"}]}"#;
    aws(
        &server,
        &[
            "iam",
            "put-group-policy",
            "--group-name",
            "auditors",
            "--policy-name",
            "trail",
            "--policy-document",
            read,
        ],
    );
    assert!(
        stderr(&as_erin(&lookup)).contains("(AccessDeniedException)"),
        "not a member yet"
    );

    aws(
        &server,
        &[
            "iam",
            "add-user-to-group",
            "--group-name",
            "auditors",
            "--user-name",
            "erin",
        ],
    );
    assert!(
        as_erin(&lookup).status.success(),
        "members get the group's policies at once"
    );
    assert_eq!(
        aws(&server, &["iam", "get-group", "--group-name", "auditors"])["Users"][0]["UserName"],
        "erin"
    );
    assert_eq!(
        aws(
            &server,
            &["iam", "list-groups-for-user", "--user-name", "erin"]
        )["Groups"][0]["GroupName"],
        "auditors"
    );

    let users = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}"#;
    let arn = aws(
        &server,
        &[
            "iam",
            "create-policy",
            "--policy-name",
            "list-users",
            "--policy-document",
            users,
        ],
    )["Policy"]["Arn"]
        .as_str()
        .unwrap()
        .to_owned();
    aws(
        &server,
        &[
            "iam",
            "attach-group-policy",
            "--group-name",
            "auditors",
            "--policy-arn",
            &arn,
        ],
    );
    assert!(
        as_erin(&["iam", "list-users"]).status.success(),
        "and its managed policies"
    );
    let simulated = aws(
        &server,
        &[
            "iam",
            "simulate-principal-policy",
            "--policy-source-arn",
            &format!("arn:aws:iam::{}:user/erin", c.account),
            "--action-names",
            "iam:ListUsers",
        ],
    );
    assert_eq!(
        simulated["EvaluationResults"][0]["EvalDecision"], "allowed",
        "simulation sees group policies"
    );

    let busy = aws_try(
        &server,
        &["iam", "delete-group", "--group-name", "auditors"],
    );
    assert!(stderr(&busy).contains("(DeleteConflict)"));
    let member = aws_try(&server, &["iam", "delete-user", "--user-name", "erin"]);
    assert!(
        stderr(&member).contains("remove users from group first"),
        "{}",
        stderr(&member)
    );

    aws(
        &server,
        &[
            "iam",
            "remove-user-from-group",
            "--group-name",
            "auditors",
            "--user-name",
            "erin",
        ],
    );
    assert!(
        stderr(&as_erin(&lookup)).contains("(AccessDeniedException)"),
        "leaving the group revokes at once"
    );
    aws(
        &server,
        &[
            "iam",
            "detach-group-policy",
            "--group-name",
            "auditors",
            "--policy-arn",
            &arn,
        ],
    );
    aws(
        &server,
        &[
            "iam",
            "delete-group-policy",
            "--group-name",
            "auditors",
            "--policy-name",
            "trail",
        ],
    );
    aws(
        &server,
        &["iam", "delete-group", "--group-name", "auditors"],
    );
    assert_eq!(
        aws(&server, &["iam", "list-groups"])["Groups"],
        serde_json::json!([])
    );
}

#[test]
fn tags_drive_attribute_based_policies() {
    let server = start();
    let (key, secret) = user_with_key(&server, "frank");
    let as_frank = |args: &[&str]| aws_as(&server, &key, &secret, None, args);
    let abac = r#"{"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"cloudtrail:LookupEvents","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"payments"}}},
        {"Effect":"Allow","Action":"iam:TagUser","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["project"]}}}]}"#;
    aws(
        &server,
        &[
            "iam",
            "put-user-policy",
            "--user-name",
            "frank",
            "--policy-name",
            "abac",
            "--policy-document",
            abac,
        ],
    );
    let lookup = ["cloudtrail", "lookup-events", "--max-results", "1"];
    assert!(
        stderr(&as_frank(&lookup)).contains("(AccessDeniedException)"),
        "untagged"
    );

    aws(
        &server,
        &[
            "iam",
            "tag-user",
            "--user-name",
            "frank",
            "--tags",
            "Key=team,Value=payments",
        ],
    );
    assert!(
        as_frank(&lookup).status.success(),
        "the principal's tag satisfies the condition at once"
    );
    assert_eq!(
        aws(&server, &["iam", "list-user-tags", "--user-name", "frank"])["Tags"][0]["Value"],
        "payments"
    );
    assert!(
        as_frank(&[
            "iam",
            "tag-user",
            "--user-name",
            "frank",
            "--tags",
            "Key=project,Value=x"
        ])
        .status
        .success()
    );
    let other_key = as_frank(&[
        "iam",
        "tag-user",
        "--user-name",
        "frank",
        "--tags",
        "Key=team,Value=admins",
    ]);
    assert!(
        stderr(&other_key).contains("(AccessDenied)"),
        "aws:TagKeys limits what may be tagged: {}",
        stderr(&other_key)
    );

    aws(
        &server,
        &[
            "iam",
            "untag-user",
            "--user-name",
            "frank",
            "--tag-keys",
            "team",
        ],
    );
    assert!(
        stderr(&as_frank(&lookup)).contains("(AccessDeniedException)"),
        "untagging revokes"
    );
    let tagged = aws(
        &server,
        &[
            "iam",
            "create-user",
            "--user-name",
            "gina",
            "--tags",
            "Key=team,Value=payments",
        ],
    );
    assert_eq!(tagged["User"]["Tags"][0]["Key"], "team");
    assert_eq!(
        aws(&server, &["iam", "get-user", "--user-name", "gina"])["User"]["Tags"][0]["Value"],
        "payments"
    );
}

#[test]
fn iam_lists_paginate() {
    let server = start();
    for i in 0..5 {
        aws(
            &server,
            &["iam", "create-user", "--user-name", &format!("u{i}")],
        );
    }
    let all = aws(&server, &["iam", "list-users", "--page-size", "2"]);
    assert_eq!(
        all["Users"].as_array().unwrap().len(),
        6,
        "the CLI followed every Marker"
    );
    let first = aws(&server, &["iam", "list-users", "--max-items", "2"]);
    assert_eq!(first["Users"].as_array().unwrap().len(), 2);
    assert!(first["NextToken"].is_string(), "more pages remain");
    let bad = aws_try(
        &server,
        &["iam", "list-users", "--no-paginate", "--marker", "bogus"],
    );
    assert!(
        stderr(&bad).contains("(ValidationError)") && stderr(&bad).contains("Invalid Marker"),
        "{}",
        stderr(&bad)
    );
}
