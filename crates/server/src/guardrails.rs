//! Account guardrails: service-control-style policies read from a JSON file at start.
//!
//! The file maps account ids (or `*`, every account) to lists of policy documents:
//! `{"123456789012": [{"Version": "2012-10-17", "Statement": [...]}], "*": [...]}`. An account's
//! guardrails (its own and those under `*`) act as one level of service control policies: at
//! least one must allow an action and none may deny it.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context as _;
use neargate_policy::{Policy, PolicyUse};
use serde_json::Value;

/// Guardrails by account id (`*`: every account).
#[derive(Debug, Default)]
pub(crate) struct Guardrails(HashMap<String, Vec<Arc<Policy>>>);

impl Guardrails {
    /// Reads and validates the file at `path`.
    pub(crate) fn load(path: &Path) -> anyhow::Result<Self> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        Self::parse(&text).with_context(|| format!("in {}", path.display()))
    }

    fn parse(text: &str) -> anyhow::Result<Self> {
        let Value::Object(accounts) =
            serde_json::from_str(text).context("guardrails must be a JSON object")?
        else {
            anyhow::bail!("guardrails must map account ids (or \"*\") to lists of policies");
        };
        let mut out = HashMap::new();
        for (account, policies) in accounts {
            anyhow::ensure!(
                account == "*" || neargate_common::ids::is_account_id(&account),
                "{account:?} is neither a 12-digit account id nor \"*\""
            );
            let Value::Array(policies) = policies else {
                anyhow::bail!("the guardrails of {account} must be a list of policies");
            };
            let parsed = policies
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    neargate_policy::parse(&p.to_string(), PolicyUse::ControlPolicy)
                        .map(Arc::new)
                        .map_err(|e| anyhow::anyhow!("guardrail {i} of {account}: {e}"))
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            out.insert(account, parsed);
        }
        Ok(Self(out))
    }

    /// The guardrails that apply to `account`.
    pub(crate) fn for_account(&self, account: &str) -> Vec<&Policy> {
        [account, "*"]
            .iter()
            .filter_map(|a| self.0.get(*a))
            .flatten()
            .map(Arc::as_ref)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_accounts_and_refuses_bad_files() {
        let allow = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
        let g = Guardrails::parse(&format!(
            r#"{{"111122223333":[{allow}],"*":[{allow},{allow}]}}"#
        ))
        .unwrap();
        assert_eq!(g.for_account("111122223333").len(), 3);
        assert_eq!(g.for_account("999999999999").len(), 2);
        for bad in [
            "[]".to_owned(),
            r#"{"acct":[]}"#.to_owned(),
            r#"{"111122223333":{}}"#.to_owned(),
            r#"{"111122223333":[{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*"}]}]}"#
                .to_owned(),
        ] {
            assert!(Guardrails::parse(&bad).is_err(), "{bad}");
        }
    }
}
