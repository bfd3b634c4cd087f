//! Permissions boundaries, role tags and managed session policies through the CLI: each one
//! narrows what a principal may do, and a lost limit never widens it.

use std::process::Output;

use neargate_testkit::Server;
use serde_json::Value;

use crate::{aws, aws_as, aws_try, refused, start, stderr, user_with_key};

/// A policy allowing `actions` on everything.
pub(crate) fn allowing(actions: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":{actions},"Resource":"*"}}]}}"#
    )
}

/// Creates the managed policy `name` allowing `actions`; returns its ARN.
fn managed(server: &Server, name: &str, actions: &str) -> String {
    let created = aws(
        server,
        &[
            "iam",
            "create-policy",
            "--policy-name",
            name,
            "--policy-document",
            &allowing(actions),
        ],
    );
    created["Policy"]["Arn"].as_str().unwrap().to_owned()
}

/// Temporary credentials as (key, secret, token).
pub(crate) type Session = (String, String, String);

pub(crate) fn session_of(out: &Output) -> Session {
    assert!(out.status.success(), "{}", stderr(out));
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    let c = &body["Credentials"];
    let text = |k: &str| c[k].as_str().unwrap().to_owned();
    (
        text("AccessKeyId"),
        text("SecretAccessKey"),
        text("SessionToken"),
    )
}

/// Assumes `role` as the administrator, with `extra` arguments.
pub(crate) fn assume_role(server: &Server, role: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "sts",
        "assume-role",
        "--role-arn",
        role,
        "--role-session-name",
        "limited",
    ];
    args.extend_from_slice(extra);
    aws_try(server, &args)
}

/// Runs `aws args…` with a session's credentials.
pub(crate) fn aws_in(server: &Server, session: &Session, args: &[&str]) -> Output {
    aws_as(server, &session.0, &session.1, Some(&session.2), args)
}

/// Creates the role `name`, assumable by the account's principals and allowed everything.
pub(crate) fn open_role(server: &Server, name: &str, extra: &[&str]) -> String {
    let root = format!("arn:aws:iam::{}:root", server.credentials().account);
    let trust = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{root}"}},"Action":["sts:AssumeRole","sts:TagSession"]}}]}}"#
    );
    let mut args = vec![
        "iam",
        "create-role",
        "--role-name",
        name,
        "--assume-role-policy-document",
        &trust,
    ];
    args.extend_from_slice(extra);
    let arn = aws(server, &args)["Role"]["Arn"]
        .as_str()
        .unwrap()
        .to_owned();
    aws(
        server,
        &[
            "iam",
            "put-role-policy",
            "--role-name",
            name,
            "--policy-name",
            "everything",
            "--policy-document",
            &allowing(r#""*""#),
        ],
    );
    arn
}

