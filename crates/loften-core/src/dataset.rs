//! The whole dataset in memory, how it is read from its files, and its validation.
//!
//! Reading is pure (file names and contents in, dataset or problems out) so that the
//! command line, the build and the tests share it; only the CLI touches the file system.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use chrono::Datelike;

use crate::dates::parse_iso_date;
use crate::model::{Agreement, Area, Kommun, Lan, Topic};
use crate::text::{collapse_whitespace, compare_sv, slug, sort_key};

/// Everything the app shows: reference data plus the agreements, newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub kommuner: Vec<Kommun>,
    pub lan: Vec<Lan>,
    pub topics: Vec<Topic>,
    pub areas: Vec<Area>,
    pub agreements: Vec<Agreement>,
}

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Located<'a> {
    Agreement(&'a Agreement),
    Promise(&'a Agreement, &'a crate::model::Promise),
    Activity(&'a Agreement, &'a crate::model::Activity),
}

impl<'a> Located<'a> {
    pub fn agreement(&self) -> &'a Agreement {
        match *self {
            Located::Agreement(a) | Located::Promise(a, _) | Located::Activity(a, _) => a,
        }
    }
}

/// One thing wrong with the data, said so that whoever edits the file can fix it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// Path relative to the data folder, e.g. `agreements/jonkoping-2020.json`.
    pub file: String,
    /// Where in the file, e.g. `activities[2].promise`.
    pub field: String,
    pub message: String,
    pub fix: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}: {}\n    fix: {}",
            self.file, self.field, self.message, self.fix
        )
    }
}

/// The files of a data folder, read by the caller.
#[derive(Debug, Default, Clone)]
pub struct DataFiles {
    pub kommuner_csv: String,
    pub lan_csv: String,
    pub topics_json: String,
    pub areas_json: String,
    /// (file name, contents) of each `agreements/*.json`.
    pub agreements: Vec<(String, String)>,
    /// (file name, contents) of each `sources/*`: what verbatim texts are checked against.
    pub sources: Vec<(String, String)>,
}

#[cfg(not(target_arch = "wasm32"))]
impl DataFiles {
    /// Read a data folder (`data/`): the reference files, `agreements/*.json` and `sources/*`.
    pub fn read_dir(dir: &std::path::Path) -> Result<DataFiles, String> {
        let read = |path: std::path::PathBuf| {
            std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))
        };
        // (file name, contents) of each file in a folder with the given ending, sorted by name.
        let folder = |sub: &str, ending: &str| -> Result<Vec<(String, String)>, String> {
            let path = dir.join(sub);
            let entries = std::fs::read_dir(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let mut files = Vec::new();
            for entry in entries {
                let path = entry.map_err(|e| e.to_string())?.path();
                let name = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
                    .to_string();
                if path.is_file() && name.ends_with(ending) {
                    files.push((name, read(path)?));
                }
            }
            files.sort();
            Ok(files)
        };
        Ok(DataFiles {
            kommuner_csv: read(dir.join("kommuner.csv"))?,
            lan_csv: read(dir.join("lan.csv"))?,
            topics_json: read(dir.join("topics.json"))?,
            areas_json: read(dir.join("areas.json"))?,
            agreements: folder("agreements", ".json")?,
            sources: folder("sources", "")?,
        })
    }
}

fn problem(
    file: &str,
    field: impl Into<String>,
    message: impl Into<String>,
    fix: impl Into<String>,
) -> Problem {
    Problem {
        file: file.to_string(),
        field: field.into(),
        message: message.into(),
        fix: fix.into(),
    }
}

/// Rows of a CSV file with a header, each with `columns` non-empty values.
fn csv_rows(
    file: &str,
    text: &str,
    columns: usize,
    problems: &mut Vec<Problem>,
) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        // A row with too few or too many values is reported below, with its line.
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let (line, cells) = match record {
            Ok(record) => (
                record.position().map_or(0, csv::Position::line),
                record.iter().map(str::to_string).collect::<Vec<_>>(),
            ),
            Err(error) => {
                let line = error.position().map_or(0, csv::Position::line);
                problems.push(problem(
                    file,
                    format!("line {line}"),
                    error.to_string(),
                    "save the file as UTF-8 CSV, as in the header",
                ));
                continue;
            }
        };
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if cells.len() != columns || cells.iter().any(String::is_empty) {
            problems.push(problem(
                file,
                format!("line {line}"),
                format!("expected {columns} non-empty comma-separated values, found {cells:?}"),
                "give every column a value, as in the header",
            ));
            continue;
        }
        rows.push(cells);
    }
    rows
}

