//! The logic behind `loften` commands that deserves tests of its own: importing a published
//! page's text as draft agreements, taking in follow-up reports, publishing the data apart
//! from the app, with its Atom feeds, and taking earlier versions off a site. `main.rs` stays
//! the thin command line around it.

pub mod feeds;
pub mod followup;
pub mod import;
pub mod prune;
pub mod publish;
pub mod rng;
pub mod synth;

/// Write a file, making its folder first.
pub fn write_file(path: &std::path::Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
