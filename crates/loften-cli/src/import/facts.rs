//! Facts about an agreement as a whole, read from its wording: the kommuner, the
//! lokalpolisområde, the period, when and by whom it was signed, how it is followed up.
//! Each finder returns review notes for what it is unsure of.

use super::lexicon::{
    ABOUT_PROMISES, AND, AREA_HEAD, AREA_HEAD_PREPOSITIONS, AREA_HEAD_ROLE_WITHIN, AREA_HEAD_WORDS,
    AS_WELL_AS, BEFORE_A_YEAR, BEFORE_ROLE, CADENCE_PER, CADENCE_PREFIXES, DEFINITE_ROLE_ENDINGS,
    DIRECTIONS, FOLLOW_UP, FOR_YEARS, KOMMUN_STEM, LOCAL_POLICE_CHIEF, ORGANISATION_SEPARATORS,
    OTHER_AGREEMENT, PERIOD_WORDS, PLEDGE_CUES, POLICE_AREA, POLICE_AREA_WORDS, POLICE_STEM,
    PUBLICATION_STARTS, PUBLISHED, RANGE_JOINERS, ROLE_PLACE_PREPOSITIONS, SIGNING,
    SIGNING_PARTICLE, TODAY, WRITES, YEARLY, YEARS, YESTERDAY,
};
use std::collections::{BTreeSet, HashMap};

use crate::import::swedish::{dates, month_number, year, FoundDate};
use loften_core::model::{Cadence, Kommun, Period, Signatory};
use loften_core::text::{fold, lowercase, slug};

use super::items::{unit, Unit};
use super::sections::{is_name_word, is_role};
use super::words::{capitalize, folded_words, sentences, words_of, Word, WordIndex};
use super::{note, Reference};

/// The kommuner an agreement covers, and the stem its id begins with.
#[derive(Debug, Default)]
pub struct Kommuner {
    pub names: Vec<String>,
    /// `jonkoping`, or `jamtlands-lan` when a page covers a whole län.
    pub stem: String,
    /// The kommun's full name ("Eslövs kommun") when there is exactly one: the signatories'
    /// organisation when the role is the kommun's.
    pub organisation: Option<String>,
    pub review: Vec<String>,
}

impl Kommuner {
    fn found(mut kommuner: Vec<&Kommun>) -> Kommuner {
        kommuner.sort_by(|a, b| a.code.cmp(&b.code));
        kommuner.dedup_by(|a, b| a.code == b.code);
        let mut review = Vec::new();
        if kommuner.len() > 1 {
            let names: Vec<&str> = kommuner.iter().map(|k| k.short_name.as_str()).collect();
            review.push(note(
                &format!(
                    "Flera kommuner nämns ({}); kontrollera att löftet gäller alla.",
                    names.join(", ")
                ),
                "Several kommuner are named; check that the agreement covers them all.",
            ));
        }
        Kommuner {
            names: kommuner.iter().map(|k| k.short_name.clone()).collect(),
            stem: kommuner.first().map(|k| k.slug.clone()).unwrap_or_default(),
            organisation: (kommuner.len() == 1).then(|| kommuner[0].name.clone()),
            review,
        }
    }
}

/// One kommun's names split into words once, since every text of a page is searched for
/// all 290: the ways pages write its full name ("Orusts kommun" is also "Orust kommun",
/// "Vadstena kommuns" its genitive), folded, and its short name as written.
#[derive(Debug, Clone)]
pub struct KommunName {
    full_forms: Vec<Vec<String>>,
    short: Vec<String>,
}

impl KommunName {
    pub fn new(k: &Kommun) -> KommunName {
        let short = &k.short_name;
        let forms = [
            k.name.clone(),
            format!("{}s", k.name),
            format!("{short} kommun"),
            format!("{short} kommuns"),
            format!("{short}s kommun"),
        ];
        KommunName {
            full_forms: forms.iter().map(|f| folded_words(f)).collect(),
            short: words_of(short).iter().map(|w| w.text.to_string()).collect(),
        }
    }
}

/// The kommuner with their prepared names.
fn with_names(reference: &Reference) -> impl Iterator<Item = (&Kommun, &KommunName)> {
    reference.kommuner.iter().zip(&reference.kommun_names)
}

/// Kommuner named by a full name in a text.
fn full_names_in<'a>(text: &str, reference: &'a Reference) -> Vec<&'a Kommun> {
    let index = WordIndex::new(text);
    with_names(reference)
        .filter(|(_, n)| n.full_forms.iter().any(|f| index.count_words(f) > 0))
        .map(|(k, _)| k)
        .collect()
}

/// Kommuner named by their short name as written, whole words ("Stenungsund, Orust och
/// Tjörn"), except right after "lokalpolisområde", whose names are often a kommun's ("Motala").
fn short_names_in<'a>(text: &str, reference: &'a Reference) -> Vec<&'a Kommun> {
    let words: Vec<Word> = words_of(text);
    let after_police_area = |i: usize| i > 0 && words[i - 1].lower.starts_with(POLICE_AREA);
    let mut at: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, w) in words
        .iter()
        .enumerate()
        .filter(|&(i, w)| w.is_capitalized() && !after_police_area(i))
    {
        at.entry(w.text).or_default().push(i);
    }
    let written_at = |short: &[String], i: usize| {
        short
            .iter()
            .enumerate()
            .all(|(k, s)| words.get(i + k).is_some_and(|w| w.text == *s))
    };
    let named = |n: &KommunName| {
        n.short
            .first()
            .and_then(|first| at.get(first.as_str()))
            .is_some_and(|starts| starts.iter().any(|&i| written_at(&n.short, i)))
    };
    with_names(reference)
        .filter(|(_, n)| named(n))
        .map(|(k, _)| k)
        .collect()
}