pub fn parse_kommuner(text: &str, problems: &mut Vec<Problem>) -> Vec<Kommun> {
    let mut kommuner: Vec<Kommun> = csv_rows("kommuner.csv", text, 4, problems)
        .into_iter()
        .map(|c| Kommun {
            slug: slug(&c[2]),
            code: c[0].clone(),
            name: c[1].clone(),
            short_name: c[2].clone(),
            lan_code: c[3].clone(),
        })
        .collect();
    kommuner.sort_by_cached_key(|k| sort_key(&k.short_name));
    distinguish_slugs(&mut kommuner);
    kommuner
}

/// Two names can fold to one slug (Håbo and Habo are both "habo"). The name that is plain
/// ASCII keeps it, and the other gets its kommunkod ("habo-0305"), so every kommun has a page
/// and a filter value of its own.
fn distinguish_slugs(kommuner: &mut [Kommun]) {
    let mut count = std::collections::HashMap::<String, usize>::new();
    for k in kommuner.iter() {
        *count.entry(k.slug.clone()).or_default() += 1;
    }
    for k in kommuner.iter_mut() {
        let shared = count.get(&k.slug).is_some_and(|n| *n > 1);
        if shared && !k.short_name.is_ascii() {
            k.slug = format!("{}-{}", k.slug, k.code);
        }
    }
}

pub fn parse_lan(text: &str, problems: &mut Vec<Problem>) -> Vec<Lan> {
    csv_rows("lan.csv", text, 3, problems)
        .into_iter()
        .map(|c| Lan {
            code: c[0].clone(),
            name: c[1].clone(),
            short_name: c[2].clone(),
        })
        .collect()
}

fn json_problem(file: &str, error: &serde_json::Error) -> Problem {
    problem(
        file,
        format!("line {}, column {}", error.line(), error.column()),
        error.to_string(),
        "make the file valid JSON in the shape of data/agreement.schema.json",
    )
}

fn parse_json<T: for<'de> Deserialize<'de>>(
    file: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match serde_json::from_str(text) {
        Ok(value) => Some(value),
        Err(error) => {
            problems.push(json_problem(file, &error));
            None
        }
    }
}

/// The years period.from and period.to may have: data/agreement.schema.json's minimum and
/// maximum, so that a file the validator accepts is one the schema accepts.
pub const PERIOD_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// An agreement's dates: the field a problem names, where the date is in the file (a JSON
/// pointer), and what is set to null to read the rest of the file when the date is not one (a
/// report's period is only read whole).
fn date_fields(value: &serde_json::Value) -> Vec<(String, String, String)> {
    let mut fields: Vec<(String, String, String)> = [
        ("signed", "/signed"),
        ("period.start", "/period/start"),
        ("period.end", "/period/end"),
    ]
    .into_iter()
    .map(|(field, at)| (field.to_string(), at.to_string(), at.to_string()))
    .collect();
    let reports = value
        .pointer("/followUp/reports")
        .and_then(serde_json::Value::as_array)
        .map_or(0, Vec::len);
    for i in 0..reports {
        let field = format!("followUp.reports[{i}]");
        let at = format!("/followUp/reports/{i}");
        for end in ["start", "end"] {
            fields.push((
                format!("{field}.period.{end}"),
                format!("{at}/period/{end}"),
                format!("{at}/period"),
            ));
        }
        fields.push((
            format!("{field}.published"),
            format!("{at}/published"),
            format!("{at}/published"),
        ));
    }
    fields
}

