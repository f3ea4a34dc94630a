//! Where an activity stands by the follow-up reports: the latest report that speaks of it,
//! the older ones, and a promise's tally, on the real agreement of Jönköping 2018–2019 with
//! reports made up for the test (the real sources give no statuses).

mod common;

use chrono::NaiveDate;
use loften_core::followups::{activity_status, history, promise_summary, PromiseSummary};
use loften_core::{ActivityStatus, Agreement, Dataset, Progress, Report, ReportPeriod};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn agreement() -> Agreement {
    common::real_data()
        .agreement("jonkoping-2018-2019")
        .expect("the real data has Jönköping 2018–2019")
        .clone()
}

fn activity(n: usize) -> String {
    format!("jonkoping-2018-2019-a{n}")
}

fn report(id: &str, statuses: &[(usize, Progress)]) -> Report {
    Report {
        id: Some(id.into()),
        title: format!("Uppföljning {id}"),
        statuses: statuses
            .iter()
            .map(|&(n, status)| ActivityStatus {
                activity: activity(n),
                status,
                text: None,
                count: None,
            })
            .collect(),
        ..Report::default()
    }
}

fn ending(mut report: Report, start: &str, end: &str) -> Report {
    report.period = Some(ReportPeriod {
        start: day(start),
        end: day(end),
    });
    report
}

fn published(mut report: Report, date: &str) -> Report {
    report.published = Some(day(date));
    report
}

fn with_reports(reports: Vec<Report>) -> Agreement {
    let mut agreement = agreement();
    agreement.follow_up.as_mut().unwrap().reports = reports;
    agreement
}

/// The report ids of the latest status and of the history, for one activity.
fn ids(agreement: &Agreement, n: usize) -> (Option<&str>, Vec<&str>) {
    fn id(report: &Report) -> &str {
        report.id.as_deref().unwrap_or_default()
    }
    (
        activity_status(agreement, &activity(n)).map(|(r, _)| id(r)),
        history(agreement, &activity(n))
            .into_iter()
            .map(|(r, _)| id(r))
            .collect(),
    )
}

#[test]
fn no_real_activity_has_a_status() {
    let data = common::real_data();
    for agreement in &data.agreements {
        for a in &agreement.activities {
            assert_eq!(activity_status(agreement, &a.id), None, "{}", a.id);
            assert!(history(agreement, &a.id).is_empty(), "{}", a.id);
        }
    }
}

#[test]
fn the_latest_is_the_report_whose_period_ends_last_whatever_the_list_order() {
    let agreement = with_reports(vec![
        ending(
            report("r1", &[(1, Progress::Ongoing), (2, Progress::Ongoing)]),
            "2018-09-01",
            "2018-12-31",
        ),
        ending(
            report("r3", &[(1, Progress::Done)]),
            "2019-05-01",
            "2019-08-31",
        ),
        ending(
            report("r2", &[(1, Progress::Partly), (3, Progress::NotStarted)]),
            "2019-01-01",
            "2019-04-30",
        ),
    ]);
    assert_eq!(ids(&agreement, 1), (Some("r3"), vec!["r2", "r1"]));
    let (_, status) = activity_status(&agreement, &activity(1)).unwrap();
    assert_eq!(status.status, Progress::Done);
    // An activity the newest report leaves out keeps what the last report to speak of it said.
    assert_eq!(ids(&agreement, 2), (Some("r1"), vec![]));
    assert_eq!(ids(&agreement, 3), (Some("r2"), vec![]));
    // One no report speaks of has no status: not followed up, not "not done".
    assert_eq!(ids(&agreement, 4), (None, vec![]));
}

#[test]
fn without_a_period_the_publication_date_counts_and_undated_reports_are_older() {
    let agreement = with_reports(vec![
        report("undated-first", &[(1, Progress::NotDone)]),
        ending(
            report("ends-april", &[(1, Progress::Ongoing)]),
            "2019-01-01",
            "2019-04-30",
        ),
        published(
            report("published-may", &[(1, Progress::Done)]),
            "2019-05-20",
        ),
        report("undated-second", &[(1, Progress::NotStarted)]),
    ]);
    assert_eq!(
        ids(&agreement, 1),
        (
            Some("published-may"),
            vec!["ends-april", "undated-first", "undated-second"]
        )
    );
}

