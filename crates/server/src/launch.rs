//! Task launches: ECS runs its customer managed key flow (`neargate_ecs::TaskKey`) through
//! typed KMS calls that take the path of any call, the agent gets a key source that decrypts
//! the data key through the task's grant, the task is followed to its end, and ECS retires the
//! grant when it has stopped.

use std::sync::{Arc, mpsc};

use neargate_agent::launch::TaskEvent;
use neargate_ecs::{LaunchOrder, TaskKey, TaskUpdate, TaskView};
use neargate_ephemeral::{DataKey, KeySource};
use zeroize::Zeroize as _;

use crate::app::App;
use crate::platform_kms::PlatformKms;

/// The data key of a task's volume, decrypted through the task's grant when the agent asks.
struct GrantedKey<'a> {
    app: &'a App,
    key: TaskKey,
}

impl KeySource for GrantedKey<'_> {
    fn data_key(&self, _volume: &str) -> Result<DataKey, String> {
        let plaintext = self.key.data_key(&PlatformKms(self.app))?;
        DataKey::from_bytes(plaintext.expose())
            .ok_or_else(|| "ResourceInitializationError: KMS returned no 256-bit data key".into())
    }
}

/// A platform-owned key for a cluster without one: random, in memory only.
struct PlatformKey;

impl KeySource for PlatformKey {
    fn data_key(&self, _volume: &str) -> Result<DataKey, String> {
        let mut bytes = [0u8; 32];
        neargate_common::ids::random_bytes(&mut bytes);
        let key = DataKey::from_bytes(&bytes);
        bytes.zeroize();
        key.ok_or_else(|| "ResourceInitializationError: no data key".into())
    }
}

/// Records a task that could not start.
fn failed(app: &App, order: &LaunchOrder, reason: String) {
    let _ = app.ecs.update_task(
        &order.task_arn,
        TaskUpdate::Stopped {
            stop_code: Some("TaskFailedToStart".into()),
            reason: Some(reason),
            containers: Vec::new(),
        },
    );
}

/// Why no task launches on this server, if none can.
pub(crate) fn unlaunchable(app: &App) -> Option<&str> {
    app.tasks.as_ref().err().map(String::as_str)
}

/// Starts launching `order` on a thread of its own that follows the task to its end (without
/// an agent, tasks are recorded as failed to start when they are made: see [`unlaunchable`]).
pub(crate) fn start_launch(app: &App, order: LaunchOrder) {
    let Some(shared) = app.shared() else {
        return;
    };
    std::thread::spawn(move || launch(&shared, order));
}

/// Launches `order` and follows it to its end.
fn launch(app: &Arc<App>, order: LaunchOrder) {
    let Some(agent) = app.agent.as_ref() else {
        failed(app, &order, unlaunchable(app).unwrap_or_default().into());
        return;
    };
    let Ok(Some(view)) = app.ecs.update_task(&order.task_arn, TaskUpdate::Pending) else {
        return;
    };
    if view.stop_requested {
        failed(app, &order, "Task stopped before it started.".into());
        return;
    }
    let granted;
    let keys: &dyn KeySource = match &order.kms_key {
        None => &PlatformKey,
        Some(key) => match app.ecs.task_key(&PlatformKms(app), &order, key) {
            Ok(key) => {
                granted = GrantedKey { app, key };
                &granted
            }
            Err(reason) => {
                failed(app, &order, reason);
                return;
            }
        },
    };
    let (events, reports) = mpsc::channel();
    let launched = agent.launch(order.spec.clone(), keys, events);
    let launched = match launched {
        Ok(launched) => launched,
        Err(error) => {
            failed(app, &order, error.0);
            retire(app, &order);
            return;
        }
    };
    let address = launched.address;
    app.running.insert(&order.task_arn, launched);
    if app.paused.load(std::sync::atomic::Ordering::SeqCst) {
        // Started while the tasks here are being stopped: it stops with them.
        app.running.stop(&order.task_arn);
    }
    follow(app, &order, address, &reports);
    app.running.remove(&order.task_arn);
    retire(app, &order);
}

/// Reports the task's events to ECS until it has stopped.
fn follow(
    app: &App,
    order: &LaunchOrder,
    address: std::net::Ipv4Addr,
    reports: &mpsc::Receiver<TaskEvent>,
) {
    for event in reports {
        match event {
            TaskEvent::Running { .. } => {
                let view = app
                    .ecs
                    .update_task(&order.task_arn, TaskUpdate::Running(address));
                if matches!(
                    view,
                    Ok(Some(TaskView {
                        stop_requested: true,
                        ..
                    }))
                ) {
                    app.running.stop(&order.task_arn);
                }
            }
            TaskEvent::Health {
                container, health, ..
            } => {
                let update = TaskUpdate::Health {
                    container,
                    status: health.as_str().to_owned(),
                };
                let _ = app.ecs.update_task(&order.task_arn, update);
            }
            TaskEvent::Stopped { result, .. } => {
                let containers = result
                    .containers
                    .iter()
                    .map(|(name, o)| (name.clone(), o.exit_code, o.reason.clone()))
                    .collect();
                let _ = app.ecs.update_task(
                    &order.task_arn,
                    TaskUpdate::Stopped {
                        stop_code: result.stop_code,
                        reason: result.stopped_reason,
                        containers,
                    },
                );
                return;
            }
        }
    }
}

/// Retires the task's grant, if one was made.
fn retire(app: &App, order: &LaunchOrder) {
    if let Ok(Some(view)) = app.ecs.task_view(&order.task_arn) {
        retire_grant(app, &view);
    }
}

/// Retires the grant the task `view` holds, as the grant's retiring principal.
pub(crate) fn retire_grant(app: &App, view: &TaskView) {
    app.ecs.retire_task_grant(&PlatformKms(app), view);
}
