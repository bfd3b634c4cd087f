//! Account settings: `PutAccountSetting`, `PutAccountSettingDefault`, `ListAccountSettings`,
//! `DeleteAccountSetting`. Settings are regional, per principal (an IAM user or role) with an
//! account default (the root user's) under them and AWS's defaults under that.

use neargate_common::AwsError;
use neargate_model::ecs::{
    DeleteAccountSettingRequest, DeleteAccountSettingResponse, ListAccountSettingsRequest,
    ListAccountSettingsResponse, PutAccountSettingDefaultRequest, PutAccountSettingDefaultResponse,
    PutAccountSettingRequest, PutAccountSettingResponse, Setting, SettingName, SettingType, ops,
};
use neargate_model::{Access, Handler, Question};
use neargate_store::{Read as _, Table};

use crate::errors::{invalid, server};
use crate::input::required;
use crate::names::{Scope, limit, typed_page};
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
fn checked(name: &str, value: Option<&str>) -> Result<&'static str, AwsError> {
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

fn setting(name: &str, value: &str, principal: &str, aws_managed: bool) -> Setting {
    Setting {
        name: Some(name.into()),
        value: Some(value.to_owned()),
        principal_arn: Some(principal.to_owned()),
        type_: Some(if aws_managed {
            SettingType::AwsManaged
        } else {
            SettingType::User
        }),
    }
}

/// A setting's name and value, both required.
fn named<'i>(
    name: Option<&'i SettingName>,
    value: Option<&'i str>,
) -> Result<(&'static str, &'i str), AwsError> {
    let value = required(value, "value")?;
    Ok((
        checked(
            required(name.map(SettingName::as_str), "name")?,
            Some(value),
        )?,
        value,
    ))
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
    ) -> Result<Setting, AwsError> {
        let key = scope.key(&format!("{principal}/{name}"));
        self.db
            .write(|tx| tx.put(&SETTINGS, key.as_bytes(), &value.to_owned()))
            .map_err(server)?;
        Ok(setting(name, value, principal, false))
    }
}

/// Account settings are decided by identity policies on `*`.
fn on_account(operation: &str) -> Access<'static> {
    Access::one(Question::plain(format!("ecs:{operation}"), "*"))
}

impl<'a> Handler<ops::PutAccountSetting, Caller<'a>> for Ecs {
    fn access(&self, _: &Caller<'a>, _: &PutAccountSettingRequest) -> Result<Access<'_>, AwsError> {
        Ok(on_account("PutAccountSetting"))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: PutAccountSettingRequest,
    ) -> Result<PutAccountSettingResponse, AwsError> {
        let scope = caller.scope();
        let (name, value) = named(input.name.as_ref(), input.value.as_deref())?;
        let root = Self::root(scope);
        let principal = input
            .principal_arn
            .as_deref()
            .unwrap_or(&caller.principal.arn);
        if ACCOUNT_ONLY.contains(&name) && principal != root {
            return Err(invalid(format!(
                "{name} can only be changed for the whole account: use PutAccountSettingDefault."
            )));
        }
        Ok(PutAccountSettingResponse {
            setting: Some(self.put_setting(scope, principal, name, value)?),
        })
    }
}

impl<'a> Handler<ops::PutAccountSettingDefault, Caller<'a>> for Ecs {
    fn access(
        &self,
        _: &Caller<'a>,
        _: &PutAccountSettingDefaultRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(on_account("PutAccountSettingDefault"))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: PutAccountSettingDefaultRequest,
    ) -> Result<PutAccountSettingDefaultResponse, AwsError> {
        let scope = caller.scope();
        let (name, value) = named(input.name.as_ref(), input.value.as_deref())?;
        Ok(PutAccountSettingDefaultResponse {
            setting: Some(self.put_setting(scope, &Self::root(scope), name, value)?),
        })
    }
}

impl<'a> Handler<ops::DeleteAccountSetting, Caller<'a>> for Ecs {
    fn access(
        &self,
        _: &Caller<'a>,
        _: &DeleteAccountSettingRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(on_account("DeleteAccountSetting"))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: DeleteAccountSettingRequest,
    ) -> Result<DeleteAccountSettingResponse, AwsError> {
        let scope = caller.scope();
        let name = checked(
            required(input.name.as_ref().map(SettingName::as_str), "name")?,
            None,
        )?;
        let principal = input
            .principal_arn
            .as_deref()
            .unwrap_or(&caller.principal.arn);
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
        Ok(DeleteAccountSettingResponse {
            setting: Some(setting(name, &removed, principal, false)),
        })
    }
}

impl<'a> Handler<ops::ListAccountSettings, Caller<'a>> for Ecs {
    fn access(
        &self,
        _: &Caller<'a>,
        _: &ListAccountSettingsRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(on_account("ListAccountSettings"))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: ListAccountSettingsRequest,
    ) -> Result<ListAccountSettingsResponse, AwsError> {
        let scope = caller.scope();
        let name = input
            .name
            .as_ref()
            .map(|n| checked(n.as_str(), None))
            .transpose()?;
        let value = input.value.as_deref();
        let effective = input.effective_settings.unwrap_or(false);
        let principal = input
            .principal_arn
            .as_deref()
            .unwrap_or(&caller.principal.arn);
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
                && value.is_none_or(|v| shown.value.as_deref() == Some(v))
            {
                settings.push((known.as_bytes().to_vec(), shown));
            }
        }
        let limit = limit(input.max_results)?;
        let (settings, next_token) = typed_page(settings, input.next_token.as_deref(), limit)?;
        Ok(ListAccountSettingsResponse {
            settings: Some(settings),
            next_token,
        })
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
