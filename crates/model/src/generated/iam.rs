//! The served part of botocore 1.43.11's `iam/2010-05-08` model. Written by `neargate-codegen`; do not edit.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::shape::{Bound, Kind, Member, Model, Operation, Patterns, Rules, Shape, Text};
use crate::types::{SecretString, Time};

static PATTERNS: Patterns = Patterns::new();

/// The model: 59 served operations, 189 shapes.
pub static MODEL: Model = Model {
    service: "iam",
    api_version: "2010-05-08",
    json: false,
    rules: Rules { exception: "ValidationError", required: true, constraints: true },
    operations: &[
        Operation { name: "AddUserToGroup", read_only: false, dry_run: false, input: Some(4), output: None, errors: &["NoSuchEntity", "LimitExceeded", "ServiceFailure"] },
        Operation { name: "AttachGroupPolicy", read_only: false, dry_run: false, input: Some(5), output: None, errors: &["NoSuchEntity", "LimitExceeded", "InvalidInput", "PolicyNotAttachable", "ServiceFailure"] },
        Operation { name: "AttachRolePolicy", read_only: false, dry_run: false, input: Some(6), output: None, errors: &["NoSuchEntity", "LimitExceeded", "InvalidInput", "UnmodifiableEntity", "PolicyNotAttachable", "ServiceFailure"] },
        Operation { name: "AttachUserPolicy", read_only: false, dry_run: false, input: Some(7), output: None, errors: &["NoSuchEntity", "LimitExceeded", "InvalidInput", "PolicyNotAttachable", "ServiceFailure"] },
        Operation { name: "CreateAccessKey", read_only: false, dry_run: false, input: Some(20), output: Some(21), errors: &["NoSuchEntity", "LimitExceeded", "ServiceFailure"] },
        Operation { name: "CreateGroup", read_only: false, dry_run: false, input: Some(22), output: Some(23), errors: &["LimitExceeded", "EntityAlreadyExists", "NoSuchEntity", "ServiceFailure"] },
        Operation { name: "CreatePolicy", read_only: false, dry_run: false, input: Some(24), output: Some(25), errors: &["InvalidInput", "LimitExceeded", "EntityAlreadyExists", "MalformedPolicyDocument", "ConcurrentModification", "ServiceFailure"] },
        Operation { name: "CreatePolicyVersion", read_only: false, dry_run: false, input: Some(26), output: Some(27), errors: &["NoSuchEntity", "MalformedPolicyDocument", "InvalidInput", "LimitExceeded", "ServiceFailure"] },
        Operation { name: "CreateRole", read_only: false, dry_run: false, input: Some(28), output: Some(29), errors: &["LimitExceeded", "InvalidInput", "EntityAlreadyExists", "MalformedPolicyDocument", "ConcurrentModification", "ServiceFailure"] },
        Operation { name: "CreateUser", read_only: false, dry_run: false, input: Some(30), output: Some(31), errors: &["LimitExceeded", "EntityAlreadyExists", "NoSuchEntity", "InvalidInput", "ConcurrentModification", "ServiceFailure"] },
        Operation { name: "DeleteAccessKey", read_only: false, dry_run: false, input: Some(32), output: None, errors: &["NoSuchEntity", "LimitExceeded", "ServiceFailure"] },
        Operation { name: "DeleteGroup", read_only: false, dry_run: false, input: Some(35), output: None, errors: &["NoSuchEntity", "DeleteConflict", "LimitExceeded", "ServiceFailure"] },
        Operation { name: "DeleteGroupPolicy", read_only: false, dry_run: false, input: Some(34), output: None, errors: &["NoSuchEntity", "LimitExceeded", "ServiceFailure"] },
        Operation { name: "DeletePolicy", read_only: false, dry_run: false, input: Some(36), output: None, errors: &["NoSuchEntity", "LimitExceeded", "InvalidInput", "DeleteConflict", "ServiceFailure"] },
        Operation { name: "DeleteRole", read_only: false, dry_run: false, input: Some(39), output: None, errors: &["NoSuchEntity", "DeleteConflict", "LimitExceeded", "UnmodifiableEntity", "ConcurrentModification", "ServiceFailure"] },
        Operation { name: "DeleteRolePermissionsBoundary", read_only: false, dry_run: false, input: Some(37), output: None, errors: &["NoSuchEntity", "UnmodifiableEntity", "ServiceFailure"] },
        Operation { name: "DeleteRolePolicy", read_only: false, dry_run: false, input: Some(38), output: None, errors: &["NoSuchEntity", "LimitExceeded", "UnmodifiableEntity", "ServiceFailure"] },
        Operation { name: "DeleteUser", read_only: false, dry_run: false, input: Some(42), output: None, errors: &["LimitExceeded", "NoSuchEntity", "DeleteConflict", "ConcurrentModification", "ServiceFailure"] },
        Operation { name: "DeleteUserPermissionsBoundary", read_only: false, dry_run: false, input: Some(40), output: None, errors: &["NoSuchEntity", "ServiceFailure"] },
        Operation { name: "DeleteUserPolicy", read_only: false, dry_run: false, input: Some(41), output: None, errors: &["NoSuchEntity", "LimitExceeded", "ServiceFailure"] },
        Operation { name: "DetachGroupPolicy", read_only: false, dry_run: false, input: Some(43), output: None, errors: &["NoSuchEntity", "LimitExceeded", "InvalidInput", "ServiceFailure"] },
        Operation { name: "DetachRolePolicy", read_only: false, dry_run: false, input: Some(44), output: None, errors: &["NoSuchEntity", "LimitExceeded", "InvalidInput", "UnmodifiableEntity", "ServiceFailure"] },
        Operation { name: "DetachUserPolicy", read_only: false, dry_run: false, input: Some(45), output: None, errors: &["NoSuchEntity", "LimitExceeded", "InvalidInput", "ServiceFailure"] },
        Operation { name: "GetGroup", read_only: true, dry_run: false, input: Some(53), output: Some(54), errors: &["NoSuchEntity", "ServiceFailure"] },
        Operation { name: "GetGroupPolicy", read_only: true, dry_run: false, input: Some(51), output: Some(52), errors: &["NoSuchEntity", "ServiceFailure"] },
        Operation { name: "GetPolicy", read_only: true, dry_run: false, input: Some(55), output: Some(56), errors: &["NoSuchEntity", "InvalidInput", "ServiceFailure"] },
        Operation { name: "GetPolicyVersion", read_only: true, dry_run: false, input: Some(57), output: Some(58), errors: &["NoSuchEntity", "InvalidInput", "ServiceFailure"] },
        Operation { name: "GetRole", read_only: true, dry_run: false, input: Some(61), output: Some(62), errors: &["NoSuchEntity", "ServiceFailure"] },
        Operation { name: "GetRolePolicy", read_only: true, dry_run: false, input: Some(59), output: Some(60), errors: &["NoSuchEntity", "ServiceFailure"] },
        Operation { name: "GetUser", read_only: true, dry_run: false, input: Some(65), output: Some(66), errors: &["NoSuchEntity", "ServiceFailure"] },
        Operation { name: "GetUserPolicy", read_only: true, dry_run: false, input: Some(63), output: Some(64), errors: &["NoSuchEntity", "ServiceFailure"] },
        Operation { name: "ListAccessKeys", read_only: true, dry_run: false, input: Some(71), output: Some(72), errors: &["NoSuchEntity", "ServiceFailure"] },
        Operation { name: "ListAttachedGroupPolicies", read_only: true, dry_run: false, input: Some(73), output: Some(74), errors: &["NoSuchEntity", "InvalidInput", "ServiceFailure"] },
        Operation { name: "ListAttachedRolePolicies", read_only: true, dry_run: false, input: Some(75), output: Some(76), errors: &["NoSuchEntity", "InvalidInput", "ServiceFailure"] },
        Operation { name: "ListAttachedUserPolicies", read_only: true, dry_run: false, input: Some(77), output: Some(78), errors: &["NoSuchEntity", "InvalidInput", "ServiceFailure"] },
        Operation { name: "ListGroupPolicies", read_only: true, dry_run: false, input: Some(79), output: Some(80), errors: &["NoSuchEntity", "ServiceFailure"] },
        Operation { name: "ListGroups", read_only: true, dry_run: false, input: Some(83), output: Some(84), errors: &["ServiceFailure"] },
        Operation { name: "ListGroupsForUser", read_only: true, dry_run: false, input: Some(81), output: Some(82), errors: &["NoSuchEntity", "ServiceFailure"] },
        Operation { name: "ListPolicies", read_only: true, dry_run: false, input: Some(85), output: Some(86), errors: &["ServiceFailure"] },
        Operation { name: "ListRolePolicies", read_only: true, dry_run: false, input: Some(87), output: Some(88), errors: &["NoSuchEntity", "ServiceFailure"] },
        Operation { name: "ListRoleTags", read_only: true, dry_run: false, input: Some(89), output: Some(90), errors: &["NoSuchEntity", "ServiceFailure"] },
        Operation { name: "ListRoles", read_only: true, dry_run: false, input: Some(91), output: Some(92), errors: &["ServiceFailure"] },
        Operation { name: "ListUserPolicies", read_only: true, dry_run: false, input: Some(93), output: Some(94), errors: &["NoSuchEntity", "ServiceFailure"] },
        Operation { name: "ListUserTags", read_only: true, dry_run: false, input: Some(95), output: Some(96), errors: &["NoSuchEntity", "ServiceFailure"] },
        Operation { name: "ListUsers", read_only: true, dry_run: false, input: Some(97), output: Some(98), errors: &["ServiceFailure"] },
        Operation { name: "PutGroupPolicy", read_only: false, dry_run: false, input: Some(113), output: None, errors: &["LimitExceeded", "MalformedPolicyDocument", "NoSuchEntity", "ServiceFailure"] },
        Operation { name: "PutRolePermissionsBoundary", read_only: false, dry_run: false, input: Some(114), output: None, errors: &["NoSuchEntity", "InvalidInput", "UnmodifiableEntity", "PolicyNotAttachable", "ServiceFailure"] },
        Operation { name: "PutRolePolicy", read_only: false, dry_run: false, input: Some(115), output: None, errors: &["LimitExceeded", "MalformedPolicyDocument", "NoSuchEntity", "UnmodifiableEntity", "ServiceFailure"] },
        Operation { name: "PutUserPermissionsBoundary", read_only: false, dry_run: false, input: Some(116), output: None, errors: &["NoSuchEntity", "InvalidInput", "PolicyNotAttachable", "ServiceFailure"] },
        Operation { name: "PutUserPolicy", read_only: false, dry_run: false, input: Some(117), output: None, errors: &["LimitExceeded", "MalformedPolicyDocument", "NoSuchEntity", "ServiceFailure"] },
        Operation { name: "RemoveUserFromGroup", read_only: false, dry_run: false, input: Some(118), output: None, errors: &["NoSuchEntity", "LimitExceeded", "ServiceFailure"] },
        Operation { name: "SimulateCustomPolicy", read_only: true, dry_run: false, input: Some(127), output: Some(128), errors: &["InvalidInput", "PolicyEvaluation"] },
        Operation { name: "SimulatePrincipalPolicy", read_only: true, dry_run: false, input: Some(129), output: Some(128), errors: &["NoSuchEntity", "InvalidInput", "PolicyEvaluation"] },
        Operation { name: "TagRole", read_only: false, dry_run: false, input: Some(134), output: None, errors: &["NoSuchEntity", "LimitExceeded", "InvalidInput", "ConcurrentModification", "ServiceFailure"] },
        Operation { name: "TagUser", read_only: false, dry_run: false, input: Some(135), output: None, errors: &["NoSuchEntity", "LimitExceeded", "InvalidInput", "ConcurrentModification", "ServiceFailure"] },
        Operation { name: "UntagRole", read_only: false, dry_run: false, input: Some(137), output: None, errors: &["NoSuchEntity", "ConcurrentModification", "ServiceFailure"] },
        Operation { name: "UntagUser", read_only: false, dry_run: false, input: Some(138), output: None, errors: &["NoSuchEntity", "ConcurrentModification", "ServiceFailure"] },
        Operation { name: "UpdateAccessKey", read_only: false, dry_run: false, input: Some(139), output: None, errors: &["NoSuchEntity", "LimitExceeded", "ServiceFailure", "InvalidInput"] },
        Operation { name: "UpdateAssumeRolePolicy", read_only: false, dry_run: false, input: Some(140), output: None, errors: &["NoSuchEntity", "MalformedPolicyDocument", "LimitExceeded", "UnmodifiableEntity", "ServiceFailure"] },
    ],
    shapes: &[
        /* 0 */ Shape { name: "AccessKey", kind: Kind::Structure(&[Member { name: "AccessKeyId", shape: 142, required: true }, Member { name: "CreateDate", shape: 149, required: false }, Member { name: "SecretAccessKey", shape: 144, required: true }, Member { name: "Status", shape: 180, required: true }, Member { name: "UserName", shape: 188, required: true }]) },
        /* 1 */ Shape { name: "AccessKeyMetadata", kind: Kind::Structure(&[Member { name: "AccessKeyId", shape: 142, required: false }, Member { name: "CreateDate", shape: 149, required: false }, Member { name: "Status", shape: 180, required: false }, Member { name: "UserName", shape: 188, required: false }]) },
        /* 2 */ Shape { name: "ActionNameListType", kind: Kind::List { member: 3, length: Bound { min: None, max: None } } },
        /* 3 */ Shape { name: "ActionNameType", kind: Kind::String(Text { length: Bound { min: Some(3), max: Some(128) }, pattern: None, values: &[], sensitive: false }) },
        /* 4 */ Shape { name: "AddUserToGroupRequest", kind: Kind::Structure(&[Member { name: "GroupName", shape: 154, required: true }, Member { name: "UserName", shape: 152, required: true }]) },
        /* 5 */ Shape { name: "AttachGroupPolicyRequest", kind: Kind::Structure(&[Member { name: "GroupName", shape: 154, required: true }, Member { name: "PolicyArn", shape: 145, required: true }]) },
        /* 6 */ Shape { name: "AttachRolePolicyRequest", kind: Kind::Structure(&[Member { name: "PolicyArn", shape: 145, required: true }, Member { name: "RoleName", shape: 178, required: true }]) },
        /* 7 */ Shape { name: "AttachUserPolicyRequest", kind: Kind::Structure(&[Member { name: "PolicyArn", shape: 145, required: true }, Member { name: "UserName", shape: 188, required: true }]) },
        /* 8 */ Shape { name: "AttachedPermissionsBoundary", kind: Kind::Structure(&[Member { name: "PermissionsBoundaryArn", shape: 145, required: false }, Member { name: "PermissionsBoundaryType", shape: 102, required: false }]) },
        /* 9 */ Shape { name: "AttachedPolicy", kind: Kind::Structure(&[Member { name: "PolicyArn", shape: 145, required: false }, Member { name: "PolicyName", shape: 169, required: false }]) },
        /* 10 */ Shape { name: "ColumnNumber", kind: Kind::Integer(Bound { min: None, max: None }) },
        /* 11 */ Shape { name: "ConcurrentModificationException", kind: Kind::Structure(&[Member { name: "message", shape: 12, required: false }]) },
        /* 12 */ Shape { name: "ConcurrentModificationMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 13 */ Shape { name: "ContextEntry", kind: Kind::Structure(&[Member { name: "ContextKeyName", shape: 15, required: false }, Member { name: "ContextKeyType", shape: 17, required: false }, Member { name: "ContextKeyValues", shape: 18, required: false }]) },
        /* 14 */ Shape { name: "ContextEntryListType", kind: Kind::List { member: 13, length: Bound { min: None, max: None } } },
        /* 15 */ Shape { name: "ContextKeyNameType", kind: Kind::String(Text { length: Bound { min: Some(5), max: Some(256) }, pattern: None, values: &[], sensitive: false }) },
        /* 16 */ Shape { name: "ContextKeyNamesResultListType", kind: Kind::List { member: 15, length: Bound { min: None, max: None } } },
        /* 17 */ Shape { name: "ContextKeyTypeEnum", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["string", "stringList", "numeric", "numericList", "boolean", "booleanList", "ip", "ipList", "binary", "binaryList", "date", "dateList"], sensitive: false }) },
        /* 18 */ Shape { name: "ContextKeyValueListType", kind: Kind::List { member: 19, length: Bound { min: None, max: None } } },
        /* 19 */ Shape { name: "ContextKeyValueType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 20 */ Shape { name: "CreateAccessKeyRequest", kind: Kind::Structure(&[Member { name: "UserName", shape: 152, required: false }]) },
        /* 21 */ Shape { name: "CreateAccessKeyResponse", kind: Kind::Structure(&[Member { name: "AccessKey", shape: 0, required: true }]) },
        /* 22 */ Shape { name: "CreateGroupRequest", kind: Kind::Structure(&[Member { name: "GroupName", shape: 154, required: true }, Member { name: "Path", shape: 163, required: false }]) },
        /* 23 */ Shape { name: "CreateGroupResponse", kind: Kind::Structure(&[Member { name: "Group", shape: 67, required: true }]) },
        /* 24 */ Shape { name: "CreatePolicyRequest", kind: Kind::Structure(&[Member { name: "Description", shape: 164, required: false }, Member { name: "Path", shape: 171, required: false }, Member { name: "PolicyDocument", shape: 165, required: true }, Member { name: "PolicyName", shape: 169, required: true }, Member { name: "Tags", shape: 184, required: false }]) },
        /* 25 */ Shape { name: "CreatePolicyResponse", kind: Kind::Structure(&[Member { name: "Policy", shape: 104, required: false }]) },
        /* 26 */ Shape { name: "CreatePolicyVersionRequest", kind: Kind::Structure(&[Member { name: "PolicyArn", shape: 145, required: true }, Member { name: "PolicyDocument", shape: 165, required: true }, Member { name: "SetAsDefault", shape: 148, required: false }]) },
        /* 27 */ Shape { name: "CreatePolicyVersionResponse", kind: Kind::Structure(&[Member { name: "PolicyVersion", shape: 111, required: false }]) },
        /* 28 */ Shape { name: "CreateRoleRequest", kind: Kind::Structure(&[Member { name: "AssumeRolePolicyDocument", shape: 165, required: true }, Member { name: "Description", shape: 175, required: false }, Member { name: "MaxSessionDuration", shape: 177, required: false }, Member { name: "Path", shape: 163, required: false }, Member { name: "PermissionsBoundary", shape: 145, required: false }, Member { name: "RoleName", shape: 178, required: true }, Member { name: "Tags", shape: 184, required: false }]) },
        /* 29 */ Shape { name: "CreateRoleResponse", kind: Kind::Structure(&[Member { name: "Role", shape: 124, required: true }]) },
        /* 30 */ Shape { name: "CreateUserRequest", kind: Kind::Structure(&[Member { name: "Path", shape: 163, required: false }, Member { name: "PermissionsBoundary", shape: 145, required: false }, Member { name: "Tags", shape: 184, required: false }, Member { name: "UserName", shape: 188, required: true }]) },
        /* 31 */ Shape { name: "CreateUserResponse", kind: Kind::Structure(&[Member { name: "User", shape: 141, required: false }]) },
        /* 32 */ Shape { name: "DeleteAccessKeyRequest", kind: Kind::Structure(&[Member { name: "AccessKeyId", shape: 142, required: true }, Member { name: "UserName", shape: 152, required: false }]) },
        /* 33 */ Shape { name: "DeleteConflictException", kind: Kind::Structure(&[Member { name: "message", shape: 150, required: false }]) },
        /* 34 */ Shape { name: "DeleteGroupPolicyRequest", kind: Kind::Structure(&[Member { name: "GroupName", shape: 154, required: true }, Member { name: "PolicyName", shape: 169, required: true }]) },
        /* 35 */ Shape { name: "DeleteGroupRequest", kind: Kind::Structure(&[Member { name: "GroupName", shape: 154, required: true }]) },
        /* 36 */ Shape { name: "DeletePolicyRequest", kind: Kind::Structure(&[Member { name: "PolicyArn", shape: 145, required: true }]) },
        /* 37 */ Shape { name: "DeleteRolePermissionsBoundaryRequest", kind: Kind::Structure(&[Member { name: "RoleName", shape: 178, required: true }]) },
        /* 38 */ Shape { name: "DeleteRolePolicyRequest", kind: Kind::Structure(&[Member { name: "PolicyName", shape: 169, required: true }, Member { name: "RoleName", shape: 178, required: true }]) },
        /* 39 */ Shape { name: "DeleteRoleRequest", kind: Kind::Structure(&[Member { name: "RoleName", shape: 178, required: true }]) },
        /* 40 */ Shape { name: "DeleteUserPermissionsBoundaryRequest", kind: Kind::Structure(&[Member { name: "UserName", shape: 188, required: true }]) },
        /* 41 */ Shape { name: "DeleteUserPolicyRequest", kind: Kind::Structure(&[Member { name: "PolicyName", shape: 169, required: true }, Member { name: "UserName", shape: 152, required: true }]) },
        /* 42 */ Shape { name: "DeleteUserRequest", kind: Kind::Structure(&[Member { name: "UserName", shape: 152, required: true }]) },
        /* 43 */ Shape { name: "DetachGroupPolicyRequest", kind: Kind::Structure(&[Member { name: "GroupName", shape: 154, required: true }, Member { name: "PolicyArn", shape: 145, required: true }]) },
        /* 44 */ Shape { name: "DetachRolePolicyRequest", kind: Kind::Structure(&[Member { name: "PolicyArn", shape: 145, required: true }, Member { name: "RoleName", shape: 178, required: true }]) },
        /* 45 */ Shape { name: "DetachUserPolicyRequest", kind: Kind::Structure(&[Member { name: "PolicyArn", shape: 145, required: true }, Member { name: "UserName", shape: 188, required: true }]) },
        /* 46 */ Shape { name: "EntityAlreadyExistsException", kind: Kind::Structure(&[Member { name: "message", shape: 151, required: false }]) },
        /* 47 */ Shape { name: "EvalDecisionDetailsType", kind: Kind::Map { key: 48, value: 105, length: Bound { min: None, max: None } } },
        /* 48 */ Shape { name: "EvalDecisionSourceType", kind: Kind::String(Text { length: Bound { min: Some(3), max: Some(256) }, pattern: None, values: &[], sensitive: false }) },
        /* 49 */ Shape { name: "EvaluationResult", kind: Kind::Structure(&[Member { name: "EvalActionName", shape: 3, required: true }, Member { name: "EvalDecision", shape: 105, required: true }, Member { name: "EvalDecisionDetails", shape: 47, required: false }, Member { name: "EvalResourceName", shape: 121, required: false }, Member { name: "MatchedStatements", shape: 132, required: false }, Member { name: "MissingContextValues", shape: 16, required: false }, Member { name: "OrganizationsDecisionDetail", shape: 101, required: false }, Member { name: "PermissionsBoundaryDecisionDetail", shape: 103, required: false }, Member { name: "ResourceSpecificResults", shape: 123, required: false }]) },
        /* 50 */ Shape { name: "EvaluationResultsListType", kind: Kind::List { member: 49, length: Bound { min: None, max: None } } },
        /* 51 */ Shape { name: "GetGroupPolicyRequest", kind: Kind::Structure(&[Member { name: "GroupName", shape: 154, required: true }, Member { name: "PolicyName", shape: 169, required: true }]) },
        /* 52 */ Shape { name: "GetGroupPolicyResponse", kind: Kind::Structure(&[Member { name: "GroupName", shape: 154, required: true }, Member { name: "PolicyDocument", shape: 165, required: true }, Member { name: "PolicyName", shape: 169, required: true }]) },
        /* 53 */ Shape { name: "GetGroupRequest", kind: Kind::Structure(&[Member { name: "GroupName", shape: 154, required: true }, Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }]) },
        /* 54 */ Shape { name: "GetGroupResponse", kind: Kind::Structure(&[Member { name: "Group", shape: 67, required: true }, Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }, Member { name: "Users", shape: 187, required: true }]) },
        /* 55 */ Shape { name: "GetPolicyRequest", kind: Kind::Structure(&[Member { name: "PolicyArn", shape: 145, required: true }]) },
        /* 56 */ Shape { name: "GetPolicyResponse", kind: Kind::Structure(&[Member { name: "Policy", shape: 104, required: false }]) },
        /* 57 */ Shape { name: "GetPolicyVersionRequest", kind: Kind::Structure(&[Member { name: "PolicyArn", shape: 145, required: true }, Member { name: "VersionId", shape: 173, required: true }]) },
        /* 58 */ Shape { name: "GetPolicyVersionResponse", kind: Kind::Structure(&[Member { name: "PolicyVersion", shape: 111, required: false }]) },
        /* 59 */ Shape { name: "GetRolePolicyRequest", kind: Kind::Structure(&[Member { name: "PolicyName", shape: 169, required: true }, Member { name: "RoleName", shape: 178, required: true }]) },
        /* 60 */ Shape { name: "GetRolePolicyResponse", kind: Kind::Structure(&[Member { name: "PolicyDocument", shape: 165, required: true }, Member { name: "PolicyName", shape: 169, required: true }, Member { name: "RoleName", shape: 178, required: true }]) },
        /* 61 */ Shape { name: "GetRoleRequest", kind: Kind::Structure(&[Member { name: "RoleName", shape: 178, required: true }]) },
        /* 62 */ Shape { name: "GetRoleResponse", kind: Kind::Structure(&[Member { name: "Role", shape: 124, required: true }]) },
        /* 63 */ Shape { name: "GetUserPolicyRequest", kind: Kind::Structure(&[Member { name: "PolicyName", shape: 169, required: true }, Member { name: "UserName", shape: 152, required: true }]) },
        /* 64 */ Shape { name: "GetUserPolicyResponse", kind: Kind::Structure(&[Member { name: "PolicyDocument", shape: 165, required: true }, Member { name: "PolicyName", shape: 169, required: true }, Member { name: "UserName", shape: 152, required: true }]) },
        /* 65 */ Shape { name: "GetUserRequest", kind: Kind::Structure(&[Member { name: "UserName", shape: 152, required: false }]) },
        /* 66 */ Shape { name: "GetUserResponse", kind: Kind::Structure(&[Member { name: "User", shape: 141, required: true }]) },
        /* 67 */ Shape { name: "Group", kind: Kind::Structure(&[Member { name: "Arn", shape: 145, required: true }, Member { name: "CreateDate", shape: 149, required: true }, Member { name: "GroupId", shape: 155, required: true }, Member { name: "GroupName", shape: 154, required: true }, Member { name: "Path", shape: 163, required: true }]) },
        /* 68 */ Shape { name: "InvalidInputException", kind: Kind::Structure(&[Member { name: "message", shape: 156, required: false }]) },
        /* 69 */ Shape { name: "LimitExceededException", kind: Kind::Structure(&[Member { name: "message", shape: 157, required: false }]) },
        /* 70 */ Shape { name: "LineNumber", kind: Kind::Integer(Bound { min: None, max: None }) },
        /* 71 */ Shape { name: "ListAccessKeysRequest", kind: Kind::Structure(&[Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "UserName", shape: 152, required: false }]) },
        /* 72 */ Shape { name: "ListAccessKeysResponse", kind: Kind::Structure(&[Member { name: "AccessKeyMetadata", shape: 143, required: true }, Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }]) },
        /* 73 */ Shape { name: "ListAttachedGroupPoliciesRequest", kind: Kind::Structure(&[Member { name: "GroupName", shape: 154, required: true }, Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "PathPrefix", shape: 171, required: false }]) },
        /* 74 */ Shape { name: "ListAttachedGroupPoliciesResponse", kind: Kind::Structure(&[Member { name: "AttachedPolicies", shape: 146, required: false }, Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }]) },
        /* 75 */ Shape { name: "ListAttachedRolePoliciesRequest", kind: Kind::Structure(&[Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "PathPrefix", shape: 171, required: false }, Member { name: "RoleName", shape: 178, required: true }]) },
        /* 76 */ Shape { name: "ListAttachedRolePoliciesResponse", kind: Kind::Structure(&[Member { name: "AttachedPolicies", shape: 146, required: false }, Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }]) },
        /* 77 */ Shape { name: "ListAttachedUserPoliciesRequest", kind: Kind::Structure(&[Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "PathPrefix", shape: 171, required: false }, Member { name: "UserName", shape: 188, required: true }]) },
        /* 78 */ Shape { name: "ListAttachedUserPoliciesResponse", kind: Kind::Structure(&[Member { name: "AttachedPolicies", shape: 146, required: false }, Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }]) },
        /* 79 */ Shape { name: "ListGroupPoliciesRequest", kind: Kind::Structure(&[Member { name: "GroupName", shape: 154, required: true }, Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }]) },
        /* 80 */ Shape { name: "ListGroupPoliciesResponse", kind: Kind::Structure(&[Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }, Member { name: "PolicyNames", shape: 168, required: true }]) },
        /* 81 */ Shape { name: "ListGroupsForUserRequest", kind: Kind::Structure(&[Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "UserName", shape: 152, required: true }]) },
        /* 82 */ Shape { name: "ListGroupsForUserResponse", kind: Kind::Structure(&[Member { name: "Groups", shape: 153, required: true }, Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }]) },
        /* 83 */ Shape { name: "ListGroupsRequest", kind: Kind::Structure(&[Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "PathPrefix", shape: 162, required: false }]) },
        /* 84 */ Shape { name: "ListGroupsResponse", kind: Kind::Structure(&[Member { name: "Groups", shape: 153, required: true }, Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }]) },
        /* 85 */ Shape { name: "ListPoliciesRequest", kind: Kind::Structure(&[Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "OnlyAttached", shape: 148, required: false }, Member { name: "PathPrefix", shape: 171, required: false }, Member { name: "PolicyUsageFilter", shape: 110, required: false }, Member { name: "Scope", shape: 172, required: false }]) },
        /* 86 */ Shape { name: "ListPoliciesResponse", kind: Kind::Structure(&[Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }, Member { name: "Policies", shape: 167, required: false }]) },
        /* 87 */ Shape { name: "ListRolePoliciesRequest", kind: Kind::Structure(&[Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "RoleName", shape: 178, required: true }]) },
        /* 88 */ Shape { name: "ListRolePoliciesResponse", kind: Kind::Structure(&[Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }, Member { name: "PolicyNames", shape: 168, required: true }]) },
        /* 89 */ Shape { name: "ListRoleTagsRequest", kind: Kind::Structure(&[Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "RoleName", shape: 178, required: true }]) },
        /* 90 */ Shape { name: "ListRoleTagsResponse", kind: Kind::Structure(&[Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }, Member { name: "Tags", shape: 184, required: true }]) },
        /* 91 */ Shape { name: "ListRolesRequest", kind: Kind::Structure(&[Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "PathPrefix", shape: 162, required: false }]) },
        /* 92 */ Shape { name: "ListRolesResponse", kind: Kind::Structure(&[Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }, Member { name: "Roles", shape: 176, required: true }]) },
        /* 93 */ Shape { name: "ListUserPoliciesRequest", kind: Kind::Structure(&[Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "UserName", shape: 152, required: true }]) },
        /* 94 */ Shape { name: "ListUserPoliciesResponse", kind: Kind::Structure(&[Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }, Member { name: "PolicyNames", shape: 168, required: true }]) },
        /* 95 */ Shape { name: "ListUserTagsRequest", kind: Kind::Structure(&[Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "UserName", shape: 152, required: true }]) },
        /* 96 */ Shape { name: "ListUserTagsResponse", kind: Kind::Structure(&[Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }, Member { name: "Tags", shape: 184, required: true }]) },
        /* 97 */ Shape { name: "ListUsersRequest", kind: Kind::Structure(&[Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "PathPrefix", shape: 162, required: false }]) },
        /* 98 */ Shape { name: "ListUsersResponse", kind: Kind::Structure(&[Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }, Member { name: "Users", shape: 187, required: true }]) },
        /* 99 */ Shape { name: "MalformedPolicyDocumentException", kind: Kind::Structure(&[Member { name: "message", shape: 158, required: false }]) },
        /* 100 */ Shape { name: "NoSuchEntityException", kind: Kind::Structure(&[Member { name: "message", shape: 161, required: false }]) },
        /* 101 */ Shape { name: "OrganizationsDecisionDetail", kind: Kind::Structure(&[Member { name: "AllowedByOrganizations", shape: 148, required: false }]) },
        /* 102 */ Shape { name: "PermissionsBoundaryAttachmentType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["PermissionsBoundaryPolicy"], sensitive: false }) },
        /* 103 */ Shape { name: "PermissionsBoundaryDecisionDetail", kind: Kind::Structure(&[Member { name: "AllowedByPermissionsBoundary", shape: 148, required: false }]) },
        /* 104 */ Shape { name: "Policy", kind: Kind::Structure(&[Member { name: "Arn", shape: 145, required: false }, Member { name: "AttachmentCount", shape: 147, required: false }, Member { name: "CreateDate", shape: 149, required: false }, Member { name: "DefaultVersionId", shape: 173, required: false }, Member { name: "Description", shape: 164, required: false }, Member { name: "IsAttachable", shape: 148, required: false }, Member { name: "Path", shape: 171, required: false }, Member { name: "PermissionsBoundaryUsageCount", shape: 147, required: false }, Member { name: "PolicyId", shape: 155, required: false }, Member { name: "PolicyName", shape: 169, required: false }, Member { name: "Tags", shape: 184, required: false }, Member { name: "UpdateDate", shape: 149, required: false }]) },
        /* 105 */ Shape { name: "PolicyEvaluationDecisionType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["allowed", "explicitDeny", "implicitDeny"], sensitive: false }) },
        /* 106 */ Shape { name: "PolicyEvaluationException", kind: Kind::Structure(&[Member { name: "message", shape: 166, required: false }]) },
        /* 107 */ Shape { name: "PolicyIdentifierType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 108 */ Shape { name: "PolicyNotAttachableException", kind: Kind::Structure(&[Member { name: "message", shape: 170, required: false }]) },
        /* 109 */ Shape { name: "PolicySourceType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["user", "group", "role", "aws-managed", "user-managed", "resource", "none"], sensitive: false }) },
        /* 110 */ Shape { name: "PolicyUsageType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["PermissionsPolicy", "PermissionsBoundary"], sensitive: false }) },
        /* 111 */ Shape { name: "PolicyVersion", kind: Kind::Structure(&[Member { name: "CreateDate", shape: 149, required: false }, Member { name: "Document", shape: 165, required: false }, Member { name: "IsDefaultVersion", shape: 148, required: false }, Member { name: "VersionId", shape: 173, required: false }]) },
        /* 112 */ Shape { name: "Position", kind: Kind::Structure(&[Member { name: "Column", shape: 10, required: false }, Member { name: "Line", shape: 70, required: false }]) },
        /* 113 */ Shape { name: "PutGroupPolicyRequest", kind: Kind::Structure(&[Member { name: "GroupName", shape: 154, required: true }, Member { name: "PolicyDocument", shape: 165, required: true }, Member { name: "PolicyName", shape: 169, required: true }]) },
        /* 114 */ Shape { name: "PutRolePermissionsBoundaryRequest", kind: Kind::Structure(&[Member { name: "PermissionsBoundary", shape: 145, required: true }, Member { name: "RoleName", shape: 178, required: true }]) },
        /* 115 */ Shape { name: "PutRolePolicyRequest", kind: Kind::Structure(&[Member { name: "PolicyDocument", shape: 165, required: true }, Member { name: "PolicyName", shape: 169, required: true }, Member { name: "RoleName", shape: 178, required: true }]) },
        /* 116 */ Shape { name: "PutUserPermissionsBoundaryRequest", kind: Kind::Structure(&[Member { name: "PermissionsBoundary", shape: 145, required: true }, Member { name: "UserName", shape: 188, required: true }]) },
        /* 117 */ Shape { name: "PutUserPolicyRequest", kind: Kind::Structure(&[Member { name: "PolicyDocument", shape: 165, required: true }, Member { name: "PolicyName", shape: 169, required: true }, Member { name: "UserName", shape: 152, required: true }]) },
        /* 118 */ Shape { name: "RemoveUserFromGroupRequest", kind: Kind::Structure(&[Member { name: "GroupName", shape: 154, required: true }, Member { name: "UserName", shape: 152, required: true }]) },
        /* 119 */ Shape { name: "ResourceHandlingOptionType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(64) }, pattern: None, values: &[], sensitive: false }) },
        /* 120 */ Shape { name: "ResourceNameListType", kind: Kind::List { member: 121, length: Bound { min: None, max: None } } },
        /* 121 */ Shape { name: "ResourceNameType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(2048) }, pattern: None, values: &[], sensitive: false }) },
        /* 122 */ Shape { name: "ResourceSpecificResult", kind: Kind::Structure(&[Member { name: "EvalDecisionDetails", shape: 47, required: false }, Member { name: "EvalResourceDecision", shape: 105, required: true }, Member { name: "EvalResourceName", shape: 121, required: true }, Member { name: "MatchedStatements", shape: 132, required: false }, Member { name: "MissingContextValues", shape: 16, required: false }, Member { name: "PermissionsBoundaryDecisionDetail", shape: 103, required: false }]) },
        /* 123 */ Shape { name: "ResourceSpecificResultListType", kind: Kind::List { member: 122, length: Bound { min: None, max: None } } },
        /* 124 */ Shape { name: "Role", kind: Kind::Structure(&[Member { name: "Arn", shape: 145, required: true }, Member { name: "AssumeRolePolicyDocument", shape: 165, required: false }, Member { name: "CreateDate", shape: 149, required: true }, Member { name: "Description", shape: 175, required: false }, Member { name: "MaxSessionDuration", shape: 177, required: false }, Member { name: "Path", shape: 163, required: true }, Member { name: "PermissionsBoundary", shape: 8, required: false }, Member { name: "RoleId", shape: 155, required: true }, Member { name: "RoleLastUsed", shape: 125, required: false }, Member { name: "RoleName", shape: 178, required: true }, Member { name: "Tags", shape: 184, required: false }]) },
        /* 125 */ Shape { name: "RoleLastUsed", kind: Kind::Structure(&[Member { name: "LastUsedDate", shape: 149, required: false }, Member { name: "Region", shape: 181, required: false }]) },
        /* 126 */ Shape { name: "ServiceFailureException", kind: Kind::Structure(&[Member { name: "message", shape: 179, required: false }]) },
        /* 127 */ Shape { name: "SimulateCustomPolicyRequest", kind: Kind::Structure(&[Member { name: "ActionNames", shape: 2, required: true }, Member { name: "CallerArn", shape: 121, required: false }, Member { name: "ContextEntries", shape: 14, required: false }, Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "PermissionsBoundaryPolicyInputList", shape: 130, required: false }, Member { name: "PolicyInputList", shape: 130, required: true }, Member { name: "ResourceArns", shape: 120, required: false }, Member { name: "ResourceHandlingOption", shape: 119, required: false }, Member { name: "ResourceOwner", shape: 121, required: false }, Member { name: "ResourcePolicy", shape: 165, required: false }]) },
        /* 128 */ Shape { name: "SimulatePolicyResponse", kind: Kind::Structure(&[Member { name: "EvaluationResults", shape: 50, required: false }, Member { name: "IsTruncated", shape: 148, required: false }, Member { name: "Marker", shape: 174, required: false }]) },
        /* 129 */ Shape { name: "SimulatePrincipalPolicyRequest", kind: Kind::Structure(&[Member { name: "ActionNames", shape: 2, required: true }, Member { name: "CallerArn", shape: 121, required: false }, Member { name: "ContextEntries", shape: 14, required: false }, Member { name: "Marker", shape: 159, required: false }, Member { name: "MaxItems", shape: 160, required: false }, Member { name: "PermissionsBoundaryPolicyInputList", shape: 130, required: false }, Member { name: "PolicyInputList", shape: 130, required: false }, Member { name: "PolicySourceArn", shape: 145, required: true }, Member { name: "ResourceArns", shape: 120, required: false }, Member { name: "ResourceHandlingOption", shape: 119, required: false }, Member { name: "ResourceOwner", shape: 121, required: false }, Member { name: "ResourcePolicy", shape: 165, required: false }]) },
        /* 130 */ Shape { name: "SimulationPolicyListType", kind: Kind::List { member: 165, length: Bound { min: None, max: None } } },
        /* 131 */ Shape { name: "Statement", kind: Kind::Structure(&[Member { name: "EndPosition", shape: 112, required: false }, Member { name: "SourcePolicyId", shape: 107, required: false }, Member { name: "SourcePolicyType", shape: 109, required: false }, Member { name: "StartPosition", shape: 112, required: false }]) },
        /* 132 */ Shape { name: "StatementListType", kind: Kind::List { member: 131, length: Bound { min: None, max: None } } },
        /* 133 */ Shape { name: "Tag", kind: Kind::Structure(&[Member { name: "Key", shape: 183, required: true }, Member { name: "Value", shape: 185, required: true }]) },
        /* 134 */ Shape { name: "TagRoleRequest", kind: Kind::Structure(&[Member { name: "RoleName", shape: 178, required: true }, Member { name: "Tags", shape: 184, required: true }]) },
        /* 135 */ Shape { name: "TagUserRequest", kind: Kind::Structure(&[Member { name: "Tags", shape: 184, required: true }, Member { name: "UserName", shape: 152, required: true }]) },
        /* 136 */ Shape { name: "UnmodifiableEntityException", kind: Kind::Structure(&[Member { name: "message", shape: 186, required: false }]) },
        /* 137 */ Shape { name: "UntagRoleRequest", kind: Kind::Structure(&[Member { name: "RoleName", shape: 178, required: true }, Member { name: "TagKeys", shape: 182, required: true }]) },
        /* 138 */ Shape { name: "UntagUserRequest", kind: Kind::Structure(&[Member { name: "TagKeys", shape: 182, required: true }, Member { name: "UserName", shape: 152, required: true }]) },
        /* 139 */ Shape { name: "UpdateAccessKeyRequest", kind: Kind::Structure(&[Member { name: "AccessKeyId", shape: 142, required: true }, Member { name: "Status", shape: 180, required: true }, Member { name: "UserName", shape: 152, required: false }]) },
        /* 140 */ Shape { name: "UpdateAssumeRolePolicyRequest", kind: Kind::Structure(&[Member { name: "PolicyDocument", shape: 165, required: true }, Member { name: "RoleName", shape: 178, required: true }]) },
        /* 141 */ Shape { name: "User", kind: Kind::Structure(&[Member { name: "Arn", shape: 145, required: true }, Member { name: "CreateDate", shape: 149, required: true }, Member { name: "PasswordLastUsed", shape: 149, required: false }, Member { name: "Path", shape: 163, required: true }, Member { name: "PermissionsBoundary", shape: 8, required: false }, Member { name: "Tags", shape: 184, required: false }, Member { name: "UserId", shape: 155, required: true }, Member { name: "UserName", shape: 188, required: true }]) },
        /* 142 */ Shape { name: "accessKeyIdType", kind: Kind::String(Text { length: Bound { min: Some(16), max: Some(128) }, pattern: Some("[\\w]+"), values: &[], sensitive: false }) },
        /* 143 */ Shape { name: "accessKeyMetadataListType", kind: Kind::List { member: 1, length: Bound { min: None, max: None } } },
        /* 144 */ Shape { name: "accessKeySecretType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: true }) },
        /* 145 */ Shape { name: "arnType", kind: Kind::String(Text { length: Bound { min: Some(20), max: Some(2048) }, pattern: None, values: &[], sensitive: false }) },
        /* 146 */ Shape { name: "attachedPoliciesListType", kind: Kind::List { member: 9, length: Bound { min: None, max: None } } },
        /* 147 */ Shape { name: "attachmentCountType", kind: Kind::Integer(Bound { min: None, max: None }) },
        /* 148 */ Shape { name: "booleanType", kind: Kind::Boolean },
        /* 149 */ Shape { name: "dateType", kind: Kind::Timestamp },
        /* 150 */ Shape { name: "deleteConflictMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 151 */ Shape { name: "entityAlreadyExistsMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 152 */ Shape { name: "existingUserNameType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(128) }, pattern: Some("[\\w+=,.@-]+"), values: &[], sensitive: false }) },
        /* 153 */ Shape { name: "groupListType", kind: Kind::List { member: 67, length: Bound { min: None, max: None } } },
        /* 154 */ Shape { name: "groupNameType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(128) }, pattern: Some("[\\w+=,.@-]+"), values: &[], sensitive: false }) },
        /* 155 */ Shape { name: "idType", kind: Kind::String(Text { length: Bound { min: Some(16), max: Some(128) }, pattern: Some("[\\w]+"), values: &[], sensitive: false }) },
        /* 156 */ Shape { name: "invalidInputMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 157 */ Shape { name: "limitExceededMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 158 */ Shape { name: "malformedPolicyDocumentMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 159 */ Shape { name: "markerType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(320) }, pattern: Some("[\\u0020-\\u00FF]+"), values: &[], sensitive: false }) },
        /* 160 */ Shape { name: "maxItemsType", kind: Kind::Integer(Bound { min: Some(1), max: Some(1000) }) },
        /* 161 */ Shape { name: "noSuchEntityMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 162 */ Shape { name: "pathPrefixType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(512) }, pattern: Some("\\u002F[\\u0021-\\u007F]*"), values: &[], sensitive: false }) },
        /* 163 */ Shape { name: "pathType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(512) }, pattern: Some("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"), values: &[], sensitive: false }) },
        /* 164 */ Shape { name: "policyDescriptionType", kind: Kind::String(Text { length: Bound { min: None, max: Some(1000) }, pattern: None, values: &[], sensitive: false }) },
        /* 165 */ Shape { name: "policyDocumentType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(131072) }, pattern: Some("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+"), values: &[], sensitive: false }) },
        /* 166 */ Shape { name: "policyEvaluationErrorMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 167 */ Shape { name: "policyListType", kind: Kind::List { member: 104, length: Bound { min: None, max: None } } },
        /* 168 */ Shape { name: "policyNameListType", kind: Kind::List { member: 169, length: Bound { min: None, max: None } } },
        /* 169 */ Shape { name: "policyNameType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(128) }, pattern: Some("[\\w+=,.@-]+"), values: &[], sensitive: false }) },
        /* 170 */ Shape { name: "policyNotAttachableMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 171 */ Shape { name: "policyPathType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(512) }, pattern: Some("((/[A-Za-z0-9\\.,\\+@=_-]+)*)/"), values: &[], sensitive: false }) },
        /* 172 */ Shape { name: "policyScopeType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["All", "AWS", "Local"], sensitive: false }) },
        /* 173 */ Shape { name: "policyVersionIdType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: Some("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?"), values: &[], sensitive: false }) },
        /* 174 */ Shape { name: "responseMarkerType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 175 */ Shape { name: "roleDescriptionType", kind: Kind::String(Text { length: Bound { min: None, max: Some(1000) }, pattern: Some("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*"), values: &[], sensitive: false }) },
        /* 176 */ Shape { name: "roleListType", kind: Kind::List { member: 124, length: Bound { min: None, max: None } } },
        /* 177 */ Shape { name: "roleMaxSessionDurationType", kind: Kind::Integer(Bound { min: Some(3600), max: Some(43200) }) },
        /* 178 */ Shape { name: "roleNameType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(64) }, pattern: Some("[\\w+=,.@-]+"), values: &[], sensitive: false }) },
        /* 179 */ Shape { name: "serviceFailureExceptionMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 180 */ Shape { name: "statusType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["Active", "Inactive", "Expired"], sensitive: false }) },
        /* 181 */ Shape { name: "stringType", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 182 */ Shape { name: "tagKeyListType", kind: Kind::List { member: 183, length: Bound { min: None, max: Some(50) } } },
        /* 183 */ Shape { name: "tagKeyType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(128) }, pattern: Some("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+"), values: &[], sensitive: false }) },
        /* 184 */ Shape { name: "tagListType", kind: Kind::List { member: 133, length: Bound { min: None, max: Some(50) } } },
        /* 185 */ Shape { name: "tagValueType", kind: Kind::String(Text { length: Bound { min: Some(0), max: Some(256) }, pattern: Some("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*"), values: &[], sensitive: false }) },
        /* 186 */ Shape { name: "unmodifiableEntityMessage", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 187 */ Shape { name: "userListType", kind: Kind::List { member: 141, length: Bound { min: None, max: None } } },
        /* 188 */ Shape { name: "userNameType", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(64) }, pattern: Some("[\\w+=,.@-]+"), values: &[], sensitive: false }) },
    ],
    all_operations: &["AcceptDelegationRequest", "AddClientIDToOpenIDConnectProvider", "AddRoleToInstanceProfile", "AddUserToGroup", "AssociateDelegationRequest", "AttachGroupPolicy", "AttachRolePolicy", "AttachUserPolicy", "ChangePassword", "CreateAccessKey", "CreateAccountAlias", "CreateDelegationRequest", "CreateGroup", "CreateInstanceProfile", "CreateLoginProfile", "CreateOpenIDConnectProvider", "CreatePolicy", "CreatePolicyVersion", "CreateRole", "CreateSAMLProvider", "CreateServiceLinkedRole", "CreateServiceSpecificCredential", "CreateUser", "CreateVirtualMFADevice", "DeactivateMFADevice", "DeleteAccessKey", "DeleteAccountAlias", "DeleteAccountPasswordPolicy", "DeleteGroup", "DeleteGroupPolicy", "DeleteInstanceProfile", "DeleteLoginProfile", "DeleteOpenIDConnectProvider", "DeletePolicy", "DeletePolicyVersion", "DeleteRole", "DeleteRolePermissionsBoundary", "DeleteRolePolicy", "DeleteSAMLProvider", "DeleteSSHPublicKey", "DeleteServerCertificate", "DeleteServiceLinkedRole", "DeleteServiceSpecificCredential", "DeleteSigningCertificate", "DeleteUser", "DeleteUserPermissionsBoundary", "DeleteUserPolicy", "DeleteVirtualMFADevice", "DetachGroupPolicy", "DetachRolePolicy", "DetachUserPolicy", "DisableOrganizationsRootCredentialsManagement", "DisableOrganizationsRootSessions", "DisableOutboundWebIdentityFederation", "EnableMFADevice", "EnableOrganizationsRootCredentialsManagement", "EnableOrganizationsRootSessions", "EnableOutboundWebIdentityFederation", "GenerateCredentialReport", "GenerateOrganizationsAccessReport", "GenerateServiceLastAccessedDetails", "GetAccessKeyLastUsed", "GetAccountAuthorizationDetails", "GetAccountPasswordPolicy", "GetAccountSummary", "GetContextKeysForCustomPolicy", "GetContextKeysForPrincipalPolicy", "GetCredentialReport", "GetDelegationRequest", "GetGroup", "GetGroupPolicy", "GetHumanReadableSummary", "GetInstanceProfile", "GetLoginProfile", "GetMFADevice", "GetOpenIDConnectProvider", "GetOrganizationsAccessReport", "GetOutboundWebIdentityFederationInfo", "GetPolicy", "GetPolicyVersion", "GetRole", "GetRolePolicy", "GetSAMLProvider", "GetSSHPublicKey", "GetServerCertificate", "GetServiceLastAccessedDetails", "GetServiceLastAccessedDetailsWithEntities", "GetServiceLinkedRoleDeletionStatus", "GetUser", "GetUserPolicy", "ListAccessKeys", "ListAccountAliases", "ListAttachedGroupPolicies", "ListAttachedRolePolicies", "ListAttachedUserPolicies", "ListDelegationRequests", "ListEntitiesForPolicy", "ListGroupPolicies", "ListGroups", "ListGroupsForUser", "ListInstanceProfileTags", "ListInstanceProfiles", "ListInstanceProfilesForRole", "ListMFADeviceTags", "ListMFADevices", "ListOpenIDConnectProviderTags", "ListOpenIDConnectProviders", "ListOrganizationsFeatures", "ListPolicies", "ListPoliciesGrantingServiceAccess", "ListPolicyTags", "ListPolicyVersions", "ListRolePolicies", "ListRoleTags", "ListRoles", "ListSAMLProviderTags", "ListSAMLProviders", "ListSSHPublicKeys", "ListServerCertificateTags", "ListServerCertificates", "ListServiceSpecificCredentials", "ListSigningCertificates", "ListUserPolicies", "ListUserTags", "ListUsers", "ListVirtualMFADevices", "PutGroupPolicy", "PutRolePermissionsBoundary", "PutRolePolicy", "PutUserPermissionsBoundary", "PutUserPolicy", "RejectDelegationRequest", "RemoveClientIDFromOpenIDConnectProvider", "RemoveRoleFromInstanceProfile", "RemoveUserFromGroup", "ResetServiceSpecificCredential", "ResyncMFADevice", "SendDelegationToken", "SetDefaultPolicyVersion", "SetSecurityTokenServicePreferences", "SimulateCustomPolicy", "SimulatePrincipalPolicy", "TagInstanceProfile", "TagMFADevice", "TagOpenIDConnectProvider", "TagPolicy", "TagRole", "TagSAMLProvider", "TagServerCertificate", "TagUser", "UntagInstanceProfile", "UntagMFADevice", "UntagOpenIDConnectProvider", "UntagPolicy", "UntagRole", "UntagSAMLProvider", "UntagServerCertificate", "UntagUser", "UpdateAccessKey", "UpdateAccountPasswordPolicy", "UpdateAssumeRolePolicy", "UpdateDelegationRequest", "UpdateGroup", "UpdateLoginProfile", "UpdateOpenIDConnectProviderThumbprint", "UpdateRole", "UpdateRoleDescription", "UpdateSAMLProvider", "UpdateSSHPublicKey", "UpdateServerCertificate", "UpdateServiceSpecificCredential", "UpdateSigningCertificate", "UpdateUser", "UploadSSHPublicKey", "UploadServerCertificate", "UploadSigningCertificate"],
    patterns: &PATTERNS,
};

/// The model's `AccessKey`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AccessKey {
    /// `AccessKeyId`.
    #[serde(rename = "AccessKeyId")]
    pub access_key_id: String,
    /// `CreateDate`.
    #[serde(rename = "CreateDate", default, skip_serializing_if = "Option::is_none")]
    pub create_date: Option<Time>,
    /// `SecretAccessKey`.
    #[serde(rename = "SecretAccessKey")]
    pub secret_access_key: SecretString,
    /// `Status`.
    #[serde(rename = "Status")]
    pub status: StatusType,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `AccessKeyMetadata`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AccessKeyMetadata {
    /// `AccessKeyId`.
    #[serde(rename = "AccessKeyId", default, skip_serializing_if = "Option::is_none")]
    pub access_key_id: Option<String>,
    /// `CreateDate`.
    #[serde(rename = "CreateDate", default, skip_serializing_if = "Option::is_none")]
    pub create_date: Option<Time>,
    /// `Status`.
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusType>,
    /// `UserName`.
    #[serde(rename = "UserName", default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
}

/// The model's `AddUserToGroupRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AddUserToGroupRequest {
    /// `GroupName`.
    #[serde(rename = "GroupName")]
    pub group_name: String,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `AttachGroupPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AttachGroupPolicyRequest {
    /// `GroupName`.
    #[serde(rename = "GroupName")]
    pub group_name: String,
    /// `PolicyArn`.
    #[serde(rename = "PolicyArn")]
    pub policy_arn: String,
}

/// The model's `AttachRolePolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AttachRolePolicyRequest {
    /// `PolicyArn`.
    #[serde(rename = "PolicyArn")]
    pub policy_arn: String,
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

/// The model's `AttachUserPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AttachUserPolicyRequest {
    /// `PolicyArn`.
    #[serde(rename = "PolicyArn")]
    pub policy_arn: String,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `AttachedPermissionsBoundary`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AttachedPermissionsBoundary {
    /// `PermissionsBoundaryArn`.
    #[serde(rename = "PermissionsBoundaryArn", default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary_arn: Option<String>,
    /// `PermissionsBoundaryType`.
    #[serde(rename = "PermissionsBoundaryType", default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary_type: Option<PermissionsBoundaryAttachmentType>,
}

/// The model's `AttachedPolicy`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AttachedPolicy {
    /// `PolicyArn`.
    #[serde(rename = "PolicyArn", default, skip_serializing_if = "Option::is_none")]
    pub policy_arn: Option<String>,
    /// `PolicyName`.
    #[serde(rename = "PolicyName", default, skip_serializing_if = "Option::is_none")]
    pub policy_name: Option<String>,
}

/// The model's `ContextEntry`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ContextEntry {
    /// `ContextKeyName`.
    #[serde(rename = "ContextKeyName", default, skip_serializing_if = "Option::is_none")]
    pub context_key_name: Option<String>,
    /// `ContextKeyType`.
    #[serde(rename = "ContextKeyType", default, skip_serializing_if = "Option::is_none")]
    pub context_key_type: Option<ContextKeyTypeEnum>,
    /// `ContextKeyValues`.
    #[serde(rename = "ContextKeyValues", default, skip_serializing_if = "Option::is_none")]
    pub context_key_values: Option<Vec<String>>,
}

crate::wire_enum! {
    /// The model's `ContextKeyTypeEnum`.
    ContextKeyTypeEnum { String => "string", StringList => "stringList", Numeric => "numeric", NumericList => "numericList", Boolean => "boolean", BooleanList => "booleanList", Ip => "ip", IpList => "ipList", Binary => "binary", BinaryList => "binaryList", Date => "date", DateList => "dateList" }
}

/// The model's `CreateAccessKeyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreateAccessKeyRequest {
    /// `UserName`.
    #[serde(rename = "UserName", default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
}

/// The model's `CreateAccessKeyResponse`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreateAccessKeyResponse {
    /// `AccessKey`.
    #[serde(rename = "AccessKey")]
    pub access_key: AccessKey,
}

/// The model's `CreateGroupRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreateGroupRequest {
    /// `GroupName`.
    #[serde(rename = "GroupName")]
    pub group_name: String,
    /// `Path`.
    #[serde(rename = "Path", default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// The model's `CreateGroupResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CreateGroupResponse {
    /// `Group`.
    #[serde(rename = "Group")]
    pub group: Group,
}

/// The model's `CreatePolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreatePolicyRequest {
    /// `Description`.
    #[serde(rename = "Description", default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `Path`.
    #[serde(rename = "Path", default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// `PolicyDocument`.
    #[serde(rename = "PolicyDocument")]
    pub policy_document: String,
    /// `PolicyName`.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
    /// `Tags`.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// The model's `CreatePolicyResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CreatePolicyResponse {
    /// `Policy`.
    #[serde(rename = "Policy", default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Policy>,
}

/// The model's `CreatePolicyVersionRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreatePolicyVersionRequest {
    /// `PolicyArn`.
    #[serde(rename = "PolicyArn")]
    pub policy_arn: String,
    /// `PolicyDocument`.
    #[serde(rename = "PolicyDocument")]
    pub policy_document: String,
    /// `SetAsDefault`.
    #[serde(rename = "SetAsDefault", default, skip_serializing_if = "Option::is_none")]
    pub set_as_default: Option<bool>,
}

