//! ARNs, store keys and pagination tokens.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use neargate_common::AwsError;

use crate::errors::invalid;

/// Where a resource lives: its account and region.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scope<'a> {
    /// The account.
    pub(crate) account: &'a str,
    /// The region.
    pub(crate) region: &'a str,
}

impl Scope<'_> {
    /// The ARN of the ECS resource `kind/name`.
    pub(crate) fn arn(&self, resource: &str) -> String {
        format!("arn:aws:ecs:{}:{}:{resource}", self.region, self.account)
    }

    /// The store key prefix of the scope, `account/region/`.
    pub(crate) fn key(&self, rest: &str) -> String {
        format!("{}/{}/{rest}", self.account, self.region)
    }
}

/// The last part of `text` if it is an ARN of `kind` (`cluster`, `task`, …), else `text`.
pub(crate) fn short_name<'a>(text: &'a str, kind: &str) -> &'a str {
    if text.starts_with("arn:") {
        let resource = text.splitn(6, ':').nth(5).unwrap_or(text);
        match resource
            .strip_prefix(kind)
            .and_then(|r| r.strip_prefix('/'))
        {
            Some(rest) => rest.rsplit('/').next().unwrap_or(rest),
            None => text,
        }
    } else {
        text
    }
}

/// Whether `name` is 1–255 letters, digits, hyphens and underscores.
pub(crate) fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A `MISSING` failure for `arn`.
pub(crate) fn missing(arn: String) -> neargate_model::ecs::Failure {
    neargate_model::ecs::Failure {
        arn: Some(arn),
        reason: Some("MISSING".to_owned()),
        detail: None,
    }
}

/// The ARN of the cluster `text` names (a name or ARN; `default` when none).
pub(crate) fn cluster_arn(scope: Scope<'_>, text: Option<&str>) -> String {
    scope.arn(&format!(
        "cluster/{}",
        short_name(text.unwrap_or("default"), "cluster")
    ))
}

/// The ARN of container instance `text` (an id or ARN) of `cluster`.
pub(crate) fn instance_arn(scope: Scope<'_>, cluster: &str, text: &str) -> String {
    if text.starts_with("arn:") {
        text.to_owned()
    } else {
        scope.arn(&format!("container-instance/{cluster}/{text}"))
    }
}

/// An opaque `nextToken` that resumes after store key `key`.
pub(crate) fn token(key: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(key)
}

/// The store key a `nextToken` resumes after.
pub(crate) fn resume(token: &str) -> Result<Vec<u8>, AwsError> {
    URL_SAFE_NO_PAD
        .decode(token)
        .map_err(|_| invalid("Invalid token"))
}

/// One page of `items` (each with its store key) after `next`, and the token of the next.
pub(crate) fn typed_page<T>(
    items: Vec<(Vec<u8>, T)>,
    next: Option<&str>,
    limit: usize,
) -> Result<(Vec<T>, Option<String>), AwsError> {
    let start = match next {
        Some(t) => {
            let after = resume(t)?;
            items
                .iter()
                .position(|(k, _)| *k == after)
                .map_or(items.len(), |i| i + 1)
        }
        None => 0,
    };
    let rest = items.len().saturating_sub(start);
    let token = (rest > limit).then(|| token(&items[start + limit - 1].0));
    let page = items
        .into_iter()
        .skip(start)
        .take(limit)
        .map(|(_, t)| t)
        .collect();
    Ok((page, token))
}

/// A page's size: `maxResults`, 1 to 100, 100 when not given.
pub(crate) fn limit(max_results: Option<i32>) -> Result<usize, AwsError> {
    match max_results {
        None => Ok(100),
        Some(n @ 1..=100) => Ok(usize::try_from(n).unwrap_or(100)),
        Some(_) => Err(invalid("maxResults must be between 1 and 100.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_out_of_arns_of_their_kind_only() {
        assert_eq!(short_name("prod", "cluster"), "prod");
        assert_eq!(
            short_name("arn:aws:ecs:us-east-1:123456789012:cluster/prod", "cluster"),
            "prod"
        );
        assert_eq!(
            short_name("arn:aws:ecs:us-east-1:123456789012:task/prod/abc", "task"),
            "abc"
        );
        let other = "arn:aws:ecs:us-east-1:123456789012:service/prod/web";
        assert_eq!(short_name(other, "cluster"), other);
        assert!(valid_name("my_cluster-1"));
        assert!(!valid_name("no spaces"));
        assert!(!valid_name(&"x".repeat(256)));
        assert_eq!(resume(&token(b"a/b/c")).unwrap(), b"a/b/c");
    }
}
