//! The served part of botocore 1.43.11's `cloudtrail/2013-11-01` model. Written by `neargate-codegen`; do not edit.

use serde::{Deserialize, Serialize};

use crate::shape::{Bound, Kind, Member, Model, Operation, Patterns, Rules, Shape, Text};
use crate::types::{Time};

static PATTERNS: Patterns = Patterns::new();

/// The model: 1 served operations, 22 shapes.
pub static MODEL: Model = Model {
    service: "cloudtrail",
    api_version: "2013-11-01",
    json: true,
    rules: Rules { exception: "InvalidParameterException", required: false, constraints: false },
    operations: &[
        Operation { name: "LookupEvents", read_only: true, dry_run: false, input: Some(13), output: Some(14), errors: &["InvalidLookupAttributesException", "InvalidTimeRangeException", "InvalidMaxResultsException", "InvalidNextTokenException", "InvalidEventCategoryException", "UnsupportedOperationException", "OperationNotPermittedException"] },
    ],
    shapes: &[
        /* 0 */ Shape { name: "Date", kind: Kind::Timestamp },
        /* 1 */ Shape { name: "Event", kind: Kind::Structure(&[Member { name: "AccessKeyId", shape: 20, required: false }, Member { name: "CloudTrailEvent", shape: 20, required: false }, Member { name: "EventId", shape: 20, required: false }, Member { name: "EventName", shape: 20, required: false }, Member { name: "EventSource", shape: 20, required: false }, Member { name: "EventTime", shape: 0, required: false }, Member { name: "ReadOnly", shape: 20, required: false }, Member { name: "Resources", shape: 19, required: false }, Member { name: "Username", shape: 20, required: false }]) },
        /* 2 */ Shape { name: "EventCategory", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["insight"], sensitive: false }) },
        /* 3 */ Shape { name: "EventsList", kind: Kind::List { member: 1, length: Bound { min: None, max: None } } },
        /* 4 */ Shape { name: "InvalidEventCategoryException", kind: Kind::Structure(&[]) },
        /* 5 */ Shape { name: "InvalidLookupAttributesException", kind: Kind::Structure(&[]) },
        /* 6 */ Shape { name: "InvalidMaxResultsException", kind: Kind::Structure(&[]) },
        /* 7 */ Shape { name: "InvalidNextTokenException", kind: Kind::Structure(&[]) },
        /* 8 */ Shape { name: "InvalidTimeRangeException", kind: Kind::Structure(&[]) },
        /* 9 */ Shape { name: "LookupAttribute", kind: Kind::Structure(&[Member { name: "AttributeKey", shape: 10, required: true }, Member { name: "AttributeValue", shape: 11, required: true }]) },
        /* 10 */ Shape { name: "LookupAttributeKey", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &["EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId"], sensitive: false }) },
        /* 11 */ Shape { name: "LookupAttributeValue", kind: Kind::String(Text { length: Bound { min: Some(1), max: Some(2000) }, pattern: None, values: &[], sensitive: false }) },
        /* 12 */ Shape { name: "LookupAttributesList", kind: Kind::List { member: 9, length: Bound { min: None, max: None } } },
        /* 13 */ Shape { name: "LookupEventsRequest", kind: Kind::Structure(&[Member { name: "EndTime", shape: 0, required: false }, Member { name: "EventCategory", shape: 2, required: false }, Member { name: "LookupAttributes", shape: 12, required: false }, Member { name: "MaxResults", shape: 15, required: false }, Member { name: "NextToken", shape: 16, required: false }, Member { name: "StartTime", shape: 0, required: false }]) },
        /* 14 */ Shape { name: "LookupEventsResponse", kind: Kind::Structure(&[Member { name: "Events", shape: 3, required: false }, Member { name: "NextToken", shape: 16, required: false }]) },
        /* 15 */ Shape { name: "MaxResults", kind: Kind::Integer(Bound { min: Some(1), max: Some(50) }) },
        /* 16 */ Shape { name: "NextToken", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 17 */ Shape { name: "OperationNotPermittedException", kind: Kind::Structure(&[]) },
        /* 18 */ Shape { name: "Resource", kind: Kind::Structure(&[Member { name: "ResourceName", shape: 20, required: false }, Member { name: "ResourceType", shape: 20, required: false }]) },
        /* 19 */ Shape { name: "ResourceList", kind: Kind::List { member: 18, length: Bound { min: None, max: None } } },
        /* 20 */ Shape { name: "String", kind: Kind::String(Text { length: Bound { min: None, max: None }, pattern: None, values: &[], sensitive: false }) },
        /* 21 */ Shape { name: "UnsupportedOperationException", kind: Kind::Structure(&[]) },
    ],
    all_operations: &["AddTags", "CancelQuery", "CreateChannel", "CreateDashboard", "CreateEventDataStore", "CreateTrail", "DeleteChannel", "DeleteDashboard", "DeleteEventDataStore", "DeleteResourcePolicy", "DeleteTrail", "DeregisterOrganizationDelegatedAdmin", "DescribeQuery", "DescribeTrails", "DisableFederation", "EnableFederation", "GenerateQuery", "GetChannel", "GetDashboard", "GetEventConfiguration", "GetEventDataStore", "GetEventSelectors", "GetImport", "GetInsightSelectors", "GetQueryResults", "GetResourcePolicy", "GetTrail", "GetTrailStatus", "ListChannels", "ListDashboards", "ListEventDataStores", "ListImportFailures", "ListImports", "ListInsightsData", "ListInsightsMetricData", "ListPublicKeys", "ListQueries", "ListTags", "ListTrails", "LookupEvents", "PutEventConfiguration", "PutEventSelectors", "PutInsightSelectors", "PutResourcePolicy", "RegisterOrganizationDelegatedAdmin", "RemoveTags", "RestoreEventDataStore", "SearchSampleQueries", "StartDashboardRefresh", "StartEventDataStoreIngestion", "StartImport", "StartLogging", "StartQuery", "StopEventDataStoreIngestion", "StopImport", "StopLogging", "UpdateChannel", "UpdateDashboard", "UpdateEventDataStore", "UpdateTrail"],
    patterns: &PATTERNS,
};