/// The model's `CreatePolicyVersionResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CreatePolicyVersionResponse {
    /// `PolicyVersion`.
    #[serde(rename = "PolicyVersion", default, skip_serializing_if = "Option::is_none")]
    pub policy_version: Option<PolicyVersion>,
}

/// The model's `CreateRoleRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreateRoleRequest {
    /// `AssumeRolePolicyDocument`.
    #[serde(rename = "AssumeRolePolicyDocument")]
    pub assume_role_policy_document: String,
    /// `Description`.
    #[serde(rename = "Description", default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `MaxSessionDuration`.
    #[serde(rename = "MaxSessionDuration", default, skip_serializing_if = "Option::is_none")]
    pub max_session_duration: Option<i32>,
    /// `Path`.
    #[serde(rename = "Path", default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// `PermissionsBoundary`.
    #[serde(rename = "PermissionsBoundary", default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
    /// `Tags`.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// The model's `CreateRoleResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CreateRoleResponse {
    /// `Role`.
    #[serde(rename = "Role")]
    pub role: Role,
}

/// The model's `CreateUserRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreateUserRequest {
    /// `Path`.
    #[serde(rename = "Path", default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// `PermissionsBoundary`.
    #[serde(rename = "PermissionsBoundary", default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
    /// `Tags`.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `CreateUserResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CreateUserResponse {
    /// `User`.
    #[serde(rename = "User", default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
}

