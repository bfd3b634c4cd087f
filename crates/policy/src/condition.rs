//! Condition operators, with AWS's rules for absent keys, `…IfExists`, `Not…` operators and the
//! `ForAllValues:`/`ForAnyValue:` set qualifiers.

use std::net::IpAddr;

use base64::Engine as _;
use neargate_common::Timestamp;

use crate::context::Context;
use crate::model::{Condition, OpKind, SetOp, Version};
use crate::pattern::{arn_matches, matches};

/// Whether `condition` holds in `ctx`.
pub(crate) fn holds(condition: &Condition, ctx: &Context, version: Version) -> bool {
    let op = condition.operator;
    let present = ctx.get(&condition.key).filter(|v| !v.is_empty());
    if op.kind == OpKind::Null {
        let want_absent = condition
            .values
            .iter()
            .any(|v| v.eq_ignore_ascii_case("true"));
        return present.is_none() == want_absent;
    }
    let variables = (version == Version::V2012).then_some(ctx);
    // Whether one request value satisfies the operator (a `Not` operator: matches no value).
    let satisfied = |actual: &String| {
        let matched = condition
            .values
            .iter()
            .any(|p| compare(op.kind, p, actual, variables));
        matched != op.negated
    };
    match (op.set, present) {
        (None, None) => op.if_exists || op.negated,
        (None, Some(values)) => {
            if op.negated {
                values.iter().all(satisfied)
            } else {
                values.iter().any(satisfied)
            }
        }
        (Some(SetOp::ForAllValues), None) => true,
        (Some(SetOp::ForAllValues), Some(values)) => values.iter().all(satisfied),
        (Some(SetOp::ForAnyValue), None) => false,
        (Some(SetOp::ForAnyValue), Some(values)) => values.iter().any(satisfied),
    }
}

/// Whether `actual` matches the policy value `expected` under `kind` (never negated here).
fn compare(kind: OpKind, expected: &str, actual: &str, variables: Option<&Context>) -> bool {
    match kind {
        OpKind::StringEquals | OpKind::StringEqualsIgnoreCase | OpKind::StringLike => {
            let wildcards = kind == OpKind::StringLike;
            let ignore_case = kind == OpKind::StringEqualsIgnoreCase;
            matches(expected, actual, wildcards, ignore_case, variables)
        }
        OpKind::NumericEquals => numbers(expected, actual).is_some_and(|(e, a)| a == e),
        OpKind::NumericLessThan => numbers(expected, actual).is_some_and(|(e, a)| a < e),
        OpKind::NumericLessThanEquals => numbers(expected, actual).is_some_and(|(e, a)| a <= e),
        OpKind::NumericGreaterThan => numbers(expected, actual).is_some_and(|(e, a)| a > e),
        OpKind::NumericGreaterThanEquals => numbers(expected, actual).is_some_and(|(e, a)| a >= e),
        OpKind::DateEquals => dates(expected, actual).is_some_and(|(e, a)| a == e),
        OpKind::DateLessThan => dates(expected, actual).is_some_and(|(e, a)| a < e),
        OpKind::DateLessThanEquals => dates(expected, actual).is_some_and(|(e, a)| a <= e),
        OpKind::DateGreaterThan => dates(expected, actual).is_some_and(|(e, a)| a > e),
        OpKind::DateGreaterThanEquals => dates(expected, actual).is_some_and(|(e, a)| a >= e),
        OpKind::Bool => expected.eq_ignore_ascii_case(actual),
        OpKind::BinaryEquals => {
            let decode = |s: &str| base64::engine::general_purpose::STANDARD.decode(s).ok();
            decode(expected).is_some_and(|e| decode(actual).is_some_and(|a| a == e))
        }
        OpKind::IpAddress => in_network(expected, actual),
        OpKind::ArnLike => arn_matches(expected, actual, variables),
        OpKind::Null => false,
    }
}

fn numbers(expected: &str, actual: &str) -> Option<(f64, f64)> {
    Some((expected.trim().parse().ok()?, actual.trim().parse().ok()?))
}

/// A date as ISO 8601 text or epoch seconds.
fn date(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    Timestamp::parse_iso8601(text).or_else(|| text.parse::<i64>().ok().map(Timestamp::from_secs))
}

fn dates(expected: &str, actual: &str) -> Option<(Timestamp, Timestamp)> {
    Some((date(expected)?, date(actual)?))
}

