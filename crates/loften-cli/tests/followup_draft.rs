//! `loften followup draft`: follow-up reports' pages read into status sheets, scored against
//! what a careful official would fill in. (The command itself, run end to end on a copy of
//! the data folder, is tested with `followup import` in `followup.rs`.)
//!
//! The corpus (`tests/corpus/followups/`) holds report pages written for these tests in the
//! layouts real reports use, each as copied text (`.txt`) and as a saved page (`.html`), with
//! the statuses they give (`.json`: the agreement's id and its `ActivityStatus`es; an
//! activity not listed has none). Pages named `h…` were written after the reader and never
//! used to change it: its figures on pages it has not seen.

mod common;

use std::path::{Path, PathBuf};

use loften_cli::followup::draft;
use loften_cli::import::input::{from_bytes, PageInput};
use loften_cli::import::report::draft_statuses;
use loften_cli::import::Document;
use loften_core::followups::sheet::{read_status_sheet, SheetDialect};
use loften_core::text::collapse_whitespace;
use loften_core::{ActivityStatus, Agreement, DataFiles, Dataset};
use serde::Deserialize;

use common::Scores;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn real_data() -> Dataset {
    Dataset::from_files(&DataFiles::read_dir(&data_dir()).unwrap()).unwrap()
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/followups")
}

#[derive(Deserialize)]
struct Expected {
    agreement: String,
    statuses: Vec<ActivityStatus>,
}

/// A report page, as text and as a saved page, and what it says.
struct ReportPage {
    name: String,
    text: String,
    html: String,
    agreement: Agreement,
    expected: Vec<ActivityStatus>,
}

/// The corpus pages (`held_out` false) or the held-out ones (`h…`).
fn pages(held_out: bool) -> Vec<ReportPage> {
    let data = real_data();
    let dir = corpus_dir();
    common::page_names(&dir, held_out)
        .into_iter()
        .map(|name| {
            let read = |ending: &str| common::page_file(&dir, &name, ending);
            let expected: Expected =
                serde_json::from_str(&read("json")).unwrap_or_else(|e| panic!("{name}.json: {e}"));
            let agreement = data
                .agreement(&expected.agreement)
                .unwrap_or_else(|| panic!("{name}: no agreement {}", expected.agreement))
                .clone();
            ReportPage {
                text: read("txt"),
                html: read("html"),
                agreement,
                expected: expected.statuses,
                name,
            }
        })
        .collect()
}

/// A page's document and text as `loften followup draft` reads the file.
fn read(bytes: &str) -> (String, Document) {
    let (text, document, _) = from_bytes(bytes.as_bytes(), false).unwrap();
    (text, document)
}

const FIELDS: [&str; 3] = ["status", "count", "text"];

/// Each activity's status, count and text as drafted, against the expected; what differs is
/// listed for the figures' reader.
fn score(
    page: &ReportPage,
    found: &[ActivityStatus],
    scores: &mut Scores,
    misses: &mut Vec<String>,
) {
    let of = |list: &[ActivityStatus], id: &str| list.iter().find(|s| s.activity == id).cloned();
    for activity in &page.agreement.activities {
        let (f, e) = (of(found, &activity.id), of(&page.expected, &activity.id));
        let status = (f.as_ref().map(|s| s.status), e.as_ref().map(|s| s.status));
        let count = (
            f.as_ref().and_then(|s| s.count.clone()),
            e.as_ref().and_then(|s| s.count.clone()),
        );
        let text = (
            f.as_ref()
                .and_then(|s| s.text.as_deref().map(collapse_whitespace)),
            e.as_ref()
                .and_then(|s| s.text.as_deref().map(collapse_whitespace)),
        );
        if status.0 != status.1 || count.0 != count.1 || text.0 != text.1 {
            misses.push(format!(
                "{} {}: found {:?}, expected {:?}",
                page.name, activity.id, f, e
            ));
        }
        scores
            .entry("status")
            .or_default()
            .value(status.0, status.1);
        scores.entry("count").or_default().value(count.0, count.1);
        scores.entry("text").or_default().value(text.0, text.1);
    }
}

/// The pages drafted from their text or their saved HTML, scored.
fn score_pages(pages: &[ReportPage], html: bool) -> (Scores, Vec<String>) {
    let mut scores = Scores::new();
    let mut misses = Vec::new();
    for page in pages {
        let (_, document) = read(if html { &page.html } else { &page.text });
        let drafted = draft_statuses(&document, &page.agreement);
        score(page, &drafted.statuses, &mut scores, &mut misses);
    }
    (scores, misses)
}

/// The pages' figures as text and as saved pages, printed with what differs, each field at
/// least its floor (field, precision, recall).
fn score_and_hold(pages: &[ReportPage], what: &str, floors: &[(&str, f64, f64)]) {
    for html in [false, true] {
        let (scores, misses) = score_pages(pages, html);
        let what = format!(
            "{what} as {} ({} pages)",
            if html { "HTML" } else { "text" },
            pages.len()
        );
        println!("\n{what}");
        common::print_table(&FIELDS, &scores);
        for miss in misses {
            println!("  {miss}");
        }
        common::assert_floors(&what, &FIELDS, &scores, |field| {
            floors
                .iter()
                .find(|(f, ..)| *f == field)
                .map(|&(_, p, r)| (p, r))
                .expect("a floor for every field")
        });
    }
}