/// Read an agreement file. A date that is not a real ISO date stops serde at the first one,
/// with only a line and column; here each such date is named by its field, and set aside
/// (null) so that the rest of the file is still read and checked.
fn parse_agreement(file: &str, text: &str, problems: &mut Vec<Problem>) -> Option<Agreement> {
    let error = match serde_json::from_str(text) {
        Ok(agreement) => return Some(agreement),
        Err(error) => error,
    };
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(text) else {
        problems.push(json_problem(file, &error));
        return None;
    };
    let mut set_aside = Vec::new();
    for (field, at, clear) in date_fields(&value) {
        let Some(date) = value
            .pointer(&at)
            .and_then(serde_json::Value::as_str)
            .filter(|d| parse_iso_date(d).is_none())
        else {
            continue;
        };
        problems.push(problem(
            file,
            field,
            format!("{date:?} is not a valid date"),
            "write the date as YYYY-MM-DD, e.g. \"2016-01-21\", or null",
        ));
        set_aside.push(clear);
    }
    if set_aside.is_empty() {
        problems.push(json_problem(file, &error));
        return None;
    }
    for clear in set_aside {
        if let Some(slot) = value.pointer_mut(&clear) {
            *slot = serde_json::Value::Null;
        }
    }
    match serde_json::from_value(value) {
        Ok(agreement) => Some(agreement),
        Err(error) => {
            problems.push(problem(
                file,
                "(the file besides its dates)",
                error.to_string(),
                "make the file valid JSON in the shape of data/agreement.schema.json",
            ));
            None
        }
    }
}

impl Dataset {
    /// Read and validate a data folder's files. Every problem is reported, not just the first.
    pub fn from_files(files: &DataFiles) -> Result<Dataset, Vec<Problem>> {
        let mut problems = Vec::new();
        let kommuner = parse_kommuner(&files.kommuner_csv, &mut problems);
        let lan = parse_lan(&files.lan_csv, &mut problems);
        let topics: Vec<Topic> =
            parse_json("topics.json", &files.topics_json, &mut problems).unwrap_or_default();
        let areas: Vec<Area> =
            parse_json("areas.json", &files.areas_json, &mut problems).unwrap_or_default();
        // Each agreement keeps its own file through the sort: two files can hold one id (a
        // copy), and a lookup by id would report both on one of them.
        let mut read = Vec::new();
        for (name, text) in &files.agreements {
            let file = format!("agreements/{name}");
            if let Some(agreement) = parse_agreement(&file, text, &mut problems) {
                read.push((agreement, file));
            }
        }
        read.sort_by(|(a, _), (b, _)| newest_first(a, b));
        let (agreements, agreement_files): (Vec<Agreement>, Vec<String>) = read.into_iter().unzip();
        let dataset = Dataset {
            kommuner,
            lan,
            topics,
            areas,
            agreements,
        };
        let sources: HashMap<&str, String> = files
            .sources
            .iter()
            .map(|(name, text)| (name.as_str(), collapse_whitespace(text)))
            .collect();
        problems.extend(dataset.problems_in_files(&agreement_files, &sources));
        if problems.is_empty() {
            Ok(dataset)
        } else {
            problems.sort();
            Err(problems)
        }
    }

    /// Newest first, then by kommun in Swedish order: the order every list starts from.
    pub fn sort(&mut self) {
        self.agreements.sort_by(newest_first);
    }

    /// Everything wrong with an already-parsed dataset. `files_of` names each agreement's
    /// file by its id; `sources` holds each source document with its whitespace collapsed.
    ///
    /// A map by id cannot tell apart two agreements that share an id, so both are reported
    /// on one file; [`Dataset::problems_in_files`] takes each agreement's own file.
    pub fn problems(
        &self,
        files_of: &HashMap<String, String>,
        sources: &HashMap<&str, String>,
    ) -> Vec<Problem> {
        let files: Vec<String> = self
            .agreements
            .iter()
            .map(|a| {
                files_of
                    .get(&a.id)
                    .cloned()
                    .unwrap_or_else(|| default_file(a))
            })
            .collect();
        self.problems_in_files(&files, sources)
    }

