//! The IAM API (query protocol): users, groups, roles, access keys, managed and inline
//! policies, tags and permissions boundaries. Each operation is a unit: its access (the user,
//! group or role it acts on, the tags it sets, the boundary it sets or changes under) declared
//! beside its handler, typed input to typed output; the XML comes from the model.

use std::sync::Arc;

use neargate_common::{AwsError, Common, Principal};
use neargate_model::iam::Error as IamCode;
use neargate_model::iam::{
    AccessKey as AccessKeyOut, AccessKeyMetadata, AttachedPermissionsBoundary, AttachedPolicy,
    CreateAccessKeyRequest, CreateAccessKeyResponse, CreateGroupRequest, CreateGroupResponse,
    CreatePolicyRequest, CreatePolicyResponse, CreatePolicyVersionRequest,
    CreatePolicyVersionResponse, CreateRoleRequest, CreateRoleResponse, CreateUserRequest,
    CreateUserResponse, GetGroupPolicyResponse, GetGroupResponse, GetPolicyResponse,
    GetPolicyVersionResponse, GetRolePolicyResponse, GetRoleResponse, GetUserPolicyResponse,
    GetUserResponse, ListAccessKeysResponse, ListAttachedGroupPoliciesResponse,
    ListAttachedRolePoliciesResponse, ListAttachedUserPoliciesResponse, ListGroupPoliciesResponse,
    ListGroupsForUserResponse, ListGroupsResponse, ListPoliciesResponse, ListRolePoliciesResponse,
    ListRoleTagsResponse, ListRolesResponse, ListUserPoliciesResponse, ListUserTagsResponse,
    ListUsersResponse, PermissionsBoundaryAttachmentType, PolicyScopeType, PolicyUsageType,
    StatusType, Tag, ops,
};
use neargate_model::{Access, ConditionKey, Empty, Handler, Question, Resource, Time};
use serde_json::{Value, json};

use crate::Iam;
use crate::domain::groups::Group;
use crate::domain::managed::{PolicyScope, PolicyUsage};
use crate::domain::records::Holder;
use crate::domain::records::IamError;
use crate::domain::records::KeyStatus;
use crate::domain::records::Role;
use crate::domain::records::User;
use crate::domain::records::{ManagedPolicy, PolicyVersion};
use crate::domain::roles::NewRole;
use crate::domain::tags::TagChange;

/// What an IAM call acts on: the user, group or role it names, or (naming none) the caller.
#[derive(Debug, Clone, Copy)]
enum Target<'n> {
    User(&'n str),
    Group(&'n str),
    Role(&'n str),
    Caller,
}

/// How a call touches a permissions boundary (`iam:PermissionsBoundary`).
#[derive(Debug, Clone, Copy)]
enum Boundary<'n> {
    /// Not at all.
    Untouched,
    /// It sets this one.
    Set(&'n str),
    /// It changes the permissions of a user or role: the boundary it has now.
    Current,
}

impl Iam {
    /// The access of `iam:<operation>` on `target`: the target's ARN as the resource, the tags
    /// the call sets (`aws:RequestTag/…`, `aws:TagKeys`) and the boundary it sets; the target's
    /// tags (`aws:ResourceTag/…`, `iam:ResourceTag/…`) and current boundary cost a read, so they
    /// are read only when a policy that applies can look at them.
    fn access_on(
        &self,
        caller: &Principal,
        operation: &str,
        target: Target<'_>,
        context: Vec<ConditionKey>,
        boundary: Boundary<'_>,
    ) -> Access<'_> {
        let account = &caller.account;
        let resource = match target {
            Target::User(name) => format!("arn:aws:iam::{account}:user/{name}"),
            Target::Group(name) => format!("arn:aws:iam::{account}:group/{name}"),
            Target::Role(name) => format!("arn:aws:iam::{account}:role/{name}"),
            Target::Caller => caller.arn.clone(),
        };
        let mut question =
            Question::plain(format!("iam:{operation}"), resource).with_context(context);
        if let Boundary::Set(arn) = boundary {
            question
                .context
                .push(("iam:PermissionsBoundary".to_owned(), vec![arn.to_owned()]));
        }
        let current_boundary = matches!(boundary, Boundary::Current);
        let (account, entity) = (account.clone(), entity(target));
        if let Some(entity) = entity {
            question.deferred = Some(Box::new(move || {
                self.entity_keys(&account, &entity, current_boundary)
                    .map_err(to_aws)
            }));
        }
        Access::one(question)
    }

    /// The condition keys of the user or role `entity` that cost a read: its tags, and its
    /// boundary when `boundary` asks for it. None if it does not exist (the call answers
    /// `NoSuchEntity`).
    fn entity_keys(
        &self,
        account: &str,
        entity: &Entity,
        boundary: bool,
    ) -> Result<Vec<ConditionKey>, IamError> {
        let (tags, current) = match entity {
            Entity::User(name) => match self.user(account, name)? {
                Some(user) => (user.tags.clone(), user.permissions_boundary.clone()),
                None => return Ok(Vec::new()),
            },
            Entity::Role(name) => match self.role(account, name) {
                Ok(role) => (role.tags, role.permissions_boundary),
                Err(IamError::NoSuchEntity(_)) => return Ok(Vec::new()),
                Err(e) => return Err(e),
            },
        };
        let mut context = Vec::new();
        for (key, value) in tags {
            context.push((format!("aws:ResourceTag/{key}"), vec![value.clone()]));
            context.push((format!("iam:ResourceTag/{key}"), vec![value]));
        }
        if let Some(arn) = current.filter(|_| boundary) {
            context.push(("iam:PermissionsBoundary".to_owned(), vec![arn]));
        }
        Ok(context)
    }
}

impl Iam {
    /// The access of creating the user or role `target` with `tags` and `boundary`.
    fn creation_access(
        &self,
        caller: &Principal,
        operation: &str,
        target: Target<'_>,
        tags: Option<&[Tag]>,
        boundary: Option<&str>,
    ) -> Access<'_> {
        let context = request_tags(tags.unwrap_or_default());
        let boundary = boundary.map_or(Boundary::Untouched, Boundary::Set);
        self.access_on(caller, operation, target, context, boundary)
    }
}

