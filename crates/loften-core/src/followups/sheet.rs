//! The sheet officials fill in from a follow-up report, one row per activity, for
//! `loften followup template` to write and `loften followup import` to read. It is CSV as a
//! spreadsheet writes it: Excel in Swedish separates with semicolons, others with commas,
//! with or without a byte-order mark.

use crate::model::{ActivityStatus, Agreement, DoneCount, Progress};

/// The sheet's columns, as its header names them.
pub const SHEET_COLUMNS: [&str; 7] = [
    "activity",
    "activity_text",
    "status",
    "text",
    "done",
    "of",
    "unit",
];

/// How a sheet is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetDialect {
    /// Semicolons, after a byte-order mark: what Excel in Swedish opens straight into
    /// columns, with å, ä and ö read as UTF-8.
    Excel,
    /// Commas, no byte-order mark (RFC 4180).
    Comma,
}

/// A sheet to fill in from a follow-up report: a header, then one row per activity of the
/// agreement with its id and text, the other cells empty.
pub fn status_sheet(agreement: &Agreement, dialect: SheetDialect) -> String {
    filled_status_sheet(agreement, &[], dialect)
}

/// The sheet with what is known filled in: each activity's row holds its status (as its
/// Swedish label), text and count from `statuses`; an activity without one keeps its cells
/// empty. `read_status_sheet` reads it back as `statuses`.
pub fn filled_status_sheet(
    agreement: &Agreement,
    statuses: &[ActivityStatus],
    dialect: SheetDialect,
) -> String {
    let (delimiter, start) = match dialect {
        SheetDialect::Excel => (b';', "\u{feff}"),
        SheetDialect::Comma => (b',', ""),
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(start.as_bytes().to_vec());
    let in_memory = "writing into memory cannot fail";
    writer.write_record(SHEET_COLUMNS).expect(in_memory);
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    for activity in &agreement.activities {
        let found = statuses.iter().find(|s| s.activity == activity.id);
        let status = found.map_or("", |s| s.status.label_sv());
        let text = found.and_then(|s| s.text.as_deref()).unwrap_or_default();
        let count = found.and_then(|s| s.count.as_ref());
        let row = [
            activity.id.as_str(),
            &activity.text,
            status,
            text,
            &number(count.and_then(|c| c.done)),
            &number(count.and_then(|c| c.of)),
            count.and_then(|c| c.unit.as_deref()).unwrap_or_default(),
        ];
        writer.write_record(row).expect(in_memory);
    }
    let bytes = writer.into_inner().expect(in_memory);
    String::from_utf8(bytes).expect("the cells are text")
}

/// One thing wrong with a filled-in sheet, said so that whoever filled it in can fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetProblem {
    /// The row as a spreadsheet numbers it: the header is row 1.
    pub row: usize,
    /// The column's name in the header; for a problem of the header itself, its letter.
    pub column: String,
    /// What the cell holds.
    pub value: String,
    pub message: String,
    pub fix: String,
}

impl std::fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "row {}, column {}: {:?}: {}\n    fix: {}",
            self.row, self.column, self.value, self.message, self.fix
        )
    }
}

/// A column's letter as a spreadsheet shows it: A for the first, Z, then AA.
fn column_letter(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.iter().rev().map(|&b| char::from(b)).collect()
}

/// The sheet's delimiter: a semicolon when its header has more of them than commas (Excel in
/// Swedish writes semicolons), else a comma.
fn sheet_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

fn problem(row: usize, column: &str, value: &str, message: &str, fix: &str) -> SheetProblem {
    SheetProblem {
        row,
        column: column.to_string(),
        value: value.to_string(),
        message: message.to_string(),
        fix: fix.to_string(),
    }
}

/// Where each of the sheet's columns is, by the names of its header (trimmed, in any case),
/// or what is wrong with the header.
struct Header {
    names: Vec<String>,
}

impl Header {
    fn read(cells: &csv::StringRecord, problems: &mut Vec<SheetProblem>) -> Header {
        let names: Vec<String> = cells.iter().map(|c| c.trim().to_lowercase()).collect();
        let known = SHEET_COLUMNS.join(", ");
        for (i, name) in names.iter().enumerate() {
            let letter = column_letter(i);
            if name.is_empty() {
                continue;
            }
            if !SHEET_COLUMNS.contains(&name.as_str()) {
                problems.push(problem(
                    1,
                    &letter,
                    name,
                    "not a column of the sheet",
                    &format!("remove the column, or name it one of {known}"),
                ));
            } else if names[..i].contains(name) {
                problems.push(problem(
                    1,
                    &letter,
                    name,
                    "the column is in the header twice",
                    "keep one of them",
                ));
            }
        }
        for required in ["activity", "status"] {
            if !names.iter().any(|n| n == required) {
                problems.push(problem(
                    1,
                    required,
                    "",
                    &format!("the header has no column {required:?}"),
                    &format!("keep the template's header: {known}"),
                ));
            }
        }
        Header { names }
    }

    /// A row's cell in the named column, trimmed; empty when the sheet lacks the column.
    fn cell<'r>(&self, row: &'r csv::StringRecord, name: &str) -> &'r str {
        self.names
            .iter()
            .position(|n| n == name)
            .and_then(|at| row.get(at))
            .map_or("", str::trim)
    }
}

