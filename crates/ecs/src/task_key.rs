//! The customer managed key of a task's ephemeral storage, as Fargate uses it: a data key made
//! under the cluster's key (`GenerateDataKeyWithoutPlaintext`), a `Decrypt` grant for Fargate
//! constrained to the cluster and the task's volume (`CreateGrant`), the data key decrypted
//! through that grant when the volume is set up, and the grant retired (as `ec2.amazonaws.com`,
//! its retiring principal) once the task has stopped. Every call is made through
//! [`KeyService`], which runs it as any call is run: authorized, handled and recorded. The data
//! key's plaintext only ever travels as zeroizing [`SecretBytes`].

use std::collections::BTreeMap;

use neargate_common::AwsError;
use neargate_model::kms::{
    CreateGrantRequest, CreateGrantResponse, DataKeySpec, DecryptRequest, DecryptResponse,
    GenerateDataKeyWithoutPlaintextRequest, GenerateDataKeyWithoutPlaintextResponse,
    GrantConstraints, GrantOperation, RetireGrantRequest,
};
use neargate_model::{Blob, Empty, SecretBytes};

use crate::{Ecs, LaunchOrder, TaskUpdate, TaskView, resource_suffix};

/// The service principal that runs tasks and holds their grants.
pub(crate) const FARGATE: &str = "fargate.amazonaws.com";
/// The service principal that retires a task's grant once its volume is gone.
pub(crate) const RETIRING: &str = "ec2.amazonaws.com";

/// A service principal of the platform calling in a customer's account and region.
#[derive(Debug, Clone, Copy)]
pub struct ServiceCaller<'a> {
    /// The service principal, e.g. `fargate.amazonaws.com`.
    pub service: &'static str,
    /// The customer account the call acts in.
    pub account: &'a str,
    /// The region.
    pub region: &'a str,
}

/// KMS as the platform's service principals call it: typed, and through the same
/// authorization and audit as any call.
pub trait KeyService {
    /// `GenerateDataKeyWithoutPlaintext` by `by`.
    fn generate_data_key_without_plaintext(
        &self,
        by: ServiceCaller<'_>,
        input: GenerateDataKeyWithoutPlaintextRequest,
    ) -> Result<GenerateDataKeyWithoutPlaintextResponse, AwsError>;
    /// `CreateGrant` by `by`.
    fn create_grant(
        &self,
        by: ServiceCaller<'_>,
        input: CreateGrantRequest,
    ) -> Result<CreateGrantResponse, AwsError>;
    /// `Decrypt` by `by`.
    fn decrypt(
        &self,
        by: ServiceCaller<'_>,
        input: DecryptRequest,
    ) -> Result<DecryptResponse, AwsError>;
    /// `RetireGrant` by `by`.
    fn retire_grant(
        &self,
        by: ServiceCaller<'_>,
        input: RetireGrantRequest,
    ) -> Result<Empty, AwsError>;
}

/// A task's data key, sealed under the cluster's key, and the grant that lets Fargate decrypt
/// it for this task's volume only.
pub struct TaskKey {
    account: String,
    region: String,
    ciphertext: Blob,
    context: BTreeMap<String, String>,
    grant_token: String,
}

impl std::fmt::Debug for TaskKey {
    /// The grant token is a credential of sorts: it is never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TaskKey")
            .field("account", &self.account)
            .field("context", &self.context)
            .finish_non_exhaustive()
    }
}

impl TaskKey {
    /// The data key's plaintext, decrypted by Fargate through the task's grant.
    pub fn data_key(&self, kms: &dyn KeyService) -> Result<SecretBytes, String> {
        let by = ServiceCaller {
            service: FARGATE,
            account: &self.account,
            region: &self.region,
        };
        let input = DecryptRequest {
            ciphertext_blob: Some(self.ciphertext.clone()),
            encryption_context: Some(self.context.clone()),
            grant_tokens: Some(vec![self.grant_token.clone()]),
            ..DecryptRequest::default()
        };
        let decrypted = kms.decrypt(by, input).map_err(|e| kms_failure(&e))?;
        decrypted
            .plaintext
            .filter(|key| key.expose().len() == 32)
            .ok_or_else(|| "ResourceInitializationError: KMS returned no 256-bit data key".into())
    }
}

/// The `stoppedReason` of a task whose key KMS refused.
pub(crate) fn kms_failure(e: &AwsError) -> String {
    format!(
        "ResourceInitializationError: failed to get the data key for the task's ephemeral \
         storage from KMS: {}: {}",
        e.code, e.message
    )
}