/// Kommuner a title names by either name.
fn named_in_title<'a>(title: &str, reference: &'a Reference) -> Vec<&'a Kommun> {
    let mut named = full_names_in(title, reference);
    named.extend(short_names_in(title, reference));
    named
}

/// Whether a title names a kommun, by either of its names.
pub fn names_a_kommun(title: &str, reference: &Reference) -> bool {
    !named_in_title(title, reference).is_empty()
}

/// Sentences that say who made the agreement: "… och Eslövs kommun lovar …".
fn pledge_sentences(text: &str) -> String {
    let is_pledge = |sentence: &&str| {
        let lower = lowercase(sentence);
        PLEDGE_CUES.iter().any(|c| lower.contains(c))
    };
    sentences(text)
        .into_iter()
        .filter(is_pledge)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Which kommuner an agreement covers: those its titles name; every kommun of a län its
/// title names ("alla medborgarlöften för Jämtlands län"); else those named where the text
/// says who promises; else any named at all.
pub fn kommuner(titles: &[&str], text: &str, reference: &Reference) -> Kommuner {
    for title in titles {
        let named = named_in_title(title, reference);
        if !named.is_empty() {
            return Kommuner::found(named);
        }
        let index = WordIndex::new(title);
        if let Some(lan) = reference.lan.iter().find(|l| index.contains(&l.name)) {
            let mut found = Kommuner::found(
                reference
                    .kommuner
                    .iter()
                    .filter(|k| k.lan_code == lan.code)
                    .collect(),
            );
            found.stem = slug(&lan.name);
            found.review = vec![note(
                &format!(
                    "Sidan gäller hela {}; kommunerna är länets alla kommuner. Kontrollera.",
                    lan.name
                ),
                "The page covers a whole län; all its kommuner are listed. Check.",
            )];
            return found;
        }
    }
    let pledges = pledge_sentences(text);
    let named = full_names_in(&pledges, reference);
    if !named.is_empty() {
        return Kommuner::found(named);
    }
    let named = short_names_in(&pledges, reference);
    if !named.is_empty() {
        let mut found = Kommuner::found(named);
        found.review.push(note(
            "Kommunerna är lästa ur texten, inte ur rubriken; kontrollera.",
            "The kommuner were read from the text, not a heading; check.",
        ));
        return found;
    }
    let mut found = Kommuner::found(full_names_in(text, reference));
    let (sv, en) = if found.names.is_empty() {
        (
            "Ingen kommun hittades; fyll i kommuner.",
            "No kommun found; fill in kommuner.",
        )
    } else {
        (
            "Kommunen är läst ur texten, inte ur rubriken; kontrollera.",
            "The kommun was read from the text, not a heading; check.",
        )
    };
    found.review.push(note(sv, en));
    found
}

/// A lokalpolisområde: its name as the dataset shows it ("Södra Vätterbygden") and as the
/// page writes it ("södra Vätterbygden"), which the signatories' organisation repeats.
#[derive(Debug, Clone, PartialEq)]
pub struct PoliceArea {
    pub name: String,
    pub written: String,
}

impl PoliceArea {
    pub fn organisation(&self) -> String {
        format!("Lokalpolisområde {}", self.written)
    }
}

/// The name after "lokalpolisområde" at token `i`, if one follows.
fn police_area_at(tokens: &[&str], i: usize) -> Option<String> {
    let mut name = Vec::new();
    for (n, token) in tokens.iter().enumerate().skip(i + 1).take(5) {
        let word = token.trim_end_matches(|c: char| !c.is_alphanumeric());
        let direction = DIRECTIONS.contains(&lowercase(word).as_str());
        // "södra Vätterbygden", and "Uppsala norra": a direction before or after the name.
        let after_name = direction && !name.is_empty();
        let is_direction = direction && (n == i + 1 || after_name);
        if word.is_empty() || !(is_direction || word.starts_with(char::is_uppercase)) {
            break;
        }
        name.push(word);
        if after_name {
            break;
        }
        if word.len() != token.len() {
            break; // punctuation ends the name: "… Jämtland/Härjedalen."
        }
    }
    let has_proper_name = name.iter().any(|w| w.starts_with(char::is_uppercase));
    has_proper_name.then(|| name.join(" "))
}

/// The lokalpolisområde a text names after "Lokalpolisområde"; when it names several, none
/// is chosen and the names go to review.
pub fn lokalpolisomrade(text: &str) -> (Option<PoliceArea>, Vec<String>) {
    let mut found: Vec<String> = Vec::new();
    // A name never runs on past its line: the next line is another block.
    for line in text.lines() {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        for (i, token) in tokens.iter().enumerate() {
            let lower = lowercase(token);
            // "lokalpolisområdeschef i Västra Mälardalen" names the area by its head.
            let names_by_head = || {
                AREA_HEAD_WORDS.contains(&lower.as_str())
                    && tokens
                        .get(i + 1)
                        .is_some_and(|p| AREA_HEAD_PREPOSITIONS.contains(p))
                    && tokens
                        .get(i + 2)
                        .is_some_and(|t| !lowercase(t).starts_with(POLICE_AREA))
            };
            let name = if POLICE_AREA_WORDS.contains(&lower.as_str()) {
                police_area_at(&tokens, i)
            } else if names_by_head() {
                police_area_at(&tokens, i + 1)
            } else {
                None
            };
            found.extend(name);
        }
    }
    let distinct: BTreeSet<String> = found.iter().map(|n| fold(n)).collect();
    match distinct.len() {
        0 => (None, Vec::new()),
        1 => (
            Some(PoliceArea {
                name: capitalize(&found[0]),
                written: found[0].clone(),
            }),
            Vec::new(),
        ),
        _ => {
            let mut names: Vec<&str> = found.iter().map(String::as_str).collect();
            names.dedup();
            (
                None,
                vec![note(
                    &format!(
                        "Flera lokalpolisområden nämns ({}); välj ett eller lämna tomt.",
                        names.join(", ")
                    ),
                    "Several lokalpolisområden are named; pick one or leave it empty.",
                )],
            )
        }
    }
}

/// A period the text gives, how sure the wording makes it, and the words it came from.
#[derive(Debug, Clone)]
struct PeriodCandidate {
    period: Period,
    strength: u8,
    quote: String,
}

fn years_period(from: i32, to: i32) -> Period {
    Period {
        from,
        to,
        start: None,
        end: None,
    }
}

/// "1 juli 2018 – 30 juni 2020": exact dates, the surest period a text gives.
fn date_ranges(sentence: &str) -> Vec<PeriodCandidate> {
    let found: Vec<_> = dates(sentence)
        .into_iter()
        .filter(|d| d.year.is_some())
        .collect();
    found
        .windows(2)
        .filter(|pair| RANGE_JOINERS.contains(&sentence[pair[0].end..pair[1].start].trim()))
        .filter_map(|pair| {
            let date = |d: &FoundDate| loften_core::dates::parse_iso_date(&d.iso()?);
            let (start, end) = (date(&pair[0])?, date(&pair[1])?);
            let (from, to) = (pair[0].year?, pair[1].year?);
            (start < end).then(|| PeriodCandidate {
                period: Period {
                    from,
                    to,
                    start: Some(start),
                    end: Some(end),
                },
                strength: 5,
                quote: sentence[pair[0].start..pair[1].end].to_string(),
            })
        })
        .collect()
}

/// "från mars 2022 till februari 2023": months without days give the years, not dates.
fn month_ranges(sentence: &str) -> Vec<PeriodCandidate> {
    let words = words_of(sentence);
    let month_year = |i: usize| {
        let (month, y) = (words.get(i)?, words.get(i + 1)?);
        month_number(month.text)
            .filter(|_| month.text.chars().count() >= 3)
            .and(year(y.text))
    };
    let mut out = Vec::new();
    for i in 0..words.len() {
        let Some(from) = month_year(i) else { continue };
        let Some((j, to)) =
            (i + 2..(i + 5).min(words.len())).find_map(|j| Some((j, month_year(j)?)))
        else {
            continue;
        };
        let joiner = sentence[words[i + 1].end..words[j].start].trim();
        if RANGE_JOINERS.contains(&joiner) && from <= to {
            out.push(PeriodCandidate {
                period: years_period(from, to),
                strength: 4,
                quote: sentence[words[i].start..words[j + 1].end].to_string(),
            });
        }
    }
    out
}

/// For each word, whether it is part of one of the dates (both in text order): a date's
/// year is not a period of its own.
fn inside_dates(words: &[Word], found: &[FoundDate]) -> Vec<bool> {
    let mut d = 0;
    words
        .iter()
        .map(|w| {
            while found.get(d).is_some_and(|date| date.end <= w.start) {
                d += 1;
            }
            found
                .get(d)
                .is_some_and(|date| date.start <= w.start && w.end <= date.end)
        })
        .collect()
}

/// Years in a sentence that read as the period: "2020-2022" after "tidsperioden",
/// "under 2016", "gäller 2016", "2017 års medborgarlöfte", "medborgarlöften för 2017".
fn year_candidates(sentence: &str) -> Vec<PeriodCandidate> {
    let words = words_of(sentence);
    let in_date = inside_dates(&words, &dates(sentence));
    let about_promises = lowercase(sentence).contains(ABOUT_PROMISES);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some(from) = year(words[i].text).filter(|_| !in_date[i]) else {
            i += 1;
            continue;
        };
        let before = i.checked_sub(1).map(|p| words[p].lower.as_str());
        let dashed = words
            .get(i + 1)
            .filter(|next| ["-", "–", "—"].contains(&sentence[words[i].end..next.start].trim()))
            .filter(|t| year(t.text).is_some_and(|y| y > from && y - from <= 6));
        // "under 2025 och 2026": two years in a row are the period's two years.
        let joined = words
            .get(i + 1)
            .filter(|n| n.is(AND))
            .and_then(|_| words.get(i + 2))
            .filter(|t| year(t.text) == Some(from + 1));
        let to = dashed.or(joined);
        if let Some(to_word) = to {
            let strength = if before.is_some_and(|b| PERIOD_WORDS.contains(&b)) {
                4
            } else if before == Some(FOR_YEARS) && about_promises {
                3
            } else {
                1
            };
            let period = years_period(from, year(to_word.text).unwrap_or(from));
            out.push(PeriodCandidate {
                period,
                strength,
                quote: sentence[words.get(i.saturating_sub(1)).map_or(0, |w| w.start)..to_word.end]
                    .to_string(),
            });
            i += 2;
            continue;
        }
        let after = words.get(i + 1).map(|w| w.lower.as_str());
        let strength = match (before, after) {
            (Some(b), _) if BEFORE_A_YEAR.contains(&b) => 3,
            (_, Some(YEARS)) => 3,
            (Some(FOR_YEARS), _) if about_promises => 2,
            _ => 0,
        };
        if strength > 0 {
            let start = words.get(i.saturating_sub(1)).map_or(0, |w| w.start);
            let end = words
                .get(i + 1)
                .filter(|_| after == Some(YEARS))
                .map_or(words[i].end, |w| w.end);
            out.push(PeriodCandidate {
                period: years_period(from, from),
                strength,
                quote: sentence[start..end].to_string(),
            });
        }
        i += 1;
    }
    out
}