/// A count's number as a sheet holds it, where Excel in Swedish may write 1 000 with a
/// (non-breaking) space between the thousands.
fn whole_number(cell: &str) -> Option<u32> {
    let digits: String = cell
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A filled-in sheet's statuses for `agreement`, in the agreement's order of activities. The
/// sheet is UTF-8, with or without a byte-order mark, separated by commas or semicolons; its
/// columns are found by their names, in any order. A row whose status is empty says nothing
/// of its activity (it is not followed up in this report). Every problem of every row is
/// reported, and then no status at all.
pub fn read_status_sheet(
    agreement: &Agreement,
    text: &str,
) -> Result<Vec<ActivityStatus>, Vec<SheetProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sheet_delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut problems = Vec::new();
    let header = match records.next() {
        Some(Ok(cells)) => Header::read(&cells, &mut problems),
        Some(Err(error)) => {
            return Err(vec![problem(
                1,
                "(the header)",
                "",
                &error.to_string(),
                "save the sheet as CSV UTF-8",
            )]);
        }
        None => {
            return Err(vec![problem(
                1,
                "(the header)",
                "",
                "the sheet is empty",
                &format!("start from `loften followup template {}`", agreement.id),
            )]);
        }
    };
    if problems
        .iter()
        .any(|p| p.message.starts_with("the header has no"))
    {
        return Err(problems);
    }

    let allowed = Progress::ALL
        .iter()
        .map(|p| format!("{} ({})", p.word(), p.label_sv()))
        .collect::<Vec<_>>()
        .join(", ");
    let template = format!("`loften followup template {}`", agreement.id);
    let mut row_of_activity: Vec<(String, usize)> = Vec::new();
    let mut statuses: Vec<ActivityStatus> = Vec::new();
    for (i, record) in records.enumerate() {
        let row = i + 2;
        let cells = match record {
            Ok(cells) => cells,
            Err(error) => {
                let message = error.to_string();
                problems.push(problem(
                    row,
                    "(the row)",
                    "",
                    &message,
                    "save the sheet as CSV UTF-8",
                ));
                continue;
            }
        };
        let cell = |name: &str| header.cell(&cells, name);
        let (activity, typed_status, text) = (cell("activity"), cell("status"), cell("text"));
        let (done_cell, of_cell, unit) = (cell("done"), cell("of"), cell("unit"));
        let says_something = [typed_status, text, done_cell, of_cell, unit]
            .iter()
            .any(|c| !c.is_empty());
        if activity.is_empty() {
            if says_something {
                problems.push(problem(
                    row,
                    "activity",
                    "",
                    "a status, text or count without an activity",
                    &format!("give the activity's id, as {template} has it"),
                ));
            }
            continue;
        }
        if !agreement.activities.iter().any(|a| a.id == activity) {
            problems.push(problem(
                row,
                "activity",
                activity,
                &format!("{} has no such activity", agreement.id),
                &format!("use the ids {template} lists"),
            ));
            continue;
        }
        if let Some((_, first)) = row_of_activity.iter().find(|(id, _)| id == activity) {
            problems.push(problem(
                row,
                "activity",
                activity,
                &format!("the activity is on row {first} too"),
                "give each activity one row",
            ));
            continue;
        }
        row_of_activity.push((activity.to_string(), row));
        if typed_status.is_empty() {
            if says_something {
                problems.push(problem(
                    row,
                    "status",
                    "",
                    "a text or count without a status",
                    &format!("give the status the report gives, one of {allowed}; or empty the row's other cells if the report does not speak of the activity"),
                ));
            }
            continue;
        }
        let Some(status) = Progress::from_typed(typed_status) else {
            problems.push(problem(
                row,
                "status",
                typed_status,
                "not a status",
                &format!("use one of {allowed}; or leave it empty if the report does not speak of the activity"),
            ));
            continue;
        };
        let mut count_is_wrong = false;
        let mut number = |column: &str, cell: &str| {
            let number = whole_number(cell);
            if number.is_none() && !cell.is_empty() {
                count_is_wrong = true;
                problems.push(problem(
                    row,
                    column,
                    cell,
                    "not a whole number",
                    "write the number the report gives, such as 52, or leave the cell empty",
                ));
            }
            number
        };
        let (done, of) = (number("done", done_cell), number("of", of_cell));
        if count_is_wrong {
            continue;
        }
        if let (Some(done), Some(of)) = (done, of) {
            if of > 0 && done > of {
                problems.push(problem(
                    row,
                    "done",
                    done_cell,
                    &format!("more done than planned: {done} of {of}"),
                    "check both numbers against the report",
                ));
                continue;
            }
        }
        if done.is_none() && of.is_none() && !unit.is_empty() {
            problems.push(problem(
                row,
                "unit",
                unit,
                "a unit without a number",
                "give done or of (or both) as the report does, or empty the unit",
            ));
            continue;
        }
        let given = |cell: &str| (!cell.is_empty()).then(|| cell.to_string());
        statuses.push(ActivityStatus {
            activity: activity.to_string(),
            status,
            text: given(text),
            count: (done.is_some() || of.is_some()).then(|| DoneCount {
                done,
                of,
                unit: given(unit),
            }),
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let place = |id: &str| agreement.activities.iter().position(|a| a.id == id);
    statuses.sort_by_key(|s| place(&s.activity));
    Ok(statuses)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_a_spreadsheet_letters_them() {
        let letters: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(column_letter)
            .collect();
        assert_eq!(
            letters,
            ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
        );
    }

    #[test]
    fn whole_numbers_may_have_spaces_between_thousands() {
        assert_eq!(whole_number("52"), Some(52));
        assert_eq!(whole_number("1 000"), Some(1000));
        assert_eq!(whole_number("1\u{a0}000"), Some(1000));
        for bad in ["", " ", "5,5", "-3", "52 st", "ca 50", "4294967296"] {
            assert_eq!(whole_number(bad), None, "{bad:?}");
        }
    }
}
