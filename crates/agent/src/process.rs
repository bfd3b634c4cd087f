//! What a container runs, worked out as Docker does for ECS: the image's `Entrypoint`, `Cmd`,
//! `Env`, `WorkingDir` and `User`, overridden by the container definition.

use std::path::Path;

use serde_json::Value;

/// The parts of an image's configuration a container's process starts from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImageDefaults {
    /// `Entrypoint`.
    pub entry_point: Vec<String>,
    /// `Cmd`.
    pub command: Vec<String>,
    /// `Env`, `NAME=value`.
    pub environment: Vec<String>,
    /// `WorkingDir`.
    pub working_directory: String,
    /// `User`.
    pub user: String,
}

impl ImageDefaults {
    /// Reads them from an image configuration blob (absent fields stay empty).
    pub fn from_config(config: &Value) -> Self {
        let section = &config["config"];
        let strings = |v: &Value| -> Vec<String> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
        Self {
            entry_point: strings(&section["Entrypoint"]),
            command: strings(&section["Cmd"]),
            environment: strings(&section["Env"]),
            working_directory: text(&section["WorkingDir"]),
            user: text(&section["User"]),
        }
    }
}

/// The argument list: a definition's `entryPoint` replaces the image's and drops its `Cmd`
/// (as Docker does when the entry point is overridden); `command` replaces `Cmd`.
pub fn arguments(
    image: &ImageDefaults,
    entry_point: Option<&[String]>,
    command: Option<&[String]>,
) -> Vec<String> {
    let entry = entry_point.unwrap_or(&image.entry_point);
    let command = match (command, entry_point) {
        (Some(command), _) => command,
        (None, Some(_)) => &[],
        (None, None) => image.command.as_slice(),
    };
    entry.iter().chain(command).cloned().collect()
}

/// The environment: the image's, with the definition's variables replacing those of the same
/// name, and a default `PATH` when neither sets one.
pub fn environment(image: &ImageDefaults, definition: &[(String, String)]) -> Vec<String> {
    let mut env: Vec<String> = image
        .environment
        .iter()
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or_default();
            !definition.iter().any(|(n, _)| n == name)
        })
        .cloned()
        .collect();
    env.extend(definition.iter().map(|(n, v)| format!("{n}={v}")));
    if !env.iter().any(|pair| pair.starts_with("PATH=")) {
        env.push("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_owned());
    }
    env
}

/// The uid and gid of `user` (`uid`, `uid:gid`, `name` or `name:group`), names looked up in the
/// container's own `/etc/passwd` and `/etc/group`; an empty `user` is root.
pub fn resolve_user(rootfs: &Path, user: &str) -> Result<(u32, u32), String> {
    if user.is_empty() {
        return Ok((0, 0));
    }
    let (user_part, group_part) = match user.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (user, None),
    };
    let read = |file: &str| std::fs::read_to_string(rootfs.join(file)).unwrap_or_default();
    let (uid, primary_gid) = match user_part.parse::<u32>() {
        Ok(uid) => {
            let gid = lookup(&read("etc/passwd"), 2, &uid.to_string())
                .and_then(|f| f.get(3).and_then(|g| g.parse().ok()));
            (uid, gid.unwrap_or(uid))
        }
        Err(_) => {
            let fields = lookup(&read("etc/passwd"), 0, user_part).ok_or_else(|| {
                format!("unable to find user {user_part}: no matching entries in passwd file")
            })?;
            let number = |i: usize| fields.get(i).and_then(|n| n.parse::<u32>().ok());
            (number(2).unwrap_or(0), number(3).unwrap_or(0))
        }
    };
    let gid = match group_part {
        None => primary_gid,
        Some(group) => match group.parse::<u32>() {
            Ok(gid) => gid,
            Err(_) => lookup(&read("etc/group"), 0, group)
                .and_then(|f| f.get(2).and_then(|g| g.parse().ok()))
                .ok_or_else(|| {
                    format!("unable to find group {group}: no matching entries in group file")
                })?,
        },
    };
    Ok((uid, gid))
}

/// The fields of the first line of a colon-separated database whose field `index` is `value`.
fn lookup(database: &str, index: usize, value: &str) -> Option<Vec<String>> {
    database
        .lines()
        .map(|line| line.split(':').map(str::to_owned).collect::<Vec<_>>())
        .find(|fields| fields.get(index).is_some_and(|f| f == value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn definitions_override_the_image_as_docker_does() {
        let image = ImageDefaults {
            entry_point: strings(&["/entry"]),
            command: strings(&["serve"]),
            environment: strings(&["PATH=/bin", "MODE=image"]),
            ..ImageDefaults::default()
        };
        assert_eq!(arguments(&image, None, None), ["/entry", "serve"]);
        let command = strings(&["check"]);
        assert_eq!(arguments(&image, None, Some(&command)), ["/entry", "check"]);
        let entry = strings(&["/bin/sh", "-c"]);
        assert_eq!(arguments(&image, Some(&entry), None), ["/bin/sh", "-c"]);
        let env = environment(&image, &[("MODE".into(), "task".into())]);
        assert_eq!(env, ["PATH=/bin", "MODE=task"]);
        assert!(environment(&ImageDefaults::default(), &[])[0].starts_with("PATH="));
    }

    #[test]
    fn users_resolve_by_number_or_by_name_in_the_containers_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("etc")).unwrap();
        std::fs::write(
            dir.path().join("etc/passwd"),
            "root:x:0:0::/root:/bin/sh\nnobody:x:65534:65533::/:/bin/false\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("etc/group"), "root:x:0:\nstaff:x:50:\n").unwrap();
        assert_eq!(resolve_user(dir.path(), ""), Ok((0, 0)));
        assert_eq!(resolve_user(dir.path(), "1000"), Ok((1000, 1000)));
        assert_eq!(resolve_user(dir.path(), "65534"), Ok((65534, 65533)));
        assert_eq!(resolve_user(dir.path(), "nobody"), Ok((65534, 65533)));
        assert_eq!(resolve_user(dir.path(), "nobody:staff"), Ok((65534, 50)));
        assert_eq!(resolve_user(dir.path(), "1000:7"), Ok((1000, 7)));
        assert!(
            resolve_user(dir.path(), "ghost")
                .unwrap_err()
                .contains("ghost")
        );
        assert!(resolve_user(dir.path(), "root:ghosts").is_err());
    }
}
