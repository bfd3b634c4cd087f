//! A task definition revision as stored: the model's `TaskDefinition`, and how a family's
//! latest active revision is found.

use neargate_model::ecs::{ContainerDefinition, TaskDefinition, TaskDefinitionStatus};
use neargate_store::{Read, Table};
use serde::{Deserialize, Serialize};

use crate::names::Scope;
use crate::tags::Tag;

/// A task definition revision as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct TaskDefinitionRecord {
    pub(crate) family: String,
    pub(crate) revision: u32,
    /// The definition as `DescribeTaskDefinition` shows it (its `status` kept current).
    #[serde(alias = "body")]
    pub(crate) definition: TaskDefinition,
    pub(crate) tags: Vec<Tag>,
}

impl TaskDefinitionRecord {
    /// `ACTIVE`, `INACTIVE` or `DELETE_IN_PROGRESS`.
    pub(crate) fn status(&self) -> &TaskDefinitionStatus {
        self.definition
            .status
            .as_ref()
            .unwrap_or(&TaskDefinitionStatus::Active)
    }

    /// Whether new tasks and services may use it.
    pub(crate) fn is_active(&self) -> bool {
        *self.status() == TaskDefinitionStatus::Active
    }

    /// Its ARN.
    pub(crate) fn arn(&self) -> &str {
        self.definition
            .task_definition_arn
            .as_deref()
            .unwrap_or_default()
    }

    /// The launch types it can run on.
    pub(crate) fn compatible_with(&self, launch_type: &str) -> bool {
        self.definition
            .compatibilities
            .iter()
            .flatten()
            .any(|c| c.as_str() == launch_type)
    }

    /// Its container definitions.
    pub(crate) fn containers(&self) -> &[ContainerDefinition] {
        self.definition
            .container_definitions
            .as_deref()
            .unwrap_or_default()
    }
}

/// Revisions by `account/region/family/<revision, 10 digits>`.
pub(crate) const TASK_DEFINITIONS: Table<TaskDefinitionRecord> =
    Table::new("ecs.task_definitions", 1);

pub(crate) fn revision_key(scope: Scope<'_>, family: &str, revision: u32) -> String {
    scope.key(&format!("{family}/{revision:010}"))
}

/// The latest `ACTIVE` revision of the family whose revisions are under `prefix`: read from
/// the newest back, a few at a time, so that a family of many revisions costs what it skips.
pub(crate) fn latest_active(
    tx: &impl Read,
    prefix: &[u8],
) -> neargate_store::Result<Option<TaskDefinitionRecord>> {
    const BATCH: usize = 4;
    let mut end = neargate_store::prefix_end(prefix);
    loop {
        let batch = tx.range(&TASK_DEFINITIONS, prefix, &end, true, BATCH)?;
        let full = batch.len() == BATCH;
        for (key, record) in batch {
            if record.is_active() {
                return Ok(Some(record));
            }
            end = key;
        }
        if !full {
            return Ok(None);
        }
    }
}
