//! `loften followup`: the sheet for an agreement, a sheet drafted from a report's page, and a
//! filled sheet taken in as a report, on copies of the real data folder, through the library
//! and through the command itself. (What drafts read from pages is scored in
//! `followup_draft.rs`.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use loften_cli::followup::{import, template, ImportError, Imported, ReportDetails};
use loften_core::followups::sheet::SheetDialect;
use loften_core::{Agreement, DataFiles, Dataset, Progress, ReportPeriod};

const AGREEMENT: &str = "jonkoping-2018-2019";
const TERTIAL_3_2018: &str = "Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 3 2018";

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn real_files() -> DataFiles {
    DataFiles::read_dir(&data_dir()).unwrap()
}

/// A copy of the real data folder to change.
fn scratch_data(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("loften-followup-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["agreements", "sources"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for entry in std::fs::read_dir(data_dir().join(sub)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join(sub).join(path.file_name().unwrap())).unwrap();
        }
    }
    for file in ["kommuner.csv", "lan.csv", "topics.json", "areas.json"] {
        std::fs::copy(data_dir().join(file), dir.join(file)).unwrap();
    }
    dir
}

fn loften(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loften"))
        .args(args)
        .output()
        .unwrap()
}

/// `loften followup import SHEET --agreement ID --report REPORT --title TITLE --data DATA`,
/// with more arguments after.
fn import_command(
    sheet: &Path,
    agreement: &str,
    report: &str,
    title: &str,
    data: &Path,
    more: &[&str],
) -> Output {
    let args = [
        "followup",
        "import",
        sheet.to_str().unwrap(),
        "--agreement",
        agreement,
        "--report",
        report,
        "--title",
        title,
        "--data",
        data.to_str().unwrap(),
    ];
    loften(&[&args[..], more].concat())
}

fn details(id: &str, title: &str) -> ReportDetails {
    ReportDetails {
        agreement: AGREEMENT.into(),
        id: id.into(),
        title: title.into(),
        ..ReportDetails::default()
    }
}

fn day(text: &str) -> chrono::NaiveDate {
    text.parse().unwrap()
}

fn agreement_of(imported: &Imported) -> Agreement {
    serde_json::from_str(&imported.text).unwrap()
}

/// The titles of the agreement's reports, in order.
fn titles(agreement: &Agreement) -> Vec<String> {
    let reports = agreement.follow_up.iter().flat_map(|f| &f.reports);
    reports.map(|r| r.title.clone()).collect()
}

/// A sheet as Excel in Swedish saves it: a byte-order mark, semicolons, CRLF, Swedish labels.
const SWEDISH_EXCEL_SHEET: &str = "\u{feff}activity;activity_text;status;text;done;of;unit\r\n\
    jonkoping-2018-2019-a1;Polisen kommer genomföra hundsök…;Genomförd;;52;100;hundsök\r\n\
    jonkoping-2018-2019-a2;Den strategiska säkerhetsgruppen…;delvis genomförd;;;;\r\n\
    jonkoping-2018-2019-a3;Områdespoliserna…;;;;;\r\n\
    jonkoping-2018-2019-a6;…;EJ PÅBÖRJAD;;;;\r\n";

