//! AWS managed policies (`arn:aws:iam::aws:policy/…`) through the CLI: listed, read, attached,
//! enforced as identity policies, permissions boundaries and session policies, never changed.

use serde_json::Value;

use crate::boundaries::{assume_role, aws_in, open_role, session_of};
use crate::{aws, aws_as, aws_try, refused, start, user_with_key};

const EXECUTION: &str = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
const ADMINISTRATOR: &str = "arn:aws:iam::aws:policy/AdministratorAccess";
const IAM_READ_ONLY: &str = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
const POWER_USER: &str = "arn:aws:iam::aws:policy/PowerUserAccess";
const TRAIL_READ_ONLY: &str = "arn:aws:iam::aws:policy/AWSCloudTrail_ReadOnlyAccess";

/// The `Arn` of each policy in a `list-policies` answer.
fn arns(listed: &Value) -> Vec<String> {
    listed["Policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["Arn"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn aws_managed_policies_are_listed_read_and_attached_but_never_changed() {
    let server = start();
    let mine = aws(
        &server,
        &[
            "iam",
            "create-policy",
            "--policy-name",
            "mine",
            "--policy-document",
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:ListKeys","Resource":"*"}]}"#,
        ],
    )["Policy"]["Arn"]
        .as_str()
        .unwrap()
        .to_owned();

    // Listed by scope and path, without descriptions, as ListPolicies answers.
    let list = |extra: &[&str]| {
        let mut args = vec!["iam", "list-policies"];
        args.extend_from_slice(extra);
        aws(&server, &args)
    };
    let aws_scope = list(&["--scope", "AWS"]);
    let listed = arns(&aws_scope);
    assert!(listed.contains(&EXECUTION.to_owned()) && listed.contains(&ADMINISTRATOR.to_owned()));
    assert!(!listed.contains(&mine));
    assert!(
        aws_scope["Policies"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p.get("Description").is_none())
    );
    assert_eq!(arns(&list(&["--scope", "Local"])), vec![mine.clone()]);
    let all = arns(&list(&[]));
    assert!(all.contains(&mine) && all.contains(&EXECUTION.to_owned()));
    let service_roles = arns(&list(&[
        "--scope",
        "AWS",
        "--path-prefix",
        "/service-role/",
    ]));
    assert!(service_roles.contains(&EXECUTION.to_owned()));
    assert!(!service_roles.contains(&ADMINISTRATOR.to_owned()));
    let said = refused(
        &aws_try(&server, &["iam", "list-policies", "--scope", "Everything"]),
        "ValidationError",
    );
    assert!(said.contains("[All, AWS, Local]"), "{said}");

    // Read like any managed policy.
    let got = aws(&server, &["iam", "get-policy", "--policy-arn", EXECUTION])["Policy"].clone();
    assert_eq!(got["PolicyName"], "AmazonECSTaskExecutionRolePolicy");
    assert_eq!(got["Path"], "/service-role/");
    assert_eq!(got["DefaultVersionId"], "v1");
    assert_eq!(got["AttachmentCount"], 0);
    assert!(
        got["Description"]
            .as_str()
            .unwrap()
            .contains("Amazon ECS tasks")
    );
    let version = aws(
        &server,
        &[
            "iam",
            "get-policy-version",
            "--policy-arn",
            EXECUTION,
            "--version-id",
            "v1",
        ],
    );
    let statement = &version["PolicyVersion"]["Document"]["Statement"][0];
    assert!(
        statement["Action"]
            .as_array()
            .unwrap()
            .contains(&"ecr:GetAuthorizationToken".into())
    );
    let missing = "arn:aws:iam::aws:policy/NoSuchPolicy";
    refused(
        &aws_try(&server, &["iam", "get-policy", "--policy-arn", missing]),
        "NoSuchEntity",
    );

    // Attached to the task execution role, counted, and holding the role until detached.
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    let role = ["--role-name", "ecsTaskExecutionRole"];
    aws(
        &server,
        &[
            &["iam", "create-role", "--assume-role-policy-document", trust][..],
            &role,
        ]
        .concat(),
    );
    let attach = |verb: &str, arn: &str| {
        aws_try(
            &server,
            &[&["iam", verb, "--policy-arn", arn][..], &role].concat(),
        )
    };
    assert!(attach("attach-role-policy", EXECUTION).status.success());
    refused(&attach("attach-role-policy", missing), "NoSuchEntity");
    let attached = aws(
        &server,
        &[&["iam", "list-attached-role-policies"][..], &role].concat(),
    );
    assert_eq!(
        attached["AttachedPolicies"],
        serde_json::json!([{"PolicyName": "AmazonECSTaskExecutionRolePolicy", "PolicyArn": EXECUTION}])
    );
    let count = || {
        aws(&server, &["iam", "get-policy", "--policy-arn", EXECUTION])["Policy"]["AttachmentCount"]
            .clone()
    };
    assert_eq!(count(), 1);
    refused(
        &aws_try(&server, &[&["iam", "delete-role"][..], &role].concat()),
        "DeleteConflict",
    );

    // AWS owns them: no deleting, no new versions.
    let said = refused(
        &aws_try(
            &server,
            &["iam", "delete-policy", "--policy-arn", EXECUTION],
        ),
        "AccessDenied",
    );
    assert!(said.contains("outside your own account"), "{said}");
    refused(
        &aws_try(
            &server,
            &[
                "iam",
                "create-policy-version",
                "--policy-arn",
                ADMINISTRATOR,
                "--policy-document",
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}"#,
            ],
        ),
        "AccessDenied",
    );

    assert!(attach("detach-role-policy", EXECUTION).status.success());
    refused(&attach("detach-role-policy", EXECUTION), "NoSuchEntity");
    assert_eq!(count(), 0);
    aws(&server, &[&["iam", "delete-role"][..], &role].concat());
}

