//! Swedish words that carry numbers and dates, for reading a published page: "två" is 2,
//! "den 21 januari 2016" is 2016-01-21.

use super::lexicon::NUMBER_WORDS;
use chrono::NaiveDate;
use loften_core::dates::SWEDISH_MONTHS;

/// The number a Swedish number word stands for: "en" → 1, "två" → 2, "tolv" → 12.
/// Case-insensitive; digits are not words and give `None`.
pub fn number_word(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|&(_, n)| n)
}

/// A count written with digits or as a word: "30" → 30, "fyra" → 4. Digits too long for a
/// count (or for u32) give `None` rather than overflowing.
pub fn count(word: &str) -> Option<u32> {
    if word.chars().all(|c| c.is_ascii_digit()) {
        if word.is_empty() || word.len() > 6 {
            return None;
        }
        return word.parse().ok();
    }
    number_word(word)
}

/// A year as pages write them (four digits, 1990–2099); other numbers are not years.
pub fn year(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|y| (1990..=2099).contains(y))
}

/// The month a Swedish month name (or its usual abbreviation) names: "januari", "jan" → 1.
pub fn month_number(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_lowercase();
    SWEDISH_MONTHS
        .iter()
        .position(|m| *m == lower || (lower.chars().count() >= 3 && m.starts_with(&lower)))
        .map(|i| i as u32 + 1)
}

/// "2016-01-21" when that day exists, else `None`.
pub fn iso_date(year: i32, month: u32, day: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(year, month, day).map(|date| date.format("%Y-%m-%d").to_string())
}

/// A date written in a text. `year` is `None` when the text leaves it out ("den 1 mars").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// Byte range of the date in the text it was found in.
    pub start: usize,
    pub end: usize,
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl FoundDate {
    /// The ISO form when the year is known and the day exists.
    pub fn iso(&self) -> Option<String> {
        iso_date(self.year?, self.month, self.day)
    }
}

/// Every date in a text: ISO ("2017-02-15") and Swedish ("21 januari 2016", "1 mars"),
/// in order. Impossible days are skipped.
pub fn dates(text: &str) -> Vec<FoundDate> {
    let words = spans(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((found, used)) = iso_at(text, &words, i).or_else(|| swedish_at(&words, i)) {
            out.push(found);
            i += used;
        } else {
            i += 1;
        }
    }
    out
}

/// Runs of letters and digits with their byte ranges.
fn spans(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len(), &text[s..]));
    }
    out
}

/// "YYYY-MM-DD" starting at word `i`: three words joined by single hyphens.
fn iso_at(text: &str, words: &[(usize, usize, &str)], i: usize) -> Option<(FoundDate, usize)> {
    let [(start, e1, y), (s2, e2, m), (s3, end, d)] =
        [*words.get(i)?, *words.get(i + 1)?, *words.get(i + 2)?];
    let joined = &text[e1..s2] == "-" && &text[e2..s3] == "-" && m.len() == 2 && d.len() == 2;
    let year = year(y).filter(|_| joined)?;
    let (month, day) = (m.parse().ok()?, d.parse().ok()?);
    iso_date(year, month, day)?;
    Some((
        FoundDate {
            start,
            end,
            year: Some(year),
            month,
            day,
        },
        3,
    ))
}

/// "21 januari 2016" or "1 mars" starting at word `i`.
fn swedish_at(words: &[(usize, usize, &str)], i: usize) -> Option<(FoundDate, usize)> {
    let (start, _, d) = *words.get(i)?;
    let (_, month_end, m) = *words.get(i + 1)?;
    if d.len() > 2 || !d.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let day: u32 = d.parse().ok()?;
    let month = month_number(m).filter(|_| m.chars().count() >= 3)?;
    match words
        .get(i + 2)
        .and_then(|&(_, end, y)| year(y).map(|y| (end, y)))
    {
        Some((end, y)) => {
            iso_date(y, month, day)?;
            Some((
                FoundDate {
                    start,
                    end,
                    year: Some(y),
                    month,
                    day,
                },
                3,
            ))
        }
        // Without a year, only check that the day can exist in some year.
        None => {
            iso_date(2000, month, day)?;
            Some((
                FoundDate {
                    start,
                    end: month_end,
                    year: None,
                    month,
                    day,
                },
                2,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{count, dates, year, FoundDate};

    #[test]
    fn number_words_and_digits_are_counts() {
        assert_eq!(count("två"), Some(2));
        assert_eq!(count("Fyra"), Some(4));
        assert_eq!(count("30"), Some(30));
        assert_eq!(count("99999999999999999999"), None);
        assert_eq!(count("trafik"), None);
    }

    #[test]
    fn years_are_four_digits_in_range() {
        assert_eq!(year("2016"), Some(2016));
        assert_eq!(year("1066"), None);
        assert_eq!(year("201"), None);
    }

    #[test]
    fn swedish_and_iso_dates_are_found() {
        let found = dates("Löftena undertecknades den 21 januari 2016 och 2017-02-15.");
        let iso: Vec<_> = found.iter().map(FoundDate::iso).collect();
        assert_eq!(
            iso,
            [
                Some("2016-01-21".to_string()),
                Some("2017-02-15".to_string())
            ]
        );
        let text = "från 1 juli 2018 – 30 juni 2020";
        let range = dates(text);
        assert_eq!(range.len(), 2);
        assert_eq!(&text[range[0].start..range[0].end], "1 juli 2018");
    }

    #[test]
    fn a_date_without_year_is_reported_without_one() {
        let found = dates("Onsdagen den 1 mars genomförde polisen");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].year, found[0].month, found[0].day), (None, 3, 1));
    }

    #[test]
    fn impossible_days_are_not_dates() {
        assert!(dates("2017-02-30 och 31 april 2016").is_empty());
    }
}
