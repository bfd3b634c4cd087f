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

/// The payload hash presigned URLs may use in place of the body's hash.
const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// Verifies that `auth` is a valid signature of `req` by `key`, at time `now`.
pub fn verify(
    req: &RequestView<'_>,
    auth: &Auth,
    key: &SigningKey,
    now: Timestamp,
) -> Result<(), SigError> {
    check_scope(auth)?;
    check_time(auth, now)?;
    let body_hash = sha256_hex(req.body);
    let declared = declared_payload_hash(req);
    let presigned = matches!(auth.kind, AuthKind::Presigned { .. });
    for payload_hash in payload_hashes(declared.as_deref(), body_hash.as_str(), presigned)?
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

/// The payload hashes the signer may have used. A declared hash must match the body; a
/// presigned URL without one may have signed `UNSIGNED-PAYLOAD` or the body's hash.
fn payload_hashes<'a>(
    declared: Option<&'a str>,
    body_hash: &'a str,
    presigned: bool,
) -> Result<[Option<&'a str>; 2], SigError> {
    match declared {
        Some(d) if d == UNSIGNED_PAYLOAD && presigned => Ok([Some(d), None]),
        Some(d) if d == UNSIGNED_PAYLOAD => Err(SigError::InvalidScope(
            "UNSIGNED-PAYLOAD is accepted only in presigned URLs for this service.".into(),
        )),
        Some(d) if d.eq_ignore_ascii_case(body_hash) => Ok([Some(d), None]),
        Some(_) => Err(SigError::InvalidScope(
            "The provided 'x-amz-content-sha256' header does not match what was computed.".into(),
        )),
        None if presigned => Ok([Some(UNSIGNED_PAYLOAD), Some(body_hash)]),
        None => Ok([Some(body_hash), None]),
    }
}
