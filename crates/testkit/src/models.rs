//! Hands recorded exchanges to `tests/model_check.py`, which validates each response against
//! the botocore model of its operation.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use crate::proxy::Exchange;

/// Which service a JSON target prefix belongs to.
const TARGETS: &[(&str, &str)] = &[
    ("TrentService", "kms"),
    ("AmazonEC2ContainerServiceV20141113", "ecs"),
    (
        "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101",
        "cloudtrail",
    ),
];

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/model_check.py")
}

fn describe(e: &Exchange) -> Option<serde_json::Value> {
    let (service, operation) = match &e.target {
        Some(target) => {
            let (prefix, op) = target.rsplit_once('.')?;
            let service = TARGETS.iter().find(|(p, _)| p.ends_with(prefix))?.1;
            (service.to_owned(), op.to_owned())
        }
        None => {
            let scope = e.authorization.as_deref()?.split("Credential=").nth(1)?;
            let service = scope.split('/').nth(3)?.to_owned();
            let params = format!(
                "{}&{}",
                e.request_query,
                String::from_utf8_lossy(&e.request_body)
            );
            let action = params
                .split('&')
                .find_map(|p| p.strip_prefix("Action="))?
                .to_owned();
            (service, action)
        }
    };
    Some(serde_json::json!({
        "service": service,
        "operation": operation,
        "status": e.status,
        "body": String::from_utf8_lossy(&e.response_body),
    }))
}

/// Checks every exchange that names a modelled operation; `Err` carries the checker's report.
pub(crate) fn check(exchanges: &[Exchange]) -> Result<(), String> {
    let lines: Vec<serde_json::Value> = exchanges.iter().filter_map(describe).collect();
    if lines.is_empty() {
        return Ok(());
    }
    let mut file = tempfile::NamedTempFile::new().map_err(|e| e.to_string())?;
    for line in &lines {
        writeln!(file, "{line}").map_err(|e| e.to_string())?;
    }
    let output = Command::new("python3")
        .arg(script())
        .arg(file.path())
        .output()
        .map_err(|e| format!("running python3: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}
