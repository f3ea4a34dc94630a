//! The search index in parts, as it is published: the words cut by their first letters, so that
//! a search loads the few parts its terms need, not the index of the whole country.
//!
//! A term finds the words it begins (in the part of its first two letters, folded: "po" holds
//! "polisen" and "pöbel") and, from four letters on, the words it is inside (in the part of its
//! first three letters, which holds every word with those three letters somewhere after its
//! start and at least four letters from there to its end). So an index assembled from the parts
//! a query names answers it exactly as the whole index would.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::query::{Words, MIN_INFIX_CHARS};
use crate::text::fold;

/// The letters that key the parts of word beginnings.
const PREFIX_CHARS: usize = 2;
/// The letters that key the parts of word insides.
const INFIX_CHARS: usize = 3;

/// Words with the documents they occur in; each list as the gaps between its ids, smaller
/// numbers that pack into fewer bytes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WordPart {
    words: Vec<(String, Vec<u32>)>,
}

impl WordPart {
    fn of<'a>(entries: impl IntoIterator<Item = (&'a String, &'a Vec<u32>)>) -> WordPart {
        let words = entries
            .into_iter()
            .map(|(word, documents)| {
                // In the order the texts were read, which is not the documents' own.
                let mut sorted = documents.clone();
                sorted.sort_unstable();
                let gaps = sorted
                    .iter()
                    .scan(0u32, |last, &doc| {
                        let gap = doc.wrapping_sub(*last);
                        *last = doc;
                        Some(gap)
                    })
                    .collect();
                (word.clone(), gaps)
            })
            .collect();
        WordPart { words }
    }

    /// Its words with their documents, as `Index::assemble` takes them.
    pub fn into_words(self) -> impl Iterator<Item = (String, Vec<u32>)> {
        self.words.into_iter().map(|(word, gaps)| {
            let documents = gaps
                .into_iter()
                .scan(0u32, |last, gap| {
                    *last = last.saturating_add(gap);
                    Some(*last)
                })
                .collect();
            (word, documents)
        })
    }
}

/// The key of the part that holds the words a folded term begins.
fn prefix_key(folded: &str) -> String {
    folded.chars().take(PREFIX_CHARS).collect()
}

/// The keys of the parts that hold a word (folded) for the terms inside it.
fn infix_keys(folded: &str) -> Vec<String> {
    let chars: Vec<char> = folded.chars().collect();
    let mut keys: Vec<String> = Vec::new();
    for start in 1..chars.len() {
        if chars.len() - start < MIN_INFIX_CHARS {
            break;
        }
        let key: String = chars[start..start + INFIX_CHARS].iter().collect();
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// The whole vocabulary cut into parts: those of word beginnings and those of word insides,
/// each by its key.
pub struct Parts {
    pub prefixes: BTreeMap<String, WordPart>,
    pub infixes: BTreeMap<String, WordPart>,
}

impl Parts {
    pub fn of(words: &Words) -> Parts {
        let mut sorted: Vec<(&String, &Vec<u32>)> = words.iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut prefixes: BTreeMap<String, Vec<(&String, &Vec<u32>)>> = BTreeMap::new();
        let mut infixes: BTreeMap<String, Vec<(&String, &Vec<u32>)>> = BTreeMap::new();
        for (word, documents) in sorted {
            let folded = fold(word);
            prefixes
                .entry(prefix_key(&folded))
                .or_default()
                .push((word, documents));
            for key in infix_keys(&folded) {
                infixes.entry(key).or_default().push((word, documents));
            }
        }
        let into_parts = |map: BTreeMap<String, Vec<(&String, &Vec<u32>)>>| {
            map.into_iter()
                .map(|(key, entries)| (key, WordPart::of(entries)))
                .collect()
        };
        Parts {
            prefixes: into_parts(prefixes),
            infixes: into_parts(infixes),
        }
    }
}

/// Which parts a search's terms need, among the keys published: for each term, the part of its
/// beginning (for a one-letter term, every part that begins with the letter) and, from four
/// letters on, the part of its first three.
pub fn keys_for<'a>(
    terms: &[String],
    prefixes: &'a [String],
    infixes: &'a [String],
) -> (Vec<&'a str>, Vec<&'a str>) {
    let mut wanted_prefixes: Vec<&str> = Vec::new();
    let mut wanted_infixes: Vec<&str> = Vec::new();
    let want = |list: &mut Vec<&'a str>, key: &'a String| {
        if !list.contains(&key.as_str()) {
            list.push(key);
        }
    };
    for term in terms {
        let folded = fold(term);
        let length = folded.chars().count();
        let beginning = prefix_key(&folded);
        for key in prefixes {
            let takes = if length < PREFIX_CHARS {
                key.starts_with(&beginning)
            } else {
                *key == beginning
            };
            if takes {
                want(&mut wanted_prefixes, key);
            }
        }
        if length >= MIN_INFIX_CHARS {
            let inside: String = folded.chars().take(INFIX_CHARS).collect();
            if let Some(key) = infixes.iter().find(|key| **key == inside) {
                want(&mut wanted_infixes, key);
            }
        }
    }
    (wanted_prefixes, wanted_infixes)
}

/// Parts a search will need at its next letter, to load ahead while the visitor types it: for a
/// term of three letters, the part of the words it will be inside of at four.
pub fn keys_ahead<'a>(terms: &[String], infixes: &'a [String]) -> Vec<&'a str> {
    let mut ahead: Vec<&str> = Vec::new();
    for term in terms {
        let folded = fold(term);
        if folded.chars().count() + 1 != MIN_INFIX_CHARS {
            continue;
        }
        if let Some(key) = infixes.iter().find(|key| **key == folded) {
            if !ahead.contains(&key.as_str()) {
                ahead.push(key);
            }
        }
    }
    ahead
}