/// A user or role whose tags policies may test.
#[derive(Debug, Clone)]
enum Entity {
    User(String),
    Role(String),
}

fn entity(target: Target<'_>) -> Option<Entity> {
    match target {
        Target::User(name) => Some(Entity::User(name.to_owned())),
        Target::Role(name) => Some(Entity::Role(name.to_owned())),
        Target::Group(_) | Target::Caller => None,
    }
}

/// `aws:RequestTag/…` and `aws:TagKeys` of the tags a request sets.
fn request_tags(tags: &[Tag]) -> Vec<ConditionKey> {
    if tags.is_empty() {
        return Vec::new();
    }
    let mut context: Vec<ConditionKey> = tags
        .iter()
        .map(|t| (format!("aws:RequestTag/{}", t.key), vec![t.value.clone()]))
        .collect();
    context.push((
        "aws:TagKeys".to_owned(),
        tags.iter().map(|t| t.key.clone()).collect(),
    ));
    context
}

/// `aws:TagKeys` of the tags a request removes.
fn removed_tags(keys: &[String]) -> Vec<ConditionKey> {
    vec![("aws:TagKeys".to_owned(), keys.to_vec())]
}

/// Tags as stored.
fn tag_pairs(tags: Option<Vec<Tag>>) -> Vec<(String, String)> {
    tags.unwrap_or_default()
        .into_iter()
        .map(|t| (t.key, t.value))
        .collect()
}

/// Tags as the model writes them.
fn tags_out(tags: &[(String, String)]) -> Vec<Tag> {
    tags.iter()
        .map(|(key, value)| Tag {
            key: key.clone(),
            value: value.clone(),
        })
        .collect()
}

/// Items per page when `MaxItems` is not given, as on AWS (the model bounds `MaxItems`).
const DEFAULT_ITEMS: usize = 100;

/// One page of a list: its items, whether more follow, and the marker of the next page.
struct Page<T> {
    items: Vec<T>,
    truncated: Option<bool>,
    marker: Option<String>,
}

/// The page of `items` that `marker` and `max_items` select.
fn page<T>(
    items: Vec<T>,
    max_items: Option<i32>,
    marker: Option<&str>,
) -> Result<Page<T>, AwsError> {
    let max = max_items
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(DEFAULT_ITEMS);
    let start: usize = match marker {
        None => 0,
        Some(marker) => hex::decode(marker)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|t| t.strip_prefix("page:").and_then(|n| n.parse().ok()))
            .ok_or_else(|| Common::ValidationError.with("Invalid Marker."))?,
    };
    let total = items.len();
    let end = start.saturating_add(max).min(total);
    let items = items
        .into_iter()
        .skip(start.min(total))
        .take(end.saturating_sub(start))
        .collect();
    let more = end < total;
    Ok(Page {
        items,
        truncated: Some(more),
        marker: more.then(|| hex::encode(format!("page:{end}"))),
    })
}

/// Whether `path` lies under `prefix` (`/` when not given).
fn under(path: &str, prefix: Option<&str>) -> bool {
    path.starts_with(prefix.unwrap_or("/"))
}

/// How much of a user or role a response shows: list operations leave out the permissions
/// boundary and tags, as on AWS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    Full,
    Listed,
}

/// A permissions boundary as the model writes it (the model's type name; live IAM says
/// `Policy`, clients accept either).
fn boundary_out(arn: Option<&str>) -> Option<AttachedPermissionsBoundary> {
    arn.map(|arn| AttachedPermissionsBoundary {
        permissions_boundary_type: Some(
            PermissionsBoundaryAttachmentType::PermissionsBoundaryPolicy,
        ),
        permissions_boundary_arn: Some(arn.to_owned()),
    })
}

fn user_out(user: &User, detail: Detail) -> neargate_model::iam::User {
    let full = detail == Detail::Full;
    neargate_model::iam::User {
        path: user.path.clone(),
        user_name: user.name.clone(),
        user_id: user.user_id.clone(),
        arn: user.arn(),
        create_date: Time(user.created),
        permissions_boundary: boundary_out(user.permissions_boundary.as_deref().filter(|_| full)),
        tags: (full && !user.tags.is_empty()).then(|| tags_out(&user.tags)),
        password_last_used: None,
    }
}

fn role_out(role: &Role, detail: Detail) -> neargate_model::iam::Role {
    let full = detail == Detail::Full;
    neargate_model::iam::Role {
        path: role.path.clone(),
        role_name: role.name.clone(),
        role_id: role.role_id.clone(),
        arn: role.arn(),
        create_date: Time(role.created),
        assume_role_policy_document: Some(url_encode(&role.trust_policy)),
        description: role.description.clone(),
        max_session_duration: i32::try_from(role.max_session_secs).ok(),
        permissions_boundary: boundary_out(role.permissions_boundary.as_deref().filter(|_| full)),
        tags: (full && !role.tags.is_empty()).then(|| tags_out(&role.tags)),
        role_last_used: None,
    }
}

fn group_out(group: &Group) -> neargate_model::iam::Group {
    neargate_model::iam::Group {
        path: group.path.clone(),
        group_name: group.name.clone(),
        group_id: group.group_id.clone(),
        arn: group.arn(),
        create_date: Time(group.created),
    }
}

/// A managed policy; `described` adds its description, which `ListPolicies` leaves out.
fn policy_out(
    policy: &ManagedPolicy,
    usage: PolicyUsage,
    described: bool,
) -> neargate_model::iam::Policy {
    let count = |n: usize| i32::try_from(n).ok();
    neargate_model::iam::Policy {
        policy_name: Some(policy.name.clone()),
        policy_id: Some(policy.policy_id.clone()),
        arn: Some(policy.arn()),
        path: Some(policy.path.clone()),
        default_version_id: Some(format!("v{}", policy.default_version)),
        attachment_count: count(usage.attachments),
        permissions_boundary_usage_count: count(usage.boundaries),
        is_attachable: Some(true),
        create_date: Some(Time(policy.created)),
        update_date: Some(Time(policy.updated)),
        description: policy.description.clone().filter(|_| described),
        tags: None,
    }
}

