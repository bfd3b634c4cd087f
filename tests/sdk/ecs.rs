//! ECS through the Rust SDK: the typed shapes of clusters with a storage key, task definitions,
//! tasks and their errors, and pagination. Needs root, `runc` and `mkfs.ext4` for the task that
//! runs (bash .ci/run installs them).

use std::time::Duration;

use aws_sdk_ecs::types::{
    AwsVpcConfiguration, ClusterConfiguration, ClusterField, Compatibility, ContainerDefinition,
    LaunchType, ManagedStorageConfiguration, NetworkConfiguration, NetworkMode,
};
use neargate_testkit::images::{busybox_layer, docker_save};

use crate::common::{admin, code, ecs, kms, start};

/// Imports `busybox:1.35` into the server's image store.
fn import_busybox(server: &neargate_testkit::Server) {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("busybox.tar");
    std::fs::write(&archive, docker_save(&busybox_layer(), "busybox:1.35")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_neargate"))
        .args(["image", "import", archive.to_str().unwrap()])
        .env("NEARGATE_DATA_DIR", server.data_dir())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

fn storage_key(key: &str) -> ClusterConfiguration {
    ClusterConfiguration::builder()
        .managed_storage_configuration(
            ManagedStorageConfiguration::builder()
                .fargate_ephemeral_storage_kms_key_id(key)
                .build(),
        )
        .build()
}

#[tokio::test(flavor = "multi_thread")]
async fn clusters_task_definitions_and_tasks_in_typed_shapes() {
    let server = start();
    import_busybox(&server);
    let client = ecs(&server, admin(&server));
    let keys = kms(&server, admin(&server));
    // The default key policy trusts the account: enough for the user, not for Fargate, so the
    // task below runs with the key recorded but fails to get a data key.
    let key = keys.create_key().send().await.unwrap();
    let key_arn = key.key_metadata().unwrap().arn().unwrap().to_owned();

    let created = client
        .create_cluster()
        .cluster_name("typed")
        .configuration(storage_key(&key_arn))
        .send()
        .await
        .unwrap();
    let cluster = created.cluster().unwrap();
    assert_eq!(cluster.status(), Some("ACTIVE"));
    let described = client
        .describe_clusters()
        .clusters("typed")
        .clusters("nowhere")
        .include(ClusterField::Configurations)
        .send()
        .await
        .unwrap();
    let configuration = described.clusters()[0].configuration().unwrap();
    assert_eq!(
        configuration
            .managed_storage_configuration()
            .unwrap()
            .fargate_ephemeral_storage_kms_key_id(),
        Some(key_arn.as_str())
    );
    assert_eq!(described.failures()[0].reason(), Some("MISSING"));

    // An alias is refused, with ECS's error.
    let aliased = client
        .create_cluster()
        .cluster_name("aliased")
        .configuration(storage_key("alias/anything"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&aliased), "InvalidParameterException");

    // Fargate's rules at registration.
    let container = ContainerDefinition::builder()
        .name("app")
        .image("busybox:1.35")
        .entry_point("/bin/sh")
        .entry_point("-c")
        .command("sleep 600")
        .build();
    let too_small = client
        .register_task_definition()
        .family("typed")
        .network_mode(NetworkMode::Awsvpc)
        .requires_compatibilities(Compatibility::Fargate)
        .cpu("256")
        .memory("4096")
        .container_definitions(container.clone())
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&too_small), "ClientException");
    let registered = client
        .register_task_definition()
        .family("typed")
        .network_mode(NetworkMode::Awsvpc)
        .requires_compatibilities(Compatibility::Fargate)
        .cpu("256")
        .memory("512")
        .container_definitions(container)
        .send()
        .await
        .unwrap();
    let definition = registered.task_definition().unwrap();
    assert_eq!(definition.revision(), 1);
    assert!(
        definition
            .compatibilities()
            .contains(&Compatibility::Fargate)
    );
    assert_eq!(
        definition.container_definitions()[0].essential(),
        Some(true)
    );

    // A task: its shape, then its failure to get a data key (the key policy does not allow
    // Fargate), reported as ECS does.
    let network = NetworkConfiguration::builder()
        .awsvpc_configuration(
            AwsVpcConfiguration::builder()
                .subnets("subnet-1")
                .build()
                .unwrap(),
        )
        .build();
    let ran = client
        .run_task()
        .cluster("typed")
        .task_definition("typed")
        .launch_type(LaunchType::Fargate)
        .network_configuration(network)
        .send()
        .await
        .unwrap();
    let task = &ran.tasks()[0];
    let arn = task.task_arn().unwrap().to_owned();
    assert_eq!(
        task.fargate_ephemeral_storage().unwrap().kms_key_id(),
        Some(key_arn.as_str())
    );
    let mut stopped = None;
    for _ in 0..60 {
        let shown = client
            .describe_tasks()
            .cluster("typed")
            .tasks(&arn)
            .send()
            .await
            .unwrap();
        let task = shown.tasks()[0].clone();
        if task.last_status() == Some("STOPPED") {
            stopped = Some(task);
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let stopped = stopped.expect("the task stopped");
    assert_eq!(
        stopped.stop_code(),
        Some(&aws_sdk_ecs::types::TaskStopCode::TaskFailedToStart)
    );
    assert!(
        stopped
            .stopped_reason()
            .unwrap()
            .contains("AccessDeniedException")
    );

    // Errors in typed form.
    let missing = client
        .describe_tasks()
        .cluster("nowhere")
        .tasks("x")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&missing), "ClusterNotFoundException");
    assert!(
        missing
            .into_service_error()
            .is_cluster_not_found_exception()
    );

    // Pagination of the stopped tasks.
    let pages = client
        .list_tasks()
        .cluster("typed")
        .desired_status(aws_sdk_ecs::types::DesiredStatus::Stopped)
        .max_results(1)
        .into_paginator()
        .items()
        .send()
        .collect::<Vec<_>>()
        .await;
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].as_ref().unwrap(), &arn);
}