/// Every period a text gives. Sentences about the samverkansöverenskommelse are skipped:
/// its years ("för 2015-2018") are not the promises'.
fn period_candidates(text: &str) -> Vec<PeriodCandidate> {
    sentences(text)
        .into_iter()
        .filter(|s| !lowercase(s).contains(OTHER_AGREEMENT))
        .flat_map(|s| {
            date_ranges(s)
                .into_iter()
                .chain(month_ranges(s))
                .chain(year_candidates(s))
        })
        .collect()
}

/// The period a heading gives: "Medborgarlöfte 2018-2019", "Medborgarlöften 1 juli 2018 – 30 juni 2020".
fn heading_period(heading: &str) -> Option<Period> {
    if let Some(range) = date_ranges(heading).into_iter().next() {
        return Some(range.period);
    }
    let years: Vec<i32> = words_of(heading)
        .iter()
        .filter_map(|w| year(w.text))
        .collect();
    Some(years_period(*years.iter().min()?, *years.iter().max()?))
}

/// The strongest candidate; among equally strong ones, the most often given.
fn best(candidates: &[PeriodCandidate]) -> Option<(&PeriodCandidate, Vec<String>)> {
    let strongest = candidates.iter().map(|c| c.strength).max()?;
    let top: Vec<&PeriodCandidate> = candidates
        .iter()
        .filter(|c| c.strength == strongest)
        .collect();
    let times = |c: &PeriodCandidate| top.iter().filter(|o| o.period == c.period).count();
    let chosen = top.iter().copied().max_by_key(|c| {
        (
            times(c),
            std::cmp::Reverse(top.iter().position(|o| o.period == c.period)),
        )
    })?;
    let mut review = Vec::new();
    if top.iter().any(|c| c.period != chosen.period) {
        let quotes: Vec<String> = top.iter().map(|c| format!("”{}”", c.quote)).collect();
        review.push(note(
            &format!(
                "Texten ger flera perioder ({}); vald: {}. Kontrollera.",
                quotes.join(", "),
                chosen.period.label()
            ),
            "The text gives several periods; check the one chosen.",
        ));
    }
    if strongest <= 2 {
        review.push(note(
            &format!("Perioden är läst ur ”{}”; kontrollera.", chosen.quote),
            "The period was read from weak wording; check it.",
        ));
    }
    Some((chosen, review))
}

