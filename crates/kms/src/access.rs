//! What authorizing a KMS call needs to know: which keys it acts on, with which action, under
//! which key policy, and the KMS condition keys of the request. Each operation declares its
//! access beside its handler, from these.

use std::sync::Arc;

use neargate_common::AwsError;
use neargate_model::kms::Tag;
use neargate_model::{Access, AlsoAllowed, ConditionKey, Question};
use neargate_policy::{Policy, PolicyUse};

use crate::blob;
use crate::keys::{KeyRecord, KeyRef};
use crate::seal::EncryptionContext;
use crate::{Caller, Kms};

/// One condition key with one value.
pub(crate) fn pair(key: &str, value: impl Into<String>) -> ConditionKey {
    (key.to_owned(), vec![value.into()])
}

/// `aws:RequestTag/*` and `aws:TagKeys` of the tags a request sets.
pub(crate) fn request_tags(tags: &[Tag]) -> Vec<ConditionKey> {
    let mut context: Vec<ConditionKey> = tags
        .iter()
        .map(|tag| pair(&format!("aws:RequestTag/{}", tag.tag_key), &*tag.tag_value))
        .collect();
    context.push((
        "aws:TagKeys".to_owned(),
        tags.iter().map(|t| t.tag_key.clone()).collect(),
    ));
    context
}

/// `kms:EncryptionContext:*` and `kms:EncryptionContextKeys` of an encryption context.
pub(crate) fn context_keys(encryption_context: &EncryptionContext) -> Vec<ConditionKey> {
    let mut context: Vec<ConditionKey> = encryption_context
        .iter()
        .map(|(k, v)| pair(&format!("kms:EncryptionContext:{k}"), v.as_str()))
        .collect();
    if !encryption_context.is_empty() {
        context.push((
            "kms:EncryptionContextKeys".to_owned(),
            encryption_context.keys().cloned().collect(),
        ));
    }
    context
}

/// The condition keys every KMS call carries: `kms:CallerAccount`, and `kms:ViaService` when
/// a service calls on the principal's behalf.
pub(crate) fn base_context(caller: &Caller<'_>) -> Vec<ConditionKey> {
    let mut context = vec![pair("kms:CallerAccount", &*caller.principal.account)];
    if let Some(service) = caller.called_via {
        context.push(pair("kms:ViaService", via_service(service, caller.region)));
    }
    context
}

/// `kms:ViaService` for `service` calling in `region`: `ecs.amazonaws.com` →
/// `ecs.<region>.amazonaws.com`.
pub fn via_service(service: &str, region: &str) -> String {
    let name = service.trim_end_matches(".amazonaws.com");
    format!("{name}.{region}.amazonaws.com")
}

/// The key a call acts on, as far as authorization can find it: a key that cannot be found is
/// left to the operation, which answers `NotFoundException`.
#[derive(Debug, Default)]
pub(crate) struct Target<'r> {
    key: Option<Arc<KeyRecord>>,
    /// The alias the request named the key by (`kms:RequestAlias`), if it did.
    alias: Option<&'r str>,
}

impl<'r> Target<'r> {
    /// The key `key` (found some other way), named by no alias.
    pub(crate) fn of(key: Option<Arc<KeyRecord>>) -> Self {
        Self { key, alias: None }
    }
}

/// One question on a key and the key's ARN (CloudTrail's resource), if one was found.
pub(crate) type KeyQuestion<'k> = (Question<'k>, Option<String>);

impl Kms {
    /// The key `text` names in the caller's account and region.
    pub(crate) fn target<'r>(&self, caller: &Caller<'_>, text: &'r str) -> Target<'r> {
        let (account, region) = (&caller.principal.account, caller.region);
        let alias = KeyRef::parse(text, account, region)
            .is_some_and(|r| r.is_alias())
            .then_some(text);
        Target {
            key: self.find_key(text, account, region).ok(),
            alias,
        }
    }