#[tokio::test(flavor = "multi_thread")]
async fn container_instances_and_attributes_in_typed_shapes() {
    use aws_sdk_ecs::types::{
        Attribute, ContainerInstanceField, ContainerInstanceStatus, Resource, TargetType,
    };
    let server = start();
    let client = ecs(&server, admin(&server));
    client
        .create_cluster()
        .cluster_name("default")
        .send()
        .await
        .unwrap();
    // The host's agent registers by itself.
    let mut local = None;
    for _ in 0..40 {
        let listed = client.list_container_instances().send().await.unwrap();
        if let Some(arn) = listed.container_instance_arns().first() {
            local = Some(arn.clone());
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let local = local.expect("the host registered as a container instance");
    let registered = client
        .register_container_instance()
        .total_resources(
            Resource::builder()
                .name("CPU")
                .r#type("INTEGER")
                .integer_value(1024)
                .build(),
        )
        .attributes(
            Attribute::builder()
                .name("stack")
                .value("green")
                .build()
                .unwrap(),
        )
        .tags(
            aws_sdk_ecs::types::Tag::builder()
                .key("team")
                .value("a")
                .build(),
        )
        .send()
        .await
        .unwrap();
    let external = registered.container_instance().unwrap();
    assert!(!external.agent_connected());
    assert_eq!(external.status(), Some("ACTIVE"));
    let external_arn = external.container_instance_arn().unwrap().to_owned();

    let described = client
        .describe_container_instances()
        .container_instances(&local)
        .container_instances(&external_arn)
        .container_instances("missing")
        .include(ContainerInstanceField::Tags)
        .include(ContainerInstanceField::ContainerInstanceHealth)
        .send()
        .await
        .unwrap();
    assert_eq!(described.container_instances().len(), 2);
    let health = |i: usize| {
        described.container_instances()[i]
            .health_status()
            .and_then(|h| h.overall_status())
            .map(|s| s.as_str().to_owned())
    };
    assert_eq!(health(0).as_deref(), Some("OK"));
    assert_eq!(health(1).as_deref(), Some("INSUFFICIENT_DATA"));
    assert!(described.container_instances()[0].agent_connected());
    assert_eq!(described.container_instances()[1].tags().len(), 1);
    assert_eq!(described.failures()[0].reason(), Some("MISSING"));

    let disconnected = client
        .list_container_instances()
        .filter("agentConnected == false and attribute:stack =~ gr*")
        .send()
        .await
        .unwrap();
    assert_eq!(
        disconnected.container_instance_arns(),
        std::slice::from_ref(&external_arn)
    );

    client
        .put_attributes()
        .attributes(
            Attribute::builder()
                .name("rack")
                .value("r1")
                .target_type(TargetType::ContainerInstance)
                .target_id(&local)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    let first = client
        .list_attributes()
        .target_type(TargetType::ContainerInstance)
        .attribute_name("rack")
        .max_results(1)
        .send()
        .await
        .unwrap();
    assert_eq!(first.attributes().len(), 1);
    assert_eq!(first.attributes()[0].target_id(), Some(local.as_str()));
    let unknown = client
        .put_attributes()
        .attributes(
            Attribute::builder()
                .name("rack")
                .target_id("0123456789abcdef")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&unknown), "TargetNotFoundException");
    let mut too_many = client.put_attributes();
    for i in 0..11 {
        too_many = too_many.attributes(
            Attribute::builder()
                .name(format!("a{i}"))
                .target_id(&local)
                .build()
                .unwrap(),
        );
    }
    assert_eq!(
        code(&too_many.send().await.unwrap_err()),
        "AttributeLimitExceededException"
    );

    let drained = client
        .update_container_instances_state()
        .container_instances(&external_arn)
        .status(ContainerInstanceStatus::Draining)
        .send()
        .await
        .unwrap();
    assert_eq!(drained.container_instances()[0].status(), Some("DRAINING"));
    let empty = client
        .describe_container_instances()
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&empty), "InvalidParameterException");
    // A tagging call that would pass 50 tags changes nothing; reserved keys stay.
    let cluster_arn = client
        .describe_clusters()
        .clusters("default")
        .send()
        .await
        .unwrap()
        .clusters()[0]
        .cluster_arn()
        .unwrap()
        .to_owned();
    let tag = |i: usize| {
        aws_sdk_ecs::types::Tag::builder()
            .key(format!("k{i}"))
            .value("v")
            .build()
    };
    let mut first = client.tag_resource().resource_arn(&cluster_arn);
    for i in 0..45 {
        first = first.tags(tag(i));
    }
    first.send().await.unwrap();
    let mut second = client.tag_resource().resource_arn(&cluster_arn);
    for i in 45..55 {
        second = second.tags(tag(i));
    }
    let refused = second.send().await.unwrap_err();
    assert_eq!(code(&refused), "InvalidParameterException");
    let kept = client
        .list_tags_for_resource()
        .resource_arn(&cluster_arn)
        .send()
        .await
        .unwrap();
    assert_eq!(kept.tags().len(), 45);
    let reserved = client
        .untag_resource()
        .resource_arn(&cluster_arn)
        .tag_keys("aws:ecs:clusterName")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&reserved), "InvalidParameterException");
    // No Service Connect namespace exists (there is no Cloud Map).
    let namespace = client
        .list_services_by_namespace()
        .namespace("prod")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&namespace), "NamespaceNotFoundException");
}