/// The agreement's period: from its heading, else from the wording of its own text, else
/// from the page's introduction (`texts` in that order).
pub fn period(heading: Option<&str>, texts: &[&str]) -> (Option<Period>, Vec<String>) {
    if let Some(period) = heading.and_then(heading_period) {
        return (Some(period), Vec::new());
    }
    for text in texts {
        let candidates = period_candidates(text);
        if let Some((chosen, review)) = best(&candidates) {
            return (Some(chosen.period.clone()), review);
        }
    }
    (None, Vec::new())
}

pub fn mentions_signing(text: &str) -> bool {
    let lower = lowercase(text);
    SIGNING.iter().any(|s| lower.contains(s)) || writes_under(text)
}

/// "skrev Ale kommun och polisen … under nya medborgarlöften": the verb and its particle
/// apart, within one sentence.
fn writes_under(text: &str) -> bool {
    sentences(text).iter().any(|sentence| {
        let words = words_of(sentence);
        words
            .iter()
            .position(|w| WRITES.contains(&w.lower.as_str()))
            .is_some_and(|verb| {
                words[verb + 1..]
                    .iter()
                    .take(12)
                    .any(|w| w.is(SIGNING_PARTICLE))
            })
    })
}

/// When the agreement was signed: a date in a sentence about the signing ("undertecknades
/// den 21 januari 2016"), else a date on a line of its own above the signatures. A date
/// without a year is not completed by guessing; it goes to review.
pub fn signed(date_lines: &[&str], texts: &[&str]) -> (Option<String>, Vec<String>) {
    let signing_sentences: Vec<&str> = texts
        .iter()
        .flat_map(|t| sentences(t))
        .filter(|s| mentions_signing(s))
        .collect();
    let from_sentence = signing_sentences
        .iter()
        .flat_map(|s| dates(s).into_iter().filter_map(|d| d.iso()))
        .next();
    if let Some(date) = from_sentence {
        return (Some(date), Vec::new());
    }
    let (published, signature_lines): (Vec<&str>, Vec<&str>) =
        date_lines.iter().partition(|l| is_publication_line(l));
    let from_signature = signature_lines
        .iter()
        .find_map(|l| dates(l).iter().find_map(FoundDate::iso));
    if let Some(date) = from_signature {
        return (Some(date), Vec::new());
    }
    let publication = published.iter().find_map(|l| {
        let found = dates(l);
        let date = found.first()?;
        Some((
            *l,
            chrono::NaiveDate::from_ymd_opt(date.year?, date.month, date.day)?,
        ))
    });
    if let Some((line, date)) = publication
        .and_then(|(line, p)| Some((line, relative_to_publication(&signing_sentences, p)?)))
    {
        let review = note(
            &format!("Dagen är räknad från ”{line}” och texten om undertecknandet; kontrollera."),
            "The signing date was worked out from the publication date and the text; check it.",
        );
        return (Some(date.format("%Y-%m-%d").to_string()), vec![review]);
    }
    let without_year: Vec<String> = texts
        .iter()
        .flat_map(|t| sentences(t))
        .flat_map(|s| {
            dates(s)
                .into_iter()
                .filter(|d| d.year.is_none())
                .map(move |d| s[d.start..d.end].to_string())
        })
        .collect();
    let mut review: Vec<String> = without_year
        .first()
        .map(|d| {
            note(
                &format!(
                    "Sidan nämner ”{d}” utan år; är det dagen för undertecknandet, fyll i signed."
                ),
                "The page names a date without a year; if it is the signing date, fill in signed.",
            )
        })
        .into_iter()
        .collect();
    if let Some((line, _)) = publication.filter(|_| !signing_sentences.is_empty()) {
        review.push(note(
            &format!("Sidan är daterad (”{line}”) men säger inte när löftena undertecknades; fyll i signed om det framgår."),
            "The page is dated but does not say when the promises were signed; fill in signed if known.",
        ));
    }
    (None, review)
}

