//! Development mode: any well-formed credentials act in the configured account; reset wipes.

use aws_sdk_sts::config::Credentials;
use neargate_testkit::raw_request;

use crate::common::{admin, cloudtrail, start, start_with, sts};

/// Neargate's own reset path, and moto's.
const RESETS: [&str; 2] = ["/_neargate/reset", "/moto-api/reset"];

fn reset_at(addr: &str, path: &str) -> neargate_testkit::RawResponse {
    let request = format!(
        "POST {path} HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
    );
    raw_request(addr, request.as_bytes()).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn any_credentials_act_in_the_dev_account() {
    let server = start_with(&["--dev", "--account-id", "123456789012"]);
    let anyone = Credentials::new("test", "test", None, None, "t");
    let me = sts(&server, anyone.clone())
        .get_caller_identity()
        .send()
        .await
        .unwrap();
    assert_eq!(me.account(), Some("123456789012"));
    assert_eq!(me.arn(), Some("arn:aws:iam::123456789012:user/admin"));

    for path in RESETS {
        let before = cloudtrail(&server, anyone.clone())
            .lookup_events()
            .send()
            .await
            .unwrap();
        assert!(!before.events().is_empty());
        let r = reset_at(server.direct_addr(), path);
        assert_eq!(r.status, 200, "{path}: {}", r.text());
        let after = cloudtrail(&server, anyone.clone())
            .lookup_events()
            .send()
            .await
            .unwrap();
        assert_eq!(after.events().len(), 0, "{path} wiped the trail");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn production_mode_refuses_strangers_and_reset() {
    let server = start();
    let stranger = Credentials::new("test", "test", None, None, "t");
    assert!(
        sts(&server, stranger)
            .get_caller_identity()
            .send()
            .await
            .is_err()
    );
    for path in RESETS {
        assert_eq!(reset_at(server.direct_addr(), path).status, 404, "{path}");
    }
    assert!(
        sts(&server, admin(&server))
            .get_caller_identity()
            .send()
            .await
            .is_ok(),
        "state kept"
    );
}

#[test]
fn env_points_the_other_commands_at_the_servers_data_directory() {
    let server = start();
    let binary = env!("CARGO_BIN_EXE_neargate");
    let script = format!(
        "eval \"$('{binary}' env --data-dir '{}')\" && printf %s \"$NEARGATE_DATA_DIR\"",
        server.data_dir().display()
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &script])
        .env_remove("NEARGATE_DATA_DIR")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let exported = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        std::path::Path::new(&exported),
        std::fs::canonicalize(server.data_dir()).unwrap()
    );
}
