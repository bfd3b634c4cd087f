//! `neargate image import|ls|rm`: the local image store, from the command line.

use neargate_agent::images::{Image, ImageStore};

use crate::cli::{ImageCommand, ImageStoreArgs};
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
