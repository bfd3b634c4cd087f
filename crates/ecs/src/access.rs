//! What an ECS call asks the policy engine: the action, the resources it acts on, and the
//! condition keys — `ecs:fargate-ephemeral-storage-kms-key` for the key a cluster is given,
//! `ecs:cluster` for calls on a cluster's tasks, and the tags a call sets.

use neargate_common::AwsError;
use neargate_wire::JsonInput;

use crate::input::{opt_object, opt_str, strings};
use crate::names::{Scope, instance_arn, short_name};
use crate::tags;

/// One authorization question of an ECS call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EcsCheck {
    /// The action, `ecs:<Operation>`.
    pub action: String,
    /// The resource ARN, or `*`.
    pub resource: String,
    /// Condition keys and their values.
    pub context: Vec<(String, Vec<String>)>,
}

/// The questions `operation` with `input` asks, for a caller in `account` and `region`.
pub fn checks(
    account: &str,
    region: &str,
    operation: &str,
    input: &JsonInput,
) -> Result<Vec<EcsCheck>, AwsError> {
    let scope = Scope { account, region };
    let action = format!("ecs:{operation}");
    let cluster_arn = |text: Option<&str>| crate::names::cluster_arn(scope, text);
    let check = |resource: String, context: Vec<(String, Vec<String>)>| EcsCheck {
        action: action.clone(),
        resource,
        context,
    };
    let mut context = tags::request_keys(&tags::read(input, "tags")?);
    let checks = match operation {
        "RunTask" | "StartTask" => {
            let definition = opt_str(input, "taskDefinition")?.unwrap_or("*");
            let resource = if definition.starts_with("arn:") {
                definition.to_owned()
            } else if definition.contains(':') {
                scope.arn(&format!("task-definition/{definition}"))
            } else {
                scope.arn(&format!("task-definition/{definition}:*"))
            };
            context.push((
                "ecs:cluster".to_owned(),
                vec![cluster_arn(opt_str(input, "cluster")?)],
            ));
            if operation == "StartTask" {
                let cluster =
                    short_name(opt_str(input, "cluster")?.unwrap_or("default"), "cluster");
                let instances = strings(input, "containerInstances")?
                    .iter()
                    .map(|i| instance_arn(scope, cluster, i))
                    .collect();
                context.push(("ecs:container-instances".to_owned(), instances));
            }
            vec![check(resource, context)]
        }
        "StopTask" | "DescribeTasks" | "ListTasks" => {
            let cluster = opt_str(input, "cluster")?;
            let cluster_key = ("ecs:cluster".to_owned(), vec![cluster_arn(cluster)]);
            let cluster_name = short_name(cluster.unwrap_or("default"), "cluster");
            let task_arn = |t: &str| {
                if t.starts_with("arn:") {
                    t.to_owned()
                } else {
                    scope.arn(&format!("task/{cluster_name}/{t}"))
                }
            };
            let tasks = match operation {
                "StopTask" => opt_str(input, "task")?
                    .map(|t| vec![t.to_owned()])
                    .unwrap_or_default(),
                "DescribeTasks" => strings(input, "tasks")?,
                _ => Vec::new(),
            };
            if tasks.is_empty() {
                vec![check(cluster_arn(cluster), vec![cluster_key])]
            } else {
                tasks
                    .iter()
                    .map(|t| check(task_arn(t), vec![cluster_key.clone()]))
                    .collect()
            }
        }
        "CreateService" | "UpdateService" | "DeleteService" | "DescribeServices" => {
            let cluster = opt_str(input, "cluster")?;
            let cluster_name = short_name(cluster.unwrap_or("default"), "cluster");
            let names = match operation {
                "CreateService" => opt_str(input, "serviceName")?.map(|s| vec![s.to_owned()]),
                "DescribeServices" => Some(strings(input, "services")?),
                _ => opt_str(input, "service")?.map(|s| vec![s.to_owned()]),
            }
            .unwrap_or_default();
            context.push(("ecs:cluster".to_owned(), vec![cluster_arn(cluster)]));
            names
                .iter()
                .map(|n| {
                    let resource = if n.starts_with("arn:") {
                        n.clone()
                    } else {
                        scope.arn(&format!("service/{cluster_name}/{n}"))
                    };
                    check(resource, context.clone())
                })
                .collect()
        }
        "ListServices" => {
            vec![check(cluster_arn(opt_str(input, "cluster")?), context)]
        }
        "CreateCapacityProvider" | "UpdateCapacityProvider" | "DeleteCapacityProvider" => {
            let member = if operation == "DeleteCapacityProvider" {
                "capacityProvider"
            } else {
                "name"
            };
            let name = short_name(opt_str(input, member)?.unwrap_or("*"), "capacity-provider");
            let mut asked = vec![check(
                scope.arn(&format!("capacity-provider/{name}")),
                context,
            )];
            // Handing ECS the infrastructure role is passing it, as on AWS.
            if let Some(role) = opt_object(input, "managedInstancesProvider")?
                .and_then(|m| m.get("infrastructureRoleArn"))
                .and_then(|r| r.as_str())
            {
                asked.push(EcsCheck {
                    action: "iam:PassRole".to_owned(),
                    resource: role.to_owned(),
                    context: vec![(
                        "iam:PassedToService".to_owned(),
                        vec!["ecs.amazonaws.com".to_owned()],
                    )],
                });
            }
            asked
        }
        _ => vec![check("*".to_owned(), context)],
    };
    Ok(checks)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn input(value: serde_json::Value) -> JsonInput {
        let serde_json::Value::Object(map) = value else {
            unreachable!("objects only")
        };
        JsonInput(map)
    }

    #[test]
    fn task_calls_name_their_tasks_and_cluster() {
        let describe = input(
            json!({"cluster": "prod", "tasks": ["abc", "arn:aws:ecs:us-east-1:123456789012:task/prod/def"]}),
        );
        let asked = checks("123456789012", "us-east-1", "DescribeTasks", &describe).unwrap();
        assert_eq!(asked.len(), 2);
        assert_eq!(
            asked[0].resource,
            "arn:aws:ecs:us-east-1:123456789012:task/prod/abc"
        );
        assert_eq!(
            asked[1].context,
            vec![(
                "ecs:cluster".to_owned(),
                vec!["arn:aws:ecs:us-east-1:123456789012:cluster/prod".to_owned()]
            )]
        );
    }

    #[test]
    fn instance_calls_name_their_instances() {
        let start = input(json!({
            "cluster": "prod", "taskDefinition": "web:3", "containerInstances": ["abc"]
        }));
        let asked = checks("123456789012", "us-east-1", "StartTask", &start).unwrap();
        assert_eq!(
            asked[0].resource,
            "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"
        );
        assert!(asked[0].context.contains(&(
            "ecs:container-instances".to_owned(),
            vec!["arn:aws:ecs:us-east-1:123456789012:container-instance/prod/abc".to_owned()]
        )));
    }
}
