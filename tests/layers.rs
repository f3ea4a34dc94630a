//! The app's modules import one way, from the page down to the browser: a module names only
//! modules of lower layers (and its own submodules), so there are no import circles and each
//! layer can be read without the ones above it. ARCHITECTURE.md describes the layers.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// From the bottom up. A new module goes into the lowest layer whose modules it needs.
const LAYERS: &[&[&str]] = &[
    // Helpers with no app state: the base path, files, highlighting, words, storage probes.
    &[
        "base",
        "download",
        "highlight",
        "i18n",
        "test_hooks",
        "web_storage",
    ],
    // What the build cannot know: how this run began, today's date, listeners' lifetimes.
    &["device"],
    // The visitor's state, the service worker, the address the visitor arrived at.
    &["navigation", "pwa", "state"],
    // The data.
    &["catalog"],
    // Kiosk mode, which reads the data for its settings.
    &["kiosk"],
    &["components"],
    &["pages"],
    &["app"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("src/ reads") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The app module a file belongs to (`src/pages/home/mod.rs` → `pages`), or None for the
/// crate's roots and binaries, which stand outside the layers.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let module = first.trim_end_matches(".rs");
    (!matches!(module, "lib" | "main" | "bin")).then(|| module.to_string())
}

/// The top-level modules a file names through `crate::`.
fn named_modules(text: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        // `medborgarloften::…` is the crate from outside (main.rs, the binaries).
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &text[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        assert!(
            !name.is_empty(),
            "write `crate::module::…` paths one by one, not `crate::{{…}}`"
        );
        named.insert(name);
    }
    named
}

#[test]
fn modules_import_only_from_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    let mut seen = BTreeSet::new();
    for file in sources(&src) {
        let Some(module) = module_of(&src, &file) else {
            continue;
        };
        seen.insert(module.clone());
        let Some(layer) = layer_of(&module) else {
            wrong.push(format!("{module} is in no layer: add it to LAYERS"));
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("a source file reads");
        for named in named_modules(&text) {
            let allowed = named == module || layer_of(&named).is_some_and(|l| l < layer);
            if !allowed {
                wrong.push(format!(
                    "{} names crate::{named}, which is not below {module}",
                    file.strip_prefix(&src).unwrap_or(&file).display()
                ));
            }
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
    // The table names no module that is gone.
    for layer in LAYERS {
        for module in *layer {
            assert!(
                seen.contains(*module),
                "LAYERS names {module}, which src/ does not have"
            );
        }
    }
}

#[test]
fn the_check_sees_an_import_that_goes_up() {
    assert_eq!(
        named_modules("use crate::pages::home;\nlet x = medborgarloften::app::App;"),
        BTreeSet::from(["pages".to_string()])
    );
    assert!(layer_of("device") < layer_of("catalog"));
}