/// The model's `Event`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Event {
    /// `AccessKeyId`.
    #[serde(rename = "AccessKeyId", default, skip_serializing_if = "Option::is_none")]
    pub access_key_id: Option<String>,
    /// `CloudTrailEvent`.
    #[serde(rename = "CloudTrailEvent", default, skip_serializing_if = "Option::is_none")]
    pub cloud_trail_event: Option<String>,
    /// `EventId`.
    #[serde(rename = "EventId", default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// `EventName`.
    #[serde(rename = "EventName", default, skip_serializing_if = "Option::is_none")]
    pub event_name: Option<String>,
    /// `EventSource`.
    #[serde(rename = "EventSource", default, skip_serializing_if = "Option::is_none")]
    pub event_source: Option<String>,
    /// `EventTime`.
    #[serde(rename = "EventTime", default, skip_serializing_if = "Option::is_none")]
    pub event_time: Option<Time>,
    /// `ReadOnly`.
    #[serde(rename = "ReadOnly", default, skip_serializing_if = "Option::is_none")]
    pub read_only: Option<String>,
    /// `Resources`.
    #[serde(rename = "Resources", default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<Vec<Resource>>,
    /// `Username`.
    #[serde(rename = "Username", default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

crate::wire_enum! {
    /// The model's `EventCategory`.
    EventCategory { Insight => "insight" }
}

/// The model's `LookupAttribute`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LookupAttribute {
    /// `AttributeKey`.
    #[serde(rename = "AttributeKey", default, skip_serializing_if = "Option::is_none")]
    pub attribute_key: Option<LookupAttributeKey>,
    /// `AttributeValue`.
    #[serde(rename = "AttributeValue", default, skip_serializing_if = "Option::is_none")]
    pub attribute_value: Option<String>,
}

crate::wire_enum! {
    /// The model's `LookupAttributeKey`.
    LookupAttributeKey { EventId => "EventId", EventName => "EventName", ReadOnly => "ReadOnly", Username => "Username", ResourceType => "ResourceType", ResourceName => "ResourceName", EventSource => "EventSource", AccessKeyId => "AccessKeyId" }
}

