//! The AWS services Neargate answers, and how each is addressed on the wire.

/// A wire protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// AWS JSON 1.1: `POST /`, `X-Amz-Target: Prefix.Operation`, JSON bodies.
    Json,
    /// AWS query: form-encoded `Action=...&Version=...`, XML responses.
    Query,
}

/// How one service is reached and named.
#[derive(Debug, PartialEq, Eq)]
pub struct ServiceSpec {
    /// The SigV4 signing name, e.g. `kms`.
    pub signing_name: &'static str,
    /// The wire protocol.
    pub protocol: Protocol,
    /// The `X-Amz-Target` prefix (JSON services).
    pub target_prefix: &'static str,
    /// The XML namespace of responses (query services).
    pub xml_namespace: &'static str,
    /// The CloudTrail `eventSource`, e.g. `kms.amazonaws.com`.
    pub event_source: &'static str,
}

/// Every service Neargate routes.
pub static SERVICES: &[ServiceSpec] = &[
    ServiceSpec {
        signing_name: "sts",
        protocol: Protocol::Query,
        target_prefix: "",
        xml_namespace: "https://sts.amazonaws.com/doc/2011-06-15/",
        event_source: "sts.amazonaws.com",
    },
    ServiceSpec {
        signing_name: "iam",
        protocol: Protocol::Query,
        target_prefix: "",
        xml_namespace: "https://iam.amazonaws.com/doc/2010-05-08/",
        event_source: "iam.amazonaws.com",
    },
    ServiceSpec {
        signing_name: "cloudtrail",
        protocol: Protocol::Json,
        target_prefix: "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101",
        xml_namespace: "",
        event_source: "cloudtrail.amazonaws.com",
    },
    ServiceSpec {
        signing_name: "kms",
        protocol: Protocol::Json,
        target_prefix: "TrentService",
        xml_namespace: "",
        event_source: "kms.amazonaws.com",
    },
    ServiceSpec {
        signing_name: "ecs",
        protocol: Protocol::Json,
        target_prefix: "AmazonEC2ContainerServiceV20141113",
        xml_namespace: "",
        event_source: "ecs.amazonaws.com",
    },
];

/// The service whose SigV4 signing name is `name`.
pub fn service_by_signing_name(name: &str) -> Option<&'static ServiceSpec> {
    SERVICES.iter().find(|s| s.signing_name == name)
}

/// The JSON service whose target prefix is `prefix`, given in full or, as some SDKs send it,
/// without its namespace (`CloudTrail_20131101` for `com.amazonaws.cloudtrail.v20131101.…`).
pub(crate) fn service_by_target_prefix(prefix: &str) -> Option<&'static ServiceSpec> {
    SERVICES.iter().find(|s| {
        s.protocol == Protocol::Json
            && (s.target_prefix == prefix
                || s.target_prefix
                    .strip_suffix(prefix)
                    .is_some_and(|ns| ns.ends_with('.')))
    })
}
