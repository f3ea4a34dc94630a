//! Shared by the tests that publish: the real data folder, a scratch folder, the command.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use loften_core::{DataFiles, Dataset};

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

pub fn real_data() -> Dataset {
    Dataset::from_files(&DataFiles::read_dir(&data_dir()).unwrap()).expect("the real data is valid")
}

/// An empty folder of this test run's own, named after `test` and `name`.
pub fn scratch(test: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("loften-{test}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Run `loften` and expect it to succeed.
pub fn loften(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_loften"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "loften {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// `loften publish` of the real data folder into `site`, with `extra` arguments.
pub fn publish(site: &Path, extra: &[&str]) -> Output {
    let data = data_dir();
    let mut args = vec![
        "publish",
        "--data",
        data.to_str().unwrap(),
        "--out",
        site.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    loften(&args)
}