fn version_out(version: &PolicyVersion, default: u32) -> neargate_model::iam::PolicyVersion {
    neargate_model::iam::PolicyVersion {
        document: Some(url_encode(&version.document)),
        version_id: Some(format!("v{}", version.number)),
        is_default_version: Some(version.number == default),
        create_date: Some(Time(version.created)),
    }
}

fn attached_out(policies: &[ManagedPolicy]) -> Vec<AttachedPolicy> {
    policies
        .iter()
        .map(|p| AttachedPolicy {
            policy_name: Some(p.name.clone()),
            policy_arn: Some(p.arn()),
        })
        .collect()
}

/// IAM returns policy documents URL-encoded; the SDKs and the CLI decode them.
fn url_encode(document: &str) -> String {
    percent_encoding::utf8_percent_encode(document, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// A permissions boundary a call names: an ARN (the model has checked its length).
fn boundary_arn(arn: &str) -> Result<&str, AwsError> {
    if neargate_common::Arn::parse(arn).is_none() {
        return Err(IamCode::InvalidInputException.with(format!("ARN {arn} is not valid.")));
    }
    Ok(arn)
}

fn to_aws(e: IamError) -> AwsError {
    match e {
        IamError::AlreadyExists(m) => IamCode::EntityAlreadyExistsException.with(m),
        IamError::NoSuchEntity(m) => IamCode::NoSuchEntityException.with(m),
        IamError::MalformedPolicy(m) => IamCode::MalformedPolicyDocumentException.with(m),
        IamError::LimitExceeded(m) => IamCode::LimitExceededException.with(m),
        IamError::DeleteConflict(m) => IamCode::DeleteConflictException.with(m),
        IamError::AccessDenied(m) => Common::AccessDenied.with(m),
        IamError::Store(e) => {
            tracing::error!(error = %e, "store failure in IAM");
            AwsError::internal("ServiceFailure")
        }
    }
}

impl Iam {
    fn find_user(&self, account: &str, name: &str) -> Result<Arc<User>, AwsError> {
        self.user(account, name)
            .map_err(|e| to_aws(IamError::Store(e)))?
            .ok_or_else(|| {
                IamCode::NoSuchEntityException
                    .with(format!("The user with name {name} cannot be found."))
            })
    }

    /// The user `name` names, else the caller's own user.
    fn target_user(&self, caller: &Principal, name: Option<&str>) -> Result<Arc<User>, AwsError> {
        match name {
            Some(name) => self.find_user(&caller.account, name),
            None => {
                let own = caller.user_name.as_deref().ok_or_else(|| {
                    Common::ValidationError
                        .with("Must specify userName when calling with non-User credentials")
                })?;
                self.find_user(&caller.account, own)
            }
        }
    }

    fn find_role(&self, caller: &Principal, name: &str) -> Result<Role, AwsError> {
        self.role(&caller.account, name).map_err(to_aws)
    }

    fn find_group(&self, caller: &Principal, name: &str) -> Result<Group, AwsError> {
        self.group(&caller.account, name).map_err(to_aws)
    }

    /// The holder of inline and attached policies a call names.
    fn holder_of(&self, caller: &Principal, target: Target<'_>) -> Result<Held, AwsError> {
        Ok(match target {
            Target::User(name) => Held::User(self.find_user(&caller.account, name)?),
            Target::Group(name) => Held::Group(self.find_group(caller, name)?),
            Target::Role(name) => Held::Role(self.find_role(caller, name)?),
            Target::Caller => {
                return Err(AwsError::internal("ServiceFailure"));
            }
        })
    }
}

/// A user, group or role found, holding policies.
enum Held {
    User(Arc<User>),
    Group(Group),
    Role(Role),
}

impl Held {
    fn holder(&self) -> Holder<'_> {
        match self {
            Self::User(user) => user.holder(),
            Self::Group(group) => group.holder(),
            Self::Role(role) => role.holder(),
        }
    }
}

/// Declares an operation's access and its handler: `access` from the caller and the typed
/// input (`$s` the service), `handle` the body.
macro_rules! iam_operation {
    ($op:ident, |$s:ident, $caller:ident, $input:ident| access $access:block handle $handle:block) => {
        impl Handler<ops::$op, Principal> for Iam {
            fn access(
                &self,
                $caller: &Principal,
                $input: &<ops::$op as neargate_model::Op>::Input,
            ) -> Result<Access<'_>, AwsError> {
                let ($s, _) = (self, $input);
                Ok($access)
            }

            fn handle(
                &self,
                $caller: &Principal,
                $input: <ops::$op as neargate_model::Op>::Input,
            ) -> Result<<ops::$op as neargate_model::Op>::Output, AwsError> {
                let $s = self;
                $handle
            }
        }
    };
}

// Users and access keys.

impl Handler<ops::CreateUser, Principal> for Iam {
    fn access(
        &self,
        caller: &Principal,
        input: &CreateUserRequest,
    ) -> Result<Access<'_>, AwsError> {
        let target = Target::User(&input.user_name);
        let boundary = input.permissions_boundary.as_deref();
        Ok(self.creation_access(
            caller,
            "CreateUser",
            target,
            input.tags.as_deref(),
            boundary,
        ))
    }

    fn handle(
        &self,
        caller: &Principal,
        input: CreateUserRequest,
    ) -> Result<CreateUserResponse, AwsError> {
        let boundary = input.permissions_boundary.as_deref().map(boundary_arn);
        let boundary = boundary.transpose()?;
        let path = input.path.as_deref().unwrap_or("/");
        let tags = tag_pairs(input.tags);
        let user = self
            .create_user(&caller.account, &input.user_name, path, tags, boundary)
            .map_err(to_aws)?;
        Ok(CreateUserResponse {
            user: Some(user_out(&user, Detail::Full)),
        })
    }

    fn response_elements(&self, output: &CreateUserResponse, _: &[Resource]) -> Option<Value> {
        let user = output.user.as_ref()?;
        Some(json!({ "user": {
            "path": user.path,
            "userName": user.user_name,
            "userId": user.user_id,
            "arn": user.arn,
            "createDate": user.create_date.0.to_iso8601(),
        } }))
    }
}