#[test]
fn a_boundary_caps_a_user_until_it_is_removed() {
    let server = start();
    let only_kms = managed(&server, "only-kms", r#""kms:*""#);
    let created = aws(
        &server,
        &[
            "iam",
            "create-user",
            "--user-name",
            "dev",
            "--permissions-boundary",
            &only_kms,
        ],
    );
    let boundary = serde_json::json!({"PermissionsBoundaryType": "PermissionsBoundaryPolicy", "PermissionsBoundaryArn": only_kms});
    assert_eq!(created["User"]["PermissionsBoundary"], boundary);
    assert_eq!(
        aws(&server, &["iam", "get-user", "--user-name", "dev"])["User"]["PermissionsBoundary"],
        boundary
    );
    assert!(
        aws(&server, &["iam", "list-users"])["Users"]
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u.get("PermissionsBoundary").is_none()),
        "list-users leaves out boundaries, as on AWS"
    );
    let key =
        aws(&server, &["iam", "create-access-key", "--user-name", "dev"])["AccessKey"].clone();
    let (id, secret) = (
        key["AccessKeyId"].as_str().unwrap(),
        key["SecretAccessKey"].as_str().unwrap(),
    );
    aws(
        &server,
        &[
            "iam",
            "put-user-policy",
            "--user-name",
            "dev",
            "--policy-name",
            "everything",
            "--policy-document",
            &allowing(r#""*""#),
        ],
    );
    let dev = |args: &[&str]| aws_as(&server, id, secret, None, args);
    assert!(dev(&["kms", "list-keys"]).status.success());
    let said = refused(&dev(&["iam", "list-users"]), "AccessDenied");
    assert!(
        said.contains("because no permissions boundary allows the iam:ListUsers action"),
        "{said}"
    );

    // The boundary is in use: counted, and its policy cannot be deleted.
    let got = aws(&server, &["iam", "get-policy", "--policy-arn", &only_kms]);
    assert_eq!(got["Policy"]["PermissionsBoundaryUsageCount"], 1);
    assert_eq!(got["Policy"]["AttachmentCount"], 0);
    refused(
        &aws_try(
            &server,
            &["iam", "delete-policy", "--policy-arn", &only_kms],
        ),
        "DeleteConflict",
    );

    // The simulator shows what the boundary decided.
    let user_arn = format!("arn:aws:iam::{}:user/dev", server.credentials().account);
    let simulated = aws(
        &server,
        &[
            "iam",
            "simulate-principal-policy",
            "--policy-source-arn",
            &user_arn,
            "--action-names",
            "iam:ListUsers",
            "kms:ListKeys",
        ],
    );
    let results = simulated["EvaluationResults"].as_array().unwrap();
    assert_eq!(results[0]["EvalDecision"], "implicitDeny");
    assert_eq!(
        results[0]["PermissionsBoundaryDecisionDetail"]["AllowedByPermissionsBoundary"],
        false
    );
    assert_eq!(results[1]["EvalDecision"], "allowed");
    assert_eq!(
        results[1]["PermissionsBoundaryDecisionDetail"]["AllowedByPermissionsBoundary"],
        true
    );

    // A boundary naming a policy that does not exist is refused, and changes nothing.
    let missing = format!(
        "arn:aws:iam::{}:policy/nothing-here",
        server.credentials().account
    );
    let said = refused(
        &aws_try(
            &server,
            &[
                "iam",
                "put-user-permissions-boundary",
                "--user-name",
                "dev",
                "--permissions-boundary",
                &missing,
            ],
        ),
        "NoSuchEntity",
    );
    assert!(
        said.contains(&format!(
            "Scope ARN: {missing} does not exist or is not attachable."
        )),
        "{said}"
    );
    refused(&dev(&["iam", "list-users"]), "AccessDenied");

    // Removed, the user's own policies decide at once; the policy may then go.
    aws(
        &server,
        &[
            "iam",
            "delete-user-permissions-boundary",
            "--user-name",
            "dev",
        ],
    );
    assert!(dev(&["iam", "list-users"]).status.success());
    assert!(
        aws(&server, &["iam", "get-user", "--user-name", "dev"])["User"]
            .get("PermissionsBoundary")
            .is_none()
    );
    aws(
        &server,
        &["iam", "delete-policy", "--policy-arn", &only_kms],
    );
}

#[test]
fn a_boundary_caps_a_role_and_its_sessions() {
    let server = start();
    let only_kms = managed(&server, "only-kms", r#""kms:*""#);
    let only_trail = managed(&server, "only-trail", r#""cloudtrail:*""#);
    let role = open_role(
        &server,
        "capped",
        &[
            "--permissions-boundary",
            &only_kms,
            "--tags",
            "Key=team,Value=blue",
        ],
    );
    let got = aws(&server, &["iam", "get-role", "--role-name", "capped"]);
    assert_eq!(
        got["Role"]["PermissionsBoundary"]["PermissionsBoundaryArn"],
        only_kms.as_str()
    );
    assert_eq!(
        got["Role"]["Tags"],
        serde_json::json!([{"Key": "team", "Value": "blue"}])
    );
    let session = session_of(&assume_role(&server, &role, &[]));
    assert!(
        aws_in(&server, &session, &["kms", "list-keys"])
            .status
            .success()
    );
    let lookup = ["cloudtrail", "lookup-events", "--max-results", "1"];
    refused(&aws_in(&server, &session, &lookup), "AccessDeniedException");

    // Moving the boundary takes effect for the running session at once.
    aws(
        &server,
        &[
            "iam",
            "put-role-permissions-boundary",
            "--role-name",
            "capped",
            "--permissions-boundary",
            &only_trail,
        ],
    );
    assert!(aws_in(&server, &session, &lookup).status.success());
    refused(
        &aws_in(&server, &session, &["kms", "list-keys"]),
        "AccessDeniedException",
    );
    let usage = |arn: &str| {
        aws(&server, &["iam", "get-policy", "--policy-arn", arn])["Policy"]
            ["PermissionsBoundaryUsageCount"]
            .clone()
    };
    assert_eq!((usage(&only_kms), usage(&only_trail)), (0.into(), 1.into()));

    // Deleting the role releases its boundary.
    aws(
        &server,
        &[
            "iam",
            "delete-role-policy",
            "--role-name",
            "capped",
            "--policy-name",
            "everything",
        ],
    );
    aws(&server, &["iam", "delete-role", "--role-name", "capped"]);
    aws(
        &server,
        &["iam", "delete-policy", "--policy-arn", &only_trail],
    );
}

#[test]
fn delegated_administrators_must_set_the_boundary() {
    let server = start();
    let boundary = managed(&server, "dev-boundary", r#""kms:*""#);
    let other = managed(&server, "other", r#""*""#);
    let (key, secret) = user_with_key(&server, "delegate");
    let delegation = format!(
        r#"{{"Version":"2012-10-17","Statement":[
            {{"Effect":"Allow","Action":["iam:CreateUser","iam:PutUserPermissionsBoundary"],"Resource":"*",
              "Condition":{{"StringEquals":{{"iam:PermissionsBoundary":"{boundary}"}}}}}},
            {{"Effect":"Allow","Action":"iam:DeleteUserPermissionsBoundary","Resource":"*"}},
            {{"Effect":"Deny","Action":"iam:DeleteUserPermissionsBoundary","Resource":"*",
              "Condition":{{"StringEquals":{{"iam:PermissionsBoundary":"{boundary}"}}}}}}]}}"#
    );
    aws(
        &server,
        &[
            "iam",
            "put-user-policy",
            "--user-name",
            "delegate",
            "--policy-name",
            "delegation",
            "--policy-document",
            &delegation,
        ],
    );
    let delegate = |args: &[&str]| aws_as(&server, &key, &secret, None, args);
    refused(
        &delegate(&["iam", "create-user", "--user-name", "free"]),
        "AccessDenied",
    );
    refused(
        &delegate(&[
            "iam",
            "create-user",
            "--user-name",
            "wide",
            "--permissions-boundary",
            &other,
        ]),
        "AccessDenied",
    );
    let made = delegate(&[
        "iam",
        "create-user",
        "--user-name",
        "bounded",
        "--permissions-boundary",
        &boundary,
    ]);
    assert!(made.status.success(), "{}", stderr(&made));
    // The boundary it set is the one the deny names: the delegate cannot lift it.
    refused(
        &delegate(&[
            "iam",
            "delete-user-permissions-boundary",
            "--user-name",
            "bounded",
        ]),
        "AccessDenied",
    );
}

#[test]
fn role_tags_are_principal_tags_that_session_tags_override() {
    let server = start();
    let role = open_role(&server, "tagged", &["--tags", "Key=team,Value=blue"]);
    let by_tag = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:ListRoles","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalTag/team":"blue"}}}]}"#;
    aws(
        &server,
        &[
            "iam",
            "put-role-policy",
            "--role-name",
            "tagged",
            "--policy-name",
            "blue-only",
            "--policy-document",
            by_tag,
        ],
    );
    let assume = |extra: &[&str]| session_of(&assume_role(&server, &role, extra));
    let plain = assume(&[]);
    assert!(
        aws_in(&server, &plain, &["iam", "list-roles"])
            .status
            .success()
    );
    let red = assume(&["--tags", "Key=Team,Value=red"]);
    refused(
        &aws_in(&server, &red, &["iam", "list-roles"]),
        "AccessDenied",
    );

    aws(
        &server,
        &[
            "iam",
            "tag-role",
            "--role-name",
            "tagged",
            "--tags",
            "Key=team,Value=green",
            "Key=env,Value=dev",
        ],
    );
    assert_eq!(
        aws(&server, &["iam", "list-role-tags", "--role-name", "tagged"])["Tags"],
        serde_json::json!([{"Key": "team", "Value": "green"}, {"Key": "env", "Value": "dev"}])
    );
    refused(
        &aws_in(&server, &plain, &["iam", "list-roles"]),
        "AccessDenied",
    );
    aws(
        &server,
        &[
            "iam",
            "untag-role",
            "--role-name",
            "tagged",
            "--tag-keys",
            "env",
        ],
    );
    assert_eq!(
        aws(&server, &["iam", "list-role-tags", "--role-name", "tagged"])["Tags"],
        serde_json::json!([{"Key": "team", "Value": "green"}])
    );
    // More than 50 tags in one request breaks the model's list length; more than 50 on the
    // role, counting those it has, is IAM's limit.
    let tag_args = |tags: &[String]| {
        let mut args = vec!["iam", "tag-role", "--role-name", "tagged", "--tags"];
        args.extend(tags.iter().map(String::as_str));
        aws_try(&server, &args)
    };
    let too_many: Vec<String> = (0..51).map(|i| format!("Key=k{i},Value=v")).collect();
    assert!(refused(&tag_args(&too_many), "ValidationError").contains(
        "Value at 'tags' failed to satisfy constraint: Member must have length less than or \
         equal to 50"
    ));
    assert!(tag_args(&too_many[..49]).status.success());
    refused(&tag_args(&too_many[50..]), "LimitExceeded");
}

#[test]
fn managed_session_policies_narrow_a_session() {
    let server = start();
    let role = open_role(&server, "wide", &[]);
    let only_kms = managed(&server, "only-kms", r#""kms:*""#);
    let only_trail = managed(&server, "only-trail", r#""cloudtrail:LookupEvents""#);
    let assume = |extra: &[&str]| assume_role(&server, &role, extra);
    let lookup = ["cloudtrail", "lookup-events", "--max-results", "1"];
    let list_users = ["iam", "list-users"];
    let kms = session_of(&assume(&["--policy-arns", &format!("arn={only_kms}")]));
    assert!(
        aws_in(&server, &kms, &["kms", "list-keys"])
            .status
            .success()
    );
    let said = refused(&aws_in(&server, &kms, &list_users), "AccessDenied");
    assert!(
        said.contains("because no session policy allows the iam:ListUsers action"),
        "{said}"
    );

    // Several session policies: any of them may allow.
    let both = session_of(&assume(&[
        "--policy-arns",
        &format!("arn={only_kms}"),
        &format!("arn={only_trail}"),
    ]));
    assert!(
        aws_in(&server, &both, &["kms", "list-keys"])
            .status
            .success()
    );
    assert!(aws_in(&server, &both, &lookup).status.success());
    refused(&aws_in(&server, &both, &list_users), "AccessDenied");

    // A session policy that is deleted, or never existed, allows nothing.
    aws(
        &server,
        &["iam", "delete-policy", "--policy-arn", &only_trail],
    );
    refused(&aws_in(&server, &both, &lookup), "AccessDeniedException");
    let gone = session_of(&assume(&["--policy-arns", &format!("arn={only_trail}")]));
    refused(
        &aws_in(&server, &gone, &["kms", "list-keys"]),
        "AccessDeniedException",
    );

    let eleven: Vec<String> = (0..11).map(|_| format!("arn={only_kms}")).collect();
    let mut args = vec!["--policy-arns"];
    args.extend(eleven.iter().map(String::as_str));
    let said = refused(&assume(&args), "ValidationError");
    assert!(
        said.contains("Member must have length less than or equal to 10"),
        "{said}"
    );
}

#[test]
fn resource_tags_of_users_and_roles_gate_calls_on_them() {
    let server = start();
    let blue = open_role(&server, "blue-role", &["--tags", "Key=team,Value=blue"]);
    let red = open_role(&server, "red-role", &["--tags", "Key=team,Value=red"]);
    aws(
        &server,
        &[
            "iam",
            "create-user",
            "--user-name",
            "lead",
            "--tags",
            "Key=team,Value=blue",
        ],
    );
    aws(&server, &["iam", "create-user", "--user-name", "untagged"]);
    let key = aws(
        &server,
        &["iam", "create-access-key", "--user-name", "lead"],
    )["AccessKey"]
        .clone();
    let (id, secret) = (
        key["AccessKeyId"].as_str().unwrap(),
        key["SecretAccessKey"].as_str().unwrap(),
    );
    let same_team = r#"{"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":["iam:GetRole","sts:AssumeRole"],"Resource":"*",
         "Condition":{"StringEquals":{"iam:ResourceTag/team":"${aws:PrincipalTag/team}"}}},
        {"Effect":"Allow","Action":"iam:ListUserTags","Resource":"*",
         "Condition":{"StringEquals":{"aws:ResourceTag/team":"blue"}}}]}"#;
    aws(
        &server,
        &[
            "iam",
            "put-user-policy",
            "--user-name",
            "lead",
            "--policy-name",
            "same-team",
            "--policy-document",
            same_team,
        ],
    );
    let lead = |args: &[&str]| aws_as(&server, id, secret, None, args);
    assert!(
        lead(&["iam", "get-role", "--role-name", "blue-role"])
            .status
            .success()
    );
    refused(
        &lead(&["iam", "get-role", "--role-name", "red-role"]),
        "AccessDenied",
    );
    let assume = |role: &str| {
        lead(&[
            "sts",
            "assume-role",
            "--role-arn",
            role,
            "--role-session-name",
            "lead-session",
        ])
    };
    assert!(assume(&blue).status.success());
    refused(&assume(&red), "AccessDenied");
    assert!(
        lead(&["iam", "list-user-tags", "--user-name", "lead"])
            .status
            .success()
    );
    refused(
        &lead(&["iam", "list-user-tags", "--user-name", "untagged"]),
        "AccessDenied",
    );
}
