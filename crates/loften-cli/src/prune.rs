//! `loften prune`: earlier versions of the published data taken off a site once nothing needs
//! them. `publish` leaves each version's chunks in place, for the pages rendered from it and the
//! clients that read it; over a year of follow-ups and new agreements they add up. A client whose
//! version is gone loads the current one instead, so what must stay is the current version, the
//! versions the site's own pages were rendered from, and a few recent ones, so that a client
//! that read one of those does not load the whole of the current one at once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use loften_core::published::MANIFEST_PATH;
use serde_json::Value;

/// The folders whose files belong to versions.
const MANIFESTS_DIR: &str = "data/manifests";
const CHUNKS_DIR: &str = "data/chunks";
const SEARCH_DIR: &str = "data/search";
/// The copies the build writes beside a file for the server (`scripts/precompress.py`).
const COPIES: [&str; 2] = [".br", ".gz"];

/// A version of the data a site holds: what its manifest names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldVersion {
    pub version: String,
    /// As the manifest writes it (YYYY-MM-DD), which sorts as the days do.
    pub date: String,
    /// The site's files and folders it needs: its chunks and, with search in parts, the search
    /// index's folder.
    pub needs: Vec<String>,
}

impl HeldVersion {
    /// What a manifest names, read loosely: a version of any schema says this much, and one
    /// that does not is an error, so that nothing is removed that it might need.
    pub fn read(text: &str) -> Result<HeldVersion, String> {
        let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let text_at = |value: &Value, key: &str| {
            value
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| format!("no {key}"))
        };
        let chunks = value
            .get("chunks")
            .and_then(Value::as_array)
            .ok_or("no chunks")?;
        let mut needs = chunks
            .iter()
            .map(|chunk| text_at(chunk, "path"))
            .collect::<Result<Vec<_>, _>>()?;
        match value.get("search") {
            None | Some(Value::Null) => {}
            Some(search) => needs.push(text_at(search, "dir")?),
        }
        Ok(HeldVersion {
            version: text_at(&value, "version")?,
            date: text_at(&value, "date")?,
            needs,
        })
    }
}

/// Why a version stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Current,
    /// A page of the site was rendered from it.
    Rendered,
    /// Among the newest before the current one.
    Recent,
}

/// What pruning keeps and removes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The versions that stay, newest first, and why.
    pub kept: Vec<(HeldVersion, Reason)>,
    /// The versions that go.
    pub dropped: Vec<HeldVersion>,
    /// The site's files and folders to remove (their compressed copies go with them): the
    /// manifests of the versions that go, and every chunk and search folder no kept version
    /// needs.
    pub remove: Vec<String>,
}

/// Plan a pruning. `current` is the version the site serves, `held` those in its manifests'
/// folder, `rendered` the versions its pages name, `recent` how many of the newest others stay,
/// and `present` the chunks, search folders and manifests the site has (paths in the site).
pub fn plan(
    current: &HeldVersion,
    held: &[HeldVersion],
    rendered: &HashSet<String>,
    recent: usize,
    present: &[String],
) -> Plan {
    let mut others: Vec<&HeldVersion> = held
        .iter()
        .filter(|v| v.version != current.version)
        .collect();
    others.sort_by(|a, b| b.date.cmp(&a.date).then(b.version.cmp(&a.version)));
    let mut kept = vec![(current.clone(), Reason::Current)];
    let mut dropped = Vec::new();
    let mut left_recent = recent;
    for version in others {
        let reason = if rendered.contains(&version.version) {
            Some(Reason::Rendered)
        } else if left_recent > 0 {
            left_recent -= 1;
            Some(Reason::Recent)
        } else {
            None
        };
        match reason {
            Some(reason) => kept.push((version.clone(), reason)),
            None => dropped.push(version.clone()),
        }
    }
    let needed: HashSet<&str> = kept
        .iter()
        .flat_map(|(v, _)| v.needs.iter().map(String::as_str))
        .collect();
    let kept_manifests: HashSet<String> = kept
        .iter()
        .map(|(v, _)| manifest_path(&v.version))
        .collect();
    let remove = present
        .iter()
        .filter(|path| {
            if path.starts_with(MANIFESTS_DIR) {
                !kept_manifests.contains(*path)
            } else {
                !needed.contains(path.as_str())
            }
        })
        .cloned()
        .collect();
    Plan {
        kept,
        dropped,
        remove,
    }
}