/// The model's `LookupEventsRequest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LookupEventsRequest {
    /// `EndTime`.
    #[serde(rename = "EndTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<Time>,
    /// `EventCategory`.
    #[serde(rename = "EventCategory", default, skip_serializing_if = "Option::is_none")]
    pub event_category: Option<EventCategory>,
    /// `LookupAttributes`.
    #[serde(rename = "LookupAttributes", default, skip_serializing_if = "Option::is_none")]
    pub lookup_attributes: Option<Vec<LookupAttribute>>,
    /// `MaxResults`.
    #[serde(rename = "MaxResults", default, skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// `NextToken`.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `StartTime`.
    #[serde(rename = "StartTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Time>,
}

/// The model's `LookupEventsResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LookupEventsResponse {
    /// `Events`.
    #[serde(rename = "Events", default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<Event>>,
    /// `NextToken`.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// The model's `Resource`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Resource {
    /// `ResourceName`.
    #[serde(rename = "ResourceName", default, skip_serializing_if = "Option::is_none")]
    pub resource_name: Option<String>,
    /// `ResourceType`.
    #[serde(rename = "ResourceType", default, skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
}

/// The served operations, as types.
pub mod ops {
    /// `LookupEvents`.
    #[derive(Debug)]
    pub struct LookupEvents;

    impl crate::Op for LookupEvents {
        const NAME: &'static str = "LookupEvents";
        const READ_ONLY: bool = true;
        type Input = super::LookupEventsRequest;
        type Output = super::LookupEventsResponse;

        fn operation() -> (&'static crate::Model, &'static crate::Operation) {
            (&super::MODEL, &super::MODEL.operations[0])
        }
    }

}

