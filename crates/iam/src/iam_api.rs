//! The IAM API (query protocol): users, access keys and users' inline policies.

use std::sync::Arc;

use neargate_common::{AwsError, Common, Principal};
use neargate_wire::{Output, QueryParams, Reply, Xml};
use serde_json::json;

use crate::Iam;
use crate::domain::accounts::User;
use crate::domain::credentials::KeyStatus;
use crate::domain::groups::Group;
use crate::domain::inline::Holder;
use crate::domain::managed::{ManagedPolicy, PolicyScope, PolicyUsage, PolicyVersion};
use crate::domain::roles::{MAX_SESSION_RANGE, NewRole, Role};
use crate::domain::tags::TagChange;
use crate::domain::users::IamError;
use neargate_model::iam::Error as IamCode;

/// IAM's API version.
const VERSION: &str = "2010-05-08";

/// The resource an IAM operation acts on: the named user, else the caller.
pub fn resource(caller: &Principal, params: &QueryParams) -> String {
    let account = &caller.account;
    match (
        params.get("GroupName"),
        params.get("UserName"),
        params.get("RoleName"),
    ) {
        (Some(name), _, _) => format!("arn:aws:iam::{account}:group/{name}"),
        (None, Some(name), _) => format!("arn:aws:iam::{account}:user/{name}"),
        (None, None, Some(name)) => format!("arn:aws:iam::{account}:role/{name}"),
        (None, None, None) => caller.arn.clone(),
    }
}

/// The value of the condition key `iam:PermissionsBoundary` for an IAM call, as AWS sets it:
/// the boundary a call sets (`CreateUser`, `CreateRole`, `Put…PermissionsBoundary`), or for a
/// call that changes a user's or role's permissions, the boundary that user or role has now.
pub fn permissions_boundary_key(
    iam: &Iam,
    caller: &Principal,
    operation: &str,
    params: &QueryParams,
) -> Result<Option<String>, IamError> {
    let account = &caller.account;
    let existing = |holder: &str| -> Result<Option<String>, IamError> {
        let Some(name) = params.get(holder) else {
            return Ok(None);
        };
        let found = if holder == "UserName" {
            iam.user(account, name)?
                .and_then(|u| u.permissions_boundary.clone())
        } else {
            match iam.role(account, name) {
                Ok(role) => role.permissions_boundary,
                Err(IamError::NoSuchEntity(_)) => None,
                Err(e) => return Err(e),
            }
        };
        Ok(found)
    };
    match operation {
        "CreateUser"
        | "CreateRole"
        | "PutUserPermissionsBoundary"
        | "PutRolePermissionsBoundary" => Ok(params.get("PermissionsBoundary").map(str::to_owned)),
        "AttachUserPolicy"
        | "DetachUserPolicy"
        | "PutUserPolicy"
        | "DeleteUserPolicy"
        | "DeleteUserPermissionsBoundary" => existing("UserName"),
        "AttachRolePolicy"
        | "DetachRolePolicy"
        | "PutRolePolicy"
        | "DeleteRolePolicy"
        | "DeleteRolePermissionsBoundary" => existing("RoleName"),
        _ => Ok(None),
    }
}

/// The tags of the user or role an IAM call names (`UserName`, else `RoleName`), which policies
/// test as `aws:ResourceTag/<key>` and `iam:ResourceTag/<key>`; none if it names neither or
/// it does not exist.
pub fn resource_tags(
    iam: &Iam,
    caller: &Principal,
    params: &QueryParams,
) -> Result<Vec<(String, String)>, IamError> {
    let account = &caller.account;
    if let Some(name) = params.get("UserName") {
        return Ok(iam
            .user(account, name)?
            .map(|u| u.tags.clone())
            .unwrap_or_default());
    }
    match params.get("RoleName").map(|name| iam.role(account, name)) {
        Some(Ok(role)) => Ok(role.tags),
        Some(Err(IamError::NoSuchEntity(_))) | None => Ok(Vec::new()),
        Some(Err(e)) => Err(e),
    }
}

/// Runs the IAM `operation` for `caller`; list results are paginated with `MaxItems`/`Marker`.
pub fn handle(
    iam: &Iam,
    caller: &Principal,
    operation: &str,
    params: &QueryParams,
) -> Result<Reply, AwsError> {
    paginate(operate(iam, caller, operation, params)?, params)
}

