//! Checking a parsed signature against the request and the caller's signing key.

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
    for payload_hash in payload_hashes(req, auth)? {
        let canonical = canonical_request(req, auth, &payload_hash);
        let expected = key.sign(&string_to_sign(auth, &canonical));
        if bool::from(expected.as_bytes().ct_eq(auth.signature.as_bytes())) {
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

/// The payload hashes the signer may have used. A declared hash must match the body; a
/// presigned URL without one may have signed `UNSIGNED-PAYLOAD` or the body's hash.
fn payload_hashes(req: &RequestView<'_>, auth: &Auth) -> Result<Vec<String>, SigError> {
    let body_hash = sha256_hex(req.body);
    let declared = req
        .header("x-amz-content-sha256")
        .map(str::to_owned)
        .or_else(|| {
            req.query_pairs()
                .into_iter()
                .find(|(k, _)| k == "X-Amz-Content-Sha256")
                .map(|(_, v)| v)
        });
    let presigned = matches!(auth.kind, AuthKind::Presigned { .. });
    match declared {
        Some(d) if d == UNSIGNED_PAYLOAD && presigned => Ok(vec![d]),
        Some(d) if d == UNSIGNED_PAYLOAD => Err(SigError::InvalidScope(
            "UNSIGNED-PAYLOAD is accepted only in presigned URLs for this service.".into(),
        )),
        Some(d) if d.eq_ignore_ascii_case(&body_hash) => Ok(vec![d]),
        Some(_) => Err(SigError::InvalidScope(
            "The provided 'x-amz-content-sha256' header does not match what was computed.".into(),
        )),
        None if presigned => Ok(vec![UNSIGNED_PAYLOAD.to_owned(), body_hash]),
        None => Ok(vec![body_hash]),
    }
}
