//! Reading the signature's parts from the `Authorization` header or the presigned query.

use std::borrow::Cow;

use neargate_common::Timestamp;

use crate::{RequestView, SigError};

/// The algorithm name, the only one accepted.
const ALGORITHM: &str = "AWS4-HMAC-SHA256";
/// The longest lifetime of a presigned URL: seven days.
const MAX_PRESIGN_SECS: u64 = 604_800;

/// The credential scope: `date/region/service/aws4_request`, borrowed from the request where
/// it can be.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Scope<'a> {
    /// `YYYYMMDD`.
    pub date: Cow<'a, str>,
    /// The region, e.g. `us-east-1`.
    pub region: Cow<'a, str>,
    /// The signing name of the service, e.g. `kms`.
    pub service: Cow<'a, str>,
}

impl Scope<'_> {
    /// The same scope, owning its text.
    pub fn into_owned(self) -> Scope<'static> {
        Scope {
            date: Cow::Owned(self.date.into_owned()),
            region: Cow::Owned(self.region.into_owned()),
            service: Cow::Owned(self.service.into_owned()),
        }
    }
}

impl std::fmt::Display for Scope<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}/{}/{}/aws4_request",
            self.date, self.region, self.service
        )
    }
}

/// How the signature was carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthKind {
    /// In the `Authorization` header.
    Header,
    /// In the query string, valid for `expires_secs` after the signing date.
    Presigned {
        /// `X-Amz-Expires`.
        expires_secs: u64,
    },
}

/// A parsed signature, not yet verified, borrowing from the request where it can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Auth<'a> {
    /// The access key id from the credential.
    pub access_key_id: Cow<'a, str>,
    /// The credential scope.
    pub scope: Scope<'a>,
    /// Lowercase names of the signed headers, as listed.
    pub signed_headers: Vec<Cow<'a, str>>,
    /// The claimed signature, lowercase hex.
    pub signature: Cow<'a, str>,
    /// The signing time.
    pub date: Timestamp,
    /// The signing time as sent (`YYYYMMDDTHHMMSSZ`).
    pub amz_date: Cow<'a, str>,
    /// `X-Amz-Security-Token`, for temporary credentials.
    pub security_token: Option<Cow<'a, str>>,
    /// Header or presigned.
    pub kind: AuthKind,
}

/// Reads the signature from `req`.
pub fn parse<'a>(req: &RequestView<'a>) -> Result<Auth<'a>, SigError> {
    if let Some(header) = req.header_values("authorization").next() {
        let header = std::str::from_utf8(header)
            .map_err(|_| SigError::Incomplete("Authorization header is not valid UTF-8".into()))?;
        return parse_header(req, header);
    }
    let pairs = req.query_pairs();
    if pairs.iter().any(|(k, _)| k == "X-Amz-Algorithm") {
        return parse_presigned(&pairs);
    }
    Err(SigError::Missing)
}

fn parse_header<'a>(req: &RequestView<'a>, header: &'a str) -> Result<Auth<'a>, SigError> {
    let Some(rest) = header.strip_prefix(ALGORITHM) else {
        let scheme = header.split_whitespace().next().unwrap_or_default();
        return Err(SigError::Incomplete(format!(
            "Unsupported authorization type: {scheme}; only {ALGORITHM} is accepted."
        )));
    };
    let mut credential = None;
    let mut signed_headers = None;
    let mut signature = None;
    for part in rest.split(',') {
        let part = part.trim();
        if let Some((k, v)) = part.split_once('=') {
            match k {
                "Credential" => credential = Some(v),
                "SignedHeaders" => signed_headers = Some(v),
                "Signature" => signature = Some(v),
                _ => {}
            }
        }
    }
    let missing: Vec<String> = [
        ("Credential", credential),
        ("Signature", signature),
        ("SignedHeaders", signed_headers),
    ]
    .iter()
    .filter(|(_, v)| v.is_none())
    .map(|(n, _)| format!("Authorization header requires '{n}' parameter."))
    .collect();
    let (Some(credential), Some(signed_headers), Some(signature)) =
        (credential, signed_headers, signature)
    else {
        return Err(SigError::Incomplete(format!(
            "{} Authorization={header}",
            missing.join(" ")
        )));
    };
    let amz_date = req.header("x-amz-date").ok_or_else(|| {
        SigError::Incomplete(
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
                .into(),
        )
    })?;
    let (access_key_id, scope) = parse_credential(&Cow::Borrowed(credential))?;
    Ok(Auth {
        access_key_id,
        scope,
        signed_headers: parse_signed_headers(&Cow::Borrowed(signed_headers))?,
        signature: parse_signature(Cow::Borrowed(signature))?,
        date: parse_date(amz_date)?,
        amz_date: Cow::Borrowed(amz_date),
        security_token: req.header("x-amz-security-token").map(Cow::Borrowed),
        kind: AuthKind::Header,
    })
}