/// The model's `DeleteAccessKeyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteAccessKeyRequest {
    /// `AccessKeyId`.
    #[serde(rename = "AccessKeyId")]
    pub access_key_id: String,
    /// `UserName`.
    #[serde(rename = "UserName", default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
}

/// The model's `DeleteGroupPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteGroupPolicyRequest {
    /// `GroupName`.
    #[serde(rename = "GroupName")]
    pub group_name: String,
    /// `PolicyName`.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
}

/// The model's `DeleteGroupRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteGroupRequest {
    /// `GroupName`.
    #[serde(rename = "GroupName")]
    pub group_name: String,
}

/// The model's `DeletePolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeletePolicyRequest {
    /// `PolicyArn`.
    #[serde(rename = "PolicyArn")]
    pub policy_arn: String,
}

/// The model's `DeleteRolePermissionsBoundaryRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteRolePermissionsBoundaryRequest {
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

/// The model's `DeleteRolePolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteRolePolicyRequest {
    /// `PolicyName`.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

/// The model's `DeleteRoleRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteRoleRequest {
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

/// The model's `DeleteUserPermissionsBoundaryRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteUserPermissionsBoundaryRequest {
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `DeleteUserPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteUserPolicyRequest {
    /// `PolicyName`.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `DeleteUserRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DeleteUserRequest {
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `DetachGroupPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DetachGroupPolicyRequest {
    /// `GroupName`.
    #[serde(rename = "GroupName")]
    pub group_name: String,
    /// `PolicyArn`.
    #[serde(rename = "PolicyArn")]
    pub policy_arn: String,
}

/// The model's `DetachRolePolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DetachRolePolicyRequest {
    /// `PolicyArn`.
    #[serde(rename = "PolicyArn")]
    pub policy_arn: String,
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

/// The model's `DetachUserPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DetachUserPolicyRequest {
    /// `PolicyArn`.
    #[serde(rename = "PolicyArn")]
    pub policy_arn: String,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `EvaluationResult`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvaluationResult {
    /// `EvalActionName`.
    #[serde(rename = "EvalActionName")]
    pub eval_action_name: String,
    /// `EvalDecision`.
    #[serde(rename = "EvalDecision")]
    pub eval_decision: PolicyEvaluationDecisionType,
    /// `EvalDecisionDetails`.
    #[serde(rename = "EvalDecisionDetails", default, skip_serializing_if = "Option::is_none")]
    pub eval_decision_details: Option<BTreeMap<String, PolicyEvaluationDecisionType>>,
    /// `EvalResourceName`.
    #[serde(rename = "EvalResourceName", default, skip_serializing_if = "Option::is_none")]
    pub eval_resource_name: Option<String>,
    /// `MatchedStatements`.
    #[serde(rename = "MatchedStatements", default, skip_serializing_if = "Option::is_none")]
    pub matched_statements: Option<Vec<Statement>>,
    /// `MissingContextValues`.
    #[serde(rename = "MissingContextValues", default, skip_serializing_if = "Option::is_none")]
    pub missing_context_values: Option<Vec<String>>,
    /// `OrganizationsDecisionDetail`.
    #[serde(rename = "OrganizationsDecisionDetail", default, skip_serializing_if = "Option::is_none")]
    pub organizations_decision_detail: Option<OrganizationsDecisionDetail>,
    /// `PermissionsBoundaryDecisionDetail`.
    #[serde(rename = "PermissionsBoundaryDecisionDetail", default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary_decision_detail: Option<PermissionsBoundaryDecisionDetail>,
    /// `ResourceSpecificResults`.
    #[serde(rename = "ResourceSpecificResults", default, skip_serializing_if = "Option::is_none")]
    pub resource_specific_results: Option<Vec<ResourceSpecificResult>>,
}

/// The model's `GetGroupPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GetGroupPolicyRequest {
    /// `GroupName`.
    #[serde(rename = "GroupName")]
    pub group_name: String,
    /// `PolicyName`.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
}

/// The model's `GetGroupPolicyResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GetGroupPolicyResponse {
    /// `GroupName`.
    #[serde(rename = "GroupName")]
    pub group_name: String,
    /// `PolicyDocument`.
    #[serde(rename = "PolicyDocument")]
    pub policy_document: String,
    /// `PolicyName`.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
}

