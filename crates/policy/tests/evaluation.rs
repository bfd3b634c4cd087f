//! Evaluation scenarios and properties of AWS's policy logic.

use neargate_policy::{
    Context, Decision, DenyReason, Policy, PolicyKind, PolicySet, PolicyUse, Request,
    RequestPrincipal, evaluate, parse,
};
use proptest::prelude::*;

const ACCOUNT: &str = "111122223333";
const ALICE: &str = "arn:aws:iam::111122223333:user/alice";
const KEY_A: &str = "arn:aws:kms:us-east-1:111122223333:key/aaaa";
const KEY_B: &str = "arn:aws:kms:us-east-1:111122223333:key/bbbb";

fn identity(text: &str) -> Policy {
    parse(text, PolicyUse::Identity).unwrap()
}

fn alice() -> RequestPrincipal<'static> {
    RequestPrincipal {
        arn: ALICE,
        account: ACCOUNT,
        service: None,
    }
}

fn ask(
    set: &PolicySet<'_>,
    principal: RequestPrincipal<'_>,
    action: &str,
    resource: &str,
    ctx: &Context,
) -> Decision {
    evaluate(
        set,
        &Request {
            principal,
            action,
            resource,
            context: ctx,
        },
    )
}

/// The seed's guardrail: CreateCluster only with the approved key.
const CLUSTER_KEY_POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:CreateCluster","Resource":"*",
  "Condition":{"StringEquals":{"ecs:fargate-ephemeral-storage-kms-key":"arn:aws:kms:us-east-1:111122223333:key/aaaa"}}}]}"#;

#[test]
fn a_condition_key_pins_the_cluster_key() {
    let policy = identity(CLUSTER_KEY_POLICY);
    let set = PolicySet {
        identity: vec![&policy],
        ..PolicySet::default()
    };
    let cluster = "arn:aws:ecs:us-east-1:111122223333:cluster/prod";
    let mut with_a = Context::new();
    with_a.set("ecs:fargate-ephemeral-storage-kms-key", KEY_A);
    let mut with_b = Context::new();
    with_b.set("ecs:fargate-ephemeral-storage-kms-key", KEY_B);
    assert!(ask(&set, alice(), "ecs:CreateCluster", cluster, &with_a).allowed());
    let denied = ask(&set, alice(), "ecs:CreateCluster", cluster, &with_b);
    assert_eq!(
        denied,
        Decision::Deny(DenyReason::NotAllowed(PolicyKind::Identity), None)
    );
    assert!(
        !ask(&set, alice(), "ecs:CreateCluster", cluster, &Context::new()).allowed(),
        "no key, no cluster"
    );
    let Decision::Deny(reason, _) = denied else {
        unreachable!()
    };
    let ctx = Context::new();
    let request = Request {
        principal: alice(),
        action: "ecs:CreateCluster",
        resource: cluster,
        context: &ctx,
    };
    assert_eq!(
        reason.message(&request),
        "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: ecs:CreateCluster on resource: \
         arn:aws:ecs:us-east-1:111122223333:cluster/prod because no identity-based policy allows the ecs:CreateCluster action"
    );
}

#[test]
fn a_guardrail_deny_beats_an_identity_allow() {
    let admin = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
    );
    let guardrail = parse(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
           {"Effect":"Deny","Action":"ecs:CreateCluster","Resource":"*",
            "Condition":{"StringNotEquals":{"ecs:fargate-ephemeral-storage-kms-key":"arn:aws:kms:us-east-1:111122223333:key/aaaa"}}}]}"#,
        PolicyUse::ControlPolicy,
    )
    .unwrap();
    let set = PolicySet {
        control: vec![&guardrail],
        identity: vec![&admin],
        ..PolicySet::default()
    };
    let mut ctx = Context::new();
    ctx.set("ecs:fargate-ephemeral-storage-kms-key", KEY_B);
    let decision = ask(&set, alice(), "ecs:CreateCluster", "*", &ctx);
    assert_eq!(
        decision,
        Decision::Deny(
            DenyReason::Explicit(PolicyKind::ControlPolicy),
            Some((0, 1))
        )
    );
    let request = Request {
        principal: alice(),
        action: "ecs:CreateCluster",
        resource: "*",
        context: &ctx,
    };
    assert!(
        DenyReason::Explicit(PolicyKind::ControlPolicy)
            .message(&request)
            .ends_with("with an explicit deny in a service control policy")
    );
    assert!(
        DenyReason::Explicit(PolicyKind::Identity)
            .message(&request)
            .ends_with("with an explicit deny in an identity-based policy")
    );
    ctx.set("ecs:fargate-ephemeral-storage-kms-key", KEY_A);
    assert!(ask(&set, alice(), "ecs:CreateCluster", "*", &ctx).allowed());
    assert!(
        !ask(&set, alice(), "ecs:CreateCluster", "*", &Context::new()).allowed(),
        "a missing key is not the approved one"
    );
    let narrow_scp = parse(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#, PolicyUse::ControlPolicy).unwrap();
    let set = PolicySet {
        control: vec![&narrow_scp],
        identity: vec![&admin],
        ..PolicySet::default()
    };
    assert_eq!(
        ask(&set, alice(), "kms:Encrypt", "*", &ctx),
        Decision::Deny(DenyReason::NotAllowed(PolicyKind::ControlPolicy), None)
    );
}