fn parse_presigned<'a>(pairs: &[(Cow<'a, str>, Cow<'a, str>)]) -> Result<Auth<'a>, SigError> {
    let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    let require = |name: &str| {
        get(name).ok_or_else(|| {
            SigError::Incomplete(format!(
                "AWS query-string parameters must include '{name}'."
            ))
        })
    };
    let algorithm = require("X-Amz-Algorithm")?;
    if algorithm != ALGORITHM {
        return Err(SigError::Incomplete(format!(
            "Unsupported algorithm {algorithm}; only {ALGORITHM} is accepted."
        )));
    }
    let (access_key_id, scope) = parse_credential(require("X-Amz-Credential")?)?;
    let amz_date = require("X-Amz-Date")?.clone();
    let expires_secs = require("X-Amz-Expires")?
        .parse::<u64>()
        .ok()
        .filter(|s| (1..=MAX_PRESIGN_SECS).contains(s))
        .ok_or_else(|| {
            SigError::Incomplete(format!(
                "X-Amz-Expires must be a whole number of seconds from 1 to {MAX_PRESIGN_SECS}."
            ))
        })?;
    Ok(Auth {
        access_key_id,
        scope,
        signed_headers: parse_signed_headers(require("X-Amz-SignedHeaders")?)?,
        signature: parse_signature(require("X-Amz-Signature")?.clone())?,
        date: parse_date(&amz_date)?,
        amz_date,
        security_token: get("X-Amz-Security-Token").cloned(),
        kind: AuthKind::Presigned { expires_secs },
    })
}

/// The part `part` of `whole` (a subslice of it), borrowed for as long as `whole` borrows.
fn sub<'a>(whole: &Cow<'a, str>, part: &str) -> Cow<'a, str> {
    match whole {
        Cow::Borrowed(text) => {
            let start = part.as_ptr() as usize - text.as_ptr() as usize;
            Cow::Borrowed(&text[start..start + part.len()])
        }
        Cow::Owned(_) => Cow::Owned(part.to_owned()),
    }
}

fn parse_credential<'a>(credential: &Cow<'a, str>) -> Result<(Cow<'a, str>, Scope<'a>), SigError> {
    let mut parts = credential.split('/');
    let mut next = || parts.next().unwrap_or_default();
    let (key, date, region, service, terminator) = (next(), next(), next(), next(), next());
    if key.is_empty()
        || date.len() != 8
        || region.is_empty()
        || service.is_empty()
        || terminator != "aws4_request"
        || credential.matches('/').count() != 4
    {
        return Err(SigError::Incomplete(format!(
            "Credential should be scoped to a valid region, service and date, and end with \
             'aws4_request'. Got '{credential}'."
        )));
    }
    Ok((
        sub(credential, key),
        Scope {
            date: sub(credential, date),
            region: sub(credential, region),
            service: sub(credential, service),
        },
    ))
}

fn parse_signed_headers<'a>(list: &Cow<'a, str>) -> Result<Vec<Cow<'a, str>>, SigError> {
    if list
        .split(';')
        .any(|n| n.is_empty() || n.bytes().any(|b| b.is_ascii_uppercase()))
    {
        return Err(SigError::Incomplete(format!(
            "SignedHeaders must be lowercase header names separated by ';'. Got '{list}'."
        )));
    }
    Ok(list.split(';').map(|name| sub(list, name)).collect())
}

fn parse_signature(signature: Cow<'_, str>) -> Result<Cow<'_, str>, SigError> {
    if signature.len() != 64 || !signature.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(SigError::Incomplete(
            "Signature must be 64 hexadecimal characters.".into(),
        ));
    }
    if signature.bytes().any(|b| b.is_ascii_uppercase()) {
        Ok(Cow::Owned(signature.to_ascii_lowercase()))
    } else {
        Ok(signature)
    }
}

fn parse_date(text: &str) -> Result<Timestamp, SigError> {
    Timestamp::parse_amz_date(text).ok_or_else(|| {
        SigError::Incomplete(format!(
            "Date must be in ISO-8601 'basic format'. Got '{text}'. See \
             http://en.wikipedia.org/wiki/ISO_8601"
        ))
    })
}