/// "Publicerad 4 februari 2025", "Artikeln publicerades 16 mars 2021", "Nyhet 2025-01-20":
/// when the page was published, which is the signing day only when the text says so.
fn is_publication_line(line: &str) -> bool {
    let lower = lowercase(line);
    lower.contains(PUBLISHED) || PUBLICATION_STARTS.iter().any(|w| lower.starts_with(w))
}

/// The signing day a news item gives relative to its publication: "I dag skrev … under",
/// "I går undertecknade …", "I går, 15 mars, undertecknade …" (the year from the
/// publication, when the day falls in the month before it).
fn relative_to_publication(
    signing_sentences: &[&str],
    published: chrono::NaiveDate,
) -> Option<chrono::NaiveDate> {
    signing_sentences.iter().find_map(|sentence| {
        let lower = lowercase(sentence);
        let day_without_year = dates(sentence).into_iter().find(|d| d.year.is_none());
        if let Some(d) = day_without_year {
            use chrono::Datelike;
            let date = chrono::NaiveDate::from_ymd_opt(published.year(), d.month, d.day)?;
            let days_before = (published - date).num_days();
            return (0..=31).contains(&days_before).then_some(date);
        }
        if TODAY.iter().any(|w| lower.contains(w)) {
            Some(published)
        } else if YESTERDAY.iter().any(|w| lower.contains(w)) {
            published.pred_opt()
        } else {
            None
        }
    })
}

/// Who signs for whom, to fill in a signatory's organisation from the role.
#[derive(Debug, Default)]
pub struct Organisations {
    pub police: Option<String>,
    pub kommun: Option<String>,
}

impl Organisations {
    /// The organisation a role belongs to: the lokalpolisområde's for a police role, the
    /// kommun's for "Kommunstyrelsens ordförande".
    fn of_role(&self, role: &str) -> Option<String> {
        let lower = lowercase(role);
        if lower.contains(POLICE_STEM) {
            self.police.clone()
        } else if lower.contains(KOMMUN_STEM) {
            self.kommun.clone()
        } else {
            None
        }
    }
}

/// "lokalpolisområdeschefen" → "Lokalpolisområdeschef": a title as a signature gives it.
fn role_title(role: &str) -> String {
    let role = role.trim().trim_end_matches(',');
    let indefinite = DEFINITE_ROLE_ENDINGS
        .iter()
        .find_map(|(definite, indefinite)| {
            role.strip_suffix(definite)
                .map(|r| format!("{r}{indefinite}"))
        });
    capitalize(&indefinite.unwrap_or_else(|| role.to_string()))
}

/// Each role followed by a name in a sentence about the signing: "Kommunstyrelsens
/// ordförande Ann-Marie Nilsson och lokalpolisområdeschefen Fredrik Lindfors undertecknar",
/// "… skrevs under av kommunstyrelsens ordförande Lena Berg och lokalpolisområdeschef
/// Johan Ahl".
fn roles_then_names(sentence: &str) -> Vec<(String, String)> {
    let tokens: Vec<&str> = sentence
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| matches!(c, ',' | '.' | '!' | '?' | ':' | ';')))
        .collect();
    let mut out = Vec::new();
    let (mut i, mut previous_end) = (0, 0);
    while i < tokens.len() {
        let name_len = tokens[i..]
            .iter()
            .take_while(|t| is_name_word(t))
            .count()
            .min(3);
        if name_len < 2 {
            i += 1;
            continue;
        }
        // The role is the few words before the name, after the previous name and after a
        // word that ends it.
        let earliest = i.saturating_sub(4).max(previous_end);
        let role_start = (earliest..i)
            .rev()
            .find(|&k| BEFORE_ROLE.contains(&lowercase(tokens[k]).as_str()))
            .map_or(earliest, |k| k + 1);
        let role = tokens[role_start..i].join(" ");
        // "lokalpolisområdeschef i Västra Mälardalen": a place after a role, not a name.
        let ends_in_preposition = i > 0 && ROLE_PLACE_PREPOSITIONS.contains(&tokens[i - 1]);
        if role_start < i && is_role(&role) && !ends_in_preposition {
            out.push((tokens[i..i + name_len].join(" "), role_title(&role)));
        }
        i += name_len;
        previous_end = i;
    }
    out
}