    /// Everything wrong with an already-parsed dataset. `files[i]` is the file
    /// `self.agreements[i]` was read from (an agreement past the end of `files` is taken to be
    /// in `agreements/<id>.json`); `sources` holds each source document with its whitespace
    /// collapsed.
    pub fn problems_in_files(
        &self,
        files: &[String],
        sources: &HashMap<&str, String>,
    ) -> Vec<Problem> {
        let mut problems = Vec::new();
        let kommun_names: HashSet<&str> = self
            .kommuner
            .iter()
            .map(|k| k.short_name.as_str())
            .collect();
        let lan_codes: HashSet<&str> = self.lan.iter().map(|l| l.code.as_str()).collect();
        let topic_ids: HashSet<&str> = self.topics.iter().map(|t| t.id.as_str()).collect();
        let area_ids: HashSet<&str> = self.areas.iter().map(|a| a.id.as_str()).collect();

        for k in &self.kommuner {
            if !lan_codes.contains(k.lan_code.as_str()) {
                problems.push(problem(
                    "kommuner.csv",
                    k.short_name.clone(),
                    format!("county code {} is not in lan.csv", k.lan_code),
                    "use a county_code from lan.csv",
                ));
            }
        }
        check_unique(
            &mut problems,
            "topics.json",
            self.topics.iter().map(|t| t.id.as_str()),
            "id",
        );
        check_unique(
            &mut problems,
            "areas.json",
            self.areas.iter().map(|a| a.id.as_str()),
            "id",
        );
        if self.topics.len() > crate::model::MAX_TOPICS {
            problems.push(problem(
                "topics.json",
                "",
                format!(
                    "{} topics; the query engine handles at most {}",
                    self.topics.len(),
                    crate::model::MAX_TOPICS
                ),
                "merge topics",
            ));
        }
        for (i, area) in self.areas.iter().enumerate() {
            let field = format!("[{i}]");
            if !kommun_names.contains(area.kommun.as_str()) {
                problems.push(unknown_kommun(
                    "areas.json",
                    format!("{field}.kommun"),
                    &area.kommun,
                ));
            }
            let expected = format!("{}/{}", slug(&area.kommun), slug(&area.name));
            if area.id != expected {
                problems.push(problem(
                    "areas.json",
                    format!("{field}.id"),
                    format!("id {:?} does not match its kommun and name", area.id),
                    format!("use {expected:?}"),
                ));
            }
        }

        let mut seen_ids: HashMap<&str, String> = HashMap::new();
        for (position, agreement) in self.agreements.iter().enumerate() {
            let file = files
                .get(position)
                .cloned()
                .unwrap_or_else(|| default_file(agreement));
            let mut ids_here: Vec<(&str, String)> = vec![(agreement.id.as_str(), "id".to_string())];
            ids_here.extend(
                agreement
                    .promises
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (p.id.as_str(), format!("promises[{i}].id"))),
            );
            ids_here.extend(
                agreement
                    .activities
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (a.id.as_str(), format!("activities[{i}].id"))),
            );
            let reports = agreement.follow_up.iter().flat_map(|f| &f.reports);
            ids_here.extend(reports.enumerate().filter_map(|(i, r)| {
                Some((r.id.as_deref()?, format!("followUp.reports[{i}].id")))
            }));
            for (id, field) in ids_here {
                if let Some(other) = seen_ids.get(id) {
                    problems.push(problem(
                        &file,
                        field,
                        format!("duplicate id {id:?}, also used in {other}"),
                        "give it an id of its own",
                    ));
                } else {
                    seen_ids.insert(id, file.clone());
                }
            }
            let source = agreement
                .source
                .document
                .as_deref()
                .and_then(|d| sources.get(d).map(|s| (d, s)));
            if let Some(document) = agreement.source.document.as_deref() {
                if source.is_none() {
                    problems.push(problem(
                        &file,
                        "source.document",
                        format!("source document {document:?} is not in data/sources/"),
                        "add the source's text to data/sources/ under that name",
                    ));
                }
            }
            problems.extend(agreement_problems(
                agreement,
                &file,
                &kommun_names,
                &topic_ids,
                &area_ids,
                source.map(|(_, s)| s.as_str()),
            ));
            problems.extend(report_problems(agreement, &file, sources));
        }
        problems
    }

    pub fn agreement(&self, id: &str) -> Option<&Agreement> {
        self.agreements.iter().find(|a| a.id == id)
    }

    /// Find an agreement, promise or activity by its id.
    pub fn locate(&self, id: &str) -> Option<Located<'_>> {
        for a in &self.agreements {
            if a.id == id {
                return Some(Located::Agreement(a));
            }
            // Record ids start with their agreement's id.
            if !id.starts_with(a.id.as_str()) {
                continue;
            }
            if let Some(p) = a.promises.iter().find(|p| p.id == id) {
                return Some(Located::Promise(a, p));
            }
            if let Some(x) = a.activities.iter().find(|x| x.id == id) {
                return Some(Located::Activity(a, x));
            }
        }
        None
    }

    pub fn kommun_by_slug(&self, slug: &str) -> Option<&Kommun> {
        self.kommuner.iter().find(|k| k.slug == slug)
    }

    pub fn kommun_by_name(&self, short_name: &str) -> Option<&Kommun> {
        self.kommuner.iter().find(|k| k.short_name == short_name)
    }

    pub fn lan_by_code(&self, code: &str) -> Option<&Lan> {
        self.lan.iter().find(|l| l.code == code)
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// The län of each kommun an agreement covers, each once, in the order met.
    pub fn lan_of(&self, agreement: &Agreement) -> Vec<&Lan> {
        let mut out: Vec<&Lan> = Vec::new();
        for name in &agreement.kommuner {
            if let Some(lan) = self
                .kommun_by_name(name)
                .and_then(|k| self.lan_by_code(&k.lan_code))
            {
                if !out.iter().any(|l| l.code == lan.code) {
                    out.push(lan);
                }
            }
        }
        out
    }

    /// Agreements covering a kommun, newest first.
    pub fn agreements_for_kommun<'a>(
        &'a self,
        short_name: &'a str,
    ) -> impl Iterator<Item = &'a Agreement> + 'a {
        self.agreements
            .iter()
            .filter(move |a| a.kommuner.iter().any(|k| k == short_name))
    }

    /// Number of agreements per kommun short name.
    pub fn agreement_counts(&self) -> BTreeMap<&str, usize> {
        let mut counts = BTreeMap::new();
        for a in &self.agreements {
            for k in &a.kommuner {
                *counts.entry(k.as_str()).or_insert(0) += 1;
            }
        }
        counts
    }
}

