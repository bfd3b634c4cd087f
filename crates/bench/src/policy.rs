//! Policy evaluation for a typical request: five attached policies of four statements each,
//! with conditions, the allowing statement last so every statement is examined.

use std::time::Instant;

use neargate_policy::{
    Context, Policy, PolicySet, PolicyUse, Request, RequestPrincipal, evaluate, parse,
};

/// Four statements, three that do not apply to the request and, in the last policy, one that
/// allows it.
fn policy(index: usize, last: bool) -> Policy {
    let allow = if last {
        r#"{"Effect":"Allow","Action":["ecs:CreateCluster","ecs:UpdateCluster"],"Resource":"arn:aws:ecs:*:111122223333:cluster/*",
            "Condition":{"StringEquals":{"ecs:fargate-ephemeral-storage-kms-key":"arn:aws:kms:us-east-1:111122223333:key/aaaa"},
                         "IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"Bool":{"aws:SecureTransport":"true"}}}"#
    } else {
        r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/${aws:username}/*"}"#
    };
    let text = format!(
        r#"{{"Version":"2012-10-17","Statement":[
            {{"Sid":"Kms{index}","Effect":"Allow","Action":["kms:Encrypt","kms:Decrypt"],"Resource":"arn:aws:kms:*:111122223333:key/*",
              "Condition":{{"StringLike":{{"kms:EncryptionContext:team":"${{aws:PrincipalTag/team}}*"}}}}}},
            {{"Sid":"Logs{index}","Effect":"Allow","Action":"logs:*","Resource":"*","Condition":{{"DateLessThan":{{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}}}}},
            {{"Sid":"Deny{index}","Effect":"Deny","Action":"ecs:DeleteCluster","Resource":"*","Condition":{{"StringNotEquals":{{"aws:PrincipalTag/role":"admin"}}}}}},
            {allow}]}}"#
    );
    parse(&text, PolicyUse::Identity).expect("benchmark policies are valid")
}

/// Median nanoseconds per evaluation over `rounds` rounds of `per_round` evaluations.
pub(crate) fn run(rounds: usize, per_round: u32) -> f64 {
    let policies: Vec<Policy> = (0..5).map(|i| policy(i, i == 4)).collect();
    let set = PolicySet {
        identity: policies.iter().collect(),
        ..PolicySet::default()
    };
    let mut ctx = Context::new();
    ctx.set("aws:username", "alice")
        .set("aws:PrincipalTag/team", "payments")
        .set("aws:PrincipalTag/role", "developer")
        .set("aws:SourceIp", "10.1.2.3")
        .set("aws:SecureTransport", "true")
        .set("aws:CurrentTime", "2026-11-22T18:00:00Z")
        .set(
            "ecs:fargate-ephemeral-storage-kms-key",
            "arn:aws:kms:us-east-1:111122223333:key/aaaa",
        );
    let principal = RequestPrincipal {
        arn: "arn:aws:iam::111122223333:user/alice",
        account: "111122223333",
        service: None,
    };
    let request = Request {
        principal,
        action: "ecs:CreateCluster",
        resource: "arn:aws:ecs:us-east-1:111122223333:cluster/prod",
        context: &ctx,
    };
    assert!(
        evaluate(&set, &request).allowed(),
        "the benchmark request is allowed"
    );
    let mut samples = Vec::new();
    for _ in 0..rounds {
        let started = Instant::now();
        for _ in 0..per_round {
            std::hint::black_box(evaluate(
                std::hint::black_box(&set),
                std::hint::black_box(&request),
            ));
        }
        samples.push(started.elapsed().as_secs_f64() * 1e9 / f64::from(per_round));
    }
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}