/// Items per page when `MaxItems` is not given, and the most it may ask for, as on AWS.
const DEFAULT_ITEMS: usize = 100;
const MAX_ITEMS: usize = 1000;

/// Cuts the list of a list result (the element before `IsTruncated`) to the page that
/// `Marker` and `MaxItems` select, setting `IsTruncated` and the next `Marker`.
fn paginate(mut reply: Reply, params: &QueryParams) -> Result<Reply, AwsError> {
    let Output::Xml(children) = &mut reply.output else {
        return Ok(reply);
    };
    let Some(flag) = children
        .iter()
        .position(|c| matches!(c, Xml::Text("IsTruncated", _)))
    else {
        return Ok(reply);
    };
    let Some(list) = children[..flag]
        .iter()
        .rposition(|c| matches!(c, Xml::Node(..)))
    else {
        return Ok(reply);
    };
    let max = match params.get("MaxItems") {
        None => DEFAULT_ITEMS,
        Some(text) => text
            .parse()
            .ok()
            .filter(|n| (1..=MAX_ITEMS).contains(n))
            .ok_or_else(|| {
                validation(
                    "maxItems",
                    text,
                    &format!("Member must have value between 1 and {MAX_ITEMS}"),
                )
            })?,
    };
    let start: usize = match params.get("Marker") {
        None => 0,
        Some(marker) => hex::decode(marker)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|t| t.strip_prefix("page:").and_then(|n| n.parse().ok()))
            .ok_or_else(|| Common::ValidationError.with("Invalid Marker."))?,
    };
    let Xml::Node(_, members) = &mut children[list] else {
        return Ok(reply);
    };
    let total = members.len();
    let end = start.saturating_add(max).min(total);
    *members = members.drain(start.min(total)..end).collect();
    if end < total {
        children[flag] = Xml::Text("IsTruncated", "true".into());
        children.insert(
            flag + 1,
            Xml::Text("Marker", hex::encode(format!("page:{end}"))),
        );
    }
    Ok(reply)
}