/// Newest first, then by kommun in Swedish order.
fn newest_first(a: &Agreement, b: &Agreement) -> std::cmp::Ordering {
    b.period
        .to
        .cmp(&a.period.to)
        .then(b.period.from.cmp(&a.period.from))
        .then_with(|| {
            compare_sv(
                a.kommuner.first().map_or("", String::as_str),
                b.kommuner.first().map_or("", String::as_str),
            )
        })
}

/// Where an agreement belongs when nobody said which file it came from.
fn default_file(agreement: &Agreement) -> String {
    format!("agreements/{}.json", agreement.id)
}

fn check_unique<'a>(
    problems: &mut Vec<Problem>,
    file: &str,
    ids: impl Iterator<Item = &'a str>,
    field: &str,
) {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            problems.push(problem(
                file,
                field,
                format!("duplicate id {id:?}"),
                "give each entry an id of its own",
            ));
        }
    }
}

fn unknown_kommun(file: &str, field: String, name: &str) -> Problem {
    problem(
        file,
        field,
        format!("unknown kommun {name:?}"),
        "use the short name from data/kommuner.csv (column municipality_name_short), e.g. \"Jönköping\"",
    )
}

/// A valid ISO date, YYYY-MM-DD, that exists in the calendar.
pub fn is_iso_date(text: &str) -> bool {
    parse_iso_date(text).is_some()
}