/// The model's `GetGroupRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GetGroupRequest {
    /// `GroupName`.
    #[serde(rename = "GroupName")]
    pub group_name: String,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
}

/// The model's `GetGroupResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GetGroupResponse {
    /// `Group`.
    #[serde(rename = "Group")]
    pub group: Group,
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `Users`.
    #[serde(rename = "Users")]
    pub users: Vec<User>,
}

/// The model's `GetPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GetPolicyRequest {
    /// `PolicyArn`.
    #[serde(rename = "PolicyArn")]
    pub policy_arn: String,
}

/// The model's `GetPolicyResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GetPolicyResponse {
    /// `Policy`.
    #[serde(rename = "Policy", default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Policy>,
}

/// The model's `GetPolicyVersionRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GetPolicyVersionRequest {
    /// `PolicyArn`.
    #[serde(rename = "PolicyArn")]
    pub policy_arn: String,
    /// `VersionId`.
    #[serde(rename = "VersionId")]
    pub version_id: String,
}

/// The model's `GetPolicyVersionResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GetPolicyVersionResponse {
    /// `PolicyVersion`.
    #[serde(rename = "PolicyVersion", default, skip_serializing_if = "Option::is_none")]
    pub policy_version: Option<PolicyVersion>,
}

/// The model's `GetRolePolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GetRolePolicyRequest {
    /// `PolicyName`.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