fn operate(
    iam: &Iam,
    caller: &Principal,
    operation: &str,
    params: &QueryParams,
) -> Result<Reply, AwsError> {
    match operation {
        "CreateUser" => {
            let name = name(params, "UserName", 64)?;
            let path = params.get("Path").unwrap_or("/");
            if !(path.starts_with('/') && path.ends_with('/')) || path.len() > 512 {
                return Err(validation("path", path, "Member must begin and end with /"));
            }
            let boundary = boundary_arn(params)?;
            let user = iam
                .create_user(&caller.account, &name, path, request_tags(params), boundary)
                .map_err(to_aws)?;
            Ok(written(
                vec![user_xml(&user, Detail::Full)],
                json!({ "user": user_json(&user) }),
            ))
        }
        "GetUser" => {
            let user = target_user(iam, caller, params)?;
            Ok(Reply::quiet(Output::Xml(vec![user_xml(
                &user,
                Detail::Full,
            )])))
        }
        "CreateAccessKey" => {
            let user = target_user(iam, caller, params)?;
            let (key, secret) = iam.create_access_key(&user).map_err(to_aws)?;
            let xml = Xml::Node(
                "AccessKey",
                vec![
                    Xml::Text("UserName", key.user_name.clone()),
                    Xml::Text("AccessKeyId", key.access_key_id.clone()),
                    Xml::Text("Status", "Active".into()),
                    Xml::Text("SecretAccessKey", secret.expose().to_owned()),
                    Xml::Text("CreateDate", key.created.to_iso8601()),
                ],
            );
            let trail = json!({ "accessKey": { "userName": key.user_name, "accessKeyId": key.access_key_id, "status": "Active" } });
            Ok(written(vec![xml], trail))
        }
        "PutUserPolicy" | "GetUserPolicy" | "ListUserPolicies" | "DeleteUserPolicy" => {
            let user = named_user(iam, caller, params)?;
            inline_policy_op(
                iam,
                user.holder(),
                ("UserName", &user.name),
                operation,
                params,
            )
        }
        "PutRolePolicy" | "GetRolePolicy" | "ListRolePolicies" | "DeleteRolePolicy" => {
            let role = named_role(iam, caller, params)?;
            inline_policy_op(
                iam,
                role.holder(),
                ("RoleName", &role.name),
                operation,
                params,
            )
        }
        "SimulateCustomPolicy" => crate::simulate::simulate(iam, caller, params, false),
        "SimulatePrincipalPolicy" => crate::simulate::simulate(iam, caller, params, true),
        "CreatePolicy" => {
            let name = name(params, "PolicyName", 128)?;
            let document = params
                .get("PolicyDocument")
                .ok_or_else(|| missing("PolicyDocument"))?;
            let path = params.get("Path").unwrap_or("/");
            let policy = iam
                .create_policy(
                    &caller.account,
                    &name,
                    path,
                    document,
                    params.get("Description"),
                )
                .map_err(to_aws)?;
            Ok(written(
                vec![policy_xml(&policy, PolicyUsage::default(), true)],
                json!({ "policy": { "policyName": policy.name, "arn": policy.arn() } }),
            ))
        }
        "GetPolicy" => {
            let (policy, usage) = iam
                .policy(&caller.account, required(params, "PolicyArn")?)
                .map_err(to_aws)?;
            Ok(Reply::quiet(Output::Xml(vec![policy_xml(
                &policy, usage, true,
            )])))
        }
        "ListPolicies" => {
            let scope = match params.get("Scope").unwrap_or("All") {
                "All" => PolicyScope::All,
                "AWS" => PolicyScope::Aws,
                "Local" => PolicyScope::Local,
                other => {
                    return Err(validation(
                        "scope",
                        other,
                        "Member must satisfy enum value set: [All, AWS, Local]",
                    ));
                }
            };
            let only_attached = params.get("OnlyAttached") == Some("true");
            let path_prefix = params.get("PathPrefix").unwrap_or("/");
            let policies = iam.list_policies(&caller.account, scope).map_err(to_aws)?;
            let members = policies
                .iter()
                .filter(|(_, usage)| !only_attached || usage.attachments > 0)
                .filter(|(p, _)| p.path.starts_with(path_prefix))
                .map(|(p, usage)| member(policy_xml(p, *usage, false)))
                .collect();
            Ok(Reply::quiet(Output::Xml(vec![
                Xml::Node("Policies", members),
                Xml::Text("IsTruncated", "false".into()),
            ])))
        }
        "GetPolicyVersion" => {
            let (policy, _) = iam
                .policy(&caller.account, required(params, "PolicyArn")?)
                .map_err(to_aws)?;
            let id = required(params, "VersionId")?;
            let version = policy
                .versions
                .iter()
                .find(|v| format!("v{}", v.number) == id)
                .ok_or_else(|| {
                    IamCode::NoSuchEntityException.with(format!(
                        "Policy {} version {id} does not exist or is not attachable.",
                        policy.arn()
                    ))
                })?;
            Ok(Reply::quiet(Output::Xml(vec![version_xml(
                version,
                policy.default_version,
            )])))
        }
        "CreatePolicyVersion" => {
            let arn = required(params, "PolicyArn")?;
            let document = required(params, "PolicyDocument")?;
            let set_default = params.get("SetAsDefault") == Some("true");
            let version = iam
                .create_policy_version(&caller.account, arn, document, set_default)
                .map_err(to_aws)?;
            let default = if set_default { version.number } else { 0 };
            Ok(written(
                vec![version_xml(&version, default)],
                json!({ "policyVersion": { "versionId": format!("v{}", version.number) } }),
            ))
        }
        "DeletePolicy" => {
            iam.delete_policy(&caller.account, required(params, "PolicyArn")?)
                .map_err(to_aws)?;
            Ok(written(Vec::new(), serde_json::Value::Null))
        }
        "AttachUserPolicy" | "DetachUserPolicy" | "ListAttachedUserPolicies" => {
            let user = named_user(iam, caller, params)?;
            attachment_op(iam, user.holder(), operation, params)
        }
        "AttachRolePolicy" | "DetachRolePolicy" | "ListAttachedRolePolicies" => {
            let role = named_role(iam, caller, params)?;
            attachment_op(iam, role.holder(), operation, params)
        }
        "TagUser" | "UntagUser" | "ListUserTags" => {
            let user = named_user(iam, caller, params)?;
            tag_op(operation, params, &user.tags, |change| {
                iam.change_user_tags(&user, change)
            })
        }
        "TagRole" | "UntagRole" | "ListRoleTags" => {
            let role = named_role(iam, caller, params)?;
            tag_op(operation, params, &role.tags, |change| {
                iam.change_role_tags(&role, change)
            })
        }
        "PutUserPermissionsBoundary" | "DeleteUserPermissionsBoundary" => {
            let user = named_user(iam, caller, params)?;
            let arn = boundary_to_set(operation, params)?;
            iam.set_user_boundary(&user, arn).map_err(to_aws)?;
            Ok(written(Vec::new(), serde_json::Value::Null))
        }
        "PutRolePermissionsBoundary" | "DeleteRolePermissionsBoundary" => {
            let role = named_role(iam, caller, params)?;
            let arn = boundary_to_set(operation, params)?;
            iam.set_role_boundary(&role, arn).map_err(to_aws)?;
            Ok(written(Vec::new(), serde_json::Value::Null))
        }
        "CreateGroup" => {
            let name = name(params, "GroupName", 128)?;
            let group = iam
                .create_group(&caller.account, &name, params.get("Path").unwrap_or("/"))
                .map_err(to_aws)?;
            Ok(written(
                vec![group_xml(&group)],
                json!({ "group": { "groupName": group.name, "arn": group.arn() } }),
            ))
        }
        "GetGroup" => {
            let group = named_group(iam, caller, params)?;
            let users = iam.group_members(&group).map_err(to_aws)?;
            Ok(Reply::quiet(Output::Xml(vec![
                group_xml(&group),
                Xml::Node(
                    "Users",
                    users
                        .iter()
                        .map(|u| member(user_xml(u, Detail::Listed)))
                        .collect(),
                ),
                Xml::Text("IsTruncated", "false".into()),
            ])))
        }
        "ListGroups" => {
            let groups = iam.list_groups(&caller.account).map_err(to_aws)?;
            Ok(Reply::quiet(Output::Xml(vec![
                Xml::Node(
                    "Groups",
                    groups.iter().map(|g| member(group_xml(g))).collect(),
                ),
                Xml::Text("IsTruncated", "false".into()),
            ])))
        }
        "ListGroupsForUser" => {
            let user = named_user(iam, caller, params)?;
            let groups = iam.groups_for_user(&user).map_err(to_aws)?;
            Ok(Reply::quiet(Output::Xml(vec![
                Xml::Node(
                    "Groups",
                    groups.iter().map(|g| member(group_xml(g))).collect(),
                ),
                Xml::Text("IsTruncated", "false".into()),
            ])))
        }
        "AddUserToGroup" | "RemoveUserFromGroup" => {
            let group = named_group(iam, caller, params)?;
            let user = named_user(iam, caller, params)?;
            iam.set_membership(&group, &user, operation == "AddUserToGroup")
                .map_err(to_aws)?;
            Ok(written(Vec::new(), serde_json::Value::Null))
        }
        "DeleteGroup" => {
            let group = named_group(iam, caller, params)?;
            iam.delete_group(&group).map_err(to_aws)?;
            Ok(written(Vec::new(), serde_json::Value::Null))
        }
        "PutGroupPolicy" | "GetGroupPolicy" | "ListGroupPolicies" | "DeleteGroupPolicy" => {
            let group = named_group(iam, caller, params)?;
            inline_policy_op(
                iam,
                group.holder(),
                ("GroupName", &group.name),
                operation,
                params,
            )
        }
        "AttachGroupPolicy" | "DetachGroupPolicy" | "ListAttachedGroupPolicies" => {
            let group = named_group(iam, caller, params)?;
            attachment_op(iam, group.holder(), operation, params)
        }
        "CreateRole" => {
            let name = name(params, "RoleName", 64)?;
            let path = params.get("Path").unwrap_or("/");
            let trust = params
                .get("AssumeRolePolicyDocument")
                .ok_or_else(|| missing("AssumeRolePolicyDocument"))?;
            let max = match params.get("MaxSessionDuration") {
                None => 3_600,
                Some(text) => text
                    .parse::<u64>()
                    .ok()
                    .filter(|s| MAX_SESSION_RANGE.contains(s))
                    .ok_or_else(|| {
                        validation(
                            "maxSessionDuration",
                            text,
                            "Member must have value between 3600 and 43200",
                        )
                    })?,
            };
            let tags = request_tags(params);
            let new = NewRole {
                name: &name,
                path,
                trust_policy: trust,
                max_session_secs: max,
                tags: &tags,
                boundary: boundary_arn(params)?,
            };
            let role = iam.create_role(&caller.account, new).map_err(to_aws)?;
            Ok(written(
                vec![role_xml(&role, Detail::Full)],
                json!({ "role": { "roleName": role.name, "arn": role.arn(), "roleId": role.role_id } }),
            ))
        }
        "GetRole" => {
            let role = named_role(iam, caller, params)?;
            Ok(Reply::quiet(Output::Xml(vec![role_xml(
                &role,
                Detail::Full,
            )])))
        }
        "ListRoles" => {
            let roles = iam.list_roles(&caller.account).map_err(to_aws)?;
            Ok(Reply::quiet(Output::Xml(vec![
                Xml::Node(
                    "Roles",
                    roles
                        .iter()
                        .map(|r| member(role_xml(r, Detail::Listed)))
                        .collect(),
                ),
                Xml::Text("IsTruncated", "false".into()),
            ])))
        }
        "UpdateAssumeRolePolicy" => {
            let role = named_role(iam, caller, params)?;
            let trust = params
                .get("PolicyDocument")
                .ok_or_else(|| missing("PolicyDocument"))?;
            iam.update_trust_policy(&role, trust).map_err(to_aws)?;
            Ok(written(Vec::new(), serde_json::Value::Null))
        }
        "DeleteRole" => {
            let role = named_role(iam, caller, params)?;
            iam.delete_role(&role).map_err(to_aws)?;
            Ok(written(Vec::new(), serde_json::Value::Null))
        }
        "ListUsers" => {
            let users = iam.list_users(&caller.account).map_err(to_aws)?;
            Ok(Reply::quiet(Output::Xml(vec![
                Xml::Node(
                    "Users",
                    users
                        .iter()
                        .map(|u| member(user_xml(u, Detail::Listed)))
                        .collect(),
                ),
                Xml::Text("IsTruncated", "false".into()),
            ])))
        }
        "DeleteUser" => {
            let user = named_user(iam, caller, params)?;
            iam.delete_user(&user).map_err(to_aws)?;
            Ok(written(Vec::new(), serde_json::Value::Null))
        }
        "ListAccessKeys" => {
            let user = target_user(iam, caller, params)?;
            let keys = iam.list_access_keys(&user).map_err(to_aws)?;
            let metadata = keys
                .iter()
                .map(|k| {
                    Xml::Node(
                        "member",
                        vec![
                            Xml::Text("UserName", k.user_name.clone()),
                            Xml::Text("AccessKeyId", k.access_key_id.clone()),
                            Xml::Text("Status", status_text(k.status).into()),
                            Xml::Text("CreateDate", k.created.to_iso8601()),
                        ],
                    )
                })
                .collect();
            Ok(Reply::quiet(Output::Xml(vec![
                Xml::Node("AccessKeyMetadata", metadata),
                Xml::Text("IsTruncated", "false".into()),
            ])))
        }
        "UpdateAccessKey" => {
            let user = target_user(iam, caller, params)?;
            let key_id = params
                .get("AccessKeyId")
                .ok_or_else(|| missing("AccessKeyId"))?;
            let status = match params.get("Status") {
                Some("Active") => KeyStatus::Active,
                Some("Inactive") => KeyStatus::Inactive,
                Some(other) => {
                    return Err(validation(
                        "status",
                        other,
                        "Member must satisfy enum value set: [Active, Inactive]",
                    ));
                }
                None => return Err(missing("Status")),
            };
            iam.update_access_key(&user, key_id, status)
                .map_err(to_aws)?;
            Ok(written(Vec::new(), serde_json::Value::Null))
        }
        "DeleteAccessKey" => {
            let user = target_user(iam, caller, params)?;
            let key_id = params
                .get("AccessKeyId")
                .ok_or_else(|| missing("AccessKeyId"))?;
            iam.delete_access_key(&user, key_id).map_err(to_aws)?;
            Ok(written(Vec::new(), serde_json::Value::Null))
        }
        _ => Err(Common::InvalidAction.with(format!(
            "Could not find operation {operation} for version {VERSION}"
        ))),
    }
}