fn agreement_problems(
    agreement: &Agreement,
    file: &str,
    kommun_names: &HashSet<&str>,
    topic_ids: &HashSet<&str>,
    area_ids: &HashSet<&str>,
    source: Option<&str>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let expected_stem = format!("{}.json", agreement.id);
    if !file.ends_with(&expected_stem) {
        out.push(problem(
            file,
            "id",
            format!("id {:?} does not match the file name", agreement.id),
            format!("name the file {expected_stem}"),
        ));
    }
    if agreement.kommuner.is_empty() {
        out.push(problem(
            file,
            "kommuner",
            "no kommun",
            "name at least one kommun from data/kommuner.csv",
        ));
    }
    for (i, name) in agreement.kommuner.iter().enumerate() {
        if !kommun_names.contains(name.as_str()) {
            out.push(unknown_kommun(file, format!("kommuner[{i}]"), name));
        }
    }
    if agreement.title.trim().is_empty() {
        out.push(problem(
            file,
            "title",
            "empty title",
            "use the source's heading for this agreement",
        ));
    }
    let period = &agreement.period;
    for (field, year) in [("period.from", period.from), ("period.to", period.to)] {
        if !PERIOD_YEARS.contains(&year) {
            out.push(problem(
                file,
                field,
                format!(
                    "the year {year} is outside {}–{}, the years data/agreement.schema.json allows",
                    PERIOD_YEARS.start(),
                    PERIOD_YEARS.end()
                ),
                format!(
                    "give the year of the source, from {} to {}",
                    PERIOD_YEARS.start(),
                    PERIOD_YEARS.end()
                ),
            ));
        }
    }
    if period.to < period.from {
        out.push(problem(
            file,
            "period",
            format!(
                "the period ends ({}) before it starts ({})",
                period.to, period.from
            ),
            "make period.to the same as or later than period.from",
        ));
    }
    if let (Some(start), Some(end)) = (period.start, period.end) {
        if end < start {
            out.push(problem(
                file,
                "period.end",
                format!("ends {end} before it starts {start}"),
                "swap or correct the dates",
            ));
        }
    }
    for (field, date, year, year_field) in [
        ("period.start", period.start, period.from, "period.from"),
        ("period.end", period.end, period.to, "period.to"),
    ] {
        if let Some(date) = date.filter(|d| d.year() != year) {
            out.push(problem(
                file,
                field,
                format!("{date} is not in {year}, the year {year_field} gives"),
                format!("make {field} and {year_field} agree with the source"),
            ));
        }
    }

    let promise_ids: HashSet<&str> = agreement.promises.iter().map(|p| p.id.as_str()).collect();
    let check_text = |field: String, text: &str, out: &mut Vec<Problem>| {
        if text.trim().is_empty() {
            out.push(problem(
                file,
                field,
                "empty text",
                "copy the text from the source, or remove the entry",
            ));
        } else if let Some(source) = source {
            if !source.contains(&collapse_whitespace(text)) {
                out.push(problem(
                    file,
                    field,
                    format!("the text is not verbatim in the source: {:?}", crate::text::shorten(text, 60)),
                    format!("copy it exactly from data/sources/{} (only line breaks and bullets may go)", agreement.source.document.as_deref().unwrap_or("?")),
                ));
            }
        }
    };
    let check_refs =
        |field: String, topics: &[String], areas: &[String], out: &mut Vec<Problem>| {
            for (j, t) in topics.iter().enumerate() {
                if !topic_ids.contains(t.as_str()) {
                    out.push(problem(
                        file,
                        format!("{field}.topics[{j}]"),
                        format!("unknown topic {t:?}"),
                        "use an id from data/topics.json",
                    ));
                }
            }
            for (j, a) in areas.iter().enumerate() {
                if !area_ids.contains(a.as_str()) {
                    out.push(problem(
                        file,
                        format!("{field}.areas[{j}]"),
                        format!("unknown area {a:?}"),
                        "use an id from data/areas.json, or add the area there",
                    ));
                }
            }
        };
    for (i, p) in agreement.promises.iter().enumerate() {
        let field = format!("promises[{i}]");
        check_text(format!("{field}.text"), &p.text, &mut out);
        check_refs(field, &p.topics, &p.areas, &mut out);
    }
    for (i, a) in agreement.activities.iter().enumerate() {
        let field = format!("activities[{i}]");
        check_text(format!("{field}.text"), &a.text, &mut out);
        check_refs(field.clone(), &a.topics, &a.areas, &mut out);
        if let Some(promise) = &a.promise {
            if !promise_ids.contains(promise.as_str()) {
                out.push(problem(
                    file,
                    format!("{field}.promise"),
                    format!("points at promise {promise:?}, which this agreement does not have"),
                    "use the id of one of this agreement's promises, or null",
                ));
            }
        }
        if let Some(frequency) = &a.frequency {
            if !a.text.contains(&frequency.text) {
                out.push(problem(
                    file,
                    format!("{field}.frequency.text"),
                    format!("{:?} is not part of the activity's text", frequency.text),
                    "quote the words of the activity that say how often",
                ));
            }
        }
    }
    out
}