#[test]
fn between_undated_reports_the_one_listed_first_is_the_latest() {
    // The sources list reports newest first.
    let agreement = with_reports(vec![
        report("t1-2019", &[(5, Progress::Done)]),
        report("t3-2018", &[(5, Progress::Ongoing)]),
    ]);
    assert_eq!(ids(&agreement, 5), (Some("t1-2019"), vec!["t3-2018"]));
}

#[test]
fn a_promise_counts_its_activities_done_by_their_latest_reports() {
    // Promise l1 has activities a1–a5.
    let t3_2018 = ending(
        report(
            "t3-2018",
            &[
                (1, Progress::Done),
                (2, Progress::Done),
                (3, Progress::Ongoing),
            ],
        ),
        "2018-09-01",
        "2018-12-31",
    );
    let t1_2019 = ending(
        report(
            "t1-2019",
            &[
                (1, Progress::Done),
                (2, Progress::NotDone),
                (4, Progress::Done),
            ],
        ),
        "2019-01-01",
        "2019-04-30",
    );
    let agreement = with_reports(vec![t1_2019, t3_2018]);
    let summary = promise_summary(&agreement, "jonkoping-2018-2019-l1");
    assert_eq!(
        (summary.done, summary.followed_up, summary.of),
        (2, 4, 5),
        "a1 and a4 done; a2 no longer; a3 ongoing; a5 not followed up"
    );
    assert_eq!(
        summary.latest.and_then(|r| r.id.as_deref()),
        Some("t1-2019")
    );

    // The latest is the newest of the activities' own latest reports.
    let only_old = with_reports(vec![
        report("t1-2019", &[(6, Progress::Done)]),
        report("t3-2018", &[(3, Progress::Done)]),
    ]);
    let summary = promise_summary(&only_old, "jonkoping-2018-2019-l1");
    assert_eq!((summary.done, summary.followed_up, summary.of), (1, 1, 5));
    assert_eq!(
        summary.latest.and_then(|r| r.id.as_deref()),
        Some("t3-2018")
    );

    // Promise l2 (a6–a11) is spoken of by no report here; an unknown promise has nothing.
    let summary = promise_summary(&agreement, "jonkoping-2018-2019-l2");
    assert_eq!(
        summary,
        PromiseSummary {
            done: 0,
            followed_up: 0,
            of: 6,
            latest: None
        }
    );
    assert_eq!(promise_summary(&agreement, "nope").of, 0);
}

#[test]
fn an_agreement_without_follow_up_has_no_statuses() {
    let mut agreement = agreement();
    agreement.follow_up = None;
    assert_eq!(activity_status(&agreement, &activity(1)), None);
    assert_eq!(promise_summary(&agreement, "jonkoping-2018-2019-l1").of, 5);
}

// ---- the open-data download ------------------------------------------------------------------

/// The real data with Jönköping 2018–2019's two reports given statuses.
fn data_with_statuses() -> loften_core::Dataset {
    let mut data = common::real_data();
    let position = data
        .agreements
        .iter()
        .position(|a| a.id == "jonkoping-2018-2019")
        .unwrap();
    let mut t3_2018 = ending(
        report(
            "jonkoping-2018-2019-r2",
            &[(1, Progress::Partly), (6, Progress::Done)],
        ),
        "2018-09-01",
        "2018-12-31",
    );
    t3_2018.statuses[0].text = Some("Kontroller, \"riktade\", vid skolor".into());
    t3_2018.statuses[0].count = Some(loften_core::DoneCount {
        done: Some(52),
        of: Some(100),
        unit: Some("trafikkontroller".into()),
    });
    t3_2018.url = Some("https://polisen.se/t3".into());
    let t1_2019 = published(
        report("jonkoping-2018-2019-r3", &[(1, Progress::Done)]),
        "2019-05-20",
    );
    data.agreements[position]
        .follow_up
        .as_mut()
        .unwrap()
        .reports = vec![t1_2019, t3_2018];
    data
}

fn results(groups: Vec<loften_core::query::Group>) -> loften_core::Results {
    loften_core::Results {
        groups,
        record_count: 0,
        facets: Default::default(),
    }
}

