//! Shared by the integration tests: the real data folder, read the way the CLI reads it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use loften_core::{DataFiles, Dataset};

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn folder(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    files.sort();
    files
}

pub fn real_files() -> DataFiles {
    let dir = data_dir();
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    DataFiles {
        kommuner_csv: read("kommuner.csv"),
        lan_csv: read("lan.csv"),
        topics_json: read("topics.json"),
        areas_json: read("areas.json"),
        agreements: folder(&dir.join("agreements")),
        sources: folder(&dir.join("sources")),
    }
}

pub fn real_data() -> Dataset {
    Dataset::from_files(&real_files()).expect("the real data is valid")
}
