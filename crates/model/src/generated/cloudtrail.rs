//! The served part of botocore 1.43.11's `cloudtrail/2013-11-01` model. Written by `neargate-codegen`; do not edit.

use serde::{Deserialize, Serialize};

use crate::shape::{Bound, Kind, Member, Model, Operation, Patterns, Rules, Shape, Text};
use crate::types::{Time};

static PATTERNS: Patterns = Patterns::new();

/// The model: 1 served operations, 22 shapes.
pub static MODEL: Model = Model {
    service: "cloudtrail",
    api_version: "2013-11-01",
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
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
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
    }

}

/// Runs `operation` on `service`, which handles every served operation; `None` for an
/// operation the model does not serve.
pub fn dispatch<S, C: ?Sized>(
    service: &S,
    caller: &C,
    operation: &str,
    input: serde_json::Map<String, serde_json::Value>,
    authorize: &mut crate::Authorize<'_>,
) -> Option<Result<crate::Answer, crate::Failure>>
where
    S: ?Sized
        + crate::Handler<ops::LookupEvents, C>
{
    Some(match operation {
        "LookupEvents" => crate::run::<ops::LookupEvents, S, C>(service, caller, input, authorize, &MODEL, &MODEL.operations[0]),
        _ => return None,
    })
}