#[test]
fn boundaries_and_session_policies_narrow() {
    let admin = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
    );
    let only_kms = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}"#,
    );
    let ctx = Context::new();
    for (set, kind) in [
        (
            PolicySet {
                identity: vec![&admin],
                session: vec![&only_kms],
                ..PolicySet::default()
            },
            PolicyKind::Session,
        ),
        (
            PolicySet {
                identity: vec![&admin],
                boundary: Some(&only_kms),
                ..PolicySet::default()
            },
            PolicyKind::Boundary,
        ),
    ] {
        assert!(ask(&set, alice(), "kms:Decrypt", KEY_A, &ctx).allowed());
        assert_eq!(
            ask(&set, alice(), "ecs:RunTask", "*", &ctx),
            Decision::Deny(DenyReason::NotAllowed(kind), None)
        );
    }
    let set = PolicySet {
        identity: vec![&only_kms],
        session: vec![&admin],
        ..PolicySet::default()
    };
    assert!(
        !ask(&set, alice(), "ecs:RunTask", "*", &ctx).allowed(),
        "a session policy grants nothing by itself"
    );
}

#[test]
fn a_policy_reads_the_context_through_conditions_and_variables() {
    let reads = |text: &str| identity(text).reads_context();
    assert!(!reads(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
    ));
    assert!(reads(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
            {"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#
    ));
    assert!(reads(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws:username}"}]}"#
    ));
    // Variables are text in the 2008 language: nothing is read.
    assert!(!reads(
        r#"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws:username}"}]}"#
    ));
}

#[test]
fn any_session_policy_may_allow_and_an_empty_one_allows_nothing() {
    let admin = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
    );
    let only_kms = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}"#,
    );
    let only_ecs = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:*","Resource":"*"}]}"#,
    );
    let empty = Policy::allowing_nothing();
    let ctx = Context::new();
    let both = PolicySet {
        identity: vec![&admin],
        session: vec![&only_kms, &only_ecs],
        ..PolicySet::default()
    };
    assert!(ask(&both, alice(), "kms:Decrypt", KEY_A, &ctx).allowed());
    assert!(ask(&both, alice(), "ecs:RunTask", "*", &ctx).allowed());
    assert_eq!(
        ask(&both, alice(), "iam:GetUser", "*", &ctx),
        Decision::Deny(DenyReason::NotAllowed(PolicyKind::Session), None)
    );
    let vanished = PolicySet {
        identity: vec![&admin],
        session: vec![&empty],
        ..PolicySet::default()
    };
    assert_eq!(
        ask(&vanished, alice(), "kms:Decrypt", KEY_A, &ctx),
        Decision::Deny(DenyReason::NotAllowed(PolicyKind::Session), None)
    );
}
/// The key policy of the customer-managed-key seed: the account, plus Fargate's statements.
const KEY_POLICY: &str = r#"{"Version":"2012-10-17","Id":"key-default","Statement":[
  {"Sid":"EnableIAM","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
  {"Sid":"FargateDataKey","Effect":"Allow","Principal":{"Service":"fargate.amazonaws.com"},"Action":"kms:GenerateDataKeyWithoutPlaintext","Resource":"*",
   "Condition":{"StringEquals":{"kms:EncryptionContext:aws:ecs:clusterAccount":["111122223333"],"kms:EncryptionContext:aws:ecs:clusterName":["prod"]}}},
  {"Sid":"FargateGrant","Effect":"Allow","Principal":{"Service":"fargate.amazonaws.com"},"Action":"kms:CreateGrant","Resource":"*",
   "Condition":{"StringEquals":{"kms:EncryptionContext:aws:ecs:clusterName":["prod"]},"ForAllValues:StringEquals":{"kms:GrantOperations":["Decrypt"]}}}]}"#;

