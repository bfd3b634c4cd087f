//! The Rust types of a model's served shapes: a structure per structure shape, a
//! `wire_enum!` per enum, and a marker type per served operation.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde_json::{Map, Value};

/// Rust names that a shape name must not take.
const TAKEN: &[&str] = &[
    "Option", "Result", "String", "Vec", "Box", "Default", "Value", "Time", "Blob",
];

/// Rust keywords a field name must not be.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else", "enum",
    "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro",
    "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self", "static",
    "struct", "super", "trait", "true", "try", "type", "typeof", "unsafe", "use", "virtual",
    "where", "while", "yield",
];

/// A shape name as a Rust type name.
pub(crate) fn type_name(shape: &str) -> String {
    let mut name = shape.to_owned();
    if let Some(first) = name.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    if TAKEN.contains(&name.as_str()) {
        name.push_str("Shape");
    }
    name
}

/// Splits a name into its words: at `_`, `-`, `.`, ` `, `:` and `/`, before an upper-case
/// letter that follows a lower-case one or a digit, and before the last capital of a run
/// of capitals followed by a lower-case letter (`ECSManaged` → `ECS`, `Managed`).
fn words(name: &str) -> Vec<String> {
    // Binary units are one word: `sizeInGiB` → `size`, `in`, `gib`.
    let name = ["KiB", "MiB", "GiB", "TiB"]
        .iter()
        .fold(name.to_owned(), |n, unit| {
            n.replace(unit, &format!("{}ib", &unit[..1]))
        });
    let chars: Vec<char> = name.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1);
        let boundary = c.is_ascii_uppercase()
            && prev.is_some_and(|p| {
                p.is_ascii_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_ascii_uppercase() && next.is_some_and(char::is_ascii_lowercase))
            });
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        word.push(c);
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// A member name as a Rust field name: `KeyId` → `key_id`, `type` → `type_`.
pub(crate) fn field_name(member: &str) -> String {
    let name = words(member)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_");
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// An enum value as a variant name: `SYMMETRIC_DEFAULT` → `SymmetricDefault`.
fn variant_name(value: &str) -> String {
    let mut name: String = words(value)
        .iter()
        .map(|w| {
            let lower = w.to_ascii_lowercase();
            let mut chars = lower.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'V');
    }
    if name == "Unknown" {
        name.push_str("Value");
    }
    name
}

/// What the types of one service are generated from.
pub(crate) struct Types<'a> {
    pub(crate) shapes: &'a Map<String, Value>,
    pub(crate) reached: &'a BTreeSet<String>,
    /// Shapes an input reaches (deserialized) and an output reaches (serialized).
    pub(crate) inputs: BTreeSet<String>,
    pub(crate) outputs: BTreeSet<String>,
    /// Whether required members are always present (the service validates them).
    pub(crate) required_enforced: bool,
}

