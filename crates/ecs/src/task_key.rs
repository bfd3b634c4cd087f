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
pub const FARGATE: &str = "fargate.amazonaws.com";
/// The service principal that retires a task's grant once its volume is gone.
pub const RETIRING: &str = "ec2.amazonaws.com";

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
