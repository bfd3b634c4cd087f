//! The instances of Managed Instances capacity providers: made when a task finds no room on
//! the provider's instances, drained at the end of their lifetime (their service tasks
//! replaced elsewhere), deregistered once idle for the provider's `scaleInAfter`, and taken
//! down with their provider.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Duration;

use neargate_common::{AwsError, Timestamp, ids};
use neargate_model::ecs::{CapacityProviderStatus, CapacityProviderUpdateStatus};
use neargate_store::{Read as _, WriteTx};
use serde_json::json;

use crate::container_instances::{built_in_attributes, resources};
use crate::errors::server;
use crate::names::Scope;
use crate::placement::{Candidate, Need, Resource, Strategy, place};
use crate::records::{
    ClusterRecord, INSTANCES, InstanceRecord, InstanceStatus, PROVIDERS, ProviderRecord,
    instance_key, instances_of,
};
use crate::task_request::{Hosts, TaskRequest, placement_failure, random};
use crate::{Ecs, Platform};

/// The instance type managed instances report.
const INSTANCE_TYPE: &str = "neargate.managed";

/// What the maintenance pass does to one managed instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Nothing,
    /// It has just become idle: the scale-in clock starts.
    MarkIdle,
    /// It holds tasks again.
    ClearIdle,
    /// Idle past `scaleInAfter`, drained and empty, or empty with its provider gone.
    Deregister,
    /// At the end of its lifetime: no new tasks; its service tasks are replaced elsewhere.
    Drain,
    /// Its provider is being deleted: no new tasks, and every task on it stops.
    Retire,
}

/// What to do with `instance` of `provider` (`None`: deleted) at `now`.
fn decide(
    instance: &InstanceRecord,
    provider: Option<&ProviderRecord>,
    now: Timestamp,
    lifetime: Duration,
) -> Change {
    let retiring = provider.is_none_or(|p| !p.is_active());
    let active = instance.can_take_tasks();
    if instance.tasks.is_empty() {
        if retiring || !active {
            return Change::Deregister;
        }
        return match (
            instance.idle_since,
            provider.and_then(ProviderRecord::scale_in_after),
        ) {
            (None, _) => Change::MarkIdle,
            (Some(since), Some(after)) if now.secs() - since.secs() >= after => Change::Deregister,
            _ => Change::Nothing,
        };
    }
    if instance.idle_since.is_some() {
        return Change::ClearIdle;
    }
    let age = u64::try_from(now.secs() - instance.registered_at.secs()).unwrap_or(0);
    match (active, retiring) {
        (true, true) => Change::Retire,
        (true, false) if age >= lifetime.as_secs() => Change::Drain,
        _ => Change::Nothing,
    }
}

/// A new instance of `provider` in `cluster`, sized for a host of `host` (not yet stored).
fn new_instance(
    scope: Scope<'_>,
    cluster: &ClusterRecord,
    provider: &ProviderRecord,
    host: (i64, i64),
    now: Timestamp,
) -> InstanceRecord {
    let id = ids::fast_uuid().replace('-', "");
    let (cpu, memory) = provider.instance_size(host);
    let identity = json!({"instanceType": INSTANCE_TYPE});
    InstanceRecord {
        arn: scope.arn(&format!("container-instance/{}/{id}", cluster.name)),
        id,
        cluster: cluster.name.clone(),
        ec2_instance_id: format!("i-{}", &ids::fast_uuid().replace('-', "")[..17]),
        status: InstanceStatus::Active,
        local: false,
        connected: true,
        resources: resources(cpu, memory),
        attributes: built_in_attributes(&identity, scope.region),
        version_info: neargate_model::ecs::VersionInfo {
            agent_version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            agent_hash: Some("neargate".to_owned()),
            docker_version: Some("runc".to_owned()),
        },
        registered_at: now,
        version: 1,
        tags: if provider.propagates_tags() {
            provider.tags.clone()
        } else {
            Vec::new()
        },
        tasks: BTreeMap::new(),
        capacity_provider: Some(provider.name.clone()),
        idle_since: None,
    }
}