#[test]
fn the_template_lists_the_agreement_s_activities() {
    let files = real_files();
    let sheet = template(&files, AGREEMENT, SheetDialect::Excel).unwrap();
    assert!(sheet.starts_with("\u{feff}activity;activity_text;status;text;done;of;unit\r\n"));
    assert_eq!(sheet.lines().count(), 1 + 11);
    let error = template(&files, "jonkoping-2017", SheetDialect::Comma).unwrap_err();
    assert!(error.contains("no agreement \"jonkoping-2017\""), "{error}");
    assert!(error.contains("jonkoping-2018-2019"), "{error}");

    // The command writes the same sheet to a file, or prints it.
    let dir = scratch_data("template");
    let out = dir.join("sheet.csv");
    let data = dir.to_str().unwrap();
    let output = loften(&[
        "followup",
        "template",
        AGREEMENT,
        "--data",
        data,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), sheet);
    let output = loften(&["followup", "template", AGREEMENT, "--data", data, "--comma"]);
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        template(&files, AGREEMENT, SheetDialect::Comma).unwrap()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_swedish_excel_sheet_becomes_the_report_it_was_filled_from() {
    let files = real_files();
    let mut report = details("jonkoping-2018-2019-r2", TERTIAL_3_2018);
    report.period = Some(ReportPeriod {
        start: day("2018-09-01"),
        end: day("2018-12-31"),
    });
    report.published = Some(day("2019-01-20"));
    report.url = Some("https://polisen.se/uppfoljning-t3-2018".into());
    let imported = import(&files, SWEDISH_EXCEL_SHEET, &report).unwrap();
    assert_eq!(imported.file, "agreements/jonkoping-2018-2019.json");
    assert_eq!(imported.statuses, 3);
    // The sources list tertial 3 2018 without an id: that is the report filled in.
    assert!(imported.replaced);
    let agreement = agreement_of(&imported);
    assert_eq!(
        titles(&agreement),
        [
            "Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2019",
            TERTIAL_3_2018
        ]
    );
    let r2 = &agreement.follow_up.as_ref().unwrap().reports[1];
    assert_eq!(r2.id.as_deref(), Some("jonkoping-2018-2019-r2"));
    assert_eq!(r2.published, Some(day("2019-01-20")));
    let statuses: Vec<(&str, Progress)> = r2
        .statuses
        .iter()
        .map(|s| (s.activity.as_str(), s.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("jonkoping-2018-2019-a1", Progress::Done),
            ("jonkoping-2018-2019-a2", Progress::Partly),
            ("jonkoping-2018-2019-a6", Progress::NotStarted),
        ]
    );
    assert_eq!(
        r2.statuses[0].count.as_ref().map(|c| (c.done, c.of)),
        Some((Some(52), Some(100)))
    );
    let (latest, status) =
        loften_core::followups::activity_status(&agreement, "jonkoping-2018-2019-a1").unwrap();
    assert_eq!(
        (latest.title.as_str(), status.status),
        (TERTIAL_3_2018, Progress::Done)
    );
    // Activity a3's row had no status: it is not followed up, not "not done".
    assert_eq!(
        loften_core::followups::activity_status(&agreement, "jonkoping-2018-2019-a3"),
        None
    );

    // Only the report changed: the rest of the file is as it was.
    let before = &files
        .agreements
        .iter()
        .find(|(n, _)| n == "jonkoping-2018-2019.json")
        .unwrap()
        .1;
    let mut unchanged: Agreement = serde_json::from_str(before).unwrap();
    unchanged.follow_up.as_mut().unwrap().reports[1] = r2.clone();
    assert_eq!(agreement, unchanged);
}

#[test]
fn the_command_writes_the_report_into_the_agreement_s_file() {
    let dir = scratch_data("import");
    let sheet = dir.join("t3-2018.csv");
    std::fs::write(&sheet, SWEDISH_EXCEL_SHEET).unwrap();
    let output = import_command(
        &sheet,
        AGREEMENT,
        "jonkoping-2018-2019-r2",
        TERTIAL_3_2018,
        &dir,
        &["--period-start", "2018-09-01", "--period-end", "2018-12-31"],
    );
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("replaced report jonkoping-2018-2019-r2"),
        "{stdout}"
    );
    let data = Dataset::from_files(&DataFiles::read_dir(&dir).unwrap()).expect("still valid");
    let agreement = data.agreement(AGREEMENT).unwrap();
    let r2 = &agreement.follow_up.as_ref().unwrap().reports[1];
    assert_eq!(r2.statuses.len(), 3);
    assert_eq!(
        r2.period.map(|p| (p.start, p.end)),
        Some((day("2018-09-01"), day("2018-12-31")))
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_sheet_with_two_bad_rows_reports_both_and_writes_nothing() {
    let dir = scratch_data("two-bad-rows");
    let file = dir.join("agreements/jonkoping-2018-2019.json");
    let before = std::fs::read(&file).unwrap();
    let sheet = dir.join("bad.csv");
    std::fs::write(
        &sheet,
        "activity,activity_text,status,text,done,of,unit\n\
         jonkoping-2018-2019-a1,,Klart,,,,\n\
         jonkoping-2018-2019-a2,,done,,,,\n\
         jonkoping-2018-2019-a3,,ongoing,,tre,10,\n",
    )
    .unwrap();
    let output = import_command(
        &sheet,
        AGREEMENT,
        "jonkoping-2018-2019-r3",
        "Uppföljning tertial 1 2019",
        &dir,
        &[],
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("2 problem(s); nothing was written"),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 2, column status: \"Klart\": not a status"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Genomförd"),
        "the allowed statuses are listed: {stderr}"
    );
    assert!(
        stderr.contains("row 4, column done: \"tre\": not a whole number"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the file is unchanged"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_report_the_dataset_would_not_accept_is_not_written() {
    // The agreement covers 2018–2019; a report of 2017 is another agreement's.
    let mut report = details("jonkoping-2018-2019-r9", "Uppföljning 2017");
    report.period = Some(ReportPeriod {
        start: day("2017-09-01"),
        end: day("2017-12-31"),
    });
    let Err(ImportError::Invalid(problems)) = import(&real_files(), SWEDISH_EXCEL_SHEET, &report)
    else {
        panic!("a report outside the agreement's period was taken in");
    };
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].file, "agreements/jonkoping-2018-2019.json");
    assert_eq!(problems[0].field, "followUp.reports[0].period.start");

    // A report id another record has.
    let report = details("eslov-2016-a1", "Uppföljning");
    let Err(ImportError::Invalid(problems)) = import(&real_files(), SWEDISH_EXCEL_SHEET, &report)
    else {
        panic!("a report with another record's id was taken in");
    };
    assert!(
        problems[0]
            .message
            .contains("duplicate id \"eslov-2016-a1\""),
        "{problems:#?}"
    );

    // Data that is wrong already is said to be, before any report is taken in.
    let mut broken = real_files();
    broken.agreements[0].1 = broken.agreements[0]
        .1
        .replacen("\"title\":", "\"title\"", 1);
    let report = details("jonkoping-2018-2019-r3", "Uppföljning");
    let error = import(&broken, SWEDISH_EXCEL_SHEET, &report).unwrap_err();
    assert!(matches!(error, ImportError::DataInvalid(_)), "{error:?}");
    assert!(error.to_string().contains("loften validate"), "{error}");

    // Through the command, with a document that is not in the sources: nothing written.
    let dir = scratch_data("invalid");
    let file = dir.join("agreements/jonkoping-2018-2019.json");
    let before = std::fs::read(&file).unwrap();
    let sheet = dir.join("sheet.csv");
    std::fs::write(&sheet, SWEDISH_EXCEL_SHEET).unwrap();
    let output = import_command(
        &sheet,
        AGREEMENT,
        "jonkoping-2018-2019-r3",
        "Uppföljning tertial 2 2019",
        &dir,
        &["--document", "uppfoljning-t2-2019.txt"],
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(stderr.contains("followUp.reports[0].document"), "{stderr}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_new_report_takes_its_place_newest_first_and_its_id_replaces_it_later() {
    let files = real_files();
    let sheet = "activity,status\njonkoping-2018-2019-a1,ongoing\n";
    let mut t2_2019 = details("jonkoping-2018-2019-r3", "Uppföljning tertial 2 2019");
    t2_2019.period = Some(ReportPeriod {
        start: day("2019-05-01"),
        end: day("2019-08-31"),
    });
    let imported = import(&files, sheet, &t2_2019).unwrap();
    assert!(!imported.replaced);
    let agreement = agreement_of(&imported);
    assert_eq!(
        titles(&agreement),
        [
            "Uppföljning tertial 2 2019",
            "Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2019",
            TERTIAL_3_2018,
        ],
        "a dated report is newer than the undated ones"
    );

    // The same report id again replaces the report, with what the new sheet says.
    let mut after = files.clone();
    let entry = after
        .agreements
        .iter_mut()
        .find(|(n, _)| n == "jonkoping-2018-2019.json")
        .unwrap();
    entry.1 = imported.text;
    let again = import(
        &after,
        "activity,status\njonkoping-2018-2019-a1,done\njonkoping-2018-2019-a2,done\n",
        &t2_2019,
    )
    .unwrap();
    assert!(again.replaced);
    let agreement = agreement_of(&again);
    assert_eq!(titles(&agreement).len(), 3);
    assert_eq!(
        agreement.follow_up.as_ref().unwrap().reports[0]
            .statuses
            .len(),
        2
    );

    // An agreement without follow-up gets one, with the report.
    let mut without = files.clone();
    let entry = without
        .agreements
        .iter_mut()
        .find(|(n, _)| n == "jonkoping-2018-2019.json")
        .unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&entry.1).unwrap();
    value["followUp"] = serde_json::Value::Null;
    entry.1 = serde_json::to_string_pretty(&value).unwrap();
    let imported = import(&without, sheet, &t2_2019).unwrap();
    assert_eq!(
        titles(&agreement_of(&imported)),
        ["Uppföljning tertial 2 2019"]
    );
}

#[test]
fn a_sheet_that_is_not_utf8_is_refused() {
    let dir = scratch_data("latin1");
    let sheet = dir.join("latin1.csv");
    // "Genomförd" in Latin-1, as Excel saves plain "CSV" on Windows.
    std::fs::write(
        &sheet,
        b"activity;status\njonkoping-2018-2019-a1;Genomf\xf6rd\n".as_slice(),
    )
    .unwrap();
    let output = import_command(&sheet, AGREEMENT, "jonkoping-2018-2019-r3", "T", &dir, &[]);
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("not UTF-8"), "{stderr}");
    assert!(stderr.contains("CSV UTF-8"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

// ---- `loften followup draft`: a report's page drafted into the sheet. ----

/// A folder of its own for a test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("loften-draft-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn reports_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/followups")
}

/// `loften followup draft PAGE --agreement ID --data DATA`, with more arguments after.
fn draft_command(page: &Path, agreement: &str, data: &Path, more: &[&str]) -> Output {
    let args = [
        "followup",
        "draft",
        page.to_str().unwrap(),
        "--agreement",
        agreement,
        "--data",
        data.to_str().unwrap(),
    ];
    loften(&[&args[..], more].concat())
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_command_drafts_a_sheet_that_followup_import_takes_in() {
    let data = scratch_data("draft-end-to-end");
    let sheet = scratch("end-to-end").join("tertial-3-2018.csv");
    let page = reports_dir().join("01-jonkoping-2018-tabell.html");
    let data_arg = data.to_str().unwrap();
    let drafted = draft_command(
        &page,
        "jonkoping-2018-2019",
        &data,
        &["--out", sheet.to_str().unwrap()],
    );
    assert!(drafted.status.success(), "{}", stderr(&drafted));
    assert!(drafted.stdout.is_empty(), "the sheet went to --out");
    let notes = stderr(&drafted);
    assert!(
        notes.contains("9 of 11 activities have a status"),
        "{notes}"
    );
    assert!(
        notes.contains("jonkoping-2018-2019-a9: rapporten nämner inte aktiviteten"),
        "{notes}"
    );

    let imported = import_command(
        &sheet,
        "jonkoping-2018-2019",
        "jonkoping-2018-2019-t3-2018",
        TERTIAL_3_2018,
        &data,
        &[],
    );
    assert!(imported.status.success(), "{}", stderr(&imported));
    let file = std::fs::read_to_string(data.join("agreements/jonkoping-2018-2019.json")).unwrap();
    let agreement: Agreement = serde_json::from_str(&file).unwrap();
    let report = agreement
        .follow_up
        .iter()
        .flat_map(|f| &f.reports)
        .find(|r| r.id.as_deref() == Some("jonkoping-2018-2019-t3-2018"))
        .expect("the report was taken in");
    // What the page says, as a careful official fills it in.
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(reports_dir().join("01-jonkoping-2018-tabell.json")).unwrap(),
    )
    .unwrap();
    let expected: Vec<loften_core::ActivityStatus> =
        serde_json::from_value(expected["statuses"].clone()).unwrap();
    assert_eq!(report.statuses, expected);
    let check = loften(&["validate", data_arg]);
    assert!(check.status.success(), "{}", stderr(&check));
    let _ = std::fs::remove_dir_all(data);
    let _ = std::fs::remove_dir_all(sheet.parent().unwrap());
}

#[test]
fn the_command_prints_the_sheet_when_not_told_where_to_write_it() {
    let page = reports_dir().join("03-eslov-2017-streck.txt");
    let data = data_dir();
    let output = draft_command(&page, "eslov-2017", &data, &["--comma"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let sheet = String::from_utf8(output.stdout).unwrap();
    assert!(sheet.starts_with("activity,activity_text,status,text,done,of,unit\r\n"));
    assert!(sheet.contains("eslov-2017-a3,"), "{sheet}");
    assert!(sheet.contains(",Delvis genomförd,"), "{sheet}");
}

#[test]
fn a_page_that_cannot_be_read_is_an_error_and_nothing_is_written() {
    let dir = scratch("unreadable");
    let out = dir.join("sheet.csv");
    let binary = dir.join("rapport.pdf");
    std::fs::write(&binary, b"%PDF-1.4\x00\x01\x02\x03binary").unwrap();
    let empty = dir.join("tom.html");
    std::fs::write(&empty, "<html><body><script>app()</script></body></html>").unwrap();
    let missing = dir.join("finns-inte.txt");
    let data = data_dir();
    for (page, says) in [
        (&missing, "cannot read"),
        (&binary, "looks binary"),
        (&empty, "no text to read"),
    ] {
        let output = draft_command(page, "eslov-2016", &data, &["--out", out.to_str().unwrap()]);
        assert!(!output.status.success(), "{}", page.display());
        assert!(stderr(&output).contains(says), "{}", stderr(&output));
        assert!(output.stdout.is_empty());
        assert!(!out.exists(), "nothing is written for {}", page.display());
    }
    // An agreement that does not exist is said so, with the ones that do.
    let page = reports_dir().join("03-eslov-2017-streck.txt");
    let output = draft_command(&page, "eslov-2099", &data, &[]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("no agreement \"eslov-2099\""),
        "{}",
        stderr(&output)
    );
    let _ = std::fs::remove_dir_all(dir);
}