/// The model's `GetRolePolicyResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GetRolePolicyResponse {
    /// `PolicyDocument`.
    #[serde(rename = "PolicyDocument")]
    pub policy_document: String,
    /// `PolicyName`.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

/// The model's `GetRoleRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GetRoleRequest {
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

/// The model's `GetRoleResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GetRoleResponse {
    /// `Role`.
    #[serde(rename = "Role")]
    pub role: Role,
}

/// The model's `GetUserPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GetUserPolicyRequest {
    /// `PolicyName`.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `GetUserPolicyResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GetUserPolicyResponse {
    /// `PolicyDocument`.
    #[serde(rename = "PolicyDocument")]
    pub policy_document: String,
    /// `PolicyName`.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `GetUserRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GetUserRequest {
    /// `UserName`.
    #[serde(rename = "UserName", default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
}

/// The model's `GetUserResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GetUserResponse {
    /// `User`.
    #[serde(rename = "User")]
    pub user: User,
}

/// The model's `Group`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Group {
    /// `Arn`.
    #[serde(rename = "Arn")]
    pub arn: String,
    /// `CreateDate`.
    #[serde(rename = "CreateDate")]
    pub create_date: Time,
    /// `GroupId`.
    #[serde(rename = "GroupId")]
    pub group_id: String,
    /// `GroupName`.
    #[serde(rename = "GroupName")]
    pub group_name: String,
    /// `Path`.
    #[serde(rename = "Path")]
    pub path: String,
}

/// The model's `ListAccessKeysRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListAccessKeysRequest {
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `UserName`.
    #[serde(rename = "UserName", default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
}

/// The model's `ListAccessKeysResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListAccessKeysResponse {
    /// `AccessKeyMetadata`.
    #[serde(rename = "AccessKeyMetadata")]
    pub access_key_metadata: Vec<AccessKeyMetadata>,
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The model's `ListAttachedGroupPoliciesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListAttachedGroupPoliciesRequest {
    /// `GroupName`.
    #[serde(rename = "GroupName")]
    pub group_name: String,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `PathPrefix`.
    #[serde(rename = "PathPrefix", default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
}

/// The model's `ListAttachedGroupPoliciesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListAttachedGroupPoliciesResponse {
    /// `AttachedPolicies`.
    #[serde(rename = "AttachedPolicies", default, skip_serializing_if = "Option::is_none")]
    pub attached_policies: Option<Vec<AttachedPolicy>>,
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The model's `ListAttachedRolePoliciesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListAttachedRolePoliciesRequest {
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `PathPrefix`.
    #[serde(rename = "PathPrefix", default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

/// The model's `ListAttachedRolePoliciesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListAttachedRolePoliciesResponse {
    /// `AttachedPolicies`.
    #[serde(rename = "AttachedPolicies", default, skip_serializing_if = "Option::is_none")]
    pub attached_policies: Option<Vec<AttachedPolicy>>,
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The model's `ListAttachedUserPoliciesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListAttachedUserPoliciesRequest {
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `PathPrefix`.
    #[serde(rename = "PathPrefix", default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `ListAttachedUserPoliciesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListAttachedUserPoliciesResponse {
    /// `AttachedPolicies`.
    #[serde(rename = "AttachedPolicies", default, skip_serializing_if = "Option::is_none")]
    pub attached_policies: Option<Vec<AttachedPolicy>>,
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The model's `ListGroupPoliciesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListGroupPoliciesRequest {
    /// `GroupName`.
    #[serde(rename = "GroupName")]
    pub group_name: String,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
}

/// The model's `ListGroupPoliciesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListGroupPoliciesResponse {
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `PolicyNames`.
    #[serde(rename = "PolicyNames")]
    pub policy_names: Vec<String>,
}

/// The model's `ListGroupsForUserRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListGroupsForUserRequest {
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `ListGroupsForUserResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListGroupsForUserResponse {
    /// `Groups`.
    #[serde(rename = "Groups")]
    pub groups: Vec<Group>,
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The model's `ListGroupsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListGroupsRequest {
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `PathPrefix`.
    #[serde(rename = "PathPrefix", default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
}

/// The model's `ListGroupsResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListGroupsResponse {
    /// `Groups`.
    #[serde(rename = "Groups")]
    pub groups: Vec<Group>,
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The model's `ListPoliciesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListPoliciesRequest {
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `OnlyAttached`.
    #[serde(rename = "OnlyAttached", default, skip_serializing_if = "Option::is_none")]
    pub only_attached: Option<bool>,
    /// `PathPrefix`.
    #[serde(rename = "PathPrefix", default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
    /// `PolicyUsageFilter`.
    #[serde(rename = "PolicyUsageFilter", default, skip_serializing_if = "Option::is_none")]
    pub policy_usage_filter: Option<PolicyUsageType>,
    /// `Scope`.
    #[serde(rename = "Scope", default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<PolicyScopeType>,
}

/// The model's `ListPoliciesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListPoliciesResponse {
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `Policies`.
    #[serde(rename = "Policies", default, skip_serializing_if = "Option::is_none")]
    pub policies: Option<Vec<Policy>>,
}

/// The model's `ListRolePoliciesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListRolePoliciesRequest {
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

/// The model's `ListRolePoliciesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListRolePoliciesResponse {
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `PolicyNames`.
    #[serde(rename = "PolicyNames")]
    pub policy_names: Vec<String>,
}

/// The model's `ListRoleTagsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListRoleTagsRequest {
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

/// The model's `ListRoleTagsResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListRoleTagsResponse {
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `Tags`.
    #[serde(rename = "Tags")]
    pub tags: Vec<Tag>,
}

/// The model's `ListRolesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListRolesRequest {
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `PathPrefix`.
    #[serde(rename = "PathPrefix", default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
}

/// The model's `ListRolesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListRolesResponse {
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `Roles`.
    #[serde(rename = "Roles")]
    pub roles: Vec<Role>,
}

/// The model's `ListUserPoliciesRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListUserPoliciesRequest {
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `ListUserPoliciesResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListUserPoliciesResponse {
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `PolicyNames`.
    #[serde(rename = "PolicyNames")]
    pub policy_names: Vec<String>,
}

/// The model's `ListUserTagsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListUserTagsRequest {
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `ListUserTagsResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListUserTagsResponse {
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `Tags`.
    #[serde(rename = "Tags")]
    pub tags: Vec<Tag>,
}

/// The model's `ListUsersRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListUsersRequest {
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `PathPrefix`.
    #[serde(rename = "PathPrefix", default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
}

/// The model's `ListUsersResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListUsersResponse {
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `Users`.
    #[serde(rename = "Users")]
    pub users: Vec<User>,
}

/// The model's `OrganizationsDecisionDetail`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct OrganizationsDecisionDetail {
    /// `AllowedByOrganizations`.
    #[serde(rename = "AllowedByOrganizations", default, skip_serializing_if = "Option::is_none")]
    pub allowed_by_organizations: Option<bool>,
}

crate::wire_enum! {
    /// The model's `PermissionsBoundaryAttachmentType`.
    PermissionsBoundaryAttachmentType { PermissionsBoundaryPolicy => "PermissionsBoundaryPolicy" }
}

/// The model's `PermissionsBoundaryDecisionDetail`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PermissionsBoundaryDecisionDetail {
    /// `AllowedByPermissionsBoundary`.
    #[serde(rename = "AllowedByPermissionsBoundary", default, skip_serializing_if = "Option::is_none")]
    pub allowed_by_permissions_boundary: Option<bool>,
}

/// The model's `Policy`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Policy {
    /// `Arn`.
    #[serde(rename = "Arn", default, skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// `AttachmentCount`.
    #[serde(rename = "AttachmentCount", default, skip_serializing_if = "Option::is_none")]
    pub attachment_count: Option<i32>,
    /// `CreateDate`.
    #[serde(rename = "CreateDate", default, skip_serializing_if = "Option::is_none")]
    pub create_date: Option<Time>,
    /// `DefaultVersionId`.
    #[serde(rename = "DefaultVersionId", default, skip_serializing_if = "Option::is_none")]
    pub default_version_id: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `IsAttachable`.
    #[serde(rename = "IsAttachable", default, skip_serializing_if = "Option::is_none")]
    pub is_attachable: Option<bool>,
    /// `Path`.
    #[serde(rename = "Path", default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// `PermissionsBoundaryUsageCount`.
    #[serde(rename = "PermissionsBoundaryUsageCount", default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary_usage_count: Option<i32>,
    /// `PolicyId`.
    #[serde(rename = "PolicyId", default, skip_serializing_if = "Option::is_none")]
    pub policy_id: Option<String>,
    /// `PolicyName`.
    #[serde(rename = "PolicyName", default, skip_serializing_if = "Option::is_none")]
    pub policy_name: Option<String>,
    /// `Tags`.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `UpdateDate`.
    #[serde(rename = "UpdateDate", default, skip_serializing_if = "Option::is_none")]
    pub update_date: Option<Time>,
}

crate::wire_enum! {
    /// The model's `PolicyEvaluationDecisionType`.
    PolicyEvaluationDecisionType { Allowed => "allowed", ExplicitDeny => "explicitDeny", ImplicitDeny => "implicitDeny" }
}

crate::wire_enum! {
    /// The model's `PolicySourceType`.
    PolicySourceType { User => "user", Group => "group", Role => "role", AwsManaged => "aws-managed", UserManaged => "user-managed", Resource => "resource", None => "none" }
}

crate::wire_enum! {
    /// The model's `PolicyUsageType`.
    PolicyUsageType { PermissionsPolicy => "PermissionsPolicy", PermissionsBoundary => "PermissionsBoundary" }
}

/// The model's `PolicyVersion`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PolicyVersion {
    /// `CreateDate`.
    #[serde(rename = "CreateDate", default, skip_serializing_if = "Option::is_none")]
    pub create_date: Option<Time>,
    /// `Document`.
    #[serde(rename = "Document", default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// `IsDefaultVersion`.
    #[serde(rename = "IsDefaultVersion", default, skip_serializing_if = "Option::is_none")]
    pub is_default_version: Option<bool>,
    /// `VersionId`.
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
}

/// The model's `Position`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Position {
    /// `Column`.
    #[serde(rename = "Column", default, skip_serializing_if = "Option::is_none")]
    pub column: Option<i32>,
    /// `Line`.
    #[serde(rename = "Line", default, skip_serializing_if = "Option::is_none")]
    pub line: Option<i32>,
}

/// The model's `PutGroupPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PutGroupPolicyRequest {
    /// `GroupName`.
    #[serde(rename = "GroupName")]
    pub group_name: String,
    /// `PolicyDocument`.
    #[serde(rename = "PolicyDocument")]
    pub policy_document: String,
    /// `PolicyName`.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
}

/// The model's `PutRolePermissionsBoundaryRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PutRolePermissionsBoundaryRequest {
    /// `PermissionsBoundary`.
    #[serde(rename = "PermissionsBoundary")]
    pub permissions_boundary: String,
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

/// The model's `PutRolePolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PutRolePolicyRequest {
    /// `PolicyDocument`.
    #[serde(rename = "PolicyDocument")]
    pub policy_document: String,
    /// `PolicyName`.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

/// The model's `PutUserPermissionsBoundaryRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PutUserPermissionsBoundaryRequest {
    /// `PermissionsBoundary`.
    #[serde(rename = "PermissionsBoundary")]
    pub permissions_boundary: String,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `PutUserPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PutUserPolicyRequest {
    /// `PolicyDocument`.
    #[serde(rename = "PolicyDocument")]
    pub policy_document: String,
    /// `PolicyName`.
    #[serde(rename = "PolicyName")]
    pub policy_name: String,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `RemoveUserFromGroupRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RemoveUserFromGroupRequest {
    /// `GroupName`.
    #[serde(rename = "GroupName")]
    pub group_name: String,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `ResourceSpecificResult`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResourceSpecificResult {
    /// `EvalDecisionDetails`.
    #[serde(rename = "EvalDecisionDetails", default, skip_serializing_if = "Option::is_none")]
    pub eval_decision_details: Option<BTreeMap<String, PolicyEvaluationDecisionType>>,
    /// `EvalResourceDecision`.
    #[serde(rename = "EvalResourceDecision")]
    pub eval_resource_decision: PolicyEvaluationDecisionType,
    /// `EvalResourceName`.
    #[serde(rename = "EvalResourceName")]
    pub eval_resource_name: String,
    /// `MatchedStatements`.
    #[serde(rename = "MatchedStatements", default, skip_serializing_if = "Option::is_none")]
    pub matched_statements: Option<Vec<Statement>>,
    /// `MissingContextValues`.
    #[serde(rename = "MissingContextValues", default, skip_serializing_if = "Option::is_none")]
    pub missing_context_values: Option<Vec<String>>,
    /// `PermissionsBoundaryDecisionDetail`.
    #[serde(rename = "PermissionsBoundaryDecisionDetail", default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary_decision_detail: Option<PermissionsBoundaryDecisionDetail>,
}

/// The model's `Role`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Role {
    /// `Arn`.
    #[serde(rename = "Arn")]
    pub arn: String,
    /// `AssumeRolePolicyDocument`.
    #[serde(rename = "AssumeRolePolicyDocument", default, skip_serializing_if = "Option::is_none")]
    pub assume_role_policy_document: Option<String>,
    /// `CreateDate`.
    #[serde(rename = "CreateDate")]
    pub create_date: Time,
    /// `Description`.
    #[serde(rename = "Description", default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `MaxSessionDuration`.
    #[serde(rename = "MaxSessionDuration", default, skip_serializing_if = "Option::is_none")]
    pub max_session_duration: Option<i32>,
    /// `Path`.
    #[serde(rename = "Path")]
    pub path: String,
    /// `PermissionsBoundary`.
    #[serde(rename = "PermissionsBoundary", default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<AttachedPermissionsBoundary>,
    /// `RoleId`.
    #[serde(rename = "RoleId")]
    pub role_id: String,
    /// `RoleLastUsed`.
    #[serde(rename = "RoleLastUsed", default, skip_serializing_if = "Option::is_none")]
    pub role_last_used: Option<RoleLastUsed>,
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
    /// `Tags`.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// The model's `RoleLastUsed`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RoleLastUsed {
    /// `LastUsedDate`.
    #[serde(rename = "LastUsedDate", default, skip_serializing_if = "Option::is_none")]
    pub last_used_date: Option<Time>,
    /// `Region`.
    #[serde(rename = "Region", default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// The model's `SimulateCustomPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SimulateCustomPolicyRequest {
    /// `ActionNames`.
    #[serde(rename = "ActionNames")]
    pub action_names: Vec<String>,
    /// `CallerArn`.
    #[serde(rename = "CallerArn", default, skip_serializing_if = "Option::is_none")]
    pub caller_arn: Option<String>,
    /// `ContextEntries`.
    #[serde(rename = "ContextEntries", default, skip_serializing_if = "Option::is_none")]
    pub context_entries: Option<Vec<ContextEntry>>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `PermissionsBoundaryPolicyInputList`.
    #[serde(rename = "PermissionsBoundaryPolicyInputList", default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary_policy_input_list: Option<Vec<String>>,
    /// `PolicyInputList`.
    #[serde(rename = "PolicyInputList")]
    pub policy_input_list: Vec<String>,
    /// `ResourceArns`.
    #[serde(rename = "ResourceArns", default, skip_serializing_if = "Option::is_none")]
    pub resource_arns: Option<Vec<String>>,
    /// `ResourceHandlingOption`.
    #[serde(rename = "ResourceHandlingOption", default, skip_serializing_if = "Option::is_none")]
    pub resource_handling_option: Option<String>,
    /// `ResourceOwner`.
    #[serde(rename = "ResourceOwner", default, skip_serializing_if = "Option::is_none")]
    pub resource_owner: Option<String>,
    /// `ResourcePolicy`.
    #[serde(rename = "ResourcePolicy", default, skip_serializing_if = "Option::is_none")]
    pub resource_policy: Option<String>,
}

/// The model's `SimulatePolicyResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SimulatePolicyResponse {
    /// `EvaluationResults`.
    #[serde(rename = "EvaluationResults", default, skip_serializing_if = "Option::is_none")]
    pub evaluation_results: Option<Vec<EvaluationResult>>,
    /// `IsTruncated`.
    #[serde(rename = "IsTruncated", default, skip_serializing_if = "Option::is_none")]
    pub is_truncated: Option<bool>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The model's `SimulatePrincipalPolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SimulatePrincipalPolicyRequest {
    /// `ActionNames`.
    #[serde(rename = "ActionNames")]
    pub action_names: Vec<String>,
    /// `CallerArn`.
    #[serde(rename = "CallerArn", default, skip_serializing_if = "Option::is_none")]
    pub caller_arn: Option<String>,
    /// `ContextEntries`.
    #[serde(rename = "ContextEntries", default, skip_serializing_if = "Option::is_none")]
    pub context_entries: Option<Vec<ContextEntry>>,
    /// `Marker`.
    #[serde(rename = "Marker", default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// `MaxItems`.
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<i32>,
    /// `PermissionsBoundaryPolicyInputList`.
    #[serde(rename = "PermissionsBoundaryPolicyInputList", default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary_policy_input_list: Option<Vec<String>>,
    /// `PolicyInputList`.
    #[serde(rename = "PolicyInputList", default, skip_serializing_if = "Option::is_none")]
    pub policy_input_list: Option<Vec<String>>,
    /// `PolicySourceArn`.
    #[serde(rename = "PolicySourceArn")]
    pub policy_source_arn: String,
    /// `ResourceArns`.
    #[serde(rename = "ResourceArns", default, skip_serializing_if = "Option::is_none")]
    pub resource_arns: Option<Vec<String>>,
    /// `ResourceHandlingOption`.
    #[serde(rename = "ResourceHandlingOption", default, skip_serializing_if = "Option::is_none")]
    pub resource_handling_option: Option<String>,
    /// `ResourceOwner`.
    #[serde(rename = "ResourceOwner", default, skip_serializing_if = "Option::is_none")]
    pub resource_owner: Option<String>,
    /// `ResourcePolicy`.
    #[serde(rename = "ResourcePolicy", default, skip_serializing_if = "Option::is_none")]
    pub resource_policy: Option<String>,
}

/// The model's `Statement`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Statement {
    /// `EndPosition`.
    #[serde(rename = "EndPosition", default, skip_serializing_if = "Option::is_none")]
    pub end_position: Option<Position>,
    /// `SourcePolicyId`.
    #[serde(rename = "SourcePolicyId", default, skip_serializing_if = "Option::is_none")]
    pub source_policy_id: Option<String>,
    /// `SourcePolicyType`.
    #[serde(rename = "SourcePolicyType", default, skip_serializing_if = "Option::is_none")]
    pub source_policy_type: Option<PolicySourceType>,
    /// `StartPosition`.
    #[serde(rename = "StartPosition", default, skip_serializing_if = "Option::is_none")]
    pub start_position: Option<Position>,
}

/// The model's `Tag`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Tag {
    /// `Key`.
    #[serde(rename = "Key")]
    pub key: String,
    /// `Value`.
    #[serde(rename = "Value")]
    pub value: String,
}

/// The model's `TagRoleRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TagRoleRequest {
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
    /// `Tags`.
    #[serde(rename = "Tags")]
    pub tags: Vec<Tag>,
}

/// The model's `TagUserRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TagUserRequest {
    /// `Tags`.
    #[serde(rename = "Tags")]
    pub tags: Vec<Tag>,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `UntagRoleRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UntagRoleRequest {
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
    /// `TagKeys`.
    #[serde(rename = "TagKeys")]
    pub tag_keys: Vec<String>,
}

/// The model's `UntagUserRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UntagUserRequest {
    /// `TagKeys`.
    #[serde(rename = "TagKeys")]
    pub tag_keys: Vec<String>,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

/// The model's `UpdateAccessKeyRequest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateAccessKeyRequest {
    /// `AccessKeyId`.
    #[serde(rename = "AccessKeyId")]
    pub access_key_id: String,
    /// `Status`.
    #[serde(rename = "Status")]
    pub status: StatusType,
    /// `UserName`.
    #[serde(rename = "UserName", default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
}

/// The model's `UpdateAssumeRolePolicyRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpdateAssumeRolePolicyRequest {
    /// `PolicyDocument`.
    #[serde(rename = "PolicyDocument")]
    pub policy_document: String,
    /// `RoleName`.
    #[serde(rename = "RoleName")]
    pub role_name: String,
}

/// The model's `User`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct User {
    /// `Arn`.
    #[serde(rename = "Arn")]
    pub arn: String,
    /// `CreateDate`.
    #[serde(rename = "CreateDate")]
    pub create_date: Time,
    /// `PasswordLastUsed`.
    #[serde(rename = "PasswordLastUsed", default, skip_serializing_if = "Option::is_none")]
    pub password_last_used: Option<Time>,
    /// `Path`.
    #[serde(rename = "Path")]
    pub path: String,
    /// `PermissionsBoundary`.
    #[serde(rename = "PermissionsBoundary", default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<AttachedPermissionsBoundary>,
    /// `Tags`.
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `UserId`.
    #[serde(rename = "UserId")]
    pub user_id: String,
    /// `UserName`.
    #[serde(rename = "UserName")]
    pub user_name: String,
}

crate::wire_enum! {
    /// The model's `policyScopeType`.
    PolicyScopeType { All => "All", Aws => "AWS", Local => "Local" }
}

crate::wire_enum! {
    /// The model's `statusType`.
    StatusType { Active => "Active", Inactive => "Inactive", Expired => "Expired" }
}

/// The served operations, as types.
pub mod ops {
    /// `AddUserToGroup`.
    #[derive(Debug)]
    pub struct AddUserToGroup;

