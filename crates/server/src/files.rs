//! The data directory: where it is, and the credentials and endpoint files in it.

use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use anyhow::Context;
use neargate_iam::Bootstrap;

use crate::cli::EnvArgs;

/// The credentials file: AWS shared-credentials format, mode 0600.
const CREDENTIALS: &str = "credentials";
/// The endpoint file: the URL the running server listens on.
const ENDPOINT: &str = "endpoint";

/// The data directory: as given, else `$XDG_DATA_HOME/neargate`, else `~/.local/share/neargate`.
pub(crate) fn data_dir(given: Option<&Path>) -> PathBuf {
    if let Some(dir) = given {
        return dir.to_owned();
    }
    if let Some(xdg) = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        return PathBuf::from(xdg).join("neargate");
    }
    match std::env::var_os("HOME") {
        Some(home) => PathBuf::from(home).join(".local/share/neargate"),
        None => PathBuf::from(".neargate"),
    }
}

/// Creates the data directory (mode 0700) if missing.
pub(crate) fn ensure_dir(dir: &Path) -> anyhow::Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .with_context(|| format!("creating data directory {}", dir.display()))
}

/// Writes the administrator's credentials, readable by the owner only.
pub(crate) fn write_credentials(dir: &Path, boot: &Bootstrap, region: &str) -> anyhow::Result<()> {
    let path = dir.join(CREDENTIALS);
    let text = format!(
        "# Neargate administrator '{}' of account {}\n[default]\naws_access_key_id = {}\naws_secret_access_key = {}\nregion = {region}\n",
        boot.user_name,
        boot.account,
        boot.access_key_id,
        boot.secret_access_key.expose()
    );
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&path)
        .with_context(|| format!("writing {}", path.display()))?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    Ok(())
}

/// Records the URL the server listens on, for `neargate env`.
pub(crate) fn write_endpoint(dir: &Path, url: &str) -> anyhow::Result<()> {
    std::fs::write(dir.join(ENDPOINT), format!("{url}\n")).context("writing the endpoint file")
}

/// `neargate env`: prints `export` lines for the aws CLI and SDKs, and the data directory for
/// the other `neargate` commands.
pub(crate) fn print_env(args: &EnvArgs) -> anyhow::Result<()> {
    let dir = data_dir(args.data_dir.as_deref());
    let path = dir.join(CREDENTIALS);
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "reading {} (has `neargate serve` run with this data directory?)",
            path.display()
        )
    })?;
    let field = |name: &str| {
        text.lines()
            .filter_map(|l| l.split_once('='))
            .find(|(k, _)| k.trim() == name)
            .map(|(_, v)| v.trim().to_owned())
            .with_context(|| format!("{} has no {name}", path.display()))
    };
    let endpoint = std::fs::read_to_string(dir.join(ENDPOINT))
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|_| "http://127.0.0.1:4566".to_owned());
    let region = field("region")?;
    let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
    println!("export AWS_ENDPOINT_URL={endpoint}");
    println!("export AWS_ACCESS_KEY_ID={}", field("aws_access_key_id")?);
    println!(
        "export AWS_SECRET_ACCESS_KEY={}",
        field("aws_secret_access_key")?
    );
    println!("export AWS_REGION={region}");
    println!("export AWS_DEFAULT_REGION={region}");
    // `neargate image …` and `neargate logs` then use the same data directory as the server.
    println!(
        "export NEARGATE_DATA_DIR={}",
        shell_quoted(&dir.to_string_lossy())
    );
    Ok(())
}

/// `text` quoted for a POSIX shell.
fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}
