//! The work that outlives requests: the service scheduler (and this host's container instance
//! with it), reconciling tasks at start, and stopping the tasks running here at a shutdown or a
//! development reset.

use std::sync::Arc;

use neargate_common::AwsError;
use neargate_ecs::{LaunchOrder, Platform};
use neargate_model::kms::{DescribeKeyRequest, DescribeKeyResponse};

use crate::app::{App, TASK_STOP_PATIENCE};
use crate::launch::{retire_grant, start_launch, unlaunchable};

/// Starts the work of an app just opened: tasks recorded as running before a restart are
/// reported stopped (their grants retired), this host's container instances are marked
/// disconnected until the agent registers again, and the scheduler starts.
pub(crate) fn start(app: &Arc<App>) {
    match app.ecs.stop_orphaned_tasks() {
        Ok(stopped) => {
            for view in &stopped {
                tracing::warn!(task = %view.task_arn, "task stopped: it ran before a restart");
                retire_grant(app, view);
            }
        }
        Err(e) => {
            tracing::error!(error = %e.message, "could not reconcile tasks after a restart")
        }
    }
    if let Err(e) = app.ecs.disconnect_local_instances() {
        tracing::error!(error = %e.message, "could not mark this host's container instances disconnected");
    }
    start_scheduler(app);
}

/// Development mode's reset: stops the tasks running here, forgets every account, region and
/// event, then bootstraps anew.
pub(crate) fn reset(app: &App) -> anyhow::Result<()> {
    app.paused.store(true, std::sync::atomic::Ordering::SeqCst);
    stop_all_tasks(app, "Neargate was reset.", TASK_STOP_PATIENCE);
    let outcome = app.clear();
    app.paused.store(false, std::sync::atomic::Ordering::SeqCst);
    outcome
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
fn start_scheduler(app: &Arc<App>) {
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
