//! Calls the platform makes for customers, in two ways, both taking the same path as any
//! request after authentication:
//!
//! - **as a service principal** such as `fargate.amazonaws.com`: the customer's resource
//!   policies must allow the service (it has no identity policies, and guardrails do not limit
//!   it); the trail shows `userIdentity.type = AWSService` with `invokedBy`;
//! - **on a principal's behalf** (forward access): the principal's own policies decide, with
//!   `aws:CalledVia` naming the service and `aws:ViaAWSService` true; the trail shows the
//!   principal, with `invokedBy` naming the service.

use std::sync::Arc;

use neargate_common::{AwsError, ids};
use neargate_wire::{Call, Input, JsonInput, Output, Protocol, service_by_signing_name};
use serde_json::{Map, Value};

use crate::app::App;
use crate::authorize::Caller;
use crate::pipeline::execute;
use crate::platform_kms::{platform_facts, platform_origin, service_identity};

/// One call by a service principal.
#[derive(Debug)]
pub(crate) struct ServiceCall<'a> {
    /// The service principal, e.g. `fargate.amazonaws.com`.
    pub(crate) service: &'static str,
    /// The customer account the call acts in.
    pub(crate) account: &'a str,
    /// The region.
    pub(crate) region: &'a str,
    /// The service called (its signing name, e.g. `kms`) and the operation.
    pub(crate) target: (&'static str, &'a str),
    /// The JSON input.
    pub(crate) input: Map<String, Value>,
}

/// Runs `call` as its service principal holding `policies` as its identity policies (none for
/// a service acting on a customer's resource, whose resource policies decide; the platform's
/// own agent has permissions of its own); the JSON output, or the error AWS would answer.
pub(crate) fn call_as_service_with(
    app: &App,
    call: ServiceCall<'_>,
    policies: Vec<Arc<neargate_policy::Policy>>,
) -> Result<Value, AwsError> {
    let caller = service_identity(call.service, call.account, policies);
    run(app, &caller, call, None)
}