#[tokio::test(flavor = "multi_thread")]
async fn managed_instances_capacity_providers_in_typed_shapes() {
    use aws_sdk_ecs::types::{
        CapacityProviderField, CapacityProviderStatus, CapacityProviderType,
        CreateManagedInstancesProviderConfiguration, InstanceLaunchTemplate,
        InstanceLaunchTemplateUpdate, ManagedInstancesMonitoringOptions,
        ManagedInstancesNetworkConfiguration, UpdateManagedInstancesProviderConfiguration,
    };
    let server = start();
    let client = ecs(&server, admin(&server));
    let account = server.credentials().account;
    let role = format!("arn:aws:iam::{account}:role/ecsInfrastructureRole");
    client
        .create_cluster()
        .cluster_name("mi")
        .send()
        .await
        .unwrap();
    let template = InstanceLaunchTemplate::builder()
        .ec2_instance_profile_arn(format!(
            "arn:aws:iam::{account}:instance-profile/ecsInstanceRole"
        ))
        .network_configuration(
            ManagedInstancesNetworkConfiguration::builder()
                .subnets("subnet-12345678")
                .build(),
        )
        .build()
        .unwrap();
    let created = client
        .create_capacity_provider()
        .name("mi-cp")
        .cluster("mi")
        .managed_instances_provider(
            CreateManagedInstancesProviderConfiguration::builder()
                .infrastructure_role_arn(&role)
                .instance_launch_template(template)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    let provider = created.capacity_provider().unwrap();
    assert_eq!(
        provider.r#type(),
        Some(&CapacityProviderType::ManagedInstances)
    );
    assert_eq!(provider.status(), Some(&CapacityProviderStatus::Active));

    let updated = client
        .update_capacity_provider()
        .name("mi-cp")
        .cluster("mi")
        .managed_instances_provider(
            UpdateManagedInstancesProviderConfiguration::builder()
                .infrastructure_role_arn(&role)
                .instance_launch_template(
                    InstanceLaunchTemplateUpdate::builder()
                        .monitoring(ManagedInstancesMonitoringOptions::Detailed)
                        .build(),
                )
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    let template = updated
        .capacity_provider()
        .and_then(|p| p.managed_instances_provider())
        .and_then(|m| m.instance_launch_template())
        .unwrap();
    assert_eq!(
        template.monitoring(),
        Some(&ManagedInstancesMonitoringOptions::Detailed)
    );
    assert_eq!(
        template.network_configuration().unwrap().subnets(),
        ["subnet-12345678"]
    );

    // One page of one, then the rest; a missing provider is a failure, not an error.
    let first = client
        .describe_capacity_providers()
        .max_results(1)
        .include(CapacityProviderField::Tags)
        .send()
        .await
        .unwrap();
    assert_eq!(first.capacity_providers()[0].name(), Some("FARGATE"));
    let rest = client
        .describe_capacity_providers()
        .next_token(first.next_token().unwrap())
        .send()
        .await
        .unwrap();
    let names: Vec<_> = rest
        .capacity_providers()
        .iter()
        .filter_map(|p| p.name())
        .collect();
    assert_eq!(names, ["FARGATE_SPOT", "mi-cp"]);
    let missing = client
        .describe_capacity_providers()
        .capacity_providers("nope")
        .send()
        .await
        .unwrap();
    assert_eq!(missing.failures()[0].reason(), Some("MISSING"));

    let reserved = client
        .delete_capacity_provider()
        .capacity_provider("FARGATE")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&reserved), "InvalidParameterException");
    let deleted = client
        .delete_capacity_provider()
        .capacity_provider("mi-cp")
        .cluster("mi")
        .send()
        .await
        .unwrap();
    assert_eq!(
        deleted.capacity_provider().unwrap().status(),
        Some(&CapacityProviderStatus::Deprovisioning)
    );
}

