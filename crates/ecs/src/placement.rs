//! Task placement on container instances: the constraints that rule instances out
//! (`distinctInstance`, `memberOf`, the agent, CPU and memory) and the strategies that order
//! the rest (`binpack`, `spread`, `random`), applied one task at a time so that each placement
//! sees the ones before it.

use std::collections::BTreeMap;

use neargate_common::AwsError;

use crate::errors::invalid;
use crate::query::{self, Expr, Subject};

/// A placement constraint.
#[derive(Debug, Clone)]
pub(crate) enum Constraint {
    /// Each task of the group on a different instance.
    DistinctInstance,
    /// Only instances the expression matches.
    MemberOf(Expr),
}

/// A resource `binpack` packs by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resource {
    Cpu,
    Memory,
}

/// A placement strategy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Strategy {
    Random,
    /// Evenly over instances (`None`) or over the values of an attribute.
    Spread(Option<String>),
    /// The instance with the least of the resource left.
    Binpack(Resource),
}

/// The most constraints and strategies a request may give.
const MAX_CONSTRAINTS: usize = 10;
const MAX_STRATEGIES: usize = 5;

/// Reads `placementConstraints` (of a request or a task definition), each as its `type` and
/// `expression`.
pub(crate) fn constraints<'a>(
    list: &[(Option<&'a str>, Option<&'a str>)],
) -> Result<Vec<Constraint>, AwsError> {
    if list.len() > MAX_CONSTRAINTS {
        return Err(invalid(format!(
            "Too many placement constraints: at most {MAX_CONSTRAINTS} may be given."
        )));
    }
    list.iter()
        .map(|&(kind, expression)| {
            let expression = expression.filter(|e| !e.is_empty());
            match (kind, expression) {
                (Some("distinctInstance"), None) => Ok(Constraint::DistinctInstance),
                (Some("distinctInstance"), Some(_)) => Err(invalid(
                    "An expression cannot be given for a distinctInstance placement constraint.",
                )),
                (Some("memberOf"), Some(text)) => query::parse(text)
                    .map(Constraint::MemberOf)
                    .map_err(|e| invalid(format!("Invalid memberOf expression '{text}': {e}."))),
                (Some("memberOf"), None) => Err(invalid(
                    "An expression must be given for a memberOf placement constraint.",
                )),
                (other, _) => Err(invalid(format!(
                    "Invalid placement constraint type: {}.",
                    other.unwrap_or("(none)")
                ))),
            }
        })
        .collect()
}

/// Reads `placementStrategy`.
pub(crate) fn strategies(list: &[(Option<&str>, Option<&str>)]) -> Result<Vec<Strategy>, AwsError> {
    if list.len() > MAX_STRATEGIES {
        return Err(invalid(format!(
            "Too many placement strategies: at most {MAX_STRATEGIES} may be given."
        )));
    }
    list.iter()
        .map(|&(kind, field)| match kind {
            Some("random") => Ok(Strategy::Random),
            Some("binpack") => match field.map(str::to_ascii_lowercase).as_deref() {
                Some("cpu") => Ok(Strategy::Binpack(Resource::Cpu)),
                Some("memory") => Ok(Strategy::Binpack(Resource::Memory)),
                _ => Err(invalid(
                    "A binpack placement strategy packs by the field cpu or memory.",
                )),
            },
            Some("spread") => match field {
                Some("instanceId" | "host") => Ok(Strategy::Spread(None)),
                Some(f) if f.len() > "attribute:".len() && f.starts_with("attribute:") => {
                    Ok(Strategy::Spread(Some(f["attribute:".len()..].to_owned())))
                }
                _ => Err(invalid(
                    "A spread placement strategy spreads by instanceId, host or \
                         attribute:<name>.",
                )),
            },
            other => Err(invalid(format!(
                "Invalid placement strategy type: {}.",
                other.unwrap_or("(none)")
            ))),
        })
        .collect()
}

/// A container instance as placement sees it.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub(crate) arn: String,
    pub(crate) connected: bool,
    pub(crate) cpu_left: i64,
    pub(crate) memory_left: i64,
    pub(crate) attributes: BTreeMap<String, Option<String>>,
    pub(crate) ec2_instance_id: String,
    pub(crate) agent_version: String,
    pub(crate) registered_at: String,
    /// The group of each task on it that has not stopped.
    pub(crate) groups: Vec<String>,
}

impl Candidate {
    fn tasks_of(&self, group: &str) -> usize {
        self.groups.iter().filter(|g| *g == group).count()
    }

    /// Whether the instance satisfies the cluster query language expression `expr`.
    pub(crate) fn matches(&self, expr: &Expr) -> bool {
        let groups: Vec<&str> = self.groups.iter().map(String::as_str).collect();
        expr.matches(&Subject {
            attributes: &self.attributes,
            ec2_instance_id: &self.ec2_instance_id,
            agent_connected: self.connected,
            agent_version: &self.agent_version,
            registered_at: &self.registered_at,
            running_tasks: self.groups.len(),
            task_groups: &groups,
        })
    }

