//! The search index in parts, as it is published: the words cut by their first letters, so that
//! a search loads the few parts its terms need, not the index of the whole country.
//!
//! A term finds the words it begins (in the part of its first two letters, folded: "po" holds
//! "polisen" and "pöbel") and, from four letters on, the words it is inside (in the part of its
//! first three letters, which holds every word with those three letters somewhere after its
//! start and at least four letters from there to its end). So an index assembled from the parts
//! a query names answers it exactly as the whole index would.
//!
//! A term of one letter begins a word in every part of that letter: a dozen parts, the largest
//! share of the index, at a search's first key. Its letter's part answers it instead: for each
//! letter that folds to it, one word, the letter itself, found in every document a word
//! beginning with that letter is. A term finds a word of one letter only if it is that letter,
//! so the letter's documents are exactly what the term finds; the parts of the letter's words
//! are loaded after it, for the next key.

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

    /// Add its words to `words` ([`merge_words`]).
    pub fn merge_into(self, words: &mut Words) {
        merge_words(words, self.into_words());
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

/// Add `more` to `words`, a word both hold with the documents of both: a letter's word and a
/// word of one letter are one and the same (see the module's note), and either may come first.
pub fn merge_words(words: &mut Words, more: impl IntoIterator<Item = (String, Vec<u32>)>) {
    for (word, documents) in more {
        let held = words.entry(word).or_default();
        held.extend(documents);
        held.sort_unstable();
        held.dedup();
    }
}

/// The key of the part that holds the words a folded term begins.
fn prefix_key(folded: &str) -> String {
    folded.chars().take(PREFIX_CHARS).collect()
}

/// The first letter of a word: folded, the key of the letter's part it is found under; as
/// written, its word in that part.
fn letter_key(folded: &str) -> String {
    folded.chars().take(1).collect()
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
/// each by its key, and the letters' parts, by the letter folded.
pub struct Parts {
    pub prefixes: BTreeMap<String, WordPart>,
    pub infixes: BTreeMap<String, WordPart>,
    pub letters: BTreeMap<String, WordPart>,
}

impl Parts {
    pub fn of(words: &Words) -> Parts {
        let mut sorted: Vec<(&String, &Vec<u32>)> = words.iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut prefixes: BTreeMap<String, Vec<(&String, &Vec<u32>)>> = BTreeMap::new();
        let mut infixes: BTreeMap<String, Vec<(&String, &Vec<u32>)>> = BTreeMap::new();
        // Folded letter → its letters as written → every document a word of theirs is in.
        let mut letters: BTreeMap<String, BTreeMap<String, Vec<u32>>> = BTreeMap::new();
        for (word, documents) in sorted {
            let folded = fold(word);
            letters
                .entry(letter_key(&folded))
                .or_default()
                .entry(letter_key(word))
                .or_default()
                .extend(documents);
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
        let letters = letters
            .into_iter()
            .map(|(key, written)| {
                let mut written: Vec<(String, Vec<u32>)> = written.into_iter().collect();
                for (_, documents) in &mut written {
                    documents.sort_unstable();
                    documents.dedup();
                }
                (key, WordPart::of(written.iter().map(|(w, d)| (w, d))))
            })
            .collect();
        Parts {
            prefixes: into_parts(prefixes),
            infixes: into_parts(infixes),
            letters,
        }
    }
}

/// The parts of a search, by their keys among those published.
#[derive(Debug, Default, PartialEq)]
pub struct Wanted<'a> {
    pub letters: Vec<&'a str>,
    pub prefixes: Vec<&'a str>,
    pub infixes: Vec<&'a str>,
}

fn want<'a>(list: &mut Vec<&'a str>, key: &'a str) {
    if !list.contains(&key) {
        list.push(key);
    }
}

/// The letters with a part of their own, among the keys of the word beginnings published.
pub fn letters_of(prefixes: &[String]) -> Vec<String> {
    // The keys are published in order, so each letter's come together.
    let mut letters: Vec<String> = prefixes.iter().map(|key| letter_key(key)).collect();
    letters.dedup();
    letters
}

/// Which parts a search's terms need, among the keys published: for each term, the part of its
/// beginning (for a one-letter term, its letter's part, or where the letters have none, every
/// part that begins with the letter) and, from four letters on, the part of its first three.
pub fn keys_for<'a>(
    terms: &[String],
    letters: &'a [String],
    prefixes: &'a [String],
    infixes: &'a [String],
) -> Wanted<'a> {
    let mut wanted = Wanted::default();
    for term in terms {
        let folded = fold(term);
        let length = folded.chars().count();
        if length < PREFIX_CHARS {
            if let Some(letter) = letters.iter().find(|letter| **letter == folded) {
                want(&mut wanted.letters, letter);
                continue;
            }
        }
        let beginning = prefix_key(&folded);
        for key in prefixes {
            let takes = if length < PREFIX_CHARS {
                key.starts_with(&beginning)
            } else {
                *key == beginning
            };
            if takes {
                want(&mut wanted.prefixes, key);
            }
        }
        if length >= MIN_INFIX_CHARS {
            let inside: String = folded.chars().take(INFIX_CHARS).collect();
            if let Some(key) = infixes.iter().find(|key| **key == inside) {
                want(&mut wanted.infixes, key);
            }
        }
    }
    wanted
}

/// Parts a search will need at its next letter, to load once it has its own: for a term of one
/// letter answered by the letter's part, every part of words beginning with the letter; for a
/// term of three letters, the part of the words it will be inside of at four.
pub fn keys_ahead<'a>(
    terms: &[String],
    letters: &[String],
    prefixes: &'a [String],
    infixes: &'a [String],
) -> Wanted<'a> {
    let mut ahead = Wanted::default();
    for term in terms {
        let folded = fold(term);
        let length = folded.chars().count();
        if length < PREFIX_CHARS && letters.contains(&folded) {
            for key in prefixes.iter().filter(|key| key.starts_with(&folded)) {
                want(&mut ahead.prefixes, key);
            }
        }
        if length + 1 == MIN_INFIX_CHARS {
            if let Some(key) = infixes.iter().find(|key| **key == folded) {
                want(&mut ahead.infixes, key);
            }
        }
    }
    ahead
}
