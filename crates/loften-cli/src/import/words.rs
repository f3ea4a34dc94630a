//! Words of a text with where they sit, so the importer can cut phrases out verbatim
//! ("minst två … per år") and look names up without scanning the text once per name.

use std::collections::HashMap;

use loften_core::text::{fold, lowercase};

use super::lexicon::STEM_ENDINGS;

/// A run of letters and digits with its byte range in the text it came from.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub text: &'a str,
    /// Lowercased, diacritics kept: Swedish cues are written with å, ä, ö.
    pub lower: String,
    pub start: usize,
    pub end: usize,
}

impl Word<'_> {
    /// "Vätterhem", "Räddningstjänsten": an upper-case letter followed by lower-case ones.
    /// All-capital abbreviations ("SSG") are not names of places or partners here.
    pub fn is_capitalized(&self) -> bool {
        let mut chars = self.text.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    }

    pub fn is(&self, lower: &str) -> bool {
        self.lower == lower
    }
}

/// Every word of a text in order. Hyphens and punctuation separate words.
pub fn words_of(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = &text[s..i];
                out.push(Word {
                    text: word,
                    lower: lowercase(word),
                    start: s,
                    end: i,
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// What stands between two words of the same text: spaces, punctuation, hyphens.
pub fn gap<'a>(text: &'a str, before: &Word, after: &Word) -> &'a str {
    text.get(before.end..after.start).unwrap_or("")
}

/// Whether only spaces stand between two words: they belong to one phrase.
pub fn adjacent(text: &str, before: &Word, after: &Word) -> bool {
    gap(text, before, after).chars().all(char::is_whitespace)
}

/// Sentences: cut after ".", "!" or "?" when whitespace follows, so "polisen.se" and
/// "alkohol/droger" stay whole, and at line breaks, which end a paragraph or a heading
/// (a caption without a closing period is no part of the text after it). Trimmed.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
        if c == '\n' || (matches!(c, '.' | '!' | '?') && next_is_space) {
            let end = i + c.len_utf8();
            push_trimmed(&mut out, &text[start..end]);
            start = end;
        }
    }
    push_trimmed(&mut out, &text[start..]);
    out
}

fn push_trimmed<'a>(out: &mut Vec<&'a str>, sentence: &'a str) {
    let sentence = sentence.trim();
    if !sentence.is_empty() {
        out.push(sentence);
    }
}

/// Upper-case the first letter: "södra Vätterbygden" → "Södra Vätterbygden".
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A phrase's words, folded: what `WordIndex` compares.
pub fn folded_words(phrase: &str) -> Vec<String> {
    words_of(phrase).iter().map(|w| fold(w.text)).collect()
}

/// A folded word without its inflection, so that "skolor", "skola" and "skolorna" are one
/// stem, and "fotpatrullering" and "fotpatrullera" another: at most two endings of
/// `STEM_ENDINGS` go, and a stem keeps at least four letters.
pub fn light_stem(folded: &str) -> &str {
    let mut stem = folded;
    for _ in 0..2 {
        let shorter = STEM_ENDINGS.iter().find_map(|ending| {
            stem.strip_suffix(ending)
                .filter(|rest| rest.chars().count() >= 4)
        });
        match shorter {
            Some(rest) => stem = rest,
            None => break,
        }
    }
    stem
}

/// The folded words of a text with an index from each word to where it occurs, so a phrase
/// ("Jönköpings kommun", "Öxnehaga torg") is found by its first word's few positions.
pub struct WordIndex {
    words: Vec<String>,
    at: HashMap<String, Vec<usize>>,
}

impl WordIndex {
    pub fn new(text: &str) -> Self {
        let words: Vec<String> = words_of(text).iter().map(|w| fold(w.text)).collect();
        let mut at: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, w) in words.iter().enumerate() {
            at.entry(w.clone()).or_default().push(i);
        }
        WordIndex { words, at }
    }

    /// How often a phrase occurs, compared folded and word by word.
    pub fn count(&self, phrase: &str) -> usize {
        self.count_words(&folded_words(phrase))
    }

    /// How often a phrase already split by `folded_words` occurs: for names looked up in
    /// many texts, split once.
    pub fn count_words(&self, wanted: &[String]) -> usize {
        let Some(first) = wanted.first() else {
            return 0;
        };
        self.at.get(first).map_or(0, |starts| {
            starts
                .iter()
                .filter(|&&i| {
                    self.words
                        .get(i..i + wanted.len())
                        .is_some_and(|ws| ws == wanted)
                })
                .count()
        })
    }

    pub fn contains(&self, phrase: &str) -> bool {
        self.count(phrase) > 0
    }

    pub fn has_word(&self, folded: &str) -> bool {
        self.at.contains_key(folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_place_in_the_text() {
        let text = "Två  gemensamma, trygghetsvandringar";
        let w = words_of(text);
        assert_eq!(w.len(), 3);
        assert_eq!(&text[w[0].start..w[1].end], "Två  gemensamma");
        assert_eq!(gap(text, &w[1], &w[2]), ", ");
        assert!(!adjacent(text, &w[1], &w[2]));
    }

    #[test]
    fn sentences_do_not_split_web_addresses() {
        assert_eq!(
            sentences("Följs upp via polisen.se. Sedan mer! Slut"),
            ["Följs upp via polisen.se.", "Sedan mer!", "Slut"]
        );
        assert_eq!(
            sentences("En bildtext utan punkt\n\nRubrik"),
            ["En bildtext utan punkt", "Rubrik"]
        );
    }

    #[test]
    fn inflections_share_a_light_stem() {
        for (a, b) in [
            ("skolor", "skola"),
            ("skolorna", "skola"),
            ("fotpatrulleringar", "fotpatrullera"),
            ("nattvandrare", "nattvandra"),
            ("insatsgrupperna", "insatsgrupper"),
            ("kommunens", "kommun"),
        ] {
            assert_eq!(light_stem(a), light_stem(b), "{a} {b}");
        }
        assert_eq!(light_stem("ssg"), "ssg");
        assert_eq!(light_stem("polisen"), "polis");
    }

    #[test]
    fn phrases_are_found_folded() {
        let index = WordIndex::new("Arbeta på Öxnehaga torg och i Jönköpings kommun.");
        assert!(index.contains("Öxnehaga torg"));
        assert!(index.contains("jonkopings kommun"));
        assert!(!index.contains("Öxnehaga centrum"));
    }
}