fn read_csv(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn statuses_are_exported_one_row_per_report_and_activity() {
    use loften_core::views::{export_statuses_csv, STATUS_EXPORT_COLUMNS};
    let data = data_with_statuses();
    let every_agreement = results(
        (0..data.agreements.len())
            .map(|agreement| loften_core::query::Group {
                agreement,
                promises: vec![],
                activities: vec![],
            })
            .collect(),
    );
    let text = export_statuses_csv(&data, &every_agreement);
    assert!(text.ends_with("\r\n"));
    let rows = read_csv(&text);
    assert_eq!(rows[0], STATUS_EXPORT_COLUMNS);
    let cell = |row: &[String], column: &str| {
        row[STATUS_EXPORT_COLUMNS
            .iter()
            .position(|c| *c == column)
            .unwrap()]
        .clone()
    };
    let of_rows: Vec<(String, String, String)> = rows[1..]
        .iter()
        .map(|r| (cell(r, "report"), cell(r, "activity"), cell(r, "status")))
        .collect();
    assert_eq!(
        of_rows,
        [
            ("jonkoping-2018-2019-r3", "jonkoping-2018-2019-a1", "done"),
            ("jonkoping-2018-2019-r2", "jonkoping-2018-2019-a1", "partly"),
            ("jonkoping-2018-2019-r2", "jonkoping-2018-2019-a6", "done"),
        ]
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    );
    let partly = &rows[2];
    assert_eq!(cell(partly, "agreement"), "jonkoping-2018-2019");
    assert_eq!(cell(partly, "kommuner"), "Jönköping");
    assert_eq!(
        (cell(partly, "report_start"), cell(partly, "report_end")),
        ("2018-09-01".to_string(), "2018-12-31".to_string())
    );
    assert_eq!(cell(partly, "status_sv"), "Delvis genomförd");
    assert_eq!(cell(partly, "text"), "Kontroller, \"riktade\", vid skolor");
    assert_eq!(
        [
            cell(partly, "done"),
            cell(partly, "of"),
            cell(partly, "unit")
        ],
        ["52", "100", "trafikkontroller"]
    );
    assert_eq!(cell(partly, "report_url"), "https://polisen.se/t3");
    assert_eq!(cell(partly, "promise"), "jonkoping-2018-2019-l1");
    assert_eq!(cell(&rows[1], "published"), "2019-05-20");
    assert!(cell(partly, "activity_text")
        .starts_with(&data.agreement("jonkoping-2018-2019").unwrap().activities[0].text[..20]));

    // An agreement listed for one matched activity brings only that activity's statuses.
    let position = data
        .agreements
        .iter()
        .position(|a| a.id == "jonkoping-2018-2019")
        .unwrap();
    let one_activity = results(vec![loften_core::query::Group {
        agreement: position,
        promises: vec![],
        activities: vec![5],
    }]);
    let rows = read_csv(&export_statuses_csv(&data, &one_activity));
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(cell(&rows[1], "activity"), "jonkoping-2018-2019-a6");

    // The real data alone has none: a header and nothing else.
    let real = common::real_data();
    assert_eq!(
        export_statuses_csv(&real, &every_agreement),
        format!("{}\r\n", STATUS_EXPORT_COLUMNS.join(","))
    );
}

// ---- the sheet officials fill in -------------------------------------------------------------

mod sheet {
    use super::*;
    use loften_core::followups::sheet::{
        filled_status_sheet, read_status_sheet, status_sheet, SheetDialect, SheetProblem,
        SHEET_COLUMNS,
    };
    use loften_core::DoneCount;

    fn statuses(text: &str) -> Vec<ActivityStatus> {
        read_status_sheet(&agreement(), text).unwrap_or_else(|p| panic!("{p:#?}"))
    }

    fn problems(text: &str) -> Vec<SheetProblem> {
        read_status_sheet(&agreement(), text).expect_err("the sheet must be refused")
    }

    /// (row, column, value) of each problem, and that each says what to do.
    fn places(problems: &[SheetProblem]) -> Vec<(usize, &str, &str)> {
        for p in problems {
            assert!(!p.message.is_empty() && !p.fix.is_empty(), "{p:#?}");
        }
        problems
            .iter()
            .map(|p| (p.row, p.column.as_str(), p.value.as_str()))
            .collect()
    }

    #[test]
    fn the_template_has_a_row_per_activity_with_its_id_and_text() {
        let agreement = agreement();
        for (dialect, delimiter, start) in [
            (
                SheetDialect::Excel,
                b';',
                "\u{feff}activity;activity_text;status;",
            ),
            (SheetDialect::Comma, b',', "activity,activity_text,status,"),
        ] {
            let sheet = status_sheet(&agreement, dialect);
            assert!(sheet.starts_with(start), "{dialect:?}: {}", &sheet[..40]);
            let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .has_headers(false)
                .from_reader(sheet.trim_start_matches('\u{feff}').as_bytes())
                .records()
                .map(|r| r.unwrap().iter().map(String::from).collect())
                .collect();
            assert_eq!(rows[0], SHEET_COLUMNS);
            assert_eq!(rows.len(), 1 + agreement.activities.len());
            for (row, activity) in rows[1..].iter().zip(&agreement.activities) {
                assert_eq!(row[0], activity.id);
                assert_eq!(
                    row[1], activity.text,
                    "texts with commas and quotes survive"
                );
                assert!(row[2..].iter().all(String::is_empty));
            }
            // Unfilled, it says nothing of any activity.
            assert_eq!(read_status_sheet(&agreement, &sheet), Ok(vec![]));
        }
    }

    #[test]
    fn a_filled_sheet_reads_back_as_the_statuses_it_was_written_from() {
        let agreement = agreement();
        let count = |done, of, unit: Option<&str>| {
            Some(DoneCount {
                done,
                of,
                unit: unit.map(String::from),
            })
        };
        let written = vec![
            ActivityStatus {
                activity: activity(1),
                status: Progress::Partly,
                text: Some("Hundsök vid 6 av 8 skolor; \"resten\" i vår, sa de.".into()),
                count: count(Some(6), Some(8), Some("skolor")),
            },
            ActivityStatus {
                activity: activity(4),
                status: Progress::Unassessable,
                text: None,
                count: None,
            },
            ActivityStatus {
                activity: activity(6),
                status: Progress::Done,
                text: Some("Totalt 214 fotpatrulleringar.".into()),
                count: count(Some(214), None, None),
            },
        ];
        for dialect in [SheetDialect::Excel, SheetDialect::Comma] {
            let sheet = filled_status_sheet(&agreement, &written, dialect);
            assert_eq!(statuses_of(&agreement, &sheet), written, "{dialect:?}");
            // Only the rows with a status differ from the template's.
            let template = status_sheet(&agreement, dialect);
            let changed = sheet.lines().zip(template.lines()).filter(|(a, b)| a != b);
            assert_eq!(changed.count(), written.len());
            assert!(
                sheet.contains("Delvis genomförd"),
                "the Swedish label is written"
            );
        }
    }

    fn statuses_of(agreement: &Agreement, sheet: &str) -> Vec<ActivityStatus> {
        read_status_sheet(agreement, sheet).unwrap_or_else(|p| panic!("{p:#?}"))
    }

    #[test]
    fn a_swedish_excel_sheet_with_semicolons_a_bom_and_swedish_labels_reads() {
        let sheet = "\u{feff}activity;activity_text;status;text;done;of;unit\r\n\
            jonkoping-2018-2019-a2;Den strategiska…;Delvis genomförd;\"Gruppen har träffats; två gånger\";;;\r\n\
            jonkoping-2018-2019-a1;Polisen kommer…;GENOMFÖRD;;1 000;1\u{a0}000;hundsök\r\n\
            jonkoping-2018-2019-a3;;ej påbörjad;;;;\r\n\
            jonkoping-2018-2019-a4;;;;;;\r\n\
            jonkoping-2018-2019-a5;;Kan inte bedömas;;;12;\r\n\
            ;;;;;;\r\n";
        let read = statuses(sheet);
        let summary: Vec<(&str, Progress)> = read
            .iter()
            .map(|s| (s.activity.as_str(), s.status))
            .collect();
        assert_eq!(
            summary,
            [
                ("jonkoping-2018-2019-a1", Progress::Done),
                ("jonkoping-2018-2019-a2", Progress::Partly),
                ("jonkoping-2018-2019-a3", Progress::NotStarted),
                ("jonkoping-2018-2019-a5", Progress::Unassessable),
            ],
            "in the agreement's order; an empty status is no status"
        );
        assert_eq!(
            read[0].count,
            Some(DoneCount {
                done: Some(1000),
                of: Some(1000),
                unit: Some("hundsök".into())
            })
        );
        assert_eq!(read[0].text, None);
        assert_eq!(
            read[1].text.as_deref(),
            Some("Gruppen har träffats; två gånger")
        );
        assert_eq!(read[1].count, None);
        assert_eq!(
            read[3].count,
            Some(DoneCount {
                done: None,
                of: Some(12),
                unit: None
            })
        );
    }

    #[test]
    fn a_comma_sheet_may_order_and_leave_out_its_optional_columns() {
        let sheet = "Status, Activity ,text\n\
            not-done,jonkoping-2018-2019-a7,\"Inga \"\"möten\"\", i år\"\n\
            Pågår,jonkoping-2018-2019-a6,\n";
        let read = statuses(sheet);
        assert_eq!(read.len(), 2);
        assert_eq!(
            (read[0].activity.as_str(), read[0].status),
            ("jonkoping-2018-2019-a6", Progress::Ongoing)
        );
        assert_eq!(read[1].text.as_deref(), Some("Inga \"möten\", i år"));
    }

    #[test]
    fn every_bad_row_is_reported_with_its_row_column_and_value() {
        let sheet = "activity;activity_text;status;text;done;of;unit\n\
            jonkoping-2018-2019-a1;;klar;;;;\n\
            jonkoping-2018-2019-a2;;done;;;;\n\
            jonkoping-2018-2019-a2;;done;;;;\n\
            jonkoping-2020-a1;;done;;;;\n\
            ;;done;;;;\n\
            jonkoping-2018-2019-a3;;;Möten hölls;;;\n\
            jonkoping-2018-2019-a4;;done;;ca 50;100;\n\
            jonkoping-2018-2019-a5;;done;;120;100;\n\
            jonkoping-2018-2019-a6;;done;;;;kontroller\n\
            jonkoping-2018-2019-a7;;Genomförd;;4;0;\n";
        let found = problems(sheet);
        assert_eq!(
            places(&found),
            [
                (2, "status", "klar"),
                (4, "activity", "jonkoping-2018-2019-a2"),
                (5, "activity", "jonkoping-2020-a1"),
                (6, "activity", ""),
                (7, "status", ""),
                (8, "done", "ca 50"),
                (9, "done", "120"),
                (10, "unit", "kontroller"),
            ],
            "{found:#?}"
        );
        // An unknown status lists what is allowed, Swedish labels too.
        assert!(found[0].fix.contains("not-started"), "{:?}", found[0].fix);
        assert!(found[0].fix.contains("Ej påbörjad"), "{:?}", found[0].fix);
        assert!(found[1].message.contains("row 3"), "{:?}", found[1].message);
        assert!(found[2]
            .fix
            .contains("loften followup template jonkoping-2018-2019"));
        // Shown, a problem names all four.
        assert_eq!(
            found[5].to_string().lines().next(),
            Some("row 8, column done: \"ca 50\": not a whole number")
        );
    }

    #[test]
    fn a_header_without_the_sheet_s_columns_is_refused() {
        let found = problems("aktivitet;status\njonkoping-2018-2019-a1;done\n");
        assert_eq!(
            places(&found),
            [(1, "A", "aktivitet"), (1, "activity", "")],
            "{found:#?}"
        );
        let found = problems("activity,status,status,kommentar\n");
        assert_eq!(
            places(&found),
            [(1, "C", "status"), (1, "D", "kommentar")],
            "{found:#?}"
        );
        assert_eq!(places(&problems("")), [(1, "(the header)", "")]);
        assert_eq!(places(&problems("\u{feff}")), [(1, "(the header)", "")]);
    }
}

#[test]
fn a_kommun_looks_back_on_its_latest_ended_agreement_and_ahead_to_the_current_one() {
    use loften_core::views::how_it_went;
    let mut data = common::real_data();
    let on = |data: &Dataset, today: &str| {
        let went = how_it_went(data, "Jönköping", day(today));
        (
            went.ended.map(|a| a.id.clone()),
            went.current.map(|a| a.id.clone()),
        )
    };
    let id = |text: &str| Some(text.to_string());
    assert_eq!(on(&data, "2026-12-05"), (id("jonkoping-2020"), None));
    assert_eq!(
        on(&data, "2020-06-01"),
        (id("jonkoping-2018-2019"), id("jonkoping-2020"))
    );
    assert_eq!(on(&data, "2015-06-01"), (None, id("jonkoping-2016")));
    // Two to come: the nearer one is next.
    let mut later = data.agreement("jonkoping-2020").unwrap().clone();
    later.id = "jonkoping-2030".into();
    later.period.from = 2030;
    later.period.to = 2030;
    data.agreements.insert(0, later);
    assert_eq!(
        on(&data, "2017-06-01"),
        (id("jonkoping-2016"), id("jonkoping-2018-2019"))
    );
    // An announcement looks back on nothing: Jämtland's kommuner have only that.
    let went = how_it_went(&data, "Åre", day("2026-12-05"));
    assert_eq!((went.ended, went.current), (None, None));
}
