//! Reading the signature's parts from the `Authorization` header or the presigned query.

use neargate_common::Timestamp;

use crate::{RequestView, SigError};

/// The algorithm name, the only one accepted.
const ALGORITHM: &str = "AWS4-HMAC-SHA256";
/// The longest lifetime of a presigned URL: seven days.
const MAX_PRESIGN_SECS: u64 = 604_800;

/// The credential scope: `date/region/service/aws4_request`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Scope {
    /// `YYYYMMDD`.
    pub date: String,
    /// The region, e.g. `us-east-1`.
    pub region: String,
    /// The signing name of the service, e.g. `kms`.
    pub service: String,
}

impl std::fmt::Display for Scope {
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

/// A parsed signature, not yet verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Auth {
    /// The access key id from the credential.
    pub access_key_id: String,
    /// The credential scope.
    pub scope: Scope,
    /// Lowercase names of the signed headers, as listed.
    pub signed_headers: Vec<String>,
    /// The claimed signature, lowercase hex.
    pub signature: String,
    /// The signing time.
    pub date: Timestamp,
    /// The signing time as sent (`YYYYMMDDTHHMMSSZ`).
    pub amz_date: String,
    /// `X-Amz-Security-Token`, for temporary credentials.
    pub security_token: Option<String>,
    /// Header or presigned.
    pub kind: AuthKind,
}

/// Reads the signature from `req`.
pub fn parse(req: &RequestView<'_>) -> Result<Auth, SigError> {
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

fn parse_header(req: &RequestView<'_>, header: &str) -> Result<Auth, SigError> {
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
    let amz_date = req
        .header("x-amz-date")
        .ok_or_else(|| {
            SigError::Incomplete(
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
                    .into(),
            )
        })?
        .to_owned();
    let (access_key_id, scope) = parse_credential(credential)?;
    Ok(Auth {
        access_key_id,
        scope,
        signed_headers: parse_signed_headers(signed_headers)?,
        signature: parse_signature(signature)?,
        date: parse_date(&amz_date)?,
        amz_date,
        security_token: req.header("x-amz-security-token").map(str::to_owned),
        kind: AuthKind::Header,
    })
}

fn parse_presigned(pairs: &[(String, String)]) -> Result<Auth, SigError> {
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
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
    let amz_date = require("X-Amz-Date")?.to_owned();
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
        signature: parse_signature(require("X-Amz-Signature")?)?,
        date: parse_date(&amz_date)?,
        amz_date,
        security_token: get("X-Amz-Security-Token").map(str::to_owned),
        kind: AuthKind::Presigned { expires_secs },
    })
}

fn parse_credential(credential: &str) -> Result<(String, Scope), SigError> {
    let parts: Vec<&str> = credential.split('/').collect();
    match parts.as_slice() {
        [key, date, region, service, "aws4_request"]
            if !key.is_empty() && date.len() == 8 && !region.is_empty() && !service.is_empty() =>
        {
            Ok((
                (*key).to_owned(),
                Scope {
                    date: (*date).to_owned(),
                    region: (*region).to_owned(),
                    service: (*service).to_owned(),
                },
            ))
        }
        _ => Err(SigError::Incomplete(format!(
            "Credential should be scoped to a valid region, service and date, and end with \
             'aws4_request'. Got '{credential}'."
        ))),
    }
}

fn parse_signed_headers(list: &str) -> Result<Vec<String>, SigError> {
    let names: Vec<String> = list.split(';').map(str::to_owned).collect();
    if names
        .iter()
        .any(|n| n.is_empty() || n.bytes().any(|b| b.is_ascii_uppercase()))
    {
        return Err(SigError::Incomplete(format!(
            "SignedHeaders must be lowercase header names separated by ';'. Got '{list}'."
        )));
    }
    Ok(names)
}

fn parse_signature(signature: &str) -> Result<String, SigError> {
    if signature.len() == 64 && signature.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(signature.to_ascii_lowercase())
    } else {
        Err(SigError::Incomplete(
            "Signature must be 64 hexadecimal characters.".into(),
        ))
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
