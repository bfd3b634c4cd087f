//! The modules of each crate form layers: within a directory of a crate, no module reaches back
//! (through `use` or a `crate::…` path) to a module that reaches it. A cycle means two areas
//! that cannot be read, changed or tested apart; records and their tables go below the rules
//! that use them instead.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The workspace's `crates/` directory.
fn crates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("testkit lives in crates/")
        .to_path_buf()
}

/// A module's source without comment lines and without its tests.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let body = text.split("#[cfg(test)]").next().unwrap_or_default();
    body.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifiers that start each item of a `use` group (`{a, b::c, d}` gives a, b, d).
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut item = String::new();
    for c in group.chars().chain(std::iter::once(',')) {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                let head: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                heads.push(head);
                item.clear();
                continue;
            }
            _ => {}
        }
        item.push(c);
    }
    heads
}

/// The sibling modules `code` refers to: through `prefix` (`crate::` or `crate::dir::`), or
/// `super::` in a subdirectory.
fn references(code: &str, prefixes: &[String], siblings: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for prefix in prefixes {
        for (at, _) in code.match_indices(prefix.as_str()) {
            let rest = &code[at + prefix.len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let end = group.find("};").unwrap_or(group.len());
                found.extend(group_heads(&group[..end]));
            } else {
                let head: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.insert(head);
            }
        }
    }
    found.retain(|m| siblings.contains(m));
    found
}

/// The module cycles among the files of `dir`, whose module path under `src` is `path`.
fn cycles_in(dir: &Path, path: &[String]) -> Vec<Vec<String>> {
    // Files are modules, and so are directories with a `mod.rs` (all their files together).
    let mut modules: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let file = entry.unwrap().path();
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        if file.extension().is_some_and(|e| e == "rs")
            && !["lib", "main", "mod"].contains(&name.as_str())
        {
            modules.insert(name, vec![file]);
        } else if file.join("mod.rs").is_file() {
            modules.insert(name, files_under(&file));
        }
    }
    let siblings: BTreeSet<String> = modules.keys().cloned().collect();
    let mut prefixes = vec![format!(
        "crate::{}",
        path.iter().map(|p| format!("{p}::")).collect::<String>()
    )];
    if !path.is_empty() {
        prefixes.push("super::".to_owned());
    }
    let graph: BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .map(|(name, files)| {
            let code: String = files.iter().map(|f| code_of(f)).collect();
            let mut refs = references(&code, &prefixes, &siblings);
            refs.remove(name);
            (name.clone(), refs)
        })
        .collect();
    strongly_connected(&graph)
        .into_iter()
        .filter(|c| c.len() > 1)
        .collect()
}

/// The strongly connected components of `graph` (Tarjan's algorithm).
fn strongly_connected(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in &s.graph[v] {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            component.sort();
            s.found.push(component);
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.found
}

/// Every `.rs` file under `dir`.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Every directory under `src` with its module path.
fn directories(src: &Path, path: Vec<String>, out: &mut Vec<(PathBuf, Vec<String>)>) {
    for entry in std::fs::read_dir(src).unwrap() {
        let dir = entry.unwrap().path();
        if dir.is_dir() {
            let mut sub = path.clone();
            sub.push(dir.file_name().unwrap().to_string_lossy().into_owned());
            directories(&dir, sub, out);
        }
    }
    out.push((src.to_path_buf(), path));
}

#[test]
fn no_crate_has_a_module_cycle() {
    let mut cycles = Vec::new();
    for krate in std::fs::read_dir(crates_dir()).unwrap() {
        let src = krate.unwrap().path().join("src");
        if !src.is_dir() {
            continue;
        }
        let mut dirs = Vec::new();
        directories(&src, Vec::new(), &mut dirs);
        for (dir, path) in dirs {
            // Generated code is one layer of its own.
            if path.last().is_some_and(|p| p == "generated") {
                continue;
            }
            for cycle in cycles_in(&dir, &path) {
                cycles.push(format!("{}: {}", dir.display(), cycle.join(" ⇄ ")));
            }
        }
    }
    assert!(cycles.is_empty(), "module cycles:\n{}", cycles.join("\n"));
}

#[test]
fn a_cycle_is_found() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
    .collect();
    let cycles: Vec<_> = strongly_connected(&graph)
        .into_iter()
        .filter(|c| c.len() > 1)
        .collect();
    assert_eq!(cycles, [vec!["a", "b", "c"]]);
    let siblings: BTreeSet<String> = ["x", "y", "z"].iter().map(|s| (*s).to_owned()).collect();
    let refs = references(
        "use crate::{x::A, y::{B, C}};\nfn f() { crate::z::g() }",
        &["crate::".to_owned()],
        &siblings,
    );
    assert_eq!(refs, siblings);
}
