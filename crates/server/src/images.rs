//! `neargate image import|pull|ls|rm` and `neargate logs`: the agent's image store and task
//! logs, from the command line.

use neargate_agent::images::{Image, ImageStore};

use crate::cli::{ImageCommand, ImageStoreArgs, LogsArgs};
use crate::files;

fn open(args: &ImageStoreArgs) -> anyhow::Result<ImageStore> {
    Ok(ImageStore::open(&files::data_dir(
        args.data_dir.as_deref(),
    ))?)
}

/// `name:tag` (or the name alone) as `image ls` shows it.
fn shown(image: &Image) -> String {
    match &image.tag {
        Some(tag) => format!("{}:{tag}", image.name),
        None => image.name.clone(),
    }
}

/// Runs an image command, printing its result.
pub(crate) fn run(command: ImageCommand) -> anyhow::Result<()> {
    match command {
        ImageCommand::Import { file, store } => {
            for image in open(&store)?.import(&file)? {
                println!("imported {} ({})", shown(&image), image.manifest);
            }
        }
        ImageCommand::Pull { reference, store } => {
            let image = open(&store)?.pull(&reference)?;
            println!("pulled {} ({})", shown(&image), image.manifest);
        }
        ImageCommand::Ls { store } => {
            println!("{:<60} {:<19} {:>12}", "IMAGE", "ID", "SIZE");
            for image in open(&store)?.list()? {
                let id = image.config.trim_start_matches("sha256:");
                println!(
                    "{:<60} {:<19} {:>12}",
                    shown(&image),
                    &id[..id.len().min(12)],
                    image.size
                );
            }
        }
        ImageCommand::Rm { reference, store } => {
            let image = open(&store)?.remove(&reference)?;
            println!("removed {}", shown(&image));
        }
    }
    Ok(())
}

/// Prints the logs of a task's containers (or of one), each under its name.
pub(crate) fn logs(args: &LogsArgs) -> anyhow::Result<()> {
    let dir =
        neargate_agent::logs::task_logs(&files::data_dir(args.data_dir.as_deref()), &args.task);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| anyhow::anyhow!("no logs for task {}: {e}", args.task))?
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".log"))
                .map(str::to_owned)
        })
        .filter(|n| args.container.as_ref().is_none_or(|c| c == n))
        .collect();
    anyhow::ensure!(
        !names.is_empty(),
        "task {} has no container named {}",
        args.task,
        args.container.as_deref().unwrap_or("?")
    );
    names.sort();
    for name in names {
        let text = neargate_agent::logs::read(&dir.join(format!("{name}.log")))?;
        for line in text.lines() {
            println!("{name} {line}");
        }
    }
    Ok(())
}
