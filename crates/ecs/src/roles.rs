//! Roles handed to ECS: passing one is `iam:PassRole` on it, with `iam:PassedToService` naming
//! the service that will use it, as on AWS.

use neargate_model::Question;

/// The service principal that assumes task roles and execution roles.
pub(crate) const TASKS_SERVICE: &str = "ecs-tasks.amazonaws.com";

/// The service principal that uses a Managed Instances provider's infrastructure role.
pub(crate) const ECS_SERVICE: &str = "ecs.amazonaws.com";

/// `iam:PassRole` on `role`, passed to `service`.
pub(crate) fn pass_role(role: &str, service: &str) -> Question<'static> {
    Question::plain("iam:PassRole", role).with_context(vec![(
        "iam:PassedToService".to_owned(),
        vec![service.to_owned()],
    )])
}

/// `iam:PassRole` for each of a task's roles that is given (`taskRoleArn`, `executionRoleArn`).
pub(crate) fn pass_task_roles<'r>(
    roles: impl IntoIterator<Item = Option<&'r str>>,
) -> impl Iterator<Item = Question<'static>> {
    roles
        .into_iter()
        .flatten()
        .map(|role| pass_role(role, TASKS_SERVICE))
}