#[test]
fn aws_managed_policies_grant_limit_and_narrow_as_on_aws() {
    let server = start();

    // An identity policy: IAMReadOnlyAccess reads IAM and nothing else.
    let (id, secret) = user_with_key(&server, "reader");
    let attach_user = |user: &str, arn: &str| {
        aws(
            &server,
            &[
                "iam",
                "attach-user-policy",
                "--user-name",
                user,
                "--policy-arn",
                arn,
            ],
        )
    };
    attach_user("reader", IAM_READ_ONLY);
    let reader = |args: &[&str]| aws_as(&server, &id, &secret, None, args);
    assert!(reader(&["iam", "list-users"]).status.success());
    refused(
        &reader(&["iam", "create-user", "--user-name", "x"]),
        "AccessDenied",
    );
    refused(&reader(&["kms", "list-keys"]), "AccessDeniedException");

    // A boundary: AdministratorAccess capped by PowerUserAccess leaves IAM out, but ListRoles.
    let (id, secret) = user_with_key(&server, "power");
    attach_user("power", ADMINISTRATOR);
    aws(
        &server,
        &[
            "iam",
            "put-user-permissions-boundary",
            "--user-name",
            "power",
            "--permissions-boundary",
            POWER_USER,
        ],
    );
    let power = |args: &[&str]| aws_as(&server, &id, &secret, None, args);
    assert!(power(&["kms", "list-keys"]).status.success());
    assert!(power(&["iam", "list-roles"]).status.success());
    let said = refused(&power(&["iam", "list-users"]), "AccessDenied");
    assert!(said.contains("permissions boundary"), "{said}");
    let boundary_uses = || {
        aws(&server, &["iam", "get-policy", "--policy-arn", POWER_USER])["Policy"]
            ["PermissionsBoundaryUsageCount"]
            .clone()
    };
    assert_eq!(boundary_uses(), 1);
    aws(
        &server,
        &[
            "iam",
            "delete-user-permissions-boundary",
            "--user-name",
            "power",
        ],
    );
    assert_eq!(boundary_uses(), 0);
    assert!(power(&["iam", "list-users"]).status.success());

    // A session policy: a session of a role allowed everything, narrowed to reading the trail.
    let role = open_role(&server, "ops", &[]);
    let session = session_of(&assume_role(
        &server,
        &role,
        &["--policy-arns", &format!("arn={TRAIL_READ_ONLY}")],
    ));
    let lookup = ["cloudtrail", "lookup-events", "--max-results", "1"];
    assert!(aws_in(&server, &session, &lookup).status.success());
    refused(
        &aws_in(&server, &session, &["kms", "list-keys"]),
        "AccessDeniedException",
    );
}
