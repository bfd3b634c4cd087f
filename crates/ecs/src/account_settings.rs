//! Account settings: `PutAccountSetting`, `PutAccountSettingDefault`, `ListAccountSettings`,
//! `DeleteAccountSetting`. Settings are regional, per principal (an IAM user or role) with an
//! account default (the root user's) under them and AWS's defaults under that.

use neargate_common::AwsError;
use neargate_store::{Read as _, Table};
use neargate_wire::JsonInput;
use serde_json::{Value, json};

use crate::errors::{invalid, server};
use crate::input::{max_results, opt_bool, opt_str, req_str};
use crate::names::{Scope, page};
use crate::{Caller, Ecs};

/// Values by `account/region/<principal ARN>/<setting name>`.
const SETTINGS: Table<String> = Table::new("ecs.account_settings", 1);

/// Every setting, with the values it takes and AWS's default.
const KNOWN: &[(&str, &[&str], &str)] = &[
    ("serviceLongArnFormat", &["enabled", "disabled"], "enabled"),
    ("taskLongArnFormat", &["enabled", "disabled"], "enabled"),
    (
        "containerInstanceLongArnFormat",
        &["enabled", "disabled"],
        "enabled",
    ),
    ("awsvpcTrunking", &["enabled", "disabled"], "disabled"),
    (
        "containerInsights",
        &["enabled", "disabled", "enhanced"],
        "disabled",
    ),
    ("fargateFIPSMode", &["enabled", "disabled"], "disabled"),
    ("tagResourceAuthorization", &["on", "off"], "on"),
    ("fargateTaskRetirementWaitPeriod", &["0", "7", "14"], "7"),
    ("guardDutyActivate", &["on", "off"], "off"),
    (
        "defaultLogDriverMode",
        &["blocking", "non-blocking"],
        "non-blocking",
    ),
    ("fargateEventWindows", &["enabled", "disabled"], "disabled"),
];

/// Settings that only the account default can change.
const ACCOUNT_ONLY: &[&str] = &[
    "fargateFIPSMode",
    "fargateTaskRetirementWaitPeriod",
    "fargateEventWindows",
    "guardDutyActivate",
];

/// The setting `name` with `value` checked against what it takes.
fn checked<'a>(name: &'a str, value: Option<&str>) -> Result<&'a str, AwsError> {
    let Some((known, values, _)) = KNOWN.iter().find(|(n, ..)| *n == name) else {
        return Err(invalid(format!(
            "Invalid setting name {name}: use one of {}.",
            KNOWN
                .iter()
                .map(|(n, ..)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        )));
    };
    if let Some(value) = value
        && !values.contains(&value)
    {
        return Err(invalid(format!(
            "Invalid value {value} for {known}: use one of {}.",
            values.join(", ")
        )));
    }
    Ok(known)
}

fn setting(name: &str, value: &str, principal: &str, aws_managed: bool) -> Value {
    json!({
        "name": name,
        "value": value,
        "principalArn": principal,
        "type": if aws_managed { "aws_managed" } else { "user" },
    })
}

impl Ecs {
    fn root(scope: Scope<'_>) -> String {
        format!("arn:aws:iam::{}:root", scope.account)
    }

    fn put_setting(
        &self,
        scope: Scope<'_>,
        principal: &str,
        name: &str,
        value: &str,
    ) -> Result<Value, AwsError> {
        let key = scope.key(&format!("{principal}/{name}"));
        self.db
            .write(|tx| tx.put(&SETTINGS, key.as_bytes(), &value.to_owned()))
            .map_err(server)?;
        Ok(json!({"setting": setting(name, value, principal, false)}))
    }

    pub(crate) fn put_account_setting(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let value = req_str(input, "value")?;
        let name = checked(req_str(input, "name")?, Some(value))?;
        let root = Self::root(scope);
        let principal = opt_str(input, "principalArn")?.unwrap_or(&caller.principal.arn);
        if ACCOUNT_ONLY.contains(&name) && principal != root {
            return Err(invalid(format!(
                "{name} can only be changed for the whole account: use PutAccountSettingDefault."
            )));
        }
        self.put_setting(scope, principal, name, value)
    }

    pub(crate) fn put_account_setting_default(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let value = req_str(input, "value")?;
        let name = checked(req_str(input, "name")?, Some(value))?;
        self.put_setting(scope, &Self::root(scope), name, value)
    }

    pub(crate) fn delete_account_setting(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let name = checked(req_str(input, "name")?, None)?;
        let principal = opt_str(input, "principalArn")?.unwrap_or(&caller.principal.arn);
        let key = scope.key(&format!("{principal}/{name}"));
        let removed = self
            .db
            .write(|tx| {
                let value = tx.get(&SETTINGS, key.as_bytes())?;
                tx.delete(&SETTINGS, key.as_bytes())?;
                Ok(value)
            })
            .map_err(server)?
            .ok_or_else(|| {
                invalid(format!(
                    "The account setting {name} is not set for {principal}."
                ))
            })?;
        Ok(json!({"setting": setting(name, &removed, principal, false)}))
    }

    pub(crate) fn list_account_settings(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let scope = caller.scope();
        let name = opt_str(input, "name")?
            .map(|n| checked(n, None))
            .transpose()?;
        let value = opt_str(input, "value")?;
        let effective = opt_bool(input, "effectiveSettings")?.unwrap_or(false);
        let principal = opt_str(input, "principalArn")?.unwrap_or(&caller.principal.arn);
        let root = Self::root(scope);
        let read = |who: &str, setting: &str| {
            let key = scope.key(&format!("{who}/{setting}"));
            self.db
                .read(|tx| tx.get(&SETTINGS, key.as_bytes()))
                .map_err(server)
        };
        let mut settings = Vec::new();
        for (known, _, aws_default) in KNOWN {
            if name.is_some_and(|n| n != *known) {
                continue;
            }
            let shown = if let Some(own) = read(principal, known)? {
                Some(setting(known, &own, principal, false))
            } else if !effective {
                None
            } else if let Some(default) = read(&root, known)? {
                Some(setting(known, &default, &root, false))
            } else {
                Some(setting(known, aws_default, &root, true))
            };
            if let Some(shown) = shown
                && value.is_none_or(|v| shown["value"] == v)
            {
                settings.push((known.as_bytes().to_vec(), shown));
            }
        }
        page(
            settings,
            opt_str(input, "nextToken")?,
            max_results(input)?,
            "settings",
            Value::clone,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_and_values_are_checked() {
        assert_eq!(
            checked("fargateFIPSMode", Some("enabled")).unwrap(),
            "fargateFIPSMode"
        );
        assert_eq!(
            checked("fargateTaskRetirementWaitPeriod", Some("14")).unwrap(),
            "fargateTaskRetirementWaitPeriod"
        );
        assert_eq!(
            checked("fargateTaskRetirementWaitPeriod", Some("3"))
                .unwrap_err()
                .code,
            "InvalidParameterException"
        );
        assert!(checked("noSuchSetting", None).is_err());
    }
}
