//! The app's formats on the synthetic dataset (what the benchmarks serve), and the commands
//! that write them: `loften publish` writes the manifest and chunks beside the open-data JSON,
//! and `loften pack` turns a JSON dataset into a binary bundle.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{data_dir, loften, real_data};
use loften_core::published::{assemble, read_manifest};
use loften_core::query::Group;
use loften_core::{bundle, Agreement, Dataset, Results};

fn synthetic() -> Dataset {
    loften_cli::synth::generate(&real_data(), 300, 7)
}

fn scratch(name: &str) -> PathBuf {
    common::scratch("formats", name)
}

#[test]
fn the_bundle_gives_back_the_synthetic_dataset() {
    let data = synthetic();
    let bytes = bundle::encode(&data);
    let json = serde_json::to_string(&data).unwrap();
    assert!(
        bytes.len() < json.len(),
        "{} bytes against {} of JSON",
        bytes.len(),
        json.len()
    );
    assert_eq!(bundle::decode(&bytes), Ok(data));
}

#[test]
fn export_json_is_serde_jsons_text_on_the_synthetic_dataset() {
    let data = synthetic();
    let results = Results {
        groups: (0..data.agreements.len())
            .map(|agreement| Group {
                agreement,
                promises: vec![],
                activities: vec![],
            })
            .collect(),
        record_count: 0,
        facets: Default::default(),
    };
    let agreements: Vec<&Agreement> = data.agreements.iter().collect();
    assert_eq!(
        loften_core::views::export_json(&data, &results),
        serde_json::to_string_pretty(&agreements).unwrap()
    );
}