/// The errors the model names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// `AccessDeniedException`.
    AccessDeniedException,
    /// `AccountHasOngoingImportException`.
    AccountHasOngoingImportException,
    /// `AccountNotFoundException`.
    AccountNotFoundException,
    /// `AccountNotRegisteredException`.
    AccountNotRegisteredException,
    /// `AccountRegisteredException`.
    AccountRegisteredException,
    /// `CannotDelegateManagementAccountException`.
    CannotDelegateManagementAccountException,
    /// `ChannelARNInvalidException`.
    ChannelARNInvalidException,
    /// `ChannelAlreadyExistsException`.
    ChannelAlreadyExistsException,
    /// `ChannelExistsForEDSException`.
    ChannelExistsForEDSException,
    /// `ChannelMaxLimitExceededException`.
    ChannelMaxLimitExceededException,
    /// `ChannelNotFoundException`.
    ChannelNotFoundException,
    /// `CloudTrailARNInvalidException`.
    CloudTrailARNInvalidException,
    /// `CloudTrailAccessNotEnabledException`.
    CloudTrailAccessNotEnabledException,
    /// `CloudTrailInvalidClientTokenIdException`.
    CloudTrailInvalidClientTokenIdException,
    /// `CloudWatchLogsDeliveryUnavailableException`.
    CloudWatchLogsDeliveryUnavailableException,
    /// `ConcurrentModificationException`.
    ConcurrentModificationException,
    /// `ConflictException`.
    ConflictException,
    /// `DelegatedAdminAccountLimitExceededException`.
    DelegatedAdminAccountLimitExceededException,
    /// `EventDataStoreARNInvalidException`.
    EventDataStoreARNInvalidException,
    /// `EventDataStoreAlreadyExistsException`.
    EventDataStoreAlreadyExistsException,
    /// `EventDataStoreFederationEnabledException`.
    EventDataStoreFederationEnabledException,
    /// `EventDataStoreHasOngoingImportException`.
    EventDataStoreHasOngoingImportException,
    /// `EventDataStoreMaxLimitExceededException`.
    EventDataStoreMaxLimitExceededException,
    /// `EventDataStoreNotFoundException`.
    EventDataStoreNotFoundException,
    /// `EventDataStoreTerminationProtectedException`.
    EventDataStoreTerminationProtectedException,
    /// `GenerateResponseException`.
    GenerateResponseException,
    /// `ImportNotFoundException`.
    ImportNotFoundException,
    /// `InactiveEventDataStoreException`.
    InactiveEventDataStoreException,
    /// `InactiveQueryException`.
    InactiveQueryException,
    /// `InsightNotEnabledException`.
    InsightNotEnabledException,
    /// `InsufficientDependencyServiceAccessPermissionException`.
    InsufficientDependencyServiceAccessPermissionException,
    /// `InsufficientEncryptionPolicyException`.
    InsufficientEncryptionPolicyException,
    /// `InsufficientIAMAccessPermissionException`.
    InsufficientIAMAccessPermissionException,
    /// `InsufficientS3BucketPolicyException`.
    InsufficientS3BucketPolicyException,
    /// `InsufficientSnsTopicPolicyException`.
    InsufficientSnsTopicPolicyException,
    /// `InvalidCloudWatchLogsLogGroupArnException`.
    InvalidCloudWatchLogsLogGroupArnException,
    /// `InvalidCloudWatchLogsRoleArnException`.
    InvalidCloudWatchLogsRoleArnException,
    /// `InvalidDateRangeException`.
    InvalidDateRangeException,
    /// `InvalidEventCategoryException`.
    InvalidEventCategoryException,
    /// `InvalidEventDataStoreCategoryException`.
    InvalidEventDataStoreCategoryException,
    /// `InvalidEventDataStoreStatusException`.
    InvalidEventDataStoreStatusException,
    /// `InvalidEventSelectorsException`.
    InvalidEventSelectorsException,
    /// `InvalidHomeRegionException`.
    InvalidHomeRegionException,
    /// `InvalidImportSourceException`.
    InvalidImportSourceException,
    /// `InvalidInsightSelectorsException`.
    InvalidInsightSelectorsException,
    /// `InvalidKmsKeyIdException`.
    InvalidKmsKeyIdException,
    /// `InvalidLookupAttributesException`.
    InvalidLookupAttributesException,
    /// `InvalidMaxResultsException`.
    InvalidMaxResultsException,
    /// `InvalidNextTokenException`.
    InvalidNextTokenException,
    /// `InvalidParameterCombinationException`.
    InvalidParameterCombinationException,
    /// `InvalidParameterException`.
    InvalidParameterException,
    /// `InvalidQueryStatementException`.
    InvalidQueryStatementException,
    /// `InvalidQueryStatusException`.
    InvalidQueryStatusException,
    /// `InvalidS3BucketNameException`.
    InvalidS3BucketNameException,
    /// `InvalidS3PrefixException`.
    InvalidS3PrefixException,
    /// `InvalidSnsTopicNameException`.
    InvalidSnsTopicNameException,
    /// `InvalidSourceException`.
    InvalidSourceException,
    /// `InvalidTagParameterException`.
    InvalidTagParameterException,
    /// `InvalidTimeRangeException`.
    InvalidTimeRangeException,
    /// `InvalidTokenException`.
    InvalidTokenException,
    /// `InvalidTrailNameException`.
    InvalidTrailNameException,
    /// `KmsException`.
    KmsException,
    /// `KmsKeyDisabledException`.
    KmsKeyDisabledException,
    /// `KmsKeyNotFoundException`.
    KmsKeyNotFoundException,
    /// `MaxConcurrentQueriesException`.
    MaxConcurrentQueriesException,
    /// `MaximumNumberOfTrailsExceededException`.
    MaximumNumberOfTrailsExceededException,
    /// `NoManagementAccountSLRExistsException`.
    NoManagementAccountSLRExistsException,
    /// `NotOrganizationManagementAccountException`.
    NotOrganizationManagementAccountException,
    /// `NotOrganizationMasterAccountException`.
    NotOrganizationMasterAccountException,
    /// `OperationNotPermittedException`.
    OperationNotPermittedException,
    /// `OrganizationNotInAllFeaturesModeException`.
    OrganizationNotInAllFeaturesModeException,
    /// `OrganizationsNotInUseException`.
    OrganizationsNotInUseException,
    /// `QueryIdNotFoundException`.
    QueryIdNotFoundException,
    /// `ResourceARNNotValidException`.
    ResourceARNNotValidException,
    /// `ResourceNotFoundException`.
    ResourceNotFoundException,
    /// `ResourcePolicyNotFoundException`.
    ResourcePolicyNotFoundException,
    /// `ResourcePolicyNotValidException`.
    ResourcePolicyNotValidException,
    /// `ResourceTypeNotSupportedException`.
    ResourceTypeNotSupportedException,
    /// `S3BucketDoesNotExistException`.
    S3BucketDoesNotExistException,
    /// `ServiceQuotaExceededException`.
    ServiceQuotaExceededException,
    /// `TagsLimitExceededException`.
    TagsLimitExceededException,
    /// `ThrottlingException`.
    ThrottlingException,
    /// `TrailAlreadyExistsException`.
    TrailAlreadyExistsException,
    /// `TrailNotFoundException`.
    TrailNotFoundException,
    /// `TrailNotProvidedException`.
    TrailNotProvidedException,
    /// `UnsupportedOperationException`.
    UnsupportedOperationException,
}

