//! Shared by the integration tests: the real data folder, a scratch folder and the command,
//! for the tests that publish; and, for those that score what a reader drafts against what a
//! careful person made from the same pages, the corpus's pages, true and false positives per
//! field, precision, recall and their floors. Each test file uses part of it.
#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::hash::Hash;
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

/// The names of a corpus folder's pages, sorted: their `.txt` files without the ending,
/// those written after the reader (named `h…`) or the others.
pub fn page_names(dir: &Path, held_out: bool) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".txt")?.to_string())
        })
        .filter(|name| name.starts_with('h') == held_out)
        .collect();
    names.sort();
    names
}

/// A corpus page's file of that ending: its text, its saved page, what it should give.
pub fn page_file(dir: &Path, name: &str, ending: &str) -> String {
    std::fs::read_to_string(dir.join(format!("{name}.{ending}")))
        .unwrap_or_else(|e| panic!("{name}.{ending}: {e}"))
}

/// True positives, false positives and false negatives of one field.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Score {
    /// Nothing claimed is nothing wrong.
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }

    /// Nothing to find is nothing missed.
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }

    /// A set-valued field: each item found and curated is right.
    pub fn sets<T: Eq + Hash>(
        &mut self,
        found: impl IntoIterator<Item = T>,
        curated: impl IntoIterator<Item = T>,
    ) {
        let found: HashSet<T> = found.into_iter().collect();
        let curated: HashSet<T> = curated.into_iter().collect();
        self.tp += found.intersection(&curated).count();
        self.fp += found.difference(&curated).count();
        self.fn_ += curated.difference(&found).count();
    }

    /// A single value: right; wrong (both a false positive and a false negative); or one-sided.
    pub fn value<T: PartialEq>(&mut self, found: Option<T>, curated: Option<T>) {
        match (found, curated) {
            (Some(f), Some(c)) if f == c => self.tp += 1,
            (f, c) => {
                self.fp += usize::from(f.is_some());
                self.fn_ += usize::from(c.is_some());
            }
        }
    }
}

pub type Scores = HashMap<&'static str, Score>;

/// Adds one page's scores into a total.
pub fn add(total: &mut Scores, scores: Scores) {
    for (field, score) in scores {
        let sum = total.entry(field).or_default();
        sum.tp += score.tp;
        sum.fp += score.fp;
        sum.fn_ += score.fn_;
    }
}

/// The scores of `fields`, one row each, for `--nocapture`.
pub fn print_table(fields: &[&str], scores: &Scores) {
    let width = fields.iter().map(|f| f.chars().count()).max().unwrap_or(0);
    println!(
        "\n{:<width$} {:>4} {:>4} {:>4} {:>10} {:>8}",
        "field", "TP", "FP", "FN", "precision", "recall"
    );
    for &field in fields {
        let s = scores.get(field).copied().unwrap_or_default();
        println!(
            "{:<width$} {:>4} {:>4} {:>4} {:>9.1}% {:>7.1}%",
            field,
            s.tp,
            s.fp,
            s.fn_,
            100.0 * s.precision(),
            100.0 * s.recall()
        );
    }
}

/// Each field's precision and recall at least its floor, (precision, recall).
pub fn assert_floors(
    what: &str,
    fields: &[&str],
    scores: &Scores,
    floor: impl Fn(&str) -> (f64, f64),
) {
    let failures: Vec<String> = fields
        .iter()
        .filter_map(|&field| {
            let s = scores.get(field).copied().unwrap_or_default();
            let (precision, recall) = floor(field);
            // Rounded as the table prints them, so a floor copied from the table holds.
            let round = |x: f64| (x * 1000.0).round() / 1000.0;
            (round(s.precision()) < precision || round(s.recall()) < recall).then(|| {
                format!(
                    "{field}: precision {:.3}, recall {:.3} (need {precision}, {recall})",
                    s.precision(),
                    s.recall()
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{what}:\n{}", failures.join("\n"));
}
