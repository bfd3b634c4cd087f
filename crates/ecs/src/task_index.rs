//! The task index: a small summary of every task under `account/region/cluster/<desired
//! status>/<task id>`, so that `ListTasks`, cluster counts and the service scheduler read a page
//! of summaries instead of every task's whole document.

use neargate_store::{Read, Table, WriteTx};
use serde::{Deserialize, Serialize};

use crate::records::{TASKS, TaskRecord, release};

/// What lists and counts need of a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct TaskSummary {
    pub(crate) arn: String,
    pub(crate) family: String,
    pub(crate) started_by: Option<String>,
    pub(crate) group: String,
    pub(crate) launch_type: String,
    pub(crate) last_status: String,
    /// The task's `healthStatus`.
    #[serde(default)]
    pub(crate) health: String,
    /// The id of the container instance it runs on (`EC2` tasks).
    #[serde(default)]
    pub(crate) instance: String,
}

impl TaskSummary {
    fn of(record: &TaskRecord) -> Self {
        let task = &record.doc;
        let text = |value: Option<&str>| value.unwrap_or_default().to_owned();
        Self {
            arn: text(task.task_arn.as_deref()),
            family: record.family.clone(),
            started_by: task.started_by.clone(),
            group: text(task.group.as_deref()),
            launch_type: text(task.launch_type.as_ref().map(|l| l.as_str())),
            last_status: text(task.last_status.as_deref()),
            health: text(task.health_status.as_ref().map(|h| h.as_str())),
            instance: text(task.container_instance_arn.as_deref())
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_owned(),
        }
    }

    /// Whether the task runs.
    pub(crate) fn running(&self) -> bool {
        self.last_status == crate::task_status::TaskStatus::Running.as_str()
    }
}

/// Summaries by `account/region/cluster/<desired status>/<task id>`.
pub(crate) const TASK_INDEX: Table<TaskSummary> = Table::new("ecs.task_index", 1);

/// The index key of the task stored at `task_key` (`account/region/cluster/<id>`).
pub(crate) fn index_key(task_key: &[u8], desired: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(task_key);
    let (head, id) = text.rsplit_once('/').unwrap_or(("", &text));
    format!("{head}/{desired}/{id}").into_bytes()
}

/// The task key of an index key.
pub(crate) fn task_key(index_key: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(index_key);
    let (rest, id) = text.rsplit_once('/').unwrap_or(("", &text));
    let head = rest.rsplit_once('/').map_or(rest, |(h, _)| h);
    format!("{head}/{id}").into_bytes()
}

fn desired(record: &TaskRecord) -> &str {
    record
        .doc
        .desired_status
        .as_deref()
        .unwrap_or(crate::records::RUNNING)
}

/// Writes the task at `key` and its summary, moving the summary if the desired status changed
/// since `before`; a stopped task gives back what it held on its container instance.
pub(crate) fn save(
    tx: &mut WriteTx<'_>,
    key: &[u8],
    record: &TaskRecord,
    before: Option<&str>,
) -> neargate_store::Result<()> {
    let now = desired(record);
    if let Some(before) = before
        && before != now
    {
        tx.delete(&TASK_INDEX, &index_key(key, before))?;
    }
    tx.put(&TASK_INDEX, &index_key(key, now), &TaskSummary::of(record))?;
    if record.is_stopped()
        && let Some(instance) = &record.instance
    {
        let text = String::from_utf8_lossy(key);
        let id = text.rsplit('/').next().unwrap_or_default();
        release(tx, instance, id)?;
    }
    tx.put(&TASKS, key, record)
}

/// The desired status a stored task has now, for [`save`].
pub(crate) fn desired_of(record: &TaskRecord) -> String {
    desired(record).to_owned()
}

/// Up to `limit` summaries under `prefix` after `after` (exclusive) that `keep`, in key order;
/// reads in batches so that a page costs what it returns, not the whole index.
pub(crate) fn scan(
    tx: &impl Read,
    prefix: &[u8],
    after: Option<&[u8]>,
    limit: usize,
    keep: impl Fn(&TaskSummary) -> bool,
) -> neargate_store::Result<Vec<(Vec<u8>, TaskSummary)>> {
    const BATCH: usize = 512;
    let end = neargate_store::prefix_end(prefix);
    let mut start = match after {
        Some(after) => {
            let mut next = after.to_vec();
            next.push(0);
            next
        }
        None => prefix.to_vec(),
    };
    let mut found = Vec::new();
    // The first batch is what an unfiltered page needs; later ones are larger.
    let mut size = limit.clamp(1, BATCH);
    loop {
        let batch = tx.range(&TASK_INDEX, &start, &end, false, size)?;
        let full = batch.len() == size;
        size = BATCH;
        for (key, summary) in batch {
            start.clone_from(&key);
            start.push(0);
            if keep(&summary) {
                found.push((key, summary));
                if found.len() == limit {
                    return Ok(found);
                }
            }
        }
        if !full {
            return Ok(found);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_keys_put_the_desired_status_before_the_id_and_back() {
        let key = b"123456789012/us-east-1/prod/abc";
        let index = index_key(key, "RUNNING");
        assert_eq!(index, b"123456789012/us-east-1/prod/RUNNING/abc");
        assert_eq!(task_key(&index), key);
    }
}
