//! IAM and STS roles through the Rust SDK (strict about required response members).

use aws_sdk_sts::config::Credentials;

use crate::common::{admin, cloudtrail, code, iam, start, sts};

#[tokio::test(flavor = "multi_thread")]
async fn users_policies_and_roles() {
    let server = start();
    let account = server.credentials().account;
    let client = iam(&server, admin(&server));
    let user = client.create_user().user_name("hana").send().await.unwrap();
    assert_eq!(
        user.user().unwrap().arn(),
        format!("arn:aws:iam::{account}:user/hana")
    );
    let key = client
        .create_access_key()
        .user_name("hana")
        .send()
        .await
        .unwrap();
    let key = key.access_key().unwrap();
    let hana = Credentials::new(
        key.access_key_id(),
        key.secret_access_key(),
        None,
        None,
        "t",
    );

    let denied = cloudtrail(&server, hana.clone())
        .lookup_events()
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        denied
            .as_service_error()
            .and_then(aws_sdk_cloudtrail::error::ProvideErrorMetadata::code),
        Some("AccessDeniedException")
    );

    let document = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cloudtrail:LookupEvents","sts:AssumeRole"],"Resource":"*"}]}"#;
    let policy = client
        .create_policy()
        .policy_name("trail")
        .policy_document(document)
        .send()
        .await
        .unwrap();
    let arn = policy.policy().unwrap().arn().unwrap().to_owned();
    client
        .attach_user_policy()
        .user_name("hana")
        .policy_arn(&arn)
        .send()
        .await
        .unwrap();
    cloudtrail(&server, hana.clone())
        .lookup_events()
        .send()
        .await
        .unwrap();
    let listed = client
        .list_attached_user_policies()
        .user_name("hana")
        .send()
        .await
        .unwrap();
    assert_eq!(
        listed.attached_policies()[0].policy_arn(),
        Some(arn.as_str())
    );

    let trust = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{account}:root"}},"Action":"sts:AssumeRole"}}]}}"#
    );
    let role = client
        .create_role()
        .role_name("ops")
        .assume_role_policy_document(trust)
        .send()
        .await
        .unwrap();
    let role_arn = role.role().unwrap().arn().to_owned();
    let role_policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}"#;
    client
        .put_role_policy()
        .role_name("ops")
        .policy_name("users")
        .policy_document(role_policy)
        .send()
        .await
        .unwrap();
    let assumed = sts(&server, hana)
        .assume_role()
        .role_arn(&role_arn)
        .role_session_name("sdk")
        .send()
        .await
        .unwrap();
    assert_eq!(
        assumed.assumed_role_user().unwrap().arn(),
        format!("arn:aws:sts::{account}:assumed-role/ops/sdk")
    );
    let c = assumed.credentials().unwrap();
    let session = Credentials::new(
        c.access_key_id(),
        c.secret_access_key(),
        Some(c.session_token().to_owned()),
        None,
        "t",
    );
    let users = iam(&server, session.clone())
        .list_users()
        .send()
        .await
        .unwrap();
    assert_eq!(users.users().len(), 2);
    let err = iam(&server, session)
        .create_user()
        .user_name("x")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.as_service_error()
            .and_then(aws_sdk_iam::error::ProvideErrorMetadata::code),
        Some("AccessDenied")
    );

    let duplicate = client
        .create_user()
        .user_name("hana")
        .send()
        .await
        .unwrap_err();
    assert!(
        duplicate
            .as_service_error()
            .unwrap()
            .is_entity_already_exists_exception()
    );
    let missing = client
        .get_role()
        .role_name("nope")
        .send()
        .await
        .unwrap_err();
    assert!(
        missing
            .as_service_error()
            .unwrap()
            .is_no_such_entity_exception()
    );
    let malformed = client
        .put_user_policy()
        .user_name("hana")
        .policy_name("p")
        .policy_document("{}")
        .send()
        .await
        .unwrap_err();
    assert!(
        malformed
            .as_service_error()
            .unwrap()
            .is_malformed_policy_document_exception()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn boundaries_and_role_tags_parse_in_the_sdk() {
    use aws_sdk_iam::types::{PermissionsBoundaryAttachmentType, Tag};

    let server = start();
    let account = server.credentials().account;
    let client = iam(&server, admin(&server));
    let everything =
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
    let boundary = client
        .create_policy()
        .policy_name("cap")
        .policy_document(everything)
        .send()
        .await
        .unwrap()
        .policy()
        .unwrap()
        .arn()
        .unwrap()
        .to_owned();
    let trust = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{account}:root"}},"Action":"sts:AssumeRole"}}]}}"#
    );
    let tag = Tag::builder().key("team").value("blue").build().unwrap();
    client
        .create_role()
        .role_name("capped")
        .assume_role_policy_document(trust)
        .permissions_boundary(&boundary)
        .tags(tag.clone())
        .send()
        .await
        .unwrap();
    let role = client.get_role().role_name("capped").send().await.unwrap();
    let role = role.role().unwrap();
    let attached = role.permissions_boundary().unwrap();
    assert_eq!(attached.permissions_boundary_arn(), Some(boundary.as_str()));
    assert_eq!(
        attached.permissions_boundary_type(),
        Some(&PermissionsBoundaryAttachmentType::Policy)
    );
    assert_eq!(role.tags(), [tag]);
    let tags = client
        .list_role_tags()
        .role_name("capped")
        .send()
        .await
        .unwrap();
    assert_eq!(tags.tags().len(), 1);
    let usage = client
        .get_policy()
        .policy_arn(&boundary)
        .send()
        .await
        .unwrap();
    assert_eq!(
        usage.policy().unwrap().permissions_boundary_usage_count(),
        Some(1)
    );
    client
        .delete_role_permissions_boundary()
        .role_name("capped")
        .send()
        .await
        .unwrap();
    client
        .delete_policy()
        .policy_arn(&boundary)
        .send()
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn aws_managed_policies_parse_in_the_sdk() {
    use aws_sdk_iam::types::PolicyScopeType;

    let server = start();
    let client = iam(&server, admin(&server));
    let listed = client
        .list_policies()
        .scope(PolicyScopeType::Aws)
        .path_prefix("/service-role/")
        .send()
        .await
        .unwrap();
    let execution = listed
        .policies()
        .iter()
        .find(|p| p.policy_name() == Some("AmazonECSTaskExecutionRolePolicy"))
        .expect("the task execution role's policy is listed");
    let arn = execution.arn().unwrap();
    assert_eq!(
        arn,
        "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
    );
    assert!(execution.create_date() <= execution.update_date());
    let got = client.get_policy().policy_arn(arn).send().await.unwrap();
    let policy = got.policy().unwrap();
    assert_eq!(policy.default_version_id(), Some("v1"));
    assert!(policy.is_attachable());
    let version = client
        .get_policy_version()
        .policy_arn(arn)
        .version_id("v1")
        .send()
        .await
        .unwrap();
    let document = version.policy_version().unwrap().document().unwrap();
    assert!(document.contains("GetAuthorizationToken"), "{document}");
}

/// Every file below `dir` but the bootstrap `credentials` file, as bytes.
fn data_files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(data_files(&path));
        } else if path.file_name().is_some_and(|n| n != "credentials") {
            out.push((path.clone(), std::fs::read(&path).unwrap_or_default()));
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn credential_secrets_never_reach_the_data_directory_in_clear() {
    let mut server = start();
    let client = iam(&server, admin(&server));
    client
        .create_user()
        .user_name("carol")
        .send()
        .await
        .unwrap();
    let created = client
        .create_access_key()
        .user_name("carol")
        .send()
        .await
        .unwrap();
    let key = created.access_key().unwrap();
    let deleted = client
        .create_access_key()
        .user_name("carol")
        .send()
        .await
        .unwrap();
    let deleted = deleted.access_key().unwrap();
    client
        .delete_access_key()
        .user_name("carol")
        .access_key_id(deleted.access_key_id())
        .send()
        .await
        .unwrap();
    let session = sts(&server, admin(&server))
        .get_session_token()
        .send()
        .await
        .unwrap();
    let session = session.credentials().unwrap();
    let carol = Credentials::new(
        key.access_key_id(),
        key.secret_access_key(),
        None,
        None,
        "t",
    );
    sts(&server, carol.clone())
        .get_caller_identity()
        .send()
        .await
        .unwrap();
    assert!(server.terminate(), "a clean stop");
    let secrets = [
        key.secret_access_key(),
        deleted.secret_access_key(),
        session.secret_access_key(),
        session.session_token(),
        &server.credentials().secret_access_key,
    ];
    for (path, bytes) in data_files(server.data_dir()) {
        for secret in secrets {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "a secret is in clear in {}",
                path.display()
            );
        }
    }
    // Restarted, the wrapped secret still verifies the key's signatures.
    server.restart();
    sts(&server, carol)
        .get_caller_identity()
        .send()
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn list_filters_pages_descriptions_and_refusals() {
    use aws_sdk_iam::types::{PolicyScopeType, PolicyUsageType};

    let server = start();
    let client = iam(&server, admin(&server));
    for (name, path) in [("ana", "/team/a/"), ("bo", "/team/b/"), ("cy", "/team/a/")] {
        client
            .create_user()
            .user_name(name)
            .path(path)
            .send()
            .await
            .unwrap();
    }
    let under_a = client
        .list_users()
        .path_prefix("/team/a/")
        .send()
        .await
        .unwrap();
    let names: Vec<&str> = under_a.users().iter().map(|u| u.user_name()).collect();
    assert_eq!(names, ["ana", "cy"]);
    let first = client
        .list_users()
        .path_prefix("/team/")
        .max_items(2)
        .send()
        .await
        .unwrap();
    assert!(first.is_truncated());
    let rest = client
        .list_users()
        .path_prefix("/team/")
        .marker(first.marker().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(rest.users().len(), 1);
    assert!(!rest.is_truncated());

    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    client
        .create_role()
        .role_name("app")
        .assume_role_policy_document(trust)
        .description("runs the app")
        .send()
        .await
        .unwrap();
    let role = client.get_role().role_name("app").send().await.unwrap();
    assert_eq!(role.role().unwrap().description(), Some("runs the app"));

    let document = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#;
    let tagged = client
        .create_policy()
        .policy_name("tagged")
        .policy_document(document)
        .tags(
            aws_sdk_iam::types::Tag::builder()
                .key("team")
                .value("a")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&tagged), "InvalidInput");
    let cap = client
        .create_policy()
        .policy_name("cap")
        .policy_document(document)
        .send()
        .await
        .unwrap();
    let cap = cap.policy().unwrap().arn().unwrap().to_owned();
    client
        .create_policy()
        .policy_name("unused")
        .policy_document(document)
        .send()
        .await
        .unwrap();
    client
        .put_user_permissions_boundary()
        .user_name("ana")
        .permissions_boundary(&cap)
        .send()
        .await
        .unwrap();
    let boundaries = client
        .list_policies()
        .scope(PolicyScopeType::Local)
        .policy_usage_filter(PolicyUsageType::PermissionsBoundary)
        .send()
        .await
        .unwrap();
    let names: Vec<&str> = boundaries
        .policies()
        .iter()
        .filter_map(|p| p.policy_name())
        .collect();
    assert_eq!(names, ["cap"]);

    let scenario = client
        .simulate_custom_policy()
        .policy_input_list(document)
        .action_names("s3:GetObject")
        .resource_owner("arn:aws:iam::210987654321:root")
        .send()
        .await
        .unwrap_err();
    assert_eq!(code(&scenario), "InvalidInput");
}
