//! Tags on users and roles: adding, removing, and layering a session's over its role's.

use crate::domain::records::IamError;

/// Tags a user or a role may carry, as on AWS.
const MAX_TAGS: usize = 50;

/// Refuses more than 50 tags; `quota` names the quota in the message (`TagsPerUser`, …).
pub(crate) fn check_count(tags: &[(String, String)], quota: &str) -> Result<(), IamError> {
    if tags.len() > MAX_TAGS {
        return Err(IamError::LimitExceeded(format!(
            "Cannot exceed quota for {quota}: {MAX_TAGS}"
        )));
    }
    Ok(())
}

/// `tags` with `changes` applied: a key it has takes the new value, a new key goes at the end.
fn merged(
    tags: &[(String, String)],
    changes: &[(String, String)],
    quota: &str,
) -> Result<Vec<(String, String)>, IamError> {
    let mut out = tags.to_vec();
    for (key, value) in changes {
        match out.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1.clone_from(value),
            None => out.push((key.clone(), value.clone())),
        }
    }
    check_count(&out, quota)?;
    Ok(out)
}

/// `tags` without the ones whose key is in `keys`.
fn without(tags: &[(String, String)], keys: &[&str]) -> Vec<(String, String)> {
    tags.iter()
        .filter(|(k, _)| !keys.contains(&k.as_str()))
        .cloned()
        .collect()
}

/// A change to a user's or a role's tags.
#[derive(Debug, Clone, Copy)]
pub(crate) enum TagChange<'a> {
    /// Set these tags: a key it has takes the new value, a new key goes at the end.
    Add(&'a [(String, String)]),
    /// Remove the tags with these keys.
    Remove(&'a [&'a str]),
}

impl TagChange<'_> {
    /// `tags` changed; at most 50 may result (`quota` names the quota).
    pub(crate) fn apply(
        self,
        tags: &[(String, String)],
        quota: &str,
    ) -> Result<Vec<(String, String)>, IamError> {
        match self {
            Self::Add(changes) => merged(tags, changes, quota),
            Self::Remove(keys) => Ok(without(tags, keys)),
        }
    }
}

/// A role session's principal tags: the role's tags, with a session tag replacing a role tag
/// whose key differs at most in case, as AWS layers them.
pub(crate) fn overlay(
    role: &[(String, String)],
    session: &[(String, String)],
) -> Vec<(String, String)> {
    role.iter()
        .filter(|(k, _)| !session.iter().any(|(s, _)| s.eq_ignore_ascii_case(k)))
        .chain(session)
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn merging_replaces_values_and_keeps_order() {
        let merged = merged(
            &tags(&[("team", "a"), ("env", "dev")]),
            &tags(&[("env", "prod"), ("owner", "x")]),
            "TagsPerRole",
        )
        .unwrap();
        assert_eq!(
            merged,
            tags(&[("team", "a"), ("env", "prod"), ("owner", "x")])
        );
    }

    #[test]
    fn more_than_fifty_tags_are_refused() {
        let many: Vec<(String, String)> =
            (0..51).map(|i| (format!("k{i}"), String::new())).collect();
        let Err(IamError::LimitExceeded(message)) = merged(&[], &many, "TagsPerRole") else {
            panic!("51 tags accepted");
        };
        assert_eq!(message, "Cannot exceed quota for TagsPerRole: 50");
        assert!(merged(&[], &many[..50], "TagsPerRole").is_ok());
    }

    #[test]
    fn session_tags_override_role_tags_whatever_their_case() {
        let layered = overlay(
            &tags(&[("Team", "blue"), ("env", "dev")]),
            &tags(&[("team", "red")]),
        );
        assert_eq!(layered, tags(&[("env", "dev"), ("team", "red")]));
    }
}