iam_operation!(GetUser, |iam, caller, input| access {
    let target = input.user_name.as_deref().map_or(Target::Caller, Target::User);
    iam.access_on(caller, "GetUser", target, Vec::new(), Boundary::Untouched)
} handle {
    let user = iam.target_user(caller, input.user_name.as_deref())?;
    Ok(GetUserResponse { user: user_out(&user, Detail::Full) })
});

iam_operation!(ListUsers, |iam, caller, input| access {
    iam.access_on(caller, "ListUsers", Target::Caller, Vec::new(), Boundary::Untouched)
} handle {
    let users = iam.list_users(&caller.account).map_err(to_aws)?;
    let users = users
        .iter()
        .filter(|u| under(&u.path, input.path_prefix.as_deref()))
        .map(|u| user_out(u, Detail::Listed))
        .collect();
    let page = page(users, input.max_items, input.marker.as_deref())?;
    Ok(ListUsersResponse { users: page.items, is_truncated: page.truncated, marker: page.marker })
});

iam_operation!(DeleteUser, |iam, caller, input| access {
    iam.access_on(caller, "DeleteUser", Target::User(&input.user_name), Vec::new(), Boundary::Untouched)
} handle {
    let user = iam.find_user(&caller.account, &input.user_name)?;
    iam.delete_user(&user).map_err(to_aws)?;
    Ok(Empty {})
});

impl Handler<ops::CreateAccessKey, Principal> for Iam {
    fn access(
        &self,
        caller: &Principal,
        input: &CreateAccessKeyRequest,
    ) -> Result<Access<'_>, AwsError> {
        let target = input
            .user_name
            .as_deref()
            .map_or(Target::Caller, Target::User);
        Ok(self.access_on(
            caller,
            "CreateAccessKey",
            target,
            Vec::new(),
            Boundary::Untouched,
        ))
    }

    fn handle(
        &self,
        caller: &Principal,
        input: CreateAccessKeyRequest,
    ) -> Result<CreateAccessKeyResponse, AwsError> {
        let user = self.target_user(caller, input.user_name.as_deref())?;
        let (key, secret) = self.create_access_key(&user).map_err(to_aws)?;
        Ok(CreateAccessKeyResponse {
            access_key: AccessKeyOut {
                user_name: key.user_name.clone(),
                access_key_id: key.access_key_id.clone(),
                status: StatusType::Active,
                secret_access_key: neargate_model::SecretString::new(secret.expose().to_owned()),
                create_date: Some(Time(key.created)),
            },
        })
    }

    /// The key's id and status, never its secret.
    fn response_elements(&self, output: &CreateAccessKeyResponse, _: &[Resource]) -> Option<Value> {
        let key = &output.access_key;
        Some(json!({ "accessKey": {
            "userName": key.user_name,
            "accessKeyId": key.access_key_id,
            "status": key.status.as_str(),
        } }))
    }
}

iam_operation!(ListAccessKeys, |iam, caller, input| access {
    let target = input.user_name.as_deref().map_or(Target::Caller, Target::User);
    iam.access_on(caller, "ListAccessKeys", target, Vec::new(), Boundary::Untouched)
} handle {
    let user = iam.target_user(caller, input.user_name.as_deref())?;
    let keys = iam.list_access_keys(&user).map_err(to_aws)?;
    let keys = keys
        .iter()
        .map(|k| AccessKeyMetadata {
            user_name: Some(k.user_name.clone()),
            access_key_id: Some(k.access_key_id.clone()),
            status: Some(status_out(k.status)),
            create_date: Some(Time(k.created)),
        })
        .collect();
    let page = page(keys, input.max_items, input.marker.as_deref())?;
    Ok(ListAccessKeysResponse {
        access_key_metadata: page.items,
        is_truncated: page.truncated,
        marker: page.marker,
    })
});

fn status_out(status: KeyStatus) -> StatusType {
    match status {
        KeyStatus::Active => StatusType::Active,
        KeyStatus::Inactive => StatusType::Inactive,
    }
}

iam_operation!(UpdateAccessKey, |iam, caller, input| access {
    let target = input.user_name.as_deref().map_or(Target::Caller, Target::User);
    iam.access_on(caller, "UpdateAccessKey", target, Vec::new(), Boundary::Untouched)
} handle {
    let user = iam.target_user(caller, input.user_name.as_deref())?;
    let status = match input.status {
        StatusType::Active => KeyStatus::Active,
        StatusType::Inactive => KeyStatus::Inactive,
        other => {
            return Err(Common::ValidationError.with(format!(
                "Status {other} is not valid: use Active or Inactive."
            )));
        }
    };
    iam.update_access_key(&user, &input.access_key_id, status).map_err(to_aws)?;
    Ok(Empty {})
});

iam_operation!(DeleteAccessKey, |iam, caller, input| access {
    let target = input.user_name.as_deref().map_or(Target::Caller, Target::User);
    iam.access_on(caller, "DeleteAccessKey", target, Vec::new(), Boundary::Untouched)
} handle {
    let user = iam.target_user(caller, input.user_name.as_deref())?;
    iam.delete_access_key(&user, &input.access_key_id).map_err(to_aws)?;
    Ok(Empty {})
});

// Groups.

impl Handler<ops::CreateGroup, Principal> for Iam {
    fn access(
        &self,
        caller: &Principal,
        input: &CreateGroupRequest,
    ) -> Result<Access<'_>, AwsError> {
        let target = Target::Group(&input.group_name);
        Ok(self.access_on(
            caller,
            "CreateGroup",
            target,
            Vec::new(),
            Boundary::Untouched,
        ))
    }

    fn handle(
        &self,
        caller: &Principal,
        input: CreateGroupRequest,
    ) -> Result<CreateGroupResponse, AwsError> {
        let path = input.path.as_deref().unwrap_or("/");
        let group = self
            .create_group(&caller.account, &input.group_name, path)
            .map_err(to_aws)?;
        Ok(CreateGroupResponse {
            group: group_out(&group),
        })
    }

    fn response_elements(&self, output: &CreateGroupResponse, _: &[Resource]) -> Option<Value> {
        let group = &output.group;
        Some(json!({ "group": { "groupName": group.group_name, "arn": group.arn } }))
    }
}