/// A Fargate task definition `family` that registers without running anything.
async fn fargate_definition(client: &aws_sdk_ecs::Client, family: &str) {
    client
        .register_task_definition()
        .family(family)
        .network_mode(NetworkMode::Awsvpc)
        .requires_compatibilities(Compatibility::Fargate)
        .cpu("256")
        .memory("512")
        .container_definitions(
            ContainerDefinition::builder()
                .name("app")
                .image("busybox:1.35")
                .build(),
        )
        .send()
        .await
        .unwrap();
}

fn subnet() -> NetworkConfiguration {
    NetworkConfiguration::builder()
        .awsvpc_configuration(
            AwsVpcConfiguration::builder()
                .subnets("subnet-1")
                .build()
                .unwrap(),
        )
        .build()
}

#[tokio::test(flavor = "multi_thread")]
async fn task_and_service_calls_ask_for_their_resources_and_cluster() {
    use aws_sdk_ecs::types::{
        CreateManagedInstancesProviderConfiguration, InstanceLaunchTemplate,
        ManagedInstancesNetworkConfiguration,
    };
    let server = start();
    let admin_client = ecs(&server, admin(&server));
    let account = server.credentials().account;
    for cluster in ["allowed", "other"] {
        admin_client
            .create_cluster()
            .cluster_name(cluster)
            .send()
            .await
            .unwrap();
    }
    let allowed = format!("arn:aws:ecs:us-east-1:{account}:cluster/allowed");
    let policy = format!(
        r#"{{"Version": "2012-10-17", "Statement": [
            {{"Effect": "Allow", "Action": ["ecs:DescribeTasks", "ecs:StopTask"],
              "Resource": "arn:aws:ecs:*:*:task/allowed/*",
              "Condition": {{"StringEquals": {{"ecs:cluster": "{allowed}"}}}}}},
            {{"Effect": "Allow", "Action": "ecs:RunTask",
              "Resource": "arn:aws:ecs:*:*:task-definition/web:*"}},
            {{"Effect": "Allow", "Action": ["ecs:CreateService", "ecs:DescribeServices"],
              "Resource": "arn:aws:ecs:*:*:service/allowed/*"}},
            {{"Effect": "Allow", "Action": "ecs:CreateCapacityProvider", "Resource": "*"}}
        ]}}"#
    );
    let user = ecs(
        &server,
        crate::common::user_with_policy(&server, "operator", Some(&policy)).await,
    );

    // Tasks of the allowed cluster, by id or ARN: allowed (and missing); of another: denied.
    let described = user
        .describe_tasks()
        .cluster("allowed")
        .tasks("0123456789abcdef")
        .send()
        .await
        .unwrap();
    assert_eq!(described.failures()[0].reason(), Some("MISSING"));
    let elsewhere = user
        .describe_tasks()
        .cluster("other")
        .tasks("0123456789abcdef")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&elsewhere), "AccessDeniedException");

    // RunTask asks on the family's revisions: past authorization for `web` (it then does not
    // exist), denied for another family.
    let web = user
        .run_task()
        .cluster("allowed")
        .task_definition("web")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&web), "InvalidParameterException");
    let other = user
        .run_task()
        .cluster("allowed")
        .task_definition("batch")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&other), "AccessDeniedException");

    // Services are asked for by ARN under their cluster.
    let denied = user
        .create_service()
        .cluster("other")
        .service_name("svc")
        .task_definition("web")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&denied), "AccessDeniedException");

    // Handing ECS an infrastructure role is passing it: without iam:PassRole, denied.
    let provider = user
        .create_capacity_provider()
        .name("mi-cp")
        .cluster("allowed")
        .managed_instances_provider(
            CreateManagedInstancesProviderConfiguration::builder()
                .infrastructure_role_arn(format!("arn:aws:iam::{account}:role/infra"))
                .instance_launch_template(
                    InstanceLaunchTemplate::builder()
                        .ec2_instance_profile_arn(format!(
                            "arn:aws:iam::{account}:instance-profile/p"
                        ))
                        .network_configuration(
                            ManagedInstancesNetworkConfiguration::builder()
                                .subnets("subnet-1")
                                .build(),
                        )
                        .build()
                        .unwrap(),
                )
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap_err();
    let (code, message) = crate::common::code_and_message(&provider);
    assert_eq!(code, "AccessDeniedException");
    assert!(message.contains("iam:PassRole"), "{message}");
}