#[test]
fn publish_writes_a_manifest_and_chunks_of_the_open_datas_dataset() {
    let out = scratch("publish");
    let publish = |extra: &[&str]| {
        common::publish(&out, extra);
        let text = std::fs::read_to_string(out.join("data/manifest.json")).unwrap();
        read_manifest(&text).unwrap()
    };
    let manifest = publish(&["--date", "2026-12-05"]);
    let chunks: Vec<(String, Vec<u8>)> = manifest
        .chunks
        .iter()
        .map(|c| (c.path.clone(), std::fs::read(out.join(&c.path)).unwrap()))
        .collect();
    let open: Dataset = serde_json::from_str(
        &std::fs::read_to_string(out.join("data/medborgarloften.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(assemble(&manifest, &chunks).as_ref(), Ok(&open));
    assert_eq!(open, real_data());
    assert_eq!(
        std::fs::read(out.join(format!("data/manifests/{}.json", manifest.version))).unwrap(),
        std::fs::read(out.join("data/manifest.json")).unwrap()
    );
    assert!(out.join("data/sources/001_a31d958f5b0b3e22.txt").is_file());
    // The statuses' own sheet: the real data has no statuses, so its columns alone.
    let statuses = std::fs::read_to_string(out.join("data/uppfoljningar.csv")).unwrap();
    assert_eq!(statuses.lines().count(), 1);
    assert!(statuses.contains("agreement") && statuses.contains("status_sv"));
    assert!(
        !out.join("data/bundle.bin").exists(),
        "the app reads the chunks"
    );

    // Published again without a date, the same data keeps its version and its date.
    assert_eq!(publish(&[]), manifest);

    // Other data: a new version beside the old, whose chunks stay for the clients that hold it.
    let mut changed = real_data();
    changed.agreements.pop();
    let json = out.join("changed.json");
    std::fs::write(&json, serde_json::to_string(&changed).unwrap()).unwrap();
    let next = publish(&["--dataset", json.to_str().unwrap(), "--date", "2026-12-24"]);
    assert_ne!(next.version, manifest.version);
    assert_eq!(next.date.to_string(), "2026-12-24");
    for chunk in manifest.chunks.iter().chain(&next.chunks) {
        assert!(out.join(&chunk.path).is_file(), "{}", chunk.path);
    }
    assert!(out
        .join(format!("data/manifests/{}.json", manifest.version))
        .is_file());
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn pack_turns_a_json_dataset_into_the_binary_bundle() {
    let out = scratch("pack");
    let json = out.join("synth.json");
    loften(&[
        "synth",
        "--agreements",
        "40",
        "--seed",
        "3",
        "--data",
        data_dir().to_str().unwrap(),
        "--out",
        json.to_str().unwrap(),
    ]);
    loften(&[
        "pack",
        json.to_str().unwrap(),
        "--out",
        out.join("bundle.bin").to_str().unwrap(),
    ]);
    let from_json: Dataset =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(from_json.agreements.len(), 40);
    assert_eq!(
        bundle::decode(&std::fs::read(out.join("bundle.bin")).unwrap()),
        Ok(from_json)
    );

    // Something that is not a dataset fails with the file's name, and writes nothing.
    std::fs::write(out.join("bad.json"), "{\"agreements\": 3}").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_loften"))
        .args([
            "pack",
            out.join("bad.json").to_str().unwrap(),
            "--out",
            out.join("bad.bin").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("bad.json: not a dataset in JSON"));
    assert!(!out.join("bad.bin").exists());
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn prune_takes_earlier_versions_off_and_keeps_what_pages_and_recent_clients_read() {
    let out = scratch("prune");
    let manifest_of = |out: &std::path::Path| {
        read_manifest(&std::fs::read_to_string(out.join("data/manifest.json")).unwrap()).unwrap()
    };
    // Three versions, each with one agreement fewer than the last, in parts (a search folder
    // each); the site's one page was rendered from the first.
    let mut versions = Vec::new();
    let mut data = real_data();
    for date in ["2026-01-10", "2026-06-01", "2026-12-05"] {
        let json = out.join(format!("{date}.json"));
        std::fs::write(&json, serde_json::to_string(&data).unwrap()).unwrap();
        common::publish(
            &out,
            &[
                "--dataset",
                json.to_str().unwrap(),
                "--date",
                date,
                "--search",
                "parts",
            ],
        );
        versions.push(manifest_of(&out));
        data.agreements.pop();
    }
    let [first, second, current] = [&versions[0], &versions[1], &versions[2]];
    std::fs::create_dir_all(out.join("kommun/eslov")).unwrap();
    std::fs::write(
        out.join("kommun/eslov/index.html"),
        format!(
            r#"<head><meta name="data-version" content="{}"></head>"#,
            first.version
        ),
    )
    .unwrap();
    let chunks_of = |m: &loften_core::published::Manifest| -> Vec<(String, Vec<u8>)> {
        m.chunks
            .iter()
            .map(|c| (c.path.clone(), std::fs::read(out.join(&c.path)).unwrap()))
            .collect()
    };
    let only_second: Vec<&str> = second
        .chunks
        .iter()
        .map(|c| c.path.as_str())
        .filter(|p| {
            ![first, current]
                .iter()
                .any(|m| m.chunks.iter().any(|c| c.path == *p))
        })
        .collect();
    assert!(!only_second.is_empty());
    let second_search = &second.search.as_ref().unwrap().dir;

    // A dry run removes nothing.
    let site = out.to_str().unwrap();
    let said = loften(&["prune", "--out", site, "--keep", "0", "--dry-run"]);
    assert!(String::from_utf8_lossy(&said.stdout).contains("would remove"));
    assert!(out.join(only_second[0]).is_file() && out.join(second_search).is_dir());

    // Kept: the current version and the page's; the second, only the recent one, goes.
    let said = String::from_utf8(loften(&["prune", "--out", site, "--keep", "0"]).stdout).unwrap();
    assert!(
        said.contains(&format!("takes off {}", second.version)),
        "{said}"
    );
    for path in &only_second {
        assert!(!out.join(path).exists(), "{path}");
    }
    assert!(!out.join(second_search).exists());
    assert!(!out
        .join(format!("data/manifests/{}.json", second.version))
        .exists());
    // What stays reads whole, as the clients and the page read it.
    for kept in [first, current] {
        assert!(assemble(kept, &chunks_of(kept)).is_ok(), "{}", kept.version);
        assert!(out.join(&kept.search.as_ref().unwrap().dir).is_dir());
    }
    assert_eq!(&manifest_of(&out), current);
    // Nothing more to take off.
    let again = String::from_utf8(loften(&["prune", "--out", site, "--keep", "0"]).stdout).unwrap();
    assert!(again.contains("removed 0 files"), "{again}");

    // A manifest that does not read leaves everything as it is.
    std::fs::write(out.join("data/manifests/ffffffffffffffff.json"), "{").unwrap();
    let failed = Command::new(env!("CARGO_BIN_EXE_loften"))
        .args(["prune", "--out", site])
        .output()
        .unwrap();
    assert!(!failed.status.success());
    assert!(String::from_utf8_lossy(&failed.stderr).contains("nothing was removed"));
    std::fs::remove_dir_all(out).unwrap();
}
