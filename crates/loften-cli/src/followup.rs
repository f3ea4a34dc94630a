//! `loften followup`: a sheet for officials to fill in from a follow-up report, the sheet
//! drafted from the report's page, and the filled sheet taken into an agreement's file as a
//! report with statuses. Nothing is written unless the whole dataset, with the report in it,
//! is valid.

use chrono::NaiveDate;
use loften_core::followups::report_date;
use loften_core::followups::sheet::{
    filled_status_sheet, read_status_sheet, status_sheet, SheetDialect, SheetProblem,
};
use loften_core::{Agreement, DataFiles, Dataset, FollowUp, Problem, Report, ReportPeriod};

/// The report a sheet is taken in as, from the command line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportDetails {
    pub agreement: String,
    pub id: String,
    pub title: String,
    pub period: Option<ReportPeriod>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub document: Option<String>,
}

/// Why a sheet was not taken in.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// No agreement has that id, or its file does not read.
    Agreement(String),
    /// Rows of the sheet are wrong: every one of them.
    Sheet(Vec<SheetProblem>),
    /// The data folder is not valid as it is: that comes first.
    DataInvalid(Vec<Problem>),
    /// The dataset with the report in it would not be valid.
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Agreement(message) => f.write_str(message),
            ImportError::Sheet(problems) => list(
                f,
                &format!("the sheet has {} problem(s)", problems.len()),
                problems,
            ),
            ImportError::DataInvalid(problems) => list(
                f,
                &format!(
                    "the data has {} problem(s) already; fix them first (`loften validate`)",
                    problems.len()
                ),
                problems,
            ),
            ImportError::Invalid(problems) => list(
                f,
                &format!(
                    "with this report the data would have {} problem(s)",
                    problems.len()
                ),
                problems,
            ),
        }
    }
}

/// `heading`, that nothing was written, then each problem on a line of its own.
fn list(
    f: &mut std::fmt::Formatter<'_>,
    heading: &str,
    problems: &[impl std::fmt::Display],
) -> std::fmt::Result {
    writeln!(f, "{heading}; nothing was written:")?;
    problems.iter().try_for_each(|p| writeln!(f, "  {p}"))
}

/// An agreement's file, as `DataFiles` names it, and the agreement it holds.
fn agreement_file(files: &DataFiles, id: &str) -> Result<(usize, Agreement), String> {
    let name = format!("{id}.json");
    let Some(position) = files.agreements.iter().position(|(n, _)| *n == name) else {
        let ids: Vec<&str> = files
            .agreements
            .iter()
            .filter_map(|(n, _)| n.strip_suffix(".json"))
            .collect();
        return Err(format!(
            "no agreement {id:?}: there is no agreements/{name}; the agreements are {}",
            ids.join(", ")
        ));
    };
    let agreement = serde_json::from_str(&files.agreements[position].1).map_err(|e| {
        format!("agreements/{name} does not read ({e}); run `loften validate` for what to fix")
    })?;
    Ok((position, agreement))
}

/// The sheet for an agreement: its activities, each on a row to fill in.
pub fn template(
    files: &DataFiles,
    agreement: &str,
    dialect: SheetDialect,
) -> Result<String, String> {
    let (_, agreement) = agreement_file(files, agreement)?;
    Ok(status_sheet(&agreement, dialect))
}

/// A sheet drafted from a follow-up report's page, and what the official should check in it.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftedSheet {
    /// The template's sheet, with the statuses the report gives filled in.
    pub sheet: String,
    /// How many activities got a status, of how many.
    pub statuses: usize,
    pub activities: usize,
    /// Review notes, in Swedish and English.
    pub review: Vec<String>,
}

/// The sheet for an agreement with what a follow-up report's page says filled in
/// (`import::report`), for an official to review before `loften followup import`. A page
/// without any text is refused.
pub fn draft(
    files: &DataFiles,
    agreement: &str,
    page: &crate::import::input::PageInput,
    dialect: SheetDialect,
) -> Result<DraftedSheet, String> {
    let (_, agreement) = agreement_file(files, agreement)?;
    if page.document.blocks.is_empty() {
        return Err(
            "the page has no text to read: no headings, paragraphs, lists or tables (a page that needs JavaScript? save it from the browser, or copy its text into a .txt file)"
                .to_string(),
        );
    }
    let draft = crate::import::report::draft_statuses(&page.document, &agreement);
    Ok(DraftedSheet {
        sheet: filled_status_sheet(&agreement, &draft.statuses, dialect),
        statuses: draft.statuses.len(),
        activities: agreement.activities.len(),
        review: draft.review,
    })
}

/// What taking in a sheet gives: the agreement file's new text, to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// Relative to the data folder: `agreements/<id>.json`.
    pub file: String,
    pub text: String,
    pub statuses: usize,
    /// Whether a report was replaced (one with the same id, or one without an id and with
    /// the same title), rather than added.
    pub replaced: bool,
}

/// Take in a filled sheet as a report of an agreement, checked with the whole dataset in
/// memory. A report with the same id, or one without an id but with the same title (as the
/// sources list them), is replaced where it stands; else the report is added in its place
/// among the reports, newest first.
pub fn import(
    files: &DataFiles,
    sheet: &str,
    details: &ReportDetails,
) -> Result<Imported, ImportError> {
    let (position, mut agreement) =
        agreement_file(files, &details.agreement).map_err(ImportError::Agreement)?;
    Dataset::from_files(files).map_err(ImportError::DataInvalid)?;
    let statuses = read_status_sheet(&agreement, sheet).map_err(ImportError::Sheet)?;
    let report = Report {
        id: Some(details.id.clone()),
        title: details.title.clone(),
        period: details.period,
        published: details.published,
        url: details.url.clone(),
        document: details.document.clone(),
        statuses,
    };
    let statuses = report.statuses.len();
    let reports = &mut agreement
        .follow_up
        .get_or_insert_with(|| FollowUp {
            cadence: None,
            text: None,
            reports: Vec::new(),
        })
        .reports;
    let same = reports
        .iter()
        .position(|r| r.id.as_deref() == Some(&details.id))
        .or_else(|| {
            reports
                .iter()
                .position(|r| r.id.is_none() && r.title == details.title)
        });
    let replaced = same.is_some();
    match same {
        Some(at) => reports[at] = report,
        None => {
            let date = report_date(&report);
            let at = reports
                .iter()
                .position(|r| report_date(r) <= date)
                .unwrap_or(reports.len());
            reports.insert(at, report);
        }
    }
    let text = serde_json::to_string_pretty(&agreement).expect("the model is plain data") + "\n";
    let mut changed = files.clone();
    changed.agreements[position].1 = text.clone();
    Dataset::from_files(&changed).map_err(ImportError::Invalid)?;
    Ok(Imported {
        file: format!("agreements/{}", changed.agreements[position].0),
        text,
        statuses,
        replaced,
    })
}

/// A sheet's bytes as text: UTF-8, as the sheet must be saved; anything else is refused, as
/// the report's words are kept verbatim.
pub fn sheet_text(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|_| {
        "the sheet is not UTF-8; in Excel, save it as \"CSV UTF-8\" (semicolons or commas are both read)"
            .to_string()
    })
}
