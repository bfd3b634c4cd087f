//! Amazon Resource Names.

use std::fmt;

/// A parsed ARN: `arn:partition:service:region:account:resource`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Arn {
    /// Partition, normally `aws`.
    pub partition: String,
    /// Service namespace, such as `iam` or `kms`.
    pub service: String,
    /// Region, empty for global services.
    pub region: String,
    /// Account id, empty for some resources.
    pub account: String,
    /// Everything after the fifth colon.
    pub resource: String,
}

impl Arn {
    /// An ARN in the `aws` partition.
    pub fn new(service: &str, region: &str, account: &str, resource: &str) -> Self {
        Self {
            partition: "aws".to_owned(),
            service: service.to_owned(),
            region: region.to_owned(),
            account: account.to_owned(),
            resource: resource.to_owned(),
        }
    }

    /// Parses `text`, or `None` if it is not an ARN.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.splitn(6, ':');
        if parts.next()? != "arn" {
            return None;
        }
        let partition = parts.next()?;
        let service = parts.next()?;
        let region = parts.next()?;
        let account = parts.next()?;
        let resource = parts.next()?;
        if partition.is_empty() || service.is_empty() || resource.is_empty() {
            return None;
        }
        Some(Self {
            partition: partition.to_owned(),
            service: service.to_owned(),
            region: region.to_owned(),
            account: account.to_owned(),
            resource: resource.to_owned(),
        })
    }
}

impl fmt::Display for Arn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self {
            partition,
            service,
            region,
            account,
            resource,
        } = self;
        write!(f, "arn:{partition}:{service}:{region}:{account}:{resource}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let text = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab";
        let arn = Arn::parse(text).unwrap();
        assert_eq!(arn.service, "kms");
        assert_eq!(arn.resource, "key/1234abcd-12ab");
        assert_eq!(arn.to_string(), text);
        assert_eq!(
            Arn::parse("arn:aws:iam::123456789012:role/a:b")
                .unwrap()
                .resource,
            "role/a:b"
        );
        assert!(Arn::parse("alias/foo").is_none());
        assert!(Arn::parse("arn:aws:kms").is_none());
    }
}
