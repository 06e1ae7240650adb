//! The house rule, checked: the library's modules form layers, and a module imports only
//! from layers below its own. Data flows up: `ingest` reads files into the `model`,
//! `matching` and `profile` make the SOP searchable, `path` and `steps` judge a call,
//! `scoring` and `report` turn verdicts into files, `audit` runs it all, and the
//! review tools (`eval`, `history`, `review`) read audits back.
//!
//! Production code only: comments and `#[cfg(test)]` modules (and files named
//! `*tests.rs`) may reach anywhere, since a test may build its fixtures from any layer.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Lowest first. A module may import modules of a strictly lower layer.
const LAYERS: &[&[&str]] = &[
    &["model"],
    &["ingest"],
    &["matching"],
    &["profile"],
    &["quality"],
    &["path"],
    &["steps"],
    &["scoring"],
    &["report", "overrides"],
    &["history"],
    &["audit"],
    &["eval"],
    &["review"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "tests") {
                rust_files(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "rs")
            && !p.to_string_lossy().ends_with("tests.rs")
        {
            out.push(p);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/ingest/x.rs` → `ingest`).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The top-level modules named by `crate::NAME` in the file's production code.
fn imports(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("#[cfg(test)]") {
            break;
        }
        if code.starts_with("//") {
            continue;
        }
        let code = code.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let name: String = rest[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push((n + 1, name));
            rest = &rest[i + 7..];
        }
    }
    out
}

#[test]
fn every_import_runs_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut broken = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for f in &files {
        let module = module_of(&src, f);
        if module == "main" || module == "lib" || module == "cli" {
            continue; // the binary and the crate root sit above every layer
        }
        let Some(own) = layer_of(&module) else {
            broken.push(format!(
                "{}: module `{module}` is in no layer (add it to LAYERS)",
                f.display()
            ));
            continue;
        };
        *seen.entry(module.clone()).or_default() += 1;
        let text = std::fs::read_to_string(f).unwrap();
        for (line, name) in imports(&text) {
            if name == module || name.is_empty() {
                continue;
            }
            match layer_of(&name) {
                Some(l) if l < own => {}
                Some(l) => broken.push(format!(
                    "{}:{line}: `{module}` (layer {own}) imports `{name}` (layer {l})",
                    f.display()
                )),
                None => broken.push(format!(
                    "{}:{line}: imports `crate::{name}`, which is in no layer",
                    f.display()
                )),
            }
        }
    }
    assert!(
        broken.is_empty(),
        "imports against the layers:\n{}",
        broken.join("\n")
    );
    for layer in LAYERS {
        for m in *layer {
            assert!(
                seen.contains_key(*m),
                "LAYERS names `{m}`, which has no file"
            );
        }
    }
}

#[test]
fn the_checker_sees_an_import_and_skips_comments_and_tests() {
    let text = "//! see [`crate::audit`]\nuse crate::model::Call;\n// crate::report\n\
                let x = crate::path::decide(); // crate::eval\n#[cfg(test)]\nuse crate::audit;\n";
    let got = imports(text);
    assert_eq!(got, [(2, "model".to_string()), (4, "path".to_string())]);
}
