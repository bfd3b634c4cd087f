//! `TagResource`, `UntagResource` and `ListTagsForResource` on clusters, task definitions,
//! tasks, container instances and capacity providers.

use neargate_common::AwsError;
use neargate_model::ecs::{
    ListTagsForResourceRequest, ListTagsForResourceResponse, TagResourceRequest,
    TagResourceResponse, UntagResourceRequest, UntagResourceResponse, ops,
};
use neargate_model::{Access, ConditionKey, Handler, Question};
use neargate_store::Read as _;

use crate::errors::{invalid, server};
use crate::input::required;
use crate::names::Scope;
use crate::records::{
    CLUSTERS, ClusterRecord, INSTANCES, InstanceRecord, PROVIDERS, ProviderRecord, TASKS,
    TaskRecord,
};
use crate::records::{TASK_DEFINITIONS, TaskDefinitionRecord};
use crate::tags::{self, Tag};
use crate::{Caller, Ecs};

/// Which record an ARN names, and its store key.
enum Resource {
    Cluster(String),
    TaskDefinition(String),
    Task(String),
    ContainerInstance(String),
    CapacityProvider(String),
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
        "capacity-provider" => Ok(Resource::CapacityProvider(scope.key(rest))),
        _ => Err(not_found()),
    }
}

/// A stored record that carries tags.
trait Tagged {
    fn tags_mut(&mut self) -> &mut Vec<Tag>;
}

macro_rules! tagged {
    ($($record:ty),*) => {
        $(impl Tagged for $record {
            fn tags_mut(&mut self) -> &mut Vec<Tag> {
                &mut self.tags
            }
        })*
    };
}

tagged!(
    ClusterRecord,
    TaskDefinitionRecord,
    TaskRecord,
    InstanceRecord,
    ProviderRecord
);

/// Applies `change` to the tags of the record at `key` of `table` and writes the record back,
/// unless `change` refuses (then nothing is written); its tags after, or `None` if there is no
/// such record.
fn change_tags<V: Tagged + serde::Serialize + serde::de::DeserializeOwned>(
    tx: &mut neargate_store::WriteTx<'_>,
    table: &neargate_store::Table<V>,
    key: &str,
    change: impl FnOnce(&mut Vec<Tag>) -> Result<(), AwsError>,
) -> neargate_store::Result<Option<Result<Vec<Tag>, AwsError>>> {
    let Some(mut record) = tx.get(table, key.as_bytes())? else {
        return Ok(None);
    };
    if let Err(e) = change(record.tags_mut()) {
        return Ok(Some(Err(e)));
    }
    let tags = record.tags_mut().clone();
    tx.put(table, key.as_bytes(), &record)?;
    Ok(Some(Ok(tags)))
}

impl Ecs {
    /// Reads and changes the tags of the resource `arn` names.
    fn with_tags(
        &self,
        caller: &Caller<'_>,
        arn: &str,
        change: impl FnOnce(&mut Vec<Tag>) -> Result<(), AwsError>,
    ) -> Result<Vec<Tag>, AwsError> {
        let resource = resource(caller.scope(), arn)?;
        self.db
            .write(|tx| match &resource {
                Resource::Cluster(key) => change_tags(tx, &CLUSTERS, key, change),
                Resource::TaskDefinition(key) => change_tags(tx, &TASK_DEFINITIONS, key, change),
                Resource::Task(key) => change_tags(tx, &TASKS, key, change),
                Resource::ContainerInstance(key) => change_tags(tx, &INSTANCES, key, change),
                Resource::CapacityProvider(key) => change_tags(tx, &PROVIDERS, key, change),
            })
            .map_err(server)?
            .ok_or_else(|| invalid("The specified resource is not valid."))?
    }
}

/// `ecs:<operation>` on the resource `arn` names (`*` if none), with `context`.
fn on_resource(operation: &str, arn: Option<&str>, context: Vec<ConditionKey>) -> Access<'static> {
    Access::one(
        Question::plain(format!("ecs:{operation}"), arn.unwrap_or("*")).with_context(context),
    )
}

impl<'a> Handler<ops::TagResource, Caller<'a>> for Ecs {
    fn access(&self, _: &Caller<'a>, input: &TagResourceRequest) -> Result<Access<'_>, AwsError> {
        let context = tags::request_keys(&tags::given(input.tags.as_deref())?);
        Ok(on_resource(
            "TagResource",
            input.resource_arn.as_deref(),
            context,
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: TagResourceRequest,
    ) -> Result<TagResourceResponse, AwsError> {
        let arn = required(input.resource_arn.as_deref(), "resourceArn")?;
        let new = tags::given(input.tags.as_deref())?;
        self.with_tags(caller, arn, |tags| {
            tags::merge(tags, new);
            if tags.len() > 50 {
                return Err(invalid(
                    "Too many tags: a resource can have at most 50 tags.",
                ));
            }
            Ok(())
        })?;
        Ok(TagResourceResponse {})
    }
}

impl<'a> Handler<ops::UntagResource, Caller<'a>> for Ecs {
    fn access(&self, _: &Caller<'a>, input: &UntagResourceRequest) -> Result<Access<'_>, AwsError> {
        let keys = input.tag_keys.clone().unwrap_or_default();
        let context = vec![("aws:TagKeys".to_owned(), keys)];
        Ok(on_resource(
            "UntagResource",
            input.resource_arn.as_deref(),
            context,
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: UntagResourceRequest,
    ) -> Result<UntagResourceResponse, AwsError> {
        let arn = required(input.resource_arn.as_deref(), "resourceArn")?;
        let keys = input.tag_keys.unwrap_or_default();
        if keys
            .iter()
            .any(|k| k.to_ascii_lowercase().starts_with("aws:"))
        {
            return Err(invalid(
                "Tag keys that begin with 'aws:' are reserved: they cannot be removed.",
            ));
        }
        self.with_tags(caller, arn, |tags| {
            tags.retain(|t| !keys.contains(&t.key));
            Ok(())
        })?;
        Ok(UntagResourceResponse {})
    }
}

impl<'a> Handler<ops::ListTagsForResource, Caller<'a>> for Ecs {
    fn access(
        &self,
        _: &Caller<'a>,
        input: &ListTagsForResourceRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(on_resource(
            "ListTagsForResource",
            input.resource_arn.as_deref(),
            Vec::new(),
        ))
    }

    fn handle(
        &self,
        caller: &Caller<'a>,
        input: ListTagsForResourceRequest,
    ) -> Result<ListTagsForResourceResponse, AwsError> {
        let arn = required(input.resource_arn.as_deref(), "resourceArn")?;
        let tags = self.with_tags(caller, arn, |_| Ok(()))?;
        Ok(ListTagsForResourceResponse {
            tags: Some(tags::typed(&tags)),
        })
    }
}