/// Whether an id is lowercase ASCII letters, digits and hyphens, as the schema's pattern.
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// What is wrong with an agreement's follow-up reports: their ids, titles, periods,
/// documents, and the statuses they give. (Ids shared with other records are found with the
/// dataset's other ids.)
fn report_problems(
    agreement: &Agreement,
    file: &str,
    sources: &HashMap<&str, String>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let Some(follow_up) = &agreement.follow_up else {
        return out;
    };
    let (first_day, last_day) = (agreement.period.first_day(), agreement.period.last_day());
    for (i, report) in follow_up.reports.iter().enumerate() {
        let field = format!("followUp.reports[{i}]");
        if let Some(id) = report.id.as_deref().filter(|id| !is_id(id)) {
            out.push(problem(
                file,
                format!("{field}.id"),
                format!("id {id:?} is not lowercase letters, digits and hyphens"),
                format!("use an id such as \"{}-r{}\"", agreement.id, i + 1),
            ));
        }
        if report.title.trim().is_empty() {
            out.push(problem(
                file,
                format!("{field}.title"),
                "empty title",
                "use the report's own title",
            ));
        }
        if let Some(period) = report.period {
            if period.end < period.start {
                out.push(problem(
                    file,
                    format!("{field}.period"),
                    format!("ends {} before it starts {}", period.end, period.start),
                    "swap or correct the dates",
                ));
            }
            if period.start < first_day {
                out.push(problem(
                    file,
                    format!("{field}.period.start"),
                    format!(
                        "{} is before the agreement's period, which starts {first_day}",
                        period.start
                    ),
                    "give the first day the report covers, within the agreement's period (or correct the agreement's period)",
                ));
            }
            if period.end > last_day {
                out.push(problem(
                    file,
                    format!("{field}.period.end"),
                    format!(
                        "{} is after the agreement's period, which ends {last_day}",
                        period.end
                    ),
                    "give the last day the report covers, within the agreement's period (or correct the agreement's period)",
                ));
            }
        }
        let document = report.document.as_deref();
        let document_text = document.and_then(|d| sources.get(d));
        if let Some(document) = document.filter(|_| document_text.is_none()) {
            out.push(problem(
                file,
                format!("{field}.document"),
                format!("report document {document:?} is not in data/sources/"),
                "add the report's text to data/sources/ under that name, or make it null",
            ));
        }
        for (j, status) in report.statuses.iter().enumerate() {
            let field = format!("{field}.statuses[{j}]");
            let activity = &status.activity;
            if !agreement.activities.iter().any(|a| a.id == *activity) {
                out.push(problem(
                    file,
                    format!("{field}.activity"),
                    format!("points at activity {activity:?}, which this agreement does not have"),
                    format!(
                        "use the id of one of this agreement's activities (`loften followup template {}` lists them)",
                        agreement.id
                    ),
                ));
            }
            if let Some(k) = report.statuses[..j]
                .iter()
                .position(|s| s.activity == *activity)
            {
                out.push(problem(
                    file,
                    format!("{field}.activity"),
                    format!("activity {activity:?} has a status in this report already, at statuses[{k}]"),
                    "give each activity at most one status in a report",
                ));
            }
            if let Some(text) = &status.text {
                if text.trim().is_empty() {
                    out.push(problem(
                        file,
                        format!("{field}.text"),
                        "empty text",
                        "copy the report's words about the activity, or make it null",
                    ));
                } else if let Some(source) = document_text {
                    if !source.contains(&collapse_whitespace(text)) {
                        out.push(problem(
                            file,
                            format!("{field}.text"),
                            format!(
                                "the text is not verbatim in the report: {:?}",
                                crate::text::shorten(text, 60)
                            ),
                            format!(
                                "copy it exactly from data/sources/{} (only line breaks and bullets may go)",
                                document.unwrap_or("?")
                            ),
                        ));
                    }
                }
            }
            if let Some(count) = &status.count {
                match (count.done, count.of) {
                    (None, None) => out.push(problem(
                        file,
                        format!("{field}.count"),
                        "a count with neither done nor of",
                        "give the numbers the report gives, or make count null",
                    )),
                    (Some(done), Some(of)) if of > 0 && done > of => out.push(problem(
                        file,
                        format!("{field}.count.done"),
                        format!("{done} done of {of}: more than planned"),
                        "check both numbers against the report",
                    )),
                    _ => {}
                }
            }
        }
    }
    out
}