iam_operation!(GetGroup, |iam, caller, input| access {
    iam.access_on(caller, "GetGroup", Target::Group(&input.group_name), Vec::new(), Boundary::Untouched)
} handle {
    let group = iam.find_group(caller, &input.group_name)?;
    let users = iam.group_members(&group).map_err(to_aws)?;
    let users = users.iter().map(|u| user_out(u, Detail::Listed)).collect();
    let page = page(users, input.max_items, input.marker.as_deref())?;
    Ok(GetGroupResponse {
        group: group_out(&group),
        users: page.items,
        is_truncated: page.truncated,
        marker: page.marker,
    })
});

iam_operation!(ListGroups, |iam, caller, input| access {
    iam.access_on(caller, "ListGroups", Target::Caller, Vec::new(), Boundary::Untouched)
} handle {
    let groups = iam.list_groups(&caller.account).map_err(to_aws)?;
    let groups = groups
        .iter()
        .filter(|g| under(&g.path, input.path_prefix.as_deref()))
        .map(group_out)
        .collect();
    let page = page(groups, input.max_items, input.marker.as_deref())?;
    Ok(ListGroupsResponse { groups: page.items, is_truncated: page.truncated, marker: page.marker })
});

iam_operation!(ListGroupsForUser, |iam, caller, input| access {
    iam.access_on(caller, "ListGroupsForUser", Target::User(&input.user_name), Vec::new(), Boundary::Untouched)
} handle {
    let user = iam.find_user(&caller.account, &input.user_name)?;
    let groups = iam.groups_for_user(&user).map_err(to_aws)?;
    let groups = groups.iter().map(group_out).collect();
    let page = page(groups, input.max_items, input.marker.as_deref())?;
    Ok(ListGroupsForUserResponse { groups: page.items, is_truncated: page.truncated, marker: page.marker })
});

impl Iam {
    /// `AddUserToGroup` and `RemoveUserFromGroup`.
    fn membership(
        &self,
        caller: &Principal,
        group: &str,
        user: &str,
        member: bool,
    ) -> Result<Empty, AwsError> {
        let group = self.find_group(caller, group)?;
        let user = self.find_user(&caller.account, user)?;
        self.set_membership(&group, &user, member).map_err(to_aws)?;
        Ok(Empty {})
    }
}

iam_operation!(AddUserToGroup, |iam, caller, input| access {
    iam.access_on(caller, "AddUserToGroup", Target::Group(&input.group_name), Vec::new(), Boundary::Untouched)
} handle {
    iam.membership(caller, &input.group_name, &input.user_name, true)
});

iam_operation!(RemoveUserFromGroup, |iam, caller, input| access {
    iam.access_on(caller, "RemoveUserFromGroup", Target::Group(&input.group_name), Vec::new(), Boundary::Untouched)
} handle {
    iam.membership(caller, &input.group_name, &input.user_name, false)
});

iam_operation!(DeleteGroup, |iam, caller, input| access {
    iam.access_on(caller, "DeleteGroup", Target::Group(&input.group_name), Vec::new(), Boundary::Untouched)
} handle {
    let group = iam.find_group(caller, &input.group_name)?;
    iam.delete_group(&group).map_err(to_aws)?;
    Ok(Empty {})
});

// Roles.

impl Handler<ops::CreateRole, Principal> for Iam {
    fn access(
        &self,
        caller: &Principal,
        input: &CreateRoleRequest,
    ) -> Result<Access<'_>, AwsError> {
        let target = Target::Role(&input.role_name);
        let boundary = input.permissions_boundary.as_deref();
        Ok(self.creation_access(
            caller,
            "CreateRole",
            target,
            input.tags.as_deref(),
            boundary,
        ))
    }

    fn handle(
        &self,
        caller: &Principal,
        input: CreateRoleRequest,
    ) -> Result<CreateRoleResponse, AwsError> {
        let boundary = input.permissions_boundary.as_deref().map(boundary_arn);
        let boundary = boundary.transpose()?;
        let tags = tag_pairs(input.tags.clone());
        let new = NewRole {
            name: &input.role_name,
            path: input.path.as_deref().unwrap_or("/"),
            trust_policy: &input.assume_role_policy_document,
            max_session_secs: input
                .max_session_duration
                .and_then(|s| u64::try_from(s).ok())
                .unwrap_or(3_600),
            tags: &tags,
            boundary,
            description: input.description.as_deref(),
        };
        let role = self.create_role(&caller.account, new).map_err(to_aws)?;
        Ok(CreateRoleResponse {
            role: role_out(&role, Detail::Full),
        })
    }

    fn response_elements(&self, output: &CreateRoleResponse, _: &[Resource]) -> Option<Value> {
        let role = &output.role;
        Some(
            json!({ "role": { "roleName": role.role_name, "arn": role.arn, "roleId": role.role_id } }),
        )
    }
}

iam_operation!(GetRole, |iam, caller, input| access {
    iam.access_on(caller, "GetRole", Target::Role(&input.role_name), Vec::new(), Boundary::Untouched)
} handle {
    let role = iam.find_role(caller, &input.role_name)?;
    Ok(GetRoleResponse { role: role_out(&role, Detail::Full) })
});

iam_operation!(ListRoles, |iam, caller, input| access {
    iam.access_on(caller, "ListRoles", Target::Caller, Vec::new(), Boundary::Untouched)
} handle {
    let roles = iam.list_roles(&caller.account).map_err(to_aws)?;
    let roles = roles
        .iter()
        .filter(|r| under(&r.path, input.path_prefix.as_deref()))
        .map(|r| role_out(r, Detail::Listed))
        .collect();
    let page = page(roles, input.max_items, input.marker.as_deref())?;
    Ok(ListRolesResponse { roles: page.items, is_truncated: page.truncated, marker: page.marker })
});