/// Where the tasks of `request` needing `need` go among `provider`'s instances in `cluster`,
/// making instances (in `tx`) when none has room; a task that even a new instance cannot take
/// is a failure.
#[allow(clippy::too_many_arguments)]
pub(crate) fn place_managed(
    tx: &mut WriteTx<'_>,
    scope: Scope<'_>,
    cluster: &ClusterRecord,
    request: &TaskRequest,
    need: &Need,
    provider: &ProviderRecord,
    host: (i64, i64),
    now: Timestamp,
) -> neargate_store::Result<Hosts> {
    let mut mine: Vec<(String, InstanceRecord)> = instances_of(tx, scope, &cluster.name)?
        .into_iter()
        .filter(|(_, r)| {
            r.can_take_tasks() && r.capacity_provider.as_deref() == Some(&provider.name)
        })
        .map(|(k, r)| (String::from_utf8_lossy(&k).into_owned(), r))
        .collect();
    let mut candidates: Vec<Candidate> = mine.iter().map(|(_, r)| r.candidate()).collect();
    // Many tasks to an instance by default: fill the fullest instance first.
    let packing = [Strategy::Binpack(Resource::Memory)];
    let strategies = if request.strategies.is_empty() {
        &packing[..]
    } else {
        &request.strategies[..]
    };
    let mut hosts = Vec::new();
    let mut failures = Vec::new();
    for _ in 0..request.count {
        let placed = place(
            &mut candidates,
            need,
            &request.constraints,
            strategies,
            1,
            random,
        );
        if let Some(&i) = placed.chosen.first() {
            hosts.push(Some(mine[i].clone()));
            continue;
        }
        let record = new_instance(scope, cluster, provider, host, now);
        let mut fresh = [record.candidate()];
        let placed = place(&mut fresh, need, &request.constraints, &[], 1, random);
        if placed.chosen.is_empty() {
            failures.extend(
                placed
                    .failures
                    .iter()
                    .map(|(_, reason)| placement_failure(&provider.arn, reason)),
            );
            break;
        }
        let key = instance_key(scope, &cluster.name, &record.id);
        tx.put(&INSTANCES, key.as_bytes(), &record)?;
        let [candidate] = fresh;
        candidates.push(candidate);
        mine.push((key, record));
        hosts.push(mine.last().cloned());
    }
    Ok((hosts, failures))
}

/// The account and region of a store key (`account/region/...`).
fn scope_of(key: &str) -> Option<Scope<'_>> {
    let mut parts = key.splitn(3, '/');
    Some(Scope {
        account: parts.next()?,
        region: parts.next()?,
    })
}