/// Put, get, list or delete an inline policy of `holder`, named in responses by `owner`.
fn inline_policy_op(
    iam: &Iam,
    holder: Holder<'_>,
    owner: (&'static str, &str),
    operation: &str,
    params: &QueryParams,
) -> Result<Reply, AwsError> {
    if operation.starts_with("List") {
        let names = iam.inline_policy_names(holder).map_err(to_aws)?;
        return Ok(Reply::quiet(Output::Xml(vec![
            Xml::Node(
                "PolicyNames",
                names.into_iter().map(|n| Xml::Text("member", n)).collect(),
            ),
            Xml::Text("IsTruncated", "false".into()),
        ])));
    }
    let policy = name(params, "PolicyName", 128)?;
    if operation.starts_with("Put") {
        let document = params
            .get("PolicyDocument")
            .ok_or_else(|| missing("PolicyDocument"))?;
        iam.put_inline_policy(holder, &policy, document)
            .map_err(to_aws)?;
        return Ok(written(Vec::new(), serde_json::Value::Null));
    }
    if operation.starts_with("Delete") {
        iam.delete_inline_policy(holder, &policy).map_err(to_aws)?;
        return Ok(written(Vec::new(), serde_json::Value::Null));
    }
    let found = iam.inline_policy(holder, &policy).map_err(to_aws)?;
    Ok(Reply::quiet(Output::Xml(vec![
        Xml::Text(owner.0, owner.1.to_owned()),
        Xml::Text("PolicyName", found.name),
        Xml::Text("PolicyDocument", url_encode(&found.document)),
    ])))
}

/// Tag, untag or list the tags `current` of a user or role; `change` applies a change to the
/// stored tags.
fn tag_op(
    operation: &str,
    params: &QueryParams,
    current: &[(String, String)],
    change: impl FnOnce(TagChange<'_>) -> Result<(), IamError>,
) -> Result<Reply, AwsError> {
    if operation.starts_with("List") {
        return Ok(Reply::quiet(Output::Xml(vec![
            tags_xml(current),
            Xml::Text("IsTruncated", "false".into()),
        ])));
    }
    let (added, removed) = (request_tags(params), params.list("TagKeys"));
    let requested = if operation.starts_with("Untag") {
        TagChange::Remove(&removed)
    } else {
        TagChange::Add(&added)
    };
    change(requested).map_err(to_aws)?;
    Ok(written(Vec::new(), serde_json::Value::Null))
}

/// Attach, detach or list the managed policies of `holder`.
fn attachment_op(
    iam: &Iam,
    holder: Holder<'_>,
    operation: &str,
    params: &QueryParams,
) -> Result<Reply, AwsError> {
    if operation.starts_with("List") {
        let attached = iam.attached_to(holder).map_err(to_aws)?;
        let members = attached
            .iter()
            .map(|p| {
                Xml::Node(
                    "member",
                    vec![
                        Xml::Text("PolicyName", p.name.clone()),
                        Xml::Text("PolicyArn", p.arn()),
                    ],
                )
            })
            .collect();
        return Ok(Reply::quiet(Output::Xml(vec![
            Xml::Node("AttachedPolicies", members),
            Xml::Text("IsTruncated", "false".into()),
        ])));
    }
    let arn = required(params, "PolicyArn")?;
    if operation.starts_with("Attach") {
        iam.attach_policy(holder, arn).map_err(to_aws)?;
    } else {
        iam.detach_policy(holder, arn).map_err(to_aws)?;
    }
    Ok(written(Vec::new(), serde_json::Value::Null))
}

/// A `Policy` element; `described` adds its description, which `ListPolicies` leaves out.
fn policy_xml(policy: &ManagedPolicy, usage: PolicyUsage, described: bool) -> Xml {
    let mut children = vec![
        Xml::Text("PolicyName", policy.name.clone()),
        Xml::Text("PolicyId", policy.policy_id.clone()),
        Xml::Text("Arn", policy.arn()),
        Xml::Text("Path", policy.path.clone()),
        Xml::Text("DefaultVersionId", format!("v{}", policy.default_version)),
        Xml::Text("AttachmentCount", usage.attachments.to_string()),
        Xml::Text(
            "PermissionsBoundaryUsageCount",
            usage.boundaries.to_string(),
        ),
        Xml::Text("IsAttachable", "true".into()),
        Xml::Text("CreateDate", policy.created.to_iso8601()),
        Xml::Text("UpdateDate", policy.updated.to_iso8601()),
    ];
    if let Some(description) = policy.description.as_ref().filter(|_| described) {
        children.push(Xml::Text("Description", description.clone()));
    }
    Xml::Node("Policy", children)
}

fn version_xml(version: &PolicyVersion, default: u32) -> Xml {
    Xml::Node(
        "PolicyVersion",
        vec![
            Xml::Text("Document", url_encode(&version.document)),
            Xml::Text("VersionId", format!("v{}", version.number)),
            Xml::Text("IsDefaultVersion", (version.number == default).to_string()),
            Xml::Text("CreateDate", version.created.to_iso8601()),
        ],
    )
}

fn required<'p>(params: &'p QueryParams, member: &str) -> Result<&'p str, AwsError> {
    params.get(member).ok_or_else(|| missing(member))
}