iam_operation!(UpdateAssumeRolePolicy, |iam, caller, input| access {
    iam.access_on(caller, "UpdateAssumeRolePolicy", Target::Role(&input.role_name), Vec::new(), Boundary::Untouched)
} handle {
    let role = iam.find_role(caller, &input.role_name)?;
    iam.update_trust_policy(&role, &input.policy_document).map_err(to_aws)?;
    Ok(Empty {})
});

iam_operation!(DeleteRole, |iam, caller, input| access {
    iam.access_on(caller, "DeleteRole", Target::Role(&input.role_name), Vec::new(), Boundary::Untouched)
} handle {
    let role = iam.find_role(caller, &input.role_name)?;
    iam.delete_role(&role).map_err(to_aws)?;
    Ok(Empty {})
});

// Tags of users and roles.

iam_operation!(TagUser, |iam, caller, input| access {
    iam.access_on(caller, "TagUser", Target::User(&input.user_name), request_tags(&input.tags), Boundary::Untouched)
} handle {
    let user = iam.find_user(&caller.account, &input.user_name)?;
    let added = tag_pairs(Some(input.tags));
    iam.change_user_tags(&user, TagChange::Add(&added)).map_err(to_aws)?;
    Ok(Empty {})
});

iam_operation!(UntagUser, |iam, caller, input| access {
    iam.access_on(caller, "UntagUser", Target::User(&input.user_name), removed_tags(&input.tag_keys), Boundary::Untouched)
} handle {
    let user = iam.find_user(&caller.account, &input.user_name)?;
    let keys: Vec<&str> = input.tag_keys.iter().map(String::as_str).collect();
    iam.change_user_tags(&user, TagChange::Remove(&keys)).map_err(to_aws)?;
    Ok(Empty {})
});

iam_operation!(ListUserTags, |iam, caller, input| access {
    iam.access_on(caller, "ListUserTags", Target::User(&input.user_name), Vec::new(), Boundary::Untouched)
} handle {
    let user = iam.find_user(&caller.account, &input.user_name)?;
    let page = page(tags_out(&user.tags), input.max_items, input.marker.as_deref())?;
    Ok(ListUserTagsResponse { tags: page.items, is_truncated: page.truncated, marker: page.marker })
});

iam_operation!(TagRole, |iam, caller, input| access {
    iam.access_on(caller, "TagRole", Target::Role(&input.role_name), request_tags(&input.tags), Boundary::Untouched)
} handle {
    let role = iam.find_role(caller, &input.role_name)?;
    let added = tag_pairs(Some(input.tags));
    iam.change_role_tags(&role, TagChange::Add(&added)).map_err(to_aws)?;
    Ok(Empty {})
});

iam_operation!(UntagRole, |iam, caller, input| access {
    iam.access_on(caller, "UntagRole", Target::Role(&input.role_name), removed_tags(&input.tag_keys), Boundary::Untouched)
} handle {
    let role = iam.find_role(caller, &input.role_name)?;
    let keys: Vec<&str> = input.tag_keys.iter().map(String::as_str).collect();
    iam.change_role_tags(&role, TagChange::Remove(&keys)).map_err(to_aws)?;
    Ok(Empty {})
});

iam_operation!(ListRoleTags, |iam, caller, input| access {
    iam.access_on(caller, "ListRoleTags", Target::Role(&input.role_name), Vec::new(), Boundary::Untouched)
} handle {
    let role = iam.find_role(caller, &input.role_name)?;
    let page = page(tags_out(&role.tags), input.max_items, input.marker.as_deref())?;
    Ok(ListRoleTagsResponse { tags: page.items, is_truncated: page.truncated, marker: page.marker })
});

// Permissions boundaries.

iam_operation!(PutUserPermissionsBoundary, |iam, caller, input| access {
    let boundary = Boundary::Set(&input.permissions_boundary);
    iam.access_on(caller, "PutUserPermissionsBoundary", Target::User(&input.user_name), Vec::new(), boundary)
} handle {
    let user = iam.find_user(&caller.account, &input.user_name)?;
    let arn = boundary_arn(&input.permissions_boundary)?;
    iam.set_user_boundary(&user, Some(arn)).map_err(to_aws)?;
    Ok(Empty {})
});

iam_operation!(DeleteUserPermissionsBoundary, |iam, caller, input| access {
    iam.access_on(caller, "DeleteUserPermissionsBoundary", Target::User(&input.user_name), Vec::new(), Boundary::Current)
} handle {
    let user = iam.find_user(&caller.account, &input.user_name)?;
    iam.set_user_boundary(&user, None).map_err(to_aws)?;
    Ok(Empty {})
});

iam_operation!(PutRolePermissionsBoundary, |iam, caller, input| access {
    let boundary = Boundary::Set(&input.permissions_boundary);
    iam.access_on(caller, "PutRolePermissionsBoundary", Target::Role(&input.role_name), Vec::new(), boundary)
} handle {
    let role = iam.find_role(caller, &input.role_name)?;
    let arn = boundary_arn(&input.permissions_boundary)?;
    iam.set_role_boundary(&role, Some(arn)).map_err(to_aws)?;
    Ok(Empty {})
});

iam_operation!(DeleteRolePermissionsBoundary, |iam, caller, input| access {
    iam.access_on(caller, "DeleteRolePermissionsBoundary", Target::Role(&input.role_name), Vec::new(), Boundary::Current)
} handle {
    let role = iam.find_role(caller, &input.role_name)?;
    iam.set_role_boundary(&role, None).map_err(to_aws)?;
    Ok(Empty {})
});

// Inline policies of users, groups and roles.

impl Iam {
    fn put_inline(
        &self,
        caller: &Principal,
        target: Target<'_>,
        name: &str,
        document: &str,
    ) -> Result<Empty, AwsError> {
        let held = self.holder_of(caller, target)?;
        self.put_inline_policy(held.holder(), name, document)
            .map_err(to_aws)?;
        Ok(Empty {})
    }