impl Ecs {
    /// One maintenance pass over every managed instance (called by the scheduler): drains
    /// the instances at the end of `lifetime`, deregisters idle and emptied ones, takes down
    /// the instances of deleted providers, and finishes deleting providers with none left.
    pub fn manage_instances(
        &self,
        platform: &dyn Platform,
        lifetime: Duration,
    ) -> Result<(), AwsError> {
        let now = self.clock.now();
        // Only the clusters of providers that are not gone hold instances to look after.
        let (providers, instances) = self
            .db
            .read(|tx| {
                let providers: HashMap<String, ProviderRecord> = tx
                    .prefix(&PROVIDERS, b"")?
                    .into_iter()
                    .filter(|(_, p)| p.status != CapacityProviderStatus::Inactive)
                    .map(|(k, p)| (String::from_utf8_lossy(&k).into_owned(), p))
                    .collect();
                let mut clusters = HashSet::new();
                let mut instances = Vec::new();
                for (key, provider) in &providers {
                    if let Some(scope) = scope_of(key)
                        && clusters.insert(scope.key(&provider.cluster))
                    {
                        instances.extend(instances_of(tx, scope, &provider.cluster)?);
                    }
                }
                Ok((providers, instances))
            })
            .map_err(server)?;
        if providers.is_empty() {
            return Ok(());
        }
        // The store key of the provider of a managed instance.
        let provider_key = |key: &str, record: &InstanceRecord| {
            Some(scope_of(key)?.key(record.capacity_provider.as_deref()?))
        };
        let provider_of =
            |key: &str, record: &InstanceRecord| providers.get(&provider_key(key, record)?);
        let managed =
            |record: &InstanceRecord| record.capacity_provider.is_some() && record.is_registered();
        let busy = instances.iter().any(|(key, record)| {
            let key = String::from_utf8_lossy(key);
            managed(record)
                && decide(record, provider_of(&key, record), now, lifetime) != Change::Nothing
        });
        let finishing: Vec<&String> = providers
            .iter()
            .filter(|(_, p)| p.status == CapacityProviderStatus::Deprovisioning)
            .filter(|(key, _)| {
                !instances.iter().any(|(k, r)| {
                    managed(r)
                        && provider_key(&String::from_utf8_lossy(k), r).as_ref() == Some(*key)
                })
            })
            .map(|(k, _)| k)
            .collect();
        if !busy && finishing.is_empty() {
            return Ok(());
        }
        let (drain, stop) = self
            .db
            .write(|tx| {
                let mut drain = Vec::new();
                let mut stop = Vec::new();
                for (key, _) in &instances {
                    let Some(mut record) = tx.get(&INSTANCES, key)?.filter(|r| managed(r)) else {
                        continue;
                    };
                    let text = String::from_utf8_lossy(key).into_owned();
                    let Some(scope) = scope_of(&text) else {
                        continue;
                    };
                    let task_keys = || -> Vec<Vec<u8>> {
                        record
                            .tasks
                            .keys()
                            .map(|id| scope.key(&format!("{}/{id}", record.cluster)).into_bytes())
                            .collect()
                    };
                    match decide(&record, provider_of(&text, &record), now, lifetime) {
                        Change::Nothing => continue,
                        Change::MarkIdle => record.idle_since = Some(now),
                        Change::ClearIdle => record.idle_since = None,
                        Change::Deregister => record.status = InstanceStatus::Inactive,
                        Change::Drain => {
                            drain.extend(task_keys());
                            record.status = InstanceStatus::Draining;
                        }
                        Change::Retire => {
                            stop.extend(task_keys());
                            record.status = InstanceStatus::Draining;
                        }
                    }
                    record.version += 1;
                    tx.put(&INSTANCES, key, &record)?;
                }
                for key in &finishing {
                    if let Some(mut provider) = tx.get(&PROVIDERS, key.as_bytes())? {
                        provider.status = CapacityProviderStatus::Inactive;
                        provider.update_status = CapacityProviderUpdateStatus::DeleteComplete;
                        tx.put(&PROVIDERS, key.as_bytes(), &provider)?;
                    }
                }
                Ok((drain, stop))
            })
            .map_err(server)?;
        self.drain(&drain, platform)?;
        for key in stop {
            if let Some(arn) = self.request_stop(
                &key,
                neargate_model::ecs::TaskStopCode::TerminationNotice,
                "The managed instance was deprovisioned: its capacity provider was deleted.",
            )? {
                platform.stop(&arn);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::Load;

    const DAY: Duration = Duration::from_secs(86_400);

    fn provider(status: &str, scale_in_after: Option<i64>) -> ProviderRecord {
        ProviderRecord {
            name: "mi".into(),
            arn: "arn".into(),
            cluster: "c".into(),
            status: CapacityProviderStatus::from(status),
            update_status: CapacityProviderUpdateStatus::CreateComplete,
            managed: serde_json::from_value(
                json!({"infrastructureOptimization": {"scaleInAfter": scale_in_after}}),
            )
            .unwrap(),
            tags: Vec::new(),
        }
    }

    fn instance(status: &str, tasks: usize, idle_since: Option<i64>) -> InstanceRecord {
        let scope = Scope {
            account: "123456789012",
            region: "us-east-1",
        };
        let cluster = ClusterRecord {
            name: "c".into(),
            arn: "arn".into(),
            status: crate::records::ClusterStatus::Active,
            configuration: None,
            settings: Vec::new(),
            tags: Vec::new(),
            capacity_providers: Vec::new(),
            default_strategy: Vec::new(),
            service_connect: None,
        };
        let mut record = new_instance(
            scope,
            &cluster,
            &provider("ACTIVE", None),
            (2048, 4096),
            Timestamp::from_secs(1_000),
        );
        record.status = serde_json::from_value(json!(status)).unwrap();
        record.idle_since = idle_since.map(Timestamp::from_secs);
        for i in 0..tasks {
            record.tasks.insert(
                i.to_string(),
                Load {
                    group: "g".into(),
                    cpu: 256,
                    memory: 512,
                },
            );
        }
        record
    }

    fn at(secs: i64) -> Timestamp {
        Timestamp::from_secs(secs)
    }

    #[test]
    fn idle_instances_are_scaled_in_after_the_delay() {
        let p = provider("ACTIVE", Some(60));
        assert_eq!(
            decide(&instance("ACTIVE", 0, None), Some(&p), at(1_010), DAY),
            Change::MarkIdle
        );
        assert_eq!(
            decide(
                &instance("ACTIVE", 0, Some(1_010)),
                Some(&p),
                at(1_069),
                DAY
            ),
            Change::Nothing
        );
        assert_eq!(
            decide(
                &instance("ACTIVE", 0, Some(1_010)),
                Some(&p),
                at(1_070),
                DAY
            ),
            Change::Deregister
        );
        assert_eq!(
            decide(
                &instance("ACTIVE", 1, Some(1_010)),
                Some(&p),
                at(1_070),
                DAY
            ),
            Change::ClearIdle
        );
        let kept = provider("ACTIVE", Some(-1));
        assert_eq!(
            decide(
                &instance("ACTIVE", 0, Some(0)),
                Some(&kept),
                at(999_999),
                DAY
            ),
            Change::Nothing
        );
    }

    #[test]
    fn old_instances_drain_and_go_once_empty() {
        let p = provider("ACTIVE", Some(60));
        let old = at(1_000 + 86_400);
        assert_eq!(
            decide(&instance("ACTIVE", 1, None), Some(&p), old, DAY),
            Change::Drain
        );
        assert_eq!(
            decide(
                &instance("ACTIVE", 1, None),
                Some(&p),
                at(1_000 + 86_399),
                DAY
            ),
            Change::Nothing
        );
        assert_eq!(
            decide(&instance("DRAINING", 1, None), Some(&p), old, DAY),
            Change::Nothing
        );
        assert_eq!(
            decide(&instance("DRAINING", 0, None), Some(&p), old, DAY),
            Change::Deregister
        );
    }

    #[test]
    fn instances_of_deleted_providers_are_retired() {
        let gone = provider("DEPROVISIONING", None);
        assert_eq!(
            decide(&instance("ACTIVE", 2, None), Some(&gone), at(1_001), DAY),
            Change::Retire
        );
        assert_eq!(
            decide(&instance("DRAINING", 2, None), Some(&gone), at(1_001), DAY),
            Change::Nothing
        );
        assert_eq!(
            decide(&instance("DRAINING", 0, None), Some(&gone), at(1_001), DAY),
            Change::Deregister
        );
        assert_eq!(
            decide(&instance("ACTIVE", 0, None), None, at(1_001), DAY),
            Change::Deregister
        );
    }

    #[test]
    fn new_instances_carry_the_provider_and_its_size() {
        let record = instance("ACTIVE", 0, None);
        assert_eq!(record.capacity_provider.as_deref(), Some("mi"));
        assert!(record.connected && !record.local);
        let candidate = record.candidate();
        assert_eq!((candidate.cpu_left, candidate.memory_left), (2048, 4096));
        assert_eq!(
            record
                .attributes
                .get("ecs.instance-type")
                .cloned()
                .flatten()
                .as_deref(),
            Some(INSTANCE_TYPE)
        );
    }
}