#[tokio::test(flavor = "multi_thread")]
async fn services_refuse_what_they_cannot_honour_and_apply_what_they_can() {
    use aws_sdk_ecs::types::{
        CapacityProviderStrategyItem, DeploymentController, DeploymentControllerType,
        PlacementStrategy, PlacementStrategyType, PropagateTags, ServiceRegistry,
        TaskVolumeConfiguration,
    };
    let server = start();
    let client = ecs(&server, admin(&server));
    client
        .create_cluster()
        .cluster_name("svc")
        .send()
        .await
        .unwrap();
    fargate_definition(&client, "web").await;
    let create = || {
        client
            .create_service()
            .cluster("svc")
            .service_name("web")
            .task_definition("web")
            .launch_type(LaunchType::Fargate)
            .desired_count(0)
            .network_configuration(subnet())
    };

    let grace = create()
        .health_check_grace_period_seconds(30)
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&grace), "InvalidParameterException");
    let registries = create()
        .service_registries(
            ServiceRegistry::builder()
                .registry_arn("arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1")
                .build(),
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&registries), "UnsupportedFeatureException");
    let controller = create()
        .deployment_controller(
            DeploymentController::builder()
                .r#type(DeploymentControllerType::CodeDeploy)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&controller), "UnsupportedFeatureException");

    // The same client token is the same call; another is not.
    let first = create().client_token("once").send().await.unwrap();
    let again = create().client_token("once").send().await.unwrap();
    assert_eq!(
        first.service().unwrap().service_arn(),
        again.service().unwrap().service_arn()
    );
    let different = create().client_token("twice").send().await.unwrap_err();
    assert_eq!(code(&different), "InvalidParameterException");

    // What an update can change is kept and shown; a Fargate service takes no placement
    // strategy, and a new capacity provider strategy is refused.
    let updated = client
        .update_service()
        .cluster("svc")
        .service("web")
        .propagate_tags(PropagateTags::Service)
        .enable_execute_command(true)
        .send()
        .await
        .unwrap();
    let service = updated.service().unwrap();
    assert_eq!(service.propagate_tags(), Some(&PropagateTags::Service));
    assert!(service.enable_execute_command());
    let placed = client
        .update_service()
        .cluster("svc")
        .service("web")
        .placement_strategy(
            PlacementStrategy::builder()
                .r#type(PlacementStrategyType::Random)
                .build(),
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&placed), "InvalidParameterException");
    let strategy = client
        .update_service()
        .cluster("svc")
        .service("web")
        .capacity_provider_strategy(
            CapacityProviderStrategyItem::builder()
                .capacity_provider("FARGATE_SPOT")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&strategy), "UnsupportedFeatureException");

    // Tasks: EBS volumes at launch and daemons are refused, not ignored.
    let volumes = client
        .run_task()
        .cluster("svc")
        .task_definition("web")
        .launch_type(LaunchType::Fargate)
        .network_configuration(subnet())
        .volume_configurations(
            TaskVolumeConfiguration::builder()
                .name("data")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&volumes), "InvalidParameterException");
    let daemon = client
        .list_tasks()
        .cluster("svc")
        .daemon_name("agent")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&daemon), "InvalidParameterException");
}