    fn delete_inline(
        &self,
        caller: &Principal,
        target: Target<'_>,
        name: &str,
    ) -> Result<Empty, AwsError> {
        let held = self.holder_of(caller, target)?;
        self.delete_inline_policy(held.holder(), name)
            .map_err(to_aws)?;
        Ok(Empty {})
    }

    /// An inline policy's name and its document, URL-encoded.
    fn get_inline(
        &self,
        caller: &Principal,
        target: Target<'_>,
        name: &str,
    ) -> Result<(String, String), AwsError> {
        let held = self.holder_of(caller, target)?;
        let found = self.inline_policy(held.holder(), name).map_err(to_aws)?;
        Ok((found.name, url_encode(&found.document)))
    }

    fn inline_names(
        &self,
        caller: &Principal,
        target: Target<'_>,
        max_items: Option<i32>,
        marker: Option<&str>,
    ) -> Result<Page<String>, AwsError> {
        let held = self.holder_of(caller, target)?;
        let names = self.inline_policy_names(held.holder()).map_err(to_aws)?;
        page(names, max_items, marker)
    }
}

/// Declares the four inline policy operations of one kind of holder: put and delete change
/// the holder's permissions (under its current boundary, for users and roles), get and list
/// read them.
macro_rules! inline_policy_operations {
    ($target:ident($name:ident), $boundary:expr, $put:ident, $get:ident => $got:ident,
     $list:ident => $listed:ident, $delete:ident) => {
        iam_operation!($put, |iam, caller, input| access {
            let target = Target::$target(&input.$name);
            iam.access_on(caller, stringify!($put), target, Vec::new(), $boundary)
        } handle {
            let target = Target::$target(&input.$name);
            iam.put_inline(caller, target, &input.policy_name, &input.policy_document)
        });

        iam_operation!($get, |iam, caller, input| access {
            let target = Target::$target(&input.$name);
            iam.access_on(caller, stringify!($get), target, Vec::new(), Boundary::Untouched)
        } handle {
            let target = Target::$target(&input.$name);
            let (policy_name, policy_document) =
                iam.get_inline(caller, target, &input.policy_name)?;
            Ok($got { $name: input.$name, policy_name, policy_document })
        });

        iam_operation!($list, |iam, caller, input| access {
            let target = Target::$target(&input.$name);
            iam.access_on(caller, stringify!($list), target, Vec::new(), Boundary::Untouched)
        } handle {
            let target = Target::$target(&input.$name);
            let marker = input.marker.as_deref();
            let page = iam.inline_names(caller, target, input.max_items, marker)?;
            Ok($listed {
                policy_names: page.items,
                is_truncated: page.truncated,
                marker: page.marker,
            })
        });

        iam_operation!($delete, |iam, caller, input| access {
            let target = Target::$target(&input.$name);
            iam.access_on(caller, stringify!($delete), target, Vec::new(), $boundary)
        } handle {
            iam.delete_inline(caller, Target::$target(&input.$name), &input.policy_name)
        });
    };
}

inline_policy_operations!(User(user_name), Boundary::Current, PutUserPolicy,
    GetUserPolicy => GetUserPolicyResponse, ListUserPolicies => ListUserPoliciesResponse,
    DeleteUserPolicy);
inline_policy_operations!(Group(group_name), Boundary::Untouched, PutGroupPolicy,
    GetGroupPolicy => GetGroupPolicyResponse, ListGroupPolicies => ListGroupPoliciesResponse,
    DeleteGroupPolicy);
inline_policy_operations!(Role(role_name), Boundary::Current, PutRolePolicy,
    GetRolePolicy => GetRolePolicyResponse, ListRolePolicies => ListRolePoliciesResponse,
    DeleteRolePolicy);

// Managed policies and their attachments.

impl Handler<ops::CreatePolicy, Principal> for Iam {
    fn access(
        &self,
        caller: &Principal,
        input: &CreatePolicyRequest,
    ) -> Result<Access<'_>, AwsError> {
        let context = request_tags(input.tags.as_deref().unwrap_or_default());
        Ok(self.access_on(
            caller,
            "CreatePolicy",
            Target::Caller,
            context,
            Boundary::Untouched,
        ))
    }

    fn handle(
        &self,
        caller: &Principal,
        input: CreatePolicyRequest,
    ) -> Result<CreatePolicyResponse, AwsError> {
        if input.tags.as_ref().is_some_and(|t| !t.is_empty()) {
            return Err(IamCode::InvalidInputException
                .with("Tags on managed policies are not supported by this endpoint."));
        }
        let policy = self
            .create_policy(
                &caller.account,
                &input.policy_name,
                input.path.as_deref().unwrap_or("/"),
                &input.policy_document,
                input.description.as_deref(),
            )
            .map_err(to_aws)?;
        Ok(CreatePolicyResponse {
            policy: Some(policy_out(&policy, PolicyUsage::default(), true)),
        })
    }

    fn response_elements(&self, output: &CreatePolicyResponse, _: &[Resource]) -> Option<Value> {
        let policy = output.policy.as_ref()?;
        Some(json!({ "policy": { "policyName": policy.policy_name, "arn": policy.arn } }))
    }
}

iam_operation!(GetPolicy, |iam, caller, input| access {
    iam.access_on(caller, "GetPolicy", Target::Caller, Vec::new(), Boundary::Untouched)
} handle {
    let (policy, usage) = iam.policy(&caller.account, &input.policy_arn).map_err(to_aws)?;
    Ok(GetPolicyResponse { policy: Some(policy_out(&policy, usage, true)) })
});

iam_operation!(ListPolicies, |iam, caller, input| access {
    iam.access_on(caller, "ListPolicies", Target::Caller, Vec::new(), Boundary::Untouched)
} handle {
    let scope = match input.scope.unwrap_or(PolicyScopeType::All) {
        PolicyScopeType::Aws => PolicyScope::Aws,
        PolicyScopeType::Local => PolicyScope::Local,
        _ => PolicyScope::All,
    };
    let only_attached = input.only_attached == Some(true);
    let usage_filter = input.policy_usage_filter;
    let policies = iam.list_policies(&caller.account, scope).map_err(to_aws)?;
    let policies = policies
        .iter()
        .filter(|(_, usage)| !only_attached || usage.attachments > 0 || usage.boundaries > 0)
        .filter(|(_, usage)| match &usage_filter {
            Some(PolicyUsageType::PermissionsPolicy) => usage.attachments > 0,
            Some(PolicyUsageType::PermissionsBoundary) => usage.boundaries > 0,
            _ => true,
        })
        .filter(|(p, _)| under(&p.path, input.path_prefix.as_deref()))
        .map(|(p, usage)| policy_out(p, *usage, false))
        .collect();
    let page = page(policies, input.max_items, input.marker.as_deref())?;
    Ok(ListPoliciesResponse { policies: Some(page.items), is_truncated: page.truncated, marker: page.marker })
});