/// Today's figures on the corpus, (field, precision, recall): a change may raise them, never
/// lower them.
const CORPUS_FLOORS: [(&str, f64, f64); 3] = [
    ("status", 1.0, 1.0),
    ("count", 1.0, 1.0),
    ("text", 1.0, 1.0),
];

#[test]
fn corpus_reports_draft_as_a_careful_official_fills_them_in() {
    let pages = pages(false);
    assert!(pages.len() >= 8, "{} corpus pages", pages.len());
    score_and_hold(&pages, "Corpus", &CORPUS_FLOORS);
}

/// Figures of pages written after the reader, with their floors: the figures it got on first
/// reading them, so a change that loses what it read then fails. What it misses there it
/// leaves blank with a note: statuses said by verbs it has no word for ("bedrevs", "har
/// fortsatt", "har gjorts") and a long item whose words are mostly not the activity's.
const HELD_OUT_FLOORS: [(&str, f64, f64); 3] = [
    ("status", 1.0, 0.636),
    ("count", 1.0, 1.0),
    ("text", 1.0, 0.636),
];

#[test]
fn held_out_reports_are_scored_apart() {
    let pages = pages(true);
    assert!(pages.len() >= 2, "{} held-out pages", pages.len());
    score_and_hold(&pages, "Held-out pages", &HELD_OUT_FLOORS);
}

#[test]
fn every_text_is_verbatim_in_the_page_it_was_read_from() {
    let mut checked = 0;
    for page in pages(false).into_iter().chain(pages(true)) {
        for source in [&page.text, &page.html] {
            let (text, document) = read(source);
            let page_text = collapse_whitespace(&text);
            for status in draft_statuses(&document, &page.agreement).statuses {
                if let Some(words) = &status.text {
                    assert!(
                        page_text.contains(&collapse_whitespace(words)),
                        "{} {}: {words:?} is not in the page",
                        page.name,
                        status.activity
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} texts");
}

#[test]
fn a_sheet_drafted_from_a_page_reads_back_as_its_statuses() {
    let files = DataFiles::read_dir(&data_dir()).unwrap();
    for page in pages(false) {
        let input = page_input(&page.html, &format!("{}.html", page.name));
        for dialect in [SheetDialect::Excel, SheetDialect::Comma] {
            let drafted = draft(&files, &page.agreement.id, &input, dialect).unwrap();
            let read = read_status_sheet(&page.agreement, &drafted.sheet)
                .unwrap_or_else(|p| panic!("{}: {p:#?}", page.name));
            let direct = draft_statuses(&input.document, &page.agreement).statuses;
            assert_eq!(read, direct, "{}", page.name);
            assert_eq!(drafted.statuses, direct.len());
        }
    }
}

/// A page as `PageInput::read` gives a file.
fn page_input(contents: &str, file_name: &str) -> PageInput {
    let (text, document) = read(contents);
    PageInput {
        text,
        document,
        file_name: file_name.into(),
        url: None,
        warnings: Vec::new(),
    }
}

#[test]
fn a_report_about_nothing_of_the_agreement_gives_the_blank_template_and_says_so() {
    let files = DataFiles::read_dir(&data_dir()).unwrap();
    let page = page_input(
        "Uppföljning 2021\n\nCykelkampanjen i Hamnen är genomförd. Båtmässan pågår.\n",
        "annat.txt",
    );
    let drafted = draft(&files, "eslov-2016", &page, SheetDialect::Excel).unwrap();
    let template = loften_cli::followup::template(&files, "eslov-2016", SheetDialect::Excel);
    assert_eq!(drafted.sheet, template.unwrap());
    assert_eq!(drafted.statuses, 0);
    assert!(
        drafted.review[0].contains("Nothing in the report matched"),
        "{:#?}",
        drafted.review
    );
    // Every activity is said to be left blank, not "not done"; each passage with a status
    // that matched nothing is named.
    for id in ["eslov-2016-a1", "eslov-2016-a2", "eslov-2016-a3"] {
        assert!(
            drafted
                .review
                .iter()
                .any(|n| n.starts_with(id) && n.contains("left blank")),
            "{id}: {:#?}",
            drafted.review
        );
    }
    for passage in ["Cykelkampanjen", "Båtmässan"] {
        assert!(
            drafted.review.iter().any(|n| n.contains(passage)),
            "{passage}: {:#?}",
            drafted.review
        );
    }
}

#[test]
fn what_the_reader_is_unsure_of_goes_to_review() {
    let data = real_data();
    let agreement = data.agreement("jokkmokk-2020-2022").unwrap();
    let (_, document) = read(
        "Uppföljning Jokkmokk\n\n\
         • 126 trafikkontroller, främst på väg 45.\n\
         • Trygghetsvandringen genomförd, men även orossamtal med barn pågår.\n\
         • Tillsyner: 3 av 2 genomförda.\n",
    );
    let drafted = draft_statuses(&document, agreement);
    let review = drafted.review.join("\n");
    // A count without a status is no status.
    assert!(
        !drafted.statuses.iter().any(|s| s.activity.ends_with("-a5")),
        "{:#?}",
        drafted.statuses
    );
    assert!(
        review.contains("jokkmokk-2020-2022-a5: the report mentions"),
        "{review}"
    );
    assert!(review.contains("gives several statuses"), "{review}");
    // More done than planned is no count.
    assert!(
        drafted.statuses.iter().all(|s| s.count.is_none()),
        "{:#?}",
        drafted.statuses
    );
}
