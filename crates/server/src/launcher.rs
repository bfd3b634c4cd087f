//! ECS's link to the rest of the platform: key checks on the caller's behalf, and task
//! launches. A launch has ECS run its customer managed key flow (`neargate_ecs::TaskKey`)
//! through typed KMS calls that take the path of any call, hands the agent a key source that
//! decrypts the data key through the task's grant, follows the task, and has ECS retire the
//! grant when the task has stopped.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, mpsc};

use neargate_agent::launch::{Launched, TaskEvent};
use neargate_common::AwsError;
use neargate_ecs::{LaunchOrder, Platform, TaskKey, TaskUpdate, TaskView};
use neargate_ephemeral::{DataKey, KeySource};
use neargate_model::kms::{DescribeKeyRequest, DescribeKeyResponse};
use zeroize::Zeroize as _;

use crate::app::App;
use crate::authorize::Caller;
use crate::platform::{PlatformKms, describe_key_on_behalf};

/// The tasks running now, by ARN.
#[derive(Debug, Default)]
pub(crate) struct Running(Mutex<HashMap<String, Launched>>);

impl Running {
    fn insert(&self, arn: &str, launched: Launched) {
        self.lock().insert(arn.to_owned(), launched);
    }

    fn remove(&self, arn: &str) {
        self.lock().remove(arn);
    }

    /// The ARNs of the tasks running now.
    fn arns(&self) -> Vec<String> {
        self.lock().keys().cloned().collect()
    }

    /// Asks the task `arn` to stop, if it runs here.
    fn stop(&self, arn: &str) {
        if let Some(task) = self.lock().get(arn) {
            task.stop();
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Launched>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The platform as one ECS call sees it.
pub(crate) struct EcsPlatform<'a> {
    pub(crate) app: &'a App,
    pub(crate) caller: &'a Caller,
    pub(crate) region: &'a str,
}

impl Platform for EcsPlatform<'_> {
    fn describe_key(&self, input: DescribeKeyRequest) -> Result<DescribeKeyResponse, AwsError> {
        describe_key_on_behalf(
            self.app,
            self.caller,
            "ecs.amazonaws.com",
            self.region,
            input,
        )
    }

    fn launch(&self, order: LaunchOrder) {
        start_launch(self.app, order);
    }

    fn unlaunchable(&self) -> Option<&str> {
        unlaunchable(self.app)
    }

    fn stop(&self, task_arn: &str) {
        self.app.running.stop(task_arn);
    }
}

/// The platform as the service scheduler sees it: it launches and stops tasks for services.
pub(crate) struct SchedulerPlatform<'a>(pub(crate) &'a App);

impl Platform for SchedulerPlatform<'_> {
    fn describe_key(&self, _: DescribeKeyRequest) -> Result<DescribeKeyResponse, AwsError> {
        Err(AwsError::internal("InternalFailure"))
    }

    fn launch(&self, order: LaunchOrder) {
        start_launch(self.0, order);
    }

    fn unlaunchable(&self) -> Option<&str> {
        unlaunchable(self.0)
    }

    fn stop(&self, task_arn: &str) {
        self.0.running.stop(task_arn);
    }
}

/// Runs the service scheduler once a second while the app lives.
pub(crate) fn start_scheduler(app: &Arc<App>) {
    let app = Arc::downgrade(app);
    std::thread::spawn(move || {
        while let Some(app) = app.upgrade() {
            if !app.paused.load(std::sync::atomic::Ordering::SeqCst) {
                crate::instance::keep_registered(&app);
                let platform = SchedulerPlatform(&app);
                if let Err(e) = app.ecs.schedule(&platform) {
                    tracing::error!(error = %e.message, "the service scheduler failed");
                }
                if let Err(e) = app
                    .ecs
                    .manage_instances(&platform, app.managed_instance_lifetime)
                {
                    tracing::error!(error = %e.message, "managing the managed instances failed");
                }
            }
            drop(app);
            std::thread::sleep(std::time::Duration::from_secs(1));
        }
    });
}

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

/// Asks every task running here to stop (`TerminationNotice`, with `reason`) and waits up to
/// `patience` for them to be taken down, their stops recorded and their grants retired (the
/// caller has paused the scheduler). Tasks still running then are taken down at the next start.
pub(crate) fn stop_all_tasks(app: &App, reason: &str, patience: std::time::Duration) {
    let arns = app.running.arns();
    if arns.is_empty() {
        return;
    }
    tracing::info!(tasks = arns.len(), "stopping the tasks running here");
    for arn in &arns {
        if let Err(e) = app.ecs.mark_terminating(arn, reason) {
            tracing::warn!(task = %arn, error = %e.message, "could not record a task's stop");
        }
        app.running.stop(arn);
    }
    let deadline = std::time::Instant::now() + patience;
    while !app.running.arns().is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let left = app.running.arns().len();
    if left > 0 {
        tracing::warn!(
            tasks = left,
            "tasks still stopping: the next start takes them down"
        );
    }
}

/// Why no task launches on this server, if none can.
fn unlaunchable(app: &App) -> Option<&str> {
    app.tasks.as_ref().err().map(String::as_str)
}

/// Starts launching `order` on a thread of its own that follows the task to its end (without
/// an agent, tasks are recorded as failed to start when they are made: see [`unlaunchable`]).
fn start_launch(app: &App, order: LaunchOrder) {
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