fn manifest_path(version: &str) -> String {
    format!("{MANIFESTS_DIR}/{version}.json")
}

/// What `prune` did, or with `dry_run` would do.
#[derive(Debug)]
pub struct Pruned {
    pub plan: Plan,
    /// Bytes the removed files held, their compressed copies included.
    pub bytes: u64,
}

/// Prune the site `site` (see the module's comment), keeping `recent` versions beside the
/// current one and those its pages were rendered from. With `dry_run`, nothing is removed.
pub fn prune(site: &Path, recent: usize, dry_run: bool) -> Result<Pruned, String> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let version_at = |path: &Path| {
        HeldVersion::read(&read(path)?).map_err(|e| {
            format!(
                "{} does not read as a version of the data ({e}): nothing was removed",
                path.display()
            )
        })
    };
    let current = version_at(&site.join(MANIFEST_PATH))?;
    let mut held = Vec::new();
    let mut present = Vec::new();
    for path in files_in(&site.join(MANIFESTS_DIR))? {
        if is_manifest(&path) {
            held.push(version_at(&path)?);
            present.push(within(site, &path));
        }
    }
    for path in files_in(&site.join(CHUNKS_DIR))? {
        if !is_copy(&path) {
            present.push(within(site, &path));
        }
    }
    for path in entries_in(&site.join(SEARCH_DIR))? {
        if path.is_dir() {
            present.push(within(site, &path));
        }
    }
    let rendered = rendered_versions(site)?;
    let plan = plan(&current, &held, &rendered, recent, &present);
    let mut bytes = 0;
    for path in &plan.remove {
        let path = site.join(path);
        if path.is_dir() {
            bytes += size_of_folder(&path)?;
            if !dry_run {
                std::fs::remove_dir_all(&path)
                    .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
            }
            continue;
        }
        let copies = COPIES.iter().map(|ending| with_ending(&path, ending));
        for file in std::iter::once(path.clone()).chain(copies) {
            let Ok(meta) = std::fs::metadata(&file) else {
                continue;
            };
            bytes += meta.len();
            if !dry_run {
                std::fs::remove_file(&file)
                    .map_err(|e| format!("cannot remove {}: {e}", file.display()))?;
            }
        }
    }
    Ok(Pruned { plan, bytes })
}

/// The versions the site's pages name (`<meta name="data-version">`), which must stay.
fn rendered_versions(site: &Path) -> Result<HashSet<String>, String> {
    const META: &str = r#"<meta name="data-version" content=""#;
    let mut versions = HashSet::new();
    let mut folders = vec![site.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for path in entries_in(&folder)? {
            if path.is_dir() {
                // The data's own folders hold no pages.
                if path != site.join("data") {
                    folders.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "html") {
                let page = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                if let Some(at) = page.find(META) {
                    let rest = &page[at + META.len()..];
                    if let Some(end) = rest.find('"') {
                        versions.insert(rest[..end].to_string());
                    }
                }
            }
        }
    }
    Ok(versions)
}

/// A folder's entries, sorted; none if it does not exist.
fn entries_in(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("cannot read {}: {e}", folder.display())),
    };
    let mut paths = entries
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
    paths.sort();
    Ok(paths)
}

fn files_in(folder: &Path) -> Result<Vec<PathBuf>, String> {
    Ok(entries_in(folder)?
        .into_iter()
        .filter(|p| p.is_file())
        .collect())
}

