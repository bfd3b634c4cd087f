//! The static form of a service model: what the generator writes and the validator reads.

use std::sync::OnceLock;

/// The index of a shape in its model's `shapes`.
pub type ShapeId = u16;

/// One service's model: the operations Neargate serves and every shape they reach.
#[derive(Debug)]
pub struct Model {
    /// The SigV4 signing name, e.g. `kms`.
    pub service: &'static str,
    /// The API version, e.g. `2014-11-01`.
    pub api_version: &'static str,
    /// Whether the service speaks the JSON protocol (else the query protocol, with XML).
    pub json: bool,
    /// How the service reports what its model forbids.
    pub rules: Rules,
    /// The served operations, sorted by name.
    pub operations: &'static [Operation],
    /// The shapes the served operations reach, sorted by name.
    pub shapes: &'static [Shape],
    /// Every operation of the model, served or not, sorted.
    pub all_operations: &'static [&'static str],
    /// The string patterns of `shapes`, compiled on first use.
    pub patterns: &'static Patterns,
}

/// How a service reports what its model forbids.
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    /// The error code of a constraint violation, e.g. `ValidationException`.
    pub exception: &'static str,
    /// Whether missing required members are reported (some services answer them with their
    /// own messages, after the model's checks).
    pub required: bool,
    /// Whether enum, length, range and pattern constraints are checked.
    pub constraints: bool,
}

/// One served operation.
#[derive(Debug)]
pub struct Operation {
    /// The operation's name, e.g. `CreateKey`.
    pub name: &'static str,
    /// Whether it only reads (CloudTrail's `readOnly`).
    pub read_only: bool,
    /// Whether its input has a `DryRun` member.
    pub dry_run: bool,
    /// The input shape.
    pub input: Option<ShapeId>,
    /// The output shape.
    pub output: Option<ShapeId>,
    /// The error codes the model lists for it.
    pub errors: &'static [&'static str],
}

/// A named shape.
#[derive(Debug)]
pub struct Shape {
    /// The model's name for it.
    pub name: &'static str,
    /// What it is, with its constraints.
    pub kind: Kind,
}

/// The kinds of shape, with the constraints AWS validates.
#[derive(Debug)]
pub enum Kind {
    /// A structure and its members, in the model's order.
    Structure(&'static [Member]),
    /// A string.
    String(Text),
    /// An `integer` or `long`, with its value range.
    Integer(Bound),
    /// A `double` or `float`, with its value range.
    Float(Bound),
    /// A boolean.
    Boolean,
    /// Bytes (base64 in JSON), with their length range.
    Blob {
        /// Length range in bytes.
        length: Bound,
        /// Whether the model marks it sensitive.
        sensitive: bool,
    },
    /// A timestamp.
    Timestamp,
    /// A list.
    List {
        /// The element shape.
        member: ShapeId,
        /// Length range in elements.
        length: Bound,
    },
    /// A map.
    Map {
        /// The key shape.
        key: ShapeId,
        /// The value shape.
        value: ShapeId,
        /// Length range in entries.
        length: Bound,
    },
    /// A free-form JSON document.
    Document,
}

/// A string's constraints.
#[derive(Debug)]
pub struct Text {
    /// Length range in characters.
    pub length: Bound,
    /// The pattern the whole value must match, as the model writes it.
    pub pattern: Option<&'static str>,
    /// The enum values, when the model lists some.
    pub values: &'static [&'static str],
    /// Whether the model marks it sensitive.
    pub sensitive: bool,
}

/// An inclusive range, each end optional.
#[derive(Debug, Clone, Copy)]
pub struct Bound {
    /// The least allowed.
    pub min: Option<i64>,
    /// The most allowed.
    pub max: Option<i64>,
}

impl Bound {
    /// No limit.
    pub const NONE: Self = Self {
        min: None,
        max: None,
    };
}

/// A structure member.
#[derive(Debug)]
pub struct Member {
    /// The wire name, e.g. `KeyId`.
    pub name: &'static str,
    /// Its shape.
    pub shape: ShapeId,
    /// Whether the model requires it.
    pub required: bool,
}

/// A model's string patterns, compiled once.
#[derive(Debug)]
pub struct Patterns(OnceLock<Vec<Option<regex::Regex>>>);

impl Patterns {
    /// Patterns not compiled yet.
    pub const fn new() -> Self {
        Self(OnceLock::new())
    }
}

impl Default for Patterns {
    fn default() -> Self {
        Self::new()
    }
}

impl Model {
    /// The served operation `name`.
    pub fn operation(&self, name: &str) -> Option<&'static Operation> {
        self.operations
            .binary_search_by(|op| op.name.cmp(name))
            .ok()
            .map(|i| &self.operations[i])
    }

    /// The shape `id`.
    pub fn shape(&self, id: ShapeId) -> &'static Shape {
        &self.shapes[usize::from(id)]
    }

    /// The compiled pattern of string shape `id`, if it has one.
    pub(crate) fn pattern(&self, id: ShapeId) -> Option<&regex::Regex> {
        let compiled = self.patterns.0.get_or_init(|| {
            self.shapes
                .iter()
                .map(|shape| match &shape.kind {
                    Kind::String(Text {
                        pattern: Some(p), ..
                    }) => compile(p),
                    _ => None,
                })
                .collect()
        });
        compiled.get(usize::from(id))?.as_ref()
    }
}

/// A model pattern (Java syntax, matched against the whole value) as a regular expression.
pub(crate) fn compile(pattern: &str) -> Option<regex::Regex> {
    regex::Regex::new(&format!("^(?:{})$", ascii_words(pattern))).ok()
}

/// Java's `\w` means an ASCII word character, where the engine's means any Unicode one: each
/// is spelled out, inside a character class or outside one.
fn ascii_words(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut in_class = false;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('w') if in_class => out.push_str("0-9A-Za-z_"),
                Some('w') => out.push_str("[0-9A-Za-z_]"),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' => {
                in_class = true;
                out.push(c);
            }
            ']' => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}