/// "Susanne Hansson, kommunstyrelsens ordförande i Strömsunds kommun samt Eva Helin, chef
/// för lokalpolisområde Jämtland/Härjedalen": a name, a comma, a role and its organisation.
fn named_with_role(paragraph: &str) -> Vec<Signatory> {
    let tokens: Vec<&str> = paragraph.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match name_with_comma_at(&tokens, i) {
            Some(len) => {
                let (role_tokens, used) = role_tokens_after(&tokens, i + len);
                if let Some(signatory) = role_and_organisation(&tokens[i..i + len], &role_tokens) {
                    out.push(signatory);
                }
                i += len + used;
            }
            None => i += 1,
        }
    }
    out
}

/// Length of a name of two or three words starting at `i` whose last word ends in a comma.
fn name_with_comma_at(tokens: &[&str], i: usize) -> Option<usize> {
    if i > 0 && is_name_word(tokens[i - 1]) {
        return None;
    }
    (2..=3)
        .find(|&len| {
            tokens.get(i..i + len).is_some_and(|name| {
                let (last, first) = name.split_last().unwrap_or((&"", &[]));
                first.iter().all(|t| is_name_word(t))
                    && last.strip_suffix(',').is_some_and(is_name_word)
            })
        })
        .or_else(|| {
            // "Erik Lööf (M), kommunstyrelsens ordförande": a party's letters before the comma.
            (3..=4).find(|&len| {
                tokens.get(i..i + len).is_some_and(|name| {
                    let (party, names) = name.split_last().unwrap_or((&"", &[]));
                    names.iter().all(|t| is_name_word(t)) && is_party(party)
                })
            })
        })
}

/// "(M),", "(SD),": a political party's letters after a name, then the comma.
fn is_party(token: &str) -> bool {
    token
        .strip_suffix("),")
        .and_then(|t| t.strip_prefix('('))
        .is_some_and(|letters| {
            (1..=3).contains(&letters.chars().count()) && letters.chars().all(char::is_uppercase)
        })
}

/// The words of a role after a name, up to "samt", "och" before the next name, or the
/// sentence's end; and how many tokens were read.
fn role_tokens_after<'a>(tokens: &[&'a str], start: usize) -> (Vec<&'a str>, usize) {
    let mut role = Vec::new();
    for (n, token) in tokens.iter().enumerate().skip(start) {
        let next_is_name = tokens.get(n + 1).is_some_and(|t| is_name_word(t));
        if *token == AS_WELL_AS || (*token == AND && next_is_name) {
            return (role, n - start + 1);
        }
        role.push(*token);
        // "kommunstyrelsens ordförande, under de nya …": a comma after a whole role ends it.
        let role_is_whole = token.ends_with(',') && is_role(&role.join(" "));
        if token.ends_with(['.', '!', '?']) || role_is_whole {
            return (role, n - start + 1);
        }
    }
    (role, tokens.len() - start)
}

fn role_and_organisation(name: &[&str], role_tokens: &[&str]) -> Option<Signatory> {
    let text = role_tokens.join(" ");
    let text = text.trim_end_matches(['.', '!', '?', ',']);
    let (role, organisation) = ORGANISATION_SEPARATORS
        .iter()
        .filter_map(|sep| text.split_once(sep))
        .min_by_key(|(role, _)| role.len())
        .map_or((text, None), |(r, o)| (r, Some(capitalize(o))));
    let name: Vec<&str> = name.iter().copied().filter(|t| !is_party(t)).collect();
    let name = name.join(" ");
    // "lokalpolisområdeschef i Västra Mälardalen": the place is the lokalpolisområde.
    let organisation = organisation.map(|o| {
        let heads_the_area = lowercase(role).contains(AREA_HEAD_ROLE_WITHIN)
            || lowercase(role) == LOCAL_POLICE_CHIEF;
        if heads_the_area && !lowercase(&o).starts_with(POLICE_AREA) {
            format!("Lokalpolisområde {o}")
        } else {
            o
        }
    });
    is_role(role).then(|| Signatory {
        name: name.trim_end_matches(',').to_string(),
        role: Some(role_title(role)),
        organisation,
    })
}

/// The signatories: name and role lines under a signature, and in text about the signing
/// ("… undertecknar", "… undertecknas … Här ses Susanne Hansson, kommunstyrelsens ordförande i …").
pub fn signatories(
    signed_lines: &[Signatory],
    paragraphs: &[&str],
    organisations: &Organisations,
) -> (Vec<Signatory>, Vec<String>) {
    let mut out: Vec<Signatory> = Vec::new();
    let mut inferred = false;
    let mut add = |mut signatory: Signatory| {
        // "Lokalpolisområdeschef Uppsala norra": the title, then the area it heads.
        let heads = signatory.role.as_deref().and_then(|r| {
            let (title, area) = r.split_once(' ')?;
            let heads_area = lowercase(title) == AREA_HEAD && area.starts_with(char::is_uppercase);
            heads_area.then(|| (capitalize(title), format!("Lokalpolisområde {area}")))
        });
        if let (Some((title, area)), None) = (heads, &signatory.organisation) {
            signatory.role = Some(title);
            signatory.organisation = Some(area);
        }
        if signatory.organisation.is_none() {
            signatory.organisation = signatory
                .role
                .as_deref()
                .and_then(|r| organisations.of_role(r));
            inferred |= signatory.organisation.is_some();
        }
        if !out.iter().any(|s| s.name == signatory.name) {
            out.push(signatory);
        }
    };
    for signatory in signed_lines {
        add(signatory.clone());
    }
    for paragraph in paragraphs.iter().filter(|p| mentions_signing(p)) {
        for sentence in sentences(paragraph) {
            for (name, role) in roles_then_names(sentence) {
                add(Signatory {
                    name,
                    role: Some(role),
                    organisation: None,
                });
            }
        }
        named_with_role(paragraph).into_iter().for_each(&mut add);
    }
    let review = if inferred {
        vec![note(
            "Undertecknarnas organisationer är härledda ur titlarna; kontrollera.",
            "The signatories' organisations were inferred from their titles; check.",
        )]
    } else {
        Vec::new()
    };
    (out, review)
}