/// IAM returns policy documents URL-encoded; the SDKs and the CLI decode them.
fn url_encode(document: &str) -> String {
    percent_encoding::utf8_percent_encode(document, percent_encoding::NON_ALPHANUMERIC).to_string()
}

fn role_xml(role: &Role, detail: Detail) -> Xml {
    let mut children = vec![
        Xml::Text("Path", role.path.clone()),
        Xml::Text("RoleName", role.name.clone()),
        Xml::Text("RoleId", role.role_id.clone()),
        Xml::Text("Arn", role.arn()),
        Xml::Text("CreateDate", role.created.to_iso8601()),
        Xml::Text("AssumeRolePolicyDocument", url_encode(&role.trust_policy)),
        Xml::Text("MaxSessionDuration", role.max_session_secs.to_string()),
    ];
    children.extend(boundary_and_tags(
        detail,
        role.permissions_boundary.as_deref(),
        &role.tags,
    ));
    Xml::Node("Role", children)
}

/// How much of a user or role a response shows: list operations leave out the permissions
/// boundary and tags, as on AWS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    Full,
    Listed,
}

/// The `PermissionsBoundary` and `Tags` elements of a user or role, where it has them and
/// `detail` shows them. The
/// boundary's type is the service model's `PermissionsBoundaryPolicy` (live IAM says `Policy`;
/// clients accept either).
fn boundary_and_tags(
    detail: Detail,
    boundary: Option<&str>,
    tags: &[(String, String)],
) -> Vec<Xml> {
    if detail == Detail::Listed {
        return Vec::new();
    }
    let boundary = boundary.map(|arn| {
        Xml::Node(
            "PermissionsBoundary",
            vec![
                Xml::Text(
                    "PermissionsBoundaryType",
                    "PermissionsBoundaryPolicy".into(),
                ),
                Xml::Text("PermissionsBoundaryArn", arn.to_owned()),
            ],
        )
    });
    let tags = (!tags.is_empty()).then(|| tags_xml(tags));
    boundary.into_iter().chain(tags).collect()
}