fn run(
    app: &App,
    caller: &Caller,
    call: ServiceCall<'_>,
    called_via: Option<&'static str>,
) -> Result<Value, AwsError> {
    let (service_name, operation) = call.target;
    let spec = service_by_signing_name(service_name)
        .ok_or_else(|| AwsError::internal("InternalFailure"))?;
    let facts = platform_facts(app, call.region, called_via);
    let request_id = ids::fast_uuid();
    let routed = Call {
        service: spec,
        operation: operation.to_owned(),
        input: Input::Json(JsonInput(call.input)),
    };
    let origin = platform_origin(call.service, &request_id);
    let (_, _, outcome) = execute(app, caller, &facts, routed, Protocol::Json, origin, None);
    match outcome? {
        Output::Json(value) => Ok(value),
        Output::JsonText(text) => {
            serde_json::from_slice(&text).map_err(|_| AwsError::internal("InternalFailure"))
        }
        Output::Xml(_) => Err(AwsError::internal("InternalFailure")),
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;
    use serde_json::json;

    use std::net::{IpAddr, Ipv4Addr};

    use super::*;
    use crate::audit::Origin;
    use crate::authorize::RequestFacts;
    use crate::cli::{Cli, Command};

    const ACCOUNT: &str = "123456789012";

    fn app(dir: &std::path::Path) -> Arc<App> {
        let cli = Cli::try_parse_from([
            "neargate",
            "serve",
            "--account-id",
            ACCOUNT,
            "--data-dir",
            dir.to_str().unwrap(),
        ])
        .unwrap();
        let Command::Serve(args) = cli.command else {
            unreachable!("parsed a serve command")
        };
        App::open(&args).unwrap()
    }

    fn object(value: Value) -> Map<String, Value> {
        let Value::Object(map) = value else {
            unreachable!("inputs are objects")
        };
        map
    }

    /// A KMS call by the bootstrap administrator.
    fn as_admin(app: &App, operation: &str, input: Value) -> Result<Value, AwsError> {
        let admin = app
            .iam
            .user_as_identity(ACCOUNT, "admin", "AKIAADMINTESTKEY0000")
            .unwrap()
            .unwrap();
        let facts = RequestFacts {
            region: "us-east-1",
            source_ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
            now: app.clock.now(),
            called_via: None,
        };
        let routed = Call {
            service: service_by_signing_name("kms").unwrap(),
            operation: operation.to_owned(),
            input: Input::Json(JsonInput(object(input))),
        };
        let origin = Origin {
            user_agent: "test".into(),
            request_id: "r",
            invoked_by: None,
        };
        match execute(app, &admin, &facts, routed, Protocol::Json, origin, None).2? {
            Output::Json(v) => Ok(v),
            Output::JsonText(text) => Ok(serde_json::from_slice(&text).unwrap()),
            Output::Xml(_) => unreachable!("KMS answers JSON"),
        }
    }

    fn as_fargate(app: &App, operation: &str, input: Value) -> Result<Value, AwsError> {
        call_as_service_with(
            app,
            ServiceCall {
                service: "fargate.amazonaws.com",
                account: ACCOUNT,
                region: "us-east-1",
                target: ("kms", operation),
                input: object(input),
            },
            Vec::new(),
        )
    }

    /// The key policy of the seed: Fargate may generate data keys and create Decrypt grants
    /// for one cluster only.
    fn seed_policy(cluster: &str) -> String {
        let context = json!({
            "kms:EncryptionContext:aws:ecs:clusterName": cluster,
            "kms:EncryptionContext:aws:ecs:clusterAccount": ACCOUNT,
        });
        json!({
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "Allow generate data key access for Fargate tasks.",
                    "Effect": "Allow",
                    "Principal": {"Service": "fargate.amazonaws.com"},
                    "Action": "kms:GenerateDataKeyWithoutPlaintext",
                    "Resource": "*",
                    "Condition": {"StringEquals": context}
                },
                {
                    "Sid": "Allow grant creation permission for Fargate tasks.",
                    "Effect": "Allow",
                    "Principal": {"Service": "fargate.amazonaws.com"},
                    "Action": "kms:CreateGrant",
                    "Resource": "*",
                    "Condition": {
                        "StringEquals": context,
                        "ForAllValues:StringEquals": {"kms:GrantOperations": "Decrypt"}
                    }
                },
                {
                    "Sid": "Enable IAM User Permissions",
                    "Effect": "Allow",
                    "Principal": {"AWS": format!("arn:aws:iam::{ACCOUNT}:root")},
                    "Action": "kms:*",
                    "Resource": "*"
                }
            ]
        })
        .to_string()
    }

    fn cluster_context(cluster: &str) -> Value {
        json!({"aws:ecs:clusterName": cluster, "aws:ecs:clusterAccount": ACCOUNT})
    }

    #[test]
    fn fargate_gets_data_keys_and_decrypt_grants_only_for_its_cluster() {
        let dir = tempfile::tempdir().unwrap();
        let app = app(dir.path());
        let key = as_admin(&app, "CreateKey", json!({"Policy": seed_policy("prod")})).unwrap();
        let key_id = key["KeyMetadata"]["KeyId"].as_str().unwrap().to_owned();

        let data_key = as_fargate(
            &app,
            "GenerateDataKeyWithoutPlaintext",
            json!({"KeyId": key_id, "KeySpec": "AES_256", "EncryptionContext": cluster_context("prod")}),
        )
        .unwrap();
        let other = as_fargate(
            &app,
            "GenerateDataKeyWithoutPlaintext",
            json!({"KeyId": key_id, "KeySpec": "AES_256", "EncryptionContext": cluster_context("dev")}),
        )
        .unwrap_err();
        assert_eq!(other.code, "AccessDeniedException");
        assert!(other.message.starts_with(
            "User: fargate.amazonaws.com is not authorized to perform: \
             kms:GenerateDataKeyWithoutPlaintext"
        ));

        let grant = |operations: Value, cluster: &str| {
            as_fargate(
                &app,
                "CreateGrant",
                json!({
                    "KeyId": key_id,
                    "GranteePrincipal": "fargate.amazonaws.com",
                    "Operations": operations,
                    "Constraints": {"EncryptionContextSubset": cluster_context(cluster)}
                }),
            )
        };
        // Without the grant, the key policy gives Fargate no Decrypt.
        let decrypt = || {
            as_fargate(
                &app,
                "Decrypt",
                json!({
                    "CiphertextBlob": data_key["CiphertextBlob"],
                    "EncryptionContext": cluster_context("prod")
                }),
            )
        };
        assert_eq!(decrypt().unwrap_err().code, "AccessDeniedException");
        grant(json!(["Decrypt"]), "prod").unwrap();
        assert_eq!(
            grant(json!(["Decrypt", "Encrypt"]), "prod")
                .unwrap_err()
                .code,
            "AccessDeniedException"
        );
        assert_eq!(
            grant(json!(["Decrypt"]), "dev").unwrap_err().code,
            "AccessDeniedException"
        );
        let plaintext = decrypt().unwrap();
        assert_eq!(plaintext["Plaintext"].as_str().unwrap().len(), 44);

        // The platform's calls are in the customer's trail, as a service's.
        app.recorder.flush();
        let events = as_admin_lookup(&app, "CreateGrant");
        assert_eq!(events.len(), 3);
        for event in &events {
            assert_eq!(event["userIdentity"]["type"], "AWSService");
            assert_eq!(event["userIdentity"]["invokedBy"], "fargate.amazonaws.com");
            assert_eq!(event["sourceIPAddress"], "fargate.amazonaws.com");
            assert_eq!(event["recipientAccountId"], ACCOUNT);
        }
        let allowed: Vec<_> = events
            .iter()
            .filter(|e| e.get("errorCode").is_none())
            .collect();
        assert_eq!(allowed.len(), 1);
        assert_eq!(
            allowed[0]["requestParameters"]["constraints"]["encryptionContextSubset"]["aws:ecs:clusterName"],
            "prod"
        );
        assert_eq!(
            allowed[0]["requestParameters"]["operations"],
            json!(["Decrypt"])
        );
        assert_eq!(
            allowed[0]["responseElements"]["keyId"],
            key["KeyMetadata"]["Arn"]
        );
        assert!(allowed[0]["responseElements"].get("grantToken").is_none());
    }

    #[test]
    fn calls_on_a_principals_behalf_carry_called_via() {
        let dir = tempfile::tempdir().unwrap();
        let app = app(dir.path());
        let key = as_admin(&app, "CreateKey", json!({})).unwrap();
        let key_id = key["KeyMetadata"]["KeyId"].as_str().unwrap().to_owned();
        // A user whose policy allows describing keys only through ECS.
        let policy = json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Action": "kms:DescribeKey",
                "Resource": "*",
                "Condition": {
                    "ForAnyValue:StringEquals": {"aws:CalledVia": "ecs.amazonaws.com"},
                    "StringEquals": {"kms:ViaService": "ecs.us-east-1.amazonaws.com"}
                }
            }]
        });
        app.iam
            .create_user(ACCOUNT, "deployer", "/", Vec::new(), None)
            .unwrap();
        app.iam
            .put_inline_policy(
                neargate_iam::Holder::User {
                    account: ACCOUNT,
                    name: "deployer",
                },
                "via-ecs",
                &policy.to_string(),
            )
            .unwrap();
        let deployer = app
            .iam
            .user_as_identity(ACCOUNT, "deployer", "AKIADEPLOYERTEST0000")
            .unwrap()
            .unwrap();
        let describe = |called_via: Option<&'static str>| {
            run(
                &app,
                &deployer,
                ServiceCall {
                    service: "ecs.amazonaws.com",
                    account: ACCOUNT,
                    region: "us-east-1",
                    target: ("kms", "DescribeKey"),
                    input: object(json!({"KeyId": key_id})),
                },
                called_via,
            )
        };
        assert_eq!(describe(None).unwrap_err().code, "AccessDeniedException");
        describe(Some("ecs.amazonaws.com")).unwrap();

        app.recorder.flush();
        let events = as_admin_lookup(&app, "DescribeKey");
        let allowed = events
            .iter()
            .find(|e| e.get("errorCode").is_none())
            .unwrap();
        assert_eq!(allowed["userIdentity"]["userName"], "deployer");
        assert_eq!(allowed["userIdentity"]["invokedBy"], "ecs.amazonaws.com");
        assert_eq!(allowed["sourceIPAddress"], "ecs.amazonaws.com");
    }

    /// The trail's records of `event_name`, looked up as the administrator would.
    fn as_admin_lookup(app: &App, event_name: &str) -> Vec<Value> {
        let admin = app
            .iam
            .user_as_identity(ACCOUNT, "admin", "AKIAADMINTESTKEY0000")
            .unwrap()
            .unwrap();
        use neargate_model::cloudtrail::{LookupAttribute, LookupEventsRequest, ops};
        let input = LookupEventsRequest {
            lookup_attributes: Some(vec![LookupAttribute {
                attribute_key: Some("EventName".into()),
                attribute_value: Some(event_name.to_owned()),
            }]),
            ..Default::default()
        };
        let caller = neargate_cloudtrail::Caller {
            principal: &admin.principal,
            region: "us-east-1",
        };
        let output =
            neargate_model::Handler::<ops::LookupEvents, _>::handle(&app.recorder, &caller, input)
                .unwrap();
        output
            .events
            .unwrap_or_default()
            .iter()
            .map(|e| serde_json::from_str(e.cloud_trail_event.as_deref().unwrap()).unwrap())
            .collect()
    }
}
