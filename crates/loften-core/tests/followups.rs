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