/// The `PermissionsBoundary` a create call names, if any, checked as an ARN of 20 to 2,048
/// characters.
fn boundary_arn(params: &QueryParams) -> Result<Option<&str>, AwsError> {
    let Some(arn) = params.get("PermissionsBoundary") else {
        return Ok(None);
    };
    if !(20..=2048).contains(&arn.chars().count()) {
        return Err(validation(
            "permissionsBoundary",
            arn,
            "Member must have length between 20 and 2048",
        ));
    }
    if neargate_common::Arn::parse(arn).is_none() {
        return Err(IamCode::InvalidInputException.with(format!("ARN {arn} is not valid.")));
    }
    Ok(Some(arn))
}

/// The boundary a `Put…PermissionsBoundary` call sets, or `None` for a `Delete…` call.
fn boundary_to_set<'p>(
    operation: &str,
    params: &'p QueryParams,
) -> Result<Option<&'p str>, AwsError> {
    if operation.starts_with("Delete") {
        return Ok(None);
    }
    if params.get("PermissionsBoundary").is_none() {
        return Err(missing("PermissionsBoundary"));
    }
    boundary_arn(params)
}

/// `Tags.member.N.Key` / `Tags.member.N.Value`, in order.
pub fn request_tags(params: &QueryParams) -> Vec<(String, String)> {
    // Most calls set no tags: look for any before building member names.
    if !params.pairs().iter().any(|(k, _)| k.starts_with("Tags.")) {
        return Vec::new();
    }
    (1..)
        .map_while(|n| {
            let key = params.get(&format!("Tags.member.{n}.Key"))?;
            let value = params.get(&format!("Tags.member.{n}.Value")).unwrap_or("");
            Some((key.to_owned(), value.to_owned()))
        })
        .collect()
}