impl Types<'_> {
    fn is_struct(&self, name: &str) -> bool {
        self.shapes[name]["type"] == "structure" && self.shapes[name]["document"] != true
    }

    fn is_enum(&self, name: &str) -> bool {
        self.shapes[name]["type"] == "string" && self.shapes[name].get("enum").is_some()
    }

    /// The structures `name` holds directly (not through a list or map).
    fn direct(&self, name: &str) -> Vec<String> {
        let members = self.shapes[name]["members"].as_object();
        members
            .into_iter()
            .flatten()
            .filter_map(|(_, m)| m["shape"].as_str())
            .filter(|s| self.is_struct(s))
            .map(str::to_owned)
            .collect()
    }

    /// Whether `from` reaches `to` through structures held directly.
    fn reaches(&self, from: &str, to: &str) -> bool {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_owned()];
        while let Some(next) = todo.pop() {
            if next == to {
                return true;
            }
            if seen.insert(next.clone()) {
                todo.extend(self.direct(&next));
            }
        }
        false
    }

    /// The Rust type of a value of shape `name`, inside structure `within`.
    fn rust_type(&self, name: &str, within: &str) -> String {
        let shape = &self.shapes[name];
        let sensitive = shape["sensitive"] == true;
        match shape["type"].as_str().unwrap_or_default() {
            "structure" if shape["document"] == true => "serde_json::Value".to_owned(),
            "structure" if self.reaches(name, within) => format!("Box<{}>", type_name(name)),
            "structure" => type_name(name),
            "string" if self.is_enum(name) => type_name(name),
            "string" if sensitive => "SecretString".to_owned(),
            "string" => "String".to_owned(),
            "integer" => "i32".to_owned(),
            "long" => "i64".to_owned(),
            "float" | "double" => "f64".to_owned(),
            "boolean" => "bool".to_owned(),
            "blob" if sensitive => "SecretBytes".to_owned(),
            "blob" => "Blob".to_owned(),
            "timestamp" => "Time".to_owned(),
            "list" => format!(
                "Vec<{}>",
                self.rust_type(
                    shape["member"]["shape"].as_str().unwrap_or_default(),
                    within
                )
            ),
            "map" => format!(
                "BTreeMap<String, {}>",
                self.rust_type(shape["value"]["shape"].as_str().unwrap_or_default(), within)
            ),
            other => panic!("no Rust type for shape type {other}"),
        }
    }

    /// The structures that can derive `Default`: those whose required members all can.
    fn defaultable(&self) -> BTreeSet<String> {
        let mut able: BTreeSet<String> = self
            .reached
            .iter()
            .filter(|n| self.is_struct(n))
            .cloned()
            .collect();
        loop {
            let before = able.clone();
            able.retain(|s| {
                self.members(s)
                    .iter()
                    .all(|(_, shape, required)| !required || self.has_default(shape, &before))
            });
            if able.len() == before.len() {
                return able;
            }
        }
    }

    /// Whether a value of `shape` has a default, given the structures that do.
    fn has_default(&self, shape: &str, structures: &BTreeSet<String>) -> bool {
        if self.is_enum(shape) {
            false
        } else if self.is_struct(shape) {
            structures.contains(shape)
        } else {
            true
        }
    }

    /// The members of structure `name`: (wire name, shape, required and enforced).
    fn members(&self, name: &str) -> Vec<(String, String, bool)> {
        let shape = &self.shapes[name];
        let required = crate::required_members(shape);
        shape["members"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(member, m)| {
                (
                    member.clone(),
                    m["shape"].as_str().unwrap_or_default().to_owned(),
                    self.required_enforced && required.contains(member.as_str()),
                )
            })
            .collect()
    }

    /// The types' Rust code.
    pub(crate) fn generate(&self) -> String {
        let mut out = String::new();
        let defaultable = self.defaultable();
        let used: BTreeSet<&String> = self.inputs.union(&self.outputs).collect();
        for name in self.reached.iter().filter(|n| used.contains(n)) {
            if self.is_enum(name) {
                self.enumeration(&mut out, name);
            } else if self.is_struct(name) {
                self.structure(&mut out, name, defaultable.contains(name));
            }
        }
        out
    }

    fn enumeration(&self, out: &mut String, name: &str) {
        let mut seen = BTreeMap::new();
        let variants: Vec<String> = self.shapes[name]["enum"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(|value| {
                let mut variant = variant_name(value);
                let count = seen.entry(variant.clone()).or_insert(0);
                *count += 1;
                if *count > 1 {
                    variant = format!("{variant}{count}");
                }
                format!("{variant} => {value:?}")
            })
            .collect();
        writeln!(
            out,
            "crate::wire_enum! {{\n    /// The model's `{name}`.\n    {} {{ {} }}\n}}\n",
            type_name(name),
            variants.join(", ")
        )
        .unwrap();
    }

    fn structure(&self, out: &mut String, name: &str, default: bool) {
        let mut derives = vec!["Debug", "Clone", "PartialEq"];
        if default {
            derives.push("Default");
        }
        // Outputs are written; inputs are read from the wire and written by the platform's own
        // calls (for validation and the trail).
        derives.push("Serialize");
        if self.inputs.contains(name) {
            derives.push("Deserialize");
        }
        writeln!(
            out,
            "/// The model's `{name}`.\n#[derive({})]\npub struct {} {{",
            derives.join(", "),
            type_name(name)
        )
        .unwrap();
        for (member, shape, required) in self.members(name) {
            let ty = self.rust_type(&shape, name);
            let field = field_name(&member);
            if required {
                writeln!(
                    out,
                    "    /// `{member}`.\n    #[serde(rename = {member:?})]\n    pub {field}: {ty},"
                )
                .unwrap();
            } else {
                writeln!(
                    out,
                    "    /// `{member}`.\n    #[serde(rename = {member:?}, default, skip_serializing_if = \"Option::is_none\")]\n    pub {field}: Option<{ty}>,"
                )
                .unwrap();
            }
        }
        out.push_str("}\n\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(field_name("KeyId"), "key_id");
        assert_eq!(field_name("AWSAccountId"), "aws_account_id");
        assert_eq!(
            field_name("enableECSManagedTags"),
            "enable_ecs_managed_tags"
        );
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("sizeInGiB"), "size_in_gib");
        assert_eq!(field_name("memoryMiB"), "memory_mib");
        assert_eq!(variant_name("SYMMETRIC_DEFAULT"), "SymmetricDefault");
        assert_eq!(variant_name("RSA_2048"), "Rsa2048");
        assert_eq!(variant_name("awsvpc"), "Awsvpc");
        assert_eq!(variant_name("UNKNOWN"), "UnknownValue");
        assert_eq!(variant_name("1.4.0"), "V140");
        assert_eq!(type_name("tagListType"), "TagListType");
    }
}
