//! Where an activity stands by the follow-up reports: the latest report that speaks of it,
//! the older ones, and a promise's tally, on the real agreement of Jönköping 2018–2019 with
//! reports made up for the test (the real sources give no statuses).

mod common;

use chrono::NaiveDate;
use loften_core::followups::{activity_status, history, promise_summary, PromiseSummary};
use loften_core::{ActivityStatus, Agreement, Progress, Report, ReportPeriod};

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