fn group_xml(group: &Group) -> Xml {
    Xml::Node(
        "Group",
        vec![
            Xml::Text("Path", group.path.clone()),
            Xml::Text("GroupName", group.name.clone()),
            Xml::Text("GroupId", group.group_id.clone()),
            Xml::Text("Arn", group.arn()),
            Xml::Text("CreateDate", group.created.to_iso8601()),
        ],
    )
}

fn named_group(iam: &Iam, caller: &Principal, params: &QueryParams) -> Result<Group, AwsError> {
    iam.group(&caller.account, &name(params, "GroupName", 128)?)
        .map_err(to_aws)
}

fn named_role(iam: &Iam, caller: &Principal, params: &QueryParams) -> Result<Role, AwsError> {
    iam.role(&caller.account, &name(params, "RoleName", 64)?)
        .map_err(to_aws)
}

fn written(output: Vec<Xml>, trail: serde_json::Value) -> Reply {
    Reply {
        output: Output::Xml(output),
        response_elements: (!trail.is_null()).then_some(trail),
    }
}

fn user_xml(user: &User, detail: Detail) -> Xml {
    let mut children = vec![
        Xml::Text("Path", user.path.clone()),
        Xml::Text("UserName", user.name.clone()),
        Xml::Text("UserId", user.user_id.clone()),
        Xml::Text("Arn", user.arn()),
        Xml::Text("CreateDate", user.created.to_iso8601()),
    ];
    children.extend(boundary_and_tags(
        detail,
        user.permissions_boundary.as_deref(),
        &user.tags,
    ));
    Xml::Node("User", children)
}

