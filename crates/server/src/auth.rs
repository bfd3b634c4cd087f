//! Authentication: from a signed request to a principal, with each protocol's error codes.

use std::sync::Arc;

use neargate_common::{AwsError, Principal};
use neargate_iam::KeyRejection;
use neargate_sigv4::{Auth, PayloadRule, RequestView, SigError};
use neargate_wire::Protocol;

use crate::app::App;
use crate::authorize::Caller;

/// Why authentication failed, before it is put in a protocol's words.
#[derive(Debug)]
enum Failure {
    Sig(SigError),
    UnknownKey,
    ExpiredToken,
}

const INVALID_TOKEN: &str = "The security token included in the request is invalid.";
const EXPIRED_TOKEN: &str = "The security token included in the request is expired";
const MISMATCH: &str = "The request signature we calculated does not match the signature you \
provided. Check your AWS Secret Access Key and signing method. Consult the service documentation \
for details.";

/// A failed authentication: the error to send and, if the access key was known, its principal
/// (so the attempt lands in that account's trail).
#[derive(Debug)]
pub(crate) struct Rejected {
    pub(crate) error: AwsError,
    pub(crate) principal: Option<Arc<Principal>>,
}

/// Authenticates `req`, whose signature `parsed` was read from it.
pub(crate) fn authenticate(
    app: &App,
    req: &RequestView<'_>,
    parsed: Result<&Auth, &SigError>,
    protocol: Protocol,
) -> Result<Caller, Rejected> {
    let reject = |failure, principal: Option<Arc<Principal>>| Rejected {
        error: to_error(&failure, protocol),
        principal,
    };
    let auth = parsed.map_err(|e| reject(Failure::Sig(e.clone()), None))?;
    let resolved = app.iam.resolve(&auth.access_key_id).map_err(|e| {
        tracing::error!(error = %e, "store failure resolving an access key");
        Rejected {
            error: AwsError::internal("InternalFailure"),
            principal: None,
        }
    })?;
    let Some(key) = resolved else {
        return match &app.dev_account {
            Some(account) => dev_principal(app, account, &auth.access_key_id, protocol),
            None => Err(reject(Failure::UnknownKey, None)),
        };
    };
    let principal = key.identity.principal.clone();
    let now = app.clock.now();
    match key.usable(auth.security_token.as_deref(), now) {
        Ok(()) => {}
        Err(KeyRejection::Invalid) => return Err(reject(Failure::UnknownKey, Some(principal))),
        Err(KeyRejection::Expired) => return Err(reject(Failure::ExpiredToken, Some(principal))),
    }
    let signing_key = app
        .keys
        .get(&auth.access_key_id, key.secret.expose(), &auth.scope);
    let rule = PayloadRule::of_service(&auth.scope.service);
    match neargate_sigv4::verify(req, auth, &signing_key, now, rule) {
        Ok(()) => Ok(key.identity.clone()),
        Err(e) => Err(reject(Failure::Sig(e), Some(principal))),
    }
}

/// In development mode, an unknown key acts as the development account's administrator.
fn dev_principal(
    app: &App,
    account: &str,
    access_key_id: &str,
    protocol: Protocol,
) -> Result<Caller, Rejected> {
    let admin = app.iam.user_as_identity(account, "admin", access_key_id);
    match admin {
        Ok(Some(caller)) => Ok(caller),
        Ok(None) => Err(Rejected {
            error: to_error(&Failure::UnknownKey, protocol),
            principal: None,
        }),
        Err(e) => {
            tracing::error!(error = %e, "store failure in development authentication");
            Err(Rejected {
                error: AwsError::internal("InternalFailure"),
                principal: None,
            })
        }
    }
}

/// The error AWS sends for `failure` in `protocol`: JSON services answer 400 with
/// `…Exception` codes, query services 403 (400 for malformed signatures) with short codes.
fn to_error(failure: &Failure, protocol: Protocol) -> AwsError {
    let (json_code, query_code, query_status, message): (&'static str, &'static str, u16, String) =
        match failure {
            Failure::Sig(SigError::Missing) => (
                "MissingAuthenticationTokenException",
                "MissingAuthenticationToken",
                403,
                "Missing Authentication Token".to_owned(),
            ),
            Failure::Sig(SigError::Incomplete(m)) => (
                "IncompleteSignatureException",
                "IncompleteSignature",
                400,
                m.clone(),
            ),
            Failure::Sig(SigError::Mismatch) => (
                "InvalidSignatureException",
                "SignatureDoesNotMatch",
                403,
                MISMATCH.to_owned(),
            ),
            Failure::Sig(
                SigError::InvalidScope(m) | SigError::Expired(m) | SigError::NotYetCurrent(m),
            ) => (
                "InvalidSignatureException",
                "SignatureDoesNotMatch",
                403,
                m.clone(),
            ),
            Failure::Sig(SigError::PresignExpired) => (
                "InvalidSignatureException",
                "RequestExpired",
                400,
                "Request has expired.".to_owned(),
            ),
            Failure::UnknownKey => (
                "UnrecognizedClientException",
                "InvalidClientTokenId",
                403,
                INVALID_TOKEN.to_owned(),
            ),
            Failure::ExpiredToken => (
                "ExpiredTokenException",
                "ExpiredToken",
                403,
                EXPIRED_TOKEN.to_owned(),
            ),
        };
    match protocol {
        Protocol::Json => AwsError::client(json_code, message),
        Protocol::Query => AwsError::with_status(query_status, query_code, message),
    }
}