#[test]
fn key_policies_are_the_primary_control() {
    let key_policy = parse(KEY_POLICY, PolicyUse::Resource).unwrap();
    let use_keys = identity(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Encrypt","Resource":"*"}]}"#,
    );
    let ctx = Context::new();
    let delegated = PolicySet {
        resource: Some(&key_policy),
        resource_required: true,
        identity: vec![&use_keys],
        ..PolicySet::default()
    };
    assert!(
        ask(&delegated, alice(), "kms:Encrypt", KEY_A, &ctx).allowed(),
        "the account statement lets IAM decide"
    );
    let no_iam = PolicySet {
        resource: Some(&key_policy),
        resource_required: true,
        ..PolicySet::default()
    };
    assert_eq!(
        ask(&no_iam, alice(), "kms:Encrypt", KEY_A, &ctx),
        Decision::Deny(DenyReason::NotAllowed(PolicyKind::Identity), None)
    );

    let without_account = parse(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"kms:*","Resource":"*"}]}"#,
        PolicyUse::Resource,
    )
    .unwrap();
    let iam_only = PolicySet {
        resource: Some(&without_account),
        resource_required: true,
        identity: vec![&use_keys],
        ..PolicySet::default()
    };
    assert_eq!(
        ask(&iam_only, alice(), "kms:Encrypt", KEY_A, &ctx),
        Decision::Deny(DenyReason::NotAllowed(PolicyKind::Resource), None)
    );

    let fargate = RequestPrincipal {
        arn: "fargate.amazonaws.com",
        account: ACCOUNT,
        service: Some("fargate.amazonaws.com"),
    };
    let mut prod = Context::new();
    prod.set("kms:EncryptionContext:aws:ecs:clusterAccount", ACCOUNT)
        .set("kms:EncryptionContext:aws:ecs:clusterName", "prod");
    prod.set_all("kms:GrantOperations", vec!["Decrypt".into()]);
    assert!(
        ask(
            &no_iam,
            fargate,
            "kms:GenerateDataKeyWithoutPlaintext",
            KEY_A,
            &prod
        )
        .allowed()
    );
    assert!(ask(&no_iam, fargate, "kms:CreateGrant", KEY_A, &prod).allowed());
    let mut other_cluster = prod.clone();
    other_cluster.set("kms:EncryptionContext:aws:ecs:clusterName", "dev");
    assert!(
        !ask(
            &no_iam,
            fargate,
            "kms:GenerateDataKeyWithoutPlaintext",
            KEY_A,
            &other_cluster
        )
        .allowed()
    );
    let mut encrypt_too = prod.clone();
    encrypt_too.set_all(
        "kms:GrantOperations",
        vec!["Decrypt".into(), "Encrypt".into()],
    );
    assert!(
        !ask(&no_iam, fargate, "kms:CreateGrant", KEY_A, &encrypt_too).allowed(),
        "only Decrypt grants"
    );
    assert!(
        !ask(&no_iam, fargate, "kms:Decrypt", KEY_A, &prod).allowed(),
        "no statement lets Fargate decrypt directly"
    );
}

