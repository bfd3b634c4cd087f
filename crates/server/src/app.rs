//! The running application's shared state, built once at start.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, Weak};

use anyhow::Context;
use neargate_agent::launch::Agent;
use neargate_cloudtrail::Recorder;
use neargate_common::{SharedClock, ShiftedClock, SystemClock, ids};
use neargate_ecs::Ecs;
use neargate_iam::Iam;
use neargate_kms::{Kms, RootKey};
use neargate_sigv4::KeyCache;
use neargate_store::Db;

use crate::cli::ServeArgs;
use crate::files;
use crate::guardrails::Guardrails;
use crate::root_key::{next_path, root_key_path};
use crate::running::Running;

/// How long stopping the tasks running here (at a clean shutdown or a reset) may take.
pub(crate) const TASK_STOP_PATIENCE: std::time::Duration = std::time::Duration::from_secs(40);

/// The development account used when none is given.
const DEV_ACCOUNT: &str = "000000000000";

/// Everything a request needs.
#[derive(Debug)]
pub(crate) struct App {
    pub(crate) db: Db,
    pub(crate) clock: SharedClock,
    /// Whether the clock runs ahead of the system clock (`--clock-offset`).
    pub(crate) clock_shifted: bool,
    pub(crate) iam: Iam,
    pub(crate) recorder: Recorder,
    pub(crate) kms: Kms,
    pub(crate) ecs: Arc<Ecs>,
    /// The agent that runs tasks on this host; `None` if it could not start.
    pub(crate) agent: Option<Arc<Agent>>,
    /// Whether tasks run here: what the host offers them, or why they cannot run.
    pub(crate) tasks: Result<String, String>,
    /// The tasks running now.
    pub(crate) running: Running,
    /// Set while the tasks running here are being stopped (at a clean shutdown, for good; during
    /// a development reset, until it is done): the service scheduler starts no tasks meanwhile.
    pub(crate) paused: std::sync::atomic::AtomicBool,
    pub(crate) keys: KeyCache,
    pub(crate) region: String,
    pub(crate) max_body: usize,
    /// The memory all request bodies being read may hold at once.
    pub(crate) body_budget: crate::limits::BodyBudget,
    /// How many client connections are served at once; more wait to be accepted.
    pub(crate) max_connections: usize,
    /// How long a connection may go without starting a request.
    pub(crate) idle_timeout: std::time::Duration,
    /// In development mode, the account unknown keys act in.
    pub(crate) dev_account: Option<String>,
    pub(crate) data_dir: PathBuf,
    /// Account guardrails.
    pub(crate) guardrails: Guardrails,
    /// The cluster this host's agent registers with as a container instance.
    pub(crate) instance_cluster: String,
    /// The container instance this run registered.
    pub(crate) registration: Registration,
    /// How long a managed instance lives before it is drained and replaced.
    pub(crate) managed_instance_lifetime: std::time::Duration,
    account_id: Option<String>,
    /// The shared handle to this app, for work that outlives a request (task launches).
    this: OnceLock<Weak<App>>,
}

impl App {
    /// Opens the store in the data directory and bootstraps the first account if needed.
    pub(crate) fn open(args: &ServeArgs) -> anyhow::Result<Arc<Self>> {
        if let Some(id) = &args.account_id {
            anyhow::ensure!(
                ids::is_account_id(id),
                "--account-id must be 12 digits, got {id:?}"
            );
        }
        let data_dir = files::data_dir(args.data_dir.as_deref());
        files::ensure_dir(&data_dir)?;
        let db = Db::open(&data_dir.join("store.redb"))
            .with_context(|| format!("opening the store in {}", data_dir.display()))?;
        let clock: SharedClock = if args.clock_offset == 0 {
            Arc::new(SystemClock)
        } else {
            tracing::warn!(
                seconds = args.clock_offset,
                "the clock runs ahead of the system clock (--clock-offset)"
            );
            Arc::new(ShiftedClock::new(std::time::Duration::from_secs(
                args.clock_offset,
            )))
        };
        let dev_account = args.dev.then(|| {
            args.account_id
                .clone()
                .unwrap_or_else(|| DEV_ACCOUNT.to_owned())
        });
        let (agent, tasks) = task_runtime(args, &data_dir);
        let root = Arc::new(root_key(args, &data_dir)?);
        let app = Self {
            iam: Iam::new(db.clone(), clock.clone(), root.clone()),
            recorder: Recorder::start(db.clone(), clock.clone(), &data_dir.join("trail"))?,
            kms: Kms::new(db.clone(), clock.clone(), root)?,
            ecs: Ecs::new(db.clone(), clock.clone()),
            agent,
            tasks,
            running: Running::default(),
            paused: std::sync::atomic::AtomicBool::new(false),
            this: OnceLock::new(),
            db,
            clock,
            clock_shifted: args.clock_offset > 0,
            keys: KeyCache::default(),
            region: args.region.clone(),
            max_body: args.max_body_bytes,
            body_budget: crate::limits::BodyBudget::new(args.body_memory_bytes),
            max_connections: args.max_connections,
            idle_timeout: std::time::Duration::from_secs(args.idle_timeout),
            account_id: dev_account.clone().or_else(|| args.account_id.clone()),
            dev_account,
            data_dir,
            guardrails: match &args.guardrails {
                Some(path) => Guardrails::load(path)?,
                None => Guardrails::default(),
            },
            instance_cluster: args.instance_cluster.clone(),
            registration: Registration::default(),
            managed_instance_lifetime: std::time::Duration::from_secs(
                args.managed_instance_lifetime,
            ),
        };
        app.bootstrap()?;
        let sealed = app.iam.seal_clear_secrets()?;
        if sealed > 0 {
            tracing::info!(
                secrets = sealed,
                "wrapped credential secrets an earlier version stored in clear"
            );
        }
        let app = Arc::new(app);
        let _ = app.this.set(Arc::downgrade(&app));
        Ok(app)
    }