/// The cadence a sentence gives: "tertialsvis", "kvartalsvis", "årligen", "en gång per
/// år". "Två gånger per år" is no yearly cadence.
fn cadence_in(sentence: &str) -> Option<Cadence> {
    let words = words_of(sentence);
    let prefixed = CADENCE_PREFIXES
        .iter()
        .find(|(prefix, _)| words.iter().any(|w| w.lower.starts_with(prefix)));
    if let Some(&(_, cadence)) = prefixed {
        return Some(cadence);
    }
    if words.iter().any(|w| YEARLY.contains(&w.lower.as_str())) {
        return Some(Cadence::Ar);
    }
    // "en gång per år" is the yearly cadence; "två gånger per år" is no cadence at all.
    match super::items::frequency_and_unit(sentence).0 {
        Some((f, unit)) => unit
            .and_then(Unit::cadence)
            .filter(|_| f.count.unwrap_or(1) == 1),
        None => words.windows(2).find_map(|w| {
            let per = CADENCE_PER.contains(&w[0].lower.as_str());
            per.then(|| unit(&w[1].lower)?.cadence()).flatten()
        }),
    }
}

/// How often the promises are followed up: from a sentence about follow-up, else from
/// the follow-up reports' titles ("…, tertial 1 2019"), which the review notes. A rhythm
/// the schema has no value for ("två gånger per år") is noted, not forced into one.
pub fn cadence(texts: &[&str], reports: &[String]) -> (Option<Cadence>, Vec<String>) {
    let about_follow_up: Vec<&str> = texts
        .iter()
        .flat_map(|t| sentences(t))
        .filter(|s| FOLLOW_UP.iter().any(|c| lowercase(s).contains(c)))
        .collect();
    if let Some(cadence) = about_follow_up.iter().find_map(|s| cadence_in(s)) {
        return (Some(cadence), Vec::new());
    }
    if let Some(other) = about_follow_up
        .iter()
        .find_map(|s| super::items::frequency(s).0)
    {
        // "två gånger per år": a rhythm, but none of the schema's.
        let message = format!(
            "Uppföljningen sker ”{}”, som varken är tertial, kvartal eller år; cadence är tom.",
            other.text
        );
        return (
            None,
            vec![note(
                &message,
                "The follow-up rhythm is none of tertial, quarter or year; cadence was left empty.",
            )],
        );
    }
    match reports.iter().find_map(|r| cadence_in(r)) {
        Some(cadence) => (
            Some(cadence),
            vec![note(
                "Uppföljningens takt är läst ur rapporternas titlar, inte ur texten; kontrollera.",
                "The follow-up cadence was read from the reports' titles, not the text; check.",
            )],
        ),
        None => (None, Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period_of(text: &str) -> Option<Period> {
        period(None, &[text]).0
    }

    #[test]
    fn periods_in_the_wordings_pages_use() {
        assert_eq!(
            period_of("Medborgarlöftena gäller under 2016."),
            Some(years_period(2016, 2016))
        );
        assert_eq!(
            period_of("Under den aktuella tidsperioden 2020-2022 ska vi arbeta"),
            Some(years_period(2020, 2022))
        );
        let exact = period_of("Löftena gäller från 1 juli 2018 – 30 juni 2020.").unwrap();
        assert_eq!(
            (
                exact.from,
                exact.to,
                exact.start.map(|d| d.to_string()).as_deref(),
                exact.end.map(|d| d.to_string()).as_deref()
            ),
            (2018, 2020, Some("2018-07-01"), Some("2020-06-30"))
        );
        assert_eq!(
            period(Some("Medborgarlöfte 2018-2019"), &[]).0,
            Some(years_period(2018, 2019))
        );
        let written_out =
            period_of("Löftet gäller från den 1 september 2023 till den 31 augusti 2024.").unwrap();
        assert_eq!(
            (
                written_out.start.map(|d| d.to_string()),
                written_out.end.map(|d| d.to_string())
            ),
            (
                Some("2023-09-01".to_string()),
                Some("2024-08-31".to_string())
            )
        );
        assert_eq!(
            period_of("Löftet gäller från mars 2022 till februari 2023."),
            Some(years_period(2022, 2023))
        );
        assert_eq!(
            period_of("Löftena gäller under 2025 och 2026."),
            Some(years_period(2025, 2026))
        );
    }

    #[test]
    fn the_samverkansoverenskommelse_years_are_not_the_period() {
        assert_eq!(
            period_of("Kommunen har arbetat fram en samverkansöverenskommelse för 2015-2018."),
            None
        );
    }

    #[test]
    fn signing_dates_in_words_and_digits() {
        assert_eq!(
            signed(&[], &["Löftena undertecknades den 21 januari 2016."])
                .0
                .as_deref(),
            Some("2016-01-21")
        );
        assert_eq!(
            signed(&["2017-02-15"], &[]).0.as_deref(),
            Some("2017-02-15")
        );
        let (date, review) = signed(
            &[],
            &["Onsdagen den 1 mars genomförde polisen en pressträff."],
        );
        assert_eq!((date, review.len()), (None, 1));
    }

    #[test]
    fn signers_with_party_letters_and_the_area_they_head() {
        let text = "I dag skrev Ulla Ek (M), kommunstyrelsens ordförande, under löftena tillsammans med Bo Sten, lokalpolisområdeschef i Västra Mälardalen.";
        let (found, _) = signatories(&[], &[text], &Organisations::default());
        let found: Vec<(&str, Option<&str>, Option<&str>)> = found
            .iter()
            .map(|s| {
                (
                    s.name.as_str(),
                    s.role.as_deref(),
                    s.organisation.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("Ulla Ek", Some("Kommunstyrelsens ordförande"), None),
                (
                    "Bo Sten",
                    Some("Lokalpolisområdeschef"),
                    Some("Lokalpolisområde Västra Mälardalen")
                )
            ]
        );
        assert_eq!(
            lokalpolisomrade(text).0.map(|a| a.name),
            Some("Västra Mälardalen".to_string())
        );
    }

    #[test]
    fn a_news_item_dates_its_signing_from_its_publication() {
        let published = ["Artikeln publicerades 16 mars 2021"];
        let signed_on = |text: &str| signed(&published, &[text]).0;
        assert_eq!(
            signed_on("I går, 15 mars, undertecknade polisen och kommunen löftet."),
            Some("2021-03-15".to_string())
        );
        assert_eq!(
            signed_on("I dag skrev kommunen och polisen under löftet."),
            Some("2021-03-16".to_string())
        );
        assert_eq!(
            signed_on("I går undertecknade kommunen och polisen löftet."),
            Some("2021-03-15".to_string())
        );
        // Nothing ties the signing to the publication: not guessed.
        assert_eq!(signed_on("Kommunen och polisen skrev under löftet."), None);
        assert_eq!(
            signed(
                &["Nyhet 2025-01-20"],
                &["Kommunen och polisen har undertecknat löftet."]
            )
            .0,
            None
        );
    }

    #[test]
    fn signers_in_running_text() {
        let names_in = |text: &str| -> Vec<(String, Option<String>)> {
            let (found, _) = signatories(&[], &[text], &Organisations::default());
            found.into_iter().map(|s| (s.name, s.role)).collect()
        };
        let expected = |a: &str, ra: &str, b: &str, rb: &str| {
            vec![
                (a.to_string(), Some(ra.to_string())),
                (b.to_string(), Some(rb.to_string())),
            ]
        };
        assert_eq!(
            names_in("Kommunstyrelsens ordförande Ann-Marie Nilsson och lokalpolisområdeschefen Fredrik Lindfors undertecknar medborgarlöftena."),
            expected("Ann-Marie Nilsson", "Kommunstyrelsens ordförande", "Fredrik Lindfors", "Lokalpolisområdeschef")
        );
        assert_eq!(
            names_in("Löftet skrevs under den 2 maj av kommunstyrelsens ordförande Ulla Ek och lokalpolisområdeschef Bo Sten vid ett möte."),
            expected("Ulla Ek", "Kommunstyrelsens ordförande", "Bo Sten", "Lokalpolisområdeschef")
        );
        assert_eq!(
            names_in("Det var kommundirektör Ulla Ek och kommunpolis Bo Sten som satte sina namn på löftena."),
            expected("Ulla Ek", "Kommundirektör", "Bo Sten", "Kommunpolis")
        );
    }

    #[test]
    fn cadence_words() {
        assert_eq!(
            cadence(&["Löftena kommer att följas upp tertialsvis."], &[]).0,
            Some(Cadence::Tertial)
        );
        assert_eq!(
            cadence(&["Uppföljning ska ske kvartalsvis."], &[]).0,
            Some(Cadence::Kvartal)
        );
        assert_eq!(
            cadence(&["Uppföljning av medborgarlöftena ska ske årligen."], &[]).0,
            Some(Cadence::Ar)
        );
        assert_eq!(
            cadence(&["Löftena följs upp en gång per år."], &[]).0,
            Some(Cadence::Ar)
        );
        assert_eq!(cadence(&["Polisen patrullerar årligen."], &[]).0, None);
        let (none, review) = cadence(
            &["Resultatet kommer att följas upp och redovisas två gånger per år"],
            &[],
        );
        assert_eq!((none, review.len()), (None, 1));
    }

    #[test]
    fn police_area_names() {
        let (area, _) =
            lokalpolisomrade("Lokalpolisområde södra Vätterbygden och Jönköpings kommun lovar");
        assert_eq!(
            area,
            Some(PoliceArea {
                name: "Södra Vätterbygden".into(),
                written: "södra Vätterbygden".into()
            })
        );
        let (area, review) = lokalpolisomrade("chef för lokalpolisområde Jämtland/Härjedalen. Kommunpolis i lokalpolisområde Östersund.");
        assert_eq!((area, review.len()), (None, 1));
    }
}
