//! A secret string: zeroized on drop, compared in constant time, never printed.

use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// Secret text such as a secret access key or a session token.
#[derive(Clone)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    /// Wraps `value`; the original allocation moves in and is wiped on drop.
    pub fn new(value: String) -> Self {
        Self(Zeroizing::new(value))
    }

    /// The secret text, for the few places that must use it (signing keys, the credentials file).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Constant-time comparison with `other`.
    pub fn ct_eq(&self, other: &str) -> bool {
        self.0.as_bytes().ct_eq(other.as_bytes()).into()
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other.expose())
    }
}

impl Eq for Secret {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_its_value() {
        let s = Secret::new("wJalrXUtnFEMI".to_owned());
        assert_eq!(format!("{s} {s:?}"), "<redacted> <redacted>");
        assert!(s.ct_eq("wJalrXUtnFEMI"));
        assert!(!s.ct_eq("wJalrXUtnFEMJ"));
        assert!(!s.ct_eq("wJalr"));
    }
}