#[test]
fn not_elements_and_variables() {
    let policy = identity(
        r#"{"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","NotAction":"iam:*","Resource":"*"},
            {"Effect":"Allow","Action":"iam:ChangePassword","Resource":"arn:aws:iam::*:user/${aws:username}"}]}"#,
    );
    let set = PolicySet {
        identity: vec![&policy],
        ..PolicySet::default()
    };
    let mut ctx = Context::new();
    ctx.set("aws:username", "alice");
    assert!(
        ask(&set, alice(), "S3:GETOBJECT", "*", &ctx).allowed(),
        "actions compare without case"
    );
    assert!(!ask(&set, alice(), "iam:CreateUser", "*", &ctx).allowed());
    assert!(ask(&set, alice(), "iam:ChangePassword", ALICE, &ctx).allowed());
    assert!(
        !ask(
            &set,
            alice(),
            "iam:ChangePassword",
            "arn:aws:iam::111122223333:user/bob",
            &ctx
        )
        .allowed()
    );
    let deny_others = parse(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"kms:*","Resource":"*"},
            {"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"}]}"#,
        PolicyUse::Resource,
    )
    .unwrap();
    let set = PolicySet {
        resource: Some(&deny_others),
        ..PolicySet::default()
    };
    assert!(ask(&set, alice(), "kms:Encrypt", KEY_A, &ctx).allowed());
    let bob = RequestPrincipal {
        arn: "arn:aws:iam::111122223333:user/bob",
        account: ACCOUNT,
        service: None,
    };
    assert_eq!(
        ask(&set, bob, "kms:Encrypt", KEY_A, &ctx),
        Decision::Deny(DenyReason::Explicit(PolicyKind::Resource), Some((0, 0)))
    );
}

// Properties over small random policies.

fn statement() -> impl Strategy<Value = String> {
    statement_of(vec!["Allow", "Deny"])
}

fn statement_of(effects: Vec<&'static str>) -> impl Strategy<Value = String> {
    (
        prop::sample::select(effects),
        prop::sample::select(vec![
            "\"*\"",
            "\"s3:*\"",
            "\"s3:GetObject\"",
            "\"kms:*\"",
            "[\"kms:Encrypt\",\"s3:Put*\"]",
        ]),
        prop::sample::select(vec![
            "\"*\"",
            "\"arn:aws:s3:::b/*\"",
            "\"arn:aws:kms:*:111122223333:key/*\"",
        ]),
        prop::sample::select(vec![
            "",
            r#","Condition":{"StringEquals":{"k":"a"}}"#,
            r#","Condition":{"StringNotEquals":{"k":"a"}}"#,
        ]),
    )
        .prop_map(|(effect, action, resource, condition)| {
            format!(r#"{{"Effect":"{effect}","Action":{action},"Resource":{resource}{condition}}}"#)
        })
}

fn policy_text(statements: &[String]) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        statements.join(",")
    )
}

fn request_parts() -> impl Strategy<Value = (&'static str, &'static str, Option<&'static str>)> {
    (
        prop::sample::select(vec![
            "s3:GetObject",
            "s3:PutObject",
            "kms:Encrypt",
            "ecs:RunTask",
        ]),
        prop::sample::select(vec![
            "arn:aws:s3:::b/x",
            "arn:aws:kms:us-east-1:111122223333:key/k",
            "*",
        ]),
        prop::option::of(prop::sample::select(vec!["a", "b"])),
    )
}

fn decide(statements: &[String], (action, resource, k): (&str, &str, Option<&str>)) -> Decision {
    let policy = identity(&policy_text(statements));
    let mut ctx = Context::new();
    if let Some(k) = k {
        ctx.set("k", k);
    }
    ask(
        &PolicySet {
            identity: vec![&policy],
            ..PolicySet::default()
        },
        alice(),
        action,
        resource,
        &ctx,
    )
}

proptest! {
    #[test]
    fn deny_always_wins(statements in prop::collection::vec(statement(), 1..6), request in request_parts()) {
        let mut with_deny = statements.clone();
        with_deny.push(r#"{"Effect":"Deny","Action":"*","Resource":"*"}"#.to_owned());
        prop_assert!(!decide(&with_deny, request).allowed());
    }

    #[test]
    fn adding_an_allow_never_denies(statements in prop::collection::vec(statement(), 1..6), extra in statement_of(vec!["Allow"]), request in request_parts()) {
        let mut more = statements.clone();
        more.push(extra);
        prop_assert!(!decide(&statements, request).allowed() || decide(&more, request).allowed());
    }

    #[test]
    fn removing_a_deny_never_denies(statements in prop::collection::vec(statement(), 1..6), request in request_parts()) {
        let fewer: Vec<String> = statements.iter().filter(|s| !s.contains("\"Deny\"")).cloned().collect();
        prop_assume!(!fewer.is_empty());
        prop_assert!(!decide(&statements, request).allowed() || decide(&fewer, request).allowed());
    }
}
