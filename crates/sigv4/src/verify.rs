//! Checking a parsed signature against the request and the caller's signing key.

use std::borrow::Cow;
use std::time::Duration;

use neargate_common::Timestamp;
use subtle::ConstantTimeEq;

use crate::canonical::{canonical_request, sha256_hex, string_to_sign};
use crate::parse::{Auth, AuthKind};
use crate::{RequestView, SigError, SigningKey};

/// How far the signing time may lie from the server's clock.
pub const MAX_SKEW: Duration = Duration::from_secs(15 * 60);

/// The payload hash S3 accepts in place of the body's hash.
const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// Whether a service lets the signer leave the body out of the signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayloadRule {
    /// The signature covers the body's SHA-256, whatever carries the signature: every JSON and
    /// query service.
    Signed,
    /// `UNSIGNED-PAYLOAD` may stand for the body's hash, in a header or a presigned URL: S3.
    MayBeUnsigned,
}

impl PayloadRule {
    /// The rule of the service whose signing name is `service`, as AWS applies it.
    pub fn of_service(service: &str) -> Self {
        if service == "s3" {
            Self::MayBeUnsigned
        } else {
            Self::Signed
        }
    }
}

/// Verifies that `auth` is a valid signature of `req` by `key`, at time `now`, under the
/// service's payload rule. Every `x-amz-*` header sent must be signed.
pub fn verify(
    req: &RequestView<'_>,
    auth: &Auth,
    key: &SigningKey,
    now: Timestamp,
    rule: PayloadRule,
) -> Result<(), SigError> {
    check_scope(auth)?;
    check_time(auth, now)?;
    check_amz_headers_signed(req, auth)?;
    let body_hash = sha256_hex(req.body);
    let declared = declared_payload_hash(req);
    let presigned = matches!(auth.kind, AuthKind::Presigned { .. });
    for payload_hash in payload_hashes(declared.as_deref(), body_hash.as_str(), presigned, rule)?
        .into_iter()
        .flatten()
    {
        let canonical = canonical_request(req, auth, payload_hash);
        let expected = key.sign(&string_to_sign(auth, &canonical));
        if bool::from(
            expected
                .as_str()
                .as_bytes()
                .ct_eq(auth.signature.as_bytes()),
        ) {
            return Ok(());
        }
    }
    Err(SigError::Mismatch)
}

fn check_scope(auth: &Auth) -> Result<(), SigError> {
    let date = &auth.amz_date[..8];
    if auth.scope.date != date {
        return Err(SigError::InvalidScope(format!(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from \
             HTTP: '{}' != '{date}', from 'x-amz-date'.",
            auth.scope.date
        )));
    }
    if !auth.signed_headers.iter().any(|h| h == "host") {
        return Err(SigError::Incomplete(
            "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.".into(),
        ));
    }
    Ok(())
}

/// Every `x-amz-*` header the request carries must be among the signed headers: otherwise
/// whoever holds a signature could add `X-Amz-Target` (choosing the operation) or any other
/// header the service acts on.
fn check_amz_headers_signed(req: &RequestView<'_>, auth: &Auth) -> Result<(), SigError> {
    // Signed header names are lowercase; names are lowered only for the error.
    let mut unsigned: Vec<String> = req
        .headers
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| {
            name.get(..6)
                .is_some_and(|p| p.eq_ignore_ascii_case("x-amz-"))
        })
        .filter(|name| {
            !auth
                .signed_headers
                .iter()
                .any(|s| s.eq_ignore_ascii_case(name))
        })
        .map(str::to_ascii_lowercase)
        .collect();
    if unsigned.is_empty() {
        return Ok(());
    }
    unsigned.sort();
    unsigned.dedup();
    Err(SigError::InvalidScope(format!(
        "There were headers present in the request which were not signed: {}",
        unsigned.join(", ")
    )))
}

fn check_time(auth: &Auth, now: Timestamp) -> Result<(), SigError> {
    let earliest = now - MAX_SKEW;
    let latest = now + MAX_SKEW;
    if auth.date > latest {
        return Err(SigError::NotYetCurrent(format!(
            "Signature not yet current: {} is still later than {} ({} + 15 min.)",
            auth.amz_date,
            latest.to_amz_date(),
            now.to_amz_date()
        )));
    }
    match auth.kind {
        AuthKind::Header if auth.date < earliest => Err(SigError::Expired(format!(
            "Signature expired: {} is now earlier than {} ({} - 15 min.)",
            auth.amz_date,
            earliest.to_amz_date(),
            now.to_amz_date()
        ))),
        AuthKind::Presigned { expires_secs }
            if now > auth.date + Duration::from_secs(expires_secs) =>
        {
            Err(SigError::PresignExpired)
        }
        _ => Ok(()),
    }
}

/// The payload hash the request declares, in a header or (presigned) in the query.
fn declared_payload_hash<'a>(req: &RequestView<'a>) -> Option<Cow<'a, str>> {
    req.header("x-amz-content-sha256")
        .map(Cow::Borrowed)
        .or_else(|| {
            req.query_pairs()
                .into_iter()
                .find(|(k, _)| k == "X-Amz-Content-Sha256")
                .map(|(_, v)| v)
        })
}

/// The payload hashes the signer may have used. A declared hash must match the body, and
/// only a service whose rule allows it takes `UNSIGNED-PAYLOAD`; there, a presigned URL
/// without a declared hash may have signed `UNSIGNED-PAYLOAD` or the body's hash. Everywhere
/// else the body's own hash is the only one: the signature binds the body.
fn payload_hashes<'a>(
    declared: Option<&'a str>,
    body_hash: &'a str,
    presigned: bool,
    rule: PayloadRule,
) -> Result<[Option<&'a str>; 2], SigError> {
    let unsigned_allowed = rule == PayloadRule::MayBeUnsigned;
    match declared {
        Some(d) if d == UNSIGNED_PAYLOAD && unsigned_allowed => Ok([Some(d), None]),
        Some(d) if d == UNSIGNED_PAYLOAD => Err(SigError::InvalidScope(
            "UNSIGNED-PAYLOAD is not accepted by this service: sign the payload's SHA-256.".into(),
        )),
        Some(d) if d.eq_ignore_ascii_case(body_hash) => Ok([Some(d), None]),
        Some(_) => Err(SigError::InvalidScope(
            "The provided 'x-amz-content-sha256' header does not match what was computed.".into(),
        )),
        None if presigned && unsigned_allowed => Ok([Some(UNSIGNED_PAYLOAD), Some(body_hash)]),
        None => Ok([Some(body_hash), None]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    #[test]
    fn only_s3_takes_an_unsigned_payload() {
        use PayloadRule::{MayBeUnsigned, Signed};
        for presigned in [false, true] {
            assert!(payload_hashes(Some(UNSIGNED_PAYLOAD), BODY, presigned, Signed).is_err());
            assert_eq!(
                payload_hashes(Some(UNSIGNED_PAYLOAD), BODY, presigned, MayBeUnsigned).unwrap(),
                [Some(UNSIGNED_PAYLOAD), None]
            );
            assert!(payload_hashes(Some("00"), BODY, presigned, MayBeUnsigned).is_err());
        }
        assert_eq!(
            payload_hashes(None, BODY, true, Signed).unwrap(),
            [Some(BODY), None]
        );
        assert_eq!(
            payload_hashes(None, BODY, true, MayBeUnsigned).unwrap(),
            [Some(UNSIGNED_PAYLOAD), Some(BODY)]
        );
        assert_eq!(PayloadRule::of_service("s3"), MayBeUnsigned);
        assert_eq!(PayloadRule::of_service("kms"), Signed);
    }
}