/// Whether the address `actual` is inside `network` (CIDR, or a single address).
fn in_network(network: &str, actual: &str) -> bool {
    let (base, bits) = match network.split_once('/') {
        Some((base, bits)) => (base, bits.parse::<u32>().ok()),
        None => (network, None),
    };
    let (Ok(base), Ok(actual)) = (
        base.trim().parse::<IpAddr>(),
        actual.trim().parse::<IpAddr>(),
    ) else {
        return false;
    };
    match (base, actual) {
        (IpAddr::V4(b), IpAddr::V4(a)) => prefix_equal(
            u128::from(u32::from(b)),
            u128::from(u32::from(a)),
            bits.unwrap_or(32),
            32,
        ),
        (IpAddr::V6(b), IpAddr::V6(a)) => {
            prefix_equal(u128::from(b), u128::from(a), bits.unwrap_or(128), 128)
        }
        _ => false,
    }
}

fn prefix_equal(base: u128, actual: u128, bits: u32, width: u32) -> bool {
    if bits > width {
        return false;
    }
    let shift = width - bits;
    shift >= 128 || (base >> shift) == (actual >> shift)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{PolicyUse, parse};

    /// Whether the one condition of `block` holds in `ctx`.
    fn check(block: &str, ctx: &Context) -> bool {
        let text = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"s3:Get","Resource":"*","Condition":{block}}}]}}"#
        );
        let policy = parse(&text, PolicyUse::Identity).unwrap();
        policy.statements[0]
            .conditions
            .iter()
            .all(|c| holds(c, ctx, policy.version))
    }

    fn ctx(pairs: &[(&str, &str)]) -> Context {
        let mut c = Context::new();
        for (k, v) in pairs {
            c.set(k, *v);
        }
        c
    }

    /// A condition block, the request's keys, and whether the condition holds.
    type Case = (&'static str, &'static [(&'static str, &'static str)], bool);

    /// Known answers, after the examples in AWS's condition operator reference.
    #[test]
    fn operators_answer_as_aws_documents() {
        let tags = {
            let mut c = ctx(&[("aws:username", "alice")]);
            c.set_all("aws:TagKeys", vec!["team".into(), "cost".into()]);
            c
        };
        let cases: &[Case] = &[
            (
                r#"{"StringEquals":{"aws:PrincipalTag/job-category":"iamuser-admin"}}"#,
                &[("aws:PrincipalTag/job-category", "iamuser-admin")],
                true,
            ),
            (
                r#"{"StringEquals":{"aws:PrincipalTag/job-category":"iamuser-admin"}}"#,
                &[("aws:principaltag/JOB-CATEGORY", "iamuser-admin")],
                true,
            ),
            (
                r#"{"StringEquals":{"aws:PrincipalTag/job-category":"iamuser-admin"}}"#,
                &[],
                false,
            ),
            (
                r#"{"StringNotEquals":{"aws:PrincipalTag/job-category":"iamuser-admin"}}"#,
                &[],
                true,
            ),
            (
                r#"{"StringNotEquals":{"k":["a","b"]}}"#,
                &[("k", "b")],
                false,
            ),
            (
                r#"{"StringNotEquals":{"k":["a","b"]}}"#,
                &[("k", "c")],
                true,
            ),
            (
                r#"{"StringEqualsIgnoreCase":{"k":"ABC"}}"#,
                &[("k", "abc")],
                true,
            ),
            (
                r#"{"StringNotEqualsIgnoreCase":{"k":"ABC"}}"#,
                &[("k", "abc")],
                false,
            ),
            (
                r#"{"StringLike":{"s3:prefix":["","home/","home/${aws:username}/*"]}}"#,
                &[("s3:prefix", "home/bob/x"), ("aws:username", "bob")],
                true,
            ),
            (
                r#"{"StringLike":{"s3:prefix":["home/${aws:username}/*"]}}"#,
                &[("s3:prefix", "home/eve/x"), ("aws:username", "bob")],
                false,
            ),
            (r#"{"StringNotLike":{"k":"a*"}}"#, &[("k", "abc")], false),
            (
                r#"{"StringEqualsIfExists":{"ec2:InstanceType":["t1.*"]}}"#,
                &[],
                true,
            ),
            (
                r#"{"StringEqualsIfExists":{"k":"a"}}"#,
                &[("k", "b")],
                false,
            ),
            (
                r#"{"NumericLessThanEquals":{"s3:max-keys":"10"}}"#,
                &[("s3:max-keys", "10")],
                true,
            ),
            (
                r#"{"NumericLessThan":{"s3:max-keys":10}}"#,
                &[("s3:max-keys", "10")],
                false,
            ),
            (r#"{"NumericGreaterThan":{"k":"1.5"}}"#, &[("k", "2")], true),
            (r#"{"NumericEquals":{"k":"1"}}"#, &[("k", "one")], false),
            (r#"{"NumericNotEquals":{"k":"1"}}"#, &[("k", "2")], true),
            (
                r#"{"DateGreaterThan":{"aws:CurrentTime":"2020-04-01T00:00:00Z"}}"#,
                &[("aws:CurrentTime", "2026-11-22T18:00:00Z")],
                true,
            ),
            (
                r#"{"DateLessThan":{"aws:EpochTime":"1700000000"}}"#,
                &[("aws:EpochTime", "1600000000")],
                true,
            ),
            (
                r#"{"DateEquals":{"aws:CurrentTime":"2020-04-01T00:00:00Z"}}"#,
                &[("aws:CurrentTime", "1585699200")],
                true,
            ),
            (
                r#"{"Bool":{"aws:SecureTransport":"true"}}"#,
                &[("aws:SecureTransport", "false")],
                false,
            ),
            (
                r#"{"Bool":{"aws:SecureTransport":false}}"#,
                &[("aws:SecureTransport", "false")],
                true,
            ),
            (
                r#"{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#,
                &[],
                false,
            ),
            (
                r#"{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}"#,
                &[],
                true,
            ),
            (
                r#"{"BinaryEquals":{"k":"QmluYXJ5VmFsdWU="}}"#,
                &[("k", "QmluYXJ5VmFsdWU=")],
                true,
            ),
            (
                r#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#,
                &[("aws:SourceIp", "203.0.113.7")],
                true,
            ),
            (
                r#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#,
                &[("aws:SourceIp", "203.0.114.7")],
                false,
            ),
            (
                r#"{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]}}"#,
                &[("aws:SourceIp", "198.51.100.1")],
                true,
            ),
            (
                r#"{"IpAddress":{"aws:SourceIp":"2001:DB8:1234:5678::/64"}}"#,
                &[("aws:SourceIp", "2001:db8:1234:5678::99")],
                true,
            ),
            (
                r#"{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}"#,
                &[("aws:SourceIp", "10.1.2.3")],
                true,
            ),
            (
                r#"{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:123456789012:TOPIC-ID"}}"#,
                &[(
                    "aws:SourceArn",
                    "arn:aws:sns:eu-west-1:123456789012:TOPIC-ID",
                )],
                true,
            ),
            (
                r#"{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:*:123456789012:TOPIC-ID"}}"#,
                &[(
                    "aws:SourceArn",
                    "arn:aws:sns:eu-west-1:999999999999:TOPIC-ID",
                )],
                false,
            ),
            (
                r#"{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/admin"}}"#,
                &[],
                true,
            ),
            (r#"{"Null":{"aws:TokenIssueTime":"true"}}"#, &[], true),
            (
                r#"{"Null":{"aws:TokenIssueTime":"false"}}"#,
                &[("aws:TokenIssueTime", "2026-01-01T00:00:00Z")],
                true,
            ),
            (
                r#"{"Null":{"aws:TokenIssueTime":"true"}}"#,
                &[("aws:TokenIssueTime", "2026-01-01T00:00:00Z")],
                false,
            ),
        ];
        for (block, pairs, expected) in cases {
            assert_eq!(
                check(block, &ctx(pairs)),
                *expected,
                "{block} with {pairs:?}"
            );
        }
        let set_cases: &[(&str, bool)] = &[
            (
                r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["team","cost","env"]}}"#,
                true,
            ),
            (
                r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["team"]}}"#,
                false,
            ),
            (
                r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["env","cost"]}}"#,
                true,
            ),
            (
                r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["env"]}}"#,
                false,
            ),
            (
                r#"{"ForAllValues:StringNotEquals":{"aws:TagKeys":["secret"]}}"#,
                true,
            ),
            (
                r#"{"ForAnyValue:StringNotEquals":{"aws:TagKeys":["team","cost"]}}"#,
                false,
            ),
            (
                r#"{"ForAllValues:StringEquals":{"aws:NoSuchKey":["x"]}}"#,
                true,
            ),
            (
                r#"{"ForAnyValue:StringEquals":{"aws:NoSuchKey":["x"]}}"#,
                false,
            ),
            (
                r#"{"ForAnyValue:StringEqualsIfExists":{"aws:NoSuchKey":["x"]}}"#,
                false,
            ),
        ];
        for (block, expected) in set_cases {
            assert_eq!(check(block, &tags), *expected, "{block}");
        }
    }

    #[test]
    fn variables_only_in_version_2012() {
        let c = ctx(&[("k", "bob"), ("aws:username", "bob")]);
        let text = r#"{"Statement":[{"Effect":"Allow","Action":"s3:Get","Resource":"*","Condition":{"StringEquals":{"k":"${aws:username}"}}}]}"#;
        let old = parse(text, PolicyUse::Identity).unwrap();
        assert!(
            !holds(&old.statements[0].conditions[0], &c, old.version),
            "2008-10-17 compares the text"
        );
        assert!(check(r#"{"StringEquals":{"k":"${aws:username}"}}"#, &c));
    }
}