fn size_of_folder(folder: &Path) -> Result<u64, String> {
    let mut bytes = 0;
    for path in entries_in(folder)? {
        bytes += if path.is_dir() {
            size_of_folder(&path)?
        } else {
            std::fs::metadata(&path).map_or(0, |m| m.len())
        };
    }
    Ok(bytes)
}

fn is_copy(path: &Path) -> bool {
    COPIES
        .iter()
        .any(|ending| path.to_string_lossy().ends_with(ending))
}

fn is_manifest(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "json")
}

fn with_ending(path: &Path, ending: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(ending);
    PathBuf::from(name)
}

/// A path as the site names it: relative, with forward slashes.
fn within(site: &Path, path: &Path) -> String {
    path.strip_prefix(site)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(name: &str, date: &str, needs: &[&str]) -> HeldVersion {
        HeldVersion {
            version: name.into(),
            date: date.into(),
            needs: needs.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn keeps_the_current_the_rendered_and_the_newest_others_and_what_they_need() {
        let v1 = version(
            "a1",
            "2026-01-10",
            &["data/chunks/r1.bin", "data/chunks/k.bin"],
        );
        let v2 = version(
            "b2",
            "2026-06-01",
            &["data/chunks/r2.bin", "data/chunks/k.bin"],
        );
        let v3 = version(
            "c3",
            "2026-09-01",
            &["data/chunks/r3.bin", "data/search/s3"],
        );
        let v4 = version(
            "d4",
            "2026-12-05",
            &["data/chunks/r4.bin", "data/chunks/k.bin"],
        );
        let held = [v1.clone(), v2.clone(), v3.clone(), v4.clone()];
        let present: Vec<String> = [
            "data/manifests/a1.json",
            "data/manifests/b2.json",
            "data/manifests/c3.json",
            "data/manifests/d4.json",
            "data/chunks/k.bin",
            "data/chunks/r1.bin",
            "data/chunks/r2.bin",
            "data/chunks/r3.bin",
            "data/chunks/r4.bin",
            "data/chunks/orphan.bin",
            "data/search/s3",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let rendered: HashSet<String> = ["a1".to_string()].into();
        let plan = plan(&v4, &held, &rendered, 1, &present);
        assert_eq!(
            plan.kept,
            vec![
                (v4, Reason::Current),
                (v3, Reason::Recent),
                (v1, Reason::Rendered)
            ]
        );
        assert_eq!(plan.dropped, vec![v2]);
        // What only the dropped version needed, and what no version names; a chunk a kept
        // version shares stays.
        assert_eq!(
            plan.remove,
            vec![
                "data/manifests/b2.json",
                "data/chunks/r2.bin",
                "data/chunks/orphan.bin"
            ]
        );
    }

    #[test]
    fn with_no_others_kept_only_the_current_version_stays() {
        let old = version("a1", "2026-01-10", &["data/chunks/r1.bin"]);
        let now = version("b2", "2026-06-01", &["data/chunks/r2.bin"]);
        let present = vec![
            "data/chunks/r1.bin".to_string(),
            "data/chunks/r2.bin".to_string(),
        ];
        let plan = plan(
            &now,
            &[old.clone(), now.clone()],
            &HashSet::new(),
            0,
            &present,
        );
        assert_eq!(plan.kept, vec![(now, Reason::Current)]);
        assert_eq!(plan.dropped, vec![old]);
        assert_eq!(plan.remove, vec!["data/chunks/r1.bin"]);
    }

    #[test]
    fn a_manifest_is_read_for_what_it_names_whatever_its_schema() {
        let text = r#"{"schema": 9, "version": "v", "date": "2026-12-05", "chunks": [{"path": "data/chunks/a.bin", "more": 1}], "search": {"dir": "data/search/s"}}"#;
        assert_eq!(
            HeldVersion::read(text),
            Ok(version(
                "v",
                "2026-12-05",
                &["data/chunks/a.bin", "data/search/s"]
            ))
        );
        assert!(HeldVersion::read(r#"{"version": "v", "date": "2026-12-05"}"#).is_err());
        assert!(HeldVersion::read("not json").is_err());
    }
}