impl Error {
    /// The code the wire carries.
    pub const fn code(self) -> &'static str {
        match self {
            Self::AccessDeniedException => "AccessDeniedException",
            Self::AccountHasOngoingImportException => "AccountHasOngoingImportException",
            Self::AccountNotFoundException => "AccountNotFoundException",
            Self::AccountNotRegisteredException => "AccountNotRegisteredException",
            Self::AccountRegisteredException => "AccountRegisteredException",
            Self::CannotDelegateManagementAccountException => "CannotDelegateManagementAccountException",
            Self::ChannelARNInvalidException => "ChannelARNInvalidException",
            Self::ChannelAlreadyExistsException => "ChannelAlreadyExistsException",
            Self::ChannelExistsForEDSException => "ChannelExistsForEDSException",
            Self::ChannelMaxLimitExceededException => "ChannelMaxLimitExceededException",
            Self::ChannelNotFoundException => "ChannelNotFoundException",
            Self::CloudTrailARNInvalidException => "CloudTrailARNInvalidException",
            Self::CloudTrailAccessNotEnabledException => "CloudTrailAccessNotEnabledException",
            Self::CloudTrailInvalidClientTokenIdException => "CloudTrailInvalidClientTokenIdException",
            Self::CloudWatchLogsDeliveryUnavailableException => "CloudWatchLogsDeliveryUnavailableException",
            Self::ConcurrentModificationException => "ConcurrentModificationException",
            Self::ConflictException => "ConflictException",
            Self::DelegatedAdminAccountLimitExceededException => "DelegatedAdminAccountLimitExceededException",
            Self::EventDataStoreARNInvalidException => "EventDataStoreARNInvalidException",
            Self::EventDataStoreAlreadyExistsException => "EventDataStoreAlreadyExistsException",
            Self::EventDataStoreFederationEnabledException => "EventDataStoreFederationEnabledException",
            Self::EventDataStoreHasOngoingImportException => "EventDataStoreHasOngoingImportException",
            Self::EventDataStoreMaxLimitExceededException => "EventDataStoreMaxLimitExceededException",
            Self::EventDataStoreNotFoundException => "EventDataStoreNotFoundException",
            Self::EventDataStoreTerminationProtectedException => "EventDataStoreTerminationProtectedException",
            Self::GenerateResponseException => "GenerateResponseException",
            Self::ImportNotFoundException => "ImportNotFoundException",
            Self::InactiveEventDataStoreException => "InactiveEventDataStoreException",
            Self::InactiveQueryException => "InactiveQueryException",
            Self::InsightNotEnabledException => "InsightNotEnabledException",
            Self::InsufficientDependencyServiceAccessPermissionException => "InsufficientDependencyServiceAccessPermissionException",
            Self::InsufficientEncryptionPolicyException => "InsufficientEncryptionPolicyException",
            Self::InsufficientIAMAccessPermissionException => "InsufficientIAMAccessPermissionException",
            Self::InsufficientS3BucketPolicyException => "InsufficientS3BucketPolicyException",
            Self::InsufficientSnsTopicPolicyException => "InsufficientSnsTopicPolicyException",
            Self::InvalidCloudWatchLogsLogGroupArnException => "InvalidCloudWatchLogsLogGroupArnException",
            Self::InvalidCloudWatchLogsRoleArnException => "InvalidCloudWatchLogsRoleArnException",
            Self::InvalidDateRangeException => "InvalidDateRangeException",
            Self::InvalidEventCategoryException => "InvalidEventCategoryException",
            Self::InvalidEventDataStoreCategoryException => "InvalidEventDataStoreCategoryException",
            Self::InvalidEventDataStoreStatusException => "InvalidEventDataStoreStatusException",
            Self::InvalidEventSelectorsException => "InvalidEventSelectorsException",
            Self::InvalidHomeRegionException => "InvalidHomeRegionException",
            Self::InvalidImportSourceException => "InvalidImportSourceException",
            Self::InvalidInsightSelectorsException => "InvalidInsightSelectorsException",
            Self::InvalidKmsKeyIdException => "InvalidKmsKeyIdException",
            Self::InvalidLookupAttributesException => "InvalidLookupAttributesException",
            Self::InvalidMaxResultsException => "InvalidMaxResultsException",
            Self::InvalidNextTokenException => "InvalidNextTokenException",
            Self::InvalidParameterCombinationException => "InvalidParameterCombinationException",
            Self::InvalidParameterException => "InvalidParameterException",
            Self::InvalidQueryStatementException => "InvalidQueryStatementException",
            Self::InvalidQueryStatusException => "InvalidQueryStatusException",
            Self::InvalidS3BucketNameException => "InvalidS3BucketNameException",
            Self::InvalidS3PrefixException => "InvalidS3PrefixException",
            Self::InvalidSnsTopicNameException => "InvalidSnsTopicNameException",
            Self::InvalidSourceException => "InvalidSourceException",
            Self::InvalidTagParameterException => "InvalidTagParameterException",
            Self::InvalidTimeRangeException => "InvalidTimeRangeException",
            Self::InvalidTokenException => "InvalidTokenException",
            Self::InvalidTrailNameException => "InvalidTrailNameException",
            Self::KmsException => "KmsException",
            Self::KmsKeyDisabledException => "KmsKeyDisabledException",
            Self::KmsKeyNotFoundException => "KmsKeyNotFoundException",
            Self::MaxConcurrentQueriesException => "MaxConcurrentQueriesException",
            Self::MaximumNumberOfTrailsExceededException => "MaximumNumberOfTrailsExceededException",
            Self::NoManagementAccountSLRExistsException => "NoManagementAccountSLRExistsException",
            Self::NotOrganizationManagementAccountException => "NotOrganizationManagementAccountException",
            Self::NotOrganizationMasterAccountException => "NotOrganizationMasterAccountException",
            Self::OperationNotPermittedException => "OperationNotPermittedException",
            Self::OrganizationNotInAllFeaturesModeException => "OrganizationNotInAllFeaturesModeException",
            Self::OrganizationsNotInUseException => "OrganizationsNotInUseException",
            Self::QueryIdNotFoundException => "QueryIdNotFoundException",
            Self::ResourceARNNotValidException => "ResourceARNNotValidException",
            Self::ResourceNotFoundException => "ResourceNotFoundException",
            Self::ResourcePolicyNotFoundException => "ResourcePolicyNotFoundException",
            Self::ResourcePolicyNotValidException => "ResourcePolicyNotValidException",
            Self::ResourceTypeNotSupportedException => "ResourceTypeNotSupportedException",
            Self::S3BucketDoesNotExistException => "S3BucketDoesNotExistException",
            Self::ServiceQuotaExceededException => "ServiceQuotaExceededException",
            Self::TagsLimitExceededException => "TagsLimitExceededException",
            Self::ThrottlingException => "ThrottlingException",
            Self::TrailAlreadyExistsException => "TrailAlreadyExistsException",
            Self::TrailNotFoundException => "TrailNotFoundException",
            Self::TrailNotProvidedException => "TrailNotProvidedException",
            Self::UnsupportedOperationException => "UnsupportedOperationException",
        }
    }

    /// The HTTP status.
    pub const fn status(self) -> u16 {
        match self {
            Self::AccessDeniedException => 400,
            Self::AccountHasOngoingImportException => 400,
            Self::AccountNotFoundException => 400,
            Self::AccountNotRegisteredException => 400,
            Self::AccountRegisteredException => 400,
            Self::CannotDelegateManagementAccountException => 400,
            Self::ChannelARNInvalidException => 400,
            Self::ChannelAlreadyExistsException => 400,
            Self::ChannelExistsForEDSException => 400,
            Self::ChannelMaxLimitExceededException => 400,
            Self::ChannelNotFoundException => 400,
            Self::CloudTrailARNInvalidException => 400,
            Self::CloudTrailAccessNotEnabledException => 400,
            Self::CloudTrailInvalidClientTokenIdException => 400,
            Self::CloudWatchLogsDeliveryUnavailableException => 400,
            Self::ConcurrentModificationException => 400,
            Self::ConflictException => 400,
            Self::DelegatedAdminAccountLimitExceededException => 400,
            Self::EventDataStoreARNInvalidException => 400,
            Self::EventDataStoreAlreadyExistsException => 400,
            Self::EventDataStoreFederationEnabledException => 400,
            Self::EventDataStoreHasOngoingImportException => 400,
            Self::EventDataStoreMaxLimitExceededException => 400,
            Self::EventDataStoreNotFoundException => 400,
            Self::EventDataStoreTerminationProtectedException => 400,
            Self::GenerateResponseException => 400,
            Self::ImportNotFoundException => 400,
            Self::InactiveEventDataStoreException => 400,
            Self::InactiveQueryException => 400,
            Self::InsightNotEnabledException => 400,
            Self::InsufficientDependencyServiceAccessPermissionException => 400,
            Self::InsufficientEncryptionPolicyException => 400,
            Self::InsufficientIAMAccessPermissionException => 400,
            Self::InsufficientS3BucketPolicyException => 400,
            Self::InsufficientSnsTopicPolicyException => 400,
            Self::InvalidCloudWatchLogsLogGroupArnException => 400,
            Self::InvalidCloudWatchLogsRoleArnException => 400,
            Self::InvalidDateRangeException => 400,
            Self::InvalidEventCategoryException => 400,
            Self::InvalidEventDataStoreCategoryException => 400,
            Self::InvalidEventDataStoreStatusException => 400,
            Self::InvalidEventSelectorsException => 400,
            Self::InvalidHomeRegionException => 400,
            Self::InvalidImportSourceException => 400,
            Self::InvalidInsightSelectorsException => 400,
            Self::InvalidKmsKeyIdException => 400,
            Self::InvalidLookupAttributesException => 400,
            Self::InvalidMaxResultsException => 400,
            Self::InvalidNextTokenException => 400,
            Self::InvalidParameterCombinationException => 400,
            Self::InvalidParameterException => 400,
            Self::InvalidQueryStatementException => 400,
            Self::InvalidQueryStatusException => 400,
            Self::InvalidS3BucketNameException => 400,
            Self::InvalidS3PrefixException => 400,
            Self::InvalidSnsTopicNameException => 400,
            Self::InvalidSourceException => 400,
            Self::InvalidTagParameterException => 400,
            Self::InvalidTimeRangeException => 400,
            Self::InvalidTokenException => 400,
            Self::InvalidTrailNameException => 400,
            Self::KmsException => 400,
            Self::KmsKeyDisabledException => 400,
            Self::KmsKeyNotFoundException => 400,
            Self::MaxConcurrentQueriesException => 400,
            Self::MaximumNumberOfTrailsExceededException => 400,
            Self::NoManagementAccountSLRExistsException => 400,
            Self::NotOrganizationManagementAccountException => 400,
            Self::NotOrganizationMasterAccountException => 400,
            Self::OperationNotPermittedException => 400,
            Self::OrganizationNotInAllFeaturesModeException => 400,
            Self::OrganizationsNotInUseException => 400,
            Self::QueryIdNotFoundException => 400,
            Self::ResourceARNNotValidException => 400,
            Self::ResourceNotFoundException => 400,
            Self::ResourcePolicyNotFoundException => 400,
            Self::ResourcePolicyNotValidException => 400,
            Self::ResourceTypeNotSupportedException => 400,
            Self::S3BucketDoesNotExistException => 400,
            Self::ServiceQuotaExceededException => 400,
            Self::TagsLimitExceededException => 400,
            Self::ThrottlingException => 400,
            Self::TrailAlreadyExistsException => 400,
            Self::TrailNotFoundException => 400,
            Self::TrailNotProvidedException => 400,
            Self::UnsupportedOperationException => 400,
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
        + crate::Handler<ops::LookupEvents, C>
{
    Some(match operation {
        "LookupEvents" => crate::run::<ops::LookupEvents, S, C>(service, caller, input, authorize),
        _ => return None,
    })
}
