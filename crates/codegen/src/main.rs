//! `neargate-codegen`: writes `crates/model/src/generated/` from botocore's service models, for
//! the operations `crates/model/served.txt` lists. With `--check` it writes nothing and fails
//! when the committed files differ from what it would write.
//!
//! Usage: `cargo run -p neargate-codegen -- [--check] [--botocore DIR]`; without `--botocore`
//! it asks `python3` where botocore is installed.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

mod types;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("neargate-codegen: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut check = false;
    let mut botocore = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--botocore" => botocore = Some(PathBuf::from(args.next().ok_or("--botocore DIR")?)),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let botocore = match botocore {
        Some(dir) => dir,
        None => find_botocore()?,
    };
    let crates = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .ok_or("the codegen crate has no parent directory")?;
    let crate_dir = crates.join("model");
    let served = std::fs::read_to_string(crate_dir.join("served.txt"))
        .map_err(|e| format!("served.txt: {e}"))?;
    let served = Served::parse(&served)?;
    let installed = botocore_version(&botocore)?;
    if installed != served.botocore {
        return Err(format!(
            "served.txt names botocore {}, but {} is {installed}",
            served.botocore,
            botocore.display()
        ));
    }
    let mut files = BTreeMap::new();
    let mut modules = String::new();
    for service in &served.services {
        let model = load(&botocore, &service.model)?;
        let code = generate(service, &model, &served.botocore)?;
        files.insert(format!("{}.rs", service.module), code);
        writeln!(modules, "#[rustfmt::skip]\npub mod {};", service.module).unwrap();
    }
    files.insert(
        "mod.rs".to_owned(),
        format!(
            "//! Written by `neargate-codegen` from botocore {}; do not edit.\n\n{modules}",
            served.botocore
        ),
    );
    let out = crate_dir.join("src/generated");
    let mut stale = Vec::new();
    for (name, code) in &files {
        let path = out.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(code.as_str()) {
            continue;
        }
        if check {
            stale.push(name.clone());
        } else {
            std::fs::write(&path, code).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("wrote {}", path.display());
        }
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "crates/model/src/generated/{{{}}} differ from the models; run `cargo run -p neargate-codegen`",
            stale.join(",")
        ))
    }
}

/// `served.txt`: the botocore version and, per service, the operations served.
struct Served {
    botocore: String,
    services: Vec<ServedService>,
}

struct ServedService {
    /// The signing name, which is also the generated module's name.
    module: String,
    /// `<service>/<api-version>` under botocore's `data/`.
    model: String,
    /// Operation name → whether it only reads.
    operations: BTreeMap<String, bool>,
    /// Output shapes the service keeps as its records: read back, so they deserialize too.
    stored: BTreeSet<String>,
    /// The error code of input the model forbids.
    exception: String,
    /// Whether missing required members are reported.
    required: bool,
    /// Whether enum, length, range and pattern constraints are checked.
    constraints: bool,
}

impl Served {
    fn parse(text: &str) -> Result<Self, String> {
        let mut botocore = None;
        let mut services: Vec<ServedService> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                [] => {}
                [first, ..] if first.starts_with('#') => {}
                ["botocore", version] => botocore = Some((*version).to_owned()),
                ["service", module, model, exception, flags @ ..] => {
                    services.push(ServedService {
                        module: (*module).to_owned(),
                        model: (*model).to_owned(),
                        operations: BTreeMap::new(),
                        stored: BTreeSet::new(),
                        exception: (*exception).to_owned(),
                        required: flags.contains(&"required"),
                        constraints: flags.contains(&"constraints"),
                    });
                }
                ["stored", shapes @ ..] => {
                    let service = services.last_mut().ok_or(format!(
                        "served.txt:{}: stored shapes before any service",
                        n + 1
                    ))?;
                    service
                        .stored
                        .extend(shapes.iter().map(|s| (*s).to_owned()));
                }
                [access @ ("read" | "write"), operation] => {
                    let service = services.last_mut().ok_or(format!(
                        "served.txt:{}: an operation before any service",
                        n + 1
                    ))?;
                    service
                        .operations
                        .insert((*operation).to_owned(), *access == "read");
                }
                _ => return Err(format!("served.txt:{}: cannot read {line:?}", n + 1)),
            }
        }
        Ok(Self {
            botocore: botocore.ok_or("served.txt names no botocore version")?,
            services,
        })
    }
}

fn find_botocore() -> Result<PathBuf, String> {
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import botocore, os; print(os.path.dirname(botocore.__file__))",
        ])
        .output()
        .map_err(|e| format!("python3: {e}"))?;
    if !out.status.success() {
        return Err("botocore is not installed (pip install awscli==1.45.11)".to_owned());
    }
    Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

