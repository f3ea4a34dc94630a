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

#[test]
fn a_share_of_the_synthetic_agreements_have_reports_with_statuses() {
    let data = generate(&real_data(), 300, 7);
    let reports_of =
        |a: &loften_core::Agreement| a.follow_up.as_ref().map_or(0, |f| f.reports.len());
    let with_reports = data.agreements.iter().filter(|a| reports_of(a) > 0).count();
    assert!(
        (60..=140).contains(&with_reports),
        "{with_reports} of 300 agreements have reports"
    );
    assert!(data.agreements.iter().all(|a| reports_of(a) <= 3));
    let mut statuses = 0;
    let mut followed_up = 0;
    let mut activities = 0;
    for agreement in data.agreements.iter().filter(|a| reports_of(a) > 0) {
        let reports = &agreement.follow_up.as_ref().unwrap().reports;
        statuses += reports.iter().map(|r| r.statuses.len()).sum::<usize>();
        activities += agreement.activities.len();
        followed_up += agreement
            .activities
            .iter()
            .filter(|a| loften_core::followups::activity_status(agreement, &a.id).is_some())
            .count();
        // Newest first, as the sources list them.
        let ends: Vec<_> = reports.iter().map(|r| r.period.unwrap().end).collect();
        assert!(ends.windows(2).all(|w| w[0] > w[1]), "{ends:?}");
    }
    assert!(statuses > 0);
    assert!(
        followed_up < activities,
        "only a share of the activities are followed up"
    );
    let all_statuses: Vec<_> = data
        .agreements
        .iter()
        .flat_map(|a| a.follow_up.iter().flat_map(|f| &f.reports))
        .flat_map(|r| &r.statuses)
        .collect();
    for status in loften_core::Progress::ALL {
        assert!(
            all_statuses.iter().any(|s| s.status == status),
            "no status {status:?}"
        );
    }
    assert!(all_statuses.iter().any(|s| s.count.is_some()));
    assert!(all_statuses.iter().any(|s| s.text.is_some()));
}
