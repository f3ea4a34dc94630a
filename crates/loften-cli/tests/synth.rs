//! The synthetic dataset on the real data's templates: a vocabulary the size a national
//! dataset would have, in the shape of real text (a few words very common, most rare), with
//! the real words still the most frequent, the same for the same seed, and a valid dataset.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use loften_cli::synth::{generate, word_counts};
use loften_core::{DataFiles, Dataset};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn real_data() -> Dataset {
    Dataset::from_files(&DataFiles::read_dir(&data_dir()).unwrap()).expect("the real data is valid")
}

/// Words, most frequent first (ties in alphabetical order).
fn ranked(counts: &HashMap<String, usize>) -> Vec<(&str, usize)> {
    let mut ranked: Vec<(&str, usize)> = counts.iter().map(|(w, &n)| (w.as_str(), n)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked
}

#[test]
fn three_thousand_agreements_have_the_vocabulary_of_a_national_dataset() {
    let real = real_data();
    let real_words = word_counts(&real);
    let data = generate(&real, 3000, 1);
    let counts = word_counts(&data);
    assert!(
        (9_000..=32_000).contains(&counts.len()),
        "{} distinct words in 3000 agreements",
        counts.len()
    );
    // Half the agreements find fewer new words, as real text does (Heaps' law), but many more
    // than half as many.
    let half = word_counts(&generate(&real, 1500, 1)).len();
    assert!(
        half < counts.len() && half * 3 > counts.len() * 2,
        "{half} distinct words in 1500 agreements, {} in 3000",
        counts.len()
    );

    let ranked = ranked(&counts);
    let tokens: usize = ranked.iter().map(|(_, n)| n).sum();
    let top_ten: usize = ranked[..10].iter().map(|(_, n)| n).sum();
    let once = ranked.iter().filter(|(_, n)| *n == 1).count();
    assert!(
        top_ten * 5 > tokens,
        "the ten most frequent words are {top_ten} of {tokens} words"
    );
    assert!(
        once * 4 > counts.len(),
        "{once} of {} distinct words occur once",
        counts.len()
    );
    let real_in_top = ranked[..50]
        .iter()
        .filter(|(w, _)| real_words.contains_key(*w))
        .count();
    assert!(
        real_in_top >= 45,
        "{real_in_top} of the 50 most frequent words are real: {:?}",
        &ranked[..50]
    );
}

#[test]
fn the_same_seed_gives_the_same_words() {
    let real = real_data();
    let one = generate(&real, 200, 7);
    assert_eq!(one, generate(&real, 200, 7));
    let other = generate(&real, 200, 8);
    assert_ne!(word_counts(&one), word_counts(&other));
}

#[test]
fn the_synthetic_dataset_passes_the_checks_of_a_dataset() {
    let data = generate(&real_data(), 300, 7);
    assert_eq!(data.problems_in_files(&[], &HashMap::new()), vec![]);
    let json = serde_json::to_string(&data).unwrap();
    assert_eq!(serde_json::from_str::<Dataset>(&json).unwrap(), data);
}

#[test]
fn each_text_is_as_long_in_words_as_a_real_one() {
    let real = real_data();
    let lengths = |data: &Dataset| -> std::collections::HashSet<usize> {
        data.agreements
            .iter()
            .flat_map(|a| &a.activities)
            .map(|a| a.text.split(' ').count())
            .collect()
    };
    let real_lengths = lengths(&real);
    let synthetic = generate(&real, 300, 7);
    assert!(lengths(&synthetic).is_subset(&real_lengths));
}