    impl crate::Op for AddUserToGroup {
        const NAME: &'static str = "AddUserToGroup";
        const READ_ONLY: bool = false;
        type Input = super::AddUserToGroupRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[0])
        }
    }

    /// `AttachGroupPolicy`.
    #[derive(Debug)]
    pub struct AttachGroupPolicy;

    impl crate::Op for AttachGroupPolicy {
        const NAME: &'static str = "AttachGroupPolicy";
        const READ_ONLY: bool = false;
        type Input = super::AttachGroupPolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[1])
        }
    }

    /// `AttachRolePolicy`.
    #[derive(Debug)]
    pub struct AttachRolePolicy;

    impl crate::Op for AttachRolePolicy {
        const NAME: &'static str = "AttachRolePolicy";
        const READ_ONLY: bool = false;
        type Input = super::AttachRolePolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[2])
        }
    }

    /// `AttachUserPolicy`.
    #[derive(Debug)]
    pub struct AttachUserPolicy;

    impl crate::Op for AttachUserPolicy {
        const NAME: &'static str = "AttachUserPolicy";
        const READ_ONLY: bool = false;
        type Input = super::AttachUserPolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[3])
        }
    }

    /// `CreateAccessKey`.
    #[derive(Debug)]
    pub struct CreateAccessKey;

    impl crate::Op for CreateAccessKey {
        const NAME: &'static str = "CreateAccessKey";
        const READ_ONLY: bool = false;
        type Input = super::CreateAccessKeyRequest;
        type Output = super::CreateAccessKeyResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[4])
        }
    }

    /// `CreateGroup`.
    #[derive(Debug)]
    pub struct CreateGroup;

    impl crate::Op for CreateGroup {
        const NAME: &'static str = "CreateGroup";
        const READ_ONLY: bool = false;
        type Input = super::CreateGroupRequest;
        type Output = super::CreateGroupResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[5])
        }
    }

    /// `CreatePolicy`.
    #[derive(Debug)]
    pub struct CreatePolicy;

    impl crate::Op for CreatePolicy {
        const NAME: &'static str = "CreatePolicy";
        const READ_ONLY: bool = false;
        type Input = super::CreatePolicyRequest;
        type Output = super::CreatePolicyResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[6])
        }
    }

    /// `CreatePolicyVersion`.
    #[derive(Debug)]
    pub struct CreatePolicyVersion;

    impl crate::Op for CreatePolicyVersion {
        const NAME: &'static str = "CreatePolicyVersion";
        const READ_ONLY: bool = false;
        type Input = super::CreatePolicyVersionRequest;
        type Output = super::CreatePolicyVersionResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[7])
        }
    }

    /// `CreateRole`.
    #[derive(Debug)]
    pub struct CreateRole;

    impl crate::Op for CreateRole {
        const NAME: &'static str = "CreateRole";
        const READ_ONLY: bool = false;
        type Input = super::CreateRoleRequest;
        type Output = super::CreateRoleResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[8])
        }
    }

    /// `CreateUser`.
    #[derive(Debug)]
    pub struct CreateUser;

    impl crate::Op for CreateUser {
        const NAME: &'static str = "CreateUser";
        const READ_ONLY: bool = false;
        type Input = super::CreateUserRequest;
        type Output = super::CreateUserResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[9])
        }
    }

    /// `DeleteAccessKey`.
    #[derive(Debug)]
    pub struct DeleteAccessKey;

    impl crate::Op for DeleteAccessKey {
        const NAME: &'static str = "DeleteAccessKey";
        const READ_ONLY: bool = false;
        type Input = super::DeleteAccessKeyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[10])
        }
    }

    /// `DeleteGroup`.
    #[derive(Debug)]
    pub struct DeleteGroup;

    impl crate::Op for DeleteGroup {
        const NAME: &'static str = "DeleteGroup";
        const READ_ONLY: bool = false;
        type Input = super::DeleteGroupRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[11])
        }
    }

    /// `DeleteGroupPolicy`.
    #[derive(Debug)]
    pub struct DeleteGroupPolicy;

    impl crate::Op for DeleteGroupPolicy {
        const NAME: &'static str = "DeleteGroupPolicy";
        const READ_ONLY: bool = false;
        type Input = super::DeleteGroupPolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[12])
        }
    }

    /// `DeletePolicy`.
    #[derive(Debug)]
    pub struct DeletePolicy;

    impl crate::Op for DeletePolicy {
        const NAME: &'static str = "DeletePolicy";
        const READ_ONLY: bool = false;
        type Input = super::DeletePolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[13])
        }
    }

    /// `DeleteRole`.
    #[derive(Debug)]
    pub struct DeleteRole;

    impl crate::Op for DeleteRole {
        const NAME: &'static str = "DeleteRole";
        const READ_ONLY: bool = false;
        type Input = super::DeleteRoleRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[14])
        }
    }

    /// `DeleteRolePermissionsBoundary`.
    #[derive(Debug)]
    pub struct DeleteRolePermissionsBoundary;

    impl crate::Op for DeleteRolePermissionsBoundary {
        const NAME: &'static str = "DeleteRolePermissionsBoundary";
        const READ_ONLY: bool = false;
        type Input = super::DeleteRolePermissionsBoundaryRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[15])
        }
    }

    /// `DeleteRolePolicy`.
    #[derive(Debug)]
    pub struct DeleteRolePolicy;

    impl crate::Op for DeleteRolePolicy {
        const NAME: &'static str = "DeleteRolePolicy";
        const READ_ONLY: bool = false;
        type Input = super::DeleteRolePolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[16])
        }
    }

    /// `DeleteUser`.
    #[derive(Debug)]
    pub struct DeleteUser;

    impl crate::Op for DeleteUser {
        const NAME: &'static str = "DeleteUser";
        const READ_ONLY: bool = false;
        type Input = super::DeleteUserRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[17])
        }
    }

    /// `DeleteUserPermissionsBoundary`.
    #[derive(Debug)]
    pub struct DeleteUserPermissionsBoundary;

    impl crate::Op for DeleteUserPermissionsBoundary {
        const NAME: &'static str = "DeleteUserPermissionsBoundary";
        const READ_ONLY: bool = false;
        type Input = super::DeleteUserPermissionsBoundaryRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[18])
        }
    }

    /// `DeleteUserPolicy`.
    #[derive(Debug)]
    pub struct DeleteUserPolicy;

    impl crate::Op for DeleteUserPolicy {
        const NAME: &'static str = "DeleteUserPolicy";
        const READ_ONLY: bool = false;
        type Input = super::DeleteUserPolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[19])
        }
    }

    /// `DetachGroupPolicy`.
    #[derive(Debug)]
    pub struct DetachGroupPolicy;

    impl crate::Op for DetachGroupPolicy {
        const NAME: &'static str = "DetachGroupPolicy";
        const READ_ONLY: bool = false;
        type Input = super::DetachGroupPolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[20])
        }
    }

    /// `DetachRolePolicy`.
    #[derive(Debug)]
    pub struct DetachRolePolicy;

    impl crate::Op for DetachRolePolicy {
        const NAME: &'static str = "DetachRolePolicy";
        const READ_ONLY: bool = false;
        type Input = super::DetachRolePolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[21])
        }
    }

    /// `DetachUserPolicy`.
    #[derive(Debug)]
    pub struct DetachUserPolicy;

    impl crate::Op for DetachUserPolicy {
        const NAME: &'static str = "DetachUserPolicy";
        const READ_ONLY: bool = false;
        type Input = super::DetachUserPolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[22])
        }
    }

    /// `GetGroup`.
    #[derive(Debug)]
    pub struct GetGroup;

    impl crate::Op for GetGroup {
        const NAME: &'static str = "GetGroup";
        const READ_ONLY: bool = true;
        type Input = super::GetGroupRequest;
        type Output = super::GetGroupResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[23])
        }
    }

    /// `GetGroupPolicy`.
    #[derive(Debug)]
    pub struct GetGroupPolicy;

    impl crate::Op for GetGroupPolicy {
        const NAME: &'static str = "GetGroupPolicy";
        const READ_ONLY: bool = true;
        type Input = super::GetGroupPolicyRequest;
        type Output = super::GetGroupPolicyResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[24])
        }
    }

    /// `GetPolicy`.
    #[derive(Debug)]
    pub struct GetPolicy;

    impl crate::Op for GetPolicy {
        const NAME: &'static str = "GetPolicy";
        const READ_ONLY: bool = true;
        type Input = super::GetPolicyRequest;
        type Output = super::GetPolicyResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[25])
        }
    }

    /// `GetPolicyVersion`.
    #[derive(Debug)]
    pub struct GetPolicyVersion;

    impl crate::Op for GetPolicyVersion {
        const NAME: &'static str = "GetPolicyVersion";
        const READ_ONLY: bool = true;
        type Input = super::GetPolicyVersionRequest;
        type Output = super::GetPolicyVersionResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[26])
        }
    }

    /// `GetRole`.
    #[derive(Debug)]
    pub struct GetRole;

    impl crate::Op for GetRole {
        const NAME: &'static str = "GetRole";
        const READ_ONLY: bool = true;
        type Input = super::GetRoleRequest;
        type Output = super::GetRoleResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[27])
        }
    }

    /// `GetRolePolicy`.
    #[derive(Debug)]
    pub struct GetRolePolicy;

    impl crate::Op for GetRolePolicy {
        const NAME: &'static str = "GetRolePolicy";
        const READ_ONLY: bool = true;
        type Input = super::GetRolePolicyRequest;
        type Output = super::GetRolePolicyResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[28])
        }
    }

    /// `GetUser`.
    #[derive(Debug)]
    pub struct GetUser;

    impl crate::Op for GetUser {
        const NAME: &'static str = "GetUser";
        const READ_ONLY: bool = true;
        type Input = super::GetUserRequest;
        type Output = super::GetUserResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[29])
        }
    }

    /// `GetUserPolicy`.
    #[derive(Debug)]
    pub struct GetUserPolicy;

    impl crate::Op for GetUserPolicy {
        const NAME: &'static str = "GetUserPolicy";
        const READ_ONLY: bool = true;
        type Input = super::GetUserPolicyRequest;
        type Output = super::GetUserPolicyResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[30])
        }
    }

    /// `ListAccessKeys`.
    #[derive(Debug)]
    pub struct ListAccessKeys;

    impl crate::Op for ListAccessKeys {
        const NAME: &'static str = "ListAccessKeys";
        const READ_ONLY: bool = true;
        type Input = super::ListAccessKeysRequest;
        type Output = super::ListAccessKeysResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[31])
        }
    }

    /// `ListAttachedGroupPolicies`.
    #[derive(Debug)]
    pub struct ListAttachedGroupPolicies;

    impl crate::Op for ListAttachedGroupPolicies {
        const NAME: &'static str = "ListAttachedGroupPolicies";
        const READ_ONLY: bool = true;
        type Input = super::ListAttachedGroupPoliciesRequest;
        type Output = super::ListAttachedGroupPoliciesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[32])
        }
    }

    /// `ListAttachedRolePolicies`.
    #[derive(Debug)]
    pub struct ListAttachedRolePolicies;

    impl crate::Op for ListAttachedRolePolicies {
        const NAME: &'static str = "ListAttachedRolePolicies";
        const READ_ONLY: bool = true;
        type Input = super::ListAttachedRolePoliciesRequest;
        type Output = super::ListAttachedRolePoliciesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[33])
        }
    }

    /// `ListAttachedUserPolicies`.
    #[derive(Debug)]
    pub struct ListAttachedUserPolicies;

    impl crate::Op for ListAttachedUserPolicies {
        const NAME: &'static str = "ListAttachedUserPolicies";
        const READ_ONLY: bool = true;
        type Input = super::ListAttachedUserPoliciesRequest;
        type Output = super::ListAttachedUserPoliciesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[34])
        }
    }

    /// `ListGroupPolicies`.
    #[derive(Debug)]
    pub struct ListGroupPolicies;

    impl crate::Op for ListGroupPolicies {
        const NAME: &'static str = "ListGroupPolicies";
        const READ_ONLY: bool = true;
        type Input = super::ListGroupPoliciesRequest;
        type Output = super::ListGroupPoliciesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[35])
        }
    }

    /// `ListGroups`.
    #[derive(Debug)]
    pub struct ListGroups;

    impl crate::Op for ListGroups {
        const NAME: &'static str = "ListGroups";
        const READ_ONLY: bool = true;
        type Input = super::ListGroupsRequest;
        type Output = super::ListGroupsResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[36])
        }
    }

    /// `ListGroupsForUser`.
    #[derive(Debug)]
    pub struct ListGroupsForUser;

    impl crate::Op for ListGroupsForUser {
        const NAME: &'static str = "ListGroupsForUser";
        const READ_ONLY: bool = true;
        type Input = super::ListGroupsForUserRequest;
        type Output = super::ListGroupsForUserResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[37])
        }
    }

    /// `ListPolicies`.
    #[derive(Debug)]
    pub struct ListPolicies;

    impl crate::Op for ListPolicies {
        const NAME: &'static str = "ListPolicies";
        const READ_ONLY: bool = true;
        type Input = super::ListPoliciesRequest;
        type Output = super::ListPoliciesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[38])
        }
    }

    /// `ListRolePolicies`.
    #[derive(Debug)]
    pub struct ListRolePolicies;

    impl crate::Op for ListRolePolicies {
        const NAME: &'static str = "ListRolePolicies";
        const READ_ONLY: bool = true;
        type Input = super::ListRolePoliciesRequest;
        type Output = super::ListRolePoliciesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[39])
        }
    }

    /// `ListRoleTags`.
    #[derive(Debug)]
    pub struct ListRoleTags;

    impl crate::Op for ListRoleTags {
        const NAME: &'static str = "ListRoleTags";
        const READ_ONLY: bool = true;
        type Input = super::ListRoleTagsRequest;
        type Output = super::ListRoleTagsResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[40])
        }
    }

    /// `ListRoles`.
    #[derive(Debug)]
    pub struct ListRoles;

    impl crate::Op for ListRoles {
        const NAME: &'static str = "ListRoles";
        const READ_ONLY: bool = true;
        type Input = super::ListRolesRequest;
        type Output = super::ListRolesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[41])
        }
    }

    /// `ListUserPolicies`.
    #[derive(Debug)]
    pub struct ListUserPolicies;

    impl crate::Op for ListUserPolicies {
        const NAME: &'static str = "ListUserPolicies";
        const READ_ONLY: bool = true;
        type Input = super::ListUserPoliciesRequest;
        type Output = super::ListUserPoliciesResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[42])
        }
    }

    /// `ListUserTags`.
    #[derive(Debug)]
    pub struct ListUserTags;

    impl crate::Op for ListUserTags {
        const NAME: &'static str = "ListUserTags";
        const READ_ONLY: bool = true;
        type Input = super::ListUserTagsRequest;
        type Output = super::ListUserTagsResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[43])
        }
    }

    /// `ListUsers`.
    #[derive(Debug)]
    pub struct ListUsers;

    impl crate::Op for ListUsers {
        const NAME: &'static str = "ListUsers";
        const READ_ONLY: bool = true;
        type Input = super::ListUsersRequest;
        type Output = super::ListUsersResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[44])
        }
    }

    /// `PutGroupPolicy`.
    #[derive(Debug)]
    pub struct PutGroupPolicy;

    impl crate::Op for PutGroupPolicy {
        const NAME: &'static str = "PutGroupPolicy";
        const READ_ONLY: bool = false;
        type Input = super::PutGroupPolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[45])
        }
    }

    /// `PutRolePermissionsBoundary`.
    #[derive(Debug)]
    pub struct PutRolePermissionsBoundary;

    impl crate::Op for PutRolePermissionsBoundary {
        const NAME: &'static str = "PutRolePermissionsBoundary";
        const READ_ONLY: bool = false;
        type Input = super::PutRolePermissionsBoundaryRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[46])
        }
    }

    /// `PutRolePolicy`.
    #[derive(Debug)]
    pub struct PutRolePolicy;

    impl crate::Op for PutRolePolicy {
        const NAME: &'static str = "PutRolePolicy";
        const READ_ONLY: bool = false;
        type Input = super::PutRolePolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[47])
        }
    }

    /// `PutUserPermissionsBoundary`.
    #[derive(Debug)]
    pub struct PutUserPermissionsBoundary;

    impl crate::Op for PutUserPermissionsBoundary {
        const NAME: &'static str = "PutUserPermissionsBoundary";
        const READ_ONLY: bool = false;
        type Input = super::PutUserPermissionsBoundaryRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[48])
        }
    }

    /// `PutUserPolicy`.
    #[derive(Debug)]
    pub struct PutUserPolicy;

    impl crate::Op for PutUserPolicy {
        const NAME: &'static str = "PutUserPolicy";
        const READ_ONLY: bool = false;
        type Input = super::PutUserPolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[49])
        }
    }

    /// `RemoveUserFromGroup`.
    #[derive(Debug)]
    pub struct RemoveUserFromGroup;

    impl crate::Op for RemoveUserFromGroup {
        const NAME: &'static str = "RemoveUserFromGroup";
        const READ_ONLY: bool = false;
        type Input = super::RemoveUserFromGroupRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[50])
        }
    }

    /// `SimulateCustomPolicy`.
    #[derive(Debug)]
    pub struct SimulateCustomPolicy;

    impl crate::Op for SimulateCustomPolicy {
        const NAME: &'static str = "SimulateCustomPolicy";
        const READ_ONLY: bool = true;
        type Input = super::SimulateCustomPolicyRequest;
        type Output = super::SimulatePolicyResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[51])
        }
    }

    /// `SimulatePrincipalPolicy`.
    #[derive(Debug)]
    pub struct SimulatePrincipalPolicy;

    impl crate::Op for SimulatePrincipalPolicy {
        const NAME: &'static str = "SimulatePrincipalPolicy";
        const READ_ONLY: bool = true;
        type Input = super::SimulatePrincipalPolicyRequest;
        type Output = super::SimulatePolicyResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[52])
        }
    }

    /// `TagRole`.
    #[derive(Debug)]
    pub struct TagRole;

    impl crate::Op for TagRole {
        const NAME: &'static str = "TagRole";
        const READ_ONLY: bool = false;
        type Input = super::TagRoleRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[53])
        }
    }

    /// `TagUser`.
    #[derive(Debug)]
    pub struct TagUser;

    impl crate::Op for TagUser {
        const NAME: &'static str = "TagUser";
        const READ_ONLY: bool = false;
        type Input = super::TagUserRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[54])
        }
    }

    /// `UntagRole`.
    #[derive(Debug)]
    pub struct UntagRole;

    impl crate::Op for UntagRole {
        const NAME: &'static str = "UntagRole";
        const READ_ONLY: bool = false;
        type Input = super::UntagRoleRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[55])
        }
    }

    /// `UntagUser`.
    #[derive(Debug)]
    pub struct UntagUser;

    impl crate::Op for UntagUser {
        const NAME: &'static str = "UntagUser";
        const READ_ONLY: bool = false;
        type Input = super::UntagUserRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[56])
        }
    }

    /// `UpdateAccessKey`.
    #[derive(Debug)]
    pub struct UpdateAccessKey;

    impl crate::Op for UpdateAccessKey {
        const NAME: &'static str = "UpdateAccessKey";
        const READ_ONLY: bool = false;
        type Input = super::UpdateAccessKeyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[57])
        }
    }

    /// `UpdateAssumeRolePolicy`.
    #[derive(Debug)]
    pub struct UpdateAssumeRolePolicy;

    impl crate::Op for UpdateAssumeRolePolicy {
        const NAME: &'static str = "UpdateAssumeRolePolicy";
        const READ_ONLY: bool = false;
        type Input = super::UpdateAssumeRolePolicyRequest;
        type Output = crate::Empty;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[58])
        }
    }

}

/// The errors the model names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// `AccountNotManagementOrDelegatedAdministratorException`.
    AccountNotManagementOrDelegatedAdministratorException,
    /// `CallerIsNotManagementAccountException`.
    CallerIsNotManagementAccountException,
    /// `ConcurrentModification`.
    ConcurrentModificationException,
    /// `ReportExpired`.
    CredentialReportExpiredException,
    /// `ReportNotPresent`.
    CredentialReportNotPresentException,
    /// `ReportInProgress`.
    CredentialReportNotReadyException,
    /// `DeleteConflict`.
    DeleteConflictException,
    /// `DuplicateCertificate`.
    DuplicateCertificateException,
    /// `DuplicateSSHPublicKey`.
    DuplicateSSHPublicKeyException,
    /// `EntityAlreadyExists`.
    EntityAlreadyExistsException,
    /// `EntityTemporarilyUnmodifiable`.
    EntityTemporarilyUnmodifiableException,
    /// `FeatureDisabled`.
    FeatureDisabledException,
    /// `FeatureEnabled`.
    FeatureEnabledException,
    /// `InvalidAuthenticationCode`.
    InvalidAuthenticationCodeException,
    /// `InvalidCertificate`.
    InvalidCertificateException,
    /// `InvalidInput`.
    InvalidInputException,
    /// `InvalidPublicKey`.
    InvalidPublicKeyException,
    /// `InvalidUserType`.
    InvalidUserTypeException,
    /// `KeyPairMismatch`.
    KeyPairMismatchException,
    /// `LimitExceeded`.
    LimitExceededException,
    /// `MalformedCertificate`.
    MalformedCertificateException,
    /// `MalformedPolicyDocument`.
    MalformedPolicyDocumentException,
    /// `NoSuchEntity`.
    NoSuchEntityException,
    /// `OpenIdIdpCommunicationError`.
    OpenIdIdpCommunicationErrorException,
    /// `OrganizationNotFoundException`.
    OrganizationNotFoundException,
    /// `OrganizationNotInAllFeaturesModeException`.
    OrganizationNotInAllFeaturesModeException,
    /// `PasswordPolicyViolation`.
    PasswordPolicyViolationException,
    /// `PolicyEvaluation`.
    PolicyEvaluationException,
    /// `PolicyNotAttachable`.
    PolicyNotAttachableException,
    /// `ReportGenerationLimitExceeded`.
    ReportGenerationLimitExceededException,
    /// `ServiceAccessNotEnabledException`.
    ServiceAccessNotEnabledException,
    /// `ServiceFailure`.
    ServiceFailureException,
    /// `NotSupportedService`.
    ServiceNotSupportedException,
    /// `UnmodifiableEntity`.
    UnmodifiableEntityException,
    /// `UnrecognizedPublicKeyEncoding`.
    UnrecognizedPublicKeyEncodingException,
}