fn botocore_version(dir: &Path) -> Result<String, String> {
    let init = std::fs::read_to_string(dir.join("__init__.py"))
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    init.lines()
        .find_map(|l| l.strip_prefix("__version__ = "))
        .map(|v| v.trim_matches(|c| c == '\'' || c == '"').to_owned())
        .ok_or_else(|| "botocore's __init__.py names no __version__".to_owned())
}

/// `data/<service>/<version>/service-2.json`, gzipped or not.
fn load(botocore: &Path, model: &str) -> Result<Value, String> {
    let base = botocore.join("data").join(model).join("service-2.json");
    let text = match std::fs::read(&base) {
        Ok(bytes) => bytes,
        Err(_) => {
            let gz = base.with_extension("json.gz");
            let file = std::fs::File::open(&gz).map_err(|e| format!("{}: {e}", gz.display()))?;
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(file)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{}: {e}", gz.display()))?;
            bytes
        }
    };
    serde_json::from_slice(&text).map_err(|e| format!("{model}: {e}"))
}

/// The Rust module of one service's served part of `model`.
fn generate(service: &ServedService, model: &Value, botocore: &str) -> Result<String, String> {
    let shapes = model["shapes"].as_object().ok_or("no shapes")?;
    let operations = model["operations"].as_object().ok_or("no operations")?;
    let mut served = Vec::new();
    for name in service.operations.keys() {
        let op = operations
            .get(name)
            .ok_or_else(|| format!("{} has no operation {name}", service.model))?;
        served.push((name, op));
    }
    let part = |op: &Value, part: &str| op[part]["shape"].as_str().map(str::to_owned);
    let errors = |op: &Value| -> Vec<String> {
        op["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["shape"].as_str().map(str::to_owned))
            .collect()
    };
    // Every shape the served operations reach, through their inputs, outputs and errors.
    if let Some(unknown) = service.stored.iter().find(|s| !shapes.contains_key(*s)) {
        return Err(format!("{} has no shape {unknown} to store", service.model));
    }
    // Stored shapes are read back from the store as inputs are from the wire.
    let inputs = closure(
        shapes,
        served
            .iter()
            .filter_map(|(_, op)| part(op, "input"))
            .chain(service.stored.iter().cloned()),
    );
    let outputs = closure(
        shapes,
        served.iter().filter_map(|(_, op)| part(op, "output")),
    );
    let reached: BTreeSet<String> = inputs
        .iter()
        .chain(&outputs)
        .cloned()
        .chain(closure(
            shapes,
            served.iter().flat_map(|(_, op)| errors(op)),
        ))
        .collect();
    let ids: BTreeMap<&str, usize> = reached
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let id = |name: &str| ids[name];
    let types = types::Types {
        shapes,
        reached: &reached,
        inputs,
        outputs,
        required_enforced: service.required,
    }
    .generate();

    let mut out = String::new();
    writeln!(
        out,
        "//! The served part of botocore {botocore}'s `{}` model. Written by `neargate-codegen`; do not edit.\n",
        service.model
    )
    .unwrap();
    out.push_str(&imports(&types));
    out.push_str("static PATTERNS: Patterns = Patterns::new();\n\n");
    writeln!(
        out,
        "/// The model: {} served operations, {} shapes.",
        service.operations.len(),
        reached.len()
    )
    .unwrap();
    out.push_str("pub static MODEL: Model = Model {\n");
    writeln!(out, "    service: {:?},", service.module).unwrap();
    writeln!(
        out,
        "    api_version: {:?},",
        model["metadata"]["apiVersion"].as_str().unwrap_or("")
    )
    .unwrap();
    writeln!(
        out,
        "    json: {},",
        model["metadata"]["protocol"]
            .as_str()
            .is_some_and(|p| p.starts_with("json"))
    )
    .unwrap();
    writeln!(
        out,
        "    rules: Rules {{ exception: {:?}, required: {}, constraints: {} }},",
        service.exception, service.required, service.constraints
    )
    .unwrap();
    out.push_str("    operations: &[\n");
    for (name, op) in &served {
        let input = part(op, "input");
        let dry_run = input
            .as_deref()
            .is_some_and(|i| shapes[i]["members"].get("DryRun").is_some());
        let shape_ref =
            |s: Option<String>| s.map_or("None".to_owned(), |s| format!("Some({})", id(&s)));
        let codes: Vec<String> = errors(op)
            .iter()
            .map(|e| format!("{:?}", error_code(e, &shapes[e.as_str()])))
            .collect();
        writeln!(
            out,
            "        Operation {{ name: {name:?}, read_only: {}, dry_run: {dry_run}, input: {}, output: {}, errors: &[{}] }},",
            service.operations[name.as_str()],
            shape_ref(input),
            shape_ref(part(op, "output")),
            codes.join(", ")
        )
        .unwrap();
    }
    out.push_str("    ],\n    shapes: &[\n");
    for name in &reached {
        let kind = kind(&shapes[name], &id)?;
        writeln!(
            out,
            "        /* {} */ Shape {{ name: {name:?}, kind: {kind} }},",
            id(name)
        )
        .unwrap();
    }
    let all: Vec<String> = operations.keys().map(|name| format!("{name:?}")).collect();
    writeln!(out, "    ],\n    all_operations: &[{}],", all.join(", ")).unwrap();
    out.push_str("    patterns: &PATTERNS,\n};\n\n");
    out.push_str(&types);
    out.push_str("/// The served operations, as types.\npub mod ops {\n");
    for (i, (name, op)) in served.iter().enumerate() {
        let ty = |which: &str| {
            part(op, which).map_or("crate::Empty".to_owned(), |s| {
                format!("super::{}", types::type_name(&s))
            })
        };
        writeln!(
            out,
            "    /// `{name}`.\n    #[derive(Debug)]\n    pub struct {name};\n\n    impl crate::Op for {name} {{\n        const NAME: &'static str = {name:?};\n        const READ_ONLY: bool = {};\n        type Input = {};\n        type Output = {};\n\n        fn operation() -> (&'static crate::Model, &'static crate::Operation) {{\n            (&super::MODEL, &super::MODEL.operations[{i}])\n        }}\n    }}\n",
            service.operations[name.as_str()],
            ty("input"),
            ty("output")
        )
        .unwrap();
    }
    out.push_str("}\n\n");
    out.push_str(&error_enum(shapes));
    let units: Vec<&String> = served.iter().map(|(name, _)| *name).collect();
    let bounds: Vec<String> = units
        .iter()
        .map(|name| format!("        + crate::Handler<ops::{name}, C>"))
        .collect();
    let arms: Vec<String> = units
        .iter()
        .map(|name| {
            format!("        {name:?} => crate::run::<ops::{name}, S, C>(service, caller, input, authorize),")
        })
        .collect();
    let body = if arms.is_empty() {
        "    let _ = (service, caller, operation, input, authorize);\n    None".to_owned()
    } else {
        format!(
            "    Some(match operation {{\n{}\n        _ => return None,\n    }})",
            arms.join("\n")
        )
    };
    writeln!(
        out,
        "/// Runs `operation` on `service`, which handles every operation in `served.txt`; `None` for\n/// any other.\npub fn dispatch<S, C: ?Sized>(\n    service: &S,\n    caller: &C,\n    operation: &str,\n    input: &serde_json::Map<String, serde_json::Value>,\n    authorize: &mut crate::Authorize<'_>,\n) -> Option<Result<crate::Answer, crate::Failure>>\nwhere\n    S: ?Sized\n{}\n{{\n{body}\n}}",
        bounds.join("\n")
    )
    .unwrap();
    Ok(out)
}

/// The `use` lines the generated types need.
fn imports(types: &str) -> String {
    let uses = |token: &str| types.contains(token);
    let mut out = String::new();
    if uses("BTreeMap<") {
        out.push_str("use std::collections::BTreeMap;\n\n");
    }
    let serde: Vec<&str> = ["Deserialize", "Serialize"]
        .into_iter()
        .filter(|t| uses(&format!(", {t}")))
        .collect();
    if !serde.is_empty() {
        writeln!(out, "use serde::{{{}}};\n", serde.join(", ")).unwrap();
    }
    out.push_str(
        "use crate::shape::{Bound, Kind, Member, Model, Operation, Patterns, Rules, Shape, Text};\n",
    );
    let values: Vec<&str> = ["Blob", "SecretBytes", "SecretString", "Time"]
        .into_iter()
        .filter(|t| uses(&format!(" {t}")) || uses(&format!("<{t}")))
        .collect();
    if !values.is_empty() {
        writeln!(out, "use crate::types::{{{}}};", values.join(", ")).unwrap();
    }
    out.push('\n');
    out
}

/// The shapes `roots` reach, themselves included.
fn closure(
    shapes: &serde_json::Map<String, Value>,
    roots: impl IntoIterator<Item = String>,
) -> BTreeSet<String> {
    let mut reached = BTreeSet::new();
    let mut todo: Vec<String> = roots.into_iter().collect();
    while let Some(name) = todo.pop() {
        if !reached.insert(name.clone()) {
            continue;
        }
        let shape = &shapes[&name];
        for member in shape["members"]
            .as_object()
            .into_iter()
            .flat_map(|m| m.values())
        {
            todo.extend(member["shape"].as_str().map(str::to_owned));
        }
        for part in ["member", "key", "value"] {
            todo.extend(shape[part]["shape"].as_str().map(str::to_owned));
        }
    }
    reached
}

/// The model's errors as one enum, with the code and HTTP status each answers with: the
/// status the model gives (query services), else 500 for faults and 400 for the rest.
fn error_enum(shapes: &serde_json::Map<String, Value>) -> String {
    let errors: Vec<(&String, &Value)> = shapes
        .iter()
        .filter(|(_, shape)| shape["exception"] == true)
        .collect();
    let mut out = String::from(
        "/// The errors the model names.\n#[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub enum Error {\n",
    );
    for (name, shape) in &errors {
        writeln!(out, "    /// `{}`.\n    {name},", error_code(name, shape)).unwrap();
    }
    out.push_str("}\n\nimpl Error {\n    /// The code the wire carries.\n    pub const fn code(self) -> &'static str {\n        match self {\n");
    for (name, shape) in &errors {
        writeln!(
            out,
            "            Self::{name} => {:?},",
            error_code(name, shape)
        )
        .unwrap();
    }
    out.push_str("        }\n    }\n\n    /// The HTTP status.\n    pub const fn status(self) -> u16 {\n        match self {\n");
    for (name, shape) in &errors {
        let status = shape["error"]["httpStatusCode"]
            .as_u64()
            .unwrap_or(if shape["fault"] == true { 500 } else { 400 });
        writeln!(out, "            Self::{name} => {status},").unwrap();
    }
    out.push_str("        }\n    }\n\n    /// The error with `message`.\n    pub fn with(self, message: impl Into<String>) -> neargate_common::AwsError {\n        crate::error_with(self.status(), self.code(), message)\n    }\n}\n\n");
    out
}

/// The members a structure shape requires.
pub(crate) fn required_members(shape: &Value) -> BTreeSet<&str> {
    shape["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

/// The code an error shape answers with: its `error.code` where the model gives one (query
/// services), else its name.
fn error_code(name: &str, shape: &Value) -> String {
    shape["error"]["code"].as_str().unwrap_or(name).to_owned()
}

/// The `Kind` expression of `shape`.
fn kind(shape: &Value, id: &dyn Fn(&str) -> usize) -> Result<String, String> {
    let bound = || {
        let end = |k: &str| {
            shape[k]
                .as_i64()
                .map_or("None".to_owned(), |v| format!("Some({v})"))
        };
        format!("Bound {{ min: {}, max: {} }}", end("min"), end("max"))
    };
    let sensitive = shape["sensitive"].as_bool().unwrap_or(false);
    let of = |part: &str| {
        shape[part]["shape"]
            .as_str()
            .map(id)
            .ok_or(format!("a {part} without a shape"))
    };
    Ok(match shape["type"].as_str().unwrap_or("") {
        "structure" if shape["document"].as_bool() == Some(true) => "Kind::Document".to_owned(),
        "structure" => {
            let required = required_members(shape);
            let members: Vec<String> = shape["members"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(name, m)| {
                    format!(
                        "Member {{ name: {name:?}, shape: {}, required: {} }}",
                        id(m["shape"].as_str().unwrap_or_default()),
                        required.contains(name.as_str())
                    )
                })
                .collect();
            format!("Kind::Structure(&[{}])", members.join(", "))
        }
        "string" => {
            let values: Vec<String> = shape["enum"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(|v| format!("{v:?}"))
                .collect();
            let pattern = shape["pattern"]
                .as_str()
                .map_or("None".to_owned(), |p| format!("Some({p:?})"));
            format!(
                "Kind::String(Text {{ length: {}, pattern: {pattern}, values: &[{}], sensitive: {sensitive} }})",
                bound(),
                values.join(", ")
            )
        }
        "integer" | "long" => format!("Kind::Integer({})", bound()),
        "double" | "float" => format!("Kind::Float({})", bound()),
        "boolean" => "Kind::Boolean".to_owned(),
        "blob" => format!(
            "Kind::Blob {{ length: {}, sensitive: {sensitive} }}",
            bound()
        ),
        "timestamp" => "Kind::Timestamp".to_owned(),
        "list" => format!(
            "Kind::List {{ member: {}, length: {} }}",
            of("member")?,
            bound()
        ),
        "map" => format!(
            "Kind::Map {{ key: {}, value: {}, length: {} }}",
            of("key")?,
            of("value")?,
            bound()
        ),
        other => return Err(format!("unknown shape type {other:?}")),
    })
}
