//! This host's agent as an ECS container instance: once the cluster named by
//! `--instance-cluster` exists (in the first account and the server's region), the agent
//! registers with it through `RegisterContainerInstance`, the way the ECS agent does, as the
//! platform's agent principal holding only the permissions it needs. After a restart it
//! registers again under the same container instance ARN; an instance a user deregistered stays
//! deregistered until the next start.

use std::sync::Arc;

use neargate_common::AwsError;
use neargate_ecs::AGENT_PRINCIPAL;
use neargate_policy::{Policy, PolicyUse};
use serde_json::{Map, Value, json};

use crate::app::App;
use crate::platform::{ServiceCall, call_as_service_with};

/// What the agent may do in ECS.
const AGENT_POLICY: &str = r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": ["ecs:RegisterContainerInstance", "ecs:DeregisterContainerInstance"],
        "Resource": "*"
    }]
}"#;

/// Registers this host's agent with its cluster if it should be and is not (called by the
/// scheduler every second).
pub(crate) fn keep_registered(app: &App) {
    if app.agent.is_none() {
        return;
    }
    let Ok(Some(account)) = app.instance_account() else {
        return;
    };
    let (region, cluster) = (app.region.as_str(), app.instance_cluster.as_str());
    if !app.ecs.has_cluster(&account, region, cluster) {
        return;
    }
    let existing = match app.ecs.local_instance(&account, region, cluster) {
        Ok(existing) => existing,
        Err(e) => {
            tracing::warn!(error = %e.message, "could not read this host's container instance");
            return;
        }
    };
    let mut mine = app
        .registration
        .0
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let again = match existing {
        // Registered in this run: still registered, or deregistered by a user.
        Some((arn, _)) if mine.as_deref() == Some(arn.as_str()) => return,
        // Registered in an earlier run: the same instance comes back.
        Some((arn, status)) if status != "INACTIVE" => Some(arn),
        _ => None,
    };
    match register(app, &account, again.as_deref()) {
        Ok(arn) => {
            tracing::info!(%cluster, instance = %arn, "registered this host as a container instance");
            *mine = Some(arn);
        }
        Err(e) => {
            tracing::warn!(%cluster, error = %e.message, "could not register this host as a container instance");
        }
    }
}

/// `RegisterContainerInstance` for this host; the instance's ARN.
fn register(app: &App, account: &str, again: Option<&str>) -> Result<String, AwsError> {
    let mut input = json!({
        "cluster": app.instance_cluster,
        "instanceIdentityDocument": json!({
            "instanceId": instance_id(app),
            "instanceType": "neargate.host",
            "availabilityZone": format!("{}a", app.region),
            "region": app.region,
            "accountId": account,
        }).to_string(),
        "totalResources": [
            {"name": "CPU", "type": "INTEGER", "integerValue": neargate_ecs::host_cpu_units()},
            {"name": "MEMORY", "type": "INTEGER", "integerValue": neargate_ecs::host_memory_mib()},
            {"name": "PORTS", "type": "STRINGSET",
             "stringSetValue": ["22", "2375", "2376", "51678", "51679"]},
            {"name": "PORTS_UDP", "type": "STRINGSET", "stringSetValue": []},
        ],
        "versionInfo": {
            "agentVersion": env!("CARGO_PKG_VERSION"),
            "agentHash": "neargate",
            "dockerVersion": "runc",
        },
    });
    if let Some(arn) = again {
        input["containerInstanceArn"] = json!(arn);
    }
    let input = object(input);
    let reply = call_as_service_with(
        app,
        ServiceCall {
            service: AGENT_PRINCIPAL,
            account,
            region: &app.region,
            target: ("ecs", "RegisterContainerInstance"),
            input,
        },
        vec![agent_policy()],
    )?;
    Ok(reply["containerInstance"]["containerInstanceArn"]
        .as_str()
        .unwrap_or_default()
        .to_owned())
}

fn agent_policy() -> Arc<Policy> {
    static POLICY: std::sync::OnceLock<Arc<Policy>> = std::sync::OnceLock::new();
    POLICY
        .get_or_init(|| {
            Arc::new(
                neargate_policy::parse(AGENT_POLICY, PolicyUse::Identity)
                    .unwrap_or_else(|e| unreachable!("the agent policy is valid: {}", e.0)),
            )
        })
        .clone()
}

/// A stable instance id for this host and data directory.
fn instance_id(app: &App) -> String {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    std::fs::read_to_string("/etc/machine-id")
        .unwrap_or_default()
        .hash(&mut hasher);
    app.data_dir.hash(&mut hasher);
    format!("i-0{:016x}", hasher.finish())
}

/// The members of a JSON object (none for anything else).
fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}