    /// The key `text` names, or, where the request names none, the key that made `ciphertext`.
    pub(crate) fn ciphertext_target<'r>(
        &self,
        caller: &Caller<'_>,
        text: Option<&'r str>,
        ciphertext: Option<&[u8]>,
    ) -> Result<Target<'r>, AwsError> {
        if let Some(text) = text {
            return Ok(self.target(caller, text));
        }
        let key = match ciphertext.and_then(blob::parse) {
            Some(parsed) => self.key_of_blob(parsed.key_id)?,
            None => None,
        };
        Ok(Target::of(key))
    }

    /// `kms:<operation>` on `target` under its key policy, with the request's condition keys
    /// (`extra`, the encryption context's) and the key's, and the key's grants allowing what no
    /// policy does for `encryption_context`.
    pub(crate) fn key_question(
        &self,
        caller: &Caller<'_>,
        operation: &'static str,
        target: Target<'_>,
        encryption_context: EncryptionContext,
        extra: Vec<ConditionKey>,
    ) -> Result<KeyQuestion<'_>, AwsError> {
        let mut context = base_context(caller);
        context.extend(context_keys(&encryption_context));
        context.extend(extra);
        let Some(key) = target.key else {
            let question = Question::plain(format!("kms:{operation}"), "*").with_context(context);
            return Ok((question, None));
        };
        if let Some(alias) = target.alias {
            context.push(pair("kms:RequestAlias", alias));
        }
        self.key_condition_keys(&key, &mut context)?;
        let policy = self.parsed_policy(&key);
        let arn = key.arn();
        let id = key.id;
        let also_allowed =
            Box::new(move |arns: &[&str]| self.granted(id, arns, operation, &encryption_context))
                as AlsoAllowed<'_>;
        let question = Question {
            action: format!("kms:{operation}"),
            resource: arn.clone(),
            policy_required: policy.is_some(),
            policy,
            context,
            also_allowed: Some(also_allowed),
            deferred: None,
        };
        Ok((question, Some(arn)))
    }

    /// The access of `operation` on the key `text` names, with the request's condition keys
    /// `extra`.
    pub(crate) fn key_access(
        &self,
        caller: &Caller<'_>,
        operation: &'static str,
        text: &str,
        encryption_context: EncryptionContext,
        extra: Vec<ConditionKey>,
    ) -> Result<Access<'_>, AwsError> {
        let target = self.target(caller, text);
        let asked = self.key_question(caller, operation, target, encryption_context, extra)?;
        Ok(on_keys(vec![asked]))
    }

    /// The condition keys of `key`: its origin, spec, usage, tags and aliases.
    fn key_condition_keys(
        &self,
        key: &KeyRecord,
        context: &mut Vec<ConditionKey>,
    ) -> Result<(), AwsError> {
        context.push(pair("kms:KeyOrigin", &*key.origin));
        context.push(pair("kms:KeySpec", &*key.spec));
        context.push(pair("kms:KeyUsage", &*key.usage));
        context.push(pair("kms:MultiRegion", "false"));
        for (k, v) in &key.tags {
            context.push(pair(&format!("aws:ResourceTag/{k}"), &**v));
        }
        let aliases = self.aliases_of(key)?;
        if !aliases.is_empty() {
            context.push(("kms:ResourceAliases".to_owned(), aliases.to_vec()));
        }
        Ok(())
    }

    /// `key`'s policy, parsed once per policy text and kept while the key keeps that text.
    fn parsed_policy(&self, key: &KeyRecord) -> Option<Arc<Policy>> {
        let mut cache = self
            .policies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((text, parsed)) = cache.get(&key.id)
            && *text == key.policy
        {
            return Some(parsed.clone());
        }
        let parsed = Arc::new(neargate_policy::parse(&key.policy, PolicyUse::Resource).ok()?);
        if cache.len() >= POLICY_CACHE_BOUND {
            cache.clear();
        }
        cache.insert(key.id, (key.policy.clone(), parsed.clone()));
        Some(parsed)
    }
}

/// The access of questions on keys: every one must be allowed; the keys found are the
/// resources the call acts on.
pub(crate) fn on_keys(asked: Vec<KeyQuestion<'_>>) -> Access<'_> {
    let mut access = Access::default();
    for (question, arn) in asked {
        if let Some(arn) = arn {
            let resource = ("AWS::KMS::Key".to_owned(), arn);
            if !access.resources.contains(&resource) {
                access.resources.push(resource);
            }
        }
        access.questions.push(question);
    }
    access
}

/// The access of an operation on no key (`CreateKey`, `ListKeys`, ...): `kms:<operation>` on
/// `*`, decided by identity policies, with the request's condition keys `extra`.
pub(crate) fn account_access(
    caller: &Caller<'_>,
    operation: &str,
    extra: Vec<ConditionKey>,
) -> Access<'static> {
    let mut context = base_context(caller);
    context.extend(extra);
    Access::one(Question::plain(format!("kms:{operation}"), "*").with_context(context))
}

/// Parsed key policies kept before the cache starts over.
const POLICY_CACHE_BOUND: usize = 10_000;

/// Declares operations that need `kms:<operation>` on the key their `KeyId` names, each run by
/// the `Kms` method named beside it; `where |input| keys` adds the request's condition keys.
macro_rules! on_named_key {
    (@keys $given:ident) => {
        Vec::new()
    };
    (@keys $given:ident, |$input:ident| $context:expr) => {{
        let $input = $given;
        $context
    }};
    ($($op:ident => $method:ident $(where |$input:ident| $context:expr)?),* $(,)?) => {$(
        impl<'a> neargate_model::Handler<neargate_model::kms::ops::$op, crate::Caller<'a>>
            for crate::Kms
        {
            fn access(
                &self,
                caller: &crate::Caller<'a>,
                input: &<neargate_model::kms::ops::$op as neargate_model::Op>::Input,
            ) -> Result<neargate_model::Access<'_>, neargate_common::AwsError> {
                let context: Vec<neargate_model::ConditionKey> =
                    on_named_key!(@keys input $(, |$input| $context)?);
                self.key_access(
                    caller,
                    stringify!($op),
                    &input.key_id,
                    crate::EncryptionContext::new(),
                    context,
                )
            }

            fn handle(
                &self,
                caller: &crate::Caller<'a>,
                input: <neargate_model::kms::ops::$op as neargate_model::Op>::Input,
            ) -> Result<
                <neargate_model::kms::ops::$op as neargate_model::Op>::Output,
                neargate_common::AwsError,
            > {
                self.$method(caller, input)
            }
        }
    )*};
}
pub(crate) use on_named_key;