/// The volume id the task's grant is constrained to.
fn volume_id(order: &LaunchOrder) -> String {
    format!("vol-{}", resource_suffix(&order.spec.id))
}

impl Ecs {
    /// Runs the customer managed key flow of `order` under `key` as Fargate: a data key made
    /// under the key (which KMS refuses for a disabled or deleted key, or when the key policy
    /// does not allow Fargate) and a `Decrypt` grant for Fargate constrained to the cluster and
    /// the volume, recorded on the task. Fargate does not call `DescribeKey`: the seed's key
    /// policy does not allow it to, and ECS described the key for the user who configured the
    /// cluster. The error is the task's `stoppedReason`.
    pub fn task_key(
        &self,
        kms: &dyn KeyService,
        order: &LaunchOrder,
        key: &str,
    ) -> Result<TaskKey, String> {
        let fail = |e: AwsError| kms_failure(&e);
        let by = ServiceCaller {
            service: FARGATE,
            account: &order.account,
            region: &order.region,
        };
        let context = BTreeMap::from([
            ("aws:ecs:clusterAccount".to_owned(), order.account.clone()),
            ("aws:ecs:clusterName".to_owned(), order.cluster.clone()),
            ("aws:ebs:id".to_owned(), volume_id(order)),
        ]);
        let data_key = kms
            .generate_data_key_without_plaintext(
                by,
                GenerateDataKeyWithoutPlaintextRequest {
                    key_id: key.to_owned(),
                    key_spec: Some(DataKeySpec::Aes256),
                    encryption_context: Some(context.clone()),
                    ..GenerateDataKeyWithoutPlaintextRequest::default()
                },
            )
            .map_err(fail)?;
        let grant = kms
            .create_grant(
                by,
                CreateGrantRequest {
                    key_id: key.to_owned(),
                    grantee_principal: FARGATE.to_owned(),
                    retiring_principal: Some(RETIRING.to_owned()),
                    operations: vec![GrantOperation::Decrypt],
                    constraints: Some(GrantConstraints {
                        encryption_context_subset: Some(context.clone()),
                        encryption_context_equals: None,
                    }),
                    ..CreateGrantRequest::default()
                },
            )
            .map_err(fail)?;
        if let Some(id) = grant.grant_id {
            let _ = self.update_task(&order.task_arn, TaskUpdate::Grant(id));
        }
        let missing = || "ResourceInitializationError: KMS returned no data key".to_owned();
        Ok(TaskKey {
            account: order.account.clone(),
            region: order.region.clone(),
            ciphertext: data_key.ciphertext_blob.ok_or_else(missing)?,
            context,
            grant_token: grant.grant_token.ok_or_else(missing)?,
        })
    }