/// A `Tags` list of `Key`/`Value` members.
fn tags_xml(tags: &[(String, String)]) -> Xml {
    let members = tags
        .iter()
        .map(|(k, v)| {
            Xml::Node(
                "member",
                vec![Xml::Text("Key", k.clone()), Xml::Text("Value", v.clone())],
            )
        })
        .collect();
    Xml::Node("Tags", members)
}

/// `user_xml`'s children as a list `member`.
fn member(node: Xml) -> Xml {
    match node {
        Xml::Node(_, children) => Xml::Node("member", children),
        text => text,
    }
}

fn status_text(status: KeyStatus) -> &'static str {
    match status {
        KeyStatus::Active => "Active",
        KeyStatus::Inactive => "Inactive",
    }
}

fn user_json(user: &User) -> serde_json::Value {
    json!({ "path": user.path, "userName": user.name, "userId": user.user_id, "arn": user.arn(), "createDate": user.created.to_iso8601() })
}

/// The user named by `UserName`, else the caller's own user.
fn target_user(iam: &Iam, caller: &Principal, params: &QueryParams) -> Result<Arc<User>, AwsError> {
    match params.get("UserName") {
        Some(_) => named_user(iam, caller, params),
        None => {
            let own = caller.user_name.as_deref().ok_or_else(|| {
                Common::ValidationError
                    .with("Must specify userName when calling with non-User credentials")
            })?;
            find_user(iam, &caller.account, own)
        }
    }
}

fn named_user(iam: &Iam, caller: &Principal, params: &QueryParams) -> Result<Arc<User>, AwsError> {
    find_user(iam, &caller.account, &name(params, "UserName", 64)?)
}

fn find_user(iam: &Iam, account: &str, name: &str) -> Result<Arc<User>, AwsError> {
    iam.user(account, name)
        .map_err(|e| to_aws(IamError::Store(e)))?
        .ok_or_else(|| {
            IamCode::NoSuchEntityException
                .with(format!("The user with name {name} cannot be found."))
        })
}

/// A required name parameter: 1 to `max` characters of `[\w+=,.@-]`, as IAM validates names.
fn name(params: &QueryParams, member: &str, max: usize) -> Result<String, AwsError> {
    let value = params.get(member).ok_or_else(|| missing(member))?;
    let member_camel = || format!("{}{}", member[..1].to_ascii_lowercase(), &member[1..]);
    if value.is_empty() || value.chars().count() > max {
        return Err(validation(
            &member_camel(),
            value,
            &format!("Member must have length between 1 and {max}"),
        ));
    }
    if !value
        .chars()
        .all(|c| c.is_alphanumeric() || "_+=,.@-".contains(c))
    {
        return Err(validation(
            &member_camel(),
            value,
            "Member must satisfy regular expression pattern: [\\w+=,.@-]+",
        ));
    }
    Ok(value.to_owned())
}

fn missing(member: &str) -> AwsError {
    let camel = format!("{}{}", member[..1].to_ascii_lowercase(), &member[1..]);
    Common::ValidationError.with(format!(
            "1 validation error detected: Value null at '{camel}' failed to satisfy constraint: Member must not be null"
        ),
    )
}

fn validation(member: &str, value: &str, constraint: &str) -> AwsError {
    Common::ValidationError.with(format!(
            "1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}"
        ),
    )
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