    /// Why the task cannot go here, if it cannot.
    fn refusal(&self, need: &Need, constraints: &[Constraint]) -> Option<&'static str> {
        if !self.connected {
            return Some("AGENT");
        }
        for constraint in constraints {
            match constraint {
                Constraint::MemberOf(expr) if !self.matches(expr) => {
                    return Some("MemberOf placement constraint unsatisfied.");
                }
                Constraint::DistinctInstance if self.tasks_of(&need.group) > 0 => {
                    return Some("DistinctInstance placement constraint unsatisfied.");
                }
                _ => {}
            }
        }
        if need.cpu > self.cpu_left {
            return Some("RESOURCE:CPU");
        }
        if need.memory > self.memory_left {
            return Some("RESOURCE:MEMORY");
        }
        None
    }
}

/// What one task needs.
#[derive(Debug, Clone)]
pub(crate) struct Need {
    pub(crate) cpu: i64,
    pub(crate) memory: i64,
    pub(crate) group: String,
}

/// Where the tasks went (candidate indexes, one per placed task) and, if some could not be
/// placed, why each instance refused.
#[derive(Debug, Default)]
pub(crate) struct Placed {
    pub(crate) chosen: Vec<usize>,
    pub(crate) failures: Vec<(String, &'static str)>,
}

/// Places up to `count` tasks needing `need` on `candidates` (which are updated as tasks land).
pub(crate) fn place(
    candidates: &mut [Candidate],
    need: &Need,
    constraints: &[Constraint],
    strategies: &[Strategy],
    count: usize,
    mut random: impl FnMut() -> u64,
) -> Placed {
    let mut placed = Placed::default();
    let random_by_default = [Strategy::Random];
    let strategies = if strategies.is_empty() {
        &random_by_default[..]
    } else {
        strategies
    };
    for _ in 0..count {
        let mut fit = Vec::new();
        let mut refusals = Vec::new();
        for (i, candidate) in candidates.iter().enumerate() {
            match candidate.refusal(need, constraints) {
                None => fit.push(i),
                Some(reason) => refusals.push((candidate.arn.clone(), reason)),
            }
        }
        let ranks: Vec<(Vec<i64>, usize)> = fit
            .iter()
            .map(|&i| (rank(candidates, i, need, strategies, &mut random), i))
            .collect();
        let Some(&(_, best)) = ranks.iter().min() else {
            // Nothing changes until a task lands, so the rest cannot be placed either.
            placed.failures = refusals;
            break;
        };
        let chosen = &mut candidates[best];
        chosen.cpu_left -= need.cpu;
        chosen.memory_left -= need.memory;
        chosen.groups.push(need.group.clone());
        placed.chosen.push(best);
    }
    placed
}

/// The sort key of candidate `i` under `strategies`: smaller is better.
fn rank(
    candidates: &[Candidate],
    i: usize,
    need: &Need,
    strategies: &[Strategy],
    random: &mut impl FnMut() -> u64,
) -> Vec<i64> {
    let candidate = &candidates[i];
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    strategies
        .iter()
        .map(|strategy| match strategy {
            Strategy::Random => i64::try_from(random() >> 1).unwrap_or(0),
            Strategy::Binpack(Resource::Cpu) => candidate.cpu_left,
            Strategy::Binpack(Resource::Memory) => candidate.memory_left,
            Strategy::Spread(None) => count(candidate.tasks_of(&need.group)),
            Strategy::Spread(Some(attribute)) => {
                let value = candidate.attributes.get(attribute);
                count(
                    candidates
                        .iter()
                        .filter(|c| c.attributes.get(attribute) == value)
                        .map(|c| c.tasks_of(&need.group))
                        .sum(),
                )
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn instance(name: &str, cpu: i64, memory: i64, zone: &str) -> Candidate {
        Candidate {
            arn: format!("arn:aws:ecs:us-east-1:123456789012:container-instance/c/{name}"),
            connected: true,
            cpu_left: cpu,
            memory_left: memory,
            attributes: BTreeMap::from([
                ("zone".to_owned(), Some(zone.to_owned())),
                ("name".to_owned(), Some(name.to_owned())),
            ]),
            ec2_instance_id: format!("i-{name}"),
            agent_version: "1".into(),
            registered_at: "2026-11-23T00:00:00Z".into(),
            groups: Vec::new(),
        }
    }

    fn need(cpu: i64, memory: i64) -> Need {
        Need {
            cpu,
            memory,
            group: "family:web".into(),
        }
    }

    fn names(candidates: &[Candidate], placed: &Placed) -> Vec<String> {
        placed
            .chosen
            .iter()
            .map(|&i| candidates[i].ec2_instance_id.clone())
            .collect()
    }

    fn counter() -> impl FnMut() -> u64 {
        let mut n = 0u64;
        move || {
            n = n
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            n
        }
    }

    #[test]
    fn binpack_fills_the_fullest_instance_first() {
        let mut c = vec![
            instance("a", 4096, 8000, "z1"),
            instance("b", 1024, 2000, "z1"),
        ];
        let strategies = strategies(&[(Some("binpack"), Some("memory"))]).unwrap();
        let placed = place(&mut c, &need(512, 1000), &[], &strategies, 3, counter());
        assert_eq!(names(&c, &placed), ["i-b", "i-b", "i-a"]);
        assert_eq!(c[1].memory_left, 0);
    }

    #[test]
    fn spread_evens_out_over_instances_and_attribute_values() {
        let mut c = vec![
            instance("a", 4096, 8000, "z1"),
            instance("b", 4096, 8000, "z1"),
            instance("c", 4096, 8000, "z2"),
        ];
        let by_zone = strategies(&[
            (Some("spread"), Some("attribute:zone")),
            (Some("spread"), Some("instanceId")),
        ])
        .unwrap();
        let placed = place(&mut c, &need(0, 0), &[], &by_zone, 4, counter());
        let zones: Vec<_> = placed
            .chosen
            .iter()
            .map(|&i| c[i].attributes["zone"].clone().unwrap())
            .collect();
        assert_eq!(zones.iter().filter(|z| *z == "z1").count(), 2);
        assert_eq!(zones.iter().filter(|z| *z == "z2").count(), 2);
        // Within z1 the two tasks went to different instances.
        assert_eq!(c[0].groups.len(), 1);
        assert_eq!(c[1].groups.len(), 1);
    }

    #[test]
    fn constraints_rule_instances_out_with_ecs_reasons() {
        let mut c = vec![
            instance("a", 4096, 8000, "z1"),
            instance("b", 4096, 8000, "z2"),
        ];
        c[1].connected = false;
        let member = constraints(&[(Some("memberOf"), Some("attribute:zone == z1"))]).unwrap();
        let placed = place(&mut c, &need(0, 0), &member, &[], 1, counter());
        assert_eq!(names(&c, &placed), ["i-a"]);
        assert!(placed.failures.is_empty());
        let distinct = constraints(&[(Some("distinctInstance"), None)]).unwrap();
        let placed = place(&mut c, &need(0, 0), &distinct, &[], 2, counter());
        assert!(placed.chosen.is_empty());
        assert_eq!(
            placed.failures,
            [
                (
                    c[0].arn.clone(),
                    "DistinctInstance placement constraint unsatisfied."
                ),
                (c[1].arn.clone(), "AGENT"),
            ]
        );
        let placed = place(&mut c, &need(5000, 0), &[], &[], 1, counter());
        assert_eq!(placed.failures[0].1, "RESOURCE:CPU");
        let placed = place(&mut c, &need(0, 9000), &[], &[], 1, counter());
        assert_eq!(placed.failures[0].1, "RESOURCE:MEMORY");
        let placed = place(&mut c, &need(0, 0), &member[..], &[], 1, counter());
        assert_eq!(
            placed.chosen.len(),
            1,
            "another group's task does not count"
        );
    }

    #[test]
    fn bad_constraints_and_strategies_are_refused() {
        for bad in [
            (Some("memberOf"), None),
            (Some("memberOf"), Some("attribute:x ==")),
            (Some("distinctInstance"), Some("attribute:x exists")),
            (Some("nearby"), None),
        ] {
            assert!(constraints(&[bad]).is_err());
        }
        for bad in [
            (Some("binpack"), Some("disk")),
            (Some("spread"), None),
            (Some("spread"), Some("attribute:")),
            (Some("first"), None),
        ] {
            assert!(strategies(&[bad]).is_err());
        }
        assert!(constraints(&[(Some("distinctInstance"), None); 11]).is_err());
        assert!(strategies(&[(Some("random"), None); 6]).is_err());
    }

    proptest! {
        #[test]
        fn placement_never_overcommits(
            sizes in prop::collection::vec((0i64..4096, 0i64..8192), 0..6),
            cpu in 0i64..2048, memory in 0i64..4096, count in 1usize..12,
            strategy in prop::sample::select(vec!["random", "binpack", "spread"]),
        ) {
            let mut c: Vec<Candidate> = sizes
                .iter()
                .enumerate()
                .map(|(i, (cpu, memory))| instance(&i.to_string(), *cpu, *memory, "z"))
                .collect();
            let field = if strategy == "binpack" { "cpu" } else { "instanceId" };
            let strategies = strategies(&[(Some(strategy), Some(field))]).unwrap();
            let placed = place(&mut c, &need(cpu, memory), &[], &strategies, count, counter());
            prop_assert!(placed.chosen.len() <= count);
            for candidate in &c {
                prop_assert!(candidate.cpu_left >= 0 && candidate.memory_left >= 0);
            }
            if placed.chosen.len() < count {
                prop_assert_eq!(placed.failures.len(), c.len());
            }
        }
    }
}