    /// Retires the grant the task `view` holds, as the grant's retiring principal.
    pub fn retire_task_grant(&self, kms: &dyn KeyService, view: &TaskView) {
        let (Some(grant), Some(key)) = (&view.grant, &view.kms_key) else {
            return;
        };
        let mut parts = view.task_arn.split(':').skip(3);
        let (Some(region), Some(account)) = (parts.next(), parts.next()) else {
            return;
        };
        let by = ServiceCaller {
            service: RETIRING,
            account,
            region,
        };
        let input = RetireGrantRequest {
            key_id: Some(key.clone()),
            grant_id: Some(grant.clone()),
            ..RetireGrantRequest::default()
        };
        if let Err(e) = kms.retire_grant(by, input) {
            tracing::warn!(task = %view.task_arn, error = %e.message, "retiring a task's grant failed");
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use neargate_common::{ManualClock, Timestamp};
    use neargate_model::kms::{CreateGrantResponse, GenerateDataKeyWithoutPlaintextResponse};
    use neargate_store::Db;

    use super::*;

    /// KMS as a recording stand-in: what each call asked, by whom, and a data key of `key_len`
    /// bytes for `Decrypt`.
    #[derive(Default)]
    struct Recorded {
        calls: Mutex<Vec<(String, &'static str, String)>>,
        key_len: usize,
    }

    impl Recorded {
        fn note(&self, operation: &str, by: ServiceCaller<'_>, input: &impl serde::Serialize) {
            let input = serde_json::to_string(input).unwrap();
            let mut calls = self.calls.lock().unwrap();
            calls.push((operation.to_owned(), by.service, input));
        }
    }

    impl KeyService for Recorded {
        fn generate_data_key_without_plaintext(
            &self,
            by: ServiceCaller<'_>,
            input: GenerateDataKeyWithoutPlaintextRequest,
        ) -> Result<GenerateDataKeyWithoutPlaintextResponse, AwsError> {
            self.note("GenerateDataKeyWithoutPlaintext", by, &input);
            Ok(GenerateDataKeyWithoutPlaintextResponse {
                ciphertext_blob: Some(Blob(b"sealed".to_vec())),
                ..GenerateDataKeyWithoutPlaintextResponse::default()
            })
        }

        fn create_grant(
            &self,
            by: ServiceCaller<'_>,
            input: CreateGrantRequest,
        ) -> Result<CreateGrantResponse, AwsError> {
            self.note("CreateGrant", by, &input);
            Ok(CreateGrantResponse {
                grant_id: Some("g-1".into()),
                grant_token: Some("token".into()),
            })
        }

        fn decrypt(
            &self,
            by: ServiceCaller<'_>,
            input: DecryptRequest,
        ) -> Result<DecryptResponse, AwsError> {
            self.note("Decrypt", by, &input);
            Ok(DecryptResponse {
                plaintext: Some(SecretBytes::new(vec![7; self.key_len])),
                ..DecryptResponse::default()
            })
        }

        fn retire_grant(
            &self,
            by: ServiceCaller<'_>,
            input: RetireGrantRequest,
        ) -> Result<Empty, AwsError> {
            self.note("RetireGrant", by, &input);
            Ok(Empty {})
        }
    }

    fn order() -> LaunchOrder {
        LaunchOrder {
            task_arn:
                "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef"
                    .into(),
            account: "123456789012".into(),
            region: "us-east-1".into(),
            cluster: "prod".into(),
            kms_key: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
            spec: neargate_taskspec::TaskSpec {
                id: "0123456789abcdef0123456789abcdef".into(),
                ..Default::default()
            },
        }
    }

    fn ecs() -> Arc<Ecs> {
        let clock = Arc::new(ManualClock::new(Timestamp::from_secs(1_800_000_000)));
        Ecs::new(Db::memory(), clock)
    }

    #[test]
    fn fargate_makes_a_data_key_and_a_decrypt_grant_bound_to_the_cluster_and_volume() {
        let kms = Recorded {
            key_len: 32,
            ..Recorded::default()
        };
        let key = ecs()
            .task_key(&kms, &order(), "arn:aws:kms:us-east-1:123456789012:key/k")
            .unwrap();
        assert_eq!(key.data_key(&kms).unwrap().expose(), &[7; 32]);
        let calls = kms.calls.lock().unwrap();
        let names: Vec<(&str, &str)> = calls.iter().map(|(o, by, _)| (o.as_str(), *by)).collect();
        assert_eq!(
            names,
            [
                ("GenerateDataKeyWithoutPlaintext", FARGATE),
                ("CreateGrant", FARGATE),
                ("Decrypt", FARGATE),
            ]
        );
        let context = r#"{"aws:ebs:id":"vol-f0123456789abcdef","aws:ecs:clusterAccount":"123456789012","aws:ecs:clusterName":"prod"}"#;
        assert!(calls[0].2.contains(context), "{}", calls[0].2);
        assert!(
            calls[1]
                .2
                .contains(&format!(r#""EncryptionContextSubset":{context}"#))
        );
        assert!(calls[1].2.contains(r#""Operations":["Decrypt"]"#));
        assert!(
            calls[1]
                .2
                .contains(r#""RetiringPrincipal":"ec2.amazonaws.com""#)
        );
        assert!(calls[2].2.contains(r#""GrantTokens":["token"]"#));
    }

    #[test]
    fn a_data_key_that_is_not_256_bits_is_refused() {
        let kms = Recorded {
            key_len: 16,
            ..Recorded::default()
        };
        let key = ecs().task_key(&kms, &order(), "k").unwrap();
        let refused = key.data_key(&kms).unwrap_err();
        assert!(
            refused.starts_with("ResourceInitializationError"),
            "{refused}"
        );
    }

    #[test]
    fn the_grant_is_retired_by_its_retiring_principal() {
        let kms = Recorded::default();
        let view = TaskView {
            task_arn: order().task_arn,
            stop_requested: true,
            grant: Some("g-1".into()),
            kms_key: Some("k".into()),
        };
        ecs().retire_task_grant(&kms, &view);
        let calls = kms.calls.lock().unwrap();
        assert_eq!(calls.len(), 1);
        assert_eq!((calls[0].0.as_str(), calls[0].1), ("RetireGrant", RETIRING));
        assert!(calls[0].2.contains(r#""GrantId":"g-1""#));
        assert!(calls[0].2.contains(r#""KeyId":"k""#));
    }
}
