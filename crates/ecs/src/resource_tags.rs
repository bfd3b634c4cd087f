//! `TagResource`, `UntagResource` and `ListTagsForResource` on clusters, task definitions and
//! tasks.

use neargate_common::AwsError;
use neargate_store::Read as _;
use neargate_wire::JsonInput;
use serde_json::{Value, json};

use crate::clusters::CLUSTERS;
use crate::container_instances::INSTANCES;
use crate::errors::{invalid, server};
use crate::input::{req_str, strings};
use crate::names::Scope;
use crate::tags::{self, Tag};
use crate::task_definitions::TASK_DEFINITIONS;
use crate::tasks::TASKS;
use crate::{Caller, Ecs};

/// Which record an ARN names, and its store key.
enum Resource {
    Cluster(String),
    TaskDefinition(String),
    Task(String),
    ContainerInstance(String),
}

/// The resource `arn` names in the caller's scope.
fn resource(scope: Scope<'_>, arn: &str) -> Result<Resource, AwsError> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let not_found = || invalid("The specified resource is not valid.");
    let [_, _, "ecs", region, account, path] = parts[..] else {
        return Err(not_found());
    };
    if region != scope.region || account != scope.account {
        return Err(not_found());
    }
    let (kind, rest) = path.split_once('/').ok_or_else(not_found)?;
    match kind {
        "cluster" => Ok(Resource::Cluster(scope.key(rest))),
        "task-definition" => {
            let (family, revision) = rest.rsplit_once(':').ok_or_else(not_found)?;
            let revision: u32 = revision.parse().map_err(|_| not_found())?;
            Ok(Resource::TaskDefinition(
                scope.key(&format!("{family}/{revision:010}")),
            ))
        }
        "task" => Ok(Resource::Task(scope.key(rest))),
        "container-instance" => Ok(Resource::ContainerInstance(scope.key(rest))),
        _ => Err(not_found()),
    }
}

impl Ecs {
    /// Reads and changes the tags of the resource `arn` names.
    fn with_tags(
        &self,
        caller: &Caller<'_>,
        arn: &str,
        change: impl FnOnce(&mut Vec<Tag>),
    ) -> Result<Vec<Tag>, AwsError> {
        let resource = resource(caller.scope(), arn)?;
        self.db
            .write(|tx| {
                let tags = match &resource {
                    Resource::Cluster(key) => tx.get(&CLUSTERS, key.as_bytes())?.map(|mut r| {
                        change(&mut r.tags);
                        (r.tags.clone(), tx.put(&CLUSTERS, key.as_bytes(), &r))
                    }),
                    Resource::TaskDefinition(key) => {
                        tx.get(&TASK_DEFINITIONS, key.as_bytes())?.map(|mut r| {
                            change(&mut r.tags);
                            (
                                r.tags.clone(),
                                tx.put(&TASK_DEFINITIONS, key.as_bytes(), &r),
                            )
                        })
                    }
                    Resource::Task(key) => tx.get(&TASKS, key.as_bytes())?.map(|mut r| {
                        change(&mut r.tags);
                        (r.tags.clone(), tx.put(&TASKS, key.as_bytes(), &r))
                    }),
                    Resource::ContainerInstance(key) => {
                        tx.get(&INSTANCES, key.as_bytes())?.map(|mut r| {
                            change(&mut r.tags);
                            (r.tags.clone(), tx.put(&INSTANCES, key.as_bytes(), &r))
                        })
                    }
                };
                match tags {
                    Some((tags, written)) => written.map(|()| Some(tags)),
                    None => Ok(None),
                }
            })
            .map_err(server)?
            .ok_or_else(|| invalid("The specified resource is not valid."))
    }

    pub(crate) fn tag_resource(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let arn = req_str(input, "resourceArn")?;
        let new = tags::read(input, "tags")?;
        let mut too_many = false;
        self.with_tags(caller, arn, |tags| {
            tags::merge(tags, new);
            too_many = tags.len() > 50;
        })?;
        if too_many {
            return Err(invalid(
                "Too many tags: a resource can have at most 50 tags.",
            ));
        }
        Ok(json!({}))
    }

    pub(crate) fn untag_resource(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let arn = req_str(input, "resourceArn")?;
        let keys = strings(input, "tagKeys")?;
        self.with_tags(caller, arn, |tags| tags.retain(|t| !keys.contains(&t.key)))?;
        Ok(json!({}))
    }

    pub(crate) fn list_tags_for_resource(
        &self,
        caller: &Caller<'_>,
        input: &JsonInput,
    ) -> Result<Value, AwsError> {
        let arn = req_str(input, "resourceArn")?;
        let tags = self.with_tags(caller, arn, |_| {})?;
        Ok(json!({"tags": tags::show(&tags)}))
    }
}