impl Error {
    /// The code the wire carries.
    pub const fn code(self) -> &'static str {
        match self {
            Self::AccountNotManagementOrDelegatedAdministratorException => "AccountNotManagementOrDelegatedAdministratorException",
            Self::CallerIsNotManagementAccountException => "CallerIsNotManagementAccountException",
            Self::ConcurrentModificationException => "ConcurrentModification",
            Self::CredentialReportExpiredException => "ReportExpired",
            Self::CredentialReportNotPresentException => "ReportNotPresent",
            Self::CredentialReportNotReadyException => "ReportInProgress",
            Self::DeleteConflictException => "DeleteConflict",
            Self::DuplicateCertificateException => "DuplicateCertificate",
            Self::DuplicateSSHPublicKeyException => "DuplicateSSHPublicKey",
            Self::EntityAlreadyExistsException => "EntityAlreadyExists",
            Self::EntityTemporarilyUnmodifiableException => "EntityTemporarilyUnmodifiable",
            Self::FeatureDisabledException => "FeatureDisabled",
            Self::FeatureEnabledException => "FeatureEnabled",
            Self::InvalidAuthenticationCodeException => "InvalidAuthenticationCode",
            Self::InvalidCertificateException => "InvalidCertificate",
            Self::InvalidInputException => "InvalidInput",
            Self::InvalidPublicKeyException => "InvalidPublicKey",
            Self::InvalidUserTypeException => "InvalidUserType",
            Self::KeyPairMismatchException => "KeyPairMismatch",
            Self::LimitExceededException => "LimitExceeded",
            Self::MalformedCertificateException => "MalformedCertificate",
            Self::MalformedPolicyDocumentException => "MalformedPolicyDocument",
            Self::NoSuchEntityException => "NoSuchEntity",
            Self::OpenIdIdpCommunicationErrorException => "OpenIdIdpCommunicationError",
            Self::OrganizationNotFoundException => "OrganizationNotFoundException",
            Self::OrganizationNotInAllFeaturesModeException => "OrganizationNotInAllFeaturesModeException",
            Self::PasswordPolicyViolationException => "PasswordPolicyViolation",
            Self::PolicyEvaluationException => "PolicyEvaluation",
            Self::PolicyNotAttachableException => "PolicyNotAttachable",
            Self::ReportGenerationLimitExceededException => "ReportGenerationLimitExceeded",
            Self::ServiceAccessNotEnabledException => "ServiceAccessNotEnabledException",
            Self::ServiceFailureException => "ServiceFailure",
            Self::ServiceNotSupportedException => "NotSupportedService",
            Self::UnmodifiableEntityException => "UnmodifiableEntity",
            Self::UnrecognizedPublicKeyEncodingException => "UnrecognizedPublicKeyEncoding",
        }
    }

    /// The HTTP status.
    pub const fn status(self) -> u16 {
        match self {
            Self::AccountNotManagementOrDelegatedAdministratorException => 400,
            Self::CallerIsNotManagementAccountException => 400,
            Self::ConcurrentModificationException => 409,
            Self::CredentialReportExpiredException => 410,
            Self::CredentialReportNotPresentException => 410,
            Self::CredentialReportNotReadyException => 404,
            Self::DeleteConflictException => 409,
            Self::DuplicateCertificateException => 409,
            Self::DuplicateSSHPublicKeyException => 400,
            Self::EntityAlreadyExistsException => 409,
            Self::EntityTemporarilyUnmodifiableException => 409,
            Self::FeatureDisabledException => 404,
            Self::FeatureEnabledException => 409,
            Self::InvalidAuthenticationCodeException => 403,
            Self::InvalidCertificateException => 400,
            Self::InvalidInputException => 400,
            Self::InvalidPublicKeyException => 400,
            Self::InvalidUserTypeException => 400,
            Self::KeyPairMismatchException => 400,
            Self::LimitExceededException => 409,
            Self::MalformedCertificateException => 400,
            Self::MalformedPolicyDocumentException => 400,
            Self::NoSuchEntityException => 404,
            Self::OpenIdIdpCommunicationErrorException => 400,
            Self::OrganizationNotFoundException => 400,
            Self::OrganizationNotInAllFeaturesModeException => 400,
            Self::PasswordPolicyViolationException => 400,
            Self::PolicyEvaluationException => 500,
            Self::PolicyNotAttachableException => 400,
            Self::ReportGenerationLimitExceededException => 409,
            Self::ServiceAccessNotEnabledException => 400,
            Self::ServiceFailureException => 500,
            Self::ServiceNotSupportedException => 404,
            Self::UnmodifiableEntityException => 400,
            Self::UnrecognizedPublicKeyEncodingException => 400,
        }
    }

    /// The error with `message`.
    pub fn with(self, message: impl Into<String>) -> neargate_common::AwsError {
        crate::error_with(self.status(), self.code(), message)
    }
}

/// Runs `operation` on `service`, which handles every operation in `served.txt`; `None` for
/// any other.
pub fn dispatch<S, C: ?Sized>(
    service: &S,
    caller: &C,
    operation: &str,
    input: &serde_json::Map<String, serde_json::Value>,
    authorize: &mut crate::Authorize<'_>,
) -> Option<Result<crate::Answer, crate::Failure>>
where
    S: ?Sized
        + crate::Handler<ops::AddUserToGroup, C>
        + crate::Handler<ops::AttachGroupPolicy, C>
        + crate::Handler<ops::AttachRolePolicy, C>
        + crate::Handler<ops::AttachUserPolicy, C>
        + crate::Handler<ops::CreateAccessKey, C>
        + crate::Handler<ops::CreateGroup, C>
        + crate::Handler<ops::CreatePolicy, C>
        + crate::Handler<ops::CreatePolicyVersion, C>
        + crate::Handler<ops::CreateRole, C>
        + crate::Handler<ops::CreateUser, C>
        + crate::Handler<ops::DeleteAccessKey, C>
        + crate::Handler<ops::DeleteGroup, C>
        + crate::Handler<ops::DeleteGroupPolicy, C>
        + crate::Handler<ops::DeletePolicy, C>
        + crate::Handler<ops::DeleteRole, C>
        + crate::Handler<ops::DeleteRolePermissionsBoundary, C>
        + crate::Handler<ops::DeleteRolePolicy, C>
        + crate::Handler<ops::DeleteUser, C>
        + crate::Handler<ops::DeleteUserPermissionsBoundary, C>
        + crate::Handler<ops::DeleteUserPolicy, C>
        + crate::Handler<ops::DetachGroupPolicy, C>
        + crate::Handler<ops::DetachRolePolicy, C>
        + crate::Handler<ops::DetachUserPolicy, C>
        + crate::Handler<ops::GetGroup, C>
        + crate::Handler<ops::GetGroupPolicy, C>
        + crate::Handler<ops::GetPolicy, C>
        + crate::Handler<ops::GetPolicyVersion, C>
        + crate::Handler<ops::GetRole, C>
        + crate::Handler<ops::GetRolePolicy, C>
        + crate::Handler<ops::GetUser, C>
        + crate::Handler<ops::GetUserPolicy, C>
        + crate::Handler<ops::ListAccessKeys, C>
        + crate::Handler<ops::ListAttachedGroupPolicies, C>
        + crate::Handler<ops::ListAttachedRolePolicies, C>
        + crate::Handler<ops::ListAttachedUserPolicies, C>
        + crate::Handler<ops::ListGroupPolicies, C>
        + crate::Handler<ops::ListGroups, C>
        + crate::Handler<ops::ListGroupsForUser, C>
        + crate::Handler<ops::ListPolicies, C>
        + crate::Handler<ops::ListRolePolicies, C>
        + crate::Handler<ops::ListRoleTags, C>
        + crate::Handler<ops::ListRoles, C>
        + crate::Handler<ops::ListUserPolicies, C>
        + crate::Handler<ops::ListUserTags, C>
        + crate::Handler<ops::ListUsers, C>
        + crate::Handler<ops::PutGroupPolicy, C>
        + crate::Handler<ops::PutRolePermissionsBoundary, C>
        + crate::Handler<ops::PutRolePolicy, C>
        + crate::Handler<ops::PutUserPermissionsBoundary, C>
        + crate::Handler<ops::PutUserPolicy, C>
        + crate::Handler<ops::RemoveUserFromGroup, C>
        + crate::Handler<ops::SimulateCustomPolicy, C>
        + crate::Handler<ops::SimulatePrincipalPolicy, C>
        + crate::Handler<ops::TagRole, C>
        + crate::Handler<ops::TagUser, C>
        + crate::Handler<ops::UntagRole, C>
        + crate::Handler<ops::UntagUser, C>
        + crate::Handler<ops::UpdateAccessKey, C>
        + crate::Handler<ops::UpdateAssumeRolePolicy, C>
{
    Some(match operation {
        "AddUserToGroup" => crate::run::<ops::AddUserToGroup, S, C>(service, caller, input, authorize),
        "AttachGroupPolicy" => crate::run::<ops::AttachGroupPolicy, S, C>(service, caller, input, authorize),
        "AttachRolePolicy" => crate::run::<ops::AttachRolePolicy, S, C>(service, caller, input, authorize),
        "AttachUserPolicy" => crate::run::<ops::AttachUserPolicy, S, C>(service, caller, input, authorize),
        "CreateAccessKey" => crate::run::<ops::CreateAccessKey, S, C>(service, caller, input, authorize),
        "CreateGroup" => crate::run::<ops::CreateGroup, S, C>(service, caller, input, authorize),
        "CreatePolicy" => crate::run::<ops::CreatePolicy, S, C>(service, caller, input, authorize),
        "CreatePolicyVersion" => crate::run::<ops::CreatePolicyVersion, S, C>(service, caller, input, authorize),
        "CreateRole" => crate::run::<ops::CreateRole, S, C>(service, caller, input, authorize),
        "CreateUser" => crate::run::<ops::CreateUser, S, C>(service, caller, input, authorize),
        "DeleteAccessKey" => crate::run::<ops::DeleteAccessKey, S, C>(service, caller, input, authorize),
        "DeleteGroup" => crate::run::<ops::DeleteGroup, S, C>(service, caller, input, authorize),
        "DeleteGroupPolicy" => crate::run::<ops::DeleteGroupPolicy, S, C>(service, caller, input, authorize),
        "DeletePolicy" => crate::run::<ops::DeletePolicy, S, C>(service, caller, input, authorize),
        "DeleteRole" => crate::run::<ops::DeleteRole, S, C>(service, caller, input, authorize),
        "DeleteRolePermissionsBoundary" => crate::run::<ops::DeleteRolePermissionsBoundary, S, C>(service, caller, input, authorize),
        "DeleteRolePolicy" => crate::run::<ops::DeleteRolePolicy, S, C>(service, caller, input, authorize),
        "DeleteUser" => crate::run::<ops::DeleteUser, S, C>(service, caller, input, authorize),
        "DeleteUserPermissionsBoundary" => crate::run::<ops::DeleteUserPermissionsBoundary, S, C>(service, caller, input, authorize),
        "DeleteUserPolicy" => crate::run::<ops::DeleteUserPolicy, S, C>(service, caller, input, authorize),
        "DetachGroupPolicy" => crate::run::<ops::DetachGroupPolicy, S, C>(service, caller, input, authorize),
        "DetachRolePolicy" => crate::run::<ops::DetachRolePolicy, S, C>(service, caller, input, authorize),
        "DetachUserPolicy" => crate::run::<ops::DetachUserPolicy, S, C>(service, caller, input, authorize),
        "GetGroup" => crate::run::<ops::GetGroup, S, C>(service, caller, input, authorize),
        "GetGroupPolicy" => crate::run::<ops::GetGroupPolicy, S, C>(service, caller, input, authorize),
        "GetPolicy" => crate::run::<ops::GetPolicy, S, C>(service, caller, input, authorize),
        "GetPolicyVersion" => crate::run::<ops::GetPolicyVersion, S, C>(service, caller, input, authorize),
        "GetRole" => crate::run::<ops::GetRole, S, C>(service, caller, input, authorize),
        "GetRolePolicy" => crate::run::<ops::GetRolePolicy, S, C>(service, caller, input, authorize),
        "GetUser" => crate::run::<ops::GetUser, S, C>(service, caller, input, authorize),
        "GetUserPolicy" => crate::run::<ops::GetUserPolicy, S, C>(service, caller, input, authorize),
        "ListAccessKeys" => crate::run::<ops::ListAccessKeys, S, C>(service, caller, input, authorize),
        "ListAttachedGroupPolicies" => crate::run::<ops::ListAttachedGroupPolicies, S, C>(service, caller, input, authorize),
        "ListAttachedRolePolicies" => crate::run::<ops::ListAttachedRolePolicies, S, C>(service, caller, input, authorize),
        "ListAttachedUserPolicies" => crate::run::<ops::ListAttachedUserPolicies, S, C>(service, caller, input, authorize),
        "ListGroupPolicies" => crate::run::<ops::ListGroupPolicies, S, C>(service, caller, input, authorize),
        "ListGroups" => crate::run::<ops::ListGroups, S, C>(service, caller, input, authorize),
        "ListGroupsForUser" => crate::run::<ops::ListGroupsForUser, S, C>(service, caller, input, authorize),
        "ListPolicies" => crate::run::<ops::ListPolicies, S, C>(service, caller, input, authorize),
        "ListRolePolicies" => crate::run::<ops::ListRolePolicies, S, C>(service, caller, input, authorize),
        "ListRoleTags" => crate::run::<ops::ListRoleTags, S, C>(service, caller, input, authorize),
        "ListRoles" => crate::run::<ops::ListRoles, S, C>(service, caller, input, authorize),
        "ListUserPolicies" => crate::run::<ops::ListUserPolicies, S, C>(service, caller, input, authorize),
        "ListUserTags" => crate::run::<ops::ListUserTags, S, C>(service, caller, input, authorize),
        "ListUsers" => crate::run::<ops::ListUsers, S, C>(service, caller, input, authorize),
        "PutGroupPolicy" => crate::run::<ops::PutGroupPolicy, S, C>(service, caller, input, authorize),
        "PutRolePermissionsBoundary" => crate::run::<ops::PutRolePermissionsBoundary, S, C>(service, caller, input, authorize),
        "PutRolePolicy" => crate::run::<ops::PutRolePolicy, S, C>(service, caller, input, authorize),
        "PutUserPermissionsBoundary" => crate::run::<ops::PutUserPermissionsBoundary, S, C>(service, caller, input, authorize),
        "PutUserPolicy" => crate::run::<ops::PutUserPolicy, S, C>(service, caller, input, authorize),
        "RemoveUserFromGroup" => crate::run::<ops::RemoveUserFromGroup, S, C>(service, caller, input, authorize),
        "SimulateCustomPolicy" => crate::run::<ops::SimulateCustomPolicy, S, C>(service, caller, input, authorize),
        "SimulatePrincipalPolicy" => crate::run::<ops::SimulatePrincipalPolicy, S, C>(service, caller, input, authorize),
        "TagRole" => crate::run::<ops::TagRole, S, C>(service, caller, input, authorize),
        "TagUser" => crate::run::<ops::TagUser, S, C>(service, caller, input, authorize),
        "UntagRole" => crate::run::<ops::UntagRole, S, C>(service, caller, input, authorize),
        "UntagUser" => crate::run::<ops::UntagUser, S, C>(service, caller, input, authorize),
        "UpdateAccessKey" => crate::run::<ops::UpdateAccessKey, S, C>(service, caller, input, authorize),
        "UpdateAssumeRolePolicy" => crate::run::<ops::UpdateAssumeRolePolicy, S, C>(service, caller, input, authorize),
        _ => return None,
    })
}