#[tokio::test(flavor = "multi_thread")]
async fn passing_a_task_role_needs_iam_pass_role_to_ecs_tasks() {
    use aws_sdk_ecs::types::TaskOverride;
    let server = start();
    let admin_client = ecs(&server, admin(&server));
    admin_client
        .create_cluster()
        .cluster_name("roles")
        .send()
        .await
        .unwrap();
    let account = server.credentials().account;
    let role = format!("arn:aws:iam::{account}:role/app");
    let other = format!("arn:aws:iam::{account}:role/other");
    let policy = format!(
        r#"{{"Version": "2012-10-17", "Statement": [
            {{"Effect": "Allow", "Action": ["ecs:RegisterTaskDefinition", "ecs:RunTask"],
              "Resource": "*"}},
            {{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "{role}",
              "Condition": {{"StringEquals": {{"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}}}}
        ]}}"#
    );
    let user = ecs(
        &server,
        crate::common::user_with_policy(&server, "deployer", Some(&policy)).await,
    );
    let register = |task_role: &str| {
        user.register_task_definition()
            .family("app")
            .task_role_arn(task_role)
            .network_mode(NetworkMode::Awsvpc)
            .requires_compatibilities(Compatibility::Fargate)
            .cpu("256")
            .memory("512")
            .container_definitions(
                ContainerDefinition::builder()
                    .name("app")
                    .image("busybox:1.35")
                    .build(),
            )
    };
    // The role the policy lets it pass, to ECS's tasks: registered.
    register(&role).send().await.unwrap();
    // Another role: denied, naming the action.
    let denied = register(&other).send().await.unwrap_err();
    let (code, message) = crate::common::code_and_message(&denied);
    assert_eq!(code, "AccessDeniedException");
    assert!(message.contains("iam:PassRole"), "{message}");
    // The same in RunTask's overrides.
    let overridden = user
        .run_task()
        .cluster("roles")
        .task_definition("app")
        .overrides(TaskOverride::builder().task_role_arn(&other).build())
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        crate::common::code_and_message(&overridden).0,
        "AccessDeniedException"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn task_definitions_that_need_an_execution_role_name_one() {
    use aws_sdk_ecs::types::{LogConfiguration, LogDriver, Secret};
    let server = start();
    let client = ecs(&server, admin(&server));
    let account = server.credentials().account;
    let register = |container: ContainerDefinition| {
        client
            .register_task_definition()
            .family("needs-role")
            .network_mode(NetworkMode::Awsvpc)
            .requires_compatibilities(Compatibility::Fargate)
            .cpu("256")
            .memory("512")
            .container_definitions(container)
    };
    let with_secret = ContainerDefinition::builder()
        .name("app")
        .image("busybox:1.35")
        .secrets(
            Secret::builder()
                .name("TOKEN")
                .value_from(format!(
                    "arn:aws:secretsmanager:us-east-1:{account}:secret:token"
                ))
                .build()
                .unwrap(),
        )
        .build();
    let refused = register(with_secret.clone()).send().await.unwrap_err();
    let (code, message) = crate::common::code_and_message(&refused);
    assert_eq!(code, "ClientException");
    assert!(message.contains("'executionRoleArn'"), "{message}");
    let logged = ContainerDefinition::builder()
        .name("app")
        .image("busybox:1.35")
        .log_configuration(
            LogConfiguration::builder()
                .log_driver(LogDriver::Awslogs)
                .build()
                .unwrap(),
        )
        .build();
    let refused = register(logged).send().await.unwrap_err();
    let (code, message) = crate::common::code_and_message(&refused);
    assert_eq!(code, "ClientException");
    assert!(message.contains("log driver awslogs"), "{message}");
    // With an execution role, both register.
    register(with_secret)
        .execution_role_arn(format!("arn:aws:iam::{account}:role/exec"))
        .send()
        .await
        .unwrap();
}
