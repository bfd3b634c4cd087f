//! Image references as Docker and ECS read them: `busybox`, `busybox:1.35`,
//! `123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1`, `app@sha256:…`.

/// A normalized reference: registry and repository, with a tag or a digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// `docker.io/library/busybox`, `123456789012.dkr.ecr.us-east-1.amazonaws.com/app`, …
    pub name: String,
    /// The tag (`latest` when neither a tag nor a digest is given).
    pub tag: Option<String>,
    /// `sha256:<hex>`, when pinned.
    pub digest: Option<String>,
}

impl Reference {
    /// Reads a reference; `None` if it is not one.
    pub fn parse(text: &str) -> Option<Self> {
        let (rest, digest) = match text.split_once('@') {
            Some((rest, digest)) => (rest, Some(digest)),
            None => (text, None),
        };
        if let Some(d) = digest {
            let hex = d.strip_prefix("sha256:")?;
            if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
        }
        // A tag follows the last ':' that comes after the last '/'.
        let slash = rest.rfind('/').map_or(0, |i| i + 1);
        let (repository, tag) = match rest[slash..].rfind(':') {
            Some(i) => (&rest[..slash + i], Some(&rest[slash + i + 1..])),
            None => (rest, None),
        };
        if repository.is_empty()
            || tag.is_some_and(|t| {
                t.is_empty()
                    || t.len() > 128
                    || !t
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b))
            })
            || !repository
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-/:".contains(&b))
        {
            return None;
        }
        let first = repository.split('/').next().unwrap_or_default();
        let has_domain = repository.contains('/')
            && (first.contains('.') || first.contains(':') || first == "localhost");
        let name = match (has_domain, repository.contains('/')) {
            (true, _) => repository.to_owned(),
            (false, true) => format!("docker.io/{repository}"),
            (false, false) => format!("docker.io/library/{repository}"),
        };
        let tag = match (tag, digest) {
            (Some(t), _) => Some(t.to_owned()),
            (None, None) => Some("latest".to_owned()),
            (None, Some(_)) => None,
        };
        Some(Self {
            name,
            tag,
            digest: digest.map(str::to_owned),
        })
    }
}

impl std::fmt::Display for Reference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)?;
        if let Some(tag) = &self.tag {
            write!(f, ":{tag}")?;
        }
        if let Some(digest) = &self.digest {
            write!(f, "@{digest}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalized(text: &str) -> String {
        Reference::parse(text).unwrap().to_string()
    }

    #[test]
    fn references_normalize_as_docker_does() {
        assert_eq!(normalized("busybox"), "docker.io/library/busybox:latest");
        assert_eq!(normalized("busybox:1.35"), "docker.io/library/busybox:1.35");
        assert_eq!(normalized("team/app:v2"), "docker.io/team/app:v2");
        assert_eq!(
            normalized("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1"),
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1"
        );
        assert_eq!(
            normalized("localhost:5000/app"),
            "localhost:5000/app:latest"
        );
        let pinned = format!("app@sha256:{}", "a".repeat(64));
        assert_eq!(
            normalized(&pinned),
            format!("docker.io/library/app@sha256:{}", "a".repeat(64))
        );
        assert!(Reference::parse("UPPER:case").is_none());
        assert!(Reference::parse("app@sha256:short").is_none());
        assert!(Reference::parse("app:").is_none());
        assert!(Reference::parse("").is_none());
    }
}