iam_operation!(GetPolicyVersion, |iam, caller, input| access {
    iam.access_on(caller, "GetPolicyVersion", Target::Caller, Vec::new(), Boundary::Untouched)
} handle {
    let (policy, _) = iam.policy(&caller.account, &input.policy_arn).map_err(to_aws)?;
    let id = &input.version_id;
    let version = policy
        .versions
        .iter()
        .find(|v| format!("v{}", v.number) == *id)
        .ok_or_else(|| {
            IamCode::NoSuchEntityException.with(format!(
                "Policy {} version {id} does not exist or is not attachable.",
                policy.arn()
            ))
        })?;
    Ok(GetPolicyVersionResponse { policy_version: Some(version_out(version, policy.default_version)) })
});

impl Handler<ops::CreatePolicyVersion, Principal> for Iam {
    fn access(
        &self,
        caller: &Principal,
        _: &CreatePolicyVersionRequest,
    ) -> Result<Access<'_>, AwsError> {
        Ok(self.access_on(
            caller,
            "CreatePolicyVersion",
            Target::Caller,
            Vec::new(),
            Boundary::Untouched,
        ))
    }

    fn handle(
        &self,
        caller: &Principal,
        input: CreatePolicyVersionRequest,
    ) -> Result<CreatePolicyVersionResponse, AwsError> {
        let set_default = input.set_as_default == Some(true);
        let version = self
            .create_policy_version(
                &caller.account,
                &input.policy_arn,
                &input.policy_document,
                set_default,
            )
            .map_err(to_aws)?;
        let default = if set_default { version.number } else { 0 };
        Ok(CreatePolicyVersionResponse {
            policy_version: Some(version_out(&version, default)),
        })
    }

    fn response_elements(
        &self,
        output: &CreatePolicyVersionResponse,
        _: &[Resource],
    ) -> Option<Value> {
        let version = output.policy_version.as_ref()?;
        Some(json!({ "policyVersion": { "versionId": version.version_id } }))
    }
}

iam_operation!(DeletePolicy, |iam, caller, input| access {
    iam.access_on(caller, "DeletePolicy", Target::Caller, Vec::new(), Boundary::Untouched)
} handle {
    iam.delete_policy(&caller.account, &input.policy_arn).map_err(to_aws)?;
    Ok(Empty {})
});

impl Iam {
    /// Attaches (or detaches) the managed policy `arn` to the user, group or role `target`.
    fn attach(
        &self,
        caller: &Principal,
        target: Target<'_>,
        arn: &str,
        attach: bool,
    ) -> Result<Empty, AwsError> {
        let held = self.holder_of(caller, target)?;
        if attach {
            self.attach_policy(held.holder(), arn).map_err(to_aws)?;
        } else {
            self.detach_policy(held.holder(), arn).map_err(to_aws)?;
        }
        Ok(Empty {})
    }

    /// The managed policies attached to `target` under `prefix`, one page of them.
    fn attached(
        &self,
        caller: &Principal,
        target: Target<'_>,
        prefix: Option<&str>,
        max_items: Option<i32>,
        marker: Option<&str>,
    ) -> Result<Page<AttachedPolicy>, AwsError> {
        let held = self.holder_of(caller, target)?;
        let mut policies = self.attached_to(held.holder()).map_err(to_aws)?;
        policies.retain(|p| under(&p.path, prefix));
        page(attached_out(&policies), max_items, marker)
    }
}

/// Declares the attach, detach and list operations of one kind of holder's managed policies:
/// attaching and detaching change its permissions (under its current boundary, for users and
/// roles).
macro_rules! attachment_operations {
    ($target:ident($name:ident), $boundary:expr, $attach:ident, $detach:ident,
     $list:ident => $listed:ident) => {
        iam_operation!($attach, |iam, caller, input| access {
            let target = Target::$target(&input.$name);
            iam.access_on(caller, stringify!($attach), target, Vec::new(), $boundary)
        } handle {
            iam.attach(caller, Target::$target(&input.$name), &input.policy_arn, true)
        });

        iam_operation!($detach, |iam, caller, input| access {
            let target = Target::$target(&input.$name);
            iam.access_on(caller, stringify!($detach), target, Vec::new(), $boundary)
        } handle {
            iam.attach(caller, Target::$target(&input.$name), &input.policy_arn, false)
        });

        iam_operation!($list, |iam, caller, input| access {
            let target = Target::$target(&input.$name);
            iam.access_on(caller, stringify!($list), target, Vec::new(), Boundary::Untouched)
        } handle {
            let target = Target::$target(&input.$name);
            let (prefix, marker) = (input.path_prefix.as_deref(), input.marker.as_deref());
            let page = iam.attached(caller, target, prefix, input.max_items, marker)?;
            Ok($listed {
                attached_policies: Some(page.items),
                is_truncated: page.truncated,
                marker: page.marker,
            })
        });
    };
}

attachment_operations!(User(user_name), Boundary::Current, AttachUserPolicy, DetachUserPolicy,
    ListAttachedUserPolicies => ListAttachedUserPoliciesResponse);
attachment_operations!(Group(group_name), Boundary::Untouched, AttachGroupPolicy,
    DetachGroupPolicy, ListAttachedGroupPolicies => ListAttachedGroupPoliciesResponse);
attachment_operations!(Role(role_name), Boundary::Current, AttachRolePolicy, DetachRolePolicy,
    ListAttachedRolePolicies => ListAttachedRolePoliciesResponse);