    /// The shared handle to the app (while it runs).
    pub(crate) fn shared(&self) -> Option<Arc<Self>> {
        self.this.get().and_then(Weak::upgrade)
    }

    /// The account this host's agent registers in: the development account, `--account-id`,
    /// or the first account.
    pub(crate) fn instance_account(&self) -> anyhow::Result<Option<String>> {
        match &self.account_id {
            Some(id) => Ok(Some(id.clone())),
            None => Ok(self.iam.first_account()?),
        }
    }

    /// Creates the first account and its administrator if the store has none.
    fn bootstrap(&self) -> anyhow::Result<()> {
        if let Some(boot) = self.iam.bootstrap(self.account_id.as_deref())? {
            files::write_credentials(&self.data_dir, &boot, &self.region)?;
            tracing::info!(
                account = %boot.account,
                user = %boot.user_name,
                credentials = %self.data_dir.join("credentials").display(),
                "bootstrapped the first account"
            );
        }
        Ok(())
    }

    /// Forgets every account, region and event, then bootstraps anew.
    pub(crate) fn clear(&self) -> anyhow::Result<()> {
        self.recorder.flush();
        self.db.clear()?;
        self.recorder.reset();
        self.iam.forget_cached();
        self.keys.clear();
        self.bootstrap()
    }
}

/// The container instance this run registered, if any.
#[derive(Debug, Default)]
pub(crate) struct Registration(pub(crate) Mutex<Option<String>>);

/// The agent that runs tasks here, if this host can run them, and what it offers them (or why
/// they cannot run: the reason tasks stop with).
fn task_runtime(
    args: &ServeArgs,
    data_dir: &std::path::Path,
) -> (Option<Arc<Agent>>, Result<String, String>) {
    if args.no_agent {
        return (
            None,
            Err(
                "ResourceInitializationError: no agent runs tasks on this server (started \
                 with --no-agent)."
                    .into(),
            ),
        );
    }
    match neargate_agent::readiness::check_host() {
        Ok(ready) => match open_agent(data_dir) {
            Some(agent) => (Some(agent), Ok(ready.0)),
            None => (
                None,
                Err(
                    "ResourceInitializationError: the agent could not start (see the server \
                     log)."
                        .into(),
                ),
            ),
        },
        Err(cause) => {
            tracing::warn!(%cause, "tasks cannot run on this host");
            (None, Err(format!("CannotStartContainerError: {cause}")))
        }
    }
}

/// The agent over the data directory, after it has taken down what an earlier run left.
fn open_agent(data_dir: &std::path::Path) -> Option<Arc<Agent>> {
    match Agent::open(data_dir) {
        Ok((agent, swept)) => {
            for task in swept {
                tracing::warn!(%task, "took down a task left running by an earlier run");
            }
            Some(Arc::new(agent))
        }
        Err(e) => {
            tracing::warn!(error = %e, "the agent did not start: tasks cannot run");
            None
        }
    }
}

/// The root key that wraps KMS key material: `--root-key-file`, or `root.key` in the data
/// directory, created at first start.
fn root_key(args: &ServeArgs, data_dir: &std::path::Path) -> anyhow::Result<RootKey> {
    let path = root_key_path(args.root_key_file.as_deref(), data_dir);
    anyhow::ensure!(
        !next_path(&path).exists(),
        "a root key rotation was interrupted: run `neargate root-key rotate` again to finish it"
    );
    let key = match &args.root_key_file {
        Some(path) => RootKey::load(path)?,
        None => RootKey::load_or_create(&path)?,
    };
    tracing::info!(fingerprint = key.fingerprint(), "root key loaded");
    Ok(key)
}
